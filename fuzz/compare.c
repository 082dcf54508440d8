/* compare.c — fuzz target: the copy aligner (src/copies/: sketches,
 * sentence similarity, order, alignment) through sl_text_compare. The input
 * is two texts separated by the first NUL byte (or split in half). */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, 0, size);
    size_t a_len = nul ? (size_t)(nul - data) : size / 2;
    size_t b_off = nul ? a_len + 1 : a_len;
    static sl_text_comparer *tc;   /* made once: building one loads the models */
    if (!tc && !(tc = sl_text_comparer_new()))
        return 0;
    sl_text_comparison cmp;
    memset(&cmp, 0, sizeof cmp);
    if (sl_text_compare(tc, (const char *)data, a_len, (const char *)data + b_off, size - b_off, &cmp) == 0
        && (cmp.score < 0 || cmp.score > 1.000001))
        abort();
    sl_text_comparison_clear(&cmp);
    return 0;
}
