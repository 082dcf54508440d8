/* warc.c — fuzz target: the WARC reader (src/ingest/warc.c), plain or
 * gzip as the input comes, read to the end as the engine reads it: every
 * record, damaged ones reported and skipped. */
#include <stdlib.h>
#include <unistd.h>

#include "fuzz.h"
#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_temp_file(data, size);
    if (!path)
        return 0;
    fuzz_warc_read(path);
    unlink(path);
    return 0;
}
