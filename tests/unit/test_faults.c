/* test_faults.c — the allocation hook (src/util/alloc.c) and what it proves:
 * an allocation failing anywhere in a stage is reported, never turned into a
 * quietly different result. */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include "facts/facts.h"
#include "text/text.h"
#include "test.h"
#include "util/alloc.h"
#include "util/buf.h"

TEST(alloc_fail_nth_fails_once)
{
    sl_buf b = SL_BUF_INIT;
    sl_alloc_fail_nth(1);
    CHECK_INT(sl_buf_puts(&b, "first"), SL_ENOMEM);
    sl_buf_clear(&b);
    CHECK_INT(sl_buf_puts(&b, "second"), 0); /* only the one allocation failed */
    CHECK_STR(sl_buf_cstr(&b), "second");
    sl_buf_free(&b);
    sl_alloc_fail_nth(0);
}

/* A caller whose failure has no cause of its own asks whether memory ran
 * out: the count moves by the failed allocation only (tests/e2e/faults.sh
 * found "store error: not an error" where a store function failed so). */
TEST(alloc_failures_count_only_failed_allocations)
{
    sl_buf b = SL_BUF_INIT;
    unsigned long before = sl_alloc_failures();
    CHECK_INT(sl_buf_puts(&b, "kept"), 0);
    CHECK(sl_alloc_failures() == before);
    sl_buf_clear(&b);
    sl_buf_free(&b);
    sl_alloc_fail_nth(1);
    CHECK_INT(sl_buf_puts(&b, "lost"), SL_ENOMEM);
    sl_alloc_fail_nth(0);
    CHECK(sl_alloc_failures() == before + 1);
    sl_free(sl_realloc(NULL, 0)); /* nothing asked, nothing failed */
    CHECK(sl_alloc_failures() == before + 1);
    sl_buf_free(&b);
}

/* Whether two runs found the same items, nouns and units included. */
static int same_items(const sl_fact_vec *a, const sl_fact_vec *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++) {
        const sl_fact_item *x = &a->items[i], *y = &b->items[i];
        if (x->kind != y->kind || x->span.start != y->span.start || x->span.end != y->span.end ||
            !!x->about != !!y->about || (x->about && strcmp(x->about, y->about)))
            return 0;
    }
    return 1;
}

/* Found by tests/e2e/faults.sh: the number extractor dropped an allocation
 * failure while building an item's noun ("workers") and stored the item
 * without it, with no error. */
TEST(facts_report_every_allocation_failure)
{
    const char *text = "About 1,200 harbour workers went on strike on Monday, the union said. "
                       "Pay rose by 4.5 per cent and 300 new jobs were promised.";
    sl_fact_vec want = {0}, got = {0};
    sl_analyzer *analyzer = sl_analyzer_new();
    sl_analysis an = {0};
    CHECK(analyzer && sl_analyze(analyzer, text, strlen(text), &an) == 0);
    CHECK_INT(sl_facts_run(text, strlen(text), &an, NULL, "2026-04-20", &want), 0);
    CHECK(want.n >= 3);
    long n = 1;
    for (; n < 100000; n++) {
        sl_alloc_fail_nth(n);
        int rc = sl_facts_run(text, strlen(text), &an, NULL, "2026-04-20", &got);
        sl_alloc_fail_nth(0);
        if (rc == 0 && same_items(&got, &want)) {
            /* either the fault was not reached (the walk is over) or it did not matter */
            sl_alloc_fail_nth(n);
            sl_facts_run(text, strlen(text), &an, NULL, "2026-04-20", &got);
            sl_buf probe = SL_BUF_INIT; /* the fault still armed: not reached */
            int unreached = sl_buf_putc(&probe, 'x') != 0;
            sl_buf_free(&probe);
            sl_alloc_fail_nth(0);
            if (unreached)
                break;
            continue;
        }
        if (rc == 0) {
            sl_test_fail(__FILE__, __LINE__, "allocation %ld failed silently: a different result", n);
            break;
        }
        CHECK_INT(rc, SL_ENOMEM);
    }
    /* faults were injected (with the analysis given, the run makes only a few
     * allocations through the hook: 3 when this was written) */
    CHECK(n > 1);
    sl_facts_vec_free(&got);
    sl_facts_vec_free(&want);
    sl_analysis_free(&an);
    sl_analyzer_free(analyzer);
}

/* yajl_alloc may return NULL (its documented failure; yajl's memory comes
 * through the hook, but the hook's count does not say which allocation is
 * the handle's): this definition stands in for libyajl's (the executable's
 * symbol is found first) and fails once when armed, else calls libyajl's. */
static int fail_yajl_alloc;

yajl_handle yajl_alloc(const yajl_callbacks *callbacks, yajl_alloc_funcs *funcs, void *ctx)
{
    if (fail_yajl_alloc) {
        fail_yajl_alloc = 0;
        return NULL;
    }
    yajl_handle (*real)(const yajl_callbacks *, yajl_alloc_funcs *, void *);
    *(void **)&real = dlsym(RTLD_NEXT, "yajl_alloc");
    return real ? real(callbacks, funcs, ctx) : NULL;
}

/* A line the reader had no memory to parse was taken for an object and
 * passed on untagged: it is none (it was never read), and says why. */
TEST(dedup_lines_unread_line_is_no_object)
{
    /* true first: not a flat line, which is read without yajl */
    const char *line =
        "{\"live\": true, \"id\": 1, \"text\": \"The council voted nine to two for the new tram line.\"}";
    sl_dedup_lines *dl = sl_dedup_lines_new(0);
    sl_dedup_line r;
    CHECK(dl != NULL);
    fail_yajl_alloc = 1;
    CHECK_INT(sl_dedup_lines_add(dl, line, strlen(line), &r), 0);
    CHECK(!fail_yajl_alloc); /* the fault was reached */
    CHECK(!r.is_object && !r.result.is_copy);
    CHECK_STR(r.why, "out of memory");
    CHECK_INT(sl_dedup_lines_add(dl, line, strlen(line), &r), 0); /* the next line is read */
    CHECK(r.is_object && !r.why && r.result.index == 1);
    sl_dedup_lines_free(dl);
}
