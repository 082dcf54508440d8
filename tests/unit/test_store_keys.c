/* test_store_keys.c — the store's keyed rows (src/store/): a story's
 * centroid by its terms (from schema 25, read without the dictionary; by
 * their term_dict ids in schemas 19 to 24, which migration 25 reads), its
 * story_terms rows naming terms by their term_dict ids (and by their
 * hashes where there is none), the dictionary remembering
 * terms without an id and reading ids back by blocks, a batch's story_terms
 * changes written once at the commit, its rows weighed and normed (the
 * copy index's keys: test_store_copy_keys.c). */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "store/store_internal.h"
#include "store_fixture.h"
#include "test.h"

/* Sets story `id`'s stored centroid to `terms`, in the row's form. */
static void set_centroid(sl_store *st, int64_t id, const sl_weighted_term *terms, uint32_t n,
                         unsigned char *packed)
{
    size_t len = sl_centroid_pack(terms, n, packed);
    sl_buf row = SL_BUF_INIT;
    CHECK_INT(sl_store_centroid_form(st, packed, len, &row), 0);
    sqlite3_stmt *s = NULL;
    CHECK_INT(sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO stories(id, centroid) VALUES(?1, ?2)",
                                 -1, &s, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_bind_int64(s, 1, id), SQLITE_OK);
    CHECK_INT(sqlite3_bind_blob(s, 2, row.ptr, (int)row.len, SQLITE_STATIC), SQLITE_OK);
    CHECK_INT(sqlite3_step(s), SQLITE_DONE);
    sqlite3_finalize(s);
    sl_buf_free(&row);
}

/* Commits, closes and opens the store again as a new writer (holding
 * articles: not fresh), in a batch; NULL when it cannot. */
static sl_store *writer_again(sl_store *st, const char *path)
{
    CHECK_INT(sl_store_commit(st), 0);
    sl_store_close(st);
    st = NULL;
    CHECK_INT(sl_store_open(&st, path, 0, NULL), 0);
    if (st)
        CHECK_INT(sl_store_begin(st), 0);
    return st;
}

/* Keeps a story's centroid (sl_store_story_state's callback). */
static int copy_centroid(void *ctx, const sl_story_state *story)
{
    return sl_buf_put(ctx, story->centroid, story->len) ? SL_ENOMEM : 0;
}

/* In schemas 19 to 24 a centroid's row named the terms term_dict has by
 * their ids (1-3 bytes for 8) and the others by their hashes; it reads back
 * as the grouper's form, byte for byte (migration 25 reads it), and a row
 * cut short does not read. */
TEST(store_centroid_by_dictionary_ids)
{
    OPEN_STORE(st, path);
    st->schema = SL_STORE_CENTROID_TERMS_SINCE - 1;
    uint32_t id1 = 0, id2 = 0;
    CHECK_INT(sl_store_dict_give(st, 0xF000000000000003u, &id1), 0);
    CHECK_INT(sl_store_dict_give(st, 0x1000000000000002u, &id2), 0);
    const sl_weighted_term terms[] = {{9, 0.25f}, {0x1000000000000002u, 1.5f},
                                      {0x8000000000000001u, 2.0f}, {0xF000000000000003u, 0.5f}};
    unsigned char packed[4 * SL_CENTROID_TERM_BYTES], back[4 * SL_CENTROID_TERM_BYTES];
    size_t len = sl_centroid_pack(terms, 4, packed);
    sl_buf row = SL_BUF_INIT;
    CHECK_INT(sl_store_centroid_form(st, packed, len, &row), 0);
    CHECK_INT((int64_t)row.len, 1 + 2 + 2 * 8 + 4 * 4); /* two ids, two hashes, four weights */
    sl_weighted_term read[SL_CENTROID_TERMS];
    size_t n = 0;
    CHECK_INT(sl_store_centroid_read(st, row.ptr, row.len, read, &n), 0);
    CHECK_INT((int64_t)n, 4);
    CHECK_INT((int64_t)sl_centroid_pack(read, (uint32_t)n, back), (int64_t)len);
    CHECK(memcmp(back, packed, len) == 0);
    CHECK_INT(sl_store_centroid_read(st, row.ptr, row.len - 1, read, &n), SL_ESTORE);
    sl_buf_free(&row);
    st->schema = SL_STORE_CENTROID_TERMS_SINCE;
    drop_store(st, path);
}

