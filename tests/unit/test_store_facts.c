/* test_store_facts.c — an article's facts in the store (src/store/facts.c,
 * fact_items.c): written as one packed row and read back item for item,
 * whatever their strings and values (the common words by their place in a
 * list, whole values as varints); a corrupt row reported, not misread. */
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
