/* facts.c — `storyline facts`: a story's fact table (values, agreeing and
 * disagreeing sources) or only its conflicts; `--text FILE...` extracts the
 * facts of bare files without storing them (one JSON line per file). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *more = cap > ((size_t)1 << 28) ? NULL : realloc(buf, cap *= 2);
            if (!more)
                free(buf);
            buf = more;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Extraction of bare files, for evaluations and a quick look. */
static int extract_files(cli *c, int first, const char *published)
{
    int status = EXIT_OK;
    for (int i = first; i < c->argc; i++) {
        size_t len = 0;
        char *text = read_file(c->argv[i], &len);
        if (!text) {
            cli_error("%s: cannot read", c->argv[i]);
            status = EXIT_PARTIAL;
            continue;
        }
        int rc = sl_facts_extract_json(text, len, published, cli_write_stdout, NULL);
        free(text);
        if (rc) {
            cli_error("%s: %s", c->argv[i], sl_strerror(rc));
            status = EXIT_PARTIAL;
        }
        putchar('\n');
    }
    return status;
}

static void print_value(const sl_fact_value *v)
{
    printf("    %-10s %s  [", v->approx == '=' ? "" : v->approx == '~' ? "about" :
                                      v->approx == '>' ? "over" : "under", v->text);
    for (size_t k = 0; k < v->n_articles; k++)
        printf("%s%lld", k ? " " : "", (long long)v->articles[k]);
    printf("]  %zu %s\n", v->n_sources, cli_noun((long long)v->n_sources, "source", "sources"));
}

static void print_sentences(sl_engine *e, const sl_fact_value *v)
{
    for (size_t k = 0; k < v->n_articles; k++) {
        sl_article *a = NULL;
        if (sl_article_get(e, v->articles[k], &a))
            continue;
        sl_span s = v->sentences[k];
        if (s.end <= strlen(a->text) && s.start < s.end) {
            char *line = NULL;
            if (asprintf(&line, "[%lld] %.*s", (long long)a->id, (int)(s.end - s.start),
                         a->text + s.start) >= 0)
                cli_print_wrapped(line, 6);
            free(line);
        }
        sl_article_free(a);
    }
}

static int show_facts(sl_engine *e, int64_t story, int conflicts, int json);

/* The store is opened only for a story's facts: --text needs none. */
static int run(cli *c, sl_engine *unused)
{
    (void)unused;
    int conflicts = 0;
    int64_t story = 0;
    const char *published = NULL;
    for (int i = 0; i < c->argc; i++) {
        const char *v;
        if (!strcmp(c->argv[i], "--conflicts"))
            conflicts = 1;
        else if ((v = cli_option(c, &i, "--published")))
            published = v;
        else if (!strcmp(c->argv[i], "--text"))
            return i + 1 < c->argc ? extract_files(c, i + 1, published)
                                   : cli_usage(&cmd_facts, "--text wants files");
        else if (!story && cli_id(c->argv[i]))
            story = cli_id(c->argv[i]);
        else
            return cli_usage(&cmd_facts, "unexpected argument %s", c->argv[i]);
    }
    if (!story)
        return cli_usage(&cmd_facts, "facts wants a story id");
    sl_engine *e = NULL;
    int rc = cli_open(c, CLI_READ, &e);
    if (!rc)
        rc = show_facts(e, story, conflicts, c->json);
    sl_engine_free(e);
    return rc;
}

static int show_facts(sl_engine *e, int64_t story, int conflicts, int json)
{
    if (json) {
        int rc = sl_story_facts_json(e, story, conflicts, cli_write_stdout, NULL);
        return rc ? cli_fail(e, rc) : EXIT_OK;
    }
    sl_fact_table *t = NULL;
    int rc = sl_story_facts(e, story, conflicts, &t);
    if (rc)
        return cli_fail(e, rc);
    printf("story %lld: %zu fact%s%s\n", (long long)story, t->n, t->n == 1 ? "" : "s",
           conflicts ? " in conflict" : "");
    for (size_t i = 0; i < t->n; i++) {
        const sl_fact *f = &t->items[i];
        printf("\n  %s%s%s%s  (%s, confidence %.2f)\n", f->about, f->unit ? " [" : "",
               f->unit ? f->unit : "", f->unit ? "]" : "", f->conflict ? "CONFLICT" : "agree",
               f->confidence);
        for (size_t k = 0; k < f->n_values; k++) {
            print_value(&f->values[k]);
            if (conflicts)
                print_sentences(e, &f->values[k]);
        }
    }
    sl_fact_table_free(t);
    return EXIT_OK;
}

const command cmd_facts = {
    "facts", "STORY_ID [--conflicts] [--json] | --text FILE... [--published DATE]",
    "a story's facts: values, independent sources, agreement, conflicts",
    "  --conflicts       only facts the sources disagree on, with the sentences\n"
    "  --text FILE...    the facts of bare files, one JSON line each; no store\n"
    "  --published DATE  publication date for --text (anchors relative dates)\n"
    "A value's sources are the independent articles stating it: a copy counts as\n"
    "its original, so three copies of one wire story are one source.\n",
    CLI_NO_STORE, run,
};
