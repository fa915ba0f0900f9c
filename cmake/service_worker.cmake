# Writes dist/sw.js (OUT) from shell/service-worker.js (IN): the site's files
# to keep for offline use (everything in DIST but the worker itself), and a
# hash of their contents, so that any change to the site is a new worker.
file(GLOB_RECURSE files RELATIVE "${DIST}" "${DIST}/*")
# embed.json says which sites may talk to the planner: its owner's change
# must take effect at once, so it is never kept (docs/embedding.md).
list(REMOVE_ITEM files sw.js embed.json)
list(SORT files)
set(hashes "")
set(listed "  './',\n")
foreach(file ${files})
  file(SHA256 "${DIST}/${file}" hash)
  string(APPEND hashes "${file} ${hash}\n")
  string(APPEND listed "  './${file}',\n")
endforeach()
string(SHA256 build "${hashes}")
string(SUBSTRING "${build}" 0 16 BUILD)
set(PRECACHE "[\n${listed}]")
configure_file("${IN}" "${OUT}" @ONLY)
