/* grouper.c — the online story clusterer: where each new article goes.
 *
 * Candidates come from the index: the article's heaviest CANDIDATE_TERMS
 * terms that are not common, each giving at most SCAN_MAX stories (the most
 * recent ones), scored by the partial dot product they share; the best
 * TOP_CANDIDATES are then compared in full. The article joins the most
 * similar story (cosine to its centroid, lowered by the days between the
 * article and the story's span) when that reaches the join threshold and the
 * story is within WINDOW_DAYS; else it starts a story, which goes into the
 * thread of the nearest story within THREAD_WINDOW_DAYS when their cosine,
 * not lowered by the gap, reaches the (lower) thread threshold within the
 * window or the join threshold beyond it (or when only one of the two is
 * dated); a story that opened its own thread is linked again, story against
 * story, at its RELINK_ARTICLES-th article, and a story a short text joins
 * takes in the small stories near it (TAKE_IN_FACTOR) and is merged with
 * its nearest neighbour when their centroids are close (MERGE_THRESHOLD),
 * as a grown story a full report joins takes in the small stories near it
 * (REPORT_TAKE_IN_FACTOR): those come together in merges.c;
 * a grown story whose articles fall into two groups is split in two
 * (split.c, called by the engine), and a story revisited at growing sizes
 * places its headlines again (revisit.c). The day is the event's (the engine's,
 * from the dates the text states); an undated article is at no distance
 * from any story. Work per article is bounded by
 * CANDIDATE_TERMS * SCAN_MAX postings and TOP_CANDIDATES full comparisons,
 * whatever the number of stories. Thresholds: grouper.h (docs/stories.md). */
#include "grouper.h"
#include "util/alloc.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ACC_CAP 16384            /* >= 2 * CANDIDATE_TERMS * SCAN_MAX, a power of two */
/* Accepted dates: 1900-01-01 to two days after today. */
#define MIN_DAY (-25567)
#define FUTURE_SLACK 2
#define FOUNDER_SCORE (-1.0f)   /* title score of a titled first article not yet compared */

sl_grouper *sl_grouper_new(void)
{
    sl_grouper *g = sl_calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->df = &g->own_df;
    g->acc_keys = sl_calloc(ACC_CAP, sizeof *g->acc_keys);
    g->acc_values = sl_calloc(ACC_CAP, sizeof *g->acc_values);
    g->acc_used = sl_calloc(ACC_CAP, sizeof *g->acc_used);
    if (!g->acc_keys || !g->acc_values || !g->acc_used) {
        sl_grouper_free(g);
        return NULL;
    }
    g->acc_cap = ACC_CAP;
    sl_log_memo_init(&g->logs);
    sl_grouper_set_granularity(g, 1.0);
    return g;
}

void sl_grouper_share_df(sl_grouper *g, sl_count_map *terms)
{
    sl_count_free(&g->own_df);
    g->df = terms;
}

void sl_grouper_free(sl_grouper *g)
{
    if (!g)
        return;
    sl_count_free(&g->own_df);
    if (g->df != &g->own_df)
        sl_count_clear(g->df, 0); /* the next grouper reads them again */
    sl_count_free(&g->pending);
    sl_count_free(&g->thread_moves);
    sl_index_free(&g->index);
    for (size_t i = 0; i < g->stories_cap; i++)
        free(g->stories[i].terms);
    free(g->stories);
    free(g->acc_keys);
    free(g->acc_values);
    free(g->acc_used);
    sl_vec_free(&g->entities);
    sl_vec_free(&g->fetch);
    sl_vec_free(&g->fetched);
    sl_buf_free(&g->fold);
    free(g);
}

void sl_grouper_set_granularity(sl_grouper *g, double granularity)
{
    if (!(granularity > 0.25))
        granularity = 0.25;
    if (granularity > 4)
        granularity = 4;
    g->join_threshold = JOIN_THRESHOLD * granularity;
    g->thread_threshold = THREAD_THRESHOLD * granularity;
    g->relink_threshold = RELINK_THRESHOLD * granularity;
    g->merge_threshold = MERGE_THRESHOLD * granularity;
}

