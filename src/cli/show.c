/* show.c — `storyline show ID`: a story with its articles, their sources,
 * which are copies of which, and the page chrome removed from each. */
#include <string.h>

#include "cli.h"

/* "rewrite of [9]", "exact copy of [1]", "copy of [4] with added text". */
static void print_copy(const char *kind, int64_t of)
{
    if (!strcmp(kind, "rewrite") || !strcmp(kind, "excerpt"))
        printf("        %s of [%lld]\n", kind, (long long)of);
    else if (!strcmp(kind, "contains"))
        printf("        copy of [%lld] with added text\n", (long long)of);
    else
        printf("        %s copy of [%lld]\n", kind, (long long)of);
}

static int run(cli *c, sl_engine *e)
{
    if (c->argc != 1 || !cli_id(c->argv[0]))
        return cli_usage(&cmd_show, "show wants one story id");
    int64_t id = cli_id(c->argv[0]);
    if (c->json) {
        int rc = sl_story_json(e, id, cli_write_stdout, NULL);
        return rc ? cli_fail(e, rc) : EXIT_OK;
    }
    sl_story *s = NULL;
    int rc = sl_story_get(e, id, &s);
    if (rc)
        return cli_fail(e, rc);
    int width = cli_width();
    printf("story %lld: %s\n", (long long)s->line.id, s->line.title ? s->line.title : "(untitled)");
    printf("  %d articles from %d sources", s->line.n_articles, s->line.n_sources);
    if (s->line.first_published)
        printf(", %s to %s", s->line.first_published,
               s->line.last_published ? s->line.last_published : s->line.first_published);
    printf("\n\n");
    for (size_t i = 0; i < s->n_articles; i++) {
        const sl_story_article *a = &s->articles[i];
        printf("  [%lld] %-10.10s %-18.18s ", (long long)a->id, a->published ? a->published : "-",
               a->source ? a->source : "-");
        cli_print_cut(a->title ? a->title : "(no title)", width ? width - 40 : 0);
        putchar('\n');
        if (a->copy_of)
            print_copy(a->copy_kind ? a->copy_kind : "", a->copy_of);
        else
            printf("        original\n");
        if (a->url || a->path)
            printf("        %s\n", a->url ? a->url : a->path);
        for (size_t k = 0; k < a->n_removed; k++) {
            printf("        removed line %u (%s): ", a->removed[k].line, a->removed[k].reason);
            cli_print_cut(a->removed[k].text, width ? width - 40 : 0);
            putchar('\n');
        }
    }
    sl_story_free(s);
    return EXIT_OK;
}

const command cmd_show = {
    "show", "STORY_ID [--json]",
    "show a story: its articles, sources, copies and the page chrome removed",
    "", 1, run,
};
