/* sketch_cache.c — stored articles' sketches as the copy search unpacked
 * them, kept by article id for the next articles that take them as
 * candidates again: the first 1,000 Reuters stories unpack 7,156
 * candidates' sketches, of 826 articles (docs/history/benchmarks-rounds.md, "Eighteenth
 * round"). A slot answers only for the same article and the same stamp
 * of its stored bytes (sl_stored_sketch: the store's memo, which keeps
 * those bytes, says when they change), so the comparison sees what
 * unpacking those bytes gives; a slot kept the bytes themselves, 1.18 MB
 * beside the store's memo of them (docs/history/benchmarks-rounds.md,
 * "Thirty-sixth round: memory per article"). */

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
    uint64_t stamp;      /* of the stored bytes the sketch was unpacked from; 0: no answer */
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
    for (size_t k = 0; k < SKETCH_CACHE_SLOTS; k++)
        sl_sketch_free(&c->slot[k].sketch);
    sl_free(c);
}

int sl_sketch_cache_unpack(sl_sketch_cache *c, int64_t id, uint64_t stamp, const void *blob,
                           size_t len, const sl_sketch **out)
{
    cached_sketch *s = &c->slot[(uint64_t)id % SKETCH_CACHE_SLOTS];
    if (!s->stamp || s->stamp != stamp || s->id != id) {
        s->stamp = 0;
        int rc = sl_sketch_unpack(blob, len, &s->sketch);
        if (rc)
            return rc;
        s->id = id;
        s->stamp = stamp;
    }
    *out = &s->sketch;
    return 0;
}
