/* test_store.c — the store (src/store/): an article's facts written as one
 * packed row read back item for item, whatever their strings and values (the
 * common words by their place in a list, whole values as varints); its
 * sentence offsets packed as varints and read back exactly, whatever they
 * are; a new version taking out exactly its own short lines by the prefixes
 * its row lists, whichever of line_articles and line_articles_recent holds
 * them; the recent tables' rows (short lines, copy keys, term counts) read
 * with the large tables' and moved into them by the commit that finds the
 * merge due, and only then; a
 * corrupt row reported instead of misread; whole-table reads at open done
 * through a small page cache, the writer's cache set back after; an
 * article's rows inserted by one statement all landing once, and a batch's
 * term counts added by one; the table sl_rows read only with its rows; a
 * failed read's reason kept through the reset of the walk it was in.
 * The keyed rows (dictionary ids, sketch and copy keys): test_store_keys.c;
 * the chrome stage's line counts: test_store_lines.c. */
#include <fcntl.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "copies/copies.h"
#include "store/store_internal.h"
#include "store_fixture.h"
#include "test.h"
#include "util/date.h"

static void free_items(sl_fact_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(items[i].text);
        free(items[i].about);
        free(items[i].detail);
        free(items[i].role);
    }
    free(items);
}

static int same_string(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

TEST(store_facts_packed_round_trip)
{
    OPEN_STORE(st, path);
    sl_fact_item items[] = {
        /* words at the span and a name equal to them: both left out, read back */
        {.kind = SL_FACT_ENTITY, .span = {11, 21}, .sentence = {0, 49}, .text = "Aila Brenn",
         .about = "Aila Brenn", .detail = "person", .role = "Councillor", .approx = '='},
        /* words that are not the text at the span, values, an empty role */
        {.kind = SL_FACT_NUMBER, .span = {41, 48}, .sentence = {0, 49}, .text = "3 times!",
         .about = "times", .detail = "", .role = "", .value = 3, .value_hi = -0.0, .approx = '~'},
        /* a span past the text, no strings, large offsets, an infinite value */
        {.kind = SL_FACT_DATE, .span = {400000, 4000000000u}, .source = {7, 9},
         .value = INFINITY, .approx = '>'},
        /* approx unset is stored as '=' (as the rows of one item each were) */
        {.kind = SL_FACT_QUOTE, .span = {0, 10}, .text = "Councillor", .about = "Aila Brenn"},
    };
    size_t n = sizeof items / sizeof items[0];
    CHECK_INT(sl_store_facts_put(st, 1, store_fixture_text, strlen(store_fixture_text), items, n), 0);
    sl_fact_item *got = NULL;
    size_t n_got = 0;
    CHECK_INT(sl_store_facts_get(st, 0, 1, -1, &got, &n_got), 0);
    CHECK_INT(n_got, n);
    for (size_t i = 0; i < n && i < n_got; i++) {
        const sl_fact_item *a = &items[i], *b = &got[i];
        CHECK_INT(b->article_id, 1);
        CHECK_INT(b->kind, a->kind);
        CHECK(b->span.start == a->span.start && b->span.end == a->span.end);
        CHECK(b->sentence.start == a->sentence.start && b->sentence.end == a->sentence.end);
        CHECK(b->source.start == a->source.start && b->source.end == a->source.end);
        CHECK(memcmp(&b->value, &a->value, sizeof a->value) == 0);
        CHECK(memcmp(&b->value_hi, &a->value_hi, sizeof a->value_hi) == 0);
        CHECK_INT(b->approx, a->approx ? a->approx : '=');
        CHECK(same_string(b->text, a->text));
        CHECK(same_string(b->about, a->about));
        CHECK(same_string(b->detail, a->detail));
        CHECK(same_string(b->role, a->role));
    }
    free_items(got, n_got);
    /* one kind only */
    CHECK_INT(sl_store_facts_get(st, 0, 1, SL_FACT_NUMBER, &got, &n_got), 0);
    CHECK_INT(n_got, 1);
    if (n_got == 1)
        CHECK_STR(got[0].text, "3 times!");
    free_items(got, n_got);
    /* no items: the row goes */
    CHECK_INT(sl_store_facts_put(st, 1, store_fixture_text, strlen(store_fixture_text), NULL, 0), 0);
    CHECK_INT(sl_store_facts_get(st, 0, 1, -1, &got, &n_got), 0);
    CHECK_INT(n_got, 0);
    free(got);
    drop_store(st, path);
}

/* Reads back article 1's items and checks they are `items`, bit for bit. */
static void check_facts_read_back(sl_store *st, const sl_fact_item *items, size_t n)
{
    sl_fact_item *got = NULL;
    size_t n_got = 0;
    CHECK_INT(sl_store_facts_get(st, 0, 1, -1, &got, &n_got), 0);
    CHECK_INT(n_got, n);
    for (size_t i = 0; i < n && i < n_got; i++) {
        CHECK(memcmp(&got[i].value, &items[i].value, sizeof items[i].value) == 0);
        CHECK(memcmp(&got[i].value_hi, &items[i].value_hi, sizeof items[i].value_hi) == 0);
        CHECK(same_string(got[i].text, items[i].text));
        CHECK(same_string(got[i].about, items[i].about));
        CHECK(same_string(got[i].detail, items[i].detail));
        CHECK(same_string(got[i].role, items[i].role));
    }
    free_items(got, n_got);
}

/* Damages article 1's facts row by `update` (from another connection, as
 * another program would) and checks that reading it is an error. */
static void check_damaged_facts(sl_store *st, const char *path, const char *update)
{
    sqlite3 *db = NULL;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, update, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    sl_fact_item *got = NULL;
    size_t n_got = 0;
    CHECK_INT(sl_store_facts_get(st, 0, 1, -1, &got, &n_got), SL_ESTORE);
    CHECK(got == NULL);
}

/* The first column of the first row `sql` gives in the store at path as
 * an int, -1 when it gives none. */
static int query_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    int n = -1;
    if (sqlite3_open(path, &db) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

/* The bytes of article 1's packed facts. */
static int facts_bytes(const char *path)
{
    return query_int(path, "SELECT length(items) FROM facts WHERE article_id = 1");
}

TEST(store_facts_words_and_whole_values_read_back_exactly)
{
    OPEN_STORE(st, path);
    sl_fact_item items[] = {
        /* words of the list, a word's prefix and a longer string, an empty one */
        {.kind = SL_FACT_ENTITY, .detail = "organization", .role = "chairman", .about = "dollars"},
        {.kind = SL_FACT_NUMBER, .detail = "dollar per share2", .role = "", .text = "person"},
        /* whole values at and past what a varint holds exactly, and others */
        {.kind = SL_FACT_NUMBER, .value = 9007199254740992.0, .value_hi = -9007199254740992.0},
        {.kind = SL_FACT_NUMBER, .value = 9007199254740994.0, .value_hi = -1},
        {.kind = SL_FACT_NUMBER, .value = 1e300, .value_hi = -0.0},
        {.kind = SL_FACT_NUMBER, .value = NAN, .value_hi = 0.5},
        {.kind = SL_FACT_NUMBER, .value = -INFINITY, .value_hi = 123456789012.0},
    };
    size_t n = sizeof items / sizeof items[0];
    CHECK_INT(sl_store_facts_put(st, 1, store_fixture_text, strlen(store_fixture_text), items, n), 0);
    check_facts_read_back(st, items, n);
    CHECK_INT(sl_store_commit(st), 0);
    /* a word of the list and a small whole value take a byte each */
    sl_fact_item word = {.kind = SL_FACT_NUMBER, .detail = "percentage", .value = 3};
    sl_fact_item other = {.kind = SL_FACT_NUMBER, .detail = "percentagf", .value = 3.5};
    CHECK_INT(sl_store_facts_put(st, 1, store_fixture_text, strlen(store_fixture_text), &word, 1), 0);
    CHECK_INT(sl_store_commit(st), 0);
    int small = facts_bytes(path);
    CHECK_INT(sl_store_facts_put(st, 1, store_fixture_text, strlen(store_fixture_text), &other, 1), 0);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(facts_bytes(path), small + 10 + 1); /* 3.5 as 35 / 10 from schema 27: 2 bytes */
    /* a word's place past the list is a damaged row, not a misread */
    check_damaged_facts(st, path, "UPDATE facts SET items = x'01003d00000000000000007f00'");
    drop_store(st, path);
}

TEST(store_sentences_packed_round_trip)
{
    OPEN_STORE(st, path);
    /* in order, empty, overlapping, an end before its start, far apart */
    const sl_span spans[] = {{0, 30}, {31, 49}, {49, 49}, {40, 45}, {20, 10}, {7, 4000000000u},
                             {300000, 300200}};
    size_t n = sizeof spans / sizeof spans[0];
    sl_article_row row = {.text = store_fixture_text, .published_day = SL_NO_DAY, .story_id = 1,
                          .identity = "key:unit/2", .sentences = spans, .n_sentences = n};
    int64_t id = 0;
    CHECK_INT(sl_store_article_insert(st, &row, &id), 0);
    sl_article *a = NULL;
    CHECK_INT(sl_store_article_get(st, id, &a), 0);
    CHECK_INT(a ? a->n_sentences : 0, n);
    for (size_t i = 0; a && i < n && i < a->n_sentences; i++)
        CHECK(a->sentences[i].start == spans[i].start && a->sentences[i].end == spans[i].end);
    sl_article_free(a);
    /* the first three sentences take 2 bytes each, not 8 */
    sqlite3_stmt *s = NULL;
    CHECK_INT(sqlite3_prepare_v2(st->db, "SELECT length(sentences) FROM articles WHERE id = 2", -1,
                                 &s, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(s), SQLITE_ROW);
    CHECK(sqlite3_column_int(s, 0) < (int)(n * sizeof(sl_span)));
    sqlite3_finalize(s);
    drop_store(st, path);
}

/* Every (line, article) pair, in whichever table it is. */
#define PAIRS "(SELECT * FROM line_articles UNION ALL SELECT * FROM line_articles_recent)"

/* Pairs of article `id` (0: all); of line_articles alone when `merged`. */
static int line_pairs_in(sl_store *st, int64_t id, int merged)
{
    sqlite3_stmt *s = NULL;
    int n = -1;
    if (sqlite3_prepare_v2(st->db,
                           merged ? "SELECT count(*) FROM line_articles WHERE ?1 = 0 OR article_id = ?1"
                                  : "SELECT count(*) FROM " PAIRS " WHERE ?1 = 0 OR article_id = ?1",
                           -1, &s, NULL) == SQLITE_OK &&
        sqlite3_bind_int64(s, 1, id) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

static int line_pairs(sl_store *st, int64_t id) { return line_pairs_in(st, id, 0); }

/* The articles other than `self` carrying line SL_TEST_LINE(line), up to 10. */
static uint32_t carriers_but(sl_store *st, int64_t line, int64_t self)
{
    uint64_t hash = (uint64_t)SL_TEST_LINE(line);
    uint32_t n = 0;
    CHECK_INT(sl_store_lines_count(st, &hash, 1, self, 10, &n), 0);
    return n;
}

static uint32_t carriers(sl_store *st, int64_t line) { return carriers_but(st, line, 0); }

TEST(store_lines_cleared_by_prefix_exactly)
{
    OPEN_STORE(st, path);
    /* two lines under one prefix, the highest and lowest prefixes; another
     * article carries a third line under the first prefix, and one of the
     * same lines */
    const int64_t mine[] = {SL_TEST_LINE(0x100000005), SL_TEST_LINE(0x100000009), INT64_MAX, -1,
                            INT64_MIN};
    const int64_t other[] = {SL_TEST_LINE(0x100000007), SL_TEST_LINE(0x100000009)};
    sl_article_row row = {.text = store_fixture_text, .published_day = SL_NO_DAY, .story_id = 1,
                          .identity = "key:unit/2", .lines = mine, .n_lines = 5};
    int64_t id = 0, other_id = 0;
    CHECK_INT(sl_store_article_insert(st, &row, &id), 0);
    /* its pairs in line_articles, the other's in line_articles_recent */
    CHECK_INT(sl_store_recent_merge(st), 0);
    CHECK_INT(line_pairs_in(st, id, 1), 5);
    row = (sl_article_row){.text = store_fixture_text, .published_day = SL_NO_DAY, .story_id = 1,
                           .identity = "key:unit/3", .lines = other, .n_lines = 2};
    CHECK_INT(sl_store_article_insert(st, &row, &other_id), 0);
    CHECK_INT(line_pairs_in(st, other_id, 1), 0);
    CHECK_INT(sl_store_lines_flush(st), 0); /* the pairs a batch keeps until its commit */
    CHECK_INT(line_pairs(st, id), 5);
    CHECK_INT(line_pairs(st, other_id), 2);
    CHECK_INT(sl_store_lines_clear(st, id), 0);
    CHECK_INT(line_pairs(st, id), 0);
    CHECK_INT(line_pairs(st, other_id), 2);
    CHECK_INT(line_pairs(st, 0), 2);
    /* and the other way round: a new version's pairs still recent */
    CHECK_INT(sl_store_lines_clear(st, other_id), 0);
    CHECK_INT(line_pairs(st, 0), 0);
    drop_store(st, path);
}

/* The merge is due when the articles with recent pairs, squared, reach
 * 1,000 times the articles stored. */
TEST(store_recent_merge_due_by_the_square_root_rule)
{
    CHECK_INT(sl_store_recent_due(1, 999), 0);
    CHECK_INT(sl_store_recent_due(1, 1000), 1);
    CHECK_INT(sl_store_recent_due(9000, 10000), 0);  /* 1,001 articles of 10,000 */
    CHECK_INT(sl_store_recent_due(6839, 10000), 0);  /* 3,162 */
    CHECK_INT(sl_store_recent_due(6838, 10000), 1);  /* 3,163 */
    CHECK_INT(sl_store_recent_due(0, 10000), 0);     /* none recent */
    CHECK_INT(sl_store_recent_due(10001, 10000), 0);
}

/* Inserts an article row with id `id` (the store's last when highest). */
static void add_article_row(sl_store *st, int64_t id)
{
    sqlite3_stmt *s = NULL;
    CHECK_INT(sqlite3_prepare_v2(st->db, "INSERT INTO articles(id, text, content_hash, ingested_at,"
                                 " sentences, story_id) SELECT ?1, text, 1, 0, x'', 1"
                                 " FROM articles WHERE id = 1", -1, &s, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_bind_int64(s, 1, id), SQLITE_OK);
    CHECK_INT(sqlite3_step(s), SQLITE_DONE);
    sqlite3_finalize(s);
}

/* The term tables known empty in a batch (speed24, recent.c) are read
 * again after another writer's commit between batches, and after the
 * batch's own counts and merge (branch rev31b). */
TEST(store_df_known_empty_tables_read_again_after_writes)
{
    OPEN_STORE(st, path);
    const uint64_t asked[] = {77, 78, 80};
    uint32_t dfs[3] = {9, 9, 9};
    CHECK_INT(sl_store_df_get(st, asked, 3, dfs), 0); /* terms and terms_recent empty */
    CHECK_INT(dfs[0] + dfs[1] + dfs[2], 0);
    CHECK_INT(sl_store_commit(st), 0);
    sl_store *other = NULL;
    CHECK_INT(sl_store_open(&other, path, 0, NULL), 0);
    CHECK_INT(sl_store_begin(other), 0);
    CHECK_INT(sl_store_df_add(other, &(sl_df_delta){77, 4}, 1), 0);
    CHECK_INT(sl_store_recent_merge(other), 0); /* into terms */
    CHECK_INT(sl_store_df_add(other, &(sl_df_delta){78, 2}, 1), 0);
    CHECK_INT(sl_store_commit(other), 0);
    sl_store_close(other);
    CHECK_INT(sl_store_begin(st), 0);
    CHECK_INT(sl_store_df_get(st, asked, 3, dfs), 0);
    CHECK_INT(dfs[0], 4);
    CHECK_INT(dfs[1], 2);
    CHECK_INT(sl_store_recent_merge(st), 0); /* terms_recent empty again */
    CHECK_INT(sl_store_df_get(st, asked, 3, dfs), 0);
    CHECK_INT(dfs[2], 0);
    CHECK_INT(sl_store_df_add(st, &(sl_df_delta){80, 3}, 1), 0);
    CHECK_INT(sl_store_df_get(st, asked, 3, dfs), 0);
    CHECK_INT(dfs[0], 4);
    CHECK_INT(dfs[1], 2);
    CHECK_INT(dfs[2], 3);
    drop_store(st, path);
}

/* A commit leaves the recent rows where they are until the merge is due,
 * then moves every one into the large tables, and writes the batch's kept
 * rows and its counts there, not into the recent ones; what is read is the
 * same before and after. The cycle begins at the last article stored when its first
 * row goes in. */
TEST(store_recent_rows_merged_at_the_commit_due)
{
    OPEN_STORE(st, path);
    add_article_row(st, 1000);
    const int64_t lines[] = {SL_TEST_LINE(7), SL_TEST_LINE(8), SL_TEST_LINE(9)},
                  later[] = {SL_TEST_LINE(8), SL_TEST_LINE(10)};
    const uint32_t keys[] = {0x100, 0x200}; /* codes of distinct terms (SL_TERM_ID) */
    CHECK_INT(sl_store_lines_add(st, 1000, lines, 3), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 1000, keys, 2), 0);
    CHECK_INT(sl_store_df_add(st, &(sl_df_delta){77, 2}, 1), 0);
    CHECK_INT(sl_store_commit(st), 0); /* one article recent of 1,000: not due */
    CHECK_INT(count_rows(st, "SELECT first FROM recent_cycle"), 1000);
    CHECK_INT(line_pairs_in(st, 0, 1), 0);
    CHECK_INT(line_pairs(st, 0), 3);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys"), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM terms"), 0);
    CHECK_INT(sl_store_begin(st), 0);
    add_article_row(st, 5000);
    CHECK_INT(sl_store_lines_add(st, 5000, later, 2), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 5000, keys, 1), 0);
    CHECK_INT(sl_store_df_add(st, &(sl_df_delta){77, 3}, 1), 0);
    CHECK_INT(count_rows(st, "SELECT df FROM terms WHERE id = 77"), 5); /* the commit will merge */
    uint32_t df = 0, ids[4];
    uint8_t n_keys[4];
    size_t found = 0;
    CHECK_INT(carriers(st, 8), 2);
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){77}, 1, &df), 0);
    CHECK_INT(df, 5);
    CHECK_INT(count_rows(st, "SELECT first FROM recent_cycle"), 1000);
    statement_count recent_keys = {"INSERT OR IGNORE INTO copy_keys_recent", 0};
    count_statements(st, &recent_keys);
    CHECK_INT(sl_store_commit(st), 0); /* articles 1,000 to 5,000 recent: due */
    CHECK_INT(recent_keys.n, 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM recent_cycle"), 0);
    CHECK_INT(line_pairs_in(st, 0, 1), 5);
    CHECK_INT(line_pairs(st, 0), 5);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys"), 3);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys_recent"), 0);
    CHECK_INT(count_rows(st, "SELECT df FROM terms WHERE id = 77"), 5);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM terms_recent"), 0);
    CHECK_INT(carriers(st, 8), 2);
    CHECK_INT(carriers_but(st, 8, 1000), 1);
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){77}, 1, &df), 0);
    CHECK_INT(df, 5);
    CHECK_INT(sl_store_copy_keys_recent(st, &(const uint32_t){SL_TERM_ID(0x100)}, 1, 4, ids, n_keys, &found), 0);
    CHECK_INT(found, 2);
    CHECK_INT(ids[0], 5000);
    drop_store(st, path);
}

