/* facts.c — `storyline facts`: a story's fact table (values, agreeing and
 * disagreeing sources) or only its conflicts; `--text FILE...` extracts the
 * facts of bare files without storing them (one JSON line per file). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Extraction of bare files, for evaluations and a quick look: the
 * arguments from `first` on, options skipped (they may follow the files). */
static int extract_files(cli *c, int first, const char *published)
{
    int status = EXIT_OK, files = 0;
    for (int i = first; i < c->argc; i++) {
        if (cli_option(c, &i, "--published"))
            continue;
        files++;
        size_t len = 0;
        char *stated = NULL;   /* an HTML page's own date, used unless --published is given */
        char *text = cli_read_text(c->argv[i], SL_INPUT_MAX, &len, &stated);
        if (!text) {
            status = EXIT_PARTIAL;
            continue;
        }
        int rc = sl_facts_extract_json(text, len, published ? published : stated, c->argv[i], cli_write_stdout,
                                       NULL);
        free(text);
        free(stated);
        if (rc == SL_EIO)
            return cli_json_written(rc);   /* said once: no more lines to a full output */
        if (rc) {
            cli_error("%s: %s", c->argv[i], sl_strerror(rc));
            status = EXIT_PARTIAL;
        }
        putchar('\n');
    }
    return files ? status : cli_usage(&cmd_facts, "--text wants files");
}

/* A number as a reader writes it: 40,000; 2.5. */
static void format_number(double x, char *out, size_t cap)
{
    if (x != (double)(long long)x || x >= 1e15 || x <= -1e15) {
        snprintf(out, cap, "%g", x);
        return;
    }
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%lld", (long long)(x < 0 ? -x : x));
    size_t k = 0;
    if (x < 0 && k + 1 < cap)
        out[k++] = '-';
    for (int i = 0; i < n && k + 2 < cap; i++) {
        if (i && (n - i) % 3 == 0)
            out[k++] = ',';
        out[k++] = digits[i];
    }
    out[k] = '\0';
}

/* The value of a row: the number with its modifier ("over 40,000",
 * "380-400"); a date's value is its heading, so its row shows only the words. */
static void format_value(const sl_fact *f, const sl_fact_value *v, char *out, size_t cap)
{
    out[0] = '\0';
    if (f->unit && !strcmp(f->unit, "date"))
        return;
    char lo[32], hi[32] = "";
    format_number(v->value, lo, sizeof lo);
    if (v->value_hi != v->value)
        format_number(v->value_hi, hi, sizeof hi);
    const char *approx = v->approx == '~' ? "about " : v->approx == '>' ? "over " :
                         v->approx == '<' ? "under " : "";
    snprintf(out, cap, "%s%s%s%s", approx, lo, hi[0] ? "-" : "", hi);
}

static void print_value(const sl_fact *f, const sl_fact_value *v)
{
    char value[80];
    format_value(f, v, value, sizeof value);
    printf("    %-14s %s  [", value, v->text);
    for (size_t k = 0; k < v->n_articles; k++)
        printf("%s%lld", k ? " " : "", (long long)v->articles[k]);
    printf("]  %zu %s\n", v->n_sources, cli_noun((long long)v->n_sources, "source", "sources"));
}

/* A date as a reader writes it: "7 October 2024", "7 October" (year
 * unknown, TIMEX XXXX), "October 2024"; other text as it is. */
static void format_date(const char *iso, char *out, size_t cap)
{
    static const char *const months[] = {"January", "February", "March", "April", "May",
        "June", "July", "August", "September", "October", "November", "December"};
    int m = 0, d = 0;
    size_t n = strlen(iso);
    if (n >= 7 && iso[4] == '-' && (iso[0] == 'X' || (iso[0] >= '0' && iso[0] <= '9')))
        m = atoi(iso + 5);
    if (n == 10 && iso[7] == '-')
        d = atoi(iso + 8);
    if (m < 1 || m > 12) {
        snprintf(out, cap, "%s", iso);
        return;
    }
    char day[8] = "";
    if (d)
        snprintf(day, sizeof day, "%d ", d);
    if (iso[0] == 'X')
        snprintf(out, cap, "%s%s", day, months[m - 1]);
    else
        snprintf(out, cap, "%s%s %.4s", day, months[m - 1], iso);
}

/* What the table says of a fact: conflict, agreement of independent
 * sources, or neither (one source, perhaps through copies; or values
 * grouped too loosely to call a conflict). */
static const char *verdict(const sl_fact *f)
{
    if (f->conflict)
        return "CONFLICT";
    if (f->agreement)
        return "agree";
    return f->n_values > 1 ? "several values" : "one source";
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
static int run(cli *c)
{
    int conflicts = 0;
    int64_t story = 0;
    int rc;
    int text = 0; /* the argument after --text, 0 without --text */
    const char *published = NULL;
    for (int i = 0; i < c->argc; i++) {
        const char *v;
        if (cli_flag(c, i, "--conflicts"))
            conflicts = 1;
        else if ((v = cli_option(c, &i, "--published")))
            published = v;
        else if (!text && cli_flag(c, i, "--text"))
            text = i + 1;
        else if (cli_is_option(c, i))
            return cli_unexpected(&cmd_facts, c, i);
        else if (text)
            continue; /* a file for --text */
        else if ((rc = cli_id_arg(&cmd_facts, c, i, "story", &story)))
            return rc;
    }
    if (text && (conflicts || story))
        return cli_usage(&cmd_facts, "--text reads files: %s is for a story's facts",
                         conflicts ? "--conflicts" : "a story id");
    if (text && cli_check_date(&cmd_facts, "--published", published))
        return EXIT_USAGE;
    if (text)
        return extract_files(c, text, published);
    if (published)
        return cli_usage(&cmd_facts, "--published is for --text");
    if (!story)
        return cli_usage(&cmd_facts, "facts wants a story id");
    sl_engine *e;
    rc = cli_store(c, &e);
    return rc ? rc : show_facts(e, story, conflicts, c->json);
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
        char about[64];
        if (f->unit && !strcmp(f->unit, "date"))
            format_date(f->about, about, sizeof about);
        printf("\n  %s%s%s%s  (%s, confidence %.2f)\n",
               f->unit && !strcmp(f->unit, "date") ? about : f->about, f->unit ? " [" : "",
               f->unit ? f->unit : "", f->unit ? "]" : "", verdict(f), f->confidence);
        for (size_t k = 0; k < f->n_values; k++) {
            print_value(f, &f->values[k]);
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
    "  --text FILE...    the facts of bare files (plain or gzipped; a page's\n"
    "                    article text), one JSON line each; no store; an empty\n"
    "                    file gives no line, said on stderr (exit 1)\n"
    "  --published DATE  publication date for --text (anchors relative dates;\n"
    "                    default: an HTML page's own, as ingest reads it)\n"
    "A value's sources are the independent articles stating it: a copy counts as\n"
    "its original, so three copies of one wire story are one source, and the\n"
    "articles of one outlet count as one.\n",
    CLI_READ, run,
};
