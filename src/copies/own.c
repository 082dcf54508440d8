/* own.c — a text's own sentences against its quotes, for the rewrite
 * decision: two outlets' reports of one event that quote one statement
 * share the quote's sentences, not their own, while a rewrite rewords its
 * original's own sentences as well (issue 19, thirty-fourth round). A
 * sentence is a quote when half or more of its content words are quoted
 * (the sketch's SL_TERM_QUOTED flag). */
#include "copies/copies.h"

/* A pair at or above this says the same thing (align.c's ALIGNED). */
#define SAID_ALIKE 0.3

static bool quote_sentence(const sl_sentence_sets *s, uint32_t k)
{
    uint32_t quoted = 0, all = 0;
    for (uint32_t t = s->content_starts.items[k]; t < s->content_starts.items[k + 1]; t++) {
        all++;
        quoted += (s->content.items[t] & SL_TERM_QUOTED) != 0;
    }
    return all && 2 * quoted >= all;
}

/* Of one text: its own sentences (with content words) and how many of
 * them have a match at SAID_ALIKE; its matched sentences and how many of
 * those are quotes. */
typedef struct own_counts {
    uint32_t own, own_paired, paired, quotes_paired;
} own_counts;

static own_counts count(const sl_sentence_sets *s, const double *match, size_t n)
{
    own_counts c = {0, 0, 0, 0};
    for (uint32_t k = 0; k < n; k++) {
        if (s->content_starts.items[k] == s->content_starts.items[k + 1])
            continue;
        bool quote = quote_sentence(s, k), paired = match[k] >= SAID_ALIKE;
        c.own += !quote;
        c.own_paired += !quote && paired;
        c.paired += paired;
        c.quotes_paired += quote && paired;
    }
    return c;
}

void sl_own_measure(const sl_sentence_sets *a, const double *match_a, size_t na,
                    const sl_sentence_sets *b, const double *match_b, size_t nb,
                    sl_comparison *out)
{
    own_counts ca = count(a, match_a, na), cb = count(b, match_b, nb);
    const own_counts *fewer = ca.own < cb.own ? &ca : &cb;
    out->own_paired = fewer->own ? (double)fewer->own_paired / fewer->own : 0;
    uint32_t paired = ca.paired + cb.paired;
    out->quotes_paired = paired ? (double)(ca.quotes_paired + cb.quotes_paired) / paired : 0;
}
