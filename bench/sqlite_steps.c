/* sqlite_steps.c — an LD_PRELOAD counter of sqlite3_step calls by SQL text,
 * for bench/steps.sh: how many statements the store runs per article.
 * Printed to stderr at exit, one line per statement: "STEPS count sql". It
 * counts the calls made through the dynamic symbol (storyline's own; SQLite's
 * internal steps, such as those of sqlite3_exec, are not seen). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sqlite3_stmt sqlite3_stmt;

#define MAX_STATEMENTS 512

/* Keyed by the text: SQLite reuses the memory of a finalized statement's
 * SQL for the next one, so the address alone would mix statements. */
static struct {
    char *text;
    long steps;
} seen[MAX_STATEMENTS];
static int n_seen;

static void report(void)
{
    for (int i = 0; i < n_seen; i++)
        fprintf(stderr, "STEPS %ld %s\n", seen[i].steps, seen[i].text);
}

int sqlite3_step(sqlite3_stmt *s)
{
    static int (*real_step)(sqlite3_stmt *);
    static const char *(*real_sql)(sqlite3_stmt *);
    if (!real_step) {
        real_step = (int (*)(sqlite3_stmt *))dlsym(RTLD_NEXT, "sqlite3_step");
        real_sql = (const char *(*)(sqlite3_stmt *))dlsym(RTLD_NEXT, "sqlite3_sql");
        atexit(report);
    }
    const char *sql = real_sql(s);
    if (!sql)
        sql = "?";
    int i = 0;
    while (i < n_seen && strcmp(seen[i].text, sql))
        i++;
    if (i == n_seen && n_seen < MAX_STATEMENTS && (seen[i].text = strdup(sql)))
        n_seen++;
    if (i < n_seen)
        seen[i].steps++;
    return real_step(s);
}
