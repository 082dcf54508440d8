/* revisit.c — revisable large stories: a story that has grown to
 * REVISIT_FIRST articles, and again each time it has grown by half since
 * its last revisit, is looked at again from its members' vectors (read
 * back from the store by the engine, src/engine/story_revisit.c). A story
 * of headlines gets its centroid made again from them. Each headline,
 * which may have joined early when the story held one of its words, is
 * placed again: it moves to another story when that story's short-text
 * join score (sl_grouper_place's) reaches the threshold and beats its own
 * story's, left out of it. A story of headlines then merges with a near
 * neighbour. Revisits at growing sizes keep the work per article bounded
 * (amortised: a revisit of n members follows n / 3 articles). Values and
 * figures: docs/stories.md "Revisable large stories". */
#include "internal.h"

#include <math.h>

/* Chosen on the GoogleNews headlines of even cluster ids, mean NMI of the
 * eval's 4 orders (docs/stories.md "Revisable large stories"): a story is
 * first revisited at REVISIT_FIRST articles (8: the same, 32 and 128
 * lower), then whenever it has grown by REVISIT_GROWTH_NUM /
 * REVISIT_GROWTH_DEN since (x1.25 the same, x2 lower); a story whose
 * every article is a short text (its centroid made again whole) then
 * merges with its nearest story of the window from a cosine of
 * REVISIT_MERGE times the join threshold (0.25 and 0.3 tie, 0.2 and 0.35
 * lower; the merge of a story a headline joins asks 0.45, chosen not to
 * lower ECB+, whose stories of full reports this merge never sees). Even
 * ids 0.9187 -> 0.9293, odd ids (held out) 0.8918 -> 0.9024. */
#define REVISIT_FIRST 16u
#define REVISIT_GROWTH_NUM 3u
#define REVISIT_GROWTH_DEN 2u
#define REVISIT_MERGE (0.3 / 0.225)   /* 0.3 at granularity 1, as a part of the join threshold */
/* A centroid weight left by a member taken out (a 16-bit weight read back
 * against the float added) is none. */
#define WEIGHT_FLOOR 1e-3f

int sl_grouper_revisit_due(const sl_grouper *g, int64_t id)
{
    if (id <= 0 || (size_t)id >= g->stories_cap)
        return 0;
    const sl_story_slot *s = &g->stories[id];
    return s->articles >= REVISIT_FIRST &&
           (uint64_t)s->articles * REVISIT_GROWTH_DEN >= (uint64_t)s->revisited * REVISIT_GROWTH_NUM;
}

int sl_grouper_revisit_done(sl_grouper *g, int64_t id, int whole)
{
    g->stories[id].revisited = g->stories[id].articles;
    return whole ? sl_grouper_merge_near(g, id, REVISIT_MERGE * g->join_threshold) : 0;
}

int sl_grouper_revisit_rebuild(sl_grouper *g, int64_t id, sl_weighted_term *terms, size_t n)
{
    uint32_t k = sl_sum_terms(terms, n);
    return sl_grouper_set_centroid(g, id, terms, sl_keep_top(terms, k, SL_CENTROID_TERMS, 0));
}

/* Story s without member m: its centroid less m's vector (an exact copy
 * weighs nothing in it) and one article fewer, into out over `terms`. */
static void without(const sl_story_slot *s, const sl_member *m, sl_story_slot *out,
                    sl_weighted_term *terms)
{
    *out = *s;
    out->terms = terms;
    out->n = 0;
    double norm = 0;
    const sl_vector *v = &m->vector;
    uint32_t k = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        float w = s->terms[i].weight;
        while (k < v->n && v->terms[k].term < s->terms[i].term)
            k++;
        if (m->counts && k < v->n && v->terms[k].term == s->terms[i].term)
            w -= v->terms[k].weight;
        if (w < WEIGHT_FLOOR)
            continue;
        terms[out->n++] = (sl_weighted_term){s->terms[i].term, w};
        norm += (double)w * w;
    }
    out->norm = (float)sqrt(norm);
    out->articles = s->articles > 0 ? s->articles - 1 : 0;
}

/* Member m leaves story id (whose centroid without it is `left`) for
 * story `to`, as a join adds it there. */
static int move(sl_grouper *g, int64_t id, const sl_story_slot *left, int64_t to,
                const sl_member *m)
{
    int rc = sl_grouper_set_centroid(g, id, left->terms, left->n);
    if (rc)
        return rc;
    g->stories[id].articles = left->articles;
    sl_story_slot *t = &g->stories[to];
    if (m->counts) {
        sl_weighted_term merged[SL_CENTROID_TERMS + SL_VECTOR_TERMS];
        uint32_t n = sl_merge_terms(t->terms, t->n, m->vector.terms, m->vector.n, merged);
        if ((rc = sl_grouper_set_centroid(g, to, merged,
                                          sl_keep_top(merged, n, SL_CENTROID_TERMS, 0))))
            return rc;
    }
    t->articles++;
    if (m->day != INT64_MIN) {
        if (t->last_day == INT64_MIN || m->day > t->last_day)
            t->last_day = m->day;
        if (t->first_day == INT64_MIN || m->day < t->first_day)
            t->first_day = m->day;
    }
    return 0;
}

int sl_grouper_revisit_member(sl_grouper *g, int64_t id, const sl_member *m, int64_t *to)
{
    *to = 0;
    const sl_vector *v = &m->vector;
    if (!sl_vector_short(v))
        return 0;
    sl_weighted_term terms[SL_CENTROID_TERMS];
    sl_story_slot left;
    without(&g->stories[id], m, &left, terms);
    double threshold;
    sl_term_probe probe;
    sl_term_probe_set(&probe, v->terms, v->n);
    double best = sl_grouper_short_fit(g, &probe, m->day, &left, &threshold);
    uint32_t cands[SL_TOP_CANDIDATES];
    size_t n = sl_grouper_candidates(g, v, cands);
    for (size_t i = 0; i < n; i++) {
        const sl_story_slot *c = &g->stories[cands[i]];
        if (cands[i] == id || !c->articles)
            continue;
        double score = sl_grouper_short_fit(g, &probe, m->day, c, &threshold);
        if (score >= threshold && score > best) {
            best = score;
            *to = cands[i];
        }
    }
    int rc = sl_grouper_source_error(g);   /* a failed read reaches this member's revisit */
    if (rc || !*to)
        return rc;
    rc = move(g, id, &left, *to, m);
    return rc ? rc : 1;
}
