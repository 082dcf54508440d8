/* story_fetch.c — the grouper's stories read from the store as articles need
 * them, so that opening a store loads none. The first time an article's
 * candidate search meets a term, the term's most recent stories are read
 * (the store's story_terms, highest ids first) with each story's state not
 * yet in memory; a term with more stories than read keeps the ones from
 * its floor on. Centroid changes keep the lists read exact (index.c), and
 * when removals leave such a list shorter than the grouper scans, it is
 * read again. The stories the grouper sees are then those a whole load
 * gives, and every decision is the same. From schema 26 a list gives each
 * story's weight of the term and the store its norm, so a listed story is
 * scored without being read: only the candidates are read whole (the same
 * floats: the weight over the norm, as set_centroid computes them;
 * docs/history/benchmarks-rounds.md, "Twenty-fourth round"). */
#include "internal.h"

#include <math.h>

/* Stories read per term: those the grouper scans. A list that loses one
 * (a centroid that dropped the term) is read again, and then only the
 * story that comes into reach is read whole: the others are in memory.
 * Twice as many, read so that a list could lose stories before it was read
 * again, read whole 128 stories a term that no search scanned
 * (docs/history/benchmarks-rounds.md, "Twenty-third round"). */
#define FETCH_MAX SL_SCAN_MAX

void sl_grouper_set_source(sl_grouper *g, const sl_story_source *source)
{
    g->source = *source;
    g->index.lazy = 1;
}

int sl_grouper_source_error(sl_grouper *g)
{
    int rc = g->source_error;
    g->source_error = 0;
    return rc;
}

static int in_memory(const sl_grouper *g, int64_t id)
{
    return id > 0 && (size_t)id < g->stories_cap && g->stories[id].terms;
}

int sl_grouper_fetch_story(sl_grouper *g, int64_t id)
{
    if (!g->source.state || in_memory(g, id))
        return 0;
    return g->source.state(g->source.ctx, id, sl_grouper_load_story, g);
}

/* term's weight in the story's postings, computed as the grouper's
 * set_centroid computes it (the norm in double); 0 in *found when the
 * centroid does not hold the term. */
static float posting_weight(const sl_story_slot *s, uint64_t term, int *found)
{
    double norm = 0;
    float weight = 0;
    *found = 0;
    for (uint32_t k = 0; k < s->n; k++) {
        norm += (double)s->terms[k].weight * s->terms[k].weight;
        if (s->terms[k].term == term) {
            weight = s->terms[k].weight;
            *found = 1;
        }
    }
    norm = sqrt(norm);
    return norm > 0 ? (float)(weight / norm) : 0;
}

/* The posting weight of a story not in memory from its list's `weight`
 * and its norm (read once); 0 in *found when the store has no norm for it. */
static int listed_weight(sl_grouper *g, int64_t id, float weight, float *out, int *found)
{
    int rc = sl_grouper_reserve(g, id);
    *found = 0;
    if (rc)
        return id <= 0 || id > UINT32_MAX ? 0 : rc; /* a foreign id: not a candidate */
    sl_story_slot *s = &g->stories[id];
    if (!s->listed_norm && (rc = g->source.norm(g->source.ctx, id, &s->listed_norm)))
        return rc;
    *found = s->listed_norm > 0;
    *out = *found ? (float)(weight / s->listed_norm) : 0;
    return 0;
}

/* Story id's posting weight under term: from memory, else from its list's
 * `weight` (read whole first when the list has none). */
static int story_weight(sl_grouper *g, int64_t id, uint64_t term, float weight, float *out,
                        int *found)
{
    int listed = weight >= 0 && g->source.norm;
    int rc = listed ? 0 : sl_grouper_fetch_story(g, id);
    *found = 0;
    if (rc)
        return rc;
    if (in_memory(g, id)) {
        *out = posting_weight(&g->stories[id], term, found);
        return 0;
    }
    return listed ? listed_weight(g, id, weight, out, found) : 0;
}

int sl_grouper_read_candidate(sl_grouper *g, uint32_t story)
{
    if (!g->source.state || in_memory(g, story))
        return 1;
    if (g->source_error)   /* after a failed read, none: its reason stays SQLite's last */
        return 0;
    int rc = sl_grouper_fetch_story(g, story);
    if (rc)
        g->source_error = rc;
    return !rc && in_memory(g, story);
}

/* Reads term's list: its FETCH_MAX most recent stories, with their
 * weights or states. */
static int fetch_postings(sl_grouper *g, uint64_t term)
{
    int64_t ids[FETCH_MAX];
    float weights[FETCH_MAX];
    size_t n = 0;
    int rc = g->source.recent(g->source.ctx, term, FETCH_MAX, ids, weights, &n);
    if (rc)
        return rc;
    uint32_t floor = n == FETCH_MAX && ids[n - 1] > 0 && ids[n - 1] <= UINT32_MAX
                         ? (uint32_t)ids[n - 1] : 0;
    if (!sl_index_reset(&g->index, term, floor))
        return SL_ENOMEM;
    for (size_t i = n; i-- > 0;) { /* oldest first: each story goes at the list's end */
        int64_t id = ids[i];
        int found;
        float weight = 0;
        if ((rc = story_weight(g, id, term, weights[i], &weight, &found)))
            return rc;
        if (found && (rc = sl_index_set(&g->index, term, (uint32_t)id, weight)))
            return rc;
    }
    return 0;
}

const sl_postings *sl_grouper_postings(sl_grouper *g, uint64_t term)
{
    const sl_postings *p = sl_index_get(&g->index, term);
    /* after a failed read, no other: the failure's reason stays SQLite's last */
    if (!g->source.recent || g->source_error || (p && (!p->floor || p->n >= SL_SCAN_MAX)))
        return p;
    int rc = fetch_postings(g, term);
    if (rc && !g->source_error)
        g->source_error = rc;
    return sl_index_get(&g->index, term);
}