int64_t sl_grouper_day(int64_t event_day, int64_t today, sl_day_flag *flag)
{
    *flag = SL_DAY_OK;
    if (event_day == INT64_MIN) {
        *flag = SL_DAY_UNDATED;
        return INT64_MIN;
    }
    if (event_day > today + FUTURE_SLACK) {
        *flag = SL_DAY_CLAMPED;
        return today;
    }
    if (event_day < MIN_DAY) {
        *flag = SL_DAY_CLAMPED;
        return MIN_DAY;
    }
    return event_day;
}

int sl_grouper_reserve(sl_grouper *g, int64_t id)
{
    if (id <= 0 || id > UINT32_MAX)
        return SL_EUSAGE;
    if ((size_t)id < g->stories_cap)
        return 0;
    size_t cap = g->stories_cap ? g->stories_cap : 1024;
    while (cap <= (size_t)id)
        cap *= 2;
    sl_story_slot *p = sl_realloc(g->stories, cap * sizeof *p);
    if (!p)
        return SL_ENOMEM;
    memset(p + g->stories_cap, 0, (cap - g->stories_cap) * sizeof *p);
    for (size_t i = g->stories_cap; i < cap; i++)
        p[i].first_day = p[i].last_day = INT64_MIN;
    g->stories = p;
    g->stories_cap = cap;
    return 0;
}

/* Room for a centroid of n terms: n rounded up to CENTROID_ROOM_STEP, at
 * least one step. A story's terms are allocated to its centroid's size,
 * not SL_CENTROID_TERMS (1 KB) for every one: of 3,971 stories after
 * Reuters' first 18,043 articles, 964 had an empty centroid (merged into
 * another) and 491 fewer than 64 terms. Its allocation holds
 * centroid_room(s->n) terms, so the room needs no field of its own. */
#define CENTROID_ROOM_STEP 8
static uint32_t centroid_room(uint32_t n)
{
    return n ? (n + CENTROID_ROOM_STEP - 1) / CENTROID_ROOM_STEP * CENTROID_ROOM_STEP
             : CENTROID_ROOM_STEP;
}

/* s->terms when its room is centroid_room(n), else a new allocation of
 * that room (NULL when out of memory): a centroid that shrinks (a story
 * merged into another keeps none) gives its room back. */
static sl_weighted_term *centroid_with_room(const sl_story_slot *s, uint32_t n)
{
    if (s->terms && centroid_room(n) == centroid_room(s->n))
        return s->terms;
    return sl_malloc(centroid_room(n) * sizeof *s->terms);
}

int sl_grouper_set_centroid(sl_grouper *g, int64_t id, const sl_weighted_term *terms, uint32_t n)
{
    sl_story_slot *s = &g->stories[id];
    sl_weighted_term *room = centroid_with_room(s, n);
    if (!room)
        return SL_ENOMEM;
    uint32_t i = 0, k = 0;
    while (i < s->n) { /* terms that left the centroid leave the index */
        while (k < n && terms[k].term < s->terms[i].term)
            k++;
        if (k >= n || terms[k].term != s->terms[i].term)
            sl_index_remove(&g->index, s->terms[i].term, (uint32_t)id);
        i++;
    }
    double norm = 0;
    for (k = 0; k < n; k++)
        norm += (double)terms[k].weight * terms[k].weight;
    norm = sqrt(norm);
    /* Postings hold normalised weights: a candidate's partial cosine needs no
     * look at its slot (which would be a cache miss per candidate). */
    for (k = 0; k < n; k++)
        if (sl_index_set(&g->index, terms[k].term, (uint32_t)id,
                         norm > 0 ? (float)(terms[k].weight / norm) : 0)) {
            if (room != s->terms)
                free(room);
            return SL_ENOMEM;
        }
    memmove(room, terms, n * sizeof *terms);
    if (room != s->terms) {
        free(s->terms);
        s->terms = room;
    }
    s->n = n;
    s->norm = (float)norm;
    return 0;
}

