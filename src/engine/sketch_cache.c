/* sketch_cache.c — stored articles' sketches as the copy search unpacked
 * them, kept by article id for the next articles that take them as
 * candidates again: the first 1,000 Reuters stories unpack 7,156
 * candidates' sketches, of 826 articles (docs/history/benchmarks-rounds.md, "Eighteenth
 * round"). A slot answers only for the same article and the same stored
 * bytes, so the comparison sees what unpacking those bytes gives. */
#include <string.h>

#include "engine.h"
#include "util/alloc.h"

/* Direct-mapped by id. Of the first 1,000 Reuters stories' 7,156 unpacks,
 * 256 slots would answer 73%, 512 83%, 1,024 88%; a used slot holds the
 * stored bytes (~310) and the codes, ~1.5 KB (the ingest's maximum RSS
 * grew by 0.8 MB). 2,048 slots saved 0.4% of the instructions into a
 * store (twenty-third round, speed23) but a slot keeps its largest
 * vectors, ~1.5 bytes a byte of its article: 2,100 near copies of 20 KB
 * took 168.0 MB at 512 slots, 215.5 MB at 2,048 (docs/testing.md,
 * "Review of speed23"): not kept. */
#define SKETCH_CACHE_SLOTS 512

typedef struct cached_sketch {
    int64_t id;
    sl_buf blob;         /* the stored bytes the sketch was unpacked from; empty: an empty slot
                          * (a valid blob never is, whatever the id) */
    sl_sketch sketch;
} cached_sketch;

struct sl_sketch_cache {
    cached_sketch slot[SKETCH_CACHE_SLOTS];
};

sl_sketch_cache *sl_sketch_cache_new(void)
{
    return sl_calloc(1, sizeof(sl_sketch_cache));
}

void sl_sketch_cache_free(sl_sketch_cache *c)
{
    if (!c)
        return;
    for (size_t k = 0; k < SKETCH_CACHE_SLOTS; k++) {
        sl_buf_free(&c->slot[k].blob);
        sl_sketch_free(&c->slot[k].sketch);
    }
    sl_free(c);
}

int sl_sketch_cache_unpack(sl_sketch_cache *c, int64_t id, const void *blob, size_t len,
                           const sl_sketch **out)
{
    cached_sketch *s = &c->slot[(uint64_t)id % SKETCH_CACHE_SLOTS];
    if (!s->blob.len || s->id != id || s->blob.len != len || memcmp(s->blob.ptr, blob, len)) {
        sl_buf_clear(&s->blob);
        int rc = sl_sketch_unpack(blob, len, &s->sketch);
        if (rc)
            return rc;
        if (sl_buf_put(&s->blob, blob, len))
            return SL_ENOMEM;
        s->id = id;
    }
    *out = &s->sketch;
    return 0;
}
