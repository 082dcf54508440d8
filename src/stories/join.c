/* join.c — the features of a join: what an article and a candidate story
 * share (the cosine with the centroid, its part over names, the margin over
 * the next candidate, the share of the article's terms in the story, the
 * day gap, the story's and the article's size, dated, short), printed for
 * each pair the grouper weighs when a trace is set
 * (eval/stories_features.c), for fitting a learned join decision
 * (eval/fit_stories.py). A logistic model over them did worse than the
 * hand-set threshold on held-out data, so the decision is still the
 * threshold (docs/stories.md "A learned join decision"). What the pair
 * shares (sl_join_measure: the cosine, the shared terms, the part of the
 * article on them) is what the grouper's decisions read. */
#include "internal.h"

#include <math.h>
#include <stdio.h>

void sl_join_measure(const sl_grouper *g, const sl_term_probe *v, const sl_story_slot *s,
                     sl_join_pair *out)
{
    double dot = 0, names = 0, covered = 0;
    uint32_t i, k = 0, shared = 0;
    while (sl_probe_next(v, s->terms, s->n, &k, &i)) {
        double x = (double)v->terms[i].weight * s->terms[k].weight;
        dot += x;
        covered += (double)v->terms[i].weight * v->terms[i].weight;
        if (g->trace && sl_terms_find(g->entities.items, g->entities.n, v->terms[i].term))
            names += x;
        shared++;
        k++;
    }
    out->cosine = s->norm > 0 ? dot / s->norm : 0;
    out->names = s->norm > 0 ? names / s->norm : 0;
    out->shared = shared;
    out->covered = covered;
}

void sl_join_features(const sl_vector *v, const sl_story_slot *s, const sl_join_pair *p,
                      double next_best, int64_t gap, int dated, int is_short,
                      double f[SL_JOIN_FEATURES])
{
    f[0] = p->cosine;
    f[1] = p->names;
    f[2] = p->cosine - next_best;
    f[3] = v->n ? (double)p->shared / v->n : 0;
    f[4] = (double)gap;
    f[5] = log(1.0 + s->norm);
    f[6] = log(1.0 + v->n);
    f[7] = dated;
    f[8] = is_short;
    f[9] = dated * p->cosine;
    f[10] = is_short * p->cosine;
}

void sl_join_trace(FILE *out, uint32_t story, const double f[SL_JOIN_FEATURES])
{
    fprintf(out, "C\t%u", story);
    for (int i = 0; i < SL_JOIN_FEATURES; i++)
        fprintf(out, "\t%.6g", f[i]);
    fputc('\n', out);
}
