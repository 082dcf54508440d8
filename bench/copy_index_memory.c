/* copy_index_memory.c — loads a store's copy index the way the engine does at
 * the first ingest and prints its size, for bench/copies.py (links the
 * library's internals; not installed).
 *
 *   build/copy-index-memory STORE.db   ->  "articles BYTES bytes_per_article"
 */
#include <stdio.h>
#include <stdlib.h>

#include "copies/copies.h"
#include "store/store.h"

typedef struct loaded {
    sl_copy_index *index;
    size_t articles;
} loaded;

static int load(void *ctx, int64_t id, const void *blob, size_t len)
{
    loaded *l = ctx;
    uint32_t keys[SL_COPY_KEYS];
    l->articles++;
    return sl_copy_index_add(l->index, id, keys, sl_sketch_keys_unpack(blob, len, keys));
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: copy-index-memory STORE.db\n");
        return 2;
    }
    sl_store *st = NULL;
    sl_buf why = SL_BUF_INIT;
    if (sl_store_open(&st, argv[1], 1, &why)) {
        fprintf(stderr, "copy-index-memory: %s\n", sl_buf_cstr(&why));
        sl_buf_free(&why);
        return 1;
    }
    loaded l = {sl_copy_index_new(), 0};
    int rc = l.index ? sl_store_sketch_keys_each(st, load, &l) : SL_ENOMEM;
    if (!rc) {
        size_t bytes = sl_copy_index_bytes(l.index);
        printf("%zu %zu %.1f\n", l.articles, bytes, l.articles ? (double)bytes / (double)l.articles : 0.0);
    } else {
        fprintf(stderr, "copy-index-memory: cannot load the index (%d)\n", rc);
    }
    sl_copy_index_free(l.index);
    sl_store_close(st);
    sl_buf_free(&why);
    return rc ? 1 : 0;
}
