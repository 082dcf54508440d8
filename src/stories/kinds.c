/* kinds.c — what kind of event an article tells (docs/stories.md
 * "Thirty-third round"): the stems of its lead (its first KIND_LEAD_LINES
 * lines holding a word) that are content words and that the article also
 * writes in lower case somewhere (so not names or places), weighed
 * (1 + ln tf) idf with the grouper's counts so far, L2-normalised.
 * Computed with a trace only, for the trace's K line
 * (eval/thread_kinds.py --engine): measured as thread evidence, it did not
 * hold on the held-out topics, so no decision reads it. */
#include "internal.h"

#include <math.h>
#include <string.h>

#define KIND_LEAD_LINES 3
#define KIND_LEAD_TERMS 64   /* distinct lead terms looked at */

typedef struct lead_term {
    uint64_t term;
    uint32_t count;
    int lowered;
} lead_term;

static lead_term *find_lead(lead_term *lead, size_t n, uint64_t term)
{
    for (size_t i = 0; i < n; i++)
        if (lead[i].term == term)
            return &lead[i];
    return NULL;
}

/* The distinct content-word terms of the lead, with their counts; how many. */
static size_t lead_terms(const sl_analysis *an, const char *text, lead_term *lead)
{
    size_t n = 0;
    uint32_t lines = 0, at = 0;
    int line_has_word = 0;
    for (size_t k = 0; k < an->tokens.n; k++) {
        const sl_token *tok = &an->tokens.items[k];
        for (; at < tok->start; at++)
            if (text[at] == '\n' && line_has_word) {
                line_has_word = 0;
                if (++lines == KIND_LEAD_LINES)
                    return n;
            }
        if (!(tok->flags & SL_TOK_WORD))
            continue;
        line_has_word = 1;
        uint64_t term = an->token_terms.items[k];
        if (!term || !sl_token_is_content(tok, text))
            continue;
        lead_term *t = find_lead(lead, n, term);
        if (t)
            t->count++;
        else if (n < KIND_LEAD_TERMS)
            lead[n++] = (lead_term){term, 1, 0};
    }
    return n;
}

void sl_grouper_kind(sl_grouper *g, const sl_analysis *an, const char *text)
{
    sl_vector *out = &g->kind;
    out->n = 0;
    if (!g->trace)
        return;
    lead_term lead[KIND_LEAD_TERMS];
    size_t n = lead_terms(an, text, lead);
    for (size_t k = 0; n && k < an->tokens.n; k++) {
        const sl_token *tok = &an->tokens.items[k];
        if ((tok->flags & SL_TOK_WORD) && !(tok->flags & (SL_TOK_UPPER | SL_TOK_ALLCAPS))) {
            lead_term *t = find_lead(lead, n, an->token_terms.items[k]);
            if (t)
                t->lowered = 1;
        }
    }
    sl_weighted_term terms[KIND_LEAD_TERMS];
    uint32_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (lead[i].lowered)
            terms[kept++] = (sl_weighted_term){
                lead[i].term, (float)((1 + log((double)lead[i].count)) * sl_grouper_idf(g, lead[i].term))};
    out->n = sl_keep_top(terms, kept, SL_VECTOR_TERMS, 1);
    memcpy(out->terms, terms, out->n * sizeof *terms);
}
