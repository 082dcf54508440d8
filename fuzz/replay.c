/* replay.c — a main() for the fuzz harnesses without libFuzzer: feeds each
 * file named on the command line to LLVMFuzzerTestOneInput once. Built with
 * gcc and the sanitizers by fuzz/replay.sh, so `make test` replays every
 * corpus in seconds. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

/* Reads a whole file; NULL when it cannot be read. */
static uint8_t *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0, got;
    uint8_t *data = malloc(cap);
    while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            uint8_t *bigger = realloc(data, cap *= 2);
            if (!bigger)
                free(data);
            data = bigger;
        }
    }
    fclose(f);
    *len = n;
    return data;
}

int main(int argc, char **argv)
{
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        size_t len = 0;
        uint8_t *data = read_all(argv[i], &len);
        if (!data) {
            fprintf(stderr, "replay: %s: cannot read\n", argv[i]);
            failed = 1;
            continue;
        }
        LLVMFuzzerTestOneInput(data, len);
        free(data);
    }
    printf("replayed %d inputs\n", argc - 1);
    return failed;
}