int sl_grouper_load_story(void *grouper, const sl_story_state *st)
{
    sl_grouper *g = grouper;
    if (sl_grouper_reserve(g, st->id))
        /* a foreign id: not a candidate */
        return st->id <= 0 || st->id > UINT32_MAX ? 0 : SL_ENOMEM;
    sl_story_slot *s = &g->stories[st->id];
    s->first_day = st->first_day;
    s->last_day = st->last_day;
    s->thread = st->thread_id ? st->thread_id : st->id;
    s->articles = st->articles > 0 && st->articles < UINT32_MAX ? (uint32_t)st->articles : 0;
    s->title_score = (float)st->title_score;
    s->revisited = st->revisited > 0 && st->revisited < UINT32_MAX ? (uint32_t)st->revisited : 0;
    sl_weighted_term terms[SL_CENTROID_TERMS];
    uint32_t n = st->len ? sl_centroid_unpack(st->centroid, st->len, terms) : 0;
    return sl_grouper_set_centroid(g, st->id, terms, n);
}

/* Days between `day` and the story's span (0 inside it or when either is undated). */
static int64_t gap_days(const sl_story_slot *s, int64_t day)
{
    if (day == INT64_MIN || s->last_day == INT64_MIN)
        return 0;
    if (day > s->last_day)
        return day - s->last_day;
    if (s->first_day != INT64_MIN && day < s->first_day)
        return s->first_day - day;
    return 0;
}

/* ---- candidate accumulation ---- */

static float *acc_slot(sl_grouper *g, uint32_t story)
{
    uint32_t key = story; /* story ids are >= 1, 0 marks an empty slot */
    size_t i = (key * 2654435761u) & (g->acc_cap - 1);
    while (g->acc_keys[i] && g->acc_keys[i] != key)
        i = (i + 1) & (g->acc_cap - 1);
    if (!g->acc_keys[i]) {
        g->acc_keys[i] = key;
        g->acc_values[i] = 0;
        g->acc_used[g->acc_n++] = (uint32_t)i;
    }
    return &g->acc_values[i];
}

/* Fills the accumulator with the stories sharing the article's key terms. */
static void accumulate(sl_grouper *g, const sl_vector *v)
{
    sl_weighted_term keys[SL_VECTOR_TERMS];
    sl_vector_heaviest_first(v, keys);
    if (g->n_docs > 100) /* the common-term rule reads the counts */
        sl_grouper_fetch_query_df(g, v);
    double common = COMMON_TERM_SHARE * (double)g->n_docs;
    uint32_t used = 0;
    for (uint32_t i = 0; i < v->n && used < CANDIDATE_TERMS; i++) {
        uint32_t *df = sl_df_cell(g, keys[i].term, 0);
        if (g->n_docs > 100 && df && *df > common)
            continue;
        const sl_postings *p = sl_grouper_postings(g, keys[i].term);
        if (!p || !p->n)
            continue;
        used++;
        const sl_posting *items = sl_postings_items(p);
        uint32_t from = p->n > SCAN_MAX ? p->n - SCAN_MAX : 0;
        for (uint32_t k = from; k < p->n; k++)
            *acc_slot(g, items[k].story) += keys[i].weight * items[k].weight;
    }
}

static int by_score(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->story < y->story ? -1 : x->story > y->story;
}

/* The best TOP_CANDIDATES of the accumulator by partial cosine, each in
 * memory; resets it. */
