/* merges.c — the stories and threads that come together after an article
 * is placed (sl_grouper_add in grouper.c calls them): a grown story linked
 * again into the thread of its nearest story, the small stories near a
 * story taken in, a story merged with its nearest neighbour, and the
 * merges kept for the store to carry out. Thresholds: grouper.h. */
#include "grouper.h"

int64_t sl_grouper_thread_of(sl_grouper *g, int64_t story)
{
    int64_t thread = g->stories[story].thread;
    for (uint32_t *into; (into = sl_count_slot(&g->thread_moves, (uint64_t)thread, 0));)
        thread = *into;
    return thread;
}

void sl_grouper_take_merge(sl_grouper *g, int64_t *from, int64_t *into)
{
    *from = g->merge_from;
    *into = g->merge_into;
    g->merge_from = g->merge_into = 0;
}

/* A story that opened its own thread is linked again once it has
 * RELINK_ARTICLES articles, story against story: its centroid is the query,
 * and the most similar story of another thread that the thread rule links
 * it to (thread_link, at the relink threshold within the story window: a
 * story of weeks before must reach the join similarity, as at a story's
 * first article) takes the story's whole thread into its own (the later
 * of equals). One article is a weak thread signal (ECB+: a topic's second
 * event often starts nearer another topic's story than its own); a grown
 * story is a better one. Bounded like a placement. */
int sl_grouper_relink(sl_grouper *g, int64_t id)
{
    sl_story_slot *s = &g->stories[id];
    if (sl_grouper_thread_of(g, id) != id || s->norm <= 0)
        return 0;
    sl_vector v;
    sl_term_probe probe;
    candidate cands[TOP_CANDIDATES];
    size_t n = sl_grouper_story_candidates(g, id, &v, &probe, cands);
    uint32_t nearest = 0;
    double best = 0;
    for (size_t i = 0; i < n; i++) {
        const sl_story_slot *c = &g->stories[cands[i].story];
        if (cands[i].story == id || sl_grouper_thread_of(g, cands[i].story) == id)
            continue;
        sl_join_pair p;
        sl_join_measure(g, &probe, c, &p);
        if (thread_link(g, g->relink_threshold, &p, span_gap(s, c), s->last_day != INT64_MIN,
                        c->last_day != INT64_MIN) &&
            p.cosine >= best) {
            best = p.cosine;
            nearest = cands[i].story;
        }
    }
    if (!nearest)
        return 0;
    int64_t target = sl_grouper_thread_of(g, nearest);
    uint32_t *slot = sl_count_slot(&g->thread_moves, (uint64_t)id, 1);
    if (!slot)
        return SL_ENOMEM;
    *slot = (uint32_t)target;
    g->merge_from = id;
    g->merge_into = target;
    return 0;
}

/* Story `from` goes into story `into`: the sum of their centroids (cut to
 * SL_CENTROID_TERMS), their articles and their span of days; `from` is
 * left empty, out of the index. */
static int absorb(sl_grouper *g, int64_t from, int64_t into)
{
    if (g->n_story_merges == SL_STORY_MERGES_MAX) /* more than one add's searches find */
        return SL_EUSAGE;
    sl_story_slot *a = &g->stories[from], *b = &g->stories[into];
    sl_weighted_term merged[2 * SL_CENTROID_TERMS];
    uint32_t n = sl_merge_terms(b->terms, b->n, a->terms, a->n, merged);
    int rc = sl_grouper_set_centroid(g, into, merged, sl_keep_top(merged, n, SL_CENTROID_TERMS, 0));
    if (rc || (rc = sl_grouper_set_centroid(g, from, merged, 0)))
        return rc;
    b->articles += a->articles;
    a->articles = 0;
    if (a->first_day != INT64_MIN && (b->first_day == INT64_MIN || a->first_day < b->first_day))
        b->first_day = a->first_day;
    if (a->last_day != INT64_MIN && (b->last_day == INT64_MIN || a->last_day > b->last_day))
        b->last_day = a->last_day;
    g->story_merges[g->n_story_merges++] = (sl_story_merge){from, into};
    return 0;
}

/* A story with articles, within the story window of id's span. */
static int in_window(sl_grouper *g, int64_t id, uint32_t other)
{
    const sl_story_slot *c = &g->stories[other];
    return c->articles && span_gap(&g->stories[id], c) <= WINDOW_DAYS;
}