/* Gives two of the terms of centroid_terms ids in term_dict, commits and
 * opens the store again as a new writer with nothing in memory. */
static const sl_weighted_term centroid_terms[] = {{9, 0.25f}, {0x1000000000000002u, 1.5f},
                                                  {0x8000000000000001u, 2.0f},
                                                  {0xF000000000000003u, 0.5f}};

static sl_store *with_two_ids(sl_store *st, const char *path)
{
    uint32_t id = 0;
    CHECK_INT(sl_store_dict_give(st, centroid_terms[3].term, &id), 0);
    CHECK_INT(sl_store_dict_give(st, centroid_terms[1].term, &id), 0);
    CHECK_INT(sl_store_dict_flush(st), 0);
    return writer_again(st, path);
}

/* The grouper's story read (sl_store_story_state) gives its centroid in
 * sl_centroid_pack's form, `want`, without a statement on term_dict. */
static void reads_without_dictionary(sl_store *st, int64_t story, const unsigned char *want,
                                     size_t len)
{
    statement_count reads = {"SELECT id, term FROM term_dict", 0};
    count_statements(st, &reads);
    sl_buf got = SL_BUF_INIT;
    CHECK_INT(sl_store_story_state(st, story, copy_centroid, &got), 0);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    CHECK_INT(reads.n, 0);
    CHECK_INT((int64_t)got.len, (int64_t)len);
    CHECK(got.len == len && memcmp(got.ptr, want, len) == 0);
    sl_buf_free(&got);
}

/* From schema 25 a centroid's row is the grouper's form itself, terms
 * with a dictionary id or not: a story is read without the dictionary
 * (a run into a grown store read it whole to turn the ids back). A row
 * cut short, or whose terms are out of order, does not read. */
TEST(store_centroid_by_its_terms_read_without_dictionary)
{
    OPEN_STORE(st, path);
    if (!(st = with_two_ids(st, path)))
        return;
    unsigned char packed[4 * SL_CENTROID_TERM_BYTES], swapped[4 * SL_CENTROID_TERM_BYTES];
    size_t len = sl_centroid_pack(centroid_terms, 4, packed);
    sl_buf row = SL_BUF_INIT;
    CHECK_INT(sl_store_centroid_form(st, packed, len, &row), 0);
    CHECK(row.len == len && memcmp(row.ptr, packed, len) == 0);
    sl_buf_free(&row);
    set_centroid(st, 8, centroid_terms, 4, packed);
    if (!(st = writer_again(st, path)))
        return;
    reads_without_dictionary(st, 8, packed, len);
    sl_weighted_term read[SL_CENTROID_TERMS];
    size_t n = 0;
    CHECK_INT(sl_store_centroid_read(st, packed, len - 1, read, &n), SL_ESTORE);
    memcpy(swapped, packed + SL_CENTROID_TERM_BYTES, SL_CENTROID_TERM_BYTES);
    memcpy(swapped + SL_CENTROID_TERM_BYTES, packed, SL_CENTROID_TERM_BYTES);
    memcpy(swapped + 2 * SL_CENTROID_TERM_BYTES, packed + 2 * SL_CENTROID_TERM_BYTES,
           2 * SL_CENTROID_TERM_BYTES);
    CHECK_INT(sl_store_centroid_read(st, swapped, len, read, &n), SL_ESTORE);
    drop_store(st, path);
}

/* A stored centroid whose weight is not a positive finite number does
 * not read (the grouper's never is: a NaN one made the story take no
 * article again, and `check` did not name it), nor one repeating a term
 * or holding more than SL_CENTROID_TERMS. */
