/* jsonl.c — fuzz target: one JSONL line to a record (src/ingest/jsonl.c).
 * A rejected line must say why; and a line the yajl reader takes
 * (sl_json_fields_read) must be an object to jansson too, with the same
 * fields, under the flags ingest reads with and those dedup reads with; and
 * the reader of a line filter (sl_jsonl_parse_line_shaped, dedup's) must
 * take or refuse it as ingest's does, in its words, with the same text and
 * html, no key (its id is the line's: check_id). */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fuzz.h"
#include "ingest/ingest.h"

/* The members the readers ask for, and one no line can name but "". */
static const char *const names[] = {"text", "html", "id", "url", "source", "title", "published", "date", ""};
enum { N_NAMES = sizeof names / sizeof *names };

static int same_field(const sl_json_field *a, const sl_json_field *b)
{
    if (a->kind != b->kind)
        return 0;
    switch (a->kind) {
    case SL_JSON_STRING:
        return a->string.len == b->string.len && (!a->string.len || !memcmp(a->string.ptr, b->string.ptr, a->string.len));
    case SL_JSON_INTEGER: return a->integer == b->integer;
    case SL_JSON_REAL: return !memcmp(&a->real, &b->real, sizeof a->real);   /* the same bits */
    default: return 1;
    }
}

/* Aborts when jansson, with `flags`, reads the line otherwise than `fast`. */
static void check_as_jansson(const char *line, size_t len, size_t flags, const sl_json_field *fast)
{
    sl_json_field slow[N_NAMES] = {{0}};
    for (size_t k = 0; k < N_NAMES; k++)
        slow[k].name = names[k];
    json_t *root = json_loadb(line, len, flags, NULL);
    if (!json_is_object(root) || sl_json_fields_of(root, slow, N_NAMES))
        abort();
    for (size_t k = 0; k < N_NAMES; k++)
        if (!same_field(&fast[k], &slow[k]))
            abort();
    json_decref(root);
    sl_json_fields_free(slow, N_NAMES);
}

static void compare_readers(const char *line, size_t len)
{
    sl_json_field fast[N_NAMES] = {{0}};
    for (size_t k = 0; k < N_NAMES; k++)
        fast[k].name = names[k];
    if (sl_json_fields_read(line, len, fast, N_NAMES) == 0) {
        check_as_jansson(line, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, fast);   /* ingest */
        check_as_jansson(line, len, 0, fast);                                  /* dedup */
    }
    sl_json_fields_free(fast, N_NAMES);
}

static int same_bytes(const char *a, size_t a_len, const char *b, size_t b_len)
{
    return a_len == b_len && (!a_len || !memcmp(a, b, a_len));
}

/* Aborts when a line jansson reads as it stands (valid UTF-8, no BOM) has
 * another "id" than the one the line filter's reader kept. */
static void check_id(const char *line, size_t len, const json_t *id)
{
    json_t *root = json_loadb(line, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    const json_t *want = json_object_get(root, "id");
    if (json_is_object(root) && (want || id) && !json_equal(want, id))
        abort();
    json_decref(root);
}

/* Aborts when the reader of a line filter (dedup's) accepts or refuses the
 * line otherwise than ingest's reader did (`rc`, `why`, `rec`), or gives
 * another text or html, or a key. Its members are kept from line to line. */
static void check_shaped(const char *line, size_t len, int rc, const sl_buf *why, const sl_record *rec)
{
    static sl_jsonl_line shape;
    sl_record out = {0};
    sl_buf why_shaped;
    sl_buf_init(&why_shaped, 0);
    int rc_shaped = sl_jsonl_parse_line_shaped(line, len, &out, &shape, &why_shaped);
    if (rc_shaped != rc || (rc && !same_bytes(why->ptr, why->len, why_shaped.ptr, why_shaped.len)))
        abort();
    if (!same_bytes(rec->text, rec->text_len, out.text, out.text_len) ||
        !same_bytes(rec->html, rec->html_len, out.html, out.html_len) || out.key)
        abort();
    if (!rc)
        check_id(line, len, shape.id);
    sl_record_clear(&out);
    sl_buf_free(&why_shaped);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sl_record rec = {0};
    sl_buf why;
    sl_buf_init(&why, 0);
    int rc = sl_jsonl_parse_line((const char *)data, size, &rec, &why);
    if (rc != 0 && why.len == 0 && !why.err)
        abort();
    check_shaped((const char *)data, size, rc, &why, &rec);
    sl_record_clear(&rec);
    sl_buf_free(&why);
    compare_readers((const char *)data, size);
    return 0;
}
