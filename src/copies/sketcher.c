/* sketcher.c — a raw text to its sketch in one call (UTF-8 repair, NFKC,
 * analysis, sketch), for the store-less users of the copies stage:
 * `compare` and the `dedup` stream filter. */
#include <stdlib.h>

#include "copies/copies.h"
#include "util/alloc.h"
#include "util/hash.h"

struct sl_sketcher {
    sl_analyzer *analyzer;
    sl_analysis analysis;
    sl_buf raw;
};

sl_sketcher *sl_sketcher_new(void)
{
    sl_sketcher *sk = sl_calloc(1, sizeof *sk);
    if (sk && !(sk->analyzer = sl_analyzer_new())) {
        free(sk);
        return NULL;
    }
    return sk;
}

void sl_sketcher_free(sl_sketcher *sk)
{
    if (!sk)
        return;
    sl_analyzer_free(sk->analyzer);
    sl_analysis_free(&sk->analysis);
    sl_buf_free(&sk->raw);
    free(sk);
}

int sl_sketcher_normalize(sl_sketcher *sk, const char *text, size_t len, sl_buf *normalized,
                          uint64_t *hash)
{
    sl_buf_clear(&sk->raw);
    sl_buf_clear(normalized);
    sl_utf8_repair(text, len, &sk->raw);
    if (sk->raw.err)
        return SL_ETOOLARGE;
    int rc = sl_text_normalize(sl_buf_cstr(&sk->raw), sk->raw.len, normalized);
    if (!rc && hash)
        *hash = sl_hash64(normalized->ptr ? normalized->ptr : "", normalized->len);
    return rc;
}

int sl_sketcher_sketch(sl_sketcher *sk, const sl_buf *normalized, sl_sketch *out)
{
    int rc = sl_analyze_words(sk->analyzer, sl_buf_cstr(normalized), normalized->len, &sk->analysis);
    return rc ? rc : sl_sketch_build(&sk->analysis, sl_buf_cstr(normalized), out);
}

int sl_sketcher_run(sl_sketcher *sk, const char *text, size_t len, sl_buf *normalized,
                    sl_sketch *out, uint64_t *hash)
{
    int rc = sl_sketcher_normalize(sk, text, len, normalized, hash);
    return rc ? rc : sl_sketcher_sketch(sk, normalized, out);
}
