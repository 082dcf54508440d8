/* dedup.c — `storyline dedup`: a JSONL stream filter without a store. Each
 * line's text is compared with the lines before it; copies are tagged with
 * what they copy (or dropped with --drop), other lines pass unchanged. A
 * progress line shows on a terminal. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct dedup_run {
    sl_dedup_lines *lines;
    int drop;
    size_t read, copies, errors;   /* lines read (the last one's number), copies found, errors */
    uint64_t bytes;
    cli_progress progress;
} dedup_run;

/* Standard input and output in 64 KB blocks, not the 4 KB stdio takes for
 * a pipe or /dev/null: a sixteenth of the read and write calls (static:
 * the streams outlive run). A terminal keeps its line buffering. */
static char in_block[1 << 16], out_block[1 << 16];

static void use_large_blocks(void)
{
    if (!isatty(STDIN_FILENO))
        setvbuf(stdin, in_block, _IOFBF, sizeof in_block);
    if (!isatty(STDOUT_FILENO))
        setvbuf(stdout, out_block, _IOFBF, sizeof out_block);
}

/* Writes the line with a "copy_of" member added before its closing brace. */
static void write_tagged(const char *line, size_t len, const sl_dedup_line *res)
{
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' '))
        len--;
    if (!res->result.is_copy) {
        printf("%.*s\n", (int)len, line);
        return;
    }
    size_t body = len;   /* any white space JSON allows may follow the final '}' (a tab, a \r) */
    while (body > 1 && memchr(" \t\r\n", line[body - 1], 4))
        body--;
    body--;   /* without the final '}' */
    while (body && (line[body - 1] == ' ' || line[body - 1] == '\t'))
        body--;
    int empty = body && line[body - 1] == '{';
    printf("%.*s%s\"copy_of\":{\"line\":%llu,\"id\":%s,\"kind\":\"%s\",\"score\":%.3f}}\n",
           (int)body, line, empty ? "" : ",", (unsigned long long)res->result.copy_of + 1,
           res->copy_of_id ? res->copy_of_id : "null", sl_copy_kind_name(res->result.kind), res->result.score);
}

static void filter_line(dedup_run *r, const char *path, const char *line, size_t len)
{
    sl_dedup_line res;
    int rc = sl_dedup_lines_add(r->lines, line, len, &res);
    r->read++;
    if (res.why) {
        cli_progress_clear(&r->progress);
        cli_error("%s:%zu: %s", path, r->read, res.why);
        r->errors++;
    }
    if (rc) {   /* the line's id could not be kept */
        cli_progress_clear(&r->progress);
        cli_error("%s:%zu: %s", path, r->read, sl_strerror(rc));
        r->errors++;
    }
    if (res.is_object && !(res.result.is_copy && r->drop))
        write_tagged(line, len, &res);
    r->copies += res.result.is_copy != 0;
    r->bytes += len;
    cli_progress_show(&r->progress, "dedup", "line", "lines", r->read, r->bytes, path);
}

static int filter_file(dedup_run *r, const char *path)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        cli_progress_clear(&r->progress);
        cli_error("%s: %s", path, strerror(errno));
        r->errors++;
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, f);
    if (cli_not_lines(path, line, n, &r->progress, "dedup", "dedup")) {
        r->errors++;
        n = 0;
    }
    for (; n > 0; n = getline(&line, &cap, f))
        if (!cli_blank_line(line, n))
            filter_line(r, path, line, (size_t)n);
    free(line);
    if (f != stdin)
        fclose(f);
    return 0;
}

static int run(cli *c)
{
    dedup_run r = {0};
    size_t window = 0;
    int n_files = 0;
    for (int i = 0; i < c->argc; i++) {
        const char *v = cli_option(c, &i, "--window");
        if (v) {
            window = (size_t)cli_id(v);
            if (!window)
                return cli_usage(&cmd_dedup, "--window needs a positive number");
        } else if (cli_flag(c, i, "--drop")) {
            r.drop = 1;
        } else if (cli_is_option(c, i)) {
            return cli_unexpected(&cmd_dedup, c, i);
        } else {
            n_files++;
        }
    }
    cli_progress_init(&r.progress, c);
    use_large_blocks();
    r.lines = sl_dedup_lines_new(window);
    if (!r.lines) {
        cli_error("out of memory");
        return EXIT_STORE;
    }
    for (int i = 0; i < c->argc; i++) {
        if (!cli_flag(c, i, "--drop") && !cli_option(c, &i, "--window"))
            filter_file(&r, c->argv[i]);
    }
    if (!n_files)
        filter_file(&r, "-");
    cli_progress_clear(&r.progress);
    if (!c->quiet)
        fprintf(stderr, "dedup: %zu %s, %zu %s%s, %zu %s\n", r.read, cli_noun((long long)r.read, "line", "lines"),
                r.copies, cli_noun((long long)r.copies, "copy", "copies"), r.drop ? " dropped" : " tagged",
                r.errors, cli_noun((long long)r.errors, "error", "errors"));
    sl_dedup_lines_free(r.lines);
    return r.errors ? EXIT_PARTIAL : EXIT_OK;
}

const command cmd_dedup = {
    "dedup", "[--drop] [--window N] [FILE.jsonl ...]",
    "filter a JSONL stream: tag (or drop) lines copying an earlier line",
    "  FILE ...      JSONL files read in order (standard input when none)\n"
    "  --drop        leave copies out instead of tagging them\n"
    "  --window N    earlier lines compared for near copies and rewrites\n"
    "                (default 100000; exact copies are found among all)\n"
    "A copy gets \"copy_of\": {\"line\", \"id\", \"kind\", \"score\"} naming the earlier\n"
    "line (and its \"id\" field); other lines pass unchanged. No store is used.\n"
    "Each line is read as ingest reads a JSONL record (its \"text\", else its\n"
    "\"html\" page's text; a byte that is not UTF-8 repaired; the same errors).\n"
    "Lines are read as they come: a gzip file is refused (zcat it into dedup),\n"
    "and so is a JSON document (jq -c '.[]' it into dedup).\n",
    CLI_NO_STORE, run,
};
