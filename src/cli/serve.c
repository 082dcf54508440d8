/* serve.c — `storyline serve`: the store as a read-only HTTP API and web
 * page (src/server/, docs/server.md) until interrupted. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "server/server.h"

/* A whole number in [lo, hi] from `v`; -1 when it is not one. */
static long number(const char *v, long lo, long hi)
{
    char *end;
    long n = v && *v ? strtol(v, &end, 10) : -1;
    return v && *v && !*end && n >= lo && n <= hi ? n : -1;
}

/* One option into `o`; 0, or a usage error's exit code. */
static int option(cli *c, int *i, server_options *o)
{
    static const char *const names[] = {"--port", "--threads", "--burst", "--max-connections",
                                        "--timeout"};
    static const long lo[] = {0, 1, 1, 1, 1}, hi[] = {65535, 64, 1000000, 100000, 3600};
    int *fields[] = {&o->port, &o->threads, &o->burst, &o->max_connections, &o->timeout_s};
    const char *v = cli_option(c, i, "--bind");
    char *end;
    if (v) {
        o->bind = v;
        return server_bind_valid(v) ? 0
                                    : cli_usage(&cmd_serve, "--bind wants an IP address, not \"%s\"", v);
    }
    if ((v = cli_option(c, i, "--rate"))) {
        o->rate = strtod(v, &end);
        return *v && !*end && o->rate >= 0 && o->rate <= 1e6
                   ? 0
                   : cli_usage(&cmd_serve, "--rate wants requests a second (0: no limit), not \"%s\"", v);
    }
    for (int k = 0; k < 5; k++) {
        if (!(v = cli_option(c, i, names[k])))
            continue;
        long n = number(v, lo[k], hi[k]);
        if (n < 0)
            return cli_usage(&cmd_serve, "%s wants a number from %ld to %ld, not \"%s\"",
                             names[k], lo[k], hi[k], v);
        *fields[k] = (int)n;
        return 0;
    }
    return cli_unexpected(&cmd_serve, c, *i);
}

static int run(cli *c)
{
    server_options o = {.db = c->db, .bind = "127.0.0.1", .port = 8080, .threads = 2,
                        .rate = 100, .burst = 200, .max_connections = 2000, .timeout_s = 10};
    for (int i = 0; i < c->argc; i++) {
        int rc = option(c, &i, &o);
        if (rc)
            return rc;
    }
    sl_engine *first = NULL;
    int rc = cli_open(c, CLI_READ, &first);
    if (rc)
        return rc;
    /* Each request takes a new snapshot: refused on a store read without
     * locks, which is told now rather than at the first request. */
    if (sl_engine_refresh(first, NULL)) {
        cli_error("%s", sl_errmsg(first));
        sl_engine_free(first);
        return EXIT_STORE;
    }
    return server_run(&o, first) ? EXIT_STORE : EXIT_OK;
}

const command cmd_serve = {
    "serve",
    "[--port N] [--bind ADDRESS] [--threads N] [--rate R] [--burst N] "
    "[--max-connections N] [--timeout S]",
    "a read-only web page and JSON API over the store",
    "Serves http://127.0.0.1:8080/ until interrupted (docs/server.md): the stories,\n"
    "each with its summary, timeline, facts, quotes and copies, and a JSON API\n"
    "under /api/. The store is opened read-only: an ingest may run meanwhile and\n"
    "each request sees what it committed.\n"
    "  --port N          port (default 8080; 0: any free port, printed)\n"
    "  --bind ADDRESS    address to listen on (default 127.0.0.1, loopback only)\n"
    "  --threads N       worker threads (default 2)\n"
    "  --rate R          requests a second per client address (default 100;\n"
    "                    0: no limit; 0.5: one every two seconds)\n"
    "  --burst N         requests a client may make at once (default 200)\n"
    "  --max-connections N  open connections at most (default 2000)\n"
    "  --timeout S       an idle connection is closed after S seconds (default 10)\n",
    CLI_NO_STORE, run,
};
