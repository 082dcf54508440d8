/* facts_items.h — what the facts unit tests share: the facts of a text or
 * of a fixture file, the items of one kind among them, the checks of a
 * number item and of a text's entities, and a text's facts document. */
#ifndef SL_TEST_FACTS_ITEMS_H
#define SL_TEST_FACTS_ITEMS_H

#include "facts/facts.h"
#include "text/text.h"

/* The facts of the file at `path` (a fixture) or of `text`; `published`
 * may be NULL. Failures are recorded as test failures. */
sl_fact_items *facts_of_file(const char *path, const char *published);
sl_fact_items *facts_of_text(const char *text, const char *published);

/* The k-th item of a kind, or NULL; the number of items of a kind. */
const sl_fact_item *fact_nth(const sl_fact_items *items, sl_fact_kind kind, size_t k);
size_t fact_count(const sl_fact_items *items, sl_fact_kind kind);
/* Checks that there are exactly n quotes, the k-th said by want[k]. */
void check_speakers(const sl_fact_items *items, const char *const *want, size_t n);

/* The number item whose text starts with `prefix`, or NULL. */
const sl_fact_item *number_text(const sl_fact_items *items, const char *prefix);
/* The approximation of the number item whose text starts with `prefix`, 0
 * when there is none. */
char approx_of(const sl_fact_items *items, const char *prefix);
/* Checks that the number item whose text starts with prefix has value lo
 * (to hi), this unit (NULL: none) and, when `about` is not NULL, counts a
 * phrase holding it; a failure is reported at file:line. */
void check_number(const sl_fact_items *items, const char *prefix, double lo, double hi,
                  const char *unit, const char *about, const char *file, int line);
#define NUMBER(items, prefix, lo, hi, unit, about) \
    check_number((items), (prefix), (lo), (hi), (unit), (about), __FILE__, __LINE__)

/* One expected number of a text: the item whose text starts with `prefix`,
 * its value (a single one) and unit (NULL: none). */
typedef struct { const char *prefix; double value; const char *unit; } expected_number;

/* Checks each of the n expected numbers against the items of `text`, then
 * that none of the `absent` prefixes (NULL-terminated) is a number item. */
void check_numbers_of(const char *text, const expected_number *want, size_t n,
                      const char *const *absent, const char *file, int line);
#define NUMBERS_OF(text, want, absent) \
    check_numbers_of((text), (want), sizeof(want) / sizeof *(want), (absent), __FILE__, __LINE__)

/* What one entity check expects: `count` entities read `text` as `type`
 * (any type when NULL) under the name `about` (any when NULL). */
typedef struct want_entity {
    const char *text, *type, *about;
    size_t count;
} want_entity;

/* How many entities of `text` read `name` as `type` (any type when NULL)
 * with the role `role`. */
size_t entities_with_role(const char *text, const char *name, const char *type, const char *role);

/* Checks each expectation of `want` on the entities of `text`. */
void check_entities(const char *text, const want_entity *want, size_t n_want);
#define CHECK_ENTITIES(text, ...)                                                            \
    do {                                                                                     \
        const want_entity want_[] = {__VA_ARGS__};                                           \
        check_entities(text, want_, sizeof want_ / sizeof *want_);                           \
    } while (0)

/* The facts document of a text as src/facts/extract.c sets it up (no day),
 * with the analyser, analysis and items it reads, for the tests that call
 * the extractors' own functions on it. */
typedef struct facts_doc_fixture {
    sl_analyzer *an;
    sl_analysis analysis;
    sl_fact_vec out;
    sl_facts_doc d;
} facts_doc_fixture;

/* Sets up `f` for `text`: 0, or nonzero (a test failure recorded) when the
 * document is not to be read. facts_doc_close frees `f` either way. */
int facts_doc_open(facts_doc_fixture *f, const char *text);
void facts_doc_close(facts_doc_fixture *f);

#endif
