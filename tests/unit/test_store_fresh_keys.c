/* test_store_fresh_keys.c — the copy keys of an article the batch has just
 * inserted are filed without a read of its stored sketch (it has none),
 * while a new version's still take the old sketch's rows out of the copy
 * index, and a rollback forgets the insert. */
#include <stdio.h>
#include <string.h>

#include "copies/copies.h"
#include "store/store_internal.h"
#include "util/date.h"
#include "store_fixture.h"
#include "test.h"

static const char Q_OLD_KEYS[] = "SELECT keys, sentences FROM copy_sketches";

/* Files article `id` under `key` and stores a sketch of one sentence of it,
 * as the copy stage does. */
static void file_under(sl_store *st, int64_t id, uint32_t key)
{
    static const uint32_t starts[] = {0, 1};
    sl_sketch sk = {.n_keys = 1};
    sk.keys[0] = key;
    sk.starts.items = (uint32_t *)starts;
    sk.starts.n = 2;
    sk.terms.items = &key;
    sk.terms.n = 1;
    sl_buf blob = SL_BUF_INIT;
    unsigned char packed[4 * SL_COPY_KEYS];
    CHECK_INT(sl_sketch_pack(&sk, &blob), 0);
    CHECK_INT(sl_store_copy_keys_put(st, id, &key, 1), 0);
    CHECK_INT(sl_store_sketch_put(st, id, packed, sl_sketch_keys_pack(&sk, packed), blob.ptr,
                                  blob.len, NULL),
              0);
    sl_buf_free(&blob);
}

/* Article `id`'s rows in copy_keys_recent once the batch's kept rows are
 * written. */
static int64_t rows_of(sl_store *st, int64_t id)
{
    CHECK_INT(sl_store_copy_keys_flush(st), 0);
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM copy_keys_recent WHERE article_id >> 5 = %d",
             (int)id);
    return count_rows(st, sql);
}

TEST(store_fresh_article_keys_read_no_old_sketch)
{
    OPEN_STORE(st, path); /* article 1, just inserted */
    statement_count reads = {Q_OLD_KEYS, 0};
    count_statements(st, &reads);
    file_under(st, 1, 0x5150u);
    CHECK_INT(reads.n, 0);
    CHECK_INT(rows_of(st, 1), 1);
    sl_article_row row = {.text = "The ferry to Inchmore ran late twice.", .published_day = SL_NO_DAY,
                          .story_id = 1};
    int version = 0;
    CHECK_INT(sl_store_article_replace(st, 1, &row, &version), 0);
    file_under(st, 1, 0x6260u); /* a new version: its old key's row goes */
    CHECK_INT(reads.n, 1);
    CHECK_INT(rows_of(st, 1), 1);
    CHECK_INT(count_rows(st, "SELECT key FROM copy_keys_recent WHERE article_id >> 5 = 1"), 0x626);
    file_under(st, 1, 0x7370u); /* filed again in the batch: read again */
    CHECK_INT(reads.n, 2);
    CHECK_INT(rows_of(st, 1), 1);
    drop_store(st, path);
}

TEST(store_fresh_article_forgotten_at_rollback)
{
    OPEN_STORE(st, path);
    CHECK_INT(sl_store_rollback(st), 0); /* article 1 is gone with the batch */
    CHECK_INT(sl_store_begin(st), 0);
    statement_count reads = {Q_OLD_KEYS, 0};
    count_statements(st, &reads);
    file_under(st, 1, 0x5150u); /* no longer the batch's insert: asked */
    CHECK_INT(reads.n, 1);
    drop_store(st, path);
}
