/* json_doc.c — fuzz target: a JSON document read element by element
 * (src/ingest/json_doc.c), each element parsed by the JSONL record's rules
 * (sl_jsonl_parse_element), as ingest reads a JSON file. Every element lies
 * inside the input, in order; a fault says why; the reader ends. */
#include <stdlib.h>

#include "fuzz.h"
#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *doc = (const char *)data;
    sl_json_doc d;
    sl_json_element el;
    sl_record rec = {0};
    sl_buf why;
    sl_buf_init(&why, 0);
    sl_json_doc_init(&d, doc, size);
    const char *last = doc;
    size_t calls = 0;
    int got;
    while ((got = sl_json_doc_next(&d, &el, &why)) != 0) {
        if (++calls > 2 * size + 2 || el.line < 1)   /* each call moves on, or faults once before it does */
            abort();
        if (got < 0) {
            if (!why.len && !why.err)
                abort();
            continue;
        }
        if (el.start < last || !el.len || el.start + el.len > doc + size)
            abort();
        last = el.start + el.len;
        if (sl_jsonl_parse_element(el.start, el.len, el.line, &rec, &why) && !why.len && !why.err)
            abort();
        sl_record_clear(&rec);
    }
    sl_buf_free(&why);
    return 0;
}
