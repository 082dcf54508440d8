/* quotes.c — `storyline quotes`: who said what in a story, where, with the
 * speaker's role when the text states it. */
#include "cli.h"

static int run(cli *c, sl_engine *e)
{
    if (c->argc != 1 || !cli_id(c->argv[0]))
        return cli_usage(&cmd_quotes, "quotes wants one story id");
    sl_fact_items *items = NULL;
    int rc = sl_story_fact_items(e, cli_id(c->argv[0]), SL_FACT_QUOTE, &items);
    if (rc)
        return cli_fail(e, rc);
    for (size_t i = 0; i < items->n; i++) {
        const sl_fact_item *q = &items->items[i];
        printf("[%lld] %s%s%s%s %s:\n", (long long)q->article_id,
               q->about ? q->about : "(unknown speaker)", q->role ? " (" : "",
               q->role ? q->role : "", q->role ? ")" : "", q->detail ? q->detail : "");
        cli_print_wrapped(q->text, 6);
    }
    sl_fact_items_free(items);
    return EXIT_OK;
}

const command cmd_quotes = {
    "quotes", "STORY_ID",
    "who said what in a story: speaker, role, cue verb and the quote",
    "", 1, run,
};
