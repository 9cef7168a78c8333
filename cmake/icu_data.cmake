# Writes ICU's common data, trimmed to what newsdex's analysis reads, as
# assembly defining ICU's data entry point (icudtNN_dat), for a binary that
# links ICU's archives (top CMakeLists.txt, newsdex_icu). Run as
#   cmake -DICUDATA_SO=… -DICU_DATA_NAME=icudt72l -DICU_ENTRY=icudt72
#         -DKEEP="regex" -DOUT_DIR=… -DICUPKG=… -DGENCCODE=… -DOBJCOPY=…
#         -P icu_data.cmake
# Debian's libicudata.so holds nothing but the data, in .rodata; icupkg
# reads it as a package (and fails the build if it is not one), removes
# every item KEEP does not match (it also fails when a kept item needs a
# removed one), and genccode writes the rest as assembly.
foreach(var ICUDATA_SO ICU_DATA_NAME ICU_ENTRY KEEP OUT_DIR ICUPKG GENCCODE OBJCOPY)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "icu_data.cmake: ${var} not set")
  endif()
endforeach()

set(work ${OUT_DIR}/work)
file(REMOVE_RECURSE ${work})
file(MAKE_DIRECTORY ${work}/full ${work}/trimmed)
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "icu_data.cmake: ${ARGN}: ${status}\n${out}${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

run(${OBJCOPY} -O binary --only-section=.rodata ${ICUDATA_SO} ${work}/full/${ICU_DATA_NAME}.dat)
run(${ICUPKG} -l ${work}/full/${ICU_DATA_NAME}.dat)
string(REPLACE "\n" ";" items "${run_output}")
set(remove "")
set(kept 0)
foreach(item IN LISTS items)
  if(item STREQUAL "")
    continue()
  elseif(item MATCHES "${KEEP}")
    math(EXPR kept "${kept} + 1")
  else()
    string(APPEND remove "${item}\n")
  endif()
endforeach()
if(kept EQUAL 0)
  message(FATAL_ERROR "icu_data.cmake: no item of ${ICUDATA_SO} matches ${KEEP}")
endif()
file(WRITE ${work}/remove.txt "${remove}")
run(${ICUPKG} -r ${work}/remove.txt ${work}/full/${ICU_DATA_NAME}.dat ${work}/trimmed/${ICU_DATA_NAME}.dat)
run(${GENCCODE} -q -a gcc -e ${ICU_ENTRY} -d ${work} ${work}/trimmed/${ICU_DATA_NAME}.dat)
file(RENAME ${work}/${ICU_DATA_NAME}_dat.S ${OUT_DIR}/${ICU_DATA_NAME}_dat.S)
file(REMOVE_RECURSE ${work})
