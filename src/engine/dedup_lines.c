/* dedup_lines.c — `storyline dedup`'s lines: each JSONL line's text goes
 * to the stream's sl_dedup, and its "id" is kept so that a later copy can
 * name it. The line is read by ingest's reader of JSONL records
 * (sl_jsonl_parse_line_shaped): what ingest stores dedup compares (a byte
 * that is not UTF-8 repaired, a "\u0000" dropped, a BOM skipped, an "html"
 * record's page extracted), and a line either refuses gets one message. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ingest/ingest.h"
#include "util/alloc.h"

struct sl_dedup_lines {
    sl_dedup *dedup;
    json_t **ids;                     /* "id" of each line, by position (NULL when none) */
    size_t n_ids, cap_ids;
    sl_record record;                 /* the last line's */
    sl_jsonl_line shape;
    sl_extracted page;                /* an "html" record's */
    sl_buf why;                       /* why the last line gave no text */
    char *copy_of_id;                 /* the last answer's id, compact JSON */
};

sl_dedup_lines *sl_dedup_lines_new(size_t window)
{
    sl_dedup_lines *dl = sl_calloc(1, sizeof *dl);
    if (!dl)
        return NULL;
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
    sl_record_clear(&dl->record);
    sl_jsonl_line_free(&dl->shape);
    sl_extracted_clear(&dl->page);
    sl_buf_free(&dl->why);
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

/* The text of the record just read, as the pipeline takes it: its "text",
 * else its "html" page's extracted text (page chrome is not removed: that
 * needs the store's line counts). NULL, with the reason in dl->why, when
 * the page has none. */
static const char *text_of(sl_dedup_lines *dl, size_t *len)
{
    sl_extracted_clear(&dl->page);
    if (dl->record.text) {
        *len = dl->record.text_len;
        return dl->record.text;
    }
    int rc = sl_html_extract(dl->record.html, dl->record.html_len, NULL, &dl->page, &dl->why);
    if (!rc && dl->page.text) {
        *len = strlen(dl->page.text);
        return dl->page.text;
    }
    if (rc != SL_EBADINPUT || !dl->why.len) {
        sl_buf_clear(&dl->why);
        sl_buf_puts(&dl->why, sl_strerror(rc ? rc : SL_EBADINPUT));
    }
    return NULL;
}

int sl_dedup_lines_add(sl_dedup_lines *dl, const char *line, size_t len, sl_dedup_line *out)
{
    sl_buf_clear(&dl->why);
    int read = sl_jsonl_parse_line_shaped(line, len, &dl->record, &dl->shape, &dl->why);
    size_t text_len = 0;
    const char *text = read ? NULL : text_of(dl, &text_len);
    memset(out, 0, sizeof *out);
    int rc = sl_dedup_add(dl->dedup, text ? text : "", text_len, &out->result);   /* "" keeps line positions in step */
    out->is_object = dl->shape.is_object;
    out->why = read == SL_EBADINPUT ? sl_buf_cstr(&dl->why) : read ? sl_strerror(read)
               : !text ? sl_buf_cstr(&dl->why) : rc ? sl_strerror(rc) : NULL;
    json_t *id = dl->shape.id;
    dl->shape.id = NULL;   /* the line's own now */
    free(dl->copy_of_id);
    dl->copy_of_id = NULL;
    if (out->result.is_copy && out->result.copy_of < dl->n_ids && dl->ids[out->result.copy_of])
        out->copy_of_id = dl->copy_of_id =
            json_dumps(dl->ids[out->result.copy_of], JSON_ENCODE_ANY | JSON_COMPACT);
    return keep_id(dl, id);
}