TEST(store_centroid_bad_weight_does_not_read)
{
    OPEN_STORE(st, path);
    unsigned char packed[(SL_CENTROID_TERMS + 1) * SL_CENTROID_TERM_BYTES];
    size_t len = sl_centroid_pack(centroid_terms, 4, packed);
    sl_weighted_term read[SL_CENTROID_TERMS];
    size_t n = 0;
    CHECK_INT(sl_store_centroid_read(st, packed, len, read, &n), 0);
    const float bad[] = {NAN, INFINITY, -0.5f, 0.0f};
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        sl_weighted_term terms[4];
        memcpy(terms, centroid_terms, sizeof terms);
        terms[2].weight = bad[k];
        len = sl_centroid_pack(terms, 4, packed);
        CHECK_INT(sl_store_centroid_read(st, packed, len, read, &n), SL_ESTORE);
    }
    len = sl_centroid_pack(centroid_terms, 4, packed);
    memcpy(packed + SL_CENTROID_TERM_BYTES, packed, sizeof centroid_terms->term); /* repeated */
    CHECK_INT(sl_store_centroid_read(st, packed, len, read, &n), SL_ESTORE);
    sl_weighted_term many[SL_CENTROID_TERMS + 1];
    for (size_t k = 0; k <= SL_CENTROID_TERMS; k++)
        many[k] = (sl_weighted_term){k + 1, 1.0f};
    len = sl_centroid_pack(many, SL_CENTROID_TERMS + 1, packed);
    CHECK_INT(sl_store_centroid_read(st, packed, len, read, &n), SL_ESTORE);
    CHECK_INT(sl_store_centroid_read(st, packed, len - SL_CENTROID_TERM_BYTES, read, &n), 0);
    drop_store(st, path);
}

/* Sets the centroids of stories `first` to `last` to centroid_terms in
 * the form of schema 24 (by their ids). */
static void centroids_of_24(sl_store *st, int64_t first, int64_t last, unsigned char *packed)
{
    st->schema = SL_STORE_CENTROID_TERMS_SINCE - 1;
    for (int64_t id = first; id <= last; id++)
        set_centroid(st, id, centroid_terms, 4, packed);
    st->schema = SL_STORE_CENTROID_TERMS_SINCE;
}

/* Migration 25 turns a centroid of schema 24 (its terms by their ids)
 * into its terms, the bytes a fresh store writes, read without the
 * dictionary. One that does not read (here cut short) is left as it
 * was, for `check` to name: failing the migration on it refused every
 * write to the store, `check` included. */
TEST(store_centroids_migrate_to_their_terms)
{
    OPEN_STORE(st, path);
    if (!(st = with_two_ids(st, path)))
        return;
    unsigned char packed[4 * SL_CENTROID_TERM_BYTES];
    size_t len = sl_centroid_pack(centroid_terms, 4, packed);
    centroids_of_24(st, 8, 9, packed);
    CHECK(count_rows(st, "SELECT length(centroid) FROM stories WHERE id = 8") < (int64_t)len);
    CHECK_INT(sqlite3_exec(st->db, "UPDATE stories SET centroid = substr(centroid, 1, length(centroid) - 1)"
                           " WHERE id = 9; DROP TABLE story_norms; DROP TABLE paths;"
                           " ALTER TABLE articles DROP COLUMN path_id; PRAGMA user_version = 24",
                           NULL, NULL, NULL), SQLITE_OK); /* schema 24 had no norms, no paths */
    int64_t cut = count_rows(st, "SELECT length(centroid) FROM stories WHERE id = 9");
    if (!(st = writer_again(st, path))) /* migrates */
        return;
    CHECK_INT(count_rows(st, "PRAGMA user_version"), SL_STORE_HIGH_HASHES_SINCE); /* the last */
    CHECK_INT(count_rows(st, "SELECT length(centroid) FROM stories WHERE id = 8"), (int64_t)len);
    reads_without_dictionary(st, 8, packed, len);
    CHECK_INT(count_rows(st, "SELECT length(centroid) FROM stories WHERE id = 9"), cut);
    sl_buf why = SL_BUF_INIT;
    CHECK_INT(sl_store_story_terms_verify(st, &why), SL_ESTORE);
    CHECK(strstr(sl_buf_cstr(&why), "story 9's centroid does not read") != NULL);
    sl_buf_free(&why);
    drop_store(st, path);
}

