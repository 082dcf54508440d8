/* copies.c — `storyline copies`: every copy relation, or those of one article. */
#include "cli.h"

static int run(cli *c, sl_engine *e)
{
    int64_t article = 0;
    for (int i = 0; i < c->argc; i++) {
        const char *v = cli_option(c, &i, "--article");
        if (!v || !cli_id(v))
            return cli_usage(&cmd_copies, "unexpected argument %s", c->argv[i]);
        article = cli_id(v);
    }
    if (c->json) {
        int rc = sl_copies_json(e, article, cli_write_stdout, NULL);
        return rc ? cli_fail(e, rc) : EXIT_OK;
    }
    sl_copy_list *list = NULL;
    int rc = sl_copies_list(e, article, &list);
    if (rc)
        return cli_fail(e, rc);
    printf("%8s %8s  %-8s %s\n", "article", "of", "kind", "score");
    for (size_t i = 0; i < list->n; i++)
        printf("%8lld %8lld  %-8s %.2f\n", (long long)list->items[i].article_id,
               (long long)list->items[i].of_id, list->items[i].kind, list->items[i].score);
    sl_copy_list_free(list);
    return EXIT_OK;
}

const command cmd_copies = {
    "copies", "[--article ID] [--json]",
    "list copy relations: article, original, kind, score",
    "  --article ID   only what ID copies and who copies ID\n", 1, run,
};