/* The cycle outlives the run that began it: the next run merges by it
 * (begun at 1,000 of 10,000: due), where a cycle begun by its own rows
 * would not be (at 10,000). A new version of an older article adding rows
 * does not move the cycle back (begun at 1 of 1,000 it would be due). */
TEST(store_recent_cycle_kept_across_runs)
{
    OPEN_STORE(st, path);
    const int64_t lines[] = {SL_TEST_LINE(7)}, old_lines[] = {SL_TEST_LINE(11)};
    add_article_row(st, 1000);
    CHECK_INT(sl_store_lines_add(st, 1000, lines, 1), 0);
    CHECK_INT(sl_store_lines_add(st, 1, old_lines, 1), 0); /* a new version of article 1 */
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(count_rows(st, "SELECT first FROM recent_cycle"), 1000);
    CHECK_INT(line_pairs_in(st, 0, 1), 0);
    sl_store_close(st);
    st = NULL;
    CHECK_INT(sl_store_open(&st, path, 0, NULL), 0);
    CHECK_INT(sl_store_begin(st), 0);
    add_article_row(st, 10000);
    CHECK_INT(sl_store_lines_add(st, 10000, lines, 1), 0);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(line_pairs_in(st, 0, 1), 3);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM recent_cycle"), 0);
    drop_store(st, path);
}

