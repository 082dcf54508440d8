/* internal.h — what the files of src/stories share: the term counts (document
 * frequencies), the inverted index of stories by term, and the grouper
 * itself. Not seen outside src/stories. */
#ifndef SL_STORIES_INTERNAL_H
#define SL_STORIES_INTERNAL_H

#include "stories.h"
#include "util/count_map.h"

#include <stdio.h>
#include <string.h>


/* One story in a term's postings: its id and the term's weight in its
 * centroid, divided by the centroid's norm. */
typedef struct sl_posting {
    uint32_t story;
    float weight;
} sl_posting;

/* term -> the stories whose centroid holds it, sorted by story id. Read
 * from the store (story_fetch.c), a term's list may hold only its most
 * recent stories: those from `floor` on. A list of one story holds it in
 * place (`one`); a longer one has `many`, room for n rounded up to a power
 * of two (index.c): 24 bytes a list, where a count of room and an
 * allocation for every list were 32 and 32 more. */
typedef struct sl_postings {
    uint64_t term;            /* its key (sl_term_key) */
    uint32_t n;
    uint32_t floor;           /* 0: every story; else only stories >= floor */
    union {
        sl_posting one;       /* n < 2 */
        sl_posting *many;     /* n >= 2 */
    };
} sl_postings;

/* The stories of p, items [0, p->n). */
static inline const sl_posting *sl_postings_items(const sl_postings *p)
{
    return p->n < 2 ? &p->one : p->many;
}

/* The lists side by side in order of first use, found through a hash of
 * their places: 4 bytes a slot, at most half full, where slots of whole
 * lists (32 bytes) were (docs/history/benchmarks-rounds.md, "Twenty-eighth round"). */
typedef struct sl_index {
    uint32_t *at;             /* place in lists + 1; 0: empty slot */
    size_t cap;               /* slots of at, a power of two */
    sl_postings *lists;
    size_t used, lists_cap;   /* lists in use, and room */
    int lazy;                 /* lists are read from the store: a term not read is left out */
} sl_index;

/* Stories of a term's list the grouper scans (the most recent ones). */
#define SL_SCAN_MAX 128
/* Candidates of a search compared in full. */
#define SL_TOP_CANDIDATES 16

/* Sets (adds or updates) story's weight under term. A lazy index leaves
 * out a term whose list it has not read and a story below the list's floor:
 * the store holds them. */
int sl_index_set(sl_index *ix, uint64_t term, uint32_t story, float weight);
/* Takes the story out of term's postings. */
void sl_index_remove(sl_index *ix, uint64_t term, uint32_t story);
/* The postings of a term, NULL when none. */
const sl_postings *sl_index_get(const sl_index *ix, uint64_t term);
/* Term's list emptied, to be filled from the store from `floor` on; NULL
 * when out of memory. */
sl_postings *sl_index_reset(sl_index *ix, uint64_t term, uint32_t floor);
void sl_index_free(sl_index *ix);
size_t sl_index_memory(const sl_index *ix);

/* A short text: at least the 2 terms (MIN_SHARED) a join asks, and fewer
 * than SL_SHORT_TERMS. */
static inline int sl_vector_short(const sl_vector *v)
{
    return v->n >= 2 && v->n < SL_SHORT_TERMS;
}

/* A vector's terms in a small open-addressed table, to find in it the
 * terms of the vectors it is compared with one after another (an article
 * with its candidate stories, a split's member with the others): a probe
 * a term of the other side, where a merge of the two sorted arrays
 * stepped through both (an article's 128 terms and a centroid's 64 took
 * about 190 steps; docs/history/benchmarks-rounds.md, "Thirty-fourth
 * round"). The vector's terms are distinct, as every vector's and
 * centroid's are. */
#define SL_PROBE_SLOTS 1024 /* a power of two, at least twice SL_VECTOR_TERMS */
_Static_assert(SL_PROBE_SLOTS >= 2 * SL_VECTOR_TERMS && SL_VECTOR_TERMS < 255,
               "a probe table at most half full, its indexes in a byte");
typedef struct sl_term_probe {
    const sl_weighted_term *terms; /* the vector's */
    uint8_t at[SL_PROBE_SLOTS];    /* index in terms + 1; 0: an empty slot */
    uint64_t term[SL_PROBE_SLOTS];
} sl_term_probe;

static inline uint32_t sl_probe_slot(uint64_t term)
{
    return (uint32_t)((term * 0x9E3779B97F4A7C15u) >> 54); /* 10 bits: SL_PROBE_SLOTS */
}

