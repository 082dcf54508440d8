/* search.c — `storyline search QUERY`: full-text search, best first. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int run(cli *c)
{
    int limit = 20;
    char query[2048] = "";
    size_t qlen = 0;
    for (int i = 0; i < c->argc; i++) {
        const char *v = cli_option(c, &i, "--limit");
        if (v) {
            limit = atoi(v);
            if (limit <= 0)
                return cli_usage(&cmd_search, "--limit wants a positive number");
            continue;
        }
        if (cli_is_option(c, i))
            return cli_unexpected(&cmd_search, c, i);
        size_t n = strlen(c->argv[i]);
        if (qlen + n + 2 > sizeof query)
            return cli_usage(&cmd_search, "query too long");
        if (qlen)
            query[qlen++] = ' ';
        memcpy(query + qlen, c->argv[i], n + 1);
        qlen += n;
    }
    if (!qlen)
        return cli_usage(&cmd_search, "search wants words to look for");
    sl_engine *e;
    int rc = cli_store(c, &e);
    if (rc)
        return rc;
    if (c->json) {
        rc = sl_search_json(e, query, limit, cli_write_stdout, NULL);
        return rc ? cli_fail(e, rc) : EXIT_OK;
    }
    sl_search_hits *hits = NULL;
    rc = sl_search(e, query, limit, &hits);
    if (rc)
        return cli_fail(e, rc);
    int width = cli_width();
    for (size_t i = 0; i < hits->n; i++) {
        const sl_search_hit *h = &hits->items[i];
        int used = printf("[%lld] story %lld  ", (long long)h->article_id, (long long)h->story_id);
        cli_print_cut(h->title ? h->title : "(no title)", width - used);
        putchar('\n');
        for (char *p = h->snippet; p && *p; p++)
            if (*p == '\n')
                *p = ' '; /* a snippet is one paragraph */
        cli_print_wrapped(h->snippet ? h->snippet : "", 4);
    }
    if (!hits->n && !c->quiet)
        fprintf(stderr, "no article matches \"%s\"\n", query);
    sl_search_hits_free(hits);
    return EXIT_OK;
}

const command cmd_search = {
    "search", "QUERY... [--limit N] [--json]",
    "full-text search of titles and texts, best match first",
    "Words are all required; FTS5 syntax (OR, NOT, \"phrases\", prefix*) is accepted.\n"
    "Options go before or after the words; after --, every argument is a word.\n"
    "  --limit N   at most N hits (default 20)\n",
    1, run,
};
