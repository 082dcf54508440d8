/* split.c — stories that split: an early wrong join undone. Each article
 * is stored with its vector (packed here, in the store's article_terms); when a story
 * reaches one of its checkpoint sizes (8, 12, 16, 24, 32, 48, 64 articles)
 * the engine reads its articles' vectors back and the grouper bisects the
 * graph of their cosines spectrally: the second eigenvector of the
 * normalised graph Laplacian (the Fiedler vector), as normalised-cut
 * clustering does. The story splits in two when the second eigenvalue,
 * how well the graph holds together, is below SPLIT_CONNECTIVITY and each
 * part has SPLIT_PART_MIN full reports: two events of one kind that one
 * story took in (two earthquakes, two rehab stays) are two dense groups
 * with few links between them. Values and figures: docs/stories.md
 * "Stories that split". */
#include "internal.h"
#include "util/alloc.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Chosen on ECB+ topics 1-20, mean story B3 F1 of ingest orders 1-3:
 * 0.8512 without splits; 0.74 0.8562, 0.78 0.8661, 0.82 0.8893, 0.86
 * 0.8966, 0.88 0.9015, 0.90 0.9019, 0.92 0.9006, 0.95 0.8892. Topics
 * 21-35, held out: 0.8544 -> 0.8874 (docs/stories.md "Stories that
 * split"). A part needs 3 full reports (4: 0.9018) and the first
 * checkpoint is at 8 articles (12: 0.9018). */
#define SPLIT_CONNECTIVITY 0.90
#define SPLIT_PART_MIN 3u
#define SPLIT_FIRST 8u             /* the first checkpoint: fewer articles tell too little */
#define LINK_FLOOR 1e-3            /* added to every cosine: the graph stays connected */
#define JACOBI_SWEEPS 50

/* ---- the packed vector: day, counts, n, then n (term, weight 0-65535) ---- */

#define HEAD_BYTES (8 + 1 + 1)
#define TERM_BYTES (8 + 2)

size_t sl_member_pack(const sl_vector *v, int64_t day, int counts, unsigned char *out)
{
    memcpy(out, &day, 8);
    out[8] = (unsigned char)(counts != 0);
    out[9] = (unsigned char)v->n; /* at most SL_VECTOR_TERMS, 128 */
    size_t at = HEAD_BYTES;
    for (uint32_t i = 0; i < v->n; i++) {
        float w = v->terms[i].weight;
        uint16_t q = (uint16_t)lrintf((w < 0 ? 0 : w > 1 ? 1 : w) * 65535.0f);
        memcpy(out + at, &v->terms[i].term, 8);
        memcpy(out + at + 8, &q, 2);
        at += TERM_BYTES;
    }
    return at;
}

int sl_member_unpack(const void *blob, size_t len, sl_member *out)
{
    const unsigned char *p = blob;
    if (len < HEAD_BYTES)
        return SL_EUSAGE;
    uint32_t n = p[9];
    if (n > SL_VECTOR_TERMS || len != HEAD_BYTES + (size_t)n * TERM_BYTES)
        return SL_EUSAGE;
    memcpy(&out->day, p, 8);
    out->counts = p[8] != 0;
    out->vector.n = n;
    for (uint32_t i = 0; i < n; i++) {
        uint16_t q;
        memcpy(&out->vector.terms[i].term, p + HEAD_BYTES + i * TERM_BYTES, 8);
        memcpy(&q, p + HEAD_BYTES + i * TERM_BYTES + 8, 2);
        out->vector.terms[i].weight = q / 65535.0f;
    }
    return 0;
}

/* ---- when, and whether ---- */

int sl_grouper_split_due(const sl_grouper *g, int64_t id)
{
    if (id <= 0 || (size_t)id >= g->stories_cap)
        return 0;
    uint32_t n = g->stories[id].articles;
    if (n < SPLIT_FIRST || n > SL_SPLIT_MAX)
        return 0;
    uint32_t m = n % 3 == 0 ? n / 3 : n;   /* 2^k or 3 * 2^k */
    return (m & (m - 1)) == 0;
}

int sl_grouper_split_past(const sl_grouper *g, int64_t id)
{
    if (id <= 0 || (size_t)id >= g->stories_cap || g->stories[id].articles <= SL_SPLIT_MAX)
        return 0;
    return g->stories[id].articles == SL_SPLIT_MAX + 1 ? SL_SPLIT_PASSED : SL_SPLIT_PAST;
}

/* The cosine of the unit vectors in probe a and in b: their dot product,
 * over their shared terms in order of term. */
static double cosine(const sl_term_probe *a, const sl_vector *b)
{
    double dot = 0;
    uint32_t i, k = 0;
    for (; sl_probe_next(a, b->terms, b->n, &k, &i); k++)
        dot += (double)a->terms[i].weight * b->terms[k].weight;
    return dot;
}

/* cosine(v's probe, v): every term shared with itself, in order. */
static double self_cosine(const sl_vector *v)
{
    double dot = 0;
    for (uint32_t k = 0; k < v->n; k++)
        dot += (double)v->terms[k].weight * v->terms[k].weight;
    return dot;
}

/* A weighed member's term as filed in sl_split_pair_cosines' table: the
 * term, its member and weight, and the entry of the same term's earlier
 * member (0: none; an entry's number is its index + 1). */
typedef struct filed_term {
    uint64_t term;
    uint32_t member;
    float weight;
    uint32_t next;
} filed_term;

int sl_split_pair_cosines(const sl_member *m, const size_t *weighed, size_t k, double *cos)
{
    size_t total = 0, slots = 16;
    for (size_t j = 0; j < k; j++)
        total += m[weighed[j]].vector.n;
    while (slots < 2 * total)
        slots *= 2;
    /* the table: each slot the number of its term's last entry (0: empty),
     * 4 bytes a slot to clear (a slot of term and entry, 16, was 4.1 M
     * instructions of calloc on the first 1,000 Reuters stories) */
    uint32_t *heads = sl_calloc(slots, sizeof *heads);
    filed_term *filed = sl_malloc((total ? total : 1) * sizeof *filed);
    if (!heads || !filed) {
        free(heads);
        free(filed);
        return SL_ENOMEM;
    }
    for (size_t i = 0; i < k; i++)
        for (size_t j = i + 1; j < k; j++)
            cos[i * k + j] = 0;
    uint32_t used = 0;
    for (size_t j = 0; j < k; j++) {
        const sl_vector *v = &m[weighed[j]].vector;
        for (uint32_t t = 0; t < v->n; t++) {
            uint64_t term = v->terms[t].term;
            size_t at = (size_t)((term * 0x9E3779B97F4A7C15u) >> 32) & (slots - 1);
            while (heads[at] && filed[heads[at] - 1].term != term)
                at = (at + 1) & (slots - 1);
            for (uint32_t e = heads[at]; e; e = filed[e - 1].next)
                cos[filed[e - 1].member * k + j] += (double)filed[e - 1].weight * v->terms[t].weight;
            filed[used] = (filed_term){term, (uint32_t)j, v->terms[t].weight, heads[at]};
            heads[at] = ++used;
        }
    }
    for (size_t i = 0; i < k; i++)
        for (size_t j = i + 1; j < k; j++)
            cos[j * k + i] = cos[i * k + j];
    free(heads);
    free(filed);
    return 0;
}

/* Rows x and y of n doubles turned by the rotation (c, s): x := c x - s y,
 * y := s x + c y. The even part is its own loop so that gcc -O2 (whose
 * vectoriser takes only loops without a remainder) turns two doubles at a
 * time; each double gets the same two products and sum as one at a time. */
static void rotate_rows(double *restrict x, double *restrict y, size_t n, double c, double s)
{
    size_t k = 0;
    for (size_t even = n & ~(size_t)1; k < even; k++) {
        double xk = x[k], yk = y[k];
        x[k] = c * xk - s * yk;
        y[k] = s * xk + c * yk;
    }
    for (; k < n; k++) { /* the remainder: keep this body the same as the loop's above */
        double xk = x[k], yk = y[k];
        x[k] = c * xk - s * yk;
        y[k] = s * xk + c * yk;
    }
}

/* The eigenvalues (diagonal of a, on return) and eigenvectors (rows of v:
 * the columns of the rotations' product, kept as rows so that each
 * rotation turns two rows, as rotate_rows does) of the symmetric n x n
 * matrix a, by cyclic Jacobi rotations. */
static void jacobi(double *a, double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < n; k++)
            v[i * n + k] = i == k;
    for (int sweep = 0; sweep < JACOBI_SWEEPS; sweep++) {
        double off = 0;
        for (size_t p = 0; p < n; p++)
            for (size_t q = p + 1; q < n; q++)
                off += a[p * n + q] * a[p * n + q];
        if (off < 1e-22)
            return;
        for (size_t p = 0; p < n; p++) {
            for (size_t q = p + 1; q < n; q++) {
                double apq = a[p * n + q];
                if (fabs(apq) < 1e-300)
                    continue;
                double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                double t = (theta >= 0 ? 1 : -1) / (fabs(theta) + sqrt(theta * theta + 1));
                double c = 1 / sqrt(t * t + 1), s = t * c;
                sl_split_rotate_columns(a, n, p, q, c, s);
                rotate_rows(a + p * n, a + q * n, n, c, s);
                rotate_rows(v + p * n, v + q * n, n, c, s);
            }
        }
    }
}

