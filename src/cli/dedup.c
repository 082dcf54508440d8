/* dedup.c — `storyline dedup`: a JSONL stream filter without a store. Each
 * line's text is compared with the lines before it; copies are tagged with
 * what they copy (or dropped with --drop), other lines pass unchanged. A
 * progress line shows on a terminal. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"
#include "ingest/ingest.h"
#include "util/alloc.h"

typedef struct dedup_run {
    sl_dedup *dedup;
    int drop;
    size_t lines, copies, errors;
    uint64_t bytes;
    cli_progress progress;
    json_t **ids;          /* "id" of each line, by position (NULL when none) */
    size_t n_ids, cap_ids;
    sl_json_field fields[2];   /* "text" and "id", as sl_json_fields_read reads them */
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

/* Keeps `id`, a reference of its own, as the id of the next line. */
static int keep_id(dedup_run *r, json_t *id)
{
    if (r->n_ids == r->cap_ids) {
        size_t cap = r->cap_ids ? r->cap_ids * 2 : 1024;
        json_t **ids = sl_realloc(r->ids, cap * sizeof *ids);
        if (!ids) {
            json_decref(id);
            return -1;
        }
        r->ids = ids;
        r->cap_ids = cap;
    }
    r->ids[r->n_ids++] = id;
    return 0;
}

/* Writes the line with a "copy_of" member added before its closing brace. */
static void write_tagged(const char *line, size_t len, const sl_dedup_result *res, json_t *of_id)
{
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' '))
        len--;
    if (!res->is_copy) {
        printf("%.*s\n", (int)len, line);
        return;
    }
    char *id = of_id ? json_dumps(of_id, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
    size_t body = len - 1;   /* without the final '}' */
    while (body && (line[body - 1] == ' ' || line[body - 1] == '\t'))
        body--;
    int empty = body && line[body - 1] == '{';
    printf("%.*s%s\"copy_of\":{\"line\":%llu,\"id\":%s,\"kind\":\"%s\",\"score\":%.3f}}\n",
           (int)body, line, empty ? "" : ",", (unsigned long long)res->copy_of + 1,
           id ? id : "null", sl_copy_kind_name(res->kind), res->score);
    free(id);
}

/* What filter_line needs of a line, however it was read. */
typedef struct line_view {
    int is_object;
    const char *text;     /* NULL: no string field text */
    size_t text_len;
    json_t *id;           /* a reference of its own, or NULL */
    json_t *root;         /* jansson's object, when jansson read the line */
    json_error_t err;
} line_view;

/* The id's value as jansson holds it; 0 when the fields cannot say (an
 * object or array). */
static int id_of(const sl_json_field *f, json_t **id)
{
    switch (f->kind) {
    case SL_JSON_ABSENT: *id = NULL; return 1;
    case SL_JSON_STRING: *id = json_stringn_nocheck(f->string.ptr ? f->string.ptr : "", f->string.len); break;
    case SL_JSON_INTEGER: *id = json_integer(f->integer); break;
    case SL_JSON_REAL: *id = json_real(f->real); break;
    case SL_JSON_TRUE: *id = json_true(); break;
    case SL_JSON_FALSE: *id = json_false(); break;
    case SL_JSON_NULL: *id = json_null(); break;
    default: return 0;
    }
    return *id != NULL;
}

/* Reads the line's text and id with yajl (sl_json_fields_read); a line it
 * declines, jansson reads whole, as it read every line before. */
static void read_line(dedup_run *r, const char *line, size_t len, line_view *v)
{
    memset(v, 0, sizeof *v);
    if (!sl_json_fields_read(line, len, r->fields, 2) && id_of(&r->fields[1], &v->id)) {
        v->is_object = 1;
        if (r->fields[0].kind == SL_JSON_STRING) {
            v->text = r->fields[0].string.ptr ? r->fields[0].string.ptr : "";
            v->text_len = r->fields[0].string.len;
        }
        return;
    }
    v->root = json_loadb(line, len, 0, &v->err);
    v->is_object = json_is_object(v->root);
    json_t *text = json_object_get(v->root, "text");
    if (json_is_string(text)) {
        v->text = json_string_value(text);
        v->text_len = json_string_length(text);
    }
    v->id = json_object_get(v->root, "id");
    json_incref(v->id);
}

static void filter_line(dedup_run *r, const char *path, const char *line, size_t len)
{
    line_view v;
    read_line(r, line, len, &v);
    sl_dedup_result res = {0};
    int rc = sl_dedup_add(r->dedup, v.text ? v.text : "", v.text ? v.text_len : 0, &res);   /* "" keeps line positions in step */
    r->lines++;
    if (!v.is_object || !v.text || rc) {
        cli_progress_clear(&r->progress);
        cli_error("%s:%zu: %s", path, r->lines,
                  !v.root && !v.is_object ? v.err.text : !v.is_object ? "not a JSON object"
                  : !v.text ? "no string field text" : sl_strerror(rc));
        r->errors++;
    }
    if (keep_id(r, v.id))
        r->errors++;
    if (v.is_object && !(res.is_copy && r->drop))
        write_tagged(line, len, &res, res.is_copy && res.copy_of < r->n_ids ? r->ids[res.copy_of] : NULL);
    r->copies += res.is_copy != 0;
    r->bytes += len;
    cli_progress_show(&r->progress, "dedup", "line", "lines", r->lines, r->bytes, path);
    json_decref(v.root);
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
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0)
        if (!(n == 1 && line[0] == '\n'))
            filter_line(r, path, line, (size_t)n);
    free(line);
    if (f != stdin)
        fclose(f);
    return 0;
}

static int run(cli *c, sl_engine *e)
{
    (void)e;
    dedup_run r = {.fields = {{.name = "text"}, {.name = "id"}}};
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
            return cli_usage(&cmd_dedup, "unknown option %s", c->argv[i]);
        } else {
            n_files++;
        }
    }
    cli_progress_init(&r.progress, c);
    use_large_blocks();
    r.dedup = sl_dedup_new(window);
    if (!r.dedup) {
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
        fprintf(stderr, "dedup: %zu %s, %zu %s%s, %zu %s\n", r.lines, cli_noun((long long)r.lines, "line", "lines"),
                r.copies, cli_noun((long long)r.copies, "copy", "copies"), r.drop ? " dropped" : " tagged",
                r.errors, cli_noun((long long)r.errors, "error", "errors"));
    for (size_t k = 0; k < r.n_ids; k++)
        json_decref(r.ids[k]);
    free(r.ids);
    sl_json_fields_free(r.fields, 2);
    sl_dedup_free(r.dedup);
    return r.errors ? EXIT_PARTIAL : EXIT_OK;
}

const command cmd_dedup = {
    "dedup", "[--drop] [--window N] [FILE.jsonl ...]",
    "filter a JSONL stream: tag (or drop) lines that copy an earlier line",
    "  FILE ...      JSONL files read in order (standard input when none)\n"
    "  --drop        leave copies out instead of tagging them\n"
    "  --window N    earlier lines compared for near copies and rewrites\n"
    "                (default 100000; exact copies are found among all)\n"
    "A copy gets \"copy_of\": {\"line\", \"id\", \"kind\", \"score\"} naming the earlier\n"
    "line (and its \"id\" field); other lines pass unchanged. No store is used.\n",
    CLI_NO_STORE, run,
};
