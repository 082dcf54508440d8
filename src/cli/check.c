/* check.c — `storyline check`: the store's integrity and consistency checks. */
#include "cli.h"

static int run(cli *c, sl_engine *e)
{
    if (c->argc)
        return cli_usage(&cmd_check, "unexpected argument %s", c->argv[0]);
    int rc = sl_store_check(e);
    if (rc)
        return cli_fail(e, rc);
    if (!c->quiet)
        printf("ok\n");
    return EXIT_OK;
}

const command cmd_check = {
    "check", "",
    "check the store: SQLite integrity, search index, stories and articles agree",
    "", 0, run,
};
