/* stories.h — grouping articles into stories as they arrive. This is the
 * spine's baseline: single-pass TF-IDF cosine against story centroids, with
 * candidates from an inverted index (term -> recent stories) so the cost per
 * article does not grow with the number of stories. The stories issue
 * replaces the method behind this interface. The grouper knows nothing of
 * the store: the engine loads it at open and saves what it reports. */
#ifndef SL_STORIES_H
#define SL_STORIES_H

#include <stddef.h>
#include <stdint.h>

#include "text/text.h"

/* One weighted term of an article vector or a story centroid. */
typedef struct sl_weighted_term {
    uint64_t term;
    float weight;
} sl_weighted_term;

#define SL_VECTOR_TERMS 128     /* terms kept per article vector */
#define SL_CENTROID_TERMS 64   /* terms kept per story centroid */

typedef struct sl_vector {
    uint32_t n;
    sl_weighted_term terms[SL_VECTOR_TERMS];   /* sorted by term */
} sl_vector;

typedef struct sl_grouper sl_grouper;

sl_grouper *sl_grouper_new(void);
void sl_grouper_free(sl_grouper *g);

/* Loading from the store at open. */
int sl_grouper_load_df(void *grouper, uint64_t term, uint32_t df);
int sl_grouper_load_story(void *grouper, int64_t id, int64_t last_day, const void *centroid,
                          size_t len);
void sl_grouper_set_docs(sl_grouper *g, uint64_t n_docs);

/* Counts an article's distinct terms in the document frequencies (and in the
 * pending increments the engine saves at commit). */
int sl_grouper_count_terms(sl_grouper *g, const sl_analysis *body, const sl_analysis *title);

/* The article's TF-IDF vector: body terms, title terms counted twice. */
void sl_grouper_vectorize(sl_grouper *g, const sl_analysis *body, const sl_analysis *title,
                          sl_vector *out);

/* The best story for a vector dated `day` (INT64_MIN when undated): its id
 * and cosine similarity, or 0 when none reaches the join threshold. */
int64_t sl_grouper_best(sl_grouper *g, const sl_vector *v, int64_t day, double *similarity);

/* Adds the vector to story `id` (new or existing) and gives its updated
 * centroid, packed for the store (valid until the next call). */
int sl_grouper_add(sl_grouper *g, int64_t id, const sl_vector *v, int64_t day,
                   const void **centroid, size_t *len);

/* Hands over the document-frequency increments since the last call. */
int sl_grouper_take_pending(sl_grouper *g, int (*fn)(void *ctx, uint64_t term, uint32_t inc),
                            void *ctx);

#endif
