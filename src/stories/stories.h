/* stories.h — grouping articles into stories, and stories into threads, as
 * they arrive: an online clusterer over TF-IDF vectors with candidates from
 * an inverted index (term -> stories whose centroid holds it), a time window,
 * and a looser link between stories for threads. Method and thresholds:
 * docs/stories.md. The grouper knows nothing of the store: the engine loads
 * it at open and saves what it reports. */
#ifndef SL_STORIES_H
#define SL_STORIES_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "text/text.h"
#include "util/count_map.h"

/* One weighted term of an article vector or a story centroid (the centroid
 * is stored in the store as an array of these). Packed to 12 bytes, not
 * 16 (4 of padding): the centroids of all Reuters hold 207,512 terms
 * (docs/history/benchmarks-rounds.md, "Thirty-fourth round", second
 * part); x86-64 reads the 8-byte term at any address. */
typedef struct __attribute__((packed, aligned(4))) sl_weighted_term {
    uint64_t term;
    float weight;
} sl_weighted_term;
_Static_assert(sizeof(sl_weighted_term) == 12, "a weighted term is 12 bytes, no padding");

#define SL_VECTOR_TERMS 128    /* terms kept per article vector */
#define SL_CENTROID_TERMS 64   /* terms kept per story centroid */

/* A centroid as the store keeps it: per term, sorted by term, its 8-byte
 * id then its 4-byte float weight, in the host's byte order. 12 bytes a
 * term where the struct takes 16 with its padding (stores before schema 13
 * held the structs; migration 13 repacks them). */
#define SL_CENTROID_TERM_BYTES 12
/* Packs n terms into out (room for n * SL_CENTROID_TERM_BYTES); its bytes. */
size_t sl_centroid_pack(const sl_weighted_term *terms, uint32_t n, void *out);
/* The terms of a packed centroid of len bytes, at most SL_CENTROID_TERMS,
 * into out; how many. */
uint32_t sl_centroid_unpack(const void *blob, size_t len, sl_weighted_term *out);
/* Sorts terms by term, the order of a centroid (inline comparisons). */
void sl_sort_by_term(sl_weighted_term *terms, size_t n);

typedef struct sl_vector {
    uint32_t n;
    sl_weighted_term terms[SL_VECTOR_TERMS];   /* sorted by term */
} sl_vector;

/* Why an article's grouping day is not its publication day. */
typedef enum sl_day_flag {
    SL_DAY_OK = 0,
    SL_DAY_UNDATED,      /* no date, neither given nor stated: grouped by content alone */
    SL_DAY_CLAMPED       /* far future or past: clamped into the accepted range */
} sl_day_flag;

/* One story as the store keeps it (loading at open). */
typedef struct sl_story_state {
    int64_t id, thread_id;
    int64_t first_day, last_day;   /* INT64_MIN when undated */
    double title_score;            /* how well its title's article matched it */
    const void *centroid;          /* packed (sl_centroid_pack) */
    size_t len;                    /* bytes */
    int64_t articles;              /* articles filed in it */
    int64_t revisited;             /* its articles when last revisited (revisit.c), 0: never */
} sl_story_state;

/* Where an article goes. */
typedef struct sl_placement {
    int64_t story;        /* the story it joins, 0 for a new one */
    int64_t thread;       /* for a new story: the thread of its nearest story, 0 for a new thread */
    double similarity;    /* to the story joined (or the thread's story) */
} sl_placement;

typedef struct sl_grouper sl_grouper;

sl_grouper *sl_grouper_new(void);
void sl_grouper_free(sl_grouper *g);
/* The grouper's document frequencies kept in column 0 of the map of two
 * `terms` (sl_count_pair; the caller's, which outlives it), whose column 0
 * holds none: the store's dictionary keys the same terms in column 1
 * (sl_store_share_terms). Called before the grouper counts or reads any.
 * Freeing the grouper empties its column. */
void sl_grouper_share_df(sl_grouper *g, sl_count_map *terms);

