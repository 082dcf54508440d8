/* differential_dates.c — the event-day probe of tests/differential.py
 * (--dates): reads texts (an 8-byte little-endian publication day, a
 * 4-byte length, then the bytes) on stdin and prints for each the event
 * day sl_event_day chooses and every expression sl_timex_find finds
 * against that day (type, span, value), so that two builds' answers can be
 * compared text by text. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine/event_day.h"
#include "storyline.h"
#include "util/date.h"

static uint64_t little(const unsigned char *b, int n)
{
    uint64_t v = 0;
    for (int i = n - 1; i >= 0; i--)
        v = v << 8 | b[i];
    return v;
}

static void print_answers(const char *text, size_t len, int64_t published)
{
    int64_t day = 0;
    int rc = sl_event_day(text, len, published, &day);
    printf("%d %lld", rc, (long long)day);
    int y, m, d;
    sl_civil_from_days(published, &y, &m, &d);
    char reference[32];
    snprintf(reference, sizeof reference, "%04d-%02d-%02d", y, m, d);
    sl_timex_list *list = NULL;
    rc = sl_timex_find(text, len, reference, &list);
    printf(" | %d", rc);
    for (size_t i = 0; list && i < list->n; i++)
        printf(" %d:%u-%u:%s", list->items[i].type, list->items[i].span.start,
               list->items[i].span.end, list->items[i].value);
    sl_timex_list_free(list);
    printf("\n");
}

int main(void)
{
    unsigned char head[12];
    while (fread(head, 1, sizeof head, stdin) == sizeof head) {
        int64_t published = (int64_t)little(head, 8);
        size_t len = (size_t)little(head + 8, 4);
        char *text = malloc(len ? len : 1);
        if (!text || fread(text, 1, len, stdin) != len)
            return 1;
        print_answers(text, len, published);
        free(text);
    }
    return 0;
}
