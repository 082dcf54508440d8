/* test_store_copy_keys.c — the copy index's rows (src/store/sketches.c,
 * copy_keys.c): a copy sketch's keys held by their ranks; a copy key's row
 * holding the article's key count with the article and no flag bits; keys
 * read many at once, from both tables, newest first, each as its own read
 * would; a full key marked, and read from its mark. */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "store/store_internal.h"
#include "store_fixture.h"
#include "test.h"

/* Stores article `id`'s sketch of one sentence of `n` codes with `keys`,
 * filing it under them as the copy stage does. */
static void put_sketch(sl_store *st, int64_t id, const uint32_t *codes, size_t n,
                       const uint32_t *keys, uint32_t n_keys)
{
    sl_sketch sk = {0};
    sl_buf blob = SL_BUF_INIT;
    CHECK_INT(sl_vec_push(&sk.starts, 0u), 0);
    for (size_t k = 0; k < n; k++)
        CHECK_INT(sl_vec_push(&sk.terms, codes[k]), 0);
    CHECK_INT(sl_vec_push(&sk.starts, (uint32_t)n), 0);
    memcpy(sk.keys, keys, n_keys * sizeof *keys);
    sk.n_keys = n_keys;
    unsigned char packed[4 * SL_COPY_KEYS];
    CHECK_INT(sl_sketch_pack(&sk, &blob), 0);
    CHECK_INT(sl_store_copy_keys_put(st, id, keys, n_keys), 0);
    CHECK_INT(sl_store_sketch_put(st, id, packed, sl_sketch_keys_pack(&sk, packed), blob.ptr,
                                  blob.len, NULL), 0);
    sl_buf_free(&blob);
    sl_sketch_free(&sk);
}

/* From schema 19 a sketch row holds its keys by their ranks among its
 * codes (a byte each; a key the sentences lack as itself), and a new
 * version still takes its old keys' rows out of the copy index. */
TEST(store_sketch_keys_by_rank)
{
    OPEN_STORE(st, path);
    const uint32_t codes[] = {0x1231u, 0x4562u, 0x1231u, 0x7898u};
    const uint32_t keys[] = {0x4560u, 0x7890u, 0xABC0u}, again[] = {0x1230u};
    put_sketch(st, 1, codes, 4, keys, 3);
    CHECK_INT(count_rows(st, "SELECT length(keys) FROM copy_sketches WHERE article_id = 1"), 1 + 1 + 5);
    CHECK_INT(sl_store_copy_keys_flush(st), 0); /* the rows a batch keeps until its commit */
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys_recent WHERE article_id >> 5 = 1"), 3);
    put_sketch(st, 1, codes, 4, again, 1); /* a new version */
    CHECK_INT(sl_store_copy_keys_flush(st), 0); /* the rows a batch keeps until its commit */
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys_recent WHERE article_id >> 5 = 1"), 1);
    CHECK_INT(count_rows(st, "SELECT key FROM copy_keys_recent WHERE article_id >> 5 = 1"), 0x123);
    drop_store(st, path);
}

/* From schema 20 a copy key's row holds the article's number of keys in
 * the low five bits of its article column: read back with the article,
 * at most SL_COPY_KEYS, and a new version's rows replace the old ones
 * whatever their number. */
TEST(store_copy_keys_hold_the_key_count_with_the_article)
{
    OPEN_STORE(st, path);
    uint32_t codes[SL_COPY_KEYS], keys[SL_COPY_KEYS], ids[4];
    for (uint32_t k = 0; k < SL_COPY_KEYS; k++)
        keys[k] = (codes[k] = 0x1001u + (k << 8)) & ~SL_TERM_FLAGS;
    put_sketch(st, 7, codes, SL_COPY_KEYS, keys, SL_COPY_KEYS);
    put_sketch(st, 9, codes, 2, keys + 1, 1);
    CHECK_INT(sl_store_copy_keys_flush(st), 0); /* the rows a batch keeps until its commit */
    CHECK_INT(count_rows(st, "SELECT article_id FROM copy_keys_recent WHERE key = 0x110"),
              7 << 5 | SL_COPY_KEYS);
    uint8_t n_keys[4];
    size_t found = 0;
    CHECK_INT(sl_store_copy_keys_recent(st, &(const uint32_t){SL_TERM_ID(keys[1])}, 1, 4, ids, n_keys, &found), 0);
    CHECK_INT((int64_t)found, 2);
    CHECK_INT(ids[0], 9);
    CHECK_INT(n_keys[0], 1);
    CHECK_INT(ids[1], 7);
    CHECK_INT(n_keys[1], SL_COPY_KEYS);
    CHECK_INT(sl_store_recent_merge(st), 0);
    put_sketch(st, 7, codes, 3, keys + 2, 1); /* a new version, its rows in copy_keys */
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys WHERE article_id >> 5 = 7"), 0);
    CHECK_INT(sl_store_copy_keys_flush(st), 0); /* the rows a batch keeps until its commit */
    CHECK_INT(count_rows(st, "SELECT article_id FROM copy_keys_recent WHERE key = 0x120"), 7 << 5 | 1);
    drop_store(st, path);
}

