/* baseline.c — the spine's story grouping: single-pass TF-IDF clustering.
 *
 * Each article becomes a vector of its SL_VECTOR_TERMS heaviest terms,
 * weight (1 + ln tf) * idf, L2-normalised, title terms counted twice. It joins
 * the story whose centroid (sum of its articles' vectors, top
 * SL_CENTROID_TERMS terms) is most cosine-similar, if that similarity reaches
 * JOIN_THRESHOLD and the story's last article is at most WINDOW_DAYS away;
 * otherwise it starts a story. Candidate stories come from postings of the
 * article's rarer terms, each holding the POSTINGS_MAX most recent stories
 * that used the term, so a new article costs the same with 1k or 1M stories.
 * The threshold is a plain default, not fitted: the stories issue fits a
 * join decision on labelled data and replaces this file. */
#include "stories.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define JOIN_THRESHOLD 0.20
#define WINDOW_DAYS 7
#define POSTINGS_MAX 64
#define CANDIDATE_TERMS 32
/* Terms in more than this share of documents find too many stories to be candidates' keys. */
#define COMMON_TERM_SHARE 0.05

typedef struct story_slot {
    int64_t last_day;
    uint32_t n;
    sl_weighted_term terms[SL_CENTROID_TERMS];
} story_slot;

typedef struct postings {
    uint64_t term;          /* 0 = empty slot */
    uint32_t n, head;       /* ring buffer of the most recent stories */
    int64_t *stories;
} postings;

/* Open addressing hash of term -> u32 (document frequencies, pending increments). */
typedef struct count_map {
    uint64_t *keys;
    uint32_t *values;
    size_t cap, used;
} count_map;

struct sl_grouper {
    count_map df, pending;
    uint64_t n_docs;
    story_slot *stories;      /* indexed by story id */
    size_t stories_cap;
    postings *index;          /* open addressing by term */
    size_t index_cap, index_used;
    int64_t *seen;            /* scratch: candidate ids */
    size_t seen_cap;
    sl_weighted_term packed[SL_CENTROID_TERMS];
};

/* ---- count_map ---- */

static int map_grow(count_map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *values = calloc(cap, sizeof *values);
    if (!keys || !values) {
        free(keys);
        free(values);
        return SL_ENOMEM;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = m->keys[i] & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        values[j] = m->values[i];
    }
    free(m->keys);
    free(m->values);
    m->keys = keys;
    m->values = values;
    m->cap = cap;
    return 0;
}

/* Term ids are hashes; 0 is reserved for empty slots, so it maps to 1. */
static uint64_t key_of(uint64_t term) { return term ? term : 1; }

static uint32_t *map_slot(count_map *m, uint64_t term, int create)
{
    uint64_t key = key_of(term);
    if (create && (m->used + 1) * 2 > m->cap && map_grow(m))
        return NULL;
    if (!m->cap)
        return NULL;
    size_t i = key & (m->cap - 1);
    while (m->keys[i]) {
        if (m->keys[i] == key)
            return &m->values[i];
        i = (i + 1) & (m->cap - 1);
    }
    if (!create)
        return NULL;
    m->keys[i] = key;
    m->values[i] = 0;
    m->used++;
    return &m->values[i];
}

static void map_free(count_map *m)
{
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}

/* ---- grouper ---- */

sl_grouper *sl_grouper_new(void) { return calloc(1, sizeof(sl_grouper)); }

void sl_grouper_free(sl_grouper *g)
{
    if (!g)
        return;
    map_free(&g->df);
    map_free(&g->pending);
    for (size_t i = 0; i < g->index_cap; i++)
        free(g->index[i].stories);
    free(g->index);
    free(g->stories);
    free(g->seen);
    free(g);
}

int sl_grouper_load_df(void *grouper, uint64_t term, uint32_t df)
{
    uint32_t *slot = map_slot(&((sl_grouper *)grouper)->df, term, 1);
    if (!slot)
        return SL_ENOMEM;
    *slot = df;
    return 0;
}

