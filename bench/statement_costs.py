#!/usr/bin/env python3
"""statement_costs.py — the instructions each SQL statement costs an ingest,
by callgrind: an LD_PRELOAD library (written and built here) sends every
sqlite3_step and sqlite3_exec through a function of its own for each SQL
text (tramp_N, trampx_N), so that callgrind's inclusive cost of that
function is the statement's, SQLite's work and the nested statements it
runs (FTS5's) included; it also counts each statement's steps and VDBE
operations (SQLITE_STMTSTATUS_VM_STEP). The preload's own lookup of the
text is outside the functions (the run's total is higher than a plain
one; the statements' figures are not).

  python3 bench/statement_costs.py --bin build/storyline --input X.jsonl [--top 40]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

SLOTS = 256

HEAD = r'''#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef struct sqlite3_stmt sqlite3_stmt;
typedef struct sqlite3 sqlite3;
typedef int (*exec_fn)(sqlite3 *, const char *, void *, void *, char **);
static int (*real_step)(sqlite3_stmt *);
static const char *(*real_sql)(sqlite3_stmt *);
static int (*real_status)(sqlite3_stmt *, int, int);
static exec_fn real_exec;
volatile int sink;
static struct { char *text; long steps, vm; } seen[%(slots)d];
static int n_seen;
static void report(void)
{
    for (int i = 0; i < n_seen; i++)
        fprintf(stderr, "COST %%d %%ld %%ld %%s\n", i, seen[i].steps, seen[i].vm, seen[i].text);
}
static void init(void)
{
    if (real_step)
        return;
    real_step = (int (*)(sqlite3_stmt *))dlsym(RTLD_NEXT, "sqlite3_step");
    real_sql = (const char *(*)(sqlite3_stmt *))dlsym(RTLD_NEXT, "sqlite3_sql");
    real_status = (int (*)(sqlite3_stmt *, int, int))dlsym(RTLD_NEXT, "sqlite3_stmt_status");
    real_exec = (exec_fn)dlsym(RTLD_NEXT, "sqlite3_exec");
    atexit(report);
}
static int slot(const char *sql)
{
    int i = 0;
    while (i < n_seen && strcmp(seen[i].text, sql))
        i++;
    if (i == n_seen && n_seen < %(slots)d - 1 && (seen[i].text = strdup(sql)))
        n_seen++;
    return i < n_seen ? i : %(slots)d - 1;
}
'''

TAIL = r'''
int sqlite3_step(sqlite3_stmt *s)
{
    init();
    const char *q = real_sql(s);
    int i = slot(q ? q : "?");
    int r = step_of[i](s);
    seen[i].steps++;
    seen[i].vm += real_status(s, 4 /* SQLITE_STMTSTATUS_VM_STEP */, 1);
    return r;
}
int sqlite3_exec(sqlite3 *d, const char *q, void *c, void *a, char **e)
{
    init();
    char text[300];
    snprintf(text, sizeof text, "EXEC %s", q);
    int i = slot(text);
    seen[i].steps++;
    return exec_of[i](d, q, c, a, e);
}
'''


def preload_source():
    parts = [HEAD % {'slots': SLOTS}]
    for i in range(SLOTS):
        parts.append('__attribute__((noinline)) int tramp_%d(sqlite3_stmt *s)'
                     ' { sink = %d; int r = real_step(s); sink = -%d; return r; }\n' % (i, i, i))
        parts.append('__attribute__((noinline)) int trampx_%d(sqlite3 *d, const char *q, void *c,'
                     ' void *a, char **e) { sink = %d; int r = real_exec(d, q, c, a, e);'
                     ' sink = -%d; return r; }\n' % (i, i, i))
    parts.append('static int (*const step_of[])(sqlite3_stmt *) = {%s};\n'
                 % ', '.join('tramp_%d' % i for i in range(SLOTS)))
    parts.append('static const exec_fn exec_of[] = {%s};\n'
                 % ', '.join('trampx_%d' % i for i in range(SLOTS)))
    parts.append(TAIL)
    return ''.join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default='build/storyline')
    ap.add_argument('--input', required=True)
    ap.add_argument('--top', type=int, default=40)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src, lib = os.path.join(tmp, 'costs.c'), os.path.join(tmp, 'costs.so')
        with open(src, 'w') as f:
            f.write(preload_source())
        # -fno-ipa-icf: the functions stay apart (GCC would fold alike bodies)
        subprocess.run([os.environ.get('CC', 'cc'), '-shared', '-fPIC', '-O1', '-fno-ipa-icf',
                        '-o', lib, src, '-ldl'], check=True)
        out, log = os.path.join(tmp, 'cg.out'), os.path.join(tmp, 'run.log')
        env = dict(os.environ, LD_PRELOAD=lib)
        with open(log, 'w') as err:
            subprocess.run(['valgrind', '--tool=callgrind', '--callgrind-out-file=' + out,
                            os.path.abspath(args.bin), '--db', os.path.join(tmp, 's.db'),
                            '--quiet', 'ingest', args.input], env=env, stderr=err, check=False)
        annotated = subprocess.run(['callgrind_annotate', '--inclusive=yes', '--threshold=100', out],
                                   capture_output=True, text=True).stdout
        cost = {}
        for line in annotated.split('\n'):
            m = re.match(r'\s*([\d,]+) .*:(trampx?)_(\d+) ', line)
            if m:
                cost[(m.group(2), int(m.group(3)))] = int(m.group(1).replace(',', ''))
        rows = []
        for line in open(log, encoding='utf-8', errors='replace'):
            if line.startswith('COST '):
                _, i, steps, vm, sql = line.rstrip('\n').split(' ', 4)
                kind = 'trampx' if sql.startswith('EXEC ') else 'tramp'
                rows.append((cost.get((kind, int(i)), 0), int(steps), int(vm), sql))
    rows.sort(reverse=True)
    print('millions of instructions (inclusive), steps, VDBE operations, SQL')
    for c, steps, vm, sql in rows[:args.top]:
        print('%8.2f %7d %8d  %s' % (c / 1e6, steps, vm, sql[:160]))
    return 0


if __name__ == '__main__':
    sys.exit(main())
