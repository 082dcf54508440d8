/* facts_items.c — what the facts unit tests share (facts_items.h). */
#include "facts_items.h"

#include <stdlib.h>
#include <string.h>

#include "test.h"

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
