# Warnings and (optionally) sanitizers for the project's own targets only; third-party code is untouched.
option(LUMBARLAB_WERROR "Treat compiler warnings in the project's own targets as errors" OFF)

function(lumbarlab_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wno-missing-field-initializers)
  if(LUMBARLAB_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(LUMBARLAB_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    # GCC 12's flow analysis under -fsanitize at -O1 flags libstdc++'s own std::regex and
    # std::function internals as maybe-uninitialized (false positives, GCC bug 105616); the dev
    # build keeps the warning.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
    endif()
  endif()
endfunction()