void sl_grouper_set_docs(sl_grouper *g, uint64_t n_docs) { g->n_docs = n_docs; }

static double idf(const sl_grouper *g, uint64_t term)
{
    uint32_t *df = map_slot((count_map *)&g->df, term, 0);
    return log((double)(g->n_docs + 1) / ((df ? *df : 0) + 1)) + 1.0;
}

static int count_one(sl_grouper *g, uint64_t term)
{
    uint32_t *df = map_slot(&g->df, term, 1);
    uint32_t *inc = map_slot(&g->pending, term, 1);
    if (!df || !inc)
        return SL_ENOMEM;
    (*df)++;
    (*inc)++;
    return 0;
}

static int in_terms(const sl_analysis *an, uint64_t term)
{
    size_t lo = 0, hi = an ? an->terms.n : 0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (an->terms.items[mid].id < term)
            lo = mid + 1;
        else
            hi = mid;
    }
    return an && lo < an->terms.n && an->terms.items[lo].id == term;
}

int sl_grouper_count_terms(sl_grouper *g, const sl_analysis *body, const sl_analysis *title)
{
    g->n_docs++;
    for (size_t i = 0; i < body->terms.n; i++)
        if (count_one(g, body->terms.items[i].id))
            return SL_ENOMEM;
    for (size_t i = 0; title && i < title->terms.n; i++)
        if (!in_terms(body, title->terms.items[i].id) && count_one(g, title->terms.items[i].id))
            return SL_ENOMEM;
    return 0;
}

static int by_weight_desc(const void *a, const void *b)
{
    float x = ((const sl_weighted_term *)a)->weight, y = ((const sl_weighted_term *)b)->weight;
    return x < y ? 1 : x > y ? -1 : 0;
}

static int by_term(const void *a, const void *b)
{
    uint64_t x = ((const sl_weighted_term *)a)->term, y = ((const sl_weighted_term *)b)->term;
    return x < y ? -1 : x > y;
}

/* Keeps the `keep` heaviest of n terms, L2-normalised when `normalise`, sorted by term. */
static uint32_t keep_top(sl_weighted_term *terms, size_t n, size_t keep, int normalise)
{
    qsort(terms, n, sizeof *terms, by_weight_desc);
    if (n > keep)
        n = keep;
    if (normalise) {
        double norm = 0;
        for (size_t i = 0; i < n; i++)
            norm += (double)terms[i].weight * terms[i].weight;
        norm = sqrt(norm);
        for (size_t i = 0; norm > 0 && i < n; i++)
            terms[i].weight = (float)(terms[i].weight / norm);
    }
    qsort(terms, n, sizeof *terms, by_term);
    return (uint32_t)n;
}

void sl_grouper_vectorize(sl_grouper *g, const sl_analysis *body, const sl_analysis *title,
                          sl_vector *out)
{
    size_t cap = body->terms.n + (title ? title->terms.n : 0);
    sl_weighted_term stack[512];
    sl_weighted_term *all = cap <= 512 ? stack : malloc(cap * sizeof *all);
    out->n = 0;
    if (!all)
        return;
    size_t n = 0;
    for (size_t i = 0; i < body->terms.n; i++) {
        const sl_term *t = &body->terms.items[i];
        double tf = t->count + (in_terms(title, t->id) ? 2 : 0);
        all[n++] = (sl_weighted_term){t->id, (float)((1 + log(tf)) * idf(g, t->id))};
    }
    for (size_t i = 0; title && i < title->terms.n; i++) {
        const sl_term *t = &title->terms.items[i];
        if (!in_terms(body, t->id))
            all[n++] = (sl_weighted_term){t->id, (float)((1 + log(2.0 * t->count)) * idf(g, t->id))};
    }
    out->n = keep_top(all, n, SL_VECTOR_TERMS, 1);
    memcpy(out->terms, all, out->n * sizeof *all);
    if (all != stack)
        free(all);
}

