/* show.c — `storyline show ID`: a story with its keywords and entities, its
 * thread and neighbouring stories, its articles, their sources, which are
 * copies of which, and the page chrome removed from each. */
#include <stdlib.h>
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

#define NEIGHBOURS 3   /* stories shown on each side within the thread */

static void print_labels(const char *what, char **items, size_t n)
{
    if (!n)
        return;
    printf("  %s: ", what);
    for (size_t i = 0; i < n; i++)
        printf("%s%s", i ? ", " : "", items[i]);
    putchar('\n');
}

/* Keywords, entities, and the story's place in its thread. */
static int print_context(sl_engine *e, const sl_story *s, int width)
{
    sl_story_labels *labels = NULL;
    int rc = sl_story_labels_get(e, s->line.id, &labels);
    if (rc)
        return rc;
    print_labels("keywords", labels->keywords, labels->n_keywords);
    print_labels("entities", labels->entities, labels->n_entities);
    sl_story_labels_free(labels);
    sl_story_list *thread = NULL;
    if (!s->line.thread_id || (rc = sl_thread_stories(e, s->line.thread_id, &thread)))
        return rc;
    size_t at = 0;
    while (at < thread->n && thread->items[at].id != s->line.id)
        at++;
    printf("  thread %lld: %zu stories", (long long)s->line.thread_id, thread->n);
    printf(thread->n > 1 ? "; neighbours in date order:\n" : "\n");
    for (size_t i = at > NEIGHBOURS ? at - NEIGHBOURS : 0; thread->n > 1 && i < thread->n &&
                                                           i <= at + NEIGHBOURS; i++) {
        const sl_story_line *n = &thread->items[i];
        printf("    %s %6lld %-10s ", i == at ? ">" : " ", (long long)n->id,
               n->first_published ? n->first_published : "-");
        cli_print_cut(n->title ? n->title : "(untitled)", width ? width - 26 : 0);
        putchar('\n');
    }
    sl_story_list_free(thread);
    return 0;
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
    putchar('\n');
    if ((rc = cli_story_report(e, s->line.id)) || (rc = print_context(e, s, width))) {
        sl_story_free(s);
        return cli_fail(e, rc);
    }
    putchar('\n');
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
        char *flag = NULL;
        if (sl_article_date_flag(e, a->id, &flag) == 0 && flag)
            printf("        %s: grouped by %s\n", flag, *flag == 'u' ? "arrival" : "a clamped date");
        free(flag);
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
    "show a story: keywords, entities, thread, articles, sources, copies, chrome",
    "Keywords and entities are counted over the story's articles; the thread's\n"
    "stories nearest in date are listed around this one (marked >).\n",
    1, run,
};