/* Scales the join threshold: 1 default, 2 = twice the similarity needed
 * (finer stories), 0.5 = half (coarser). Values are clamped to [0.25, 4]. */
void sl_grouper_set_granularity(sl_grouper *g, double granularity);

/* Loading from the store at open (callbacks of the store's iterators). */
int sl_grouper_load_df(void *grouper, uint64_t term, uint32_t df);
/* Reads the stored document frequencies of n terms, dfs[i] for terms[i]
 * (0 when unknown), in one call (the store answers with one statement a
 * table). */
typedef int (*sl_df_get)(void *ctx, const uint64_t *terms, size_t n, uint32_t *dfs);
/* Where the grouper reads the stored counts from (df_fetch.c); none (the
 * default) when the store held no counts at load: every count is then the
 * grouper's own. */
void sl_grouper_set_df_source(sl_grouper *g, sl_df_get get, void *ctx);
/* Reads, through the df source, the counts of the article's terms (body,
 * title and the name features sl_grouper_find_entities found) that are not
 * in memory yet; call before sl_grouper_vectorize (df_fetch.c). */
int sl_grouper_fetch_df(sl_grouper *g, const sl_analysis *body, const sl_analysis *title);
/* Reads the counts of every language's pseudo-term (the collection's
 * language is the most counted); call once the grouper is loaded. */
int sl_grouper_fetch_languages(sl_grouper *g, sl_df_get get, void *ctx);
int sl_grouper_load_story(void *grouper, const sl_story_state *story);
/* Where the stories are read from when an article needs them, instead of
 * all at open (story_fetch.c): `recent` gives the at most `limit` most
 * recent stories whose centroid holds a term (highest ids first) with
 * each one's centroid weight of the term (-1 when unknown: the story is
 * then read), `norm` a story's centroid norm (0 when none), `state` calls
 * fn with one story's state (not at all when there is none). */
typedef struct sl_story_source {
    void *ctx;
    int (*recent)(void *ctx, uint64_t term, uint32_t limit, int64_t *ids, float *weights,
                  size_t *n);
    int (*state)(void *ctx, int64_t id, int (*fn)(void *grouper, const sl_story_state *story),
                 void *grouper);
    int (*norm)(void *ctx, int64_t id, double *norm);
} sl_story_source;
/* Reads stories through `source` from now on (the grouper must hold none). */
void sl_grouper_set_source(sl_grouper *g, const sl_story_source *source);
/* Reads story id through the source unless it is in memory (before adding
 * to a story that no candidate list named: a copy's original's). */
int sl_grouper_fetch_story(sl_grouper *g, int64_t id);
/* The first error of a read the grouper made through its source since the
 * last call (sl_grouper_place cannot fail: check after it), and clears it.
 * After a failed read the grouper reads nothing more until it is taken, so
 * the store's message is still that read's. The calls that search and
 * return int (sl_grouper_add, sl_grouper_revisit_member,
 * sl_grouper_revisit_done) answer with their searches' failed read
 * themselves. */
int sl_grouper_source_error(sl_grouper *g);
void sl_grouper_set_docs(sl_grouper *g, uint64_t n_docs);

/* The day an article is grouped on, from its event day (INT64_MIN when
 * undated: it stays so, and is grouped by content alone) and today's day
 * number; *flag says when they differ. */
int64_t sl_grouper_day(int64_t event_day, int64_t today, sl_day_flag *flag);

/* Finds the article's name features (capitalised words and pairs of them),
 * used by the next count_terms and vectorize. `body_names` are the body's
 * names when the caller found them (sl_names_find), NULL: found here.
 * `title` may be NULL. */
int sl_grouper_find_entities(sl_grouper *g, const sl_analysis *body, const char *body_text,
                             const sl_name_vec *body_names, const sl_analysis *title,
                             const char *title_text);

/* Counts an article's distinct terms in the document frequencies (and in the
 * pending increments the engine saves at commit). */
int sl_grouper_count_terms(sl_grouper *g, const sl_analysis *body, const sl_analysis *title);

