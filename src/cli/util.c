/* util.c — output and argument helpers shared by the subcommands. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/gzfile.h"
#include "util/json_out.h"

/* "storyline: MESSAGE" on stderr, a line. */
__attribute__((format(printf, 1, 0))) static void say(const char *fmt, va_list ap)
{
    fputs("storyline: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(fmt, ap);
    va_end(ap);
}

int cli_fail(sl_engine *e, int rc)
{
    const char *msg = sl_errmsg(e);
    cli_error("%s", *msg ? msg : sl_strerror(rc));
    switch (rc) {
    case SL_EUSAGE: return EXIT_USAGE;
    case SL_ESTORE: case SL_ENOMEM: case SL_EIO: return EXIT_STORE;
    default: return EXIT_PARTIAL;
    }
}

/* Prints the words of usage[0, len) after a `lead`-column prefix, wrapped
 * within CLI_MIN_WIDTH columns, continuation lines indented to `lead`. */
static void print_wrapped_words(FILE *out, const char *usage, size_t len, int lead)
{
    int col = lead;
    const char *p = usage, *end = usage + len;
    while (p < end) {
        while (p < end && *p == ' ')
            p++;
        const char *w = p;
        while (p < end && *p != ' ')
            p++;
        int n = (int)(p - w);
        if (!n)
            break;
        if (col > lead && col + 1 + n > CLI_MIN_WIDTH) {
            fprintf(out, "\n%*s", lead, "");
            col = lead;
        }
        col += fprintf(out, "%s%.*s", col > lead ? " " : "", n, w);
    }
    fputc('\n', out);
}

/* The first " | " of `s` outside brackets (one form of a command from the
 * next), or NULL: "[--bytes N | --words N]" is one form with a choice. */
static const char *next_form(const char *s)
{
    int depth = 0;
    for (; *s; s++) {
        depth += (*s == '[') - (*s == ']');
        if (!depth && !strncmp(s, " | ", 3))
            return s;
    }
    return NULL;
}

void cli_print_usage(FILE *out, const command *cmd)
{
    const char *alt = cmd->usage;
    for (int first = 1; first || *alt; first = 0) {
        const char *bar = next_form(alt);
        size_t len = bar ? (size_t)(bar - alt) : strlen(alt);
        int lead = fprintf(out, "%s storyline %s ", first ? "usage:" : "      ", cmd->name);
        print_wrapped_words(out, alt, len, lead);
        alt = bar ? bar + 3 : alt + len;
    }
}

int cli_usage(const command *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(fmt, ap);
    va_end(ap);
    cli_print_usage(stderr, cmd);
    return EXIT_USAGE;
}

int cli_unexpected(const command *cmd, const cli *c, int i)
{
    const char *what = cli_is_option(c, i) ? "unknown option" : "unexpected argument";
    return cli_usage(cmd, "%s %s", what, c->argv[i]);
}

int cli_id_arg(const command *cmd, const cli *c, int i, const char *noun, int64_t *id)
{
    if (cli_is_option(c, i) || *id)
        return cli_unexpected(cmd, c, i);
    if (!(*id = cli_id(c->argv[i])))
        return cli_usage(cmd, "%s wants one %s id, not %s", cmd->name, noun, c->argv[i]);
    return 0;
}

int cli_one_story(const command *cmd, cli *c, int64_t *id, sl_engine **e)
{
    *id = 0;
    for (int i = 0; i < c->argc; i++) {
        int rc = cli_id_arg(cmd, c, i, "story", id);
        if (rc)
            return rc;
    }
    return *id ? cli_store(c, e) : cli_usage(cmd, "%s wants one story id", cmd->name);
}

int cli_check_date(const command *cmd, const char *option, const char *published)
{
    if (!published || sl_date_day(published) != SL_NO_DAY)
        return EXIT_OK;
    return cli_usage(cmd, "%s wants an ISO-8601 date (YYYY-MM-DD), not \"%s\"", option, published);
}

int64_t cli_id(const char *s)
{
    if (!s || !*s || s[strspn(s, "0123456789")])   /* strtoll alone takes " 7" and "+7" */
        return 0;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    return *end || errno || v <= 0 ? 0 : (int64_t)v;
}

const char *cli_option(cli *c, int *i, const char *name)
{
    const char *arg = c->argv[*i];
    size_t n = strlen(name);
    if (*i >= c->options_end || strncmp(arg, name, n))
        return NULL;
    if (arg[n] == '=')
        return arg + n + 1;
    if (arg[n] || *i + 1 >= c->options_end) /* after "--", every argument is a path */
        return NULL;
    return c->argv[++*i];
}

int cli_flag(const cli *c, int i, const char *name)
{
    return i < c->options_end && !strcmp(c->argv[i], name);
}

int cli_is_option(const cli *c, int i)
{
    return i < c->options_end && c->argv[i][0] == '-' && c->argv[i][1];
}

json_t *cli_json_document(void)
{
    return json_pack("{s:s,s:i}", "storyline", SL_VERSION, "json_version", SL_JSON_VERSION);
}

int cli_json_print(json_t *doc, int compact)
{
    size_t flags = JSON_PRESERVE_ORDER | (compact ? JSON_COMPACT : JSON_INDENT(2));
    int failed = !doc || json_dumpf(doc, stdout, flags) || putchar('\n') == EOF;
    json_decref(doc);
    if (failed)
        cli_error("cannot write output");
    return failed ? EXIT_STORE : EXIT_OK;
}

int cli_write_stdout(void *ctx, const char *data, size_t len)
{
    return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

json_t *cli_json_string(const char *s)
{
    json_t *str = json_string(s);
    sl_buf fixed = SL_BUF_INIT;
    for (size_t i = 0, n = strlen(s); !str && i < n;) {
        size_t k = sl_json_utf8_length(s + i, n - i);
        sl_buf_put(&fixed, k ? s + i : "\xEF\xBF\xBD", k ? k : 3);   /* U+FFFD */
        i += k ? k : 1;
    }
    if (!str && !fixed.err)
        str = json_string(sl_buf_cstr(&fixed));
    sl_buf_free(&fixed);
    return str;
}

int cli_json_written(int rc)
{
    if (rc)
        cli_error("%s", rc == SL_EIO ? "cannot write output" : sl_strerror(rc));
    return rc ? EXIT_STORE : EXIT_OK;
}

int cli_width(void)
{
    struct winsize ws;
    int n = 0;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
        n = ws.ws_col;
    else if (getenv("COLUMNS"))
        n = atoi(getenv("COLUMNS"));
    return n > CLI_MIN_WIDTH ? n : CLI_MIN_WIDTH;
}

const char *cli_noun(long long n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

void cli_print_cut(const char *s, int width)
{
    if (!s)
        s = "";
    if (width < 2)
        width = 2;
    int cols = 0;
    const char *p = s;
    while (*p) {
        /* One display column per code point (lead bytes only). */
        if (((unsigned char)*p & 0xC0) != 0x80 && ++cols > width - 1 && p[1]) {
            fwrite(s, 1, (size_t)(p - s), stdout);
            fputs("…", stdout);
            return;
        }
        p++;
    }
    fputs(s, stdout);
}

void cli_print_tail(const char *s, int width)
{
    int cols = 0;
    const char *p = s + strlen(s);
    while (p > s) {
        if (((unsigned char)*--p & 0xC0) != 0x80 && ++cols == width && p > s) {
            /* p starts the width-th character from the end: the ellipsis takes its place */
            do
                p++;
            while (((unsigned char)*p & 0xC0) == 0x80);
            fputs("…", stdout);
            break;
        }
    }
    fputs(p, stdout);
}

void cli_print_wrapped(const char *text, int indent)
{
    int width = cli_width();
    int room = width - indent - 1;
    if (room < 30)
        room = 30;
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        while (p < end) {
            const char *cut = end;
            int cols = 0;
            const char *q = p, *last_space = NULL;
            for (; q < end; q++) {
                if (((unsigned char)*q & 0xC0) != 0x80)
                    cols++;
                if (*q == ' ')
                    last_space = q;
                if (cols > room) {
                    cut = last_space ? last_space : q;
                    break;
                }
            }
            printf("%*s%.*s\n", indent, "", (int)(cut - p), p);
            p = cut;
            while (p < end && *p == ' ')
                p++;
        }
        if (p == end && nl && (p == text || p[-1] == '\n'))
            putchar('\n');
        p = nl ? nl + 1 : end;
    }
}

int cli_open(cli *c, int mode, sl_engine **out)
{
    sl_options opts = {.read_only = mode == CLI_READ               ? 1
                                    : mode == CLI_WRITE_EXISTING ? SL_READ_ONLY_IF_UNWRITABLE
                                                                 : 0};
    *out = NULL;
    if (mode != CLI_WRITE && access(c->db, F_OK) != 0 && errno == ENOENT) {
        cli_error("no store at %s yet: `storyline ingest FILE...` makes one "
                  "(--db PATH or STORYLINE_DB names another)", c->db);
        return EXIT_STORE;
    }
    if (sl_engine_open(out, c->db, &opts) == 0)
        return EXIT_OK;
    cli_error("%s", *out ? sl_errmsg(*out) : "out of memory");
    sl_engine_free(*out);
    *out = NULL;
    return EXIT_STORE;
}

static int bad_granularity(const cli *c)
{
    cli_error("--granularity wants a positive number, not \"%s\"", c->granularity);
    return EXIT_USAGE;
}

int cli_store(cli *c, sl_engine **out)
{
    *out = c->engine;
    if (c->engine)
        return EXIT_OK;
    char *end = NULL;
    double g = c->granularity ? strtod(c->granularity, &end) : 1;
    if (end && *end)
        return bad_granularity(c);
    int rc = cli_open(c, c->store_mode, &c->engine);
    if (!rc && c->granularity && sl_stories_set_granularity(c->engine, g))
        rc = bad_granularity(c);
    *out = c->engine;
    return rc;
}

int cli_close(sl_engine *e, int rc)
{
    if (e && rc == EXIT_OK && sl_engine_check_snapshot(e)) {
        cli_error("%s", sl_errmsg(e));
        rc = EXIT_STORE;
    }
    sl_engine_free(e);
    return rc;
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void cli_progress_init(cli_progress *p, const cli *c)
{
    *p = (cli_progress){.show = !c->quiet && isatty(STDERR_FILENO), .start = seconds_now()};
}

void cli_progress_show(cli_progress *p, const char *what, const char *one, const char *items,
                       uint64_t n, uint64_t bytes, const char *name)
{
    if (!p->show)
        return;
    double t = seconds_now();
    if (t - p->last < 0.2)
        return;
    p->last = t;
    double rate = (double)n / (t - p->start > 1e-3 ? t - p->start : 1e-3);
    const char *base = name ? strrchr(name, '/') : NULL;
    fprintf(stderr, "\r\033[K%s: %llu %s, %.1f MB, %.0f %s/s  %.40s", what, (unsigned long long)n,
            cli_noun((long long)n, one, items), bytes / 1048576.0, rate, items,
            base ? base + 1 : name ? name : "");
    p->shown = 1;
}

double cli_progress_seconds(const cli_progress *p)
{
    return seconds_now() - p->start;
}

void cli_progress_clear(cli_progress *p)
{
    if (p->shown) {
        fputs("\r\033[K", stderr);
        p->shown = 0;
    }
}

char *cli_read_text(const char *path, size_t max, size_t *len, char **published)
{
    char *text = cli_read_file(path, max, len);
    sl_page page = {0};
    int rc = 0;
    if (published)
        *published = NULL;
    if (!text)
        return NULL;
    const char *refused = NULL;
    rc = sl_input_read(text, *len, &page, &refused);
    if (refused) {
        cli_error("%s: %s", path, refused);
    } else if (rc == SL_EBADINPUT) {
        cli_error("%s: no article text found", path);
    } else if (rc) {
        cli_error("%s: %s", path, sl_strerror(rc));
    } else if (page.text) {   /* an HTML page, read as ingest reads it */
        free(text);
        *len = strlen(page.text);
        text = page.text;
        page.text = NULL;
        if (published) {
            *published = page.published;
            page.published = NULL;
        }
        sl_page_clear(&page);
        return text;
    } else {
        return text;
    }
    sl_page_clear(&page);
    free(text);
    *len = 0;
    return NULL;
}

char *cli_read_file(const char *path, size_t max, size_t *len)
{
    sl_buf data, why = SL_BUF_INIT;
    int rc = sl_gz_read_file(path, max, &data, &why);
    *len = rc ? 0 : data.len;
    char *text = rc ? NULL : sl_buf_take(&data);
    if (rc || !text)
        cli_error("%s: %s", path, rc ? sl_buf_cstr(&why) : "out of memory");
    sl_buf_free(&data);
    sl_buf_free(&why);
    return text;
}

int cli_blank_line(const char *line, ssize_t n)
{
    ssize_t i = 0;
    while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n'))
        i++;
    return i == n;
}

/* A first line that opens a JSON document rather than a JSONL record: `[`
 * (an array), or `{` alone (a pretty-printed object), after white space. */
static int opens_document(const char *line, ssize_t n)
{
    ssize_t i = n >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < n && (line[i] == ' ' || line[i] == '\t'))
        i++;
    if (i < n && line[i] == '[')
        return 1;
    if (i >= n || line[i] != '{')
        return 0;
    while (++i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n'))
        ;
    return i == n;
}

int cli_not_lines(const char *path, const char *line, ssize_t n, cli_progress *progress, const char *who,
                  const char *piped)
{
    int gzip = n >= 2 && line[0] == '\x1f' && line[1] == '\x8b';
    if (!gzip && !opens_document(line, n))
        return 0;
    if (progress)
        cli_progress_clear(progress);
    if (gzip)
        cli_error("%s: gzip-compressed: %s reads plain JSONL (zcat %s | storyline %s)", path, who, path, piped);
    else
        cli_error("%s: a JSON document, not JSONL: %s reads one object a line (jq -c '.[]' %s | storyline %s)",
                  path, who, path, piped);
    return 1;
}
