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
 * term counts added by one; the table sl_rows read only with its rows. */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "copies/copies.h"
#include "store/store_internal.h"
#include "test.h"
#include "util/date.h"

static const char text[] = "Councillor Aila Brenn said the board met 3 times.";

/* A fresh store holding one article (id 1) of `text`. */
static sl_store *store_with_article(char *path, size_t size)
{
    snprintf(path, size, "/tmp/sl-unit-store-%d.db", (int)getpid());
    remove(path);
    sl_store *st = NULL;
    if (sl_store_open(&st, path, 0, NULL))
        return NULL;
    sl_article_row row = {.text = text, .published_day = SL_NO_DAY, .story_id = 1};
    int64_t id = 0;
    if (sl_store_begin(st) || sl_store_article_insert(st, &row, &id) || id != 1) {
        sl_store_close(st);
        return NULL;
    }
    return st;
}

/* Opens a fresh store of one article for the test (`st`, its file in
 * `path`), or ends the test. */
#define OPEN_STORE(st, path)                                                                       \
    char path[256];                                                                                \
    sl_store *st = store_with_article(path, sizeof path);                                          \
    CHECK(st != NULL);                                                                             \
    if (!st)                                                                                       \
        return

static void drop_store(sl_store *st, const char *path)
{
    sl_store_close(st);
    char side[300];
    remove(path);
    snprintf(side, sizeof side, "%s-wal", path);
    remove(side);
    snprintf(side, sizeof side, "%s-shm", path);
    remove(side);
}

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
    CHECK_INT(sl_store_facts_put(st, 1, text, strlen(text), items, n), 0);
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
    CHECK_INT(sl_store_facts_put(st, 1, text, strlen(text), NULL, 0), 0);
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

