/* facts_items.c — what the facts unit tests share (facts_items.h). */
#include "facts_items.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "util/date.h"

sl_fact_items *facts_of_file(const char *path, const char *published)
{
    size_t len;
    char *text = sl_test_read_file(path, &len);
    sl_fact_items *items = NULL;
    CHECK_INT(sl_facts_extract(text, len, published, &items), 0);
    free(text);
    return items;
}

sl_fact_items *facts_of_text(const char *text, const char *published)
{
    sl_fact_items *items = NULL;
    CHECK_INT(sl_facts_extract(text, strlen(text), published, &items), 0);
    return items;
}

const sl_fact_item *fact_nth(const sl_fact_items *items, sl_fact_kind kind, size_t k)
{
    for (size_t i = 0; items && i < items->n; i++)
        if (items->items[i].kind == kind && k-- == 0)
            return &items->items[i];
    return NULL;
}

char approx_of(const sl_fact_items *items, const char *prefix)
{
    const sl_fact_item *n = number_text(items, prefix);
    return n ? n->approx : 0;
}

size_t fact_count(const sl_fact_items *items, sl_fact_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; items && i < items->n; i++)
        n += items->items[i].kind == kind;
    return n;
}

/* The text has exactly n quotes, the k-th said by want[k]. */
void check_speakers(const sl_fact_items *items, const char *const *want, size_t n)
{
    CHECK_INT(fact_count(items, SL_FACT_QUOTE), n);
    for (size_t k = 0; k < n; k++) {
        const sl_fact_item *q = fact_nth(items, SL_FACT_QUOTE, k);
        CHECK_STR(q ? q->about : NULL, want[k]);
    }
}

const sl_fact_item *number_text(const sl_fact_items *items, const char *prefix)
{
    for (size_t i = 0; i < items->n; i++)
        if (items->items[i].kind == SL_FACT_NUMBER &&
            !strncmp(items->items[i].text, prefix, strlen(prefix)))
            return &items->items[i];
    return NULL;
}

void check_number(const sl_fact_items *items, const char *prefix, double lo, double hi,
                  const char *unit, const char *about, const char *file, int line)
{
    const sl_fact_item *n = number_text(items, prefix);
    if (!n) {
        sl_test_fail(file, line, "no number \"%s\"", prefix);
        return;
    }
    if (fabs(n->value - lo) > 1e-6 * fabs(lo) + 1e-9 || fabs(n->value_hi - hi) > 1e-6 * fabs(hi) + 1e-9)
        sl_test_fail(file, line, "\"%s\": %g-%g, expected %g-%g", prefix, n->value, n->value_hi, lo, hi);
    if (unit ? !n->detail || strcmp(n->detail, unit) : n->detail != NULL)
        sl_test_fail(file, line, "\"%s\": unit %s, expected %s", prefix,
                     n->detail ? n->detail : "(none)", unit ? unit : "(none)");
    if (about && (!n->about || !strstr(n->about, about)))
        sl_test_fail(file, line, "\"%s\": counts %s, expected %s", prefix,
                     n->about ? n->about : "(nothing)", about);
}

void check_numbers_of(const char *text, const expected_number *want, size_t n,
                      const char *const *absent, const char *file, int line)
{
    sl_fact_items *items = facts_of_text(text, NULL);
    for (size_t k = 0; k < n; k++)
        check_number(items, want[k].prefix, want[k].value, want[k].value, want[k].unit, NULL, file, line);
    for (; absent && *absent; absent++)
        if (number_text(items, *absent))
            sl_test_fail(file, line, "\"%s\" read as a number", *absent);
    sl_fact_items_free(items);
}

/* Checks each expectation of `want` on the entities of `text`. */
void check_entities(const char *text, const want_entity *want, size_t n_want)
{
    sl_fact_items *items = facts_of_text(text, NULL);
    for (size_t w = 0; w < n_want; w++) {
        const sl_fact_item *e = NULL;
        size_t n = 0;
        for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++)
            n += !strcmp(e->text, want[w].text) &&
                 (!want[w].type || !strcmp(e->detail, want[w].type)) &&
                 (!want[w].about || (e->about && !strcmp(e->about, want[w].about)));
        CHECK_INT(n, want[w].count);
    }
    sl_fact_items_free(items);
}

size_t entities_with_role(const char *text, const char *name, const char *type, const char *role)
{
    sl_fact_items *items = facts_of_text(text, NULL);
    const sl_fact_item *e = NULL;
    size_t n = 0;
    for (size_t k = 0; (e = fact_nth(items, SL_FACT_ENTITY, k)); k++)
        n += !strcmp(e->text, name) && (!type || (e->detail && !strcmp(e->detail, type))) &&
             e->role && !strcmp(e->role, role);
    sl_fact_items_free(items);
    return n;
}

int facts_doc_open(facts_doc_fixture *f, const char *text)
{
    size_t len = strlen(text);
    *f = (facts_doc_fixture){.an = sl_analyzer_new()};
    CHECK(f->an != NULL);
    int rc = f->an ? sl_analyze(f->an, text, len, &f->analysis) : SL_ENOMEM;
    CHECK_INT(rc, 0);
    int init = sl_facts_doc_init(&f->d, text, len, &f->analysis, SL_NO_DAY, &f->out);
    CHECK_INT(init, 0);
    return rc || init;
}

void facts_doc_close(facts_doc_fixture *f)
{
    sl_facts_doc_clear(&f->d);
    sl_facts_vec_free(&f->out);
    sl_analysis_free(&f->analysis);
    sl_analyzer_free(f->an);
}