/* From schema 18 a copy key is stored without the four low bits
 * SL_TERM_ID sets, and read back by the index's key. */
TEST(store_copy_keys_stored_without_their_flag_bits)
{
    OPEN_STORE(st, path);
    const uint32_t keys[] = {0xFFFFFFF0u};
    CHECK_INT(sl_store_copy_keys_put(st, 1, keys, 1), 0);
    CHECK_INT(sl_store_copy_keys_flush(st), 0); /* the rows a batch keeps until its commit */
    CHECK_INT(count_rows(st, "SELECT key FROM copy_keys_recent"), 0x0FFFFFFF);
    uint32_t ids[2];
    uint8_t n_keys[2];
    size_t found = 0;
    CHECK_INT(sl_store_copy_keys_recent(st, &(const uint32_t){SL_TERM_ID(keys[0])}, 1, 2, ids, n_keys, &found), 0);
    CHECK_INT((int64_t)found, 1);
    CHECK_INT(ids[0], 1);
    drop_store(st, path);
}

/* Each asked key's newest postings over both tables by one statement a
 * table for all the keys; a key with more rows in a table than asked is
 * read apart (newest first, by its own statement), and the other keys'
 * statement goes on after it. */
TEST(store_copy_keys_of_many_keys_read_at_once)
{
    OPEN_STORE(st, path);
    const uint32_t a = 0x210, b = 0x220, c = 0x230, d = 0x240;
    for (int64_t id = 1; id <= 5; id++)
        CHECK_INT(sl_store_copy_keys_put(st, id, id <= 2 ? (const uint32_t[]){a, b} : &b,
                                         id <= 2 ? 2 : 1),
                  0);
    CHECK_INT(sl_store_recent_merge(st), 0); /* a: 1, 2 and b: 1-5 in copy_keys */
    CHECK_INT(sl_store_copy_keys_put(st, 6, (const uint32_t[]){a, b}, 2), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 8, &a, 1), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 7, &d, 1), 0);
    const uint32_t asked[] = {SL_TERM_ID(b), SL_TERM_ID(c), SL_TERM_ID(a), SL_TERM_ID(d)};
    uint32_t ids[4 * 3];
    uint8_t n_keys[4 * 3];
    size_t found[4];
    statement_count batch = {"SELECT r.rowid, k.article_id", 0};
    count_statements(st, &batch);
    CHECK_INT(sl_store_copy_keys_recent(st, asked + 1, 3, 3, ids, n_keys, found), 0);
    CHECK_INT((int64_t)batch.n, 2); /* one a table */
    CHECK_INT((int64_t)found[0], 0);
    CHECK_INT((int64_t)found[1], 3);
    CHECK_INT(ids[3], 8);
    CHECK_INT(n_keys[3], 1);
    CHECK_INT(ids[4], 6);
    CHECK_INT(n_keys[4], 2);
    CHECK_INT(ids[5], 2);
    CHECK_INT((int64_t)found[2], 1);
    CHECK_INT(ids[6], 7);
    statement_count apart = {"SELECT article_id FROM copy_keys WHERE", 0};
    count_statements(st, &apart);
    CHECK_INT(sl_store_copy_keys_recent(st, asked, 4, 3, ids, n_keys, found), 0);
    CHECK_INT((int64_t)apart.n, 1); /* b: five rows in copy_keys */
    CHECK_INT((int64_t)found[0], 3);
    CHECK_INT(ids[0], 6);
    CHECK_INT(ids[1], 5);
    CHECK_INT(ids[2], 4);
    CHECK_INT(n_keys[2], 1);
    CHECK_INT((int64_t)found[1], 0);
    CHECK_INT((int64_t)found[2], 3);
    CHECK_INT(ids[6], 8);
    CHECK_INT(ids[7], 6);
    CHECK_INT(ids[8], 2);
    CHECK_INT((int64_t)found[3], 1);
    CHECK_INT(ids[9], 7);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    drop_store(st, path);
}

