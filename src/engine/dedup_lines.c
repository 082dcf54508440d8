/* dedup_lines.c — `storyline dedup`'s lines: each JSONL line's "text" goes
 * to the stream's sl_dedup, and its "id" is kept so that a later copy can
 * name it. The line is read as ingest reads one (sl_json_fields_read_line:
 * yajl, or jansson for a line yajl declines), with jansson's plain flags. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ingest/ingest.h"
#include "util/alloc.h"

enum { F_TEXT, F_ID, N_FIELDS };

struct sl_dedup_lines {
    sl_dedup *dedup;
    json_t **ids;                     /* "id" of each line, by position (NULL when none) */
    size_t n_ids, cap_ids;
    sl_json_field fields[N_FIELDS];
    json_error_t err;                 /* why the last line was no JSON */
    char *copy_of_id;                 /* the last answer's id, compact JSON */
};

sl_dedup_lines *sl_dedup_lines_new(size_t window)
{
    sl_dedup_lines *dl = sl_calloc(1, sizeof *dl);
    if (!dl)
        return NULL;
    dl->fields[F_TEXT].name = "text";
    dl->fields[F_ID].name = "id";
    dl->dedup = sl_dedup_new(window);
    if (!dl->dedup) {
        sl_dedup_lines_free(dl);
        return NULL;
    }
    return dl;
}

void sl_dedup_lines_free(sl_dedup_lines *dl)
{
    if (!dl)
        return;
    for (size_t k = 0; k < dl->n_ids; k++)
        json_decref(dl->ids[k]);
    free(dl->ids);
    free(dl->copy_of_id);
    sl_json_fields_free(dl->fields, N_FIELDS);
    sl_dedup_free(dl->dedup);
    free(dl);
}

/* Keeps `id`, a reference of its own, as the id of the next line. */
static int keep_id(sl_dedup_lines *dl, json_t *id)
{
    if (dl->n_ids == dl->cap_ids) {
        size_t cap = dl->cap_ids ? dl->cap_ids * 2 : 1024;
        json_t **ids = sl_realloc(dl->ids, cap * sizeof *ids);
        if (!ids) {
            json_decref(id);
            return SL_ENOMEM;
        }
        dl->ids = ids;
        dl->cap_ids = cap;
    }
    dl->ids[dl->n_ids++] = id;
    return 0;
}

/* The id as jansson holds it, from the fields yajl read (never nested:
 * those lines are jansson's); NULL when absent or out of memory. */
static json_t *id_of(const sl_json_field *f)
{
    switch (f->kind) {
    case SL_JSON_STRING: return json_stringn_nocheck(f->string.ptr ? f->string.ptr : "", f->string.len);
    case SL_JSON_INTEGER: return json_integer(f->integer);
    case SL_JSON_REAL: return json_real(f->real);
    case SL_JSON_TRUE: return json_true();
    case SL_JSON_FALSE: return json_false();
    case SL_JSON_NULL: return json_null();
    default: return NULL;
    }
}

int sl_dedup_lines_add(sl_dedup_lines *dl, const char *line, size_t len, sl_dedup_line *out)
{
    json_t *root;
    int read = sl_json_fields_read_line(line, len, 0, 1, dl->fields, N_FIELDS, &root, &dl->err);
    const sl_json_field *text = &dl->fields[F_TEXT];
    int has_text = !read && text->kind == SL_JSON_STRING;
    memset(out, 0, sizeof *out);
    int rc = sl_dedup_add(dl->dedup, has_text && text->string.ptr ? text->string.ptr : "",
                          has_text ? text->string.len : 0, &out->result);   /* "" keeps line positions in step */
    /* An object only when one was read: SL_ENOMEM from yajl's handle means
     * the line was never parsed (from jansson's fields, that it was). */
    out->is_object = !read || json_is_object(root);
    out->why = read == SL_EBADINPUT ? (root ? "not a JSON object" : dl->err.text)
               : read ? sl_strerror(read) : !has_text ? "no string field text" : rc ? sl_strerror(rc) : NULL;
    json_t *id = root ? json_incref(json_object_get(root, "id")) : id_of(&dl->fields[F_ID]);
    json_decref(root);
    free(dl->copy_of_id);
    dl->copy_of_id = NULL;
    if (out->result.is_copy && out->result.copy_of < dl->n_ids && dl->ids[out->result.copy_of])
        out->copy_of_id = dl->copy_of_id =
            json_dumps(dl->ids[out->result.copy_of], JSON_ENCODE_ANY | JSON_COMPACT);
    return keep_id(dl, id);
}
