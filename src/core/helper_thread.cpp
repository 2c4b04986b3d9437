#include "lumbarlab/core/helper_thread.h"

namespace lumbarlab {

HelperThread::HelperThread() : thread_([this] { loop(); }) {}

HelperThread::~HelperThread() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void HelperThread::loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        changed_.wait(lock, [this] { return stopping_ || job_ != nullptr; });
        if (job_ == nullptr) return;  // stopping with nothing to do
        const std::function<void()>* job = job_;
        lock.unlock();
        std::exception_ptr failure;
        try {
            (*job)();
        } catch (...) {
            failure = std::current_exception();
        }
        lock.lock();
        job_ = nullptr;
        failure_ = failure;
        done_ = true;
        changed_.notify_all();
    }
}

void HelperThread::runAlongside(const std::function<void()>& theirs, const std::function<void()>& mine) {
    std::unique_lock<std::mutex> caller(callers_, std::try_to_lock);
    if (!caller.owns_lock()) {
        mine();
        theirs();
        return;
    }
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        job_ = &theirs;
        done_ = false;
        failure_ = nullptr;
    }
    changed_.notify_all();
    std::exception_ptr own;
    try {
        mine();
    } catch (...) {
        own = std::current_exception();
    }
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return done_; });
    if (own) std::rethrow_exception(own);
    if (failure_) std::rethrow_exception(failure_);
}

}  // namespace lumbarlab
