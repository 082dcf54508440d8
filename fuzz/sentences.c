/* sentences.c — fuzz target: sentence splitting and tokens
 * (src/text/sentences.c, tokens.c) on normalised text. Checks the promise
 * of text.h: spans in order, non-overlapping, inside the text. */
#include <stdlib.h>

#include "fuzz.h"
#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sl_buf text;
    sl_span_vec sents = {0};
    sl_token_vec toks = {0};
    if (fuzz_normalized(data, size, &text) == 0) {
        const char *s = text.ptr ? text.ptr : "";
        if (sl_sentences_split(s, text.len, &sents) == 0) {
            uint32_t prev = 0;
            for (size_t i = 0; i < sents.n; i++) {
                if (sents.items[i].start < prev || sents.items[i].end < sents.items[i].start
                    || sents.items[i].end > text.len)
                    abort();
                prev = sents.items[i].end;
            }
        }
        if (sl_tokenize(s, text.len, "en", &toks) == 0)
            for (size_t i = 0; i < toks.n; i++)
                if (toks.items[i].end <= toks.items[i].start || toks.items[i].end > text.len)
                    abort();
    }
    sl_vec_free(&toks);
    sl_vec_free(&sents);
    sl_buf_free(&text);
    return 0;
}