/* story_terms names a term by its dictionary id when it has one, else by
 * itself; a term whose hash would read as an id is given one. A term given
 * its id after its rows went in is still found, and its rows still go,
 * under its hash. */
TEST(store_story_terms_keyed_by_dictionary_id)
{
    OPEN_STORE(st, path);
    const uint64_t rare = 0x9000000000000001u, low = 77; /* low: a hash that reads as an id */
    sl_weighted_term both[] = {{low, 1}, {rare, 1}}, one[] = {{rare, 1}};
    unsigned char packed[2 * SL_CENTROID_TERM_BYTES];
    CHECK_INT(sl_store_story_terms_put(st, 5, packed, sl_centroid_pack(both, 2, packed)), 0);
    set_centroid(st, 5, both, 2, packed);
    CHECK_INT(sl_store_story_changes_flush(st), 0); /* a batch's commit writes them */
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms WHERE term = -0x6fffffffffffffff"), 1);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms WHERE term BETWEEN 1 AND 4294967295"), 1);
    uint32_t id = 0;
    CHECK_INT(sl_store_dict_give(st, rare, &id), 0); /* its second article, say */
    CHECK(id > 0);
    CHECK_INT(sl_store_story_terms_put(st, 6, packed, sl_centroid_pack(one, 1, packed)), 0);
    set_centroid(st, 6, one, 1, packed);
    int64_t ids[4];
    float weights[4];
    size_t n = 0;
    CHECK_INT(sl_store_story_terms_recent(st, rare, 4, ids, weights, &n), 0);
    CHECK_INT((int64_t)n, 2);
    CHECK_INT(ids[0], 6); /* under its id */
    CHECK_INT(ids[1], 5); /* under its hash, from before its id */
    CHECK_INT(sl_store_story_terms_recent(st, low, 4, ids, weights, &n), 0);
    CHECK_INT((int64_t)n, 1);
    sl_weighted_term rest[] = {{low, 1}};
    CHECK_INT(sl_store_story_terms_put(st, 5, packed, sl_centroid_pack(rest, 1, packed)), 0);
    set_centroid(st, 5, rest, 1, packed);
    CHECK_INT(sl_store_story_terms_recent(st, rare, 4, ids, weights, &n), 0);
    CHECK_INT((int64_t)n, 1);
    CHECK_INT(ids[0], 6);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms WHERE term = -0x6fffffffffffffff"), 0);
    CHECK_INT(sl_store_story_terms_recent(st, 0x9000000000000002u, 4, ids, weights, &n), 0);
    CHECK_INT((int64_t)n, 0);
    drop_store(st, path);
}

/* `check` walks the table's rows (in SQL's order: the term as a signed
 * 64-bit key, then the story) beside every centroid's terms sorted by the
 * store in C: the two orders must be one, terms on both sides of 2^63
 * included, or a sound table reads as damaged. */
