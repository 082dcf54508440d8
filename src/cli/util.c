/* util.c — output and argument helpers shared by the subcommands. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("storyline: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
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

int cli_usage(const command *cmd, const char *fmt, ...)
{
    va_list ap;
    fputs("storyline: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nusage: storyline %s %s\n", cmd->name, cmd->usage);
    return EXIT_USAGE;
}

int64_t cli_id(const char *s)
{
    if (!s || !*s)
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
    if (strncmp(arg, name, n))
        return NULL;
    if (arg[n] == '=')
        return arg + n + 1;
    if (arg[n] || *i + 1 >= c->argc)
        return NULL;
    return c->argv[++*i];
}

int cli_write_stdout(void *ctx, const char *data, size_t len)
{
    return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

int cli_width(void)
{
    if (!isatty(STDOUT_FILENO))
        return 0;
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
        return ws.ws_col;
    const char *cols = getenv("COLUMNS");
    int n = cols ? atoi(cols) : 0;
    return n >= 40 ? n : 80;
}

void cli_print_cut(const char *s, int width)
{
    if (!s)
        s = "";
    if (width <= 0) {
        fputs(s, stdout);
        return;
    }
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

void cli_print_wrapped(const char *text, int indent)
{
    int width = cli_width();
    if (width <= 0)
        width = 100;
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

int cli_open(cli *c, int read_only, sl_engine **out)
{
    sl_options opts = {.read_only = read_only};
    *out = NULL;
    if (sl_engine_open(out, c->db, &opts) == 0)
        return EXIT_OK;
    cli_error("%s", *out ? sl_errmsg(*out) : "out of memory");
    sl_engine_free(*out);
    *out = NULL;
    return EXIT_STORE;
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

void cli_progress_show(cli_progress *p, const char *what, const char *items, uint64_t n,
                       uint64_t bytes, const char *name)
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
            items, bytes / 1048576.0, rate, items, base ? base + 1 : name ? name : "");
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

char *cli_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0, got;
    char *buf = malloc(cap + 1);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *more = cap > ((size_t)1 << 28) ? NULL : realloc(buf, (cap *= 2) + 1);
            if (!more)
                free(buf);
            buf = more;
        }
    }
    int failed = ferror(f);
    fclose(f);
    if (buf && failed) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[n] = 0;
    *len = n;
    return buf;
}
