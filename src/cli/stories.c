/* stories.c — `storyline stories`: one line per story, newest first, or the
 * stories of one thread in date order (--thread). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int run(cli *c, sl_engine *e)
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
            return cli_usage(&cmd_stories, "unknown argument %s", c->argv[i]);
        }
    }
    if (thread && c->json)
        return cli_usage(&cmd_stories, "--thread with --json: use threads --json");
    int y, m, d;
    char end;
    if (thread && since && sscanf(since, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
        return cli_usage(&cmd_stories, "--since wants an ISO date (YYYY-MM-DD), not \"%s\"", since);
    if (c->json) {
        int rc = sl_stories_json(e, since, cli_write_stdout, NULL);
        return rc ? cli_fail(e, rc) : EXIT_OK;
    }
    sl_story_list *list = NULL;
    int rc = thread ? sl_thread_stories(e, thread, &list) : sl_stories_list(e, since, &list);
    if (rc)
        return cli_fail(e, rc);
    int width = cli_width();
    printf("%6s %5s %4s  %-23s %s\n", "story", "size", "src", "dates", "title");
    for (size_t i = 0; i < list->n; i++) {
        const sl_story_line *s = &list->items[i];
        if (thread && since && (!s->last_published || strcmp(s->last_published, since) < 0))
            continue;
        char dates[32] = "-";
        if (s->first_published && s->last_published && strcmp(s->first_published, s->last_published))
            snprintf(dates, sizeof dates, "%s..%.5s", s->first_published, s->last_published + 5);
        else if (s->first_published)
            snprintf(dates, sizeof dates, "%s", s->first_published);
        printf("%6lld %5d %4d  %-23s ", (long long)s->id, s->n_articles, s->n_sources, dates);
        cli_print_cut(s->title, width ? width - 42 : 0);
        putchar('\n');
    }
    if (!list->n && !c->quiet)
        fprintf(stderr, "no stories yet: storyline ingest PATH adds articles\n");
    sl_story_list_free(list);
    return EXIT_OK;
}

const command cmd_stories = {
    "stories", "[--since YYYY-MM-DD] [--thread N] [--json]",
    "list the stories: id, size, sources, span of dates, title",
    "Largest stories first, then the most recent. --since keeps stories whose last\n"
    "article is on or after the date. --thread N lists the stories of thread N in\n"
    "date order. A story's title is the headline of its most representative article.\n",
    1, run,
};