/* A member the bisection weighs: a full report that counts in the centroid
 * (an exact copy and a headline go with the member nearest to them). */
static int weighs(const sl_member *m)
{
    return m->counts && m->vector.n >= SL_SHORT_TERMS;
}

/* Splits the k weighed members (their cosines in w, k x k) by the sign of
 * the Fiedler vector; 1 when their graph holds together less than
 * SPLIT_CONNECTIVITY, side[] then set. a and v are k x k scratch. */
static int bisect(const double *w, size_t k, double *a, double *v, unsigned char *side)
{
    double *deg = sl_malloc(k * sizeof *deg);
    if (!deg)
        return SL_ENOMEM;
    for (size_t i = 0; i < k; i++) {
        deg[i] = 0;
        for (size_t j = 0; j < k; j++)
            deg[i] += w[i * k + j];
    }
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++)
            a[i * k + j] = w[i * k + j] / sqrt(deg[i] * deg[j]);
    jacobi(a, v, k);
    size_t first = 0, second = SIZE_MAX; /* the two largest eigenvalues of D^-1/2 W D^-1/2 */
    for (size_t i = 1; i < k; i++)
        if (a[i * k + i] > a[first * k + first])
            first = i;
    for (size_t i = 0; i < k; i++)
        if (i != first && (second == SIZE_MAX || a[i * k + i] > a[second * k + second]))
            second = i;
    double connectivity = 1 - a[second * k + second];
    for (size_t i = 0; i < k; i++)
        side[i] = v[second * k + i] / sqrt(deg[i]) > 0;
    free(deg);
    return connectivity < SPLIT_CONNECTIVITY;
}

