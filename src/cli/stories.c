/* stories.c — `storyline stories`: one line per story, newest first, or the
 * stories of one thread in date order (--thread). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The stories of one thread as a JSON document: each story line with the
 * fields of `stories --json` (docs/json.md, "Threads"). */
static json_t *thread_json(int64_t thread, const sl_story_list *list)
{
    json_t *doc = cli_json_document(), *stories = json_array();
    for (size_t i = 0; doc && stories && i < list->n; i++) {
        const sl_story_line *s = &list->items[i];
        json_array_append_new(stories, json_pack("{s:I,s:s?,s:I,s:i,s:i,s:s?,s:s?}", "id",
                                                 (json_int_t)s->id, "title", s->title, "thread",
                                                 (json_int_t)thread, "size", s->n_articles,
                                                 "sources", s->n_sources, "first_published",
                                                 s->first_published, "last_published",
                                                 s->last_published));
    }
    if (!doc || !stories || json_object_set_new(doc, "thread", json_integer(thread)) ||
        json_object_set(doc, "stories", stories)) {
        json_decref(doc);
        doc = NULL;
    }
    json_decref(stories);
    return doc;
}

/* "2026-03-04..03-06", or one date, or "-" when undated. */
static void span(const sl_story_line *s, char *out, size_t size)
{
    if (s->first_published && s->last_published && strcmp(s->first_published, s->last_published))
        snprintf(out, size, "%s..%.5s", s->first_published, s->last_published + 5);
    else
        snprintf(out, size, "%s", s->first_published ? s->first_published : "-");
}

static void print_lines(const sl_story_list *list, const char *since)
{
    int width = cli_width();
    printf("%5s %4s %7s  %-17s  %s\n", "story", "size", "outlets", "dates", "title");
    for (size_t i = 0; i < list->n; i++) {
        const sl_story_line *s = &list->items[i];
        if (since && (!s->last_published || strcmp(s->last_published, since) < 0))
            continue;
        char dates[32];
        span(s, dates, sizeof dates);
        int used = printf("%5lld %4d %7d  %-17s  ", (long long)s->id, s->n_articles,
                          s->n_sources, dates);
        cli_print_cut(s->title ? s->title : "(untitled)", width - used);
        putchar('\n');
    }
}

static int run(cli *c)
{
    const char *since = NULL;
    int64_t thread = 0;
    for (int i = 0; i < c->argc; i++) {
        const char *v = cli_option(c, &i, "--since");
        if (v) {
            since = v;
        } else if ((v = cli_option(c, &i, "--thread"))) {
            if (!(thread = cli_id(v)))
                return cli_usage(&cmd_stories, "--thread wants a thread id, not %s", v);
        } else {
            return cli_unexpected(&cmd_stories, c, i);
        }
    }
    if (cli_check_date(&cmd_stories, "--since", since))
        return EXIT_USAGE;
    sl_engine *e;
    int rc = cli_store(c, &e);
    if (rc)
        return rc;
    if (c->json && !thread) {
        rc = sl_stories_json(e, since, cli_write_stdout, NULL);
        return rc ? cli_fail(e, rc) : EXIT_OK;
    }
    sl_story_list *list = NULL;
    rc = thread ? sl_thread_stories(e, thread, &list) : sl_stories_list(e, since, &list);
    if (rc)
        return cli_fail(e, rc);
    if (thread && !list->n) {
        cli_error("no thread %lld (storyline threads --all lists them)", (long long)thread);
        rc = EXIT_PARTIAL;
    } else if (c->json) {
        rc = cli_json_print(thread_json(thread, list), 0);
    } else {
        print_lines(list, thread ? since : NULL);
        if (!list->n && !c->quiet)
            fprintf(stderr, "no stories yet: storyline ingest PATH adds articles\n");
    }
    sl_story_list_free(list);
    return rc;
}

const command cmd_stories = {
    "stories", "[--since YYYY-MM-DD] [--thread N] [--json]",
    "list the stories: id, size, outlets, dates, title",
    "Newest first: by the date of a story's last article, undated stories last,\n"
    "then the larger first. Columns: the story id, its size in articles, its\n"
    "outlets (distinct publishers), its span of publication dates and its title\n"
    "(the headline of its most representative article), cut to the terminal.\n"
    "  --since DATE   only stories whose last article is on or after DATE\n"
    "  --thread N     the stories of thread N, oldest first\n",
    1, run,
};