/* p over the n terms (at most SL_VECTOR_TERMS), which must outlive it. */
static inline void sl_term_probe_set(sl_term_probe *p, const sl_weighted_term *terms, uint32_t n)
{
    p->terms = terms;
    memset(p->at, 0, sizeof p->at);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t s = sl_probe_slot(terms[i].term);
        while (p->at[s])
            s = (s + 1) & (SL_PROBE_SLOTS - 1);
        p->at[s] = (uint8_t)(i + 1);
        p->term[s] = terms[i].term;
    }
}

/* The next of b's terms, from b[*k] on, that p's vector holds: true with
 * *k at it and *i at its index in p's terms, false when b runs out. In b's
 * order, so both sorted by term: the same pairs, in the same order, as a
 * merge of the two arrays. */
static inline bool sl_probe_next(const sl_term_probe *p, const sl_weighted_term *b, uint32_t nb,
                                 uint32_t *k, uint32_t *i)
{
    for (uint32_t y = *k; y < nb; y++)
        for (uint32_t s = sl_probe_slot(b[y].term); p->at[s]; s = (s + 1) & (SL_PROBE_SLOTS - 1))
            if (p->term[s] == b[y].term) {
                *k = y;
                *i = p->at[s] - 1u;
                return true;
            }
    *k = nb;
    return false;
}

/* Term ids are hashes; 0 is reserved for empty slots, so it maps to 1. */
static inline uint64_t sl_term_key(uint64_t term) { return term ? term : 1; }

typedef struct sl_story_slot {
    int64_t first_day, last_day;   /* INT64_MIN when undated */
    int64_t thread;
    float norm;                     /* L2 norm of the centroid */
    double listed_norm;             /* the store's norm of a story not read (story_fetch.c), 0: none */
    float title_score;
    uint32_t n;
    sl_weighted_term *terms;        /* n <= SL_CENTROID_TERMS, sorted by term */
    uint32_t articles;              /* articles filed in it (the store's n_articles) */
    uint32_t revisited;             /* its articles when last revisited (revisit.c) */
} sl_story_slot;

/* One story merge: every article of story `from` goes into story `into`. */
typedef struct sl_story_merge {
    int64_t from, into;
} sl_story_merge;
/* Merges one add makes at most: the small stories of one candidate search
 * (merges.c, TOP_CANDIDATES) and the neighbour of another. */
#define SL_STORY_MERGES_MAX 17

/* The logarithms a vector's weights take (vectors.c), kept: log(k) of a
 * small whole term frequency (filled by sl_log_memo_init), and the idf of
 * a small count at the n_docs it was taken at (idf_docs: n_docs + 1, 0
 * none). 162,344 calls of log() were 7.4 M instructions of the first
 * 1,000 Reuters stories. */
#define SL_LOG_MEMO 256
typedef struct sl_log_memo {
    double tf[SL_LOG_MEMO];
    double idf[SL_LOG_MEMO];
    uint64_t idf_docs[SL_LOG_MEMO];
} sl_log_memo;

void sl_log_memo_init(sl_log_memo *m);

struct sl_grouper {
    sl_count_map *df;               /* term -> document frequency (column 0 of a map of two) */
    sl_count_map own_df, pending;   /* df points to own_df unless shared (sl_grouper_share_df) */
    uint64_t n_docs;
    sl_log_memo logs;
    double join_threshold, thread_threshold, relink_threshold, merge_threshold;
    sl_story_slot *stories;         /* indexed by story id */
    size_t stories_cap;
    sl_index index;
    /* Scratch for candidate scoring: story -> partial dot product. */
    uint32_t *acc_keys;
    float *acc_values;
    size_t acc_cap;
    uint32_t *acc_used;
    size_t acc_n;
    unsigned char packed[SL_CENTROID_TERMS * SL_CENTROID_TERM_BYTES]; /* a centroid for the store */
    sl_term_vec entities;           /* name features of the current article */
    sl_vector kind;                 /* event-kind vector of the current article (kinds.c) */
    SL_VEC(uint64_t) fetch;         /* terms whose counts are read together (df_fetch.c) */
    SL_VEC(uint32_t) fetched;       /* and the counts read */
    /* the collection's language (languages.c): the most counted, and its count */
    const char *language;
    uint32_t language_votes;
    int language_known;             /* 0: find it again from the counts */
    sl_buf fold;
    sl_count_map thread_moves;      /* thread -> the thread it went into (this process) */
    int64_t merge_from, merge_into; /* the thread merge the last add found, for the store */
    /* the story merges the last add made, in order, for the store */
    sl_story_merge story_merges[SL_STORY_MERGES_MAX];
    size_t n_story_merges, story_merges_taken;
    FILE *trace;                    /* join features of each pair, for fitting; NULL: none */
    /* the store, when stories are read as articles need them (story_fetch.c) */
    sl_story_source source;
    int source_error;               /* the first failed read since the last check */
    /* the stored term counts, read as terms are met (df_fetch.c); NULL: none */
    sl_df_get df_get;
    void *df_ctx;
};

