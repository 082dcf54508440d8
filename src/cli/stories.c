/* stories.c — `storyline stories`: one line per story, largest first. */
#include <string.h>

#include "cli.h"

static int run(cli *c, sl_engine *e)
{
    const char *since = NULL;
    for (int i = 0; i < c->argc; i++) {
        const char *v = cli_option(c, &i, "--since");
        if (!v)
            return cli_usage(&cmd_stories, "unknown argument %s", c->argv[i]);
        since = v;
    }
    if (c->json) {
        int rc = sl_stories_json(e, since, cli_write_stdout, NULL);
        return rc ? cli_fail(e, rc) : EXIT_OK;
    }
    sl_story_list *list = NULL;
    int rc = sl_stories_list(e, since, &list);
    if (rc)
        return cli_fail(e, rc);
    int width = cli_width();
    printf("%6s %5s %4s  %-23s %s\n", "story", "size", "src", "dates", "title");
    for (size_t i = 0; i < list->n; i++) {
        const sl_story_line *s = &list->items[i];
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
    "stories", "[--since YYYY-MM-DD] [--json]",
    "list the stories: id, size, sources, span of dates, title",
    "Largest stories first, then the most recent. --since keeps stories whose last\n"
    "article is on or after the date.\n",
    1, run,
};
