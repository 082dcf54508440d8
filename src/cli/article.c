/* article.c — `storyline article ID`: one article's title, date, source and
 * clean text; --removed adds the page-chrome lines taken out of it. */
#include <string.h>

#include "cli.h"

static int run(cli *c)
{
    int removed = 0;
    int64_t id = 0;
    int rc;
    for (int i = 0; i < c->argc; i++) {
        if (cli_flag(c, i, "--removed"))
            removed = 1;
        else if ((rc = cli_id_arg(&cmd_article, c, i, "article", &id)))
            return rc;
    }
    if (!id)
        return cli_usage(&cmd_article, "article wants an article id");
    sl_engine *e;
    rc = cli_store(c, &e);
    if (rc)
        return rc;
    if (c->json) {
        rc = sl_article_json(e, id, cli_write_stdout, NULL);
        return rc ? cli_fail(e, rc) : EXIT_OK;
    }
    sl_article *a = NULL;
    rc = sl_article_get(e, id, &a);
    if (rc)
        return cli_fail(e, rc);
    printf("article %lld (story %lld, version %d)\n", (long long)a->id, (long long)a->story_id,
           a->version);
    printf("title:     %s\n", a->title ? a->title : "(none)");
    printf("published: %s\n", a->published ? a->published : "(unknown)");
    printf("source:    %s\n", a->source ? a->source : "(unknown)");
    if (a->url)
        printf("url:       %s\n", a->url);
    if (a->path)
        printf("path:      %s\n", a->path);
    if (a->key)
        printf("key:       %s\n", a->key);
    printf("language:  %s, %zu sentences", a->lang ? a->lang : "und", a->n_sentences);
    if (a->bad_bytes)
        printf(", %u invalid bytes replaced", a->bad_bytes);
    printf("\n\n");
    cli_print_wrapped(a->text, 0);
    if (removed) {
        printf("\nremoved (%zu lines):\n", a->n_removed);
        for (size_t i = 0; i < a->n_removed; i++)
            printf("  line %u (%s): %s\n", a->removed[i].line, a->removed[i].reason, a->removed[i].text);
    }
    sl_article_free(a);
    return EXIT_OK;
}

const command cmd_article = {
    "article", "ID [--removed] [--json]",
    "print one article: title, date, source and clean text",
    "  --removed   also list the page-chrome lines removed, with the reason\n",
    1, run,
};
