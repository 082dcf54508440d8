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
