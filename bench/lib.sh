# lib.sh — helpers the bench scripts share (sourced, not run).

# cpu_of CMD...: CPU seconds (user + sys) of one run of CMD, output dropped;
# exits the bench when CMD fails.
cpu_of() {
  python3 -c '
import os, sys
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_WRONLY); os.dup2(fd, 1); os.dup2(fd, 2)
    os.execvp(sys.argv[1], sys.argv[1:])
_, st, ru = os.wait4(pid, 0)
if os.waitstatus_to_exitcode(st) != 0:
    sys.exit("bench: %s failed" % sys.argv[1])
print("%.4f" % (ru.ru_utime + ru.ru_stime))' "$@"
}

# largest_story BIN DB: the id and article count ("ID SIZE") of DB's
# largest story.
largest_story() {
  "$1" --db "$2" --json stories | python3 -c '
import json, sys
s = max(json.load(sys.stdin)["stories"], key=lambda s: s["size"])
print(s["id"], s["size"])'
}