/* A key's newest `max` rows over both tables as a read of that key alone
 * takes them (Q_KEY_RECENT's statement), the reference of the test below. */
static size_t newest_alone(sl_store *st, uint32_t key, size_t max, uint32_t *ids, uint8_t *n_keys)
{
    sqlite3_stmt *s = NULL;
    size_t n = 0;
    CHECK_INT(sqlite3_prepare_v2(st->db,
                                 "SELECT article_id FROM copy_keys WHERE key = ?1 UNION ALL SELECT article_id"
                                 " FROM copy_keys_recent WHERE key = ?1 ORDER BY article_id DESC LIMIT ?2",
                                 -1, &s, NULL),
              SQLITE_OK);
    sqlite3_bind_int64(s, 1, SL_TERM_ID(key) >> 4);
    sqlite3_bind_int64(s, 2, (int64_t)max);
    for (; sqlite3_step(s) == SQLITE_ROW; n++) {
        ids[n] = (uint32_t)(sqlite3_column_int64(s, 0) >> 5);
        n_keys[n] = (uint8_t)(sqlite3_column_int64(s, 0) & 31);
    }
    sqlite3_finalize(s);
    return n;
}

/* Files articles 1 to 600 under keys whose rows number 0 to 600 (32, 127,
 * 128, 129...), moving the rows of the first `merged` into copy_keys, then
 * takes `removed` of them out by new versions under another key. */
static void file_keys(sl_store *st, const uint32_t *keys, const uint32_t *rows, size_t n_keys, int64_t merged,
                      int64_t removed)
{
    for (int64_t id = 1; id <= 600; id++) {
        uint32_t mine[SL_COPY_KEYS], n = 0;
        for (size_t k = 0; k < n_keys && n < SL_COPY_KEYS; k++)
            if ((uint32_t)(id * 7 + (int64_t)k * 13) % 600 < rows[k])
                mine[n++] = keys[k];
        if (n)
            put_sketch(st, id, mine, n, mine, n);
        if (id == merged)
            CHECK_INT(sl_store_recent_merge(st), 0);
    }
    const uint32_t other = 0x7770;
    for (int64_t id = 600; id > 600 - removed; id -= 3)
        put_sketch(st, id, &other, 1, &other, 1);
}

/* The batched read of many keys gives each key what a read of it alone
 * gives: keys with rows on both sides of `max` in copy_keys, in
 * copy_keys_recent, or split between them, after removals, asked in any
 * order, some twice, some with no row, up to 70 at a time; of a full key,
 * its newest SL_COPY_RECENT_OF_FULL. */
TEST(store_copy_keys_batched_read_is_each_keys_own_read)
{
    static const uint32_t rows[] = {0, 1, 3, 4, 5, 32, 127, 128, 129, 130, 256, 600};
    uint32_t keys[12], asked[70], state = 9;
    for (size_t k = 0; k < 12; k++)
        keys[k] = 0x1000u + 0x10u * (uint32_t)k;
    static const int64_t merges[][2] = {{0, 0}, {129, 0}, {300, 40}, {600, 90}, {128, 200}};
    uint32_t *ids = malloc(70 * 130 * sizeof *ids), want[130];
    uint8_t *n_keys = malloc(70 * 130), want_keys[130];
    size_t found[70];
    for (size_t m = 0; ids && n_keys && m < sizeof merges / sizeof *merges; m++) {
        OPEN_STORE(st, path);
        file_keys(st, keys, rows, 12, merges[m][0], merges[m][1]);
        for (int round = 0; round < 40; round++) {
            state = state * 1103515245u + 12345u;
            size_t n = 1 + (state >> 8) % 70;
            for (size_t k = 0; k < n; k++)   /* a 13th key no article has */
                asked[k] = SL_TERM_ID(0x1000u + 0x10u * (((state = state * 1103515245u + 12345u) >> 8) % 13));
            size_t max = round % 3 == 0 ? 128 : round % 3 == 1 ? 4 : 1;
            CHECK_INT(sl_store_copy_keys_recent(st, asked, n, max, ids, n_keys, found), 0);
            for (size_t k = 0; k < n; k++) {
                size_t got = newest_alone(st, asked[k], max, want, want_keys);
                /* a full key (max rows or more) may come as its newest
                 * SL_COPY_RECENT_OF_FULL only (branch curve7) */
                size_t same = got == max && got > SL_COPY_RECENT_OF_FULL ? SL_COPY_RECENT_OF_FULL : got;
                CHECK_INT((int64_t)found[k], (int64_t)got);
                CHECK(found[k] == got && !memcmp(ids + k * max, want, same * sizeof *want) &&
                      !memcmp(n_keys + k * max, want_keys, same));
            }
        }
        drop_store(st, path);
    }
    free(ids);
    free(n_keys);
}

