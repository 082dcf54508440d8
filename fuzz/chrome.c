/* chrome.c — fuzz target: page chrome removal (src/ingest/chrome.c) on
 * normalised text, with the title search on, as plain-text inputs get it. */
#include <stdlib.h>

#include "fuzz.h"
#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sl_buf text;
    sl_cleaned cleaned = {0};
    if (fuzz_normalized(data, size, &text) == 0
        && sl_chrome_clean(text.ptr ? text.ptr : "", text.len, NULL, 1, &cleaned) == 0) {
        for (size_t i = 0; i < cleaned.removed.n; i++)
            if (cleaned.removed.items[i].end > text.len)
                abort();
        if (cleaned.text.len > text.len)
            abort();
    }
    sl_cleaned_free(&cleaned);
    sl_buf_free(&text);
    return 0;
}
