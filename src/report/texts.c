/* texts.c — the report stage's shared reading of a story's texts: undoing
 * line wraps, sentence overlap, independent sources (see report.h). */
#include <stdlib.h>
#include <string.h>

#include "report/texts.h"
#include "text/text.h"
#include "util/alloc.h"

char *sl_report_unwrap(const char *text, size_t len)
{
    char *t = sl_malloc(len + 1);
    if (!t)
        return NULL;
    memcpy(t, text, len);
    t[len] = 0;
    size_t line_start = 0;
    for (size_t i = 0, next = 0; i < len; i++) {
        if (i == next && sl_utf8_next(t, len, &next) == 0xFFFD && next == i + 1)
            t[i] = '#';   /* an invalid byte (U+FFFD itself is three): a mark that
                           * ends no sentence ('?' did), makes no wire dateline
                           * ("_ ", summary.c) and is not collapsed as a space
                           * would be, so that a sentence's text keeps its length */
        if (t[i] != '\n')
            continue;
        int blank_next = i + 1 >= len || t[i + 1] == '\n';
        int blank_line = i == line_start;
        /* 40 bytes: wire copy wraps at 60-80, headlines and datelines are
         * shorter; a short first line goes on where the sentence splitter
         * reads it so (a wire lead whose dateline was taken out: "Ivorian
         * Agriculture Minister Denis Bra" / "Kanon, chairman of ...") */
        bool wraps = i - line_start >= 40 || (line_start == 0 && sl_sentences_first_line_wraps(t, len));
        if (!blank_next && !blank_line && wraps)
            t[i] = ' ';
        line_start = i + 1;
    }
    return t;
}

double sl_report_overlap(const uint64_t *x, uint32_t nx, const uint64_t *y, uint32_t ny)
{
    uint32_t i = 0, j = 0, shared = 0;
    while (i < nx && j < ny) {
        if (x[i] == y[j])
            shared++, i++, j++;
        else if (x[i] < y[j])
            i++;
        else
            j++;
    }
    uint32_t small = nx < ny ? nx : ny;
    return small ? (double)shared / small : 0;
}

size_t sl_report_source(const sl_story_text *docs, size_t d)
{
    if (!docs[d].source)
        return d;
    for (size_t k = 0; k < d; k++)
        if (docs[k].source == docs[d].source)
            return k;
    return d;
}

size_t sl_report_count_sources(const sl_story_text *docs, const size_t *list, size_t n)
{
    size_t count = 0;
    for (size_t k = 0; k < n; k++) {
        size_t src = sl_report_source(docs, list[k]), j = 0;
        while (j < k && sl_report_source(docs, list[j]) != src)
            j++;
        count += j == k;
    }
    return count;
}

