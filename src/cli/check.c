/* check.c — `storyline check`: the store's integrity and consistency checks,
 * "ok" or a JSON verdict (--json). A store its user may not write (nor its
 * folder) is checked read-only, without the search index's own check. */
#include <stdio.h>

#include "cli.h"

/* Reports the check's result `rc` (sl_store_check's) on the store of `e`. */
static int verdict(cli *c, sl_engine *e, int rc)
{
    if (c->json) {
        json_t *doc = cli_json_document();
        if (doc && (json_object_set_new(doc, "store", cli_json_string(c->db)) ||
                    json_object_set_new(doc, "ok", json_boolean(!rc)) ||
                    json_object_set_new(doc, "search_index_checked",
                                        json_boolean(!sl_engine_read_only(e))) ||
                    json_object_set_new(doc, "problem", rc ? cli_json_string(sl_errmsg(e)) : json_null()))) {
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

/* A store that could not be opened to be written but can be read (an
 * older store whose migration failed on a damaged page: the migration rolls
 * back, the store stays as it was) is checked as it is, read-only, so that
 * the check names the damage. When that finds none, the open's failure
 * stands (`status`), as it was said. */
static int as_it_is(cli *c, int status)
{
    sl_options opts = {.read_only = 1};
    if (sl_engine_open(&c->engine, c->db, &opts)) {   /* main frees c->engine */
        sl_engine_free(c->engine);
        c->engine = NULL;
        return status;
    }
    int rc = sl_store_check(c->engine);
    if (!rc)
        return status;
    cli_error("%s: checked read-only, as it is (it could not be opened to be written)", c->db);
    return verdict(c, c->engine, rc);
}

static int run(cli *c)
{
    if (c->argc)
        return cli_unexpected(&cmd_check, c, 0);
    sl_engine *e;
    int rc = cli_store(c, &e);
    if (rc == EXIT_STORE)
        return as_it_is(c, rc);
    if (rc)
        return rc;
    /* a result, not progress: --quiet keeps it */
    if (sl_engine_read_only(e))
        cli_error("%s: read-only (it or its folder may not be written): checked without "
                  "the search index's own check, which writes", c->db);
    return verdict(c, e, sl_store_check(e));
}

const command cmd_check = {
    "check", "[--json]",
    "check the store: SQLite integrity, search index, stories, articles",
    "Prints ok (exit 0), or names the first problem found (exit 3: a damaged\n"
    "store, or one that cannot be read). --json: {\"store\", \"ok\",\n"
    "\"search_index_checked\", \"problem\"}.\n"
    "A store that may not be written (or its folder) is checked read-only: every\n"
    "check but FTS5's own of the search index, which writes (a line on stderr,\n"
    "even with --quiet). An older store whose migration fails on a damaged page\n"
    "is checked as it is, read-only: the damage is named, the store left as it was.\n",
    CLI_WRITE_EXISTING, run,
};
