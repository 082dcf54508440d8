/* storyline/copies.h — copies: the stored copy relations, comparing two texts
 * without a store, and de-duplicating a stream of texts or JSONL lines. */
#ifndef STORYLINE_COPIES_H
#define STORYLINE_COPIES_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Copies -------------------------------------------------------------- */

/* One aligned sentence pair of a copy relation: the evidence. */
typedef struct sl_evidence {
    sl_span article_sentence;  /* in the copy's text */
    sl_span of_sentence;       /* in the original's text */
    double similarity;         /* in [0,1]: the sentence model's probability that the two
                                  say the same thing (docs/copies.md, "Sentence
                                  similarity"); identical sentences get 0.94 to 0.96, not 1 */
} sl_evidence;

/* The kinds of copy (docs/copies.md). */
typedef enum sl_copy_kind {
    SL_COPY_NONE = 0,   /* not a copy */
    SL_COPY_EXACT,      /* the same text */
    SL_COPY_NEAR,       /* the same text with small edits */
    SL_COPY_CONTAINS,   /* the copy holds the original plus added text */
    SL_COPY_EXCERPT,    /* the copy is a part of the original */
    SL_COPY_REWRITE     /* the same content in new words */
} sl_copy_kind;

/* The kind's name as in JSON and the store: "none", "exact", "near",
 * "contains", "excerpt", "rewrite" ("none" for a value out of range).
 * Static string; thread-safe. */
SL_API const char *sl_copy_kind_name(sl_copy_kind kind);

typedef struct sl_copy {
    int64_t article_id;   /* the copy */
    int64_t of_id;        /* the original: the earlier published of the two */
    sl_copy_kind kind;    /* never SL_COPY_NONE */
    double score;         /* in [0,1]: the degree of copying: 1 for exact copies; else the
                             probability of a copy times the wording kept (docs/copies.md) */
    int same_origin;      /* 1 when the dates are missing or equal: the original is
                             then the one that contains the other or carries a credit */
    char *credit;         /* the credit line's source found in the copy ("Reuters"), or NULL */
    size_t n_evidence;
    sl_evidence *evidence;  /* aligned sentence pairs in text order (none for exact copies) */
} sl_copy;

typedef struct sl_copy_list { size_t n; sl_copy *items; } sl_copy_list;

/* Copy relations; `article_id` 0 for all, else those involving that article
 * (as the copy or as the original). docs/copies.md explains the kinds. */
SL_API int sl_copies_list(sl_engine *engine, int64_t article_id, sl_copy_list **out);
SL_API void sl_copy_list_free(sl_copy_list *list);

/* ---- Comparing texts without a store ------------------------------------ */

/* What the copies stage says of two texts: the kind of copy `a` is of `b`
 * (or "none"), the score, and the aligned sentences. Offsets are into the
 * texts as normalised (UTF-8 repaired, NFKC), which for clean UTF-8 input
 * without compatibility characters are the texts as given. */
typedef struct sl_text_comparison {
    sl_copy_kind kind;         /* SL_COPY_NONE when the texts are not copies */
    double score;              /* in [0,1]: the degree of copying, graded for every pair
                                  ("none" too: low when little is copied) */
    double cover_a, cover_b;   /* share of a (of b) the aligned sentences cover, weighted by similarity */
    double aligned_a, aligned_b; /* share of a (of b) in sentence pairs that say the same thing */
    double best_similarity;    /* the most similar sentence pair's similarity (sl_evidence),
                                  rounded to a float as the evidence's are: the same
                                  pair, the same number */
    double order_overlap;      /* share of the shorter text's content words the other has in the same order */
    double specific_overlap;   /* share of the names of one found in the other */
    double number_overlap;     /* the same for figures */
    int paraphrase;            /* 1 when that pair says the same thing (the sentence decision) */
    size_t n_evidence;
    sl_evidence *evidence;     /* article_sentence in a, of_sentence in b */
} sl_text_comparison;

typedef struct sl_text_comparer sl_text_comparer;

