/* ingest.c — `storyline ingest PATH...`: files, folders (recursively) or -
 * for standard input, with a progress line on a terminal and a summary. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "util/alloc.h"
#include "util/path.h"

static void on_error(void *ctx, const char *name, const char *reason)
{
    cli_progress_clear(ctx);
    cli_error("%s: %s", name, reason);
}

static void on_progress(void *ctx, const char *name, uint64_t articles, uint64_t bytes)
{
    cli_progress_show(ctx, "ingest", "article", "articles", articles, bytes, name);
}

/* Standard input, a pipe named as a file (`ingest <(zcat x.gz)`) or any
 * other path that is neither a file nor a folder (sl_path_is_stream) is read
 * whole by sl_ingest_path as a stream (its format from its content, gzip
 * undone), up to the size of a file read whole (SL_INPUT_MAX). */
static int is_url(const char *s) { return !strncmp(s, "http://", 7) || !strncmp(s, "https://", 8); }

static int add_url(char ***urls, size_t *n, size_t *cap, const char *url)
{
    if (*n == *cap) {
        size_t grown = *cap ? *cap * 2 : 64;
        char **p = sl_realloc(*urls, grown * sizeof *p);
        if (!p)
            return -1;
        *urls = p, *cap = grown;
    }
    if (!((*urls)[*n] = sl_strdup(url)))
        return -1;
    (*n)++;
    return 0;
}

/* Appends the URLs of a file (one a line; blank lines and # comments skipped). */
static int read_url_list(const char *path, char ***urls, size_t *n, size_t *cap)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char *line = NULL;
    size_t size = 0;
    int rc = 0;
    while (!rc && getline(&line, &size, f) > 0) {
        char *s = line + strspn(line, " \t");
        s[strcspn(s, " \t\r\n")] = '\0';
        if (!*s || *s == '#')
            continue;
        rc = add_url(urls, n, cap, s);
    }
    int read_error = ferror(f) ? errno : 0;   /* a folder opens, and fails at its first read */
    free(line);
    fclose(f);
    if (read_error)
        errno = read_error;   /* the caller says why (free and fclose may set it) */
    return rc ? rc : read_error ? -1 : 0;
}

/* Why `path` cannot be read, in the words the ingest itself gives (the
 * reason for a path that names nothing or a folder that cannot be listed,
 * "cannot open: " and the reason for a file); NULL when it can be opened. A
 * stream counts as readable unopened: to open a pipe would be to read it. */
static const char *unreadable(const char *path, char *why, size_t cap)
{
    struct stat sb;
    if (sl_path_is_stream(path))
        return NULL;
    if (stat(path, &sb))
        return strerror(errno);
    int fd = open(path, O_RDONLY | O_CLOEXEC);   /* a folder opens so too */
    if (fd >= 0) {
        close(fd);
        return NULL;
    }
    snprintf(why, cap, "%s%s", S_ISDIR(sb.st_mode) ? "" : "cannot open: ", strerror(errno));
    return why;
}

/* Whether none of the paths can be read: then each is said and counted
 * failed here, and the run neither makes nor opens a store. */
static int none_readable(const char **paths, int n, cli_progress *prog, sl_ingest_report *report)
{
    char why[256];
    for (int i = 0; i < n; i++)
        if (!unreadable(paths[i], why, sizeof why))
            return 0;
    for (int i = 0; i < n; i++)
        on_error(prog, paths[i], unreadable(paths[i], why, sizeof why));
    report->failed += (uint64_t)n;
    return 1;
}

/* A non-negative integer option value; -1 when it is not one. */
static int count_value(const char *v)
{
    char *end;
    long n = strtol(v, &end, 10);
    return *v && !*end && n >= 0 && n <= 100000 ? (int)n : -1;
}

