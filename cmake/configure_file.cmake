# Copies IN to OUT, replacing @PLANNER_VERSION@ (used for the shell's files).
configure_file("${IN}" "${OUT}" @ONLY)