/* The bytes of article 1's packed facts. */
static int facts_bytes(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    int n = -1;
    if (sqlite3_open(path, &db) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT length(items) FROM facts WHERE article_id = 1", -1, &s,
                           NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
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
    CHECK_INT(sl_store_facts_put(st, 1, text, strlen(text), items, n), 0);
    check_facts_read_back(st, items, n);
    CHECK_INT(sl_store_commit(st), 0);
    /* a word of the list and a small whole value take a byte each */
    sl_fact_item word = {.kind = SL_FACT_NUMBER, .detail = "percentage", .value = 3};
    sl_fact_item other = {.kind = SL_FACT_NUMBER, .detail = "percentagf", .value = 3.5};
    CHECK_INT(sl_store_facts_put(st, 1, text, strlen(text), &word, 1), 0);
    CHECK_INT(sl_store_commit(st), 0);
    int small = facts_bytes(path);
    CHECK_INT(sl_store_facts_put(st, 1, text, strlen(text), &other, 1), 0);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(facts_bytes(path), small + 10 + 7);
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
    sl_article_row row = {.text = text, .published_day = SL_NO_DAY, .story_id = 1,
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

/* The articles other than `self` carrying `line`, up to 10. */
static uint32_t carriers_but(sl_store *st, int64_t line, int64_t self)
{
    uint64_t hash = (uint64_t)line;
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
    const int64_t mine[] = {0x100000005, 0x100000009, INT64_MAX, -1, INT64_MIN};
    const int64_t other[] = {0x100000007, 0x100000009};
    sl_article_row row = {.text = text, .published_day = SL_NO_DAY, .story_id = 1,
                          .identity = "key:unit/2", .lines = mine, .n_lines = 5};
    int64_t id = 0, other_id = 0;
    CHECK_INT(sl_store_article_insert(st, &row, &id), 0);
    /* its pairs in line_articles, the other's in line_articles_recent */
    CHECK_INT(sl_store_recent_merge(st), 0);
    CHECK_INT(line_pairs_in(st, id, 1), 5);
    row = (sl_article_row){.text = text, .published_day = SL_NO_DAY, .story_id = 1,
                           .identity = "key:unit/3", .lines = other, .n_lines = 2};
    CHECK_INT(sl_store_article_insert(st, &row, &other_id), 0);
    CHECK_INT(line_pairs_in(st, other_id, 1), 0);
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

static int64_t count_rows(sl_store *st, const char *sql)
{
    sqlite3_stmt *s = NULL;
    int64_t n = -1;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
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

/* A commit leaves the recent rows where they are until the merge is due,
 * then moves every one into the large tables; what is read is the same
 * before and after. The cycle begins at the last article stored when its
 * first row goes in. */
TEST(store_recent_rows_merged_at_the_commit_due)
{
    OPEN_STORE(st, path);
    add_article_row(st, 1000);
    const int64_t lines[] = {7, 8, 9}, later[] = {8, 10};
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
    uint32_t df = 0, ids[4];
    uint8_t n_keys[4];
    size_t found = 0;
    CHECK_INT(carriers(st, 8), 2);
    CHECK_INT(sl_store_df_get(st, 77, &df), 0);
    CHECK_INT(df, 5);
    CHECK_INT(count_rows(st, "SELECT first FROM recent_cycle"), 1000);
    CHECK_INT(sl_store_commit(st), 0); /* articles 1,000 to 5,000 recent: due */
    CHECK_INT(count_rows(st, "SELECT count(*) FROM recent_cycle"), 0);
    CHECK_INT(line_pairs_in(st, 0, 1), 5);
    CHECK_INT(line_pairs(st, 0), 5);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys"), 3);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys_recent"), 0);
    CHECK_INT(count_rows(st, "SELECT df FROM terms WHERE id = 77"), 5);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM terms_recent"), 0);
    CHECK_INT(carriers(st, 8), 2);
    CHECK_INT(carriers_but(st, 8, 1000), 1);
    CHECK_INT(sl_store_df_get(st, 77, &df), 0);
    CHECK_INT(df, 5);
    CHECK_INT(sl_store_copy_keys_recent(st, SL_TERM_ID(0x100), ids, n_keys, 4, &found), 0);
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
    const int64_t lines[] = {7}, old_lines[] = {11};
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
    CHECK_INT(sl_store_df_get(st, 99, &df), 0);
    CHECK_INT(df, 5);
    CHECK_INT(sl_store_copy_keys_recent(st, SL_TERM_ID(21), ids, n_keys, 3, &found), 0);
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
    CHECK_INT(sl_store_facts_put(st, 1, text, strlen(text), &item, 1), 0);
    CHECK_INT(sl_store_commit(st), 0);
    /* the row cut short by another program: its last string runs past the end */
    check_damaged_facts(st, path, "UPDATE facts SET items = substr(items, 1, length(items) - 3)");
    drop_store(st, path);
}

/* PRAGMA cache_size of the store's connection (negative: KB). */
static int cache_size(sl_store *st)
{
    sqlite3_stmt *s = NULL;
    int kb = 0;
    if (sqlite3_prepare_v2(st->db, "PRAGMA cache_size", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        kb = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return kb;
}

static int seen_cache;

static int note_cache(void *ctx, int64_t id, const void *keys, size_t len)
{
    (void)id, (void)keys, (void)len;
    seen_cache = cache_size(ctx);
    return 0;
}

TEST(store_whole_table_reads_go_through_a_small_cache)
{
    OPEN_STORE(st, path);
    unsigned char keys[4] = {1, 0, 0, 0}, sentences[1] = {0};
    CHECK_INT(sl_store_sketch_put(st, 1, keys, sizeof keys, sentences, sizeof sentences, NULL), 0);
    CHECK_INT(cache_size(st), -32000);
    seen_cache = 0;
    CHECK_INT(sl_store_sketch_keys_each(st, note_cache, st), 0);
    CHECK_INT(seen_cache, -2000);        /* the whole-table read */
    CHECK_INT(cache_size(st), -32000);   /* the writer's cache, back after it */
    drop_store(st, path);
}


/* Statements run on the store's connection whose SQL begins with `prefix`
 * (sqlite3_trace_v2). */
typedef struct statement_count {
    const char *prefix;
    int n;
} statement_count;

static int count_statement(unsigned what, void *ctx, void *stmt, void *x)
{
    (void)what, (void)x;
    statement_count *c = ctx;
    const char *sql = sqlite3_sql(stmt);
    c->n += sql && !strncmp(sql, c->prefix, strlen(c->prefix));
    return 0;
}

static void count_statements(sl_store *st, statement_count *c)
{
    c->n = 0;
    CHECK_INT(sqlite3_trace_v2(st->db, SQLITE_TRACE_STMT, count_statement, c), SQLITE_OK);
}

/* An article's rows go in by one statement (sl_store_exec_rows reads them
 * from the caller's memory through the table sl_rows), however many:
 * every row lands, and a line repeated within an article is one row. A
 * new version's lines leave one by one. */
TEST(store_rows_in_one_statement_all_land_once)
{
    OPEN_STORE(st, path);
    int64_t first[19], second[3] = {105, 118, 900};
    for (int i = 0; i < 19; i++)
        first[i] = 100 + i;
    first[8] = 107;  /* repeats */
    first[17] = 101;
    statement_count inserts = {"INSERT OR IGNORE INTO line_articles_recent", 0};
    count_statements(st, &inserts);
    CHECK_INT(sl_store_lines_add(st, 1, first, 19), 0);
    CHECK_INT(inserts.n, 1); /* 19 rows, one statement (three, eight to a statement) */
    CHECK_INT(sl_store_lines_add(st, 2, second, 3), 0);
    CHECK_INT(inserts.n, 2);
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
    CHECK_INT(sl_store_df_get(st, 1000, &df), 0);
    CHECK_INT(df, 1);
    CHECK_INT(sl_store_df_get(st, 1025, &df), 0);
    CHECK_INT(df, 1 + 6);
    CHECK_INT(sl_store_df_get(st, 1059, &df), 0);
    CHECK_INT(df, 40);
    CHECK_INT(sl_store_df_get(st, 1060, &df), 0);
    CHECK_INT(df, 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM terms"), 40);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM terms_recent"), 40);
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

/* An article's lines are counted by one statement, each line's count in
 * its place (a line asked twice answered twice), never counting `self`,
 * and stopping at the cap. */
TEST(store_lines_counted_by_one_statement)
{
    OPEN_STORE(st, path);
    const int64_t a[] = {501, 502, 503}, b[] = {502, 503}, c[] = {503};
    CHECK_INT(sl_store_lines_add(st, 1, a, 3), 0);
    CHECK_INT(sl_store_recent_merge(st), 0); /* some pairs in each table */
    CHECK_INT(sl_store_lines_add(st, 2, b, 2), 0);
    CHECK_INT(sl_store_lines_add(st, 3, c, 1), 0);
    const uint64_t asked[] = {503, 999, 502, 501, 503};
    uint32_t counts[5] = {0};
    statement_count counting = {"SELECT r.rowid", 0};
    count_statements(st, &counting);
    CHECK_INT(sl_store_lines_count(st, asked, 5, 2, 10, counts), 0);
    CHECK_INT(counting.n, 1);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    CHECK_INT(counts[0], 2); /* articles 1 and 3; 2 is self */
    CHECK_INT(counts[1], 0);
    CHECK_INT(counts[2], 1);
    CHECK_INT(counts[3], 1);
    CHECK_INT(counts[4], 2);
    CHECK_INT(sl_store_lines_count(st, asked, 5, 0, 2, counts), 0);
    CHECK_INT(counts[0], 2); /* three carriers, counted up to the cap */
    CHECK_INT(counts[2], 2);
    drop_store(st, path);
}

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

/* From schema 19 a centroid's row names the terms term_dict has by their
 * ids (1-3 bytes for 8) and the others by their hashes; it reads back as
 * the grouper's form, byte for byte, and a row cut short does not read. */
TEST(store_centroid_by_dictionary_ids)
{
    OPEN_STORE(st, path);
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
    size_t n = 0;
    CHECK_INT(sl_store_story_terms_recent(st, rare, 4, ids, &n), 0);
    CHECK_INT((int64_t)n, 2);
    CHECK_INT(ids[0], 6); /* under its id */
    CHECK_INT(ids[1], 5); /* under its hash, from before its id */
    CHECK_INT(sl_store_story_terms_recent(st, low, 4, ids, &n), 0);
    CHECK_INT((int64_t)n, 1);
    sl_weighted_term rest[] = {{low, 1}};
    CHECK_INT(sl_store_story_terms_put(st, 5, packed, sl_centroid_pack(rest, 1, packed)), 0);
    set_centroid(st, 5, rest, 1, packed);
    CHECK_INT(sl_store_story_terms_recent(st, rare, 4, ids, &n), 0);
    CHECK_INT((int64_t)n, 1);
    CHECK_INT(ids[0], 6);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms WHERE term = -0x6fffffffffffffff"), 0);
    CHECK_INT(sl_store_story_terms_recent(st, 0x9000000000000002u, 4, ids, &n), 0);
    CHECK_INT((int64_t)n, 0);
    drop_store(st, path);
}

/* A term the store has no id for is remembered as such: asked again, the
 * store is not read (here its table of counts is gone meanwhile); the id
 * given to it later takes the note's place. */
TEST(store_dict_remembers_a_term_without_id)
{
    OPEN_STORE(st, path);
    CHECK_INT(sl_store_commit(st), 0);
    sl_store_close(st);
    st = NULL;
    CHECK_INT(sl_store_open(&st, path, 0, NULL), 0); /* a store with articles: not fresh */
    if (!st)
        return;
    CHECK_INT(sl_store_begin(st), 0);
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
    CHECK_INT(reads.n, 1); /* ids 1 to 40: one block */
    CHECK_INT(sl_store_dict_term(st, ids[39] + 1, &term), SL_ESTORE);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    uint32_t found = 0;
    CHECK_INT(sl_store_dict_find(st, 0x9000000000000100u + 39, &found), 0);
    CHECK_INT(found, ids[39]);
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
    CHECK_INT(sl_store_commit(st), 0);
    sl_store_close(st);
    st = NULL;
    CHECK_INT(sl_store_open(&st, path, 0, NULL), 0);
    if (!st)
        return;
    CHECK_INT(sl_store_begin(st), 0);
    CHECK_INT(sl_store_df_get(st, known, &df), 0);
    CHECK_INT(sl_store_df_get(st, alone, &df), 0);
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
    CHECK_INT(sqlite3_total_changes(st->db) - total, 2); /* a and c: b never written */
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms WHERE story = 3"), 2);
    CHECK_INT(sl_store_begin(st), 0);
    CHECK_INT(sl_store_story_terms_put(st, 3, packed, sl_centroid_pack(only_c, 1, packed)), 0);
    set_centroid(st, 3, only_c, 1, packed);
    sl_weighted_term only_b[] = {{b, 1}};
    CHECK_INT(sl_store_story_terms_put(st, 4, packed, sl_centroid_pack(only_b, 1, packed)), 0);
    int64_t ids[4];
    size_t n = 9;
    CHECK_INT(sl_store_story_terms_recent(st, a, 4, ids, &n), 0); /* a read of a removed term */
    CHECK_INT((int64_t)n, 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms WHERE story = 3"), 1); /* c */
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms WHERE story = 4"), 0); /* still pending */
    CHECK_INT(sl_store_story_terms_put(st, 3, packed, sl_centroid_pack(ab, 2, packed)), 0);
    CHECK_INT(sl_store_rollback(st), 0);
    CHECK_INT(sl_store_begin(st), 0);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM story_terms WHERE story = 3"), 2);
    CHECK_INT(sl_store_story_terms_recent(st, c, 4, ids, &n), 0);
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
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys_recent WHERE article_id >> 5 = 1"), 3);
    put_sketch(st, 1, codes, 4, again, 1); /* a new version */
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
    CHECK_INT(count_rows(st, "SELECT article_id FROM copy_keys_recent WHERE key = 0x110"),
              7 << 5 | SL_COPY_KEYS);
    uint8_t n_keys[4];
    size_t found = 0;
    CHECK_INT(sl_store_copy_keys_recent(st, SL_TERM_ID(keys[1]), ids, n_keys, 4, &found), 0);
    CHECK_INT((int64_t)found, 2);
    CHECK_INT(ids[0], 9);
    CHECK_INT(n_keys[0], 1);
    CHECK_INT(ids[1], 7);
    CHECK_INT(n_keys[1], SL_COPY_KEYS);
    CHECK_INT(sl_store_recent_merge(st), 0);
    put_sketch(st, 7, codes, 3, keys + 2, 1); /* a new version, its rows in copy_keys */
    CHECK_INT(count_rows(st, "SELECT count(*) FROM copy_keys WHERE article_id >> 5 = 7"), 0);
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
    CHECK_INT(count_rows(st, "SELECT key FROM copy_keys_recent"), 0x0FFFFFFF);
    uint32_t ids[2];
    uint8_t n_keys[2];
    size_t found = 0;
    CHECK_INT(sl_store_copy_keys_recent(st, SL_TERM_ID(keys[0]), ids, n_keys, 2, &found), 0);
    CHECK_INT((int64_t)found, 1);
    CHECK_INT(ids[0], 1);
    drop_store(st, path);
}
