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
