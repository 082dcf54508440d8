/* utf8.c — fuzz target: UTF-8 repair and Unicode normalisation
 * (src/text/utf8.c, normalize.c). Besides the sanitizers, checks that the
 * result is valid UTF-8 without NUL: repairing it again replaces nothing. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sl_buf text, again;
    sl_buf_init(&again, 0);
    if (fuzz_normalized(data, size, &text) == 0) {
        if (text.len && memchr(text.ptr, 0, text.len))
            abort();
        if (sl_utf8_repair(text.ptr ? text.ptr : "", text.len, &again) != 0)
            abort();
    }
    sl_buf_free(&again);
    sl_buf_free(&text);
    return 0;
}