/* The batch's notes of terms read with no id are capped like the
 * dictionary's others: a large batch cannot grow them without bound. */
TEST(store_unnumbered_terms_capped)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/sl-unit-unnumbered-%d.db", (int)getpid());
    remove_store_files(path);
    sl_store *st = NULL;
    CHECK_INT(sl_store_open(&st, path, 0, NULL), 0);
    CHECK_INT(sl_store_begin(st), 0);
    enum { CHUNK = 4096 };
    static uint64_t terms[CHUNK];
    static uint32_t dfs[CHUNK];
    size_t most = 0;
    for (uint64_t t = 1; t <= SL_STORE_NOTES_MAX + 2 * CHUNK; t += CHUNK) {
        for (size_t i = 0; i < CHUNK; i++)
            terms[i] = t + i;
        CHECK_INT(sl_store_df_get(st, terms, CHUNK, dfs), 0);
        most = st->dict.unnumbered.used > most ? st->dict.unnumbered.used : most;
    }
    CHECK(most > 0 && most <= SL_STORE_NOTES_MAX);
    drop_store(st, path);
}

/* In a batch a terms table known empty is not read (a young store's
 * terms, terms_recent after a merge); the counts written at a commit and a
 * merge make both read again. */
TEST(store_terms_counts_skip_the_empty_tables)
{
    OPEN_STORE(st, path);
    const uint64_t terms[] = {9101, 9102};
    uint32_t dfs[2] = {7, 7};
    statement_count large = {"SELECT r.rowid, t.df, t.dict_id FROM sl_rows(?1) r CROSS JOIN terms t", 0};
    statement_count recent = {"SELECT r.rowid, t.df, t.dict_id FROM sl_rows(?1) r CROSS JOIN terms_recent", 0};
    count_statements(st, &large);
    CHECK_INT(sl_store_df_get(st, terms, 2, dfs), 0);
    count_statements(st, &recent);
    CHECK_INT(sl_store_df_get(st, terms, 2, dfs), 0);
    CHECK_INT(large.n + recent.n, 0);
    CHECK_INT(dfs[0], 0);
    const sl_df_delta deltas[] = {{9101, 2}};
    CHECK_INT(sl_store_df_add(st, deltas, 1), 0);
    CHECK_INT(sl_store_df_get(st, terms, 2, dfs), 0);
    CHECK_INT(recent.n, 1);
    CHECK_INT(dfs[0], 2);
    CHECK_INT(sl_store_recent_merge(st), 0);
    count_statements(st, &large);
    CHECK_INT(sl_store_df_get(st, terms, 2, dfs), 0);
    CHECK_INT(large.n, 1);
    CHECK_INT(dfs[0], 2);
    CHECK_INT(dfs[1], 0);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    drop_store(st, path);
}

