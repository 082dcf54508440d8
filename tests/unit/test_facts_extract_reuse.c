/* test_facts_extract_reuse.c — sl_facts_extract keeps one analyser per
 * thread between texts (src/facts/extract.c): what it finds in a text must
 * not depend on the texts read before it, nor on an allocation that failed
 * in an earlier call. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "facts/facts.h"
#include "test.h"
#include "util/alloc.h"

/* English, with numbers, a date, names and a quote: stop words and stems
 * matter to all the extractors. */
static const char *const text =
    "Harbour strike ends\n\nAbout 1,200 harbour workers went back on Monday, March 2, "
    "after the union said pay would rise by 4.5 per cent. \"We have what we wanted,\" "
    "said Ilse Varnholt, the union's leader. The Port of Dessby lost 3 million euros.\n";

/* Texts read before `text` in a warm analyser: the same words in other
 * places, and French (another language's stemmer and stop words). */
static const char *const others[] = {
    "Workers at the harbour said the strike would last. Pay rose 3 per cent in 2025.\n",
    "La grève du port de Dessby a pris fin lundi, a déclaré le syndicat. Les 1 200 "
    "travailleurs ont repris le travail.\n",
    "Union leaders wanted more; the harbours of Dessby and Orlen reopened.\n",
};

static int same_string(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* Whether two extractions found the same items, every field compared. */
static int same_items(const sl_fact_items *a, const sl_fact_items *b)
{
    if (!a || !b || a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++) {
        const sl_fact_item *x = &a->items[i], *y = &b->items[i];
        if (x->kind != y->kind || x->span.start != y->span.start || x->span.end != y->span.end ||
            x->sentence.start != y->sentence.start || x->sentence.end != y->sentence.end ||
            x->source.start != y->source.start || x->source.end != y->source.end ||
            x->value != y->value || x->value_hi != y->value_hi || x->approx != y->approx ||
            !same_string(x->text, y->text) || !same_string(x->about, y->about) ||
            !same_string(x->detail, y->detail) || !same_string(x->role, y->role))
            return 0;
    }
    return 1;
}

static sl_fact_items *extract(const char *s)
{
    sl_fact_items *items = NULL;
    return sl_facts_extract(s, strlen(s), "2026-03-02", &items) ? NULL : items;
}

/* A new thread's first call: a fresh analyser. */
static void *extract_fresh(void *out)
{
    *(sl_fact_items **)out = extract(text);
    return NULL;
}

TEST(facts_extract_same_after_other_texts)
{
    sl_fact_items *fresh = NULL;
    pthread_t thread;
    CHECK_INT(pthread_create(&thread, NULL, extract_fresh, &fresh), 0);
    pthread_join(thread, NULL);
    CHECK(fresh && fresh->n >= 5);
    for (size_t round = 0; round < 2; round++) {
        for (size_t k = 0; k < sizeof others / sizeof *others; k++)
            sl_fact_items_free(extract(others[k]));
        sl_fact_items *warm = extract(text);
        CHECK(same_items(fresh, warm));
        sl_fact_items_free(warm);
    }
    sl_fact_items_free(fresh);
}

/* An allocation failing anywhere in a call is reported, and the next call
 * (which may get a fresh analyser) finds the same items as ever. */
TEST(facts_extract_same_after_allocation_failure)
{
    sl_fact_items *want = extract(text);
    CHECK(want && want->n >= 5);
    int failed = 0, recovered = 0;
    for (long n = 1; n < 5000; n++) {
        sl_fact_items *items = NULL;
        sl_alloc_fail_nth(n);
        int rc = sl_facts_extract(text, strlen(text), "2026-03-02", &items);
        sl_alloc_fail_nth(0);
        sl_fact_items_free(items);
        if (!rc)
            break; /* n is past the call's allocations */
        failed++;
        CHECK_INT(rc, SL_ENOMEM);
        sl_fact_items *again = extract(text);
        recovered += same_items(want, again);
        sl_fact_items_free(again);
    }
    CHECK(failed > 10);
    CHECK_INT(recovered, failed);
    sl_fact_items_free(want);
}

/* The facts of `s` by sl_facts_run into `v` (as the engine runs it), as
 * sl_fact_items to compare; NULL on failure. */
static sl_fact_items *run_into(sl_analyzer *a, const char *s, sl_fact_vec *v)
{
    sl_analysis an = {0};
    int rc = sl_analyze(a, s, strlen(s), &an);
    if (!rc)
        rc = sl_facts_run(s, strlen(s), &an, NULL, "2026-03-02", v);
    sl_analysis_free(&an);
    sl_fact_items *items = rc ? NULL : sl_calloc(1, sizeof *items);
    if (items) {
        items->items = v->items;
        items->n = v->n;
    }
    return items;
}

/* The engine keeps one vector of items from article to article, cleared
 * (its items' strings freed, its room kept) after each: a text's items
 * into it after texts with more items are those into a fresh vector. */
TEST(facts_run_into_a_kept_vector_as_into_a_fresh_one)
{
    sl_analyzer *a = sl_analyzer_new();
    CHECK(a != NULL);
    sl_fact_vec fresh = {0}, kept = {0};
    sl_fact_items *want = a ? run_into(a, text, &fresh) : NULL;
    CHECK(want && want->n >= 5);
    for (size_t k = 0; a && want && k < sizeof others / sizeof *others; k++) {
        sl_fact_items *before = run_into(a, others[k], &kept);
        CHECK(before != NULL);
        free(before);
        sl_facts_vec_clear(&kept);
        CHECK_INT(kept.n, 0);
        sl_fact_items *again = run_into(a, text, &kept);
        CHECK(same_items(want, again));
        free(again);
        size_t room = kept.cap;
        sl_facts_vec_clear(&kept);
        CHECK_INT(kept.cap, room);
    }
    free(want);
    sl_facts_vec_free(&fresh);
    sl_facts_vec_free(&kept);
    sl_analyzer_free(a);
}
