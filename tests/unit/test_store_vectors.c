/* test_store_vectors.c — an article's vector as the store keeps it
 * (src/store/article_terms.c): the terms with an id in the dictionary and
 * the terms stored as themselves read back as the split packed them, in
 * hash order, whatever order the ids were given in; a row whose terms
 * stored as themselves are out of hash order read back sorted all the
 * same; the ids a new writer's memory lacks read by one statement a row
 * (sl_store_dict_terms, up to 128 ids a statement), an id the dictionary
 * lacks a damaged store. */
#include <stdint.h>
#include <string.h>

#include "stories/stories.h"
#include "store_fixture.h"
#include "test.h"

/* What a read of story 1's vectors saw: the last row's bytes. */
typedef struct seen_row {
    unsigned char bytes[SL_MEMBER_PACK_MAX];
    size_t len;
    int rows;
} seen_row;

static int keep_row(void *ctx, int64_t article, const void *blob, size_t len)
{
    seen_row *seen = ctx;
    (void)article;
    seen->rows++;
    seen->len = blob && len <= sizeof seen->bytes ? len : 0;
    if (seen->len)
        memcpy(seen->bytes, blob, len);
    return 0;
}

/* A packed member of n terms (ascending hashes from `term`, a step of
 * `step`), day 20,000, counts 1, weight i * 7 + 3. */
static size_t pack(unsigned char *out, uint32_t n, uint64_t term, uint64_t step)
{
    int64_t day = 20000;
    memcpy(out, &day, sizeof day);
    out[8] = 1;
    out[9] = (unsigned char)n;
    for (uint32_t i = 0; i < n; i++, term += step) {
        uint16_t weight = (uint16_t)(i * 7 + 3);
        memcpy(out + 10 + 10 * i, &term, sizeof term);
        memcpy(out + 18 + 10 * i, &weight, sizeof weight);
    }
    return SL_MEMBER_PACK_BYTES(n);
}

TEST(store_vectors_read_back_in_hash_order_ids_and_hashes_mixed)
{
    OPEN_STORE(st, path);
    enum { N = 60 };
    unsigned char member[SL_MEMBER_PACK_MAX];
    const uint64_t first = 0x100000000ULL * 3, step = 0x9E3779B97F4A7ULL;
    size_t len = pack(member, N, first, step);
    /* ids for every third term, given from the last term back: ascending
     * ids, descending hashes */
    for (int i = N - 1; i >= 0; i -= 3) {
        uint32_t id = 0;
        CHECK_INT(sl_store_dict_give(st, first + (uint64_t)i * step, &id), 0);
        CHECK(id > 0);
    }
    CHECK_INT(sl_store_article_terms_put(st, 1, member, len), 0);
    /* stored: 20 ids (1-2 bytes each) and 40 hashes (8 each), not 60 hashes */
    CHECK(count_rows(st, "SELECT length(terms) FROM article_terms WHERE article_id = 1") <
          (int64_t)(N * 10));
    seen_row seen = {0};
    CHECK_INT(sl_store_story_vectors(st, 1, -1, keep_row, &seen), 0);
    CHECK_INT(seen.rows, 1);
    CHECK_INT(seen.len, len);
    CHECK(!memcmp(seen.bytes, member, len));
    drop_store(st, path);
}