/* A term's count is the sum of its rows in terms and terms_recent, and a
 * key's postings those of both copy key tables, newest first. */
TEST(store_recent_rows_read_with_the_large_tables)
{
    OPEN_STORE(st, path);
    uint32_t df = 0, ids[4];
    uint8_t n_keys[4];
    size_t found = 0;
    const uint32_t keys[] = {21};
    CHECK_INT(sl_store_df_add(st, &(sl_df_delta){99, 4}, 1), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 3, keys, 1), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 9, keys, 1), 0);
    CHECK_INT(sl_store_recent_merge(st), 0);
    CHECK_INT(sl_store_df_add(st, &(sl_df_delta){99, 1}, 1), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 5, keys, 1), 0);
    CHECK_INT(sl_store_copy_keys_put(st, 12, keys, 1), 0);
    CHECK_INT(count_rows(st, "SELECT df FROM terms WHERE id = 99"), 4);
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){99}, 1, &df), 0);
    CHECK_INT(df, 5);
    CHECK_INT(sl_store_copy_keys_recent(st, &(const uint32_t){SL_TERM_ID(21)}, 1, 3, ids, n_keys, &found), 0);
    CHECK_INT(found, 3);
    CHECK_INT(ids[0], 12);
    CHECK_INT(ids[1], 9);
    CHECK_INT(ids[2], 5);
    drop_store(st, path);
}

