/* ingest.c — `storyline ingest PATH...`: files, folders (recursively) or -
 * for standard input, with a progress line on a terminal and a summary. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

typedef struct progress {
    int show;
    double start, last;
    int shown;
} progress;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void clear_progress(progress *p)
{
    if (p->shown) {
        fputs("\r\033[K", stderr);
        p->shown = 0;
    }
}

static void on_error(void *ctx, const char *name, const char *reason)
{
    clear_progress(ctx);
    cli_error("%s: %s", name, reason);
}

static void on_progress(void *ctx, const char *name, uint64_t articles, uint64_t bytes)
{
    progress *p = ctx;
    if (!p->show)
        return;
    double t = now();
    if (t - p->last < 0.2)
        return;
    p->last = t;
    double rate = articles / (t - p->start > 1e-3 ? t - p->start : 1e-3);
    const char *base = strrchr(name, '/');
    fprintf(stderr, "\r\033[Kingest: %llu articles, %.1f MB, %.0f articles/s  %.40s",
            (unsigned long long)articles, bytes / 1048576.0, rate, base ? base + 1 : name);
    p->shown = 1;
}

static int read_stdin(char **data, size_t *len)
{
    size_t cap = 65536;
    *len = 0;
    *data = malloc(cap);
    size_t got;
    while (*data && (got = fread(*data + *len, 1, cap - *len, stdin)) > 0) {
        *len += got;
        if (*len == cap) {
            char *bigger = cap > ((size_t)1 << 30) ? NULL : realloc(*data, cap *= 2);
            if (!bigger) {
                free(*data);
                *data = NULL;
            } else {
                *data = bigger;
            }
        }
    }
    return *data ? 0 : -1;
}

static int run(cli *c, sl_engine *e)
{
    progress prog = {.show = !c->quiet && isatty(STDERR_FILENO), .start = now()};
    sl_ingest_options opts = {.on_error = on_error, .on_progress = on_progress, .ctx = &prog};
    sl_ingest_report report = {0};
    const char **paths = calloc((size_t)c->argc + 1, sizeof *paths);
    int n = 0, rc = 0, status = EXIT_OK;
    if (!paths)
        return EXIT_STORE;
    for (int i = 0; i < c->argc; i++) {
        const char *v;
        if ((v = cli_option(c, &i, "--source")))
            opts.source = v;
        else if ((v = cli_option(c, &i, "--date")))
            opts.published = v;
        else if (c->argv[i][0] == '-' && c->argv[i][1]) {
            free(paths);
            return cli_usage(&cmd_ingest, "unknown option %s", c->argv[i]);
        } else
            paths[n++] = c->argv[i];
    }
    if (!n) {
        free(paths);
        return cli_usage(&cmd_ingest, "nothing to ingest");
    }
    for (int i = 0; i < n && status != EXIT_STORE && status != EXIT_USAGE; i++) {
        if (!strcmp(paths[i], "-")) {
            char *data;
            size_t len;
            if (read_stdin(&data, &len)) {
                cli_error("-: cannot read standard input");
                status = EXIT_STORE;
                break;
            }
            rc = sl_ingest_buffer(e, data, len, "-", &opts, &report);
            free(data);
        } else {
            rc = sl_ingest_path(e, paths[i], &opts, &report);
        }
        if (rc == SL_EBADINPUT)
            status = EXIT_PARTIAL;
        else if (rc)
            status = (clear_progress(&prog), cli_fail(e, rc));
    }
    clear_progress(&prog);
    free(paths);
    if (!c->quiet) {
        double secs = now() - prog.start;
        uint64_t total = report.articles_new + report.articles_unchanged + report.articles_versioned;
        fprintf(stderr,
                "ingested %llu articles from %llu inputs in %.2f s: %llu new, %llu unchanged, "
                "%llu new versions, %llu failed",
                (unsigned long long)total, (unsigned long long)report.files, secs,
                (unsigned long long)report.articles_new, (unsigned long long)report.articles_unchanged,
                (unsigned long long)report.articles_versioned, (unsigned long long)report.failed);
        if (report.skipped)
            fprintf(stderr, "; %llu non-HTML records skipped", (unsigned long long)report.skipped);
        if (report.removed_lines)
            fprintf(stderr, "; %llu chrome lines removed", (unsigned long long)report.removed_lines);
        if (report.bad_bytes)
            fprintf(stderr, "; %llu invalid UTF-8 bytes replaced", (unsigned long long)report.bad_bytes);
        fputc('\n', stderr);
    }
    return status;
}

const command cmd_ingest = {
    "ingest", "[--source NAME] [--date YYYY-MM-DD] PATH...",
    "store articles from files, folders (recursively) or - (standard input)",
    "Formats are recognised by content: plain text (first line is the title when it\n"
    "looks like a headline), JSONL (one object per line with text or html, and\n"
    "optional id, url, source, published, title), and HTML pages.\n\n"
    "  --source NAME   outlet for inputs that name none\n"
    "  --date DATE     publication date for inputs that carry none\n\n"
    "Identical content is stored once; the same URL, id or file with new content\n"
    "becomes a new version of its article. Bad inputs are reported one line each\n"
    "and skipped (exit status 1); everything else is stored.\n",
    0, run,
};