TEST(store_vectors_sort_terms_stored_out_of_order)
{
    OPEN_STORE(st, path);
    /* n 3, counts 1, day 20,000 (zigzag 40,000: c0 b8 02), none an id, the
     * hashes 30, 10, 20 (<< 32), weights 1, 2, 3 */
    unsigned char row[2 + 3 + 1 + 3 * 8 + 3 * 2] = {3, 1, 0xc0, 0xb8, 0x02, 3};
    const uint64_t hashes[] = {30ULL << 32, 10ULL << 32, 20ULL << 32};
    for (int i = 0; i < 3; i++) {
        uint16_t weight = (uint16_t)(i + 1);
        memcpy(row + 6 + 8 * i, &hashes[i], 8);
        memcpy(row + 30 + 2 * i, &weight, 2);
    }
    sqlite3_stmt *s = NULL;
    CHECK_INT(sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO article_terms VALUES(1, ?1)", -1,
                                 &s, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_bind_blob(s, 1, row, sizeof row, SQLITE_STATIC), SQLITE_OK);
    CHECK_INT(sqlite3_step(s), SQLITE_DONE);
    sqlite3_finalize(s);
    unsigned char want[SL_MEMBER_PACK_MAX];
    size_t len = pack(want, 3, 10ULL << 32, 10ULL << 32);
    const uint16_t weights[] = {2, 3, 1}; /* the weights go with their terms */
    for (int i = 0; i < 3; i++)
        memcpy(want + 18 + 10 * i, &weights[i], 2);
    seen_row seen = {0};
    CHECK_INT(sl_store_story_vectors(st, 1, -1, keep_row, &seen), 0);
    CHECK_INT(seen.len, len);
    CHECK(!memcmp(seen.bytes, want, len));
    drop_store(st, path);
}

/* Commits and opens the store at `path` again as a new writer, nothing of
 * the dictionary in memory; NULL when it cannot. */
static sl_store *reopened(sl_store *st, const char *path)
{
    CHECK_INT(sl_store_dict_flush(st), 0);
    CHECK_INT(sl_store_commit(st), 0);
    sl_store_close(st);
    st = NULL;
    CHECK_INT(sl_store_open(&st, path, 0, NULL), 0);
    return st;
}

TEST(store_vectors_ids_read_by_one_statement_a_row)
{
    OPEN_STORE(st, path);
    enum { N = 100, MORE = 200 };
    unsigned char member[SL_MEMBER_PACK_MAX];
    const uint64_t first = 0x100000000ULL * 5, step = 0x7F4A7C15ULL;
    size_t len = pack(member, N, first, step);
    uint32_t ids[MORE];
    for (int i = 0; i < MORE; i++) /* the row's 100 terms, then 100 more */
        CHECK_INT(sl_store_dict_give(st, first + (uint64_t)i * step, &ids[i]), 0);
    CHECK_INT(sl_store_article_terms_put(st, 1, member, len), 0);
    if (!(st = reopened(st, path)))
        return;
    statement_count reads = {"SELECT r.rowid, d.term FROM sl_rows", 0};
    count_statements(st, &reads);
    seen_row seen = {0};
    CHECK_INT(sl_store_story_vectors(st, 1, -1, keep_row, &seen), 0);
    CHECK_INT(seen.len, len);
    CHECK(!memcmp(seen.bytes, member, len));
    CHECK_INT(reads.n, 1);
    CHECK_INT(sl_store_story_vectors(st, 1, -1, keep_row, &seen), 0);
    CHECK_INT(reads.n, 1); /* in memory now */
    uint32_t asked[MORE + 1];
    uint64_t terms[MORE + 1];
    for (int i = 0; i < MORE; i++) /* last first: 100 read, 100 known */
        asked[i] = ids[MORE - 1 - i];
    CHECK_INT(sl_store_dict_terms(st, asked, MORE, terms), 0);
    CHECK_INT(reads.n, 2);
    for (int i = 0; i < MORE; i++)
        CHECK(terms[i] == first + (uint64_t)(MORE - 1 - i) * step);
    if (!(st = reopened(st, path)))
        return;
    count_statements(st, &reads);
    CHECK_INT(sl_store_dict_terms(st, asked, MORE, terms), 0); /* 200 missing: 128, then 72 */
    CHECK_INT(reads.n, 2);
    CHECK(terms[MORE - 1] == first && terms[0] == first + (uint64_t)(MORE - 1) * step);
    asked[MORE] = ids[MORE - 1] + 1;
    CHECK_INT(sl_store_dict_terms(st, asked, MORE + 1, terms), SL_ESTORE);
    CHECK(strstr(sl_store_errmsg(st), "not in the term dictionary")); /* not SQLite's "not an error" */
    uint64_t term;
    CHECK_INT(sl_store_dict_term(st, asked[MORE], &term), SL_ESTORE);
    CHECK(strstr(sl_store_errmsg(st), "not in the term dictionary"));
    drop_store(st, path);
}