/* The weighed member nearest to member m (its own index when it weighs):
 * by its cosines with the weighed members when it is one of them (`row`,
 * k of them: cosine() is symmetric to the bit), else computed here. */
static size_t nearest_weighed(const sl_member *members, const size_t *weighed, size_t k,
                              const sl_member *m, const double *row)
{
    double own_row[SL_SPLIT_MAX];
    if (!row) {
        sl_term_probe own;
        sl_term_probe_set(&own, m->vector.terms, m->vector.n);
        for (size_t i = 0; i < k; i++)
            own_row[i] = cosine(&own, &members[weighed[i]].vector);
        row = own_row;
    }
    size_t best = 0;
    double best_cos = -1;
    for (size_t i = 0; i < k; i++) {
        if (row[i] > best_cos) {
            best_cos = row[i];
            best = i;
        }
    }
    return best;
}

int sl_members_split(const sl_member *m, size_t n, unsigned char *part)
{
    size_t weighed[SL_SPLIT_MAX], k = 0;
    for (size_t i = 0; i < n && i < SL_SPLIT_MAX; i++)
        if (weighs(&m[i]))
            weighed[k++] = i;
    if (k < 2 * SPLIT_PART_MIN || n > SL_SPLIT_MAX)
        return 0;
    /* w: the graph's weights; then bisect's two scratch matrices; then the
     * weighed members' cosines, which also place them afterwards */
    double *w = sl_malloc(4 * k * k * sizeof *w), *cos = w + 3 * k * k;
    unsigned char side[SL_SPLIT_MAX];
    if (!w)
        return SL_ENOMEM;
    if (sl_split_pair_cosines(m, weighed, k, cos)) {
        free(w);
        return SL_ENOMEM;
    }
    for (size_t i = 0; i < k; i++) {
        w[i * k + i] = 0;
        cos[i * k + i] = self_cosine(&m[weighed[i]].vector);
        for (size_t j = i + 1; j < k; j++)
            w[i * k + j] = w[j * k + i] = fmax(cos[i * k + j], 0) + LINK_FLOOR;
    }
    int rc = bisect(w, k, w + k * k, w + 2 * k * k, side);
    size_t leaving = 0;
    for (size_t i = 0; rc > 0 && i < k; i++)
        leaving += side[i] != side[0]; /* the side of the first weighed member stays */
    if (rc > 0 && (leaving < SPLIT_PART_MIN || k - leaving < SPLIT_PART_MIN))
        rc = 0;
    for (size_t i = 0, at = 0; rc > 0 && i < n; i++) {
        bool weighs_i = at < k && weighed[at] == i;   /* weighed lists members in order */
        const double *row = weighs_i ? cos + at++ * k : NULL;
        part[i] = side[nearest_weighed(m, weighed, k, &m[i], row)] != side[0];
    }
    free(w);
    return rc;
}

