#pragma once
// A second thread kept for the life of its owner, for splitting short jobs (a pose change's muscle
// meshes) in two. Starting a std::thread per job cost more than the half it saved: thread
// creation, and the thread_local scratch buffers the new thread had to grow again each time.
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace lumbarlab {

class HelperThread {
public:
    HelperThread();
    ~HelperThread();
    HelperThread(const HelperThread&) = delete;
    HelperThread& operator=(const HelperThread&) = delete;

    /// Runs `theirs` on the helper and `mine` on the calling thread, and returns when both have
    /// finished. If the helper is busy with another caller's job, both run here, one after the
    /// other. An exception from either is rethrown here (the caller's own first).
    void runAlongside(const std::function<void()>& theirs, const std::function<void()>& mine);

private:
    void loop();

    std::mutex callers_;  // held for the length of one runAlongside that uses the helper
    std::mutex mutex_;
    std::condition_variable changed_;
    const std::function<void()>* job_ = nullptr;
    bool done_ = false;
    bool stopping_ = false;
    std::exception_ptr failure_;
    std::thread thread_;
};

}  // namespace lumbarlab