/* The document frequency of `term` (created as 0 when `create`); NULL
 * when not in memory or out of memory. */
static inline uint32_t *sl_df_cell(const sl_grouper *g, uint64_t term, int create)
{
    return sl_count_cell(g->df, 0, term, create);
}

/* Makes room for story id (its slot zeroed, undated) when it has none yet. */
int sl_grouper_reserve(sl_grouper *g, int64_t id);
/* Replaces a story's centroid with `terms` (sorted by term), keeping the index exact. */
int sl_grouper_set_centroid(sl_grouper *g, int64_t id, const sl_weighted_term *terms, uint32_t n);
/* The thread a story is in now: its own, followed through the merges made
 * since it was read (the store holds merged threads already). */
int64_t sl_grouper_thread_of(sl_grouper *g, int64_t story);

/* The stories holding term, read from the store first when the grouper has
 * a source and has not read them (story_fetch.c); NULL when none. */
const sl_postings *sl_grouper_postings(sl_grouper *g, uint64_t term);

/* Reads candidate `story` through the source unless it is in memory:
 * 1 when it is then, 0 when not (none, or the read failed: the error kept
 * for sl_grouper_source_error). */
int sl_grouper_read_candidate(sl_grouper *g, uint32_t story);

/* The candidates of a search for v (the index's best by partial cosine,
 * at most SL_TOP_CANDIDATES story ids into out); how many. */
size_t sl_grouper_candidates(sl_grouper *g, const sl_vector *v, uint32_t *out);
/* A short text's join score (its vector in probe v) with story s, as sl_grouper_place weighs it
 * (its cosine lowered by the days between, times the size prior), with
 * the threshold it must reach in *threshold; 0 when s is beyond the story
 * window or shares too few terms. */
double sl_grouper_short_fit(const sl_grouper *g, const sl_term_probe *v, int64_t day,
                            const sl_story_slot *s, double *threshold);

/* Story id goes with the story of the window nearest to its centroid when
 * their cosine reaches `threshold`: the later into the earlier (recorded
 * as a story merge). Fails with the error of a read its search made. */
int sl_grouper_merge_near(sl_grouper *g, int64_t id, double threshold);

/* The pseudo-term whose document frequency counts the articles in language
 * `code` (languages.c). */
uint64_t sl_language_term(const char *code);

/* Counts one more document holding `term` (and the pending increment). */
int sl_count_term(sl_grouper *g, uint64_t term);

/* Reads the stored counts of v's terms not in memory: the query of a
 * candidate search that no article's sl_grouper_fetch_df read (a story's
 * centroid, a stored member's vector), so that the search leaves out the
 * common terms a grouper that counted every article would. A failed read
 * is kept for sl_grouper_source_error. */
void sl_grouper_fetch_query_df(sl_grouper *g, const sl_vector *v);

/* Inverse document frequency of a term in the grouper's counts. */
double sl_grouper_idf(const sl_grouper *g, uint64_t term);

/* The term `term` of n terms sorted by id, NULL when absent. */
const sl_term *sl_terms_find(const sl_term *items, size_t n, uint64_t term);

/* The sum of two term lists sorted by term, into out (room for na + nb); its length. */
uint32_t sl_merge_terms(const sl_weighted_term *a, uint32_t na, const sl_weighted_term *b,
                        uint32_t nb, sl_weighted_term *out);

/* Sorts n terms by term and sums the weights of each term's copies into
 * one; how many are left. */
uint32_t sl_sum_terms(sl_weighted_term *terms, size_t n);

/* Sorts terms heaviest first, equal weights by term. */
void sl_sort_heaviest_first(sl_weighted_term *terms, size_t n);
/* v's terms in that order, into out: one 64-bit key a term, its weight's
 * bits flipped above its place in v, sorted as integers (v ascends by
 * term, so places order equal weights as their terms do; a record sort
 * of 128 terms took about 7,000 instructions a query); a weight negative,
 * infinite or not a number, or terms out of order, go by
 * sl_sort_heaviest_first. */
void sl_vector_heaviest_first(const sl_vector *v, sl_weighted_term *out);

/* Keeps the `keep` heaviest of n terms (L2-normalised when `normalise`), sorted by term. */
uint32_t sl_keep_top(sl_weighted_term *terms, size_t n, size_t keep, int normalise);

/* ---- split.c: the bisection's rotations ---- */