static double cosine(const sl_vector *v, const story_slot *s)
{
    double dot = 0, norm = 0;
    for (uint32_t i = 0; i < s->n; i++)
        norm += (double)s->terms[i].weight * s->terms[i].weight;
    uint32_t i = 0, k = 0;
    while (i < v->n && k < s->n) {
        if (v->terms[i].term < s->terms[k].term)
            i++;
        else if (v->terms[i].term > s->terms[k].term)
            k++;
        else
            dot += (double)v->terms[i++].weight * s->terms[k++].weight;
    }
    return norm > 0 ? dot / sqrt(norm) : 0;
}

static postings *postings_slot(sl_grouper *g, uint64_t term, int create)
{
    uint64_t key = key_of(term);
    if (create && (g->index_used + 1) * 2 > g->index_cap) {
        size_t cap = g->index_cap ? g->index_cap * 2 : 1024;
        postings *index = calloc(cap, sizeof *index);
        if (!index)
            return NULL;
        for (size_t i = 0; i < g->index_cap; i++) {
            if (!g->index[i].term)
                continue;
            size_t j = g->index[i].term & (cap - 1);
            while (index[j].term)
                j = (j + 1) & (cap - 1);
            index[j] = g->index[i];
        }
        free(g->index);
        g->index = index;
        g->index_cap = cap;
    }
    if (!g->index_cap)
        return NULL;
    size_t i = key & (g->index_cap - 1);
    while (g->index[i].term) {
        if (g->index[i].term == key)
            return &g->index[i];
        i = (i + 1) & (g->index_cap - 1);
    }
    if (!create)
        return NULL;
    g->index[i].term = key;
    g->index_used++;
    return &g->index[i];
}

static int post(sl_grouper *g, uint64_t term, int64_t story)
{
    postings *p = postings_slot(g, term, 1);
    if (!p)
        return SL_ENOMEM;
    if (!p->stories && !(p->stories = malloc(POSTINGS_MAX * sizeof *p->stories)))
        return SL_ENOMEM;
    uint32_t last = (p->head + POSTINGS_MAX - 1) % POSTINGS_MAX;
    if (p->n && p->stories[last] == story)
        return 0;
    p->stories[p->head] = story;
    p->head = (p->head + 1) % POSTINGS_MAX;
    if (p->n < POSTINGS_MAX)
        p->n++;
    return 0;
}

static int story_reserve(sl_grouper *g, int64_t id)
{
    if (id < 0)
        return SL_EUSAGE;
    if ((size_t)id < g->stories_cap)
        return 0;
    size_t cap = g->stories_cap ? g->stories_cap : 1024;
    while (cap <= (size_t)id)
        cap *= 2;
    story_slot *p = realloc(g->stories, cap * sizeof *p);
    if (!p)
        return SL_ENOMEM;
    memset(p + g->stories_cap, 0, (cap - g->stories_cap) * sizeof *p);
    for (size_t i = g->stories_cap; i < cap; i++)
        p[i].last_day = INT64_MIN;
    g->stories = p;
    g->stories_cap = cap;
    return 0;
}

int sl_grouper_load_story(void *grouper, int64_t id, int64_t last_day, const void *centroid,
                          size_t len)
{
    sl_grouper *g = grouper;
    if (story_reserve(g, id))
        return SL_ENOMEM;
    story_slot *s = &g->stories[id];
    s->last_day = last_day;
    s->n = (uint32_t)(len / sizeof(sl_weighted_term));
    if (s->n > SL_CENTROID_TERMS)
        s->n = SL_CENTROID_TERMS;
    if (s->n)
        memcpy(s->terms, centroid, s->n * sizeof(sl_weighted_term));
    for (uint32_t i = 0; i < s->n; i++)
        if (post(g, s->terms[i].term, id))
            return SL_ENOMEM;
    return 0;
}