/* Which stories a story's search may end at (sl_grouper_merge_near). */
typedef int (*story_filter)(sl_grouper *g, int64_t id, uint32_t other);

/* The story nearest to story id's centroid among its candidates: the
 * other story passing `keep`, sharing `need` terms, of the highest cosine
 * from `threshold` on (the later of equals); 0 when none. */
static uint32_t nearest_story(sl_grouper *g, int64_t id, double threshold, uint32_t need,
                              story_filter keep)
{
    sl_vector v;
    sl_term_probe probe;
    candidate cands[TOP_CANDIDATES];
    size_t n = sl_grouper_story_candidates(g, id, &v, &probe, cands);
    uint32_t nearest = 0;
    for (size_t i = 0; i < n; i++) {
        if (cands[i].story == id || !keep(g, id, cands[i].story))
            continue;
        sl_join_pair p;
        sl_join_measure(g, &probe, &g->stories[cands[i].story], &p);
        if (p.shared < need || p.cosine < threshold)
            continue;
        threshold = p.cosine;
        nearest = cands[i].story;
    }
    return nearest;
}

int sl_grouper_merge_near(sl_grouper *g, int64_t id, double threshold)
{
    const sl_story_slot *s = &g->stories[id];
    if (s->articles < 2 || s->norm <= 0)
        return 0;
    int64_t nearest = nearest_story(g, id, threshold, MIN_SHARED, in_window);
    if (!nearest)
        return searched(g, 0);
    return searched(g, nearest < id ? absorb(g, id, nearest) : absorb(g, nearest, id));
}

/* A story an article has just joined takes in the small stories of its
 * neighbourhood (within the story window) whose centroid its own reaches:
 * for a short text, a story of 2 articles or more takes in stories of at
 * most SMALL_STORY articles, weighed by its size as a short text's join
 * is, from TAKE_IN_FACTOR times a short text's join threshold; for a full
 * report, a story of REPORT_TAKER_MIN articles or more takes in stories of
 * at most REPORT_SMALL_STORY articles from REPORT_TAKE_IN_FACTOR times the
 * join threshold. Articles that started a story of their own, placed
 * again now that the story has grown. */
int sl_grouper_take_in_small(sl_grouper *g, int64_t id, int is_short)
{
    const sl_story_slot *s = &g->stories[id];
    if (s->articles < (is_short ? 2 : REPORT_TAKER_MIN) || s->norm <= 0)
        return 0;
    sl_vector v;
    sl_term_probe probe;
    candidate cands[TOP_CANDIDATES];
    size_t n = sl_grouper_story_candidates(g, id, &v, &probe, cands);
    double threshold =
        is_short ? TAKE_IN_FACTOR * g->join_threshold * SHORT_FACTOR / size_prior(s, SHORT_SIZE_PRIOR)
                 : REPORT_TAKE_IN_FACTOR * g->join_threshold;
    uint32_t small = is_short ? SMALL_STORY : REPORT_SMALL_STORY;
    uint32_t need = is_short ? SHORT_MIN_SHARED : MIN_SHARED;
    for (size_t i = 0; i < n; i++) {
        const sl_story_slot *c = &g->stories[cands[i].story];
        if (cands[i].story == id || c->articles > small || !in_window(g, id, cands[i].story))
            continue;
        sl_join_pair p;
        sl_join_measure(g, &probe, c, &p);
        if (p.shared < need || p.cosine < threshold)
            continue;
        int rc = absorb(g, cands[i].story, id);
        if (rc)
            return rc;
    }
    return 0;
}

int sl_grouper_take_story_merge(sl_grouper *g, int64_t *from, int64_t *into)
{
    if (g->story_merges_taken >= g->n_story_merges) {
        g->n_story_merges = g->story_merges_taken = 0;
        *from = *into = 0;
        return 0;
    }
    *from = g->story_merges[g->story_merges_taken].from;
    *into = g->story_merges[g->story_merges_taken++].into;
    return 1;
}

/* The story that story id's articles are in after the last add's merges. */
int64_t sl_grouper_merged_story(const sl_grouper *g, int64_t id)
{
    for (size_t i = 0; i < g->n_story_merges; i++)
        if (g->story_merges[i].from == id)
            id = g->story_merges[i].into;
    return id;
}
