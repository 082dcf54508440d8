/* dedup.c — fuzz target: `storyline dedup`'s stream (src/engine/dedup_lines.c
 * over ingest's JSONL reader, sl_jsonl_parse_line_shaped): the input's lines,
 * split at '\n', go one by one to one sl_dedup_lines, whose window the first
 * byte sets (small, so that lines leave it). A line that is no object must
 * say why; a copy names an earlier line, and its id is compact JSON. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fuzz.h"
#include "storyline.h"

static void check(const sl_dedup_line *out, size_t line_no)
{
    if (!out->is_object && !out->why)
        abort();
    if (out->result.is_copy && out->result.copy_of >= line_no)
        abort();
    if (out->copy_of_id) {
        json_t *id = json_loads(out->copy_of_id, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
        if (!id)
            abort();
        json_decref(id);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size)
        return 0;
    sl_dedup_lines *dl = sl_dedup_lines_new(1 + data[0] % 8);
    if (!dl)
        return 0;
    const char *p = (const char *)data + 1, *end = (const char *)data + size;
    for (size_t line_no = 0; p < end; line_no++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        sl_dedup_line out;
        sl_dedup_lines_add(dl, p, len, &out);
        check(&out, line_no);
        p += len + (nl != NULL);
    }
    sl_dedup_lines_free(dl);
    return 0;
}
