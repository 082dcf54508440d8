/* test_store_fresh_rows.c — rows the batch has just inserted are known to
 * have nothing stored that a first write would read: an article's copy
 * keys are filed without a read of its stored sketch, and a new story's
 * first centroid without a read of its stored one (both none), while a new
 * version, a story written before, or a rollback are read as before. */
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

static const char Q_OLD_CENTROID[] = "SELECT centroid FROM stories";

/* Story `story`'s centroid of two terms past any id, the second weighing
 * `w`, as the grouping stage gives it. */
static void weigh_story(sl_store *st, int64_t story, float w)
{
    sl_weighted_term terms[2] = {{0x200000001ULL, 1.0f}, {0x200000002ULL, w}};
    unsigned char packed[64];
    size_t len = sl_centroid_pack(terms, 2, packed);
    CHECK_INT(sl_store_story_update(st, story, packed, len, SL_NO_DAY, NULL), 0);
}

TEST(store_fresh_story_centroid_reads_no_stored_one)
{
    OPEN_STORE(st, path);
    int64_t story = 0;
    statement_count reads = {Q_OLD_CENTROID, 0};
    count_statements(st, &reads);
    CHECK_INT(sl_store_story_new(st, 1, "Ferry timetable", SL_NO_DAY, &story), 0);
    weigh_story(st, story, 0.5f);
    CHECK_INT(reads.n, 0);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms"), 2);
    CHECK_INT(sl_store_begin(st), 0);
    weigh_story(st, story, 0.75f); /* written before: its centroid is read */
    CHECK_INT(reads.n, 1);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms"), 2);
    drop_store(st, path);
}

TEST(store_fresh_story_forgotten_at_rollback)
{
    OPEN_STORE(st, path);
    int64_t story = 0;
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(sl_store_begin(st), 0);
    CHECK_INT(sl_store_story_new(st, 1, "Harbour gulls", SL_NO_DAY, &story), 0);
    CHECK_INT(sl_store_rollback(st), 0);
    CHECK_INT(sl_store_begin(st), 0);
    statement_count reads = {Q_OLD_CENTROID, 0};
    count_statements(st, &reads);
    weigh_story(st, story, 0.5f); /* no longer the batch's insert: asked */
    CHECK_INT(reads.n, 1);
    drop_store(st, path);
}