TEST(store_facts_corrupt_row_is_an_error)
{
    OPEN_STORE(st, path);
    sl_fact_item item = {.kind = SL_FACT_NUMBER, .span = {41, 48}, .text = "3 times!",
                         .about = "times", .value = 3};
    CHECK_INT(sl_store_facts_put(st, 1, store_fixture_text, strlen(store_fixture_text), &item, 1), 0);
    CHECK_INT(sl_store_commit(st), 0);
    /* the row cut short by another program: its last string runs past the end */
    check_damaged_facts(st, path, "UPDATE facts SET items = substr(items, 1, length(items) - 3)");
    drop_store(st, path);
}

/* A read that fails inside a walk over the articles' ids (the export's):
 * its reason outlives the walk's reset of its own statement
 * (sl_store_rows_end; it was "not an error"), until the next statement. */
static const char Q_MISSING_TABLE[] = "SELECT 1 FROM no_such_table";
static const char Q_ARTICLES_COUNTED[] = "SELECT count(*) FROM articles";

static int read_missing_table(void *ctx, int64_t id)
{
    (void)id;
    return sl_store_stmt(ctx, Q_MISSING_TABLE) ? 0 : SL_ESTORE;
}

TEST(store_walk_keeps_a_failed_reads_reason)
{
    OPEN_STORE(st, path);
    CHECK_INT(sl_store_article_ids_each(st, read_missing_table, st), SL_ESTORE);
    CHECK_STR(sl_store_errmsg(st), "no such table: no_such_table");
    CHECK(sl_store_stmt(st, Q_ARTICLES_COUNTED) != NULL);
    CHECK(strcmp(sl_store_errmsg(st), "no such table: no_such_table") != 0);
    drop_store(st, path);
}

