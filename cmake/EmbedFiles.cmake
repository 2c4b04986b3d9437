# Embeds text files (shaders) into a generated C++ source so the program never depends on its
# working directory. lumbarlab_embed_files(OUT <cpp> NAMESPACE <ns> FILES <abs paths...>)
# generates `std::string_view <ns>::embeddedFile(std::string_view name)` (name = file name).
set(_lumbarlab_embed_script ${CMAKE_CURRENT_LIST_DIR}/EmbedFilesScript.cmake)

function(lumbarlab_embed_files)
  cmake_parse_arguments(ARG "" "OUT;NAMESPACE" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${ARG_OUT}
    COMMAND ${CMAKE_COMMAND} -DOUT=${ARG_OUT} -DNAMESPACE=${ARG_NAMESPACE} "-DFILES=${ARG_FILES}"
            -P ${_lumbarlab_embed_script}
    DEPENDS ${ARG_FILES} ${_lumbarlab_embed_script}
    COMMENT "Embedding ${ARG_NAMESPACE} files"
    VERBATIM)
endfunction()