/* The cosines of the k weighed members (indexes into m) two by two, into
 * cos[i * k + j] and cos[j * k + i] (i < j; the diagonal left alone): each
 * member's terms in order looked up in one table of the earlier members'
 * terms, each earlier member holding one adding its product to the pair's
 * sum. The products a probe of member i's terms (sl_probe_next) finds in
 * member j's, added in the same order (j's terms ascend): the same sums
 * to the bit, where a probe table a member read every later member's terms
 * (split.c). SL_ENOMEM, else 0. */
int sl_split_pair_cosines(const sl_member *m, const size_t *weighed, size_t k, double *cos);

/* Columns p and q of the n x n matrix a turned by the rotation (c, s):
 * a[k][p] := c a[k][p] - s a[k][q], a[k][q] := s a[k][p] + c a[k][q],
 * bit for bit as one element at a time (tests/unit/test_story_split.c).
 * Two rows at a time in a pair of doubles: the strided column loop is not
 * one gcc vectorises, and paired each element gets the same two products
 * and sum as one at a time. Here, inline, so that the Jacobi loop keeps it
 * inlined (as a function of split.c's own it cost 1.5 M instructions more
 * on the first 1,000 Reuters stories; docs/history/benchmarks-rounds.md, "Twenty-sixth
 * round: ingest instructions"). */
static inline void sl_split_rotate_columns(double *a, size_t n, size_t p, size_t q, double c,
                                           double s)
{
    typedef double pair __attribute__((vector_size(2 * sizeof(double))));
    size_t k = 0;
    for (; k + 1 < n; k += 2) {
        double *r0 = a + k * n, *r1 = r0 + n;
        pair akp = {r0[p], r1[p]}, akq = {r0[q], r1[q]};
        pair x = c * akp - s * akq, y = s * akp + c * akq;
        r0[p] = x[0];
        r1[p] = x[1];
        r0[q] = y[0];
        r1[q] = y[1];
    }
    for (; k < n; k++) { /* the odd row: keep this body the same as the pairs' */
        double akp = a[k * n + p], akq = a[k * n + q];
        a[k * n + p] = c * akp - s * akq;
        a[k * n + q] = s * akp + c * akq;
    }
}

/* ---- join.c: the features of a join, for fitting ---- */

/* What an article and a story's centroid share (the names' part only
 * with a trace set: only the features use it). */
typedef struct sl_join_pair {
    double cosine;      /* with the centroid */
    double names;       /* the part of the cosine over the article's name features */
    uint32_t shared;    /* terms in common */
    double covered;     /* the article's part on them: their squared weights
                         * summed (0 to 1 for a unit vector) */
} sl_join_pair;

#define SL_JOIN_FEATURES 11

/* What the vector in probe v shares with story s. */
void sl_join_measure(const sl_grouper *g, const sl_term_probe *v, const sl_story_slot *s,
                     sl_join_pair *out);
/* The pair's features; `next_best` is the best cosine of the other
 * candidates in the window, `gap` the days between the article and the story. */
void sl_join_features(const sl_vector *v, const sl_story_slot *s, const sl_join_pair *p,
                      double next_best, int64_t gap, int dated, int is_short,
                      double f[SL_JOIN_FEATURES]);
/* One "C story f1 ... fn" line. */
void sl_join_trace(FILE *out, uint32_t story, const double f[SL_JOIN_FEATURES]);

/* ---- thread_trace.c: the thread decisions' inputs, for replaying them ---- */

/* "T story cosine names shared gap day_dated story_dated articles": a
 * candidate story of a new story's thread, seen from its first article. */
void sl_thread_trace_link(FILE *out, uint32_t story, const sl_join_pair *p, int64_t gap,
                          int day_dated, int story_dated, uint32_t articles);
/* "A story articles thread": an article added to story, which now has
 * `articles`; `thread` the one a new story was given (0: its own). */
void sl_thread_trace_add(FILE *out, int64_t story, uint32_t articles, int64_t thread);
/* "R story cosine shared articles gap dated story_dated": a candidate of
 * the last A line's story, seen from its centroid (the search of a link
 * again); gap: days between their spans; dated: the A line's story is,
 * story_dated: the candidate is. */
void sl_thread_trace_relink(FILE *out, uint32_t story, const sl_join_pair *p, uint32_t articles,
                            int64_t gap, int dated, int story_dated);
/* "W term:weight:name ...": the vector of the article being placed, name
 * 1 for a name feature (one of `names`), 0 for a term. */
void sl_thread_trace_article(FILE *out, const sl_vector *v, const sl_term_vec *names);
/* "V story term:weight ...": the story's centroid after the last A line. */
void sl_thread_trace_kind(FILE *out, const sl_vector *kind);
void sl_thread_trace_centroid(FILE *out, int64_t story, const sl_story_slot *s);
/* "S story new_story": story split, its other part a new story in its thread. */
void sl_thread_trace_split(FILE *out, int64_t story, int64_t new_story);

#endif