/* The collection's language: the language most stored articles are in, as
 * each text alone says (sl_lang_detect_prior's `own`); NULL when none yet.
 * A static string. */
const char *sl_grouper_language(sl_grouper *g);
/* Counts an article's own language (NULL or "und": not counted) with its
 * terms: saved with the document-frequency increments. */
int sl_grouper_count_language(sl_grouper *g, const char *code);

/* The article's TF-IDF vector: body terms (lead sentences weigh more), title
 * terms counted as extra occurrences, and its name features. */
void sl_grouper_vectorize(sl_grouper *g, const sl_analysis *body, const sl_analysis *title,
                          sl_vector *out);

/* The article's event-kind vector (kinds.c: its lead's stems that it also
 * writes in lower case), for the next place's trace; with a trace only. */
void sl_grouper_kind(sl_grouper *g, const sl_analysis *body, const char *body_text);

/* Decides where a vector dated `day` goes (never fails: no candidate means a
 * new story in a new thread). */
/* The threads to merge that the last sl_grouper_add found (0, 0: none):
 * every story of thread `from` goes into `into`; the grouper has already
 * recorded it, the caller tells the store. Clears them. */
void sl_grouper_take_merge(sl_grouper *g, int64_t *from, int64_t *into);
/* The next of the story merges the last sl_grouper_add made, in the order
 * made: 1 and every article of story `from` is now in story `into` (the
 * article added too when it was filed in `from`); 0 (and 0, 0) when none
 * is left, which clears them. The story the article ends in holds the
 * centroid sl_grouper_add returned; the caller tells the store each merge. */
int sl_grouper_take_story_merge(sl_grouper *g, int64_t *from, int64_t *into);
void sl_grouper_place(sl_grouper *g, const sl_vector *v, int64_t day, sl_placement *out);

/* Adds the vector to story `id` (new or existing, of thread `thread`) and
 * gives its updated centroid packed for the store (valid until the next
 * call). `counts` is 0 for a copy of an article already in the story: it
 * widens the dates but does not weigh in the centroid again. Fails with
 * SL_ENOMEM, or with the error of a read its story searches (link again,
 * take-in, merge) made through the source. */
int sl_grouper_add(sl_grouper *g, int64_t id, int64_t thread, const sl_vector *v, int64_t day,
                   int counts, const void **centroid, size_t *len);

/* A stored article's old version leaves story `id` (the store's
 * sl_store_story_leave, before its new version is filed): one article
 * fewer in the story, when the grouper holds it, and in the collection,
 * since its new version was counted (sl_grouper_count_terms) as one more
 * article. The grouper then holds what a load from the store gives
 * (docs/stories.md "Same result whatever the batch"). */
void sl_grouper_leave(sl_grouper *g, int64_t id);

/* A story's title is the headline of the article that matched it best when
 * it joined. Call with similarity -1 for a new story's titled first article,
 * else with the similarity a titled article joined with. Says what to save:
 * nothing, the new score, or the article's title and the score. */
enum { SL_RETITLE_NONE, SL_RETITLE_SCORE, SL_RETITLE_TITLE };
int sl_grouper_retitle(sl_grouper *g, int64_t id, double similarity);
/* The story's current title score (what to save with SL_RETITLE_SCORE). */
double sl_grouper_title_score(const sl_grouper *g, int64_t id);

/* Hands over the document-frequency increments since the last call. */
int sl_grouper_take_pending(sl_grouper *g, int (*fn)(void *ctx, uint64_t term, uint32_t inc),
                            void *ctx);

/* Prints the join decision's features of each (article, story) pair it
 * weighs to `trace` (NULL: none), for fitting (eval/stories_features.c). */
void sl_grouper_set_trace(sl_grouper *g, FILE *trace);

/* ---- Stories that split (split.c) ---- */

/* One article of a story as stored with it (table article_terms): its vector,
 * its grouping day and whether it counts in the centroid (an exact copy
 * does not). */