/* ---- the two stories ---- */

/* Story id made of the members of part `which`: centroid (their sum, as
 * their joins built it), articles, span of days; title to be chosen anew. */
static int rebuild(sl_grouper *g, int64_t id, const sl_member *m, size_t n,
                   const unsigned char *part, unsigned char which)
{
    enum { ROOM = SL_CENTROID_TERMS + SL_VECTOR_TERMS };
    sl_weighted_term sum[ROOM], merged[ROOM];
    uint32_t len = 0, articles = 0;
    int64_t first = INT64_MIN, last = INT64_MIN;
    for (size_t i = 0; i < n; i++) {
        if (part[i] != which)
            continue;
        articles++;
        if (m[i].day != INT64_MIN) {
            if (first == INT64_MIN || m[i].day < first)
                first = m[i].day;
            if (last == INT64_MIN || m[i].day > last)
                last = m[i].day;
        }
        if (!m[i].counts && len)
            continue;
        uint32_t k = sl_merge_terms(sum, len, m[i].vector.terms, m[i].vector.n, merged);
        len = sl_keep_top(merged, k, SL_CENTROID_TERMS, 0);
        memcpy(sum, merged, len * sizeof *sum);
    }
    sl_story_slot *s = &g->stories[id];
    s->articles = articles;
    s->first_day = first;
    s->last_day = last;
    s->title_score = 0;
    return sl_grouper_set_centroid(g, id, sum, len);
}

int sl_grouper_split_apply(sl_grouper *g, int64_t id, int64_t new_id, const sl_member *m,
                           size_t n, const unsigned char *part)
{
    int rc = sl_grouper_reserve(g, new_id > id ? new_id : id);
    if (rc)
        return rc;
    g->stories[new_id].thread = sl_grouper_thread_of(g, id);
    if (g->trace)
        sl_thread_trace_split(g->trace, id, new_id);
    if ((rc = rebuild(g, id, m, n, part, 0)))
        return rc;
    return rebuild(g, new_id, m, n, part, 1);
}

void sl_grouper_story_state(sl_grouper *g, int64_t id, sl_story_state *out)
{
    const sl_story_slot *s = &g->stories[id];
    size_t len = sl_centroid_pack(s->terms, s->n, g->packed);
    *out = (sl_story_state){
        .id = id, .thread_id = sl_grouper_thread_of(g, id), .first_day = s->first_day,
        .last_day = s->last_day, .title_score = s->title_score, .centroid = g->packed,
        .len = len, .articles = s->articles, .revisited = s->revisited,
    };
}
