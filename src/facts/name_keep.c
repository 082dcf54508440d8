/* name_keep.c — whether a person or place that entities.c is about to list
 * is kept: a logistic model over the name's shape and context (token count,
 * capitals, title, gazetteer hit, the words before and after, how often the
 * text names it, where). Fitted by eval/fit_names.py on ECB+ topics 1-20 and
 * reported on 21-35 (docs/facts.md, "Entities"). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "facts/facts.h"

enum { F_PERSON, F_PLACE, F_ONE, F_TWO, F_ROLE, F_SEEN, F_MENTIONS, F_GAZETTEER, F_CAPS,
       F_POSSESSIVE, F_OPENS, F_THE, F_AT, F_SAID, F_NOUN, F_OF, F_LEAD, F_POSITION, F_WEAK,
       F_ORG, F_COMMA, F_LOWER, F_N };

/* Fitted by eval/fit_names.py; its output, pasted. F_N weights, then the bias. */
static const double weights[F_N + 1] = {0};

static const char *const at_words[] = {"in", "at", "from", "near", "across", "to", "into",
    NULL};
static const char *const said_words[] = {"said", "says", "told", "added", "stated", "explained",
    NULL};

static bool word(const sl_facts_doc *d, size_t i)
{
    return i < d->toks.n && (d->toks.items[i].flags & SL_TOK_WORD);
}

/* Whether the text writes word i in lower case somewhere: a common word. */
static bool lower_elsewhere(const sl_facts_doc *d, size_t i)
{
    size_t n, m;
    const char *w = sl_facts_tok(d, i, &n);
    for (size_t k = 0; k < d->toks.n; k++) {
        const char *v = sl_facts_tok(d, k, &m);
        if (m == n && word(d, k) && !sl_facts_upper(d, k) && !strncasecmp(v, w, n))
            return true;
    }
    return false;
}

static void features(const sl_facts_doc *d, const sl_name_cues *c, double *f)
{
    size_t n = c->end - c->name, before = c->name - 1, after = c->end;
    bool has_before = c->name > 0 && d->sent_of[before] == d->sent_of[c->name];
    bool has_after = after < d->toks.n && d->sent_of[after] == d->sent_of[c->name];
    bool caps = true;
    for (size_t k = c->name; k < c->end; k++)
        caps &= !word(d, k) || (d->toks.items[k].flags & SL_TOK_ALLCAPS);
    uint32_t a = d->toks.items[c->name].start, b = d->toks.items[c->end - 1].end;
    memset(f, 0, F_N * sizeof *f);
    f[F_PERSON] = !strcmp(c->type, "person");
    f[F_PLACE] = !strcmp(c->type, "place");
    f[F_ONE] = n == 1;
    f[F_TWO] = n == 2;
    f[F_ROLE] = c->role;
    f[F_SEEN] = c->seen_before;
    f[F_MENTIONS] = log1p(c->mentions);
    f[F_GAZETTEER] = sl_facts_is_place(d->s + a, b - a);
    f[F_CAPS] = caps;
    f[F_POSSESSIVE] = c->possessive;
    f[F_OPENS] = c->opens;
    f[F_THE] = has_before && sl_facts_is(d, before, "the");
    f[F_AT] = has_before && sl_facts_in(d, before, at_words) >= 0;
    f[F_SAID] = has_after && sl_facts_in(d, after, said_words) >= 0;
    f[F_NOUN] = has_after && word(d, after) &&
                !(d->toks.items[after].flags & (SL_TOK_STOP | SL_TOK_UPPER | SL_TOK_ALLCAPS));
    f[F_OF] = has_before && sl_facts_is(d, before, "of");
    f[F_LEAD] = d->sent_of[c->name] <= 1;
    f[F_POSITION] = d->sents.n > 1 ? (double)d->sent_of[c->name] / (double)(d->sents.n - 1) : 0;
    f[F_WEAK] = c->weak;
    f[F_ORG] = c->org_word;
    f[F_COMMA] = has_after && sl_facts_is(d, after, ",");
    for (size_t k = c->name; k < c->end; k++)
        f[F_LOWER] += lower_elsewhere(d, k) / (double)n;
}

bool sl_name_keep(const sl_facts_doc *d, const sl_name_cues *c)
{
    if (strcmp(c->type, "person") && strcmp(c->type, "place"))
        return true; /* organisations: no data to fit on (ECB+ marks none) */
    double f[F_N], score = weights[F_N];
    features(d, c, f);
    for (int k = 0; k < F_N; k++)
        score += weights[k] * f[k];
    if (d->name_trace) {
        fprintf(d->name_trace, "%u\t%u\t%s", d->toks.items[c->name].start,
                d->toks.items[c->end - 1].end, c->type);
        for (int k = 0; k < F_N; k++)
            fprintf(d->name_trace, "\t%g", f[k]);
        fputc('\n', d->name_trace);
    }
    return score >= 0;
}