/* A writer does not zero what it deletes (Debian's SQLite is built with
 * secure_delete on): the rows a batch takes out are gone all the same,
 * and SQLite finds the file whole. */
TEST(store_writer_leaves_deleted_bytes_unzeroed)
{
    OPEN_STORE(st, path);
    CHECK_INT(count_rows(st, "PRAGMA secure_delete"), 0);
    CHECK_INT(sl_store_begin(st), 0);
    static const int64_t lines[3] = {11, 22, 33};
    add_article_row(st, 7);
    CHECK_INT(sl_store_lines_add(st, 7, lines, 3), 0);
    CHECK_INT(sl_store_lines_flush(st), 0); /* the pairs a batch keeps until its commit */
    CHECK_INT(sqlite3_exec(st->db, "DELETE FROM line_articles_recent", NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM line_articles_recent"), 0);
    sqlite3_stmt *s = NULL;
    CHECK_INT(sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(s), SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(s, 0), "ok");
    sqlite3_finalize(s);
    drop_store(st, path);
}


/* A batch's rows go in by one statement (sl_store_exec_rows reads them
 * from the kept rows through the table sl_rows, held_rows.c), however
 * many: every row lands, and a line repeated within an article is one
 * row. A new version's lines leave one by one. */
TEST(store_rows_in_one_statement_all_land_once)
{
    OPEN_STORE(st, path);
    int64_t first[19], second[3] = {SL_TEST_LINE(105), SL_TEST_LINE(118), SL_TEST_LINE(900)};
    for (int i = 0; i < 19; i++)
        first[i] = SL_TEST_LINE(100 + i);
    first[8] = SL_TEST_LINE(107);  /* repeats */
    first[17] = SL_TEST_LINE(101);
    statement_count inserts = {"INSERT OR IGNORE INTO line_articles_recent", 0};
    count_statements(st, &inserts);
    CHECK_INT(sl_store_lines_add(st, 1, first, 19), 0);
    CHECK_INT(sl_store_lines_add(st, 2, second, 3), 0);
    CHECK_INT(inserts.n, 0); /* kept until the commit */
    CHECK_INT(sl_store_lines_flush(st), 0);
    CHECK_INT(inserts.n, 1); /* 22 rows, one statement (three, eight to a statement) */
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM " PAIRS " WHERE article_id = 1"), 17);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM " PAIRS " WHERE article_id = 2"), 3);
    CHECK_INT(carriers(st, 105), 2);
    CHECK_INT(carriers(st, 118), 2);
    CHECK_INT(carriers(st, 116), 1);
    CHECK_INT(carriers(st, 108), 0);
    CHECK_INT(carriers(st, 900), 1);
    /* a new version's lines leave by the list in its row; the others stay */
    sqlite3_stmt *s = NULL;
    CHECK_INT(sqlite3_prepare_v2(st->db, "UPDATE articles SET lines = ?1 WHERE id = 1", -1, &s, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_bind_blob(s, 1, first, sizeof first, SQLITE_STATIC), SQLITE_OK);
    CHECK_INT(sqlite3_step(s), SQLITE_DONE);
    sqlite3_finalize(s);
    CHECK_INT(sl_store_lines_clear(st, 1), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM " PAIRS " WHERE article_id = 1"), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM " PAIRS " WHERE article_id = 2"), 3);
    CHECK_INT(carriers(st, 105), 1);
    drop_store(st, path);
}

/* A batch's term counts go in by one statement, each added to the term's
 * count where it has one: in the recent table, and read with the large
 * table's. */
TEST(store_df_added_by_one_statement)
{
    OPEN_STORE(st, path);
    sl_df_delta first[40], second[40];
    for (uint64_t i = 0; i < 40; i++) {
        first[i] = (sl_df_delta){1000 + i, 1};
        second[i] = (sl_df_delta){1020 + i, (uint32_t)i + 1}; /* half of them counted before */
    }
    statement_count upserts = {"INSERT INTO terms_recent", 0};
    count_statements(st, &upserts);
    CHECK_INT(sl_store_df_add(st, first, 40), 0);
    CHECK_INT(upserts.n, 1);
    CHECK_INT(sl_store_recent_merge(st), 0);
    CHECK_INT(sl_store_df_add(st, second, 40), 0);
    CHECK_INT(upserts.n, 2);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    CHECK_INT(sl_store_df_add(st, NULL, 0), 0); /* nothing to add */
    uint32_t df = 0;
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){1000}, 1, &df), 0);
    CHECK_INT(df, 1);
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){1025}, 1, &df), 0);
    CHECK_INT(df, 1 + 6);
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){1059}, 1, &df), 0);
    CHECK_INT(df, 40);
    CHECK_INT(sl_store_df_get(st, &(const uint64_t){1060}, 1, &df), 0);
    CHECK_INT(df, 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM terms"), 40);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM terms_recent"), 40);
    drop_store(st, path);
}

/* The first merge copies the recent counts into an empty terms, with
 * their ids; a later one adds them to the counts there, and keeps an id
 * the large table has. */