static size_t take_candidates(sl_grouper *g, candidate *out)
{
    size_t n = 0;
    for (size_t i = 0; i < g->acc_n; i++) {
        size_t slot = g->acc_used[i];
        candidate c = {g->acc_keys[slot], g->acc_values[slot]};
        g->acc_keys[slot] = 0;
        if (n < TOP_CANDIDATES) {
            out[n++] = c;
            if (n == TOP_CANDIDATES)
                qsort(out, n, sizeof *out, by_score);
        } else if (by_score(&c, &out[n - 1]) < 0) {
            size_t at = n - 1;
            while (at > 0 && by_score(&c, &out[at - 1]) < 0) {
                out[at] = out[at - 1];
                at--;
            }
            out[at] = c;
        }
    }
    g->acc_n = 0;
    if (n < TOP_CANDIDATES)
        qsort(out, n, sizeof *out, by_score);
    size_t kept = 0; /* scored from their lists: read now (story_fetch.c) */
    for (size_t i = 0; i < n; i++)
        if (sl_grouper_read_candidate(g, out[i].story))
            out[kept++] = out[i];
    return kept;
}

size_t sl_grouper_candidates(sl_grouper *g, const sl_vector *v, uint32_t *out)
{
    candidate cands[TOP_CANDIDATES];
    accumulate(g, v);
    size_t n = take_candidates(g, cands);
    for (size_t i = 0; i < n; i++)
        out[i] = cands[i].story;
    return n;
}

/* The candidates of story id's centroid, normalised into v (and its
 * probe): the query of the same candidate search as an article's. */
size_t sl_grouper_story_candidates(sl_grouper *g, int64_t id, sl_vector *v, sl_term_probe *probe,
                                   candidate *cands)
{
    const sl_story_slot *s = &g->stories[id];
    v->n = 0;
    for (uint32_t i = 0; i < s->n; i++)
        v->terms[v->n++] = (sl_weighted_term){s->terms[i].term, s->terms[i].weight / s->norm};
    sl_term_probe_set(probe, v->terms, v->n);
    accumulate(g, v);
    return take_candidates(g, cands);
}

/* The second best of the candidates' cosines within the story window, and the best. */
static void window_best(const sl_join_pair *pairs, const int64_t *gaps, size_t n, double *best,
                        double *second)
{
    *best = *second = 0;
    for (size_t i = 0; i < n; i++) {
        if (gaps[i] > WINDOW_DAYS)
            continue;
        if (pairs[i].cosine > *best) {
            *second = *best;
            *best = pairs[i].cosine;
        } else if (pairs[i].cosine > *second) {
            *second = pairs[i].cosine;
        }
    }
}

/* With a trace set: the story's new article count, and the candidates of
 * its centroid's search as a link again would see them, at every count
 * (eval/fit_threads.py replays thread rules from them). One more search
 * per article, in a trace only. */
static void trace_story(sl_grouper *g, int64_t id, int64_t thread)
{
    const sl_story_slot *s = &g->stories[id];
    sl_thread_trace_add(g->trace, id, s->articles, thread);
    sl_thread_trace_centroid(g->trace, id, s);
    if (s->norm <= 0)
        return;
    sl_vector v;
    sl_term_probe probe;
    candidate cands[TOP_CANDIDATES];
    size_t n = sl_grouper_story_candidates(g, id, &v, &probe, cands);
    for (size_t i = 0; i < n; i++) {
        if (cands[i].story == id)
            continue;
        const sl_story_slot *c = &g->stories[cands[i].story];
        sl_join_pair p;
        sl_join_measure(g, &probe, c, &p);
        sl_thread_trace_relink(g->trace, cands[i].story, &p, c->articles, span_gap(s, c),
                               s->last_day != INT64_MIN, c->last_day != INT64_MIN);
    }
}

/* ...the lower the less of the text the story holds (SHORT_UNSHARED). */
static double short_prior(const sl_story_slot *s, const sl_join_pair *p)
{
    double unshared = p->covered < 1 ? 1 - p->covered : 0;
    return size_prior(s, SHORT_SIZE_PRIOR - SHORT_UNSHARED * unshared);
}

/* An article's join score with story s (its similarity, the cosine
 * lowered by the gap, in *sim, times a short text's size prior) and, in
 * *threshold, what the score must reach. */
