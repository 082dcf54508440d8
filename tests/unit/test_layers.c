/* test_layers.c — the stages as plain functions below the engine: the facts
 * cross-check from items and copy pairs (no store), and the report's JSON
 * from plain rows (no store); and the library's version at the top.
 * docs/architecture.md. */
#include <stdlib.h>

#include "copies/copies.h"
#include "facts/facts.h"
#include "report/report.h"
#include "test.h"

static sl_fact_item number(int64_t article, double value, const char *text)
{
    return (sl_fact_item){.article_id = article, .kind = SL_FACT_NUMBER, .value = value,
                          .value_hi = value, .approx = '=', .text = (char *)text,
                          .about = (char *)"workers injured", .sentence = {0, 40}};
}

/* Article 2 is a copy of 1: three articles state a count, two sources. */
TEST(facts_crosscheck_from_plain_items)
{
    sl_fact_item items[] = {number(1, 3, "Three workers"), number(2, 3, "Three workers"),
                            number(3, 5, "Five workers")};
    const int64_t copies[] = {2, 1};
    sl_fact_table *t = NULL;
    CHECK_INT(sl_facts_crosscheck(7, items, 3, copies, 1, 0, &t), 0);
    CHECK(t && t->story_id == 7 && t->n == 1);
    if (t && t->n == 1) {
        const sl_fact *f = &t->items[0];
        CHECK_STR(f->about, "injured");
        CHECK(f->conflict && f->n_values == 2);
        CHECK(f->values[0].value == 3 && f->values[0].n_articles == 2);
        CHECK_INT(f->values[0].n_sources, 1);
        CHECK_INT(f->values[0].sources[0], 1);
    }
    sl_fact_table_free(t);
    /* without the copy pair, the copy counts as a source of its own */
    CHECK_INT(sl_facts_crosscheck(7, items, 3, NULL, 0, 1, &t), 0);
    CHECK(t && t->n == 1 && t->items[0].values[0].n_sources == 2);
    sl_fact_table_free(t);
}

static sl_fact_item span(int64_t article, double value, const char *text, const char *about)
{
    return (sl_fact_item){.article_id = article, .kind = SL_FACT_NUMBER, .value = value,
                          .value_hi = value, .approx = '=', .text = (char *)text,
                          .about = (char *)about, .detail = (char *)"month", .sentence = {0, 40}};
}

/* "Work stopped for five months" (what it counts found before the number)
 * and "26 months of restoration work" (inside it) measure different things:
 * no conflict; two statements of the first kind still disagree. */
TEST(facts_crosscheck_head_before_or_inside)
{
    sl_fact_item items[] = {span(1, 5, "five months", "work"),
                            span(2, 26, "26 months of restoration work", "restoration work")};
    sl_fact_table *t = NULL;
    CHECK_INT(sl_facts_crosscheck(7, items, 2, NULL, 0, 1, &t), 0);
    for (size_t i = 0; t && i < t->n; i++)
        CHECK(!t->items[i].conflict);
    sl_fact_table_free(t);
    sl_fact_item runs[] = {span(1, 25, "25 years", "treaty runs"), span(2, 30, "30 years", "run")};
    runs[0].detail = runs[1].detail = (char *)"year";
    CHECK_INT(sl_facts_crosscheck(7, runs, 2, NULL, 0, 1, &t), 0);
    CHECK(t && t->n == 1 && t->items[0].conflict);
    if (t && t->n == 1)
        CHECK_STR(t->items[0].about, "run");
    sl_fact_table_free(t);
}

static int to_buf(void *ctx, const char *data, size_t len)
{
    return sl_buf_put(ctx, data, len);
}

/* A copy's evidence quotes both texts; a span outside its text is written empty. */
TEST(report_copy_from_plain_rows)
{
    sl_evidence ev[] = {{.article_sentence = {0, 5}, .of_sentence = {6, 11}, .similarity = 0.5},
                        {.article_sentence = {0, 99}, .of_sentence = {0, 5}, .similarity = 1}};
    sl_copy c = {.article_id = 4, .of_id = 2, .kind = SL_COPY_REWRITE, .score = 0.75,
                 .n_evidence = 2, .evidence = ev};
    sl_buf copy_text = SL_BUF_INIT, of_text = SL_BUF_INIT, out = SL_BUF_INIT;
    sl_buf_puts(&copy_text, "Hello there");
    sl_buf_puts(&of_text, "Ahoy, world");
    sl_json j;
    sl_json_init(&j, to_buf, &out, 0);
    sl_report_copy(&j, &c, &copy_text, &of_text);
    CHECK_INT(sl_json_finish(&j), 0);
    CHECK_STR(sl_buf_cstr(&out),
              "{\"article\":4,\"of\":2,\"kind\":\"rewrite\",\"score\":0.75,\"same_origin\":false,"
              "\"credit\":null,\"evidence\":[{\"article_sentence\":[0,5],\"article_text\":\"Hello\","
              "\"of_sentence\":[6,11],\"of_text\":\"world\",\"similarity\":0.5},"
              "{\"article_sentence\":[0,99],\"article_text\":\"\",\"of_sentence\":[0,5],"
              "\"of_text\":\"Ahoy,\",\"similarity\":1}]}");
    sl_buf_free(&copy_text);
    sl_buf_free(&of_text);
    sl_buf_free(&out);
}

TEST(library_version)
{
    CHECK_STR(sl_version(), SL_VERSION);
}

/* The copy kind is an enum with a name, and the name reads back (the store
 * keeps names). */
TEST(copy_kind_names)
{
    CHECK_STR(sl_copy_kind_name(SL_COPY_EXACT), "exact");
    CHECK_STR(sl_copy_kind_name(SL_COPY_REWRITE), "rewrite");
    CHECK_STR(sl_copy_kind_name((sl_copy_kind)99), "none");
    for (int k = SL_COPY_NONE; k <= SL_COPY_REWRITE; k++)
        CHECK_INT(sl_copy_kind_of_name(sl_copy_kind_name((sl_copy_kind)k)), k);
    CHECK_INT(sl_copy_kind_of_name("copy"), SL_COPY_NONE);
    CHECK_INT(sl_copy_kind_of_name(NULL), SL_COPY_NONE);
}