TEST(store_first_merge_copies_the_term_counts)
{
    OPEN_STORE(st, path);
    sl_df_delta first[2] = {{3000, 1}, {3001, 2}}, second[2] = {{3001, 5}, {3002, 7}};
    CHECK_INT(sl_store_df_add(st, first, 2), 0);
    CHECK_INT(sqlite3_exec(st->db, "UPDATE terms_recent SET dict_id = 4 WHERE id = 3001", NULL,
                           NULL, NULL),
              SQLITE_OK);
    statement_count upserts = {"INSERT INTO terms SELECT * FROM terms_recent WHERE", 0};
    count_statements(st, &upserts);
    CHECK_INT(sl_store_recent_merge(st), 0);
    CHECK_INT(upserts.n, 0);
    CHECK_INT(sl_store_df_add(st, second, 2), 0);
    CHECK_INT(sl_store_recent_merge(st), 0);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    CHECK_INT(upserts.n, 1);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM terms_recent"), 0);
    CHECK_INT(count_rows(st, "SELECT group_concat(id || ':' || df || ':' || ifnull(dict_id, 0), ' ')"
                             " = '3000:1:0 3001:7:4 3002:7:0' FROM terms"),
              1);
    drop_store(st, path);
}

/* Many terms' counts are read by one statement a table, each term's the
 * sum of its rows in the two, 0 for a term neither has; a term asked
 * twice has its count twice. */
TEST(store_df_read_by_one_statement_a_table)
{
    OPEN_STORE(st, path);
    sl_df_delta first[3] = {{2000, 1}, {2001, 2}, {2002, 3}}, second[2] = {{2001, 5}, {2003, 7}};
    CHECK_INT(sl_store_df_add(st, first, 3), 0);
    CHECK_INT(sl_store_recent_merge(st), 0); /* into terms */
    CHECK_INT(sl_store_df_add(st, second, 2), 0); /* into terms_recent */
    const uint64_t asked[] = {2003, 2001, 2009, 2000, 2001, 2002};
    uint32_t dfs[6] = {9, 9, 9, 9, 9, 9};
    statement_count reads = {"SELECT r.rowid, t.df", 0};
    count_statements(st, &reads);
    CHECK_INT(sl_store_df_get(st, asked, 6, dfs), 0);
    CHECK_INT(reads.n, 2);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    const uint32_t want[] = {7, 2 + 5, 0, 1, 2 + 5, 3};
    for (int i = 0; i < 6; i++)
        CHECK_INT(dfs[i], want[i]);
    drop_store(st, path);
}

/* sl_rows gives the rows bound to it, and none without them: a query
 * that does not name its argument has no plan. */
TEST(store_rows_table_needs_its_rows)
{
    OPEN_STORE(st, path);
    sqlite3_stmt *s = NULL;
    CHECK(sqlite3_prepare_v2(st->db, "SELECT c0 FROM sl_rows", -1, &s, NULL) != SQLITE_OK);
    sqlite3_finalize(s);
    s = NULL;
    CHECK_INT(sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sl_rows(?1)", -1, &s, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_step(s), SQLITE_ROW); /* a NULL argument, not the rows' pointer */
    CHECK_INT(sqlite3_column_int(s, 0), 0);
    sqlite3_finalize(s);
    drop_store(st, path);
}

/* sl_process_init, which the CLI calls first, turns SQLite's memory
 * statistics off; a library's open alone leaves them as the host has them.
 * Each runs again as a process of its own (this binary, this test alone,
 * SL_UNIT_FIRST_OPEN=init or open), whose first use of SQLite is the call
 * or the open. */
static void statistics_child(const char *self, const char *mode, int *status)
{
    pid_t child = fork();
    if (child == 0) {
        int quiet = open("/dev/null", O_WRONLY); /* its "1 passed" line */
        if (quiet >= 0)
            dup2(quiet, STDOUT_FILENO);
        setenv("SL_UNIT_FIRST_OPEN", mode, 1);
        execl(self, "unit-tests", "store_statistics_off_only_when_asked", (char *)NULL);
        _exit(127);
    }
    *status = -1;
    if (waitpid(child, status, 0) != child)
        *status = -1;
}

TEST(store_statistics_off_only_when_asked)
{
    const char *mode = getenv("SL_UNIT_FIRST_OPEN");
    if (mode) {
        int init = !strcmp(mode, "init");
        if (init)
            CHECK_INT(sl_process_init(), 0);
        OPEN_STORE(st, path);
        CHECK(init ? sqlite3_memory_used() == 0 : sqlite3_memory_used() > 0);
        CHECK_INT(sl_process_init(), SL_EUSAGE); /* SQLite is in use now */
        drop_store(st, path);
        return;
    }
    char self[4096];
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1); /* valgrind's too gives ours */
    CHECK(len > 0);
    if (len <= 0)
        return;
    self[len] = '\0';
    for (int k = 0; k < 2; k++) {
        int status;
        statistics_child(self, k ? "open" : "init", &status);
        CHECK_INT(WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status), 0);
    }
}

/* The schema of the store at `path` as text: every sqlite_schema row
 * (type, name, table, SQL with each run of whitespace one space), by name,
 * then PRAGMA user_version; NULL when it does not read. */
static char *schema_text(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    sl_buf out = {0};
    int ok = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
             sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema"
                                    " ORDER BY name", -1, &s, NULL) == SQLITE_OK;
    while (ok && sqlite3_step(s) == SQLITE_ROW) {
        sl_buf_printf(&out, "%s|%s|%s|", sqlite3_column_text(s, 0), sqlite3_column_text(s, 1),
                      sqlite3_column_text(s, 2));
        int space = 0;
        for (const unsigned char *c = sqlite3_column_text(s, 3); *c; c++) {
            if (*c == ' ' || *c == '\n' || *c == '\t') {
                space = 1;
                continue;
            }
            if (space)
                sl_buf_putc(&out, ' ');
            sl_buf_putc(&out, (char)*c);
            space = 0;
        }
        sl_buf_putc(&out, '\n');
    }
    int version = -1;
    ok = ok && !sl_store_user_version(db, &version);
    sl_buf_printf(&out, "user_version %d\n", version);
    sqlite3_finalize(s);
    sqlite3_close(db);
    char *text = ok && !out.err ? strdup(sl_buf_cstr(&out)) : NULL;
    sl_buf_free(&out);
    return text;
}

