/* check.c — `storyline check`: the store's integrity and consistency checks,
 * "ok" or a JSON verdict (--json). A store its user may not write (nor its
 * folder) is checked read-only, without the search index's own check. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Whether the store and its folder (news.db-wal, -shm) may be written. */
static int writable(const char *db)
{
    char dir[PATH_MAX];
    const char *slash = strrchr(db, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - db + 1) : 1, slash ? db : ".");
    return access(db, W_OK) == 0 && access(dir, W_OK) == 0;
}

static int verdict(cli *c, sl_engine *e)
{
    int rc = sl_store_check(e);
    if (c->json) {
        json_t *doc = cli_json_document();
        if (doc && (json_object_set_new(doc, "store", json_string(c->db)) ||
                    json_object_set_new(doc, "ok", json_boolean(!rc)) ||
                    json_object_set_new(doc, "problem", rc ? json_string(sl_errmsg(e)) : json_null()))) {
            json_decref(doc);
            doc = NULL;
        }
        int status = cli_json_print(doc, 0);
        if (status || !rc)
            return status;
    }
    if (rc)
        return cli_fail(e, rc);
    if (!c->quiet && !c->json)
        printf("ok\n");
    return EXIT_OK;
}

static int run(cli *c, sl_engine *unused)
{
    (void)unused;
    if (c->argc)
        return cli_usage(&cmd_check, "unexpected argument %s", c->argv[0]);
    int read_only = !writable(c->db);
    sl_engine *e = NULL;
    int rc = cli_open(c, read_only ? CLI_READ : CLI_WRITE_EXISTING, &e);
    if (!rc && read_only && !c->quiet)
        cli_error("%s: read-only (it or its folder may not be written): checked without "
                  "the search index's own check, which writes", c->db);
    return cli_close(e, rc ? rc : verdict(c, e));
}

const command cmd_check = {
    "check", "[--json]",
    "check the store: SQLite integrity, search index, stories, articles",
    "Prints ok (exit 0), or names the first problem found (exit 3: a damaged\n"
    "store, or one that cannot be read). --json: {\"store\", \"ok\", \"problem\"}.\n"
    "A store that may not be written (or its folder) is checked read-only: every\n"
    "check but FTS5's own of the search index, which writes (a line on stderr).\n",
    CLI_NO_STORE, run,
};
