/* stories_bench.c — speed and memory of story assignment (the grouper's
 * place + add, src/stories/) as live stories grow from 1k to 100k, on
 * synthetic articles: each event draws its words from a Zipf-like
 * vocabulary of VOCAB terms (plus EVENT_NAMES words of its own), and each
 * article takes most of its event's words plus some background words. Built and run by bench/stories.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stories/stories.h"

#define VOCAB 200000
#define EVENT_TERMS 40      /* words of an event */
#define EVENT_NAMES 5       /* of which are its own (names, places): never seen before */
#define ARTICLE_TERMS 60    /* words of an article: 2/3 from its event, the rest background */
#define TIMED 20000         /* articles timed at each size */

static uint64_t rng = 88172645463325252ull;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* A word drawn with probability falling with its rank (log-uniform rank). */
static uint64_t word(void)
{
    double u = (double)(next() % 1000000) / 1000000.0;
    uint64_t rank = (uint64_t)(VOCAB * u * u * u) + 1;
    return rank * 0x9e3779b97f4a7c15ull;
}

static int by_term(const void *a, const void *b)
{
    uint64_t x = ((const sl_weighted_term *)a)->term, y = ((const sl_weighted_term *)b)->term;
    return x < y ? -1 : x > y;
}

/* An article of event `e` (events are reproducible from their number). */
static void article(uint64_t e, sl_vector *v)
{
    uint64_t saved = rng;
    rng = e * 2654435761u + 1;
    uint64_t event[EVENT_TERMS];
    for (int i = 0; i < EVENT_TERMS; i++)
        event[i] = i < EVENT_NAMES ? word() ^ (e << 1) : word();
    rng = saved ^ next();
    v->n = 0;
    double norm = 0;
    for (int i = 0; i < ARTICLE_TERMS; i++) {
        uint64_t t = i < ARTICLE_TERMS * 2 / 3 ? event[next() % EVENT_TERMS] : word();
        int dup = 0;
        for (uint32_t k = 0; k < v->n && !dup; k++)
            dup = v->terms[k].term == t;
        if (dup)
            continue;
        float w = 1.0f + (float)(next() % 100) / 50.0f;
        v->terms[v->n++] = (sl_weighted_term){t, w};
        norm += (double)w * w;
    }
    for (uint32_t k = 0; k < v->n; k++)
        v->terms[k].weight /= (float)__builtin_sqrt(norm);
    qsort(v->terms, v->n, sizeof *v->terms, by_term);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Places and adds one article, counting its terms in the document
 * frequencies and taking the story merges as the engine does (new story
 * ids from *next_id). */
static int assign(sl_grouper *g, const sl_vector *v, int64_t day, int64_t *next_id, int *joined)
{
    sl_term terms[SL_VECTOR_TERMS];
    for (uint32_t k = 0; k < v->n; k++)
        terms[k] = (sl_term){v->terms[k].term, 1, 0};
    sl_analysis an = {0};
    an.terms.items = terms;
    an.terms.n = v->n;
    if (sl_grouper_count_terms(g, &an, NULL))
        return 1;
    sl_placement p;
    sl_grouper_place(g, v, day, &p);
    int64_t id = p.story ? p.story : (*next_id)++;
    *joined = p.story != 0;
    const void *c;
    size_t len;
    int rc = sl_grouper_add(g, id, p.story ? 0 : p.thread, v, day, 1, &c, &len);
    int64_t from, into; /* small stories a grown one took in: the engine tells the store */
    while (!rc && sl_grouper_take_story_merge(g, &from, &into))
        ;
    return rc;
}

int main(void)
{
    sl_grouper *g = sl_grouper_new();
    if (!g)
        return 1;
    static const int64_t sizes[] = {1000, 3000, 10000, 30000, 100000};
    int64_t next_id = 1;
    uint64_t events = 0;
    sl_vector v;
    printf("%10s %12s %14s %12s %10s\n", "stories", "us/article", "articles/CPU s", "joined", "KB/story");
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        int joined;
        while (next_id <= sizes[s]) { /* grow: every article a new event, undated */
            article(events++, &v);
            if (assign(g, &v, INT64_MIN, &next_id, &joined))
                return 1;
        }
        /* Timed: half the articles report a recent event again, half are new events. */
        int n_joined = 0;
        double t = now();
        for (int i = 0; i < TIMED; i++) {
            uint64_t e = i % 2 ? events - 1 - next() % 1000 : events++;
            article(e, &v);
            if (assign(g, &v, INT64_MIN, &next_id, &joined))
                return 1;
            n_joined += joined;
        }
        double dt = now() - t;
        printf("%10lld %12.2f %14.0f %11.0f%% %10.2f\n", (long long)sizes[s], dt / TIMED * 1e6,
               TIMED / dt, 100.0 * n_joined / TIMED,
               sl_grouper_memory(g) / 1024.0 / (double)(next_id - 1));
    }
    sl_grouper_free(g);
    return 0;
}