TEST(store_story_terms_check_orders_terms_as_the_table_does)
{
    OPEN_STORE(st, path);
    const uint64_t pos = 0x1000000000000022u, neg = 0x9000000000000011u, top = 0xF000000000000033u;
    sl_weighted_term three[] = {{pos, 1}, {neg, 1}, {top, 1}}, two[] = {{pos, 1}, {top, 1}};
    unsigned char packed[3 * SL_CENTROID_TERM_BYTES];
    CHECK_INT(sl_store_story_terms_put(st, 4, packed, sl_centroid_pack(two, 2, packed)), 0);
    set_centroid(st, 4, two, 2, packed);
    CHECK_INT(sl_store_story_terms_put(st, 3, packed, sl_centroid_pack(three, 3, packed)), 0);
    set_centroid(st, 3, three, 3, packed);
    CHECK_INT(sl_store_story_changes_flush(st), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms"), 5);
    sl_buf why = SL_BUF_INIT;
    CHECK_INT(sl_store_story_terms_verify(st, &why), 0);
    CHECK_STR(sl_buf_cstr(&why), "");
    sl_buf_free(&why);
    drop_store(st, path);
}

/* A term the store has no id for is remembered as such: asked again, the
 * store is not read (here its table of counts is gone meanwhile); the id
 * given to it later takes the note's place. */
TEST(store_dict_remembers_a_term_without_id)
{
    OPEN_STORE(st, path);
    if (!(st = writer_again(st, path)))
        return;
    const uint64_t term = 0x9000000000000044u;
    uint32_t id = 7;
    CHECK_INT(sl_store_dict_find(st, term, &id), 0);
    CHECK_INT(id, 0);
    CHECK_INT(sqlite3_exec(st->db, "ALTER TABLE terms RENAME TO terms_away", NULL, NULL, NULL), SQLITE_OK);
    id = 7;
    CHECK_INT(sl_store_dict_find(st, term, &id), 0);
    CHECK_INT(id, 0);
    CHECK_INT(sqlite3_exec(st->db, "ALTER TABLE terms_away RENAME TO terms", NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(sl_store_dict_give(st, term, &id), 0);
    CHECK(id > 0);
    uint32_t found = 0, again = 0;
    CHECK_INT(sl_store_dict_find(st, term, &found), 0);
    CHECK_INT(found, id);
    CHECK_INT(sl_store_dict_id(st, term, &again), 0);
    CHECK_INT(again, id);
    drop_store(st, path);
}

/* The dictionary turns an id back into its term by reading the block of
 * ids around it, once: the other ids of the block are then answered from
 * memory, the same terms as one read each; an id the table lacks is a
 * damaged store. */
TEST(store_dict_terms_read_by_blocks)
{
    OPEN_STORE(st, path);
    uint32_t ids[40];
    for (uint32_t k = 0; k < 40; k++)
        CHECK_INT(sl_store_dict_give(st, 0x9000000000000100u + k, &ids[k]), 0);
    CHECK_INT(sl_store_dict_flush(st), 0);
    CHECK_INT(sl_store_commit(st), 0);
    sl_store_close(st);
    st = NULL;
    CHECK_INT(sl_store_open(&st, path, 0, NULL), 0); /* a new writer: nothing in memory */
    if (!st)
        return;
    statement_count reads = {"SELECT id, term FROM term_dict", 0};
    count_statements(st, &reads);
    uint64_t term = 0;
    for (uint32_t k = 40; k-- > 0;) {
        CHECK_INT(sl_store_dict_term(st, ids[k], &term), 0);
        CHECK(term == 0x9000000000000100u + k);
    }
    CHECK_INT(reads.n, 11); /* ids 1 to 40: the blocks of 4 (TERM_BLOCK) from 0-3 to 40-43 */
    CHECK_INT(sl_store_dict_term(st, ids[39] + 1, &term), SL_ESTORE);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    uint32_t found = 0;
    CHECK_INT(sl_store_dict_find(st, 0x9000000000000100u + 39, &found), 0);
    CHECK_INT(found, ids[39]);
    CHECK_INT(sl_store_commit(st), 0);
    sl_store_close(st);
    st = NULL;
    CHECK_INT(sl_store_open(&st, path, 0, NULL), 0); /* an id gone from mid-block: */
    if (!st)
        return;
    CHECK_INT(sqlite3_exec(st->db, "DELETE FROM term_dict WHERE id = 6", NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(sl_store_dict_term(st, 5, &term), 0); /* its block's others read */
    CHECK(term == 0x9000000000000100u + 4);
    CHECK_INT(sl_store_dict_term(st, 7, &term), 0);
    CHECK(term == 0x9000000000000100u + 6);
    CHECK_INT(sl_store_dict_term(st, 6, &term), SL_ESTORE); /* it alone is damage */
    drop_store(st, path);
}

/* A term's count read from the store brings its id (or that it has none)
 * into the dictionary: the dictionary does not read the term's row again. */
TEST(store_df_read_teaches_the_dictionary)
{
    OPEN_STORE(st, path);
    const uint64_t known = 0x9000000000000055u, alone = 0x9000000000000066u;
    uint32_t id = 0, df = 0;
    CHECK_INT(sl_store_dict_give(st, known, &id), 0);
    CHECK_INT(sl_store_dict_flush(st), 0);
    if (!(st = writer_again(st, path)))
        return;
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){known}, 1, &df), 0);
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){alone}, 1, &df), 0);
    CHECK_INT(df, 0);
    CHECK_INT(sqlite3_exec(st->db, "ALTER TABLE terms RENAME TO terms_away", NULL, NULL, NULL), SQLITE_OK);
    uint32_t found = 0, none = 9;
    CHECK_INT(sl_store_dict_find(st, known, &found), 0);
    CHECK_INT(found, id);
    CHECK_INT(sl_store_dict_find(st, alone, &none), 0);
    CHECK_INT(none, 0);
    CHECK_INT(sqlite3_exec(st->db, "ALTER TABLE terms_away RENAME TO terms", NULL, NULL, NULL), SQLITE_OK);
    drop_store(st, path);
}

