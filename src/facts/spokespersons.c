/* spokespersons.c — a quote said by a spokesperson: "Alder's spokesman
 * said", "a Treasury spokeswoman said", "a spokeswoman for the Bank of
 * England, Mary Stone, said", "Jane Roe, a spokeswoman for Velmar Port,
 * said". The quotes stage (quotes.c) lists such a quote under the
 * spokesperson, by name where the text gives one, and states whom they
 * speak for in its role ("spokesman for Ruth Alder"). */
#include <string.h>

#include "facts/facts.h"
#include "util/alloc.h"

static const char *const spokes_words[] = {"spokesman", "spokeswoman", "spokesperson",
    "spokesmen", "spokeswomen", NULL};

/* The token of a spokesperson's word ("spokesman", "spokeswoman") in
 * tokens [first, end), SIZE_MAX when none. */
static size_t spokes_word(const sl_facts_doc *d, size_t first, size_t end)
{
    for (size_t i = first; i < end && i < d->toks.n; i++)
        if (sl_facts_in(d, i, spokes_words) >= 0)
            return i;
    return SIZE_MAX;
}

/* The entity whose span is inside bytes [a, b), the first in the text;
 * persons only when `person`, anything but persons when not; -1 when none. */
static long entity_within(const sl_facts_doc *d, uint32_t a, uint32_t b, bool person)
{
    long best = -1;
    for (size_t k = 0; k < d->out->n; k++) {
        const sl_fact_item *it = &d->out->items[k];
        if (it->kind != SL_FACT_ENTITY || !it->about || !it->detail || it->span.start < a ||
            it->span.end > b || (best >= 0 && it->span.start >= d->out->items[best].span.start))
            continue;
        if (!strcmp(it->detail, "person") == person)
            best = (long)k;
    }
    return best;
}

void sl_spokes_find(const sl_facts_doc *d, size_t first, size_t end, sl_spokes *out)
{
    *out = (sl_spokes){.word = spokes_word(d, first, end), .named = -1, .body = -1};
    if (out->word == SIZE_MAX)
        return;
    uint32_t a = d->toks.items[first].start, w = d->toks.items[out->word].start;
    uint32_t b = d->toks.items[end - 1].end, after = d->toks.items[out->word].end;
    /* whom they speak for: a name before the word ("Alder's", "Treasury"),
     * else after "for" ("a spokeswoman for the Bank of England") */
    bool for_after = out->word + 1 < end && sl_facts_is(d, out->word + 1, "for");
    uint32_t fa = for_after ? after : a, fb = for_after ? b : w;
    out->body = entity_within(d, fa, fb, false);
    if (out->body < 0)
        out->body = entity_within(d, fa, fb, true);
    /* their own name right after the word: "said Alder's spokesman John Roe" */
    if (!for_after)
        out->named = entity_within(d, after, b, true);
}

/* A new string: a[0, an) + mid + b[0, bn); NULL (and d->err) when out of memory. */
static char *joined(sl_facts_doc *d, const char *a, size_t an, const char *mid, const char *b,
                    size_t bn)
{
    size_t mn = strlen(mid);
    char *out = sl_malloc(an + mn + bn + 1);
    if (!out) {
        d->err = SL_ENOMEM;
        return NULL;
    }
    memcpy(out, a, an);
    memcpy(out + an, mid, mn);
    memcpy(out + an + mn, b, bn);
    out[an + mn + bn] = '\0';
    return out;
}

char *sl_spokes_role(sl_facts_doc *d, const sl_spokes *s)
{
    size_t n;
    const char *w = sl_facts_tok(d, s->word, &n);
    const char *body = d->out->items[s->body].about;
    return joined(d, w, n, " for ", body, strlen(body));
}

char *sl_spokes_speaker(sl_facts_doc *d, const sl_spokes *s)
{
    size_t n;
    const char *w = sl_facts_tok(d, s->word, &n);
    const char *body = d->out->items[s->body].about;
    return joined(d, body, strlen(body), "'s ", w, n);
}