/* Each key's newest rows, newest first, when its rows alternate between
 * the two tables (merged from both, not one table's then the other's); a
 * key with no rows between two that have some. */
TEST(store_copy_keys_of_both_tables_merged_newest_first)
{
    OPEN_STORE(st, path);
    const uint32_t a = 0x310, b = 0x320;
    for (int64_t id = 1; id <= 5; id += 2)
        CHECK_INT(sl_store_copy_keys_put(st, id, &a, 1), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 8, &b, 1), 0);
    CHECK_INT(sl_store_recent_merge(st), 0); /* a: 1, 3, 5 and b: 8 in copy_keys */
    for (int64_t id = 2; id <= 6; id += 2)
        CHECK_INT(sl_store_copy_keys_put(st, id, &a, 1), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 9, &b, 1), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 7, &b, 1), 0);
    const uint32_t asked[] = {SL_TERM_ID(a), SL_TERM_ID(0x330), SL_TERM_ID(b)};
    uint32_t ids[3 * 4];
    uint8_t n_keys[3 * 4];
    size_t found[3];
    CHECK_INT(sl_store_copy_keys_recent(st, asked, 3, 4, ids, n_keys, found), 0);
    const size_t want_found[] = {4, 0, 3};
    const uint32_t want[3][4] = {{6, 5, 4, 3}, {0}, {9, 8, 7}};
    for (size_t k = 0; k < 3; k++) {
        CHECK_INT((int64_t)found[k], (int64_t)want_found[k]);
        for (size_t e = 0; e < want_found[k]; e++)
            CHECK_INT(ids[k * 4 + e], want[k][e]);
    }
    drop_store(st, path);
}

/* A key with more rows in a table than asked is a full posting: found is
 * the number asked, and only its SL_COPY_RECENT_OF_FULL newest are read. */
TEST(store_copy_keys_of_a_full_key_read_newest_only)
{
    OPEN_STORE(st, path);
    const uint32_t a = 0x410;
    enum { ROWS = 14, ASKED = 12 };
    for (int64_t id = 1; id <= ROWS; id++)
        CHECK_INT(sl_store_copy_keys_put(st, id, &a, 1), 0);
    CHECK_INT(sl_store_recent_merge(st), 0);
    const uint32_t asked = SL_TERM_ID(a);
    uint32_t ids[ASKED];
    uint8_t n_keys[ASKED];
    size_t found;
    memset(ids, 0, sizeof ids);
    CHECK_INT(sl_store_copy_keys_recent(st, &asked, 1, ASKED, ids, n_keys, &found), 0);
    CHECK_INT((int64_t)found, ASKED);
    for (int e = 0; e < SL_COPY_RECENT_OF_FULL; e++)
        CHECK_INT(ids[e], ROWS - e);
    CHECK_INT(ids[SL_COPY_RECENT_OF_FULL], 0); /* not read */
    drop_store(st, path);
}

/* Reads keys `asked` (SL_COPY_POSTINGS asked of each) into ids (zeroed
 * first) and found. */
static void read_keys(sl_store *st, const uint32_t *asked, size_t n, uint32_t *ids, size_t *found)
{
    uint8_t n_keys[2 * SL_COPY_POSTINGS];
    memset(ids, 0, n * SL_COPY_POSTINGS * sizeof *ids);
    CHECK_INT(sl_store_copy_keys_recent(st, asked, n, SL_COPY_POSTINGS, ids, n_keys, found), 0);
}

/* From schema 31 a key with more than SL_COPY_POSTINGS rows in copy_keys
 * is marked full (its row (key, 0)) at the commit of a batch whose read
 * found it so, and a read stops at the mark; a key of SL_COPY_POSTINGS
 * rows is not marked; a new version that takes out a row of a marked key
 * takes the mark out. */