/* A term the store has a count for but no id is read once a batch: the
 * grouper's read of its count is what the dictionary then goes by (here
 * the table of counts is gone meanwhile), and the id it gives the term
 * (an earlier article has it) is the one a read would have given. A
 * write to the counts (a batch's, sl_store_df_add) forgets what was
 * read: the next read sees the new count. */
TEST(store_term_without_id_read_once_a_batch)
{
    OPEN_STORE(st, path);
    const uint64_t once = 0x9000000000000077u, later = 0x9000000000000088u;
    CHECK_INT(sl_store_df_add(st, &(sl_df_delta){once, 1}, 1), 0); /* an article stored it as itself */
    if (!(st = writer_again(st, path)))
        return;
    uint32_t df = 0, id = 0;
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){once}, 1, &df), 0);
    CHECK_INT(df, 1);
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){later}, 1, &df), 0);
    CHECK_INT(df, 0);
    statement_count reads = {"SELECT sum(df)", 0};
    count_statements(st, &reads);
    CHECK_INT(sqlite3_exec(st->db, "ALTER TABLE terms RENAME TO terms_away", NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(sl_store_dict_id(st, once, &id), 0);
    CHECK(id > 0); /* its second article: a new id */
    CHECK_INT(sqlite3_exec(st->db, "ALTER TABLE terms_away RENAME TO terms", NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(reads.n, 0);
    CHECK_INT(sl_store_df_add(st, &(sl_df_delta){later, 2}, 1), 0);
    uint32_t later_id = 0;
    CHECK_INT(sl_store_dict_id(st, later, &later_id), 0);
    CHECK_INT(reads.n, 1);
    CHECK(later_id > 0); /* stored in two articles now: read again, it has a count */
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    drop_store(st, path);
}

/* In a batch a story's story_terms rows change at the commit, once, from
 * its centroid before the batch to its last: a term that came and went is
 * never written. A read of a term a pending change adds or removes sees
 * it (that story's change is written, another's stays pending); a
 * rollback forgets the changes. */
TEST(store_story_terms_changed_once_a_batch)
{
    OPEN_STORE(st, path);
    const uint64_t a = 0x9000000000000011u, b = 0x9000000000000022u, c = 0x9000000000000033u;
    sl_weighted_term ab[] = {{a, 1}, {b, 1}}, ac[] = {{a, 1}, {c, 1}}, only_c[] = {{c, 1}};
    unsigned char packed[2 * SL_CENTROID_TERM_BYTES];
    CHECK_INT(sl_store_story_terms_put(st, 3, packed, sl_centroid_pack(ab, 2, packed)), 0);
    set_centroid(st, 3, ab, 2, packed);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms"), 0); /* not yet written */
    CHECK_INT(sl_store_story_terms_put(st, 3, packed, sl_centroid_pack(ac, 2, packed)), 0);
    set_centroid(st, 3, ac, 2, packed);
    int total = sqlite3_total_changes(st->db);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(sqlite3_total_changes(st->db) - total, 3); /* a and c (b never written), the norm */
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms WHERE story = 3"), 2);
    CHECK_INT(sl_store_begin(st), 0);
    CHECK_INT(sl_store_story_terms_put(st, 3, packed, sl_centroid_pack(only_c, 1, packed)), 0);
    set_centroid(st, 3, only_c, 1, packed);
    sl_weighted_term only_b[] = {{b, 1}};
    CHECK_INT(sl_store_story_terms_put(st, 4, packed, sl_centroid_pack(only_b, 1, packed)), 0);
    int64_t ids[4];
    float weights[4];
    size_t n = 9;
    CHECK_INT(sl_store_story_terms_recent(st, a, 4, ids, weights, &n), 0); /* a read of a removed term */
    CHECK_INT((int64_t)n, 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms WHERE story = 3"), 1); /* c */
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms WHERE story = 4"), 0); /* still pending */
    CHECK_INT(sl_store_story_terms_put(st, 3, packed, sl_centroid_pack(ab, 2, packed)), 0);
    CHECK_INT(sl_store_rollback(st), 0);
    CHECK_INT(sl_store_begin(st), 0);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms WHERE story = 3"), 2);
    CHECK_INT(sl_store_story_terms_recent(st, c, 4, ids, weights, &n), 0);
    CHECK_INT((int64_t)n, 1);
    CHECK_INT(ids[0], 3);
    drop_store(st, path);
}

/* From schema 26 a list read gives each story's weight of the term and the
 * store each story's norm: from the pending change while a batch holds
 * one (the rows are behind it), from the rows and story_norms after the
 * commit; a kept term whose weight moved has its row's weight changed,
 * and a story left without terms loses its norm. */
TEST(store_story_terms_weighed_and_normed)
{
    OPEN_STORE(st, path);
    const uint64_t a = 0x9000000000000041u, b = 0x9000000000000052u;
    sl_weighted_term first[] = {{a, 0.75f}, {b, 2.5f}}, second[] = {{a, 1.75f}, {b, 2.5f}};
    unsigned char packed[2 * SL_CENTROID_TERM_BYTES];
    int64_t ids[4];
    float weights[4];
    size_t n = 0;
    double norm = 0, want = sqrt(0.75 * 0.75 + 2.5 * 2.5), moved = sqrt(1.75 * 1.75 + 2.5 * 2.5);
    CHECK_INT(sl_store_begin(st), 0);
    CHECK_INT(sl_store_story_terms_put(st, 7, packed, sl_centroid_pack(first, 2, packed)), 0);
    set_centroid(st, 7, first, 2, packed);
    CHECK_INT(sl_store_story_norm(st, 7, &norm), 0);
    CHECK(norm == want); /* pending: from memory */
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(sl_store_story_norm(st, 7, &norm), 0);
    CHECK(norm == want); /* from story_norms */
    CHECK_INT(sl_store_begin(st), 0);
    CHECK_INT(sl_store_story_terms_put(st, 7, packed, sl_centroid_pack(second, 2, packed)), 0);
    set_centroid(st, 7, second, 2, packed);
    CHECK_INT(sl_store_story_terms_recent(st, a, 4, ids, weights, &n), 0);
    CHECK_INT((int64_t)n, 1);
    CHECK(n == 1 && ids[0] == 7 && weights[0] == 1.75f); /* the pending weight, not the row's */
    CHECK_INT(sl_store_story_norm(st, 7, &norm), 0);
    CHECK(norm == moved);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(count_rows(st, "SELECT weight FROM story_terms WHERE story = 7 ORDER BY term LIMIT 1"),
              0x3FE00000); /* 1.75f's bits */
    CHECK_INT(sl_store_story_terms_recent(st, b, 4, ids, weights, &n), 0);
    CHECK(n == 1 && weights[0] == 2.5f);
    CHECK_INT(sl_store_story_norm(st, 7, &norm), 0);
    CHECK(norm == moved);
    sl_buf why = SL_BUF_INIT;
    CHECK_INT(sl_store_story_terms_verify(st, &why), 0);
    CHECK_INT(sl_store_story_norms_verify(st, &why), 0);
    CHECK_INT(sl_store_story_terms_put(st, 7, NULL, 0), 0); /* merged away: no terms */
    CHECK_INT(sl_store_story_norm(st, 7, &norm), 0);
    CHECK(norm == 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_norms"), 0);
    sl_buf_free(&why);
    drop_store(st, path);
}
