# Fails when any tracked-layer C++ file differs from .clang-format; names each one.
file(GLOB_RECURSE files "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/app/*.h" "${SOURCE_DIR}/core/*.cpp"
     "${SOURCE_DIR}/core/*.h" "${SOURCE_DIR}/ui/*.cpp" "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/tests/*.cpp"
     "${SOURCE_DIR}/tests/*.h" "${SOURCE_DIR}/bench/*.cpp" "${SOURCE_DIR}/bench/*.h")
set(bad "")
foreach(file IN LISTS files)
    execute_process(COMMAND "${CLANG_FORMAT}" --dry-run --Werror "--style=file:${SOURCE_DIR}/.clang-format" "${file}"
                    RESULT_VARIABLE result OUTPUT_QUIET ERROR_QUIET)
    if(NOT result EQUAL 0)
        list(APPEND bad "${file}")
    endif()
endforeach()
list(LENGTH files count)
if(bad)
    string(REPLACE ";" "\n  " bad "${bad}")
    message(FATAL_ERROR "These files differ from .clang-format (run scripts/format.sh):\n  ${bad}")
endif()
message(STATUS "${count} files match .clang-format")
