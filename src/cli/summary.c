/* summary.c — `storyline summary STORY [--words N]`: a stored story in a few
 * sentences, each with the articles stating it and how many independent
 * sources they are (a copy and its original count once). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_summary_print(const sl_summary *sum, const sl_story_texts *t)
{
    for (size_t i = 0; i < sum->n; i++) {
        const sl_summary_sentence *s = &sum->sentences[i];
        cli_print_wrapped(s->text, 0);
        printf("   [");
        for (size_t k = 0; k < s->n_docs; k++)
            printf("%s%lld", k ? " " : "", (long long)t->ids[s->docs[k]]);
        printf("] %zu source%s\n", s->n_sources, s->n_sources == 1 ? "" : "s");
    }
}

static int run(cli *c)
{
    int64_t story = 0;
    int rc;
    sl_summary_options o = {100, 0, 0};
    const char *v;
    for (int i = 0; i < c->argc; i++) {
        if ((v = cli_option(c, &i, "--words"))) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n <= 0 || n > 100000)
                return cli_usage(&cmd_summary, "--words wants a positive number");
            o.words = (int)n;
        } else if ((rc = cli_id_arg(&cmd_summary, c, i, "story", &story))) {
            return rc;
        }
    }
    if (!story)
        return cli_usage(&cmd_summary, "summary wants a story id");
    sl_engine *e;
    rc = cli_store(c, &e);
    if (rc)
        return rc;
    sl_story_texts *t = NULL;
    rc = sl_story_texts_get(e, story, 0, &t);
    sl_summary *sum = NULL;
    if (!rc)
        rc = sl_summarize(t->docs, t->n, &o, &sum);
    int status = rc ? cli_fail(e, rc) : EXIT_OK;
    if (!rc && c->json) {
        rc = sl_summary_json(sum, t->ids, SL_JSON_DOCUMENT, cli_write_stdout, NULL);
        status = cli_json_written(rc);
    } else if (!rc) {
        cli_summary_print(sum, t);
    }
    sl_summary_free(sum);
    sl_story_texts_free(t);
    return status;
}

const command cmd_summary = {
    "summary",
    "STORY_ID [--words N] [--json]",
    "a story in a few sentences, each with the articles stating it",
    "The sentences that carry the story's central content, within N words\n"
    "(default 100): content stated by more independent sources ranks higher (a\n"
    "copy and its original are one source), never two sentences saying the same\n"
    "thing, in time and discourse order. Each sentence lists the articles stating\n"
    "it. --json: docs/json.md. Method: docs/summary.md.\n",
    1,
    run,
};