static int run(cli *c)
{
    cli_progress prog;
    cli_progress_init(&prog, c);
    sl_ingest_options opts = {.on_error = on_error, .on_progress = on_progress, .ctx = &prog};
    sl_ingest_report report = {0};
    const char **paths = sl_calloc((size_t)c->argc + 1, sizeof *paths);
    int n = 0, rc = 0, status = EXIT_OK, unread_list = 0;
    char **urls = NULL;
    size_t n_urls = 0, cap_urls = 0;
    if (!paths) {
        cli_error("out of memory");
        return EXIT_STORE;
    }
    for (int i = 0; i < c->argc && status == EXIT_OK; i++) {
        const char *v;
        if ((v = cli_option(c, &i, "--source")))
            opts.source = v;
        else if ((v = cli_option(c, &i, "--date")))
            opts.published = v;
        else if ((v = cli_option(c, &i, "--jobs")))
            status = (opts.jobs = count_value(v)) > 0 ? status : cli_usage(&cmd_ingest, "--jobs wants a positive number");
        else if ((v = cli_option(c, &i, "--timeout")))
            status = (opts.timeout_s = count_value(v)) > 0 ? status
                                                            : cli_usage(&cmd_ingest, "--timeout wants a positive number");
        else if ((v = cli_option(c, &i, "--delay"))) {
            int ms = count_value(v);
            opts.delay_ms = ms ? ms : -1;   /* 0 ms: no delay (0 in the options means the default) */
            if (ms < 0)
                status = cli_usage(&cmd_ingest, "--delay wants milliseconds (0 or more)");
        } else if ((v = cli_option(c, &i, "--urls"))) {
            if (read_url_list(v, &urls, &n_urls, &cap_urls)) {
                cli_error("%s: cannot read the URL list: %s", v, strerror(errno));
                unread_list = 1;   /* the other inputs are read all the same */
            }
        } else if (cli_flag(c, i, "--follow")) {
            opts.follow = 1;
        } else if (cli_flag(c, i, "--allow-private")) {
            opts.allow_private = 1;
        } else if (cli_is_option(c, i)) {
            status = cli_unexpected(&cmd_ingest, c, i);
        } else if (is_url(c->argv[i])) {
            if (add_url(&urls, &n_urls, &cap_urls, c->argv[i]))
                status = EXIT_STORE;
        } else
            paths[n++] = c->argv[i];
    }
    if (status == EXIT_OK && cli_check_date(&cmd_ingest, "--date", opts.published))
        status = EXIT_USAGE;
    if (status == EXIT_OK && unread_list)
        status = EXIT_PARTIAL;
    if (status == EXIT_OK && !n && !n_urls)
        status = cli_usage(&cmd_ingest, "nothing to ingest");
    if (status != EXIT_USAGE && status != EXIT_STORE && !n_urls &&
        none_readable(paths, n, &prog, &report))
        status = EXIT_PARTIAL, n = 0;   /* no store made, an existing one untouched */
    sl_engine *e = NULL;
    if (status != EXIT_USAGE && status != EXIT_STORE && (n || n_urls)) {
        int store_rc = cli_store(c, &e);   /* after the arguments: a usage error makes no store */
        status = store_rc ? store_rc : status;
    }
    if (status == EXIT_USAGE || status == EXIT_STORE) {
        for (size_t i = 0; i < n_urls; i++)
            free(urls[i]);
        free(urls);
        free(paths);
        return status;
    }
    if (n_urls) {
        rc = sl_ingest_urls(e, (const char *const *)urls, n_urls, &opts, &report);
        if (rc == SL_EBADINPUT)
            status = EXIT_PARTIAL;
        else if (rc)
            status = (cli_progress_clear(&prog), cli_fail(e, rc));
    }
    for (size_t i = 0; i < n_urls; i++)
        free(urls[i]);
    free(urls);
    for (int i = 0; i < n && status != EXIT_STORE && status != EXIT_USAGE; i++) {
        if (sl_path_is_stream(paths[i]))
            cli_progress_clear(&prog);
        rc = sl_ingest_path(e, paths[i], &opts, &report);
        if (rc == SL_EBADINPUT)
            status = EXIT_PARTIAL;
        else if (rc)
            status = (cli_progress_clear(&prog), cli_fail(e, rc));
    }
    cli_progress_clear(&prog);
    free(paths);
    if (!c->quiet && status != EXIT_USAGE) {   /* a usage error ingested nothing */
        double secs = cli_progress_seconds(&prog);
        uint64_t total = report.articles_new + report.articles_unchanged + report.articles_versioned +
                         report.articles_updated;
        fprintf(stderr,
                "ingested %llu %s from %llu %s read in %.2f s: %llu new, %llu unchanged, "
                "%llu %s, %llu failed",
                (unsigned long long)total, cli_noun((long long)total, "article", "articles"),
                (unsigned long long)report.files,
                cli_noun((long long)report.files, "file", "files"), secs,
                (unsigned long long)report.articles_new, (unsigned long long)report.articles_unchanged,
                (unsigned long long)report.articles_versioned,
                cli_noun((long long)report.articles_versioned, "new version", "new versions"),
                (unsigned long long)report.failed);
        if (report.articles_updated)
            fprintf(stderr, "; %llu updated (metadata given anew)",
                    (unsigned long long)report.articles_updated);
        if (report.skipped)
            fprintf(stderr, "; %llu non-HTML %s skipped", (unsigned long long)report.skipped,
                    cli_noun((long long)report.skipped, "record", "records"));
        if (report.skipped_files)
            fprintf(stderr, "; %llu %s skipped in folders (hidden, documentation, links out)",
                    (unsigned long long)report.skipped_files, cli_noun((long long)report.skipped_files, "file", "files"));
        if (report.removed_lines)
            fprintf(stderr, "; %llu chrome %s removed", (unsigned long long)report.removed_lines,
                    cli_noun((long long)report.removed_lines, "line", "lines"));
        if (report.bad_bytes)
            fprintf(stderr, "; %llu invalid UTF-8 %s replaced", (unsigned long long)report.bad_bytes,
                    cli_noun((long long)report.bad_bytes, "byte", "bytes"));
        fputc('\n', stderr);
    }
    return status;
}

