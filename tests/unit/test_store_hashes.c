/* test_store_hashes.c — the content and source hashes indexed by their
 * high 32 bits (migration 32, src/store/articles.c): a lookup finds the
 * article of the whole hash, not another sharing its high bits, for
 * hashes of either sign, in a fresh store and in one migrated from 31. */
#include <sqlite3.h>
#include <stdint.h>

#include "store_fixture.h"
#include "test.h"
#include "util/date.h"

#define HIGH_A ((int64_t)0x2468ace0 << 32)
#define HIGH_B (INT64_MIN + ((int64_t)0x13579bd << 32)) /* a negative hash */

/* Inserts an article of the given hashes; its id, or 0. */
static int64_t insert_hashed(sl_store *st, int64_t content, int64_t source)
{
    sl_article_row row = {.text = store_fixture_text, .published_day = SL_NO_DAY,
                          .story_id = 1, .content_hash = content, .source_hash = source};
    int64_t id = 0;
    CHECK_INT(sl_store_article_insert(st, &row, &id), 0);
    return id;
}

/* The article of content hash `hash` (0: none). */
static int64_t by_content(sl_store *st, int64_t hash)
{
    int64_t id = -1;
    sl_buf identity = {0};
    CHECK_INT(sl_store_find_hash(st, hash, &id, &identity), 0);
    sl_buf_free(&identity);
    return id;
}

/* The article of source hash `hash` (0: none). */
static int64_t by_source(sl_store *st, int64_t hash)
{
    int64_t id = -1;
    CHECK_INT(sl_store_find_source(st, hash, &id), 0);
    return id;
}

/* Hashes that share their high 32 bits each find their own article. */
static void check_lookups(sl_store *st)
{
    int64_t a1 = insert_hashed(st, HIGH_A | 1, HIGH_B | 7);
    int64_t a2 = insert_hashed(st, HIGH_A | 2, HIGH_B | 8);
    int64_t b1 = insert_hashed(st, HIGH_B | 3, HIGH_A | 9);
    CHECK(a1 > 1 && a2 > a1 && b1 > a2);
    CHECK_INT(by_content(st, HIGH_A | 1), a1);
    CHECK_INT(by_content(st, HIGH_A | 2), a2);
    CHECK_INT(by_content(st, HIGH_B | 3), b1);
    CHECK_INT(by_content(st, HIGH_A | 3), 0);
    CHECK_INT(by_source(st, HIGH_B | 7), a1);
    CHECK_INT(by_source(st, HIGH_B | 8), a2);
    CHECK_INT(by_source(st, HIGH_A | 9), b1);
    CHECK_INT(by_source(st, HIGH_B | 9), 0);
}

/* How many of the two hash indexes index the high 32 bits. */
#define HIGH_INDEXES                                                                               \
    "SELECT count(*) FROM sqlite_schema WHERE name IN ('articles_hash', 'articles_source')"        \
    " AND sql LIKE '%_hash >> 32)'"

TEST(store_hashes_found_by_their_high_bits_fresh)
{
    OPEN_STORE(st, path);
    CHECK_INT(count_rows(st, HIGH_INDEXES), 2);
    check_lookups(st);
    drop_store(st, path);
}

/* A schema-31 store (the whole hashes indexed) is migrated to the high
 * bits' indexes and finds the same articles. */
TEST(store_hashes_found_by_their_high_bits_migrated)
{
    OPEN_STORE(st, path);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(sqlite3_exec(st->db, "DROP INDEX articles_hash; DROP INDEX articles_source;"
                           " CREATE INDEX articles_hash ON articles(content_hash);"
                           " CREATE INDEX articles_source ON articles(source_hash);"
                           " PRAGMA user_version = 31", NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(count_rows(st, HIGH_INDEXES), 0);
    sl_store_close(st);
    st = NULL;
    CHECK_INT(sl_store_open(&st, path, 0, NULL), 0);
    if (!st)
        return;
    CHECK_INT(count_rows(st, HIGH_INDEXES), 2);
    CHECK_INT(count_rows(st, "PRAGMA user_version"), SL_STORE_HIGH_HASHES_SINCE);
    CHECK_INT(sl_store_begin(st), 0);
    check_lookups(st);
    drop_store(st, path);
}
