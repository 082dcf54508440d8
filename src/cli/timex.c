/* timex.c — `storyline timex [--published DATE] FILE...`: the temporal
 * expressions of bare files (no store), each with its span in code points,
 * type and TIMEX3 value normalised against the publication date; with
 * --json one JSON object per expression and line. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* One line an expression; the value column as wide as the file's longest
 * value (14 at least), so that the texts start in one column. */
static void print_human(const char *path, const char *text, const sl_timex_list *list, int many)
{
    if (many)
        printf("==> %s\n", path);
    int width = 14;
    for (size_t i = 0; i < list->n; i++)
        width = (int)strlen(list->items[i].value) > width ? (int)strlen(list->items[i].value) : width;
    for (size_t i = 0; i < list->n; i++) {
        const sl_timex *x = &list->items[i];
        printf("%6u %6u  %-8s %-*s %.*s\n", x->chars.start, x->chars.end,
               sl_timex_type_name(x->type), width, x->value, (int)(x->span.end - x->span.start),
               text + x->span.start);
    }
}

static int one_file(cli *c, const char *path, const char *published, int many)
{
    size_t len = 0;
    char *stated = NULL;   /* an HTML page's own date, used unless --published is given */
    char *text = cli_read_text(path, SL_INPUT_MAX, &len, &stated);
    if (!text)
        return EXIT_PARTIAL;
    if (!published)
        published = stated;
    sl_timex_list *list = NULL;
    int rc = c->json   /* naming the file: several may be given */
                 ? sl_timex_json(text, len, published, path, SL_JSON_DOCUMENT, cli_write_stdout,
                                 NULL)
                 : sl_timex_find(text, len, published, &list);
    if (rc && rc != SL_EIO)
        cli_error("%s: %s", path, sl_strerror(rc));
    else if (!rc && !c->json)
        print_human(path, text, list, many);
    sl_timex_list_free(list);
    free(text);
    free(stated);
    return rc == SL_EIO ? cli_json_written(rc) : rc ? EXIT_PARTIAL : EXIT_OK;
}

static int run(cli *c)
{
    const char *published = NULL, *v;
    int n = 0, status = EXIT_OK;
    for (int i = 0; i < c->argc; i++) {
        if ((v = cli_option(c, &i, "--published")) || (v = cli_option(c, &i, "--date")))
            published = v;
        else if (cli_is_option(c, i))
            return cli_unexpected(&cmd_timex, c, i);
        else
            c->argv[n++] = c->argv[i]; /* the files, in order */
    }
    if (!n)
        return cli_usage(&cmd_timex, "timex wants one or more text files");
    if (cli_check_date(&cmd_timex, "--published", published))
        return EXIT_USAGE;
    for (int i = 0; i < n; i++) {
        int rc = one_file(c, c->argv[i], published, n > 1);
        if (rc)
            status = rc;
    }
    return status;
}

const command cmd_timex = {
    "timex",
    "[--published DATE] [--json] FILE...",
    "the dates, times and durations a text states, with their values",
    "Finds every temporal expression of each file (TimeML TIMEX3: DATE, TIME,\n"
    "DURATION, SET) and normalises it against the publication date: \"on Tuesday\"\n"
    "-> 2024-08-20, \"last week\" -> 2024-W33, \"10 months\" -> P10M. Without\n"
    "--published (or --date, the same) an HTML page's own date is used, as\n"
    "ingest uses it; without either the unknown parts are X (XXXX-10-07).\n"
    "Offsets are Unicode code points into the file (into the article text of an\n"
    "HTML page, which is read as ingest extracts it). With --json: one object per\n"
    "line, naming its file (docs/json.md). A file may be gzipped; - reads\n"
    "standard input. An empty file or a page without article text is said (exit 1).\n",
    CLI_NO_STORE,
    run,
};
