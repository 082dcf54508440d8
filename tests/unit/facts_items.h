/* facts_items.h — what the facts unit tests share: the facts of a text or
 * of a fixture file, and the items of one kind among them. */
#ifndef SL_TEST_FACTS_ITEMS_H
#define SL_TEST_FACTS_ITEMS_H

#include "facts/facts.h"

/* The facts of the file at `path` (a fixture) or of `text`; `published`
 * may be NULL. Failures are recorded as test failures. */
sl_fact_items *facts_of_file(const char *path, const char *published);
sl_fact_items *facts_of_text(const char *text, const char *published);

/* The k-th item of a kind, or NULL; the number of items of a kind. */
const sl_fact_item *fact_nth(const sl_fact_items *items, sl_fact_kind kind, size_t k);
size_t fact_count(const sl_fact_items *items, sl_fact_kind kind);
/* Checks that there are exactly n quotes, the k-th said by want[k]. */
void check_speakers(const sl_fact_items *items, const char *const *want, size_t n);

#endif
