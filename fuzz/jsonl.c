/* jsonl.c — fuzz target: one JSONL line to a record (src/ingest/jsonl.c).
 * A rejected line must say why. */
#include <stdlib.h>

#include "fuzz.h"
#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sl_record rec = {0};
    sl_buf why;
    sl_buf_init(&why, 0);
    int rc = sl_jsonl_parse_line((const char *)data, size, &rec, &why);
    if (rc != 0 && why.len == 0 && !why.err)
        abort();
    sl_record_clear(&rec);
    sl_buf_free(&why);
    return 0;
}
