/* test_sketch_cache.c — the copy search's unpacked candidates kept by
 * article id (src/engine/sketch_cache.c): a slot answers only for the same
 * id and the same stamp of the stored bytes (not 0), and otherwise gives
 * what unpacking gives. */
#include <string.h>

#include "engine/engine.h"
#include "test.h"

/* A packed sketch of `sentences` sentences of 6 codes from `first` on. */
static void packed(uint32_t first, uint32_t sentences, sl_buf *out)
{
    sl_sketch sk = {0};
    for (uint32_t k = 0; k < sentences; k++) {
        CHECK_INT(sl_vec_push(&sk.starts, (uint32_t)sk.terms.n), 0);
        for (uint32_t t = 0; t < 6; t++)
            CHECK_INT(sl_vec_push(&sk.terms, first + 3 * ((k + t) % 7)), 0);
    }
    CHECK_INT(sl_vec_push(&sk.starts, (uint32_t)sk.terms.n), 0);
    sl_buf_clear(out);
    CHECK_INT(sl_sketch_pack(&sk, out), 0);
    sl_sketch_free(&sk);
}

/* Whether the cache's answer for (id, stamp, blob) is what unpacking blob
 * gives. */
static bool as_unpacked(sl_sketch_cache *c, int64_t id, uint64_t stamp, const sl_buf *blob)
{
    const sl_sketch *got = NULL;
    sl_sketch want = {0};
    bool same = sl_sketch_cache_unpack(c, id, stamp, blob->ptr, blob->len, &got) == 0 &&
                sl_sketch_unpack(blob->ptr, blob->len, &want) == 0 &&
                got->terms.n == want.terms.n && got->starts.n == want.starts.n &&
                !memcmp(got->terms.items, want.terms.items, want.terms.n * sizeof(uint32_t)) &&
                !memcmp(got->starts.items, want.starts.items, want.starts.n * sizeof(uint32_t));
    sl_sketch_free(&want);
    return same;
}

TEST(sketch_cache_answers_for_the_same_id_and_stamp_only)
{
    sl_sketch_cache *c = sl_sketch_cache_new();
    sl_buf a = SL_BUF_INIT, b = SL_BUF_INIT;
    packed(100, 3, &a);
    packed(900, 5, &b);
    const sl_sketch *first = NULL, *again = NULL;
    CHECK_INT(sl_sketch_cache_unpack(c, 7, 1, a.ptr, a.len, &first), 0);
    CHECK_INT(sl_sketch_cache_unpack(c, 7, 1, a.ptr, a.len, &again), 0);
    CHECK(first == again && as_unpacked(c, 7, 1, &a));
    CHECK(as_unpacked(c, 7, 2, &b));       /* the same id, a new stamp: unpacked anew */
    CHECK(as_unpacked(c, 7 + 512, 2, &a)); /* another id in the same slot */
    CHECK(as_unpacked(c, 7, 2, &b));
    CHECK(as_unpacked(c, 8, 3, &a) && as_unpacked(c, 7, 2, &b));
    /* stamp 0 names no bytes: never answered from the slot */
    CHECK(as_unpacked(c, 7, 0, &a) && as_unpacked(c, 7, 0, &b));
    /* a damaged blob is refused, and leaves nothing for its id */
    CHECK_INT(sl_sketch_cache_unpack(c, 9, 4, a.ptr, a.len - 1, &first), SL_EBADINPUT);
    CHECK_INT(sl_sketch_cache_unpack(c, 9, 4, a.ptr, a.len - 1, &first), SL_EBADINPUT);
    CHECK(as_unpacked(c, 9, 5, &a));
    sl_sketch_cache_free(c);
    sl_sketch_cache_free(NULL);
    sl_buf_free(&a);
    sl_buf_free(&b);
}

/* An empty slot is no answer, even for id 0 and stamp 0 (which an empty
 * slot's zeroed fields would match): those bytes are refused as unpacking
 * refuses them. */
TEST(sketch_cache_empty_slot_answers_nothing)
{
    sl_sketch_cache *c = sl_sketch_cache_new();
    sl_buf a = SL_BUF_INIT;
    const sl_sketch *got = NULL;
    CHECK_INT(sl_sketch_cache_unpack(c, 0, 0, NULL, 0, &got), SL_EBADINPUT);
    CHECK_INT(sl_sketch_cache_unpack(c, 512, 0, NULL, 0, &got), SL_EBADINPUT);
    packed(100, 3, &a);
    CHECK(as_unpacked(c, 0, 0, &a));
    CHECK_INT(sl_sketch_cache_unpack(c, 0, 0, a.ptr, 0, &got), SL_EBADINPUT);
    CHECK_INT(sl_sketch_cache_unpack(c, 0, 0, NULL, 0, &got), SL_EBADINPUT);
    CHECK(as_unpacked(c, 0, 0, &a));
    sl_sketch_cache_free(c);
    sl_buf_free(&a);
}
