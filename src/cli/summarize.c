/* summarize.c — `storyline summarize FILE... --bytes N | --words N`: one
 * extractive summary of the given files told as one story, without a store
 * (each file its own source); --json gives the sentences with their files. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util/alloc.h"

static void print_human(const sl_summary *sum, char **files)
{
    for (size_t i = 0; i < sum->n; i++) {
        const sl_summary_sentence *s = &sum->sentences[i];
        printf("%s\n   [", s->text);
        for (size_t k = 0; k < s->n_docs; k++)
            printf("%s%s", k ? " " : "", files[s->docs[k]]);
        printf("] %zu source%s\n", s->n_sources, s->n_sources == 1 ? "" : "s");
    }
}

static int parse_budget(const char *v, int *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || n <= 0 || n > 1000000)
        return -1;
    *out = (int)n;
    return 0;
}

/* Every file that reads as prose becomes one text of the story; one that
 * does not (missing, empty, binary, a page without article text) is said by
 * cli_read_text and left out, the rest summarised: exit 1, as ingest and
 * facts --text go on past a bad input. `names` and the JSON's doc ids keep
 * the files' own places on the command line. */
static int summarize_files(cli *c, char **files, int n, const sl_summary_options *o)
{
    sl_story_text *docs = sl_calloc((size_t)n, sizeof *docs);
    int64_t *ids = sl_calloc((size_t)n, sizeof *ids);
    char **names = sl_calloc((size_t)n, sizeof *names);
    size_t n_docs = 0;
    int status = EXIT_OK;
    if (!docs || !ids || !names) {
        cli_error("out of memory");
        n = 0;
        status = EXIT_STORE;
    }
    for (int i = 0; i < n; i++) {
        char *published = NULL;   /* an HTML page's own date orders its sentences, as a stored article's */
        docs[n_docs].text = cli_read_text(files[i], SL_INPUT_MAX, &docs[n_docs].len, &published);
        docs[n_docs].published = published;
        if (!docs[n_docs].text) {
            status = EXIT_PARTIAL;
            continue;
        }
        ids[n_docs] = i;
        names[n_docs++] = files[i];
    }
    sl_summary *sum = NULL;
    int rc = n_docs ? sl_summarize(docs, n_docs, o, &sum) : 0;
    if (rc) {
        cli_error("summarize: %s", sl_strerror(rc));
        status = EXIT_STORE;
    } else if (sum && c->json) {
        rc = sl_summary_json(sum, ids, SL_JSON_DOCUMENT, cli_write_stdout, NULL);
        status = rc ? cli_json_written(rc) : status;
    } else if (sum) {
        print_human(sum, names);
    }
    sl_summary_free(sum);
    for (size_t i = 0; i < n_docs; i++) {
        free((char *)docs[i].text);
        free((char *)docs[i].published);
    }
    free(docs);
    free(ids);
    free(names);
    return status;
}

static int run(cli *c)
{
    sl_summary_options o = {0};
    const char *v;
    int n = 0;
    for (int i = 0; i < c->argc; i++) {
        if ((v = cli_option(c, &i, "--bytes"))) {
            if (parse_budget(v, &o.bytes))
                return cli_usage(&cmd_summarize, "--bytes wants a positive number");
            o.cut = 1;
        } else if (cli_flag(c, i, "--cut")) {
            o.cut = 1;
        } else if ((v = cli_option(c, &i, "--words"))) {
            if (parse_budget(v, &o.words))
                return cli_usage(&cmd_summarize, "--words wants a positive number");
        } else if (cli_is_option(c, i)) {
            return cli_unexpected(&cmd_summarize, c, i);
        } else {
            c->argv[n++] = c->argv[i]; /* the files, in order */
        }
    }
    if (!n)
        return cli_usage(&cmd_summarize, "summarize wants one or more text files");
    if (o.bytes && o.words)
        return cli_usage(&cmd_summarize, "one budget: --bytes N or --words N, not both");
    if (!o.bytes && !o.words)
        o.words = 100;
    return summarize_files(c, c->argv, n, &o);
}

const command cmd_summarize = {
    "summarize",
    "FILE... [--bytes N | --words N [--cut]] [--json]",
    "one summary of the given files, told as one story (no store)",
    "Picks the sentences that carry the content the files share, within N bytes\n"
    "(the last sentence cut to fill them, as DUC scores summaries, unless 20\n"
    "bytes or fewer are left) or N words (default 100; whole sentences unless\n"
    "--cut), never two sentences saying the same thing, in the files' order.\n"
    "A budget below every sentence gives the best one, cut. Each sentence lists\n"
    "the files stating it. A file may be gzipped; - reads standard input; an HTML\n"
    "page gives its article text, as ingest extracts it. A file that cannot be\n"
    "read as prose (missing, empty, binary, a page without article text) is\n"
    "said with its reason and left out; the others are summarised (exit 1).\n"
    "--json: docs/json.md.\n",
    CLI_NO_STORE,
    run,
};
