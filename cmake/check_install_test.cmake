# Installs the build into a scratch prefix and checks what a CI image gets:
# the binary runs, `man -l` renders resdiff.1 without warnings and documents
# every subcommand, and the bash completion loads and completes subcommands.
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix"
  RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
set(prefix "${WORK_DIR}/prefix")
foreach(f bin/resdiff share/man/man1/resdiff.1 share/bash-completion/completions/resdiff share/zsh/site-functions/_resdiff)
  if(NOT EXISTS "${prefix}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()

execute_process(COMMAND "${prefix}/bin/resdiff" --help RESULT_VARIABLE rc OUTPUT_VARIABLE help)
if(rc)
  message(FATAL_ERROR "installed resdiff --help failed: ${rc}")
endif()
string(REGEX MATCHALL "\n  [a-z-]+ " command_lines "${help}")
set(commands "")
foreach(line IN LISTS command_lines)
  string(STRIP "${line}" name)
  list(APPEND commands "${name}")
endforeach()
list(LENGTH commands n)
if(n LESS 4)
  message(FATAL_ERROR "could not read the subcommands from resdiff --help: ${help}")
endif()

find_program(MAN man REQUIRED)
execute_process(COMMAND ${CMAKE_COMMAND} -E env MANWIDTH=100 MAN_KEEP_FORMATTING= LC_ALL=C.UTF-8
    ${MAN} --warnings -l "${prefix}/share/man/man1/resdiff.1"
  RESULT_VARIABLE rc OUTPUT_VARIABLE page ERROR_VARIABLE warnings)
if(rc OR NOT warnings STREQUAL "")
  message(FATAL_ERROR "man -l resdiff.1: status ${rc}, warnings: ${warnings}")
endif()
foreach(section NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" EXAMPLES)
  if(NOT page MATCHES "\n${section}\n")
    message(FATAL_ERROR "man page lacks the section ${section}")
  endif()
endforeach()
string(REGEX REPLACE "[^\n]\b" "" page "${page}")   # strip overstrike, if any
foreach(name IN LISTS commands)
  if(NOT page MATCHES "resdiff ${name}" AND NOT page MATCHES "\n       ${name} ")
    message(FATAL_ERROR "man page does not document the subcommand '${name}'")
  endif()
endforeach()

find_program(BASH bash REQUIRED)
foreach(name IN LISTS commands)
  string(SUBSTRING "${name}" 0 3 stem)
  execute_process(COMMAND ${BASH} -c
      "source '${prefix}/share/bash-completion/completions/resdiff'; COMP_WORDS=(resdiff ${stem}); COMP_CWORD=1; _resdiff; printf '%s\\n' \"\${COMPREPLY[@]}\""
    WORKING_DIRECTORY "${WORK_DIR}" RESULT_VARIABLE rc OUTPUT_VARIABLE completed ERROR_VARIABLE err)
  if(rc OR NOT completed MATCHES "(^|\n)${name}\n")
    message(FATAL_ERROR "bash completion of '${stem}' does not offer '${name}': ${completed} ${err}")
  endif()
endforeach()
execute_process(COMMAND ${BASH} -c
    "source '${prefix}/share/bash-completion/completions/resdiff'; COMP_WORDS=(resdiff check --format ''); COMP_CWORD=3; _resdiff; printf '%s ' \"\${COMPREPLY[@]}\""
  RESULT_VARIABLE rc OUTPUT_VARIABLE formats)
if(NOT formats STREQUAL "terminal json markdown ")
  message(FATAL_ERROR "bash completion of check --format: '${formats}'")
endif()
# The PDF reader is a module loaded on the first PDF (cmake/optional.cmake):
# the installed binary finds it under LIBDIR/resdiff of its own prefix, and a
# binary without it says so in one line (exit 2) instead of failing to start.
file(GLOB_RECURSE pdf_module "${prefix}/*/resdiff-pdf.so")
if(NOT pdf_module)
  message(FATAL_ERROR "not installed: resdiff-pdf.so")
endif()
if(CORPUS_DIR AND EXISTS "${CORPUS_DIR}/pdf/A-RES-80-118.pdf")
  set(pdf "${CORPUS_DIR}/pdf/A-RES-80-118.pdf")
  execute_process(COMMAND "${prefix}/bin/resdiff" parse "${pdf}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc OR NOT out MATCHES "A/RES/80/118")
    message(FATAL_ERROR "installed resdiff parse on a PDF: status ${rc}: ${err}")
  endif()
  file(MAKE_DIRECTORY "${WORK_DIR}/lonely")
  file(COPY "${prefix}/bin/resdiff" DESTINATION "${WORK_DIR}/lonely")
  if(NOT EXISTS "/usr/local/lib/resdiff/resdiff-pdf.so")
    execute_process(COMMAND "${WORK_DIR}/lonely/resdiff" parse "${pdf}" RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
    if(NOT rc EQUAL 2 OR NOT err MATCHES "^resdiff: [^\n]*PDF support is not installed: resdiff-pdf.so not found[^\n]*\n$")
      message(FATAL_ERROR "resdiff without its PDF module: status ${rc}, stderr: ${err}")
    endif()
  endif()
endif()
message(STATUS "installed and checked: ${commands}")
