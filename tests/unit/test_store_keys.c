/* test_store_keys.c — the store's keyed rows (src/store/): a story's
 * centroid by its terms (from schema 25, read without the dictionary; by
 * their term_dict ids in schemas 19 to 24, which migration 25 reads), its
 * story_terms rows naming terms by their term_dict ids (and by their
 * hashes where there is none), the dictionary remembering
 * terms without an id and reading ids back by blocks, a batch's story_terms
 * changes written once at the commit, a copy sketch's keys held by their
 * ranks, and a copy key's row holding the article's key count with the
 * article and no flag bits. */
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