/* A reusable comparer (analysers, scratch); one thread at a time. NULL on
 * out of memory. */
SL_API sl_text_comparer *sl_text_comparer_new(void);
SL_API void sl_text_comparer_free(sl_text_comparer *tc);
/* Compares texts a and b. `out` is overwritten; free its evidence with
 * sl_text_comparison_clear. Errors: SL_ENOMEM, SL_ETOOLARGE (`out` is then
 * zeroed, its evidence freed). */
SL_API int sl_text_compare(sl_text_comparer *tc, const char *a, size_t a_len, const char *b,
                           size_t b_len, sl_text_comparison *out);
SL_API void sl_text_comparison_clear(sl_text_comparison *cmp);
/* Text a (`which` 0) or b (1) of the comparer's last sl_text_compare, when
 * it returned 0, as normalised: what the evidence offsets point into.
 * Borrowed, valid until the next compare or sl_text_comparer_free; "" before
 * the first compare and after one that failed. `len` (may be NULL) gets its
 * length in bytes. */
SL_API const char *sl_text_comparer_text(const sl_text_comparer *tc, int which, size_t *len);

/* ---- De-duplicating a stream without a store ----------------------------- */

/* Texts are given one by one in stream order; each is compared with the
 * texts before it (the last `window` of them, exact copies with all) and is
 * reported as a copy of the best-matching earlier one. */
typedef struct sl_dedup sl_dedup;

typedef struct sl_dedup_result {
    uint64_t index;           /* this text's position in the stream, from 0 */
    int is_copy;
    uint64_t copy_of;         /* position of the earlier text it copies (when is_copy) */
    sl_copy_kind kind;        /* SL_COPY_NONE when not a copy */
    double score;             /* in [0,1] */
} sl_dedup_result;

#define SL_DEDUP_WINDOW 100000   /* earlier texts compared by default (about 1.8 KB each) */

/* `window` 0 means SL_DEDUP_WINDOW. NULL on out of memory. */
SL_API sl_dedup *sl_dedup_new(size_t window);
SL_API void sl_dedup_free(sl_dedup *d);
/* Takes the next text of the stream. Errors: SL_ENOMEM, SL_ETOOLARGE; a
 * failed text still takes its position. */
SL_API int sl_dedup_add(sl_dedup *d, const char *text, size_t len, sl_dedup_result *out);

/* The same on a JSONL stream (`storyline dedup`): each line is read as
 * ingest reads a JSONL record (the same reader: a byte that is not UTF-8
 * repaired, a "\u0000" dropped, a BOM skipped, the same refusals in the
 * same words); its "text", else its "html" page's extracted text, is the
 * next text, and its "id" is kept to name the line when a later one copies
 * it. */
typedef struct sl_dedup_lines sl_dedup_lines;

typedef struct sl_dedup_line {
    sl_dedup_result result;
    int is_object;            /* the line was read and is a JSON object (passed on; tagged when
                               * a copy); 0 too when it could not be read (out of memory) */
    const char *why;          /* NULL, or why the line gave no text, as ingest says it
                               * ("invalid JSON at column N: ...", "line is an array, not a
                               * JSON object", "no text or html field"), or sl_dedup_add's
                               * error (its position is taken all the same); borrowed until
                               * the next line */
    const char *copy_of_id;   /* when a copy: the copied line's "id" as compact JSON; NULL when
                               * it had none */
} sl_dedup_line;

/* `window` as for sl_dedup_new. NULL on out of memory. */
SL_API sl_dedup_lines *sl_dedup_lines_new(size_t window);
SL_API void sl_dedup_lines_free(sl_dedup_lines *dl);
/* Takes the next line (`len` bytes, its newline included or not); `out`'s
 * strings are borrowed until the next call. Returns 0, or SL_ENOMEM when
 * the line's id could not be kept (`out` is filled all the same). */
SL_API int sl_dedup_lines_add(sl_dedup_lines *dl, const char *line, size_t len, sl_dedup_line *out);

#ifdef __cplusplus
}
#endif
#endif
