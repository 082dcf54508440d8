/* export.c — `storyline export --json`: the whole store as one JSON document. */
#include "cli.h"

static int run(cli *c)
{
    if (c->argc)
        return cli_unexpected(&cmd_export, c, 0);
    if (!c->json)
        return cli_usage(&cmd_export, "export writes JSON: say --json");
    sl_engine *e;
    int rc = cli_store(c, &e);
    if (rc)
        return rc;
    rc = sl_export_json(e, cli_write_stdout, NULL);
    if (!rc)
        return EXIT_OK;
    rc = cli_fail(e, rc);   /* what was written cannot be taken back: said, and left unclosed */
    cli_error("export: the JSON written to standard output is incomplete (not a whole document)");
    return rc;
}

const command cmd_export = {
    "export", "--json",
    "write everything (articles, stories, copies) as one JSON document",
    "The format is documented in docs/json.md and versioned by json_version.\n"
    "On a failure (exit 3) the document written so far is left unclosed, and\n"
    "said incomplete: it is never a whole document missing its rest.\n", 1, run,
};
