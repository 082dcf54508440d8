/* timeline.c — `storyline timeline STORY` / `timeline --thread T`: the dated
 * events of a stored story (or of a thread's stories), oldest first, each
 * with the articles telling it; the publication date stands in, marked "~",
 * when an article's lead states no date. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_timeline_print(const sl_timeline *tl, const sl_story_texts *t, size_t max)
{
    int width = cli_width();
    for (size_t i = 0; i < tl->n && i < max; i++) {
        const sl_timeline_event *ev = &tl->events[i];
        printf("%-10s%s ", ev->value, ev->from_published ? "~" : " ");
        cli_print_cut(ev->text, width > 12 ? width - 12 : 0);
        printf("\n            [");
        for (size_t k = 0; k < ev->n_docs; k++)
            printf("%s%lld", k ? " " : "", (long long)t->ids[ev->docs[k]]);
        printf("] %zu source%s\n", ev->n_sources, ev->n_sources == 1 ? "" : "s");
    }
    if (tl->n > max)
        printf("... %zu more events (storyline timeline)\n", tl->n - max);
    if (tl->n)
        printf("(~ publication date: the article states no date)\n");
}

static int run(cli *c)
{
    int64_t story = 0, thread = 0;
    int rc;
    const char *v;
    for (int i = 0; i < c->argc; i++) {
        if ((v = cli_option(c, &i, "--thread"))) {
            if (!(thread = cli_id(v)))
                return cli_usage(&cmd_timeline, "--thread wants a thread id, not %s", v);
        } else if ((rc = cli_id_arg(&cmd_timeline, c, i, "story", &story))) {
            return rc;
        }
    }
    if (!story == !thread)
        return cli_usage(&cmd_timeline, "timeline wants a story id or --thread ID");
    sl_engine *e;
    rc = cli_store(c, &e);
    if (rc)
        return rc;
    sl_story_texts *t = NULL;
    rc = sl_story_texts_get(e, story, thread, &t);
    sl_timeline *tl = NULL;
    if (!rc)
        rc = sl_timeline_build(t->docs, t->n, &tl);
    int status = rc ? cli_fail(e, rc) : EXIT_OK;
    if (!rc && c->json) {
        rc = sl_timeline_json(tl, t->ids, SL_JSON_DOCUMENT, cli_write_stdout, NULL);
        status = cli_json_written(rc);
    } else if (!rc) {
        cli_timeline_print(tl, t, (size_t)-1);
    }
    sl_timeline_free(tl);
    sl_story_texts_free(t);
    return status;
}

const command cmd_timeline = {
    "timeline",
    "STORY_ID [--json] | --thread ID [--json]",
    "a story's or thread's dated events, oldest first, with sources",
    "Every sentence stating a date (normalised against its article's publication\n"
    "date: \"on Tuesday\", \"in June\", \"Aug. 19\") is an event on that date; the\n"
    "same event told by several articles (same date, similar sentence) is one\n"
    "entry listing them all. An article whose lead states no date gives its lead\n"
    "on its publication date, marked ~. --json: docs/json.md; docs/timeline.md.\n",
    1,
    run,
};
