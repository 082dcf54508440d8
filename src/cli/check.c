/* check.c — `storyline check`: the store's integrity and consistency checks,
 * "ok" or a JSON verdict (--json). */
#include "cli.h"

static int run(cli *c, sl_engine *e)
{
    if (c->argc)
        return cli_usage(&cmd_check, "unexpected argument %s", c->argv[0]);
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

const command cmd_check = {
    "check", "[--json]",
    "check the store: SQLite integrity, search index, stories, articles",
    "Prints ok (exit 0), or names the first problem found (exit 3: a damaged\n"
    "store, or one that cannot be read). --json: {\"store\", \"ok\", \"problem\"}.\n",
    CLI_WRITE_EXISTING, run,
};