static double join_score(const sl_grouper *g, const sl_story_slot *s, const sl_join_pair *p,
                         int64_t gap, int dated, int is_short, double *sim, double *threshold)
{
    *sim = p->cosine * exp(-(double)gap / DECAY_DAYS);
    *threshold = g->join_threshold * (is_short ? SHORT_FACTOR : 1.0) * (dated ? DATED_FACTOR : 1.0);
    return *sim * (is_short ? short_prior(s, p) : 1.0);
}

double sl_grouper_short_fit(const sl_grouper *g, const sl_term_probe *v, int64_t day,
                            const sl_story_slot *s, double *threshold)
{
    sl_join_pair p;
    sl_join_measure(g, v, s, &p);
    int64_t gap = gap_days(s, day);
    double sim;
    *threshold = 0;
    if (gap > WINDOW_DAYS || p.shared < SHORT_MIN_SHARED)
        return 0;
    return join_score(g, s, &p, gap, day != INT64_MIN && s->last_day != INT64_MIN, 1, &sim,
                      threshold);
}

void sl_grouper_place(sl_grouper *g, const sl_vector *v, int64_t day, sl_placement *out)
{
    memset(out, 0, sizeof *out);
    if (g->trace) {
        sl_thread_trace_article(g->trace, v, &g->entities);
        sl_thread_trace_kind(g->trace, &g->kind);
    }
    accumulate(g, v);
    candidate cands[TOP_CANDIDATES];
    size_t n = take_candidates(g, cands);
    /* An article of one word joins nothing, whatever its length class. */
    int is_short = sl_vector_short(v);
    uint32_t need = is_short ? SHORT_MIN_SHARED : MIN_SHARED;
    sl_join_pair pairs[TOP_CANDIDATES];
    int64_t gaps[TOP_CANDIDATES];
    sl_term_probe probe;
    sl_term_probe_set(&probe, v->terms, v->n);
    for (size_t i = 0; i < n; i++) {
        const sl_story_slot *s = &g->stories[cands[i].story];
        gaps[i] = gap_days(s, day);
        sl_join_measure(g, &probe, s, &pairs[i]);
    }
    double top, second;
    window_best(pairs, gaps, n, &top, &second);
    double best_story = 0, best_score = 0, best_thread = 0;
    int64_t thread_story = 0;
    for (size_t i = 0; i < n; i++) {
        const sl_story_slot *s = &g->stories[cands[i].story];
        int64_t gap = gaps[i];
        double cosine_sim = pairs[i].cosine;
        uint32_t shared = pairs[i].shared;
        if (gap > THREAD_WINDOW_DAYS || shared < need)
            continue;
        int dated = day != INT64_MIN && s->last_day != INT64_MIN;
        if (g->trace && gap <= WINDOW_DAYS) {
            double f[SL_JOIN_FEATURES];
            sl_join_features(v, s, &pairs[i], cosine_sim >= top ? second : top, gap, dated,
                             is_short, f);
            sl_join_trace(g->trace, cands[i].story, f);
        }
        double sim, threshold;
        double score = join_score(g, s, &pairs[i], gap, dated, is_short, &sim, &threshold);
        if (gap <= WINDOW_DAYS && score >= threshold && score > best_score) {
            best_score = score;
            best_story = sim;
            out->story = cands[i].story;
        }
        if (g->trace)
            sl_thread_trace_link(g->trace, cands[i].story, &pairs[i], gap, day != INT64_MIN,
                                 s->last_day != INT64_MIN, s->articles);
        if (thread_link(g, g->thread_threshold, &pairs[i], gap, day != INT64_MIN,
                        s->last_day != INT64_MIN) &&
            cosine_sim > best_thread) {
            best_thread = cosine_sim;
            thread_story = cands[i].story;
        }
    }
    if (out->story) {
        out->similarity = best_story;
        out->thread = sl_grouper_thread_of(g, out->story);
    } else if (thread_story) {
        out->similarity = best_thread;
        out->thread = sl_grouper_thread_of(g, thread_story);
    }
}

