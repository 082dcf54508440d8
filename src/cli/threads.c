/* threads.c — `storyline threads`: threads (related stories over weeks),
 * most articles first, each with its stories oldest first. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* One story line, indented under its thread. */
static void print_story(const sl_story_line *s, int width)
{
    int used = printf("    %6lld %5d  %-10s ", (long long)s->id, s->n_articles,
                      s->first_published ? s->first_published : "-");
    cli_print_cut(s->title ? s->title : "(untitled)", width - used);
    putchar('\n');
}

static int run(cli *c)
{
    int min_stories = 2;
    for (int i = 0; i < c->argc; i++) {
        if (cli_flag(c, i, "--all"))
            min_stories = 1;
        else
            return cli_unexpected(&cmd_threads, c, i);
    }
    sl_engine *e;
    int rc = cli_store(c, &e);
    if (rc)
        return rc;
    if (c->json) {
        rc = sl_threads_json(e, min_stories, cli_write_stdout, NULL);
        return rc ? cli_fail(e, rc) : EXIT_OK;
    }
    sl_thread_list *list = NULL;
    rc = sl_threads_list(e, min_stories, &list);
    if (rc)
        return cli_fail(e, rc);
    int width = cli_width();
    for (size_t i = 0; i < list->n; i++) {
        const sl_thread *t = &list->items[i];
        printf("thread %lld: %zu %s, %d %s\n", (long long)t->id, t->stories->n,
               cli_noun((long long)t->stories->n, "story", "stories"), t->n_articles,
               cli_noun(t->n_articles, "article", "articles"));
        for (size_t k = 0; k < t->stories->n; k++)
            print_story(&t->stories->items[k], width);
    }
    if (!list->n && !c->quiet)
        fprintf(stderr, "no threads of %d or more stories (--all lists single-story ones)\n",
                min_stories);
    sl_thread_list_free(list);
    return EXIT_OK;
}

const command cmd_threads = {
    "threads", "[--all] [--json]",
    "list threads: related stories over weeks, most articles first",
    "A thread links a new story to the nearest earlier story that shares its\n"
    "names and terms (a looser bar than joining a story, over a longer gap).\n"
    "Threads of two or more stories are listed, most articles first, each with\n"
    "its stories oldest first; --all lists single-story threads too.\n",
    1, run,
};
