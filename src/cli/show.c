/* show.c — `storyline show ID`: a story's summary and the start of its
 * timeline, its keywords and entities, its thread and neighbouring stories,
 * its articles, their outlets, which are copies of which, and the page
 * chrome removed from each. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util/alloc.h"

#define SHOW_WORDS 80     /* show's summary: a short paragraph */
#define SHOW_EVENTS 8     /* and the first events of the timeline */

/* The story's summary and the start of its timeline. */
static int print_report(sl_engine *e, int64_t story_id)
{
    sl_story_texts *t = NULL;
    sl_summary *sum = NULL;
    sl_timeline *tl = NULL;
    sl_summary_options o = {SHOW_WORDS, 0, 0};
    int rc = sl_story_texts_get(e, story_id, 0, &t);
    if (!rc)
        rc = sl_summarize(t->docs, t->n, &o, &sum);
    if (!rc)
        rc = sl_timeline_build(t->docs, t->n, &tl);
    if (!rc) {
        printf("\n  summary:\n");
        cli_summary_print(sum, t);
        if (tl->n) {
            printf("\n  timeline:\n");
            cli_timeline_print(tl, t, SHOW_EVENTS);
        }
    }
    sl_summary_free(sum);
    sl_timeline_free(tl);
    sl_story_texts_free(t);
    return rc;
}

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
#define SHOWN_ENTITIES 8 /* the most mentioned of `entities` */

/* "  keywords: a, b, c", wrapped to the terminal. */
static void print_labels(const char *what, const char *const *items, size_t n)
{
    size_t len = strlen(what) + 3;
    for (size_t i = 0; i < n; i++)
        len += strlen(items[i]) + 2;
    char *line = n ? sl_malloc(len) : NULL;
    if (!line)
        return;
    char *p = line + sprintf(line, "%s: ", what);
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "%s%s", i ? ", " : "", items[i]);
    cli_print_wrapped(line, 2);
    free(line);
}

/* The names `storyline entities` lists first, the same entities. */
static int print_entities(sl_engine *e, int64_t story)
{
    sl_fact_items *items = NULL;
    cli_entity_row *rows = NULL;
    size_t n = 0;
    int rc = sl_story_fact_items(e, story, SL_FACT_ENTITY, &items);
    if (!rc)
        rc = cli_entity_rows(items, &rows, &n);
    const char *names[SHOWN_ENTITIES];
    size_t shown = 0;
    for (size_t k = 0; !rc && k < n && shown < SHOWN_ENTITIES; k++)
        names[shown++] = rows[k].first->about;
    if (!rc)
        print_labels("entities", names, shown);
    free(rows);
    sl_fact_items_free(items);
    return rc;
}

/* Keywords, entities, and the story's place in its thread. */
static int print_context(sl_engine *e, const sl_story *s, int width)
{
    sl_story_labels *labels = NULL;
    int rc = sl_story_labels_get(e, s->line.id, &labels);
    if (rc)
        return rc;
    print_labels("keywords", (const char *const *)labels->keywords, labels->n_keywords);
    sl_story_labels_free(labels);
    if ((rc = print_entities(e, s->line.id)))
        return rc;
    sl_story_list *thread = NULL;
    if (!s->line.thread_id || (rc = sl_thread_stories(e, s->line.thread_id, &thread)))
        return rc;
    size_t at = 0;
    while (at < thread->n && thread->items[at].id != s->line.id)
        at++;
    printf("  thread %lld: %zu %s", (long long)s->line.thread_id, thread->n,
           cli_noun((long long)thread->n, "story", "stories"));
    printf(thread->n > 1 ? "; neighbours in date order:\n" : "\n");
    for (size_t i = at > NEIGHBOURS ? at - NEIGHBOURS : 0; thread->n > 1 && i < thread->n &&
                                                           i <= at + NEIGHBOURS; i++) {
        const sl_story_line *n = &thread->items[i];
        int used = printf("    %s %6lld %-10s ", i == at ? ">" : " ", (long long)n->id,
                          n->first_published ? n->first_published : "-");
        cli_print_cut(n->title ? n->title : "(untitled)", width - used);
        putchar('\n');
    }
    sl_story_list_free(thread);
    return 0;
}

static int run(cli *c)
{
    int64_t id;
    sl_engine *e;
    int rc = cli_one_story(&cmd_show, c, &id, &e);
    if (rc)
        return rc;
    if (c->json) {
        rc = sl_story_json(e, id, cli_write_stdout, NULL);
        return rc ? cli_fail(e, rc) : EXIT_OK;
    }
    sl_story *s = NULL;
    rc = sl_story_get(e, id, &s);
    if (rc)
        return cli_fail(e, rc);
    int width = cli_width();
    int used = printf("story %lld: ", (long long)s->line.id);
    cli_print_cut(s->line.title ? s->line.title : "(untitled)", width - used);
    printf("\n  %d %s", s->line.n_articles, cli_noun(s->line.n_articles, "article", "articles"));
    if (s->line.n_sources)
        printf(" from %d %s", s->line.n_sources, cli_noun(s->line.n_sources, "outlet", "outlets"));
    else
        printf(", no outlet named");
    if (s->line.first_published)
        printf(", %s to %s", s->line.first_published,
               s->line.last_published ? s->line.last_published : s->line.first_published);
    putchar('\n');
    if ((rc = print_report(e, s->line.id)) || (rc = print_context(e, s, width))) {
        sl_story_free(s);
        return cli_fail(e, rc);
    }
    putchar('\n');
    for (size_t i = 0; i < s->n_articles; i++) {
        const sl_story_article *a = &s->articles[i];
        used = printf("  [%lld] %-10.10s %-18.18s ", (long long)a->id,
                      a->published ? a->published : "-", a->source ? a->source : "-");
        cli_print_cut(a->title ? a->title : "(no title)", width - used);
        putchar('\n');
        if (a->copy_of)
            print_copy(a->copy_kind ? sl_copy_kind_name(a->copy_kind) : "", a->copy_of);
        else
            printf("        original\n");
        if (a->url || a->path) {
            printf("        ");
            cli_print_tail(a->url ? a->url : a->path, width - 8);
            putchar('\n');
        }
        char *flag = NULL;
        if (sl_article_date_flag(e, a->id, &flag) == 0 && flag)
            printf("        %s: grouped by %s\n", flag, *flag == 'u' ? "content alone" : "a clamped date");
        free(flag);
        for (size_t k = 0; k < a->n_removed; k++) {
            used = printf("        removed line %u (%s): ", a->removed[k].line,
                          a->removed[k].reason);
            cli_print_cut(a->removed[k].text, width - used);
            putchar('\n');
        }
    }
    sl_story_free(s);
    return EXIT_OK;
}

const command cmd_show = {
    "show", "STORY_ID [--json]",
    "show a story: keywords, entities, thread, articles, copies, chrome",
    "Keywords and entities are counted over the story's articles; the thread's\n"
    "stories nearest in date are listed around this one (marked >).\n",
    1, run,
};