TEST(store_copy_keys_full_key_marked_and_read_from_its_mark)
{
    OPEN_STORE(st, path);
    const uint32_t a = 0x510, b = 0x520, c = 0x530, codes[] = {0x5101u};
    enum { FULL = SL_COPY_POSTINGS + 1 };
    CHECK_INT(sl_store_begin(st), 0);
    put_sketch(st, 1, codes, 1, &a, 1);
    for (int64_t id = 2; id <= FULL; id++)
        CHECK_INT(sl_store_copy_keys_put(st, id, &a, 1), 0);
    for (int64_t id = FULL + 1; id <= FULL + SL_COPY_POSTINGS; id++)
        CHECK_INT(sl_store_copy_keys_put(st, id, &b, 1), 0);
    for (int64_t id = 300; id < 310; id++)
        CHECK_INT(sl_store_copy_keys_put(st, id, &c, 1), 0);
    CHECK_INT(sl_store_recent_merge(st), 0);
    const uint32_t asked[] = {SL_TERM_ID(a), SL_TERM_ID(b)};
    uint32_t ids[2 * SL_COPY_POSTINGS];
    size_t found[2];
    read_keys(st, asked, 2, ids, found);
    CHECK_INT((int64_t)found[0], SL_COPY_POSTINGS);
    CHECK_INT(ids[0], FULL);
    CHECK_INT(ids[SL_COPY_RECENT_OF_FULL], 0); /* a full key: its newest alone */
    CHECK_INT((int64_t)found[1], SL_COPY_POSTINGS);
    CHECK_INT(ids[2 * SL_COPY_POSTINGS - 1], FULL + 1); /* not full: every row */
    const char *marks = "SELECT count(*) FROM copy_keys WHERE article_id = 0";
    CHECK_INT(count_rows(st, marks), 0); /* noted, marked at the commit */
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(count_rows(st, marks), 1);
    CHECK_INT(count_rows(st, "SELECT key FROM copy_keys WHERE article_id = 0"), a >> 4);
    /* read from the mark: a mark put on c (10 rows) makes its read stop there */
    CHECK_INT(sl_store_begin(st), 0);
    CHECK_INT(sqlite3_exec(st->db, "INSERT INTO copy_keys VALUES(83, 0)", NULL, NULL, NULL), 0);
    const uint32_t marked[] = {SL_TERM_ID(a), SL_TERM_ID(c)};
    read_keys(st, marked, 2, ids, found);
    CHECK_INT((int64_t)found[0], SL_COPY_POSTINGS);
    CHECK_INT(ids[0], FULL);
    CHECK_INT((int64_t)found[1], SL_COPY_POSTINGS); /* read as full, from its mark */
    CHECK_INT(ids[SL_COPY_POSTINGS], 309);
    CHECK_INT(ids[SL_COPY_POSTINGS + SL_COPY_RECENT_OF_FULL], 0); /* its newest alone */
    CHECK_INT(sqlite3_exec(st->db, "DELETE FROM copy_keys WHERE key = 83 AND article_id = 0", NULL,
                           NULL, NULL), 0);
    /* a new version of article 1 under b: a's rows are SL_COPY_POSTINGS, unmarked */
    put_sketch(st, 1, codes, 1, &b, 1);
    CHECK_INT(count_rows(st, marks), 0);
    CHECK_INT(sl_store_commit(st), 0);
    drop_store(st, path);
}

/* A mark on a key of fewer than SL_COPY_RECENT_OF_FULL rows (a damaged
 * store: check names it) reads the key's rows whole: read as full, the
 * places past its rows would be the caller's, never written (the copy
 * index reads its SL_COPY_RECENT_OF_FULL newest as articles). */
TEST(store_copy_keys_mark_on_a_short_key_reads_its_rows)
{
    OPEN_STORE(st, path);
    const uint32_t c = 0x530;
    for (int64_t id = 300; id < 303; id++)
        CHECK_INT(sl_store_copy_keys_put(st, id, &c, 1), 0);
    CHECK_INT(sl_store_recent_merge(st), 0);
    CHECK_INT(sqlite3_exec(st->db, "INSERT INTO copy_keys VALUES(83, 0)", NULL, NULL, NULL), 0);
    const uint32_t asked = SL_TERM_ID(c);
    uint32_t ids[SL_COPY_POSTINGS];
    uint8_t n_keys[SL_COPY_POSTINGS];
    size_t found;
    memset(ids, 0xff, sizeof ids); /* what the caller's buffer held */
    CHECK_INT(sl_store_copy_keys_recent(st, &asked, 1, SL_COPY_POSTINGS, ids, n_keys, &found), 0);
    CHECK_INT((int64_t)found, 3);
    for (int e = 0; e < 3; e++)
        CHECK_INT(ids[e], 302 - e);
    drop_store(st, path);
}