typedef struct sl_member {
    int64_t article;
    int64_t day;          /* INT64_MIN when undated */
    int counts;
    sl_vector vector;
} sl_member;

/* Stories of more articles are never split (the checkpoints end there). */
#define SL_SPLIT_MAX 64
/* A short text (a headline, a caption) has fewer terms than this. */
#define SL_SHORT_TERMS 16u
/* Bytes sl_member_pack writes for a vector of n terms, and at most. */
#define SL_MEMBER_PACK_BYTES(n) (10 + 10 * (n))
#define SL_MEMBER_PACK_MAX SL_MEMBER_PACK_BYTES(SL_VECTOR_TERMS)

/* Packs an article's vector, day and whether it counts (weights to 16
 * bits); returns the bytes written to `out` (room for SL_MEMBER_PACK_MAX). */
size_t sl_member_pack(const sl_vector *v, int64_t day, int counts, unsigned char *out);
/* Reads a packed member back (all but its article id); SL_EUSAGE when the
 * blob is not one. */
int sl_member_unpack(const void *blob, size_t len, sl_member *out);
/* Whether story id has just reached a size at which it is checked for a
 * split (8, 12, 16, 24, 32, 48, 64 articles). */
int sl_grouper_split_due(const sl_grouper *g, int64_t id);
/* Whether story id is past the last checkpoint (over SL_SPLIT_MAX
 * articles): SL_SPLIT_PASSED when the article just added took it there,
 * SL_SPLIT_PAST when it was already, else 0. Its articles' vectors are
 * never read again. */
#define SL_SPLIT_PAST 1
#define SL_SPLIT_PASSED 2
int sl_grouper_split_past(const sl_grouper *g, int64_t id);
/* Whether the n members of a story (all its articles, in order of id) are
 * two stories: 1, with part[i] set to 1 for the members that leave it (the
 * group without the first), 0 when it stays whole, or SL_ENOMEM. */
int sl_members_split(const sl_member *m, size_t n, unsigned char *part);
/* Story id keeps the members of part 0 and story new_id (created by the
 * caller, put in id's thread) takes part 1: centroids, article counts and
 * spans of days made from the members, title scores reset. */
int sl_grouper_split_apply(sl_grouper *g, int64_t id, int64_t new_id, const sl_member *m,
                           size_t n, const unsigned char *part);
/* A story as the store keeps it (its centroid packed, valid until the next
 * call into the grouper). */
void sl_grouper_story_state(sl_grouper *g, int64_t id, sl_story_state *out);

/* ---- Revisable large stories (revisit.c) ---- */

/* Whether story id is due to be revisited: it holds 16 articles or more
 * and at least 1.5 times what it held when last revisited. */
int sl_grouper_revisit_due(const sl_grouper *g, int64_t id);
/* Story id's centroid made again from the n terms of all its members'
 * vectors that count (in any order; sorted and summed here), cut to
 * SL_CENTROID_TERMS once. */
int sl_grouper_revisit_rebuild(sl_grouper *g, int64_t id, sl_weighted_term *terms, size_t n);
/* Places member m of story id (read from the store) again: 1 with *to set
 * when it now fits another story better by a short text's join score (the
 * grouper has moved it: both centroids, counts and spans), else 0, or
 * SL_ENOMEM, or the error of a read its search made through the source.
 * Only a short text is placed again. */
int sl_grouper_revisit_member(sl_grouper *g, int64_t id, const sl_member *m, int64_t *to);
/* Story id's revisit is over: it is next due at 1.5 times its articles
 * now. When `whole` (every article's vector was read: a story of
 * headlines, its centroid made again) it merges with its nearest story
 * of the window from a cosine of 0.3 (a story merge, taken by
 * sl_grouper_take_story_merge). 0, SL_ENOMEM, or the error of a read its
 * search made through the source. */
int sl_grouper_revisit_done(sl_grouper *g, int64_t id, int whole);

/* Bytes of memory the grouper holds (for the benchmark's per-story figure). */
size_t sl_grouper_memory(const sl_grouper *g);

#endif
