/* numbers.c — fuzz target: the numbers extractor (src/facts/numbers.c, quantities.c) alone, over
 * normalised text; every item must lie inside the text (fuzz_facts_one). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sl_buf text;
    if (fuzz_normalized(data, size, &text) == 0)
        fuzz_facts_one(text.ptr ? text.ptr : "", text.len, sl_facts_numbers);
    sl_buf_free(&text);
    return 0;
}