static int far_apart(int64_t a, int64_t b)
{
    if (a == INT64_MIN || b == INT64_MIN)
        return 0;
    return a - b > WINDOW_DAYS || b - a > WINDOW_DAYS;
}

int64_t sl_grouper_best(sl_grouper *g, const sl_vector *v, int64_t day, double *similarity)
{
    *similarity = 0;
    /* Candidate keys: the article's heaviest terms that are not in every other document. */
    sl_weighted_term keys[SL_VECTOR_TERMS];
    memcpy(keys, v->terms, v->n * sizeof *keys);
    qsort(keys, v->n, sizeof *keys, by_weight_desc);
    double common = COMMON_TERM_SHARE * (double)g->n_docs;
    int64_t best = 0;
    size_t used = 0;
    size_t n_seen = 0;
    for (uint32_t i = 0; i < v->n && used < CANDIDATE_TERMS; i++) {
        uint32_t *df = map_slot(&g->df, keys[i].term, 0);
        if (g->n_docs > 100 && df && *df > common)
            continue;
        used++;
        postings *p = postings_slot(g, keys[i].term, 0);
        for (uint32_t k = 0; p && k < p->n; k++) {
            int64_t id = p->stories[k];
            int dup = 0;
            for (size_t s = 0; s < n_seen && !dup; s++)
                dup = g->seen[s] == id;
            if (dup)
                continue;
            if (n_seen == g->seen_cap) {
                size_t cap = g->seen_cap ? g->seen_cap * 2 : 256;
                int64_t *seen = realloc(g->seen, cap * sizeof *seen);
                if (!seen)
                    return best;
                g->seen = seen;
                g->seen_cap = cap;
            }
            g->seen[n_seen++] = id;
            story_slot *s = &g->stories[id];
            if (far_apart(day, s->last_day))
                continue;
            double sim = cosine(v, s);
            if (sim >= JOIN_THRESHOLD && sim > *similarity) {
                *similarity = sim;
                best = id;
            }
        }
    }
    return best;
}

int sl_grouper_add(sl_grouper *g, int64_t id, const sl_vector *v, int64_t day,
                   const void **centroid, size_t *len)
{
    if (story_reserve(g, id))
        return SL_ENOMEM;
    story_slot *s = &g->stories[id];
    sl_weighted_term merged[SL_CENTROID_TERMS + SL_VECTOR_TERMS];
    size_t n = 0;
    uint32_t i = 0, k = 0;
    while (i < v->n || k < s->n) {
        if (k >= s->n || (i < v->n && v->terms[i].term < s->terms[k].term))
            merged[n++] = v->terms[i++];
        else if (i >= v->n || s->terms[k].term < v->terms[i].term)
            merged[n++] = s->terms[k++];
        else {
            merged[n] = s->terms[k++];
            merged[n++].weight += v->terms[i++].weight;
        }
    }
    s->n = keep_top(merged, n, SL_CENTROID_TERMS, 0);
    memcpy(s->terms, merged, s->n * sizeof *merged);
    if (day != INT64_MIN && (s->last_day == INT64_MIN || day > s->last_day))
        s->last_day = day;
    for (uint32_t t = 0; t < v->n; t++)
        if (post(g, v->terms[t].term, id))
            return SL_ENOMEM;
    memcpy(g->packed, s->terms, s->n * sizeof *s->terms);
    *centroid = g->packed;
    *len = s->n * sizeof *s->terms;
    return 0;
}

int sl_grouper_take_pending(sl_grouper *g, int (*fn)(void *ctx, uint64_t term, uint32_t inc),
                            void *ctx)
{
    for (size_t i = 0; i < g->pending.cap; i++) {
        if (!g->pending.keys[i])
            continue;
        int rc = fn(ctx, g->pending.keys[i], g->pending.values[i]);
        if (rc)
            return rc;
    }
    map_free(&g->pending);
    return 0;
}