const command cmd_ingest = {
    "ingest", "[--source NAME] [--date YYYY-MM-DD] [--urls FILE] [--jobs N] [--timeout S] [--delay MS] [--follow] [--allow-private] PATH|URL...",
    "store articles from files, folders, WARC, feeds, URLs or - (stdin)",
    "Formats are recognised by content: plain text (first line is the title when it\n"
    "looks like a headline), JSONL (one object per line with text or html, and\n"
    "optional id, url, source, published, title), a JSON document of such objects\n"
    "(an array, one object, or one after another, pretty-printed or not), HTML\n"
    "pages, WARC files (plain or\n"
    "gzip; every HTML response), RSS/Atom feeds (an item's content when it is the\n"
    "whole article, else its fetched page); any of them may be gzipped. http(s)\n"
    "URLs are fetched (robots.txt honoured) and may be pages or feeds. A folder's\n"
    "hidden and documentation files (README, LICENSE, *.md ...) and links out of\n"
    "it are skipped; files named here are always read. - (standard input) and a pipe\n"
    "named as a file (<(zcat x.jsonl.gz)) are read whole, their format from their\n"
    "content. An input read whole (all but WARC files, which are read a record at\n"
    "a time) is at most 256 MB, once decompressed. After --, every argument is a\n"
    "path.\n\n"
    "  --source NAME   outlet for inputs that name none\n"
    "  --date DATE     publication date for inputs that carry none\n"
    "  --urls FILE     fetch the URLs listed in FILE (one a line, # comments)\n"
    "  --jobs N        parallel transfers (default 4)\n"
    "  --timeout S     seconds per transfer (default 30)\n"
    "  --delay MS      milliseconds between requests to one host (default 1000)\n"
    "  --follow        fetch the pages of a local feed's teaser items\n"
    "  --allow-private fetch from loopback, private and link-local addresses\n\n"
    "Identical content is stored once; the same URL, id or file with new content\n"
    "becomes a new version of its article. Bad inputs are reported one line each\n"
    "and skipped (exit status 1); everything else is stored. When no input can be\n"
    "read at all, no store is made.\n",
    0, run,
};