/* Makes two stores under /tmp named by `tag`, each opened for writing and
 * closed: `fresh` from an empty file, `stepped` from one of schema 1 made by
 * plain SQLite, which every migration then runs on. 0 if both
 * opened. */
static int fresh_and_stepped(const char *tag, char *fresh, char *stepped, size_t size)
{
    snprintf(fresh, size, "/tmp/sl-unit-%s-fresh-%d.db", tag, (int)getpid());
    snprintf(stepped, size, "/tmp/sl-unit-%s-stepped-%d.db", tag, (int)getpid());
    remove(fresh);
    remove(stepped);
    sqlite3 *db = NULL;
    int bad = sqlite3_open(stepped, &db) != SQLITE_OK || sl_store_make_version1(db);
    sqlite3_close(db);
    sl_store *a = NULL, *b = NULL;
    bad = bad || sl_store_open(&a, fresh, 0, NULL) || sl_store_open(&b, stepped, 0, NULL);
    sl_store_close(a);
    sl_store_close(b);
    return bad;
}

/* A fresh store is made by one script at the current schema; a store of
 * schema 1 takes every migration: both end with the same tables, indexes
 * and SQL (but for whitespace) and the same version. */
TEST(store_fresh_schema_is_the_migrated_one)
{
    char fresh[128], stepped[128];
    CHECK_INT(fresh_and_stepped("schema", fresh, stepped, sizeof fresh), 0);
    char *want = schema_text(stepped), *got = schema_text(fresh);
    CHECK(want && strstr(want, "user_version 1\n") == NULL && strstr(want, "copy_keys_recent"));
    CHECK_STR(got, want);
    free(want);
    free(got);
    drop_store(NULL, fresh);
    drop_store(NULL, stepped);
}

/* FTS5's automerge of the store at path, -1 when it has none set. */
static int fts_automerge(const char *path)
{
    return query_int(path, "SELECT v FROM article_fts_config WHERE k = 'automerge'");
}

/* The search index merges a level's segments at 8, not FTS5's 4, in a
 * fresh store and in one migrated from schema 1 (migration 22). */
TEST(store_search_index_merges_at_eight_fresh_or_migrated)
{
    char fresh[128], stepped[128];
    CHECK_INT(fresh_and_stepped("automerge", fresh, stepped, sizeof fresh), 0);
    CHECK_INT(fts_automerge(fresh), 8);
    CHECK_INT(fts_automerge(stepped), 8);
    drop_store(NULL, fresh);
    drop_store(NULL, stepped);
}

/* The term counts are an index of integers, not a table keyed by rowid,
 * in a fresh store and in one migrated from schema 1 (migration 24): a
 * seek by a random 64-bit rowid decodes 9-byte varints all the way down. */
TEST(store_term_counts_without_rowid_fresh_or_migrated)
{
    static const char q[] = "SELECT count(*) FROM sqlite_schema WHERE name IN ('terms',"
                            " 'terms_recent') AND sql LIKE '%WITHOUT ROWID'";
    char fresh[128], stepped[128];
    CHECK_INT(fresh_and_stepped("counts", fresh, stepped, sizeof fresh), 0);
    CHECK_INT(query_int(fresh, q), 2);
    CHECK_INT(query_int(stepped, q), 2);
    drop_store(NULL, fresh);
    drop_store(NULL, stepped);
}

/* A chrome line's reason of the list is stored as one byte, any other as
 * its words; both read back as written, and a place past the list is a
 * damaged row. */
TEST(store_removed_reasons_read_back_as_written)
{
    OPEN_STORE(st, path);
    CHECK_INT(sl_store_removed_insert(st, 1, 2, "Sign up", 7, "repeated in other articles"), 0);
    CHECK_INT(sl_store_removed_insert(st, 1, 5, "Menu", 4, "seen on 12 other pages"), 0);
    CHECK_INT(count_rows(st, "SELECT sum(length(reason)) FROM removed_lines"), 1 + 22);
    sl_article *a = NULL;
    CHECK_INT(sl_store_article_get(st, 1, &a), 0);
    CHECK_INT(a ? a->n_removed : 0, 2);
    if (a && a->n_removed == 2) {
        CHECK_INT(a->removed[0].line, 2);
        CHECK_STR(a->removed[0].text, "Sign up");
        CHECK_STR(a->removed[0].reason, "repeated in other articles");
        CHECK_INT(a->removed[1].line, 5);
        CHECK_STR(a->removed[1].reason, "seen on 12 other pages");
    }
    sl_article_free(a);
    a = NULL;
    CHECK_INT(sqlite3_exec(st->db, "UPDATE removed_lines SET reason = x'63' WHERE line_no = 2", NULL,
                           NULL, NULL),
              SQLITE_OK);
    CHECK_INT(sl_store_article_get(st, 1, &a), SL_ESTORE);
    CHECK(strstr(sl_store_errmsg(st), "reason does not read") != NULL); /* not "not an error" */
    sl_article_free(a);
    drop_store(st, path);
}