void sl_grouper_set_trace(sl_grouper *g, FILE *trace) { g->trace = trace; }

static int add(sl_grouper *g, int64_t id, int64_t thread, const sl_vector *v, int64_t day,
               int counts, const void **centroid, size_t *len)
{
    int rc = sl_grouper_reserve(g, id);
    if (rc)
        return rc;
    sl_story_slot *s = &g->stories[id];
    if (thread)
        s->thread = thread;
    else if (!s->thread)
        s->thread = id;
    if (counts || !s->n) {
        sl_weighted_term merged[SL_CENTROID_TERMS + SL_VECTOR_TERMS];
        uint32_t n = sl_merge_terms(s->terms, s->n, v->terms, v->n, merged);
        uint32_t kept = sl_keep_top(merged, n, SL_CENTROID_TERMS, 0);
        if ((rc = sl_grouper_set_centroid(g, id, merged, kept)))
            return rc;
    }
    s->articles++;
    if (g->trace)
        trace_story(g, id, thread);
    if (s->articles == RELINK_ARTICLES && (rc = sl_grouper_relink(g, id)))
        return rc;
    if (day != INT64_MIN) {
        if (s->last_day == INT64_MIN || day > s->last_day)
            s->last_day = day;
        if (s->first_day == INT64_MIN || day < s->first_day)
            s->first_day = day;
    }
    if (sl_vector_short(v)) {
        if ((rc = sl_grouper_take_in_small(g, id, 1)) ||
            (rc = sl_grouper_merge_near(g, id, g->merge_threshold)))
            return rc;
    } else if (counts && v->n >= SL_SHORT_TERMS && (rc = sl_grouper_take_in_small(g, id, 0))) {
        return rc;
    }
    s = &g->stories[sl_grouper_merged_story(g, id)];
    *centroid = g->packed;
    *len = sl_centroid_pack(s->terms, s->n, g->packed);
    return 0;
}

void sl_grouper_leave(sl_grouper *g, int64_t id)
{
    if (g->n_docs)
        g->n_docs--;
    /* a story not read yet has no count here: the store's is read with it */
    if (id > 0 && (size_t)id < g->stories_cap && g->stories[id].articles)
        g->stories[id].articles--;
}

int sl_grouper_add(sl_grouper *g, int64_t id, int64_t thread, const sl_vector *v, int64_t day,
                   int counts, const void **centroid, size_t *len)
{
    return searched(g, add(g, id, thread, v, day, counts, centroid, len));
}

int sl_grouper_retitle(sl_grouper *g, int64_t id, double similarity)
{
    if (id <= 0 || (size_t)id >= g->stories_cap)
        return SL_RETITLE_NONE;
    float *score = &g->stories[id].title_score;
    if (similarity < 0) { /* a titled first article: scored by the next one */
        *score = FOUNDER_SCORE;
        return SL_RETITLE_SCORE;
    }
    if (*score == FOUNDER_SCORE) {
        /* The first article is as close to the second as the second to it. */
        *score = (float)similarity;
        return SL_RETITLE_SCORE;
    }
    if (similarity <= *score)
        return SL_RETITLE_NONE;
    *score = (float)similarity;
    return SL_RETITLE_TITLE;
}

double sl_grouper_title_score(const sl_grouper *g, int64_t id)
{
    return id > 0 && (size_t)id < g->stories_cap ? g->stories[id].title_score : 0;
}

size_t sl_grouper_memory(const sl_grouper *g)
{
    size_t bytes = sizeof *g + g->stories_cap * sizeof *g->stories + sl_index_memory(&g->index) +
                   (g->own_df.cap + g->pending.cap) * (sizeof(uint64_t) + sizeof(uint32_t)) +
                   g->acc_cap * (2 * sizeof(uint32_t) + sizeof(float));
    for (size_t i = 0; i < g->stories_cap; i++)
        if (g->stories[i].terms)
            bytes += centroid_room(g->stories[i].n) * sizeof(sl_weighted_term);
    return bytes;
}
