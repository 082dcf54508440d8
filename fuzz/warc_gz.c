/* warc_gz.c — fuzz target: the WARC reader on gzip files. The input is a
 * WARC text that the harness gzips (one member, or one per record when the
 * first byte is odd, as crawlers write them), so the fuzzer explores the
 * record grammar behind the decompressor rather than the deflate format. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "fuzz.h"

/* Starts a new gzip member at every "WARC/" after the first byte. */
static int write_members(gzFile gz, const uint8_t *data, size_t size, int per_record)
{
    size_t start = 0;
    for (size_t i = 1; i <= size; i++) {
        int cut = i == size || (per_record && i + 5 <= size && !memcmp(data + i, "WARC/", 5));
        if (!cut)
            continue;
        if (gzwrite(gz, data + start, (unsigned)(i - start)) != (int)(i - start))
            return -1;
        if (i < size && gzflush(gz, Z_FINISH) != Z_OK)
            return -1;
        start = i;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    char path[64];
    snprintf(path, sizeof path, "/tmp/sl-fuzz-%ld.warc.gz", (long)getpid());
    gzFile gz = gzopen(path, "wb");
    if (!gz)
        return 0;
    int ok = write_members(gz, data + 1, size - 1, data[0] & 1) == 0;
    ok &= gzclose(gz) == Z_OK;
    if (ok)
        fuzz_warc_read(path);
    unlink(path);
    return 0;
}
