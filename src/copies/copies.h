/* copies.h — the copies stage: who copied whom. Each article gets a sketch
 * (its sentences as lists of content-term codes, and a few key terms); the
 * key terms go into an in-memory index that names the few stored articles
 * worth comparing with a new one; a comparison aligns the two texts'
 * sentences in order and decides the kind of copy (near, contains, excerpt,
 * rewrite) with the aligned pairs as evidence. Exact copies are found before
 * this stage by content hash. The stage knows nothing of the store: the
 * engine saves sketches and loads candidates' sketches (docs/copies.md). */
#ifndef SL_COPIES_H
#define SL_COPIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text/text.h"
#include "util/buf.h"
#include "util/vec.h"
#include "util/sort.h"

/* ---- sketch.c: what an article is compared by ---- */

#define SL_COPY_KEYS 16              /* key terms per article in the index */
#define SL_SKETCH_SENTENCES 2000     /* sentences compared per article (the rest is ignored) */
#define SL_SKETCH_TERMS 128          /* words kept per sentence */

/* A term code: 28 bits of the stem's hash and four flags: specific (a
 * number, or a capitalised word inside a sentence: names, places), number,
 * quoted (inside quotation marks) and stop (a stop word: kept for the
 * sentence similarity, left out of everything else). Two codes are the same
 * term when they agree but for the flags. */
#define SL_TERM_SPECIFIC 1u
#define SL_TERM_NUMBER 2u
#define SL_TERM_QUOTED 4u
#define SL_TERM_STOP 8u
#define SL_TERM_FLAGS 15u
#define SL_TERM_ID(code) ((code) | SL_TERM_FLAGS)

/* A name is a specific term that is not a figure. */
static inline bool sl_term_is_name(uint32_t code)
{
    return (code & SL_TERM_SPECIFIC) && !(code & SL_TERM_NUMBER);
}

static inline bool sl_term_is_figure(uint32_t code)
{
    return (code & SL_TERM_NUMBER) != 0;
}

typedef struct sl_sketch {
    SL_VEC(uint32_t) terms;          /* every sentence's word codes, in text order */
    SL_VEC(uint32_t) starts;         /* sentence k is terms[starts[k] .. starts[k+1]) */
    SL_VEC(sl_span) spans;           /* sentence k's byte span in the text */
    uint32_t keys[SL_COPY_KEYS];     /* key terms (codes), the index entries */
    uint32_t n_keys;
    uint32_t n_words;                /* word tokens in the text */
    /* sl_sketch_build's scratch, kept for the next text built into this
     * sketch: the key candidates, and their tally (sketch.c), all empty
     * between calls; sl_sketch_free frees them */
    SL_VEC(uint64_t) key_cands;
    struct sl_key_tally *tally;
    size_t tally_slots;
} sl_sketch;

static inline uint32_t sl_sketch_sentences(const sl_sketch *s)
{
    return s->starts.n ? (uint32_t)s->starts.n - 1 : 0;
}

/* Fills `out` (memory reused) from an analysed text. */
int sl_sketch_build(const sl_analysis *an, const char *text, sl_sketch *out);
/* The key terms of out (keys, n_keys) from the `n` candidates `cands`, a
 * term's code in the high half, the score of one occurrence in the low
 * (under 65,536: the table keeps sixteen bits; the sketch's are 3-1,020):
 * the terms of the best score (their best occurrence's, plus 10 a repeat
 * up to 5) first, ties by code, at most SL_COPY_KEYS. `cands` is
 * overwritten. 0 or SL_ENOMEM. */
int sl_sketch_keys_choose(uint64_t *cands, size_t n, sl_sketch *out);
void sl_sketch_free(sl_sketch *s);
/* ---- sketch_pack.c: the sketch as the store holds it ---- */

/* The sentence lists as a blob for the store (keys apart), and back
 * (SL_EBADINPUT for a blob cut short or corrupt): from schema 21 the
 * article's distinct codes sorted, Rice-coded, each term its rank among
 * them. `spans` are not in the blob: the store keeps sentence spans
 * already. */
int sl_sketch_pack(const sl_sketch *s, sl_buf *out);
int sl_sketch_unpack(const void *blob, size_t len, sl_sketch *out);
/* The same in the form of schemas 11 to 20 (each code where it first
 * comes, a repeat by the rank of its first coming), which migrations 5 to
 * 20 write and read and migration 21 turns into the sorted form. */
int sl_sketch_pack_first(const sl_sketch *s, sl_buf *out);
int sl_sketch_unpack_first(const void *blob, size_t len, sl_sketch *out);
/* Reads the blob of a store before migration 11 (4 bytes a number). */
int sl_sketch_unpack_u32(const void *blob, size_t len, sl_sketch *out);
/* The key terms as a blob of their own (the index is rebuilt from these
 * alone): 4 bytes each, little-endian. Returns the blob's length. */
size_t sl_sketch_keys_pack(const sl_sketch *s, unsigned char out[4 * SL_COPY_KEYS]);
/* Reads at most SL_COPY_KEYS keys from such a blob; returns how many. */
uint32_t sl_sketch_keys_unpack(const void *blob, size_t len, uint32_t keys[SL_COPY_KEYS]);
/* Which form a blob of sentence lists is in. */
typedef enum sl_sketch_form {
    SL_SKETCH_FIRST_COME, /* sl_sketch_pack_first: schemas 11 to 20 */
    SL_SKETCH_SORTED      /* sl_sketch_pack: from schema 21 */
} sl_sketch_form;
/* The store's form of the keys from schema 19, beside the sentence lists
 * `sentences` of `form`: per key a varint, the rank (from 1) of the first
 * of the sketch's distinct codes (in the form's order: first coming, or
 * ascending) that is the key but for its flags, else 0 and the key (4
 * bytes, little-endian): 1 byte a key for the 99.5% found on Reuters,
 * where it took 4. */
int sl_sketch_keys_rank(const uint32_t *keys, uint32_t n, sl_sketch_form form,
                        const void *sentences, size_t len, sl_buf *out);
/* Such keys back (at most SL_COPY_KEYS, their number in *n); SL_EBADINPUT
 * when the blob or the rank it names does not read. */
int sl_sketch_keys_read(const void *blob, size_t len, sl_sketch_form form, const void *sentences,
                        size_t slen, uint32_t keys[SL_COPY_KEYS], uint32_t *n);

/* ---- sketcher.c: raw text to sketch, for users without a store ---- */

typedef struct sl_sketcher sl_sketcher;
sl_sketcher *sl_sketcher_new(void);
void sl_sketcher_free(sl_sketcher *sk);
/* Repairs and normalises `text` into `normalized` (the text offsets refer
 * to), analyses and sketches it; `hash` (may be NULL) gets the content hash
 * of the normalised text. */
int sl_sketcher_run(sl_sketcher *sk, const char *text, size_t len, sl_buf *normalized,
                    sl_sketch *out, uint64_t *hash);
/* sl_sketcher_run in two steps, for a caller that needs the sketch only
 * of some texts (dedup: not of an exact copy): the repair, normalisation
 * and content hash (may be NULL), then the analysis and sketch of what
 * the first step left in `normalized`. */
int sl_sketcher_normalize(sl_sketcher *sk, const char *text, size_t len, sl_buf *normalized,
                          uint64_t *hash);
int sl_sketcher_sketch(sl_sketcher *sk, const sl_buf *normalized, sl_sketch *out);

/* ---- similarity.c: how alike two sentences are ---- */

/* Sorts `n` codes by term and merges repeats (keeping the specific bit if
 * any occurrence had it); returns the new count. */
size_t sl_terms_distinct(uint32_t *codes, size_t n);

/* ---- terms_memo.c: the distinct terms of texts compared before ---- */

typedef struct sl_terms_memo sl_terms_memo;
sl_terms_memo *sl_terms_memo_new(void);
void sl_terms_memo_free(sl_terms_memo *m);
/* The distinct terms kept for exactly these `n` codes (n_terms of them),
 * or NULL; *hash is the codes' hash either way, for sl_terms_memo_keep. */
const uint32_t *sl_terms_memo_find(sl_terms_memo *m, const uint32_t *codes, size_t n, uint64_t *hash,
                                   size_t *n_terms);
/* Keeps the distinct terms of `codes` (hash from sl_terms_memo_find), in
 * place of the set's least recently used. 0 or SL_ENOMEM (nothing kept). */
int sl_terms_memo_keep(sl_terms_memo *m, uint64_t hash, const uint32_t *codes, size_t n,
                       const uint32_t *terms, size_t n_terms);

/* A sentence as the similarity reads it: its content terms (sorted,
 * distinct), all its words and word pairs (sorted, distinct terms:
 * SL_TERM_ID, flags all set) and its words in text order (at most
 * SL_SKETCH_TERMS). */
typedef struct sl_sentence_view {
    const uint32_t *content, *words, *bigrams, *seq;
    size_t n_content, n_words, n_bigrams, n_seq;
    uint32_t n_specific, n_numbers;   /* the content's names and figures (SL_TERM_SPECIFIC, _NUMBER) */
} sl_sentence_view;

/* A text's sentences as views (sl_sentence_sets_view). */
typedef struct sl_sentence_sets {
    SL_VEC(uint32_t) content, content_starts;   /* starts: n sentences + 1 */
    SL_VEC(uint32_t) words, word_starts;
    SL_VEC(uint32_t) bigrams, bigram_starts;
    SL_VEC(uint32_t) flag_counts;               /* two a sentence: the view's n_specific, n_numbers */
    const sl_sketch *sketch;
} sl_sentence_sets;

int sl_sentence_sets_build(const sl_sketch *s, sl_sentence_sets *out);
void sl_sentence_sets_free(sl_sentence_sets *sets);
static inline uint32_t sl_sentence_sets_n(const sl_sentence_sets *sets)
{
    return sets->content_starts.n ? (uint32_t)sets->content_starts.n - 1 : 0;
}
sl_sentence_view sl_sentence_sets_view(const sl_sentence_sets *sets, uint32_t k);

/* A sentence as written: `len` bytes of its (normalised) text, not
 * NUL-terminated. */
typedef struct sl_sentence_text {
    const char *bytes;
    size_t len;
} sl_sentence_text;
/* The features of two sentences (for fitting the models: eval/): the
 * first SL_ALIGNMENT_FEATURES are word overlaps and orders, then
 * wording.c's machine-translation metrics on the stems, then surface.c's
 * measures of the sentences as written (text_a, text_b). */
#define SL_ALIGNMENT_FEATURES 12
#define SL_WORDING_FEATURES 21
#define SL_SURFACE_FEATURES 29
#define SL_SIMILARITY_FEATURES (SL_ALIGNMENT_FEATURES + SL_WORDING_FEATURES + SL_SURFACE_FEATURES)
void sl_sentence_features(const sl_sentence_view *a, const sl_sentence_view *b,
                          sl_sentence_text text_a, sl_sentence_text text_b,
                          double f[SL_SIMILARITY_FEATURES]);
/* Similarity in [0, 1], the score the alignment adds up: a model's
 * probability that a and b say the same, over the overlap and order
 * features only. */
double sl_sentence_similarity(const sl_sentence_view *a, const sl_sentence_view *b);
/* The word masks of sentence b that the order features read, kept while b
 * is compared with several sentences (the alignment compares each sentence
 * of one text with every sentence of the other sharing its words). */
typedef struct sl_sentence_masks sl_sentence_masks;
sl_sentence_masks *sl_sentence_masks_new(void);
void sl_sentence_masks_free(sl_sentence_masks *masks);
/* Forgets the sentence: the next sl_sentence_similarity_over builds the
 * masks of its b anew. Call it before comparing another b. */
void sl_sentence_masks_forget(sl_sentence_masks *masks);
/* The same as sl_sentence_similarity when it may reach `floor`; when it
 * cannot, a bound on it that is below `floor` (the two costly order
 * features are then not computed). `masks_b` holds b's masks, built at the
 * first call after sl_sentence_masks_forget. */
double sl_sentence_similarity_over(const sl_sentence_view *a, const sl_sentence_view *b,
                                   double floor, sl_sentence_masks *masks_b);
/* The paraphrase decision's probability that a and b (whose text is
 * text_a, text_b) say the same, over every feature: MSRP's question, asked
 * of one sentence pair at a time (`storyline compare`), not of every pair
 * an alignment scores. */
double sl_sentence_paraphrase(const sl_sentence_view *a, const sl_sentence_view *b,
                              sl_sentence_text text_a, sl_sentence_text text_b);
/* A pair is a paraphrase at or above this probability: the threshold with
 * the best accuracy plus F1 on MSRP train (eval/fit_similarity.py
 * --objective accuracy+f1: issue 19 asks both at once). */
#define SL_PARAPHRASE_THRESHOLD 0.46
/* ---- synonyms.c: terms matched at synonym level (WordNet, text/wordnet.h) ---- */

/* Whether synonyms are known: the first call builds the table (once per
 * process, thread-safe); false when WordNet could not be loaded
 * (sl_synonyms_error says why) and every lookup then finds nothing. */
bool sl_synonyms_ready(void);
/* Why synonyms are not known: a line naming the WordNet file and the
 * reason, and what to do ("" when they are). */
const char *sl_synonyms_error(void);
/* The WordNet synsets of a term code (its most frequent senses), and the
 * same with the synsets linked to them by a derivation, similar-to or also
 * pointer. *out borrowed, NULL with 0 when the term has none. Two terms
 * match at synonym level when the senses of one meet the reach of the
 * other. */
size_t sl_synonyms_senses(uint32_t code, const uint32_t **out);
size_t sl_synonyms_reach(uint32_t code, const uint32_t **out);

/* ---- wording.c: machine-translation metrics of two sentences ---- */

#define SL_WORDING_NGRAMS 4
typedef struct sl_wording {
    double precision_a[SL_WORDING_NGRAMS];   /* BLEU's clipped n-gram precision of a's
                                                words (stems) in b, n = 1..4 */
    double precision_b[SL_WORDING_NGRAMS];   /* the same of b's in a */
    double edit_rate;                        /* word edit distance over the longer length */
    double synonyms_a, synonyms_b;           /* share of a's (b's) content terms the other
                                                has, as they are or as a WordNet synonym */
    double synonym_precision_a[SL_WORDING_NGRAMS];   /* precision_a with words matched
                                                        as they are or as synonyms */
    double synonym_precision_b[SL_WORDING_NGRAMS];
    size_t unmatched_run_a, unmatched_run_b;         /* longest run of a's (b's) words
                                                        matching none of the other's */
} sl_wording;
void sl_wording_measure(const sl_sentence_view *a, const sl_sentence_view *b, sl_wording *out);
/* BLEU's clipped n-gram precisions (n = 1..SL_WORDING_NGRAMS) of word
 * sequence a (codes or hashes, at most SL_SKETCH_TERMS; flag bits ignored)
 * in b and of b's in a. */
void sl_ngram_precisions(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
                         double precision_a[SL_WORDING_NGRAMS], double precision_b[SL_WORDING_NGRAMS]);
/* Matches between two sorted lists, each item used once (BLEU's clipped
 * counts; of two distinct lists, the items they share). */
size_t sl_clipped_matches(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny);
/* ---- surface.c: two sentences as written ---- */
/* The SL_SURFACE_FEATURES measures of two sentences' text, in order:
 * character 2- to 5-gram precisions and word 1- to 4-gram precisions (each
 * the lower and the higher of the two directions), the figures (the same
 * set, how many in one only, their Jaccard, one's all in the other), the
 * word counts (difference and shorter and longer / 10, difference over the
 * longer), a negation in one only, the longest common character
 * subsequence over the shorter and the longer length, and the share of
 * capitalised words in one only and whether there is one. Reads the first
 * 512 bytes of each. */
void sl_surface_measure(sl_sentence_text text_a, sl_sentence_text text_b,
                        double f[SL_SURFACE_FEATURES]);

/* ---- order.c: words kept in order ---- */

/* Sums for the Pearson correlation of position pairs (x, y). */
typedef struct sl_corr {
    double n, sx, sy, sxx, syy, sxy;
} sl_corr;
static inline void sl_corr_add(sl_corr *c, double x, double y)
{
    c->n++;
    c->sx += x;
    c->sy += y;
    c->sxx += x * x;
    c->syy += y * y;
    c->sxy += x * y;
}
/* The correlation, 0 under 3 pairs or when either side does not vary. */
double sl_corr_value(const sl_corr *c);

#define SL_ORDER_TERMS 4096   /* content terms of each text the order measure reads */

typedef struct sl_order_scratch sl_order_scratch;
sl_order_scratch *sl_order_scratch_new(void);
void sl_order_scratch_free(sl_order_scratch *o);
/* Prepares term sequence `a` (copied) to be measured against others. */
int sl_order_prepare(sl_order_scratch *o, const uint32_t *a, size_t na);
/* The longest common subsequence of a and b (codes equal but for the flags
 * match; quoted words and stop words left out), divided by the shorter
 * length: the share of the shorter text's words the other has in order. */
int sl_order_measure(sl_order_scratch *o, const uint32_t *b, size_t nb, double *out);
/* Where the terms the two texts share stand in each: the correlation of
 * their first positions in a and in b (unquoted content words, as above),
 * in [-1, 1]. A rewrite, however reworded, tells what it keeps where the
 * original told it; another outlet's report of the event puts the shared
 * names and words where its own story needs them. 0 under 3 shared terms. */
int sl_order_spread(sl_order_scratch *o, const uint32_t *b, size_t nb, double *out);

/* ---- literal.c: word runs kept as they are ---- */

/* A text's three-word runs (codes of its word stems, stop words included),
 * sorted and distinct. */
typedef SL_VEC(uint64_t) sl_runs;
int sl_runs_collect(const sl_sketch *s, sl_runs *out);
/* Share of the runs of the text with fewer of them that the other has. */
double sl_runs_kept(const sl_runs *a, const sl_runs *b);

/* ---- align.c: comparing two articles ---- */

/* The kind named `name` (sl_copy_kind_name's), SL_COPY_NONE when unknown. */
sl_copy_kind sl_copy_kind_of_name(const char *name);

typedef struct sl_aligned_pair {
    uint32_t a, b;        /* sentence indexes */
    float similarity;
} sl_aligned_pair;

typedef struct sl_comparison {
    sl_copy_kind kind;    /* NONE when the texts are not copies */
    double score;         /* in [0, 1]: the degree of copying (sl_copy_degree) of a copy,
                             and of every pair a thorough comparer aligns; else 0 */
    double cover_a, cover_b;             /* share of each text covered, weighted by similarity */
    double aligned_a, aligned_b;         /* share of each text in pairs that say the same thing */
    double best_similarity;              /* best sentence pair compared (aligned or not) */
    uint32_t best_pair_a, best_pair_b;   /* that pair's sentences (when best_similarity > 0):
                                            the pair sl_sentence_paraphrase is asked of */
    double specific_overlap;             /* share of the names of the text with fewer
                                            of them found in the other */
    double number_overlap;               /* the same for figures */
    size_t numbers_fewer;                /* figures of the text with fewer of them */
    double order_overlap;                /* longest common subsequence of the two texts'
                                            content terms, over the shorter's term count */
    double term_overlap;                 /* share of the distinct content terms of the text
                                            with fewer of them that the other has, in any order
                                            (quoted terms left out), and of the one with more */
    double term_overlap_more;
    double match_a, match_b;             /* share of each text covered by its sentences' best
                                            match in the other, whatever the order (splits,
                                            merges and reordered sentences count) */
    double paired_share;                 /* share of the sentences of the text with fewer
                                            that have a match at 0.3 or more, in any order */
    double anchor_order;                 /* order_overlap over the names and figures only */
    double term_spread;                  /* sl_order_spread: shared terms where they stood */
    double match_spread;                 /* the same over sentences: each sentence of the text
                                            with fewer and the place of its best match */
    double literal_share;                /* sl_runs_kept: three-word runs kept as they are
                                            (measured where the score is graded) */
    double lead_names_kept;              /* the lower of the two shares of a text's lead
                                            names (its first sentence not in title case)
                                            that the other has anywhere; 1 when none */
    double lead_figures_kept;            /* the same of the leads' figures */
    double lead_match;                   /* the better lead's best similarity in the other */
    double leads_match;                  /* the two leads' similarity to each other */
    bool leads_open_alike;               /* the two leads share a term among their first
                                            content terms (align.c, LEAD_OPENING) */
    double lead_words_kept;              /* the lower of the two leads' shares of their words
                                            (neither names nor figures) the other lead has */
    bool lead_subjects_kept;             /* each text has the other lead's first content
                                            term (its subject, told first) */
    size_t terms_a, terms_b;             /* distinct content terms of each text */
    size_t unquoted_fewer;               /* distinct unquoted content terms of the text
                                            with fewer of them */
    double rewrite_probability;          /* the rewrite decision's model (decide.c) */
    bool a_holds_b, b_holds_a;           /* one text contains the other nearly whole */
    SL_VEC(sl_aligned_pair) pairs;       /* the monotone alignment, in order */
} sl_comparison;

/* Reusable scratch for comparisons. */
typedef struct sl_comparer sl_comparer;
sl_comparer *sl_comparer_new(void);
/* Makes every comparison align the sentences, even of texts whose wording
 * shows they cannot be copies (to report sentence similarities, as
 * `storyline compare` does); otherwise those stop early with kind NONE. */
void sl_comparer_thorough(sl_comparer *c);
/* Tells the comparer that its caller reads only each comparison's kind
 * and score (`dedup`: docs/history/benchmarks-rounds.md, "Twenty-fifth round: dedup"),
 * which classify and sl_copy_degree make without the leads' measures
 * (lead_names_kept, lead_figures_kept, lead_match, leads_match,
 * leads_open_alike, lead_words_kept, lead_subjects_kept: what
 * sl_copy_same_item reads): those are left at their starting values (1,
 * 1, 0, 0, false, 1, true); and a pair that no kind can take whatever its alignment
 * shows (its names, figures and wording read before it) is not aligned:
 * kind NONE, the alignment's measures left at 0, as a pair whose wording
 * is not worth aligning. */
void sl_comparer_reads_kind_and_score(sl_comparer *c);
void sl_comparer_free(sl_comparer *c);
void sl_comparison_free(sl_comparison *cmp);

/* Prepares `a` (kept by pointer: it must live and not change) to be compared
 * with several texts in turn by sl_comparer_compare. */
int sl_comparer_set_a(sl_comparer *c, const sl_sketch *a);
/* Compares the prepared text a with b. */
int sl_comparer_compare(sl_comparer *c, const sl_sketch *b, sl_comparison *out);
/* The same, with b's distinct content terms given (`terms_b`, n_b: what
 * sl_comparer_terms_a gave when b was the prepared text), not collected
 * from its sketch again: for a caller that keeps them (dedup). */
int sl_comparer_compare_terms(sl_comparer *c, const sl_sketch *b, const uint32_t *terms_b, size_t n_b,
                              sl_comparison *out);
/* Makes the comparer keep no memo of texts' distinct terms (terms_memo.c):
 * for a caller that gives every b's terms (sl_comparer_compare_terms), to
 * which the memo of its texts a would only cost (their hash, their keep). */
void sl_comparer_without_memo(sl_comparer *c);
/* The prepared text's distinct content terms over all its sentences,
 * sorted, flags merged (borrowed until the next sl_comparer_set_a): what a
 * caller keeps of a text to ask sl_comparer_may_copy of it later. */
const uint32_t *sl_comparer_terms_a(const sl_comparer *c, size_t *n);
/* The names and figures among sl_comparer_terms_a's terms, in the same
 * order (borrowed likewise): kept beside them for sl_comparer_may_copy. */
const uint32_t *sl_comparer_anchors_a(const sl_comparer *c, size_t *n);
/* False when a text of distinct terms `terms_b` and names and figures
 * `anchors_b` (as sl_comparer_terms_a and sl_comparer_anchors_a give)
 * cannot be a copy of the prepared text of any kind, its names or figures
 * disagreeing (sl_comparer_compare then says NONE): a caller that keeps
 * texts' terms asks this before it unpacks one to compare. */
bool sl_comparer_may_copy(sl_comparer *c, const uint32_t *terms_b, size_t n_b,
                          const uint32_t *anchors_b, size_t n_anchors_b);
/* Compares two sketches (set_a then compare). The kind is symmetric (CONTAINS means `a` holds
 * `b`, EXCERPT that `a` is a part of `b`); the caller orients it by date. */
int sl_copies_compare(sl_comparer *c, const sl_sketch *a, const sl_sketch *b, sl_comparison *out);

/* ---- anchors.c: the names and figures two texts share ---- */

/* A text's distinct names and figures. */
typedef struct sl_anchor_counts {
    size_t names, figures;
} sl_anchor_counts;

/* The names and figures among a text's distinct terms. */
sl_anchor_counts sl_anchors_count(const uint32_t *terms, size_t n);
/* The same of a list holding its names and figures alone. */
sl_anchor_counts sl_anchors_count_list(const uint32_t *anchors, size_t n);
/* Sets out's specific_overlap, number_overlap and numbers_fewer from the
 * names and figures the texts share (of the text with fewer of each). */
void sl_anchors_shares(size_t names, size_t figures, sl_anchor_counts counts_a, sl_anchor_counts counts_b,
                       sl_comparison *out);

/* ---- kinds.c: which kind of copy a comparison shows ---- */

/* The kind the comparison's measures show (out->kind; NONE is left as it
 * is), a_terms and b_terms the two texts' content terms by sentence. */
void sl_copy_classify(size_t a_terms, size_t b_terms, sl_comparison *out);
/* Whether the names and figures agree enough for some kind of copy (read
 * from specific_overlap, number_overlap, numbers_fewer): a pair that fails
 * is no copy whatever its alignment shows, so it is not aligned. */
bool sl_copy_anchors_may_agree(const sl_comparison *out);
/* Its figures' half (sl_comparer_may_copy asks it alone once the names
 * agree). */
bool sl_copy_figures_may_agree(const sl_comparison *out);
/* Whether sl_copy_classify may find some kind whatever the alignment adds,
 * from the measures made before it (the anchors, order_overlap, the term
 * counts): false says NONE. */
bool sl_copy_kind_possible(const sl_comparison *out);
/* The fewest of `fewer` names held whose share reaches the names a copy
 * keeps (sl_copy_anchors_may_agree's test, asked of a count). */
size_t sl_copy_names_needed(size_t fewer);

/* ---- decide.c: is a pair of texts a rewrite ---- */

#define SL_COPY_FEATURES 17
/* The features of a compared pair the rewrite decision weighs (for fitting
 * it: eval/fit_copies.py). */
void sl_copy_features(const sl_comparison *cmp, double f[SL_COPY_FEATURES]);
/* The model's probability that the pair is a rewrite. */
double sl_copy_rewrite_probability(const sl_comparison *cmp);
/* A pair is a rewrite at or above this probability (eval/fit_copies.py). */
extern const double sl_copy_rewrite_threshold;
/* Whether the two texts are one news item, as one outlet's rewrite of its
 * own item must be: each keeps the names of the other's lead (who the item
 * is about), a lead is told again in the other and the two leads tell the
 * same. An outlet's other items of the day fail it: a template filled in
 * for another party, a reaction, another part of one press conference, a
 * later market report retelling the morning's news below its own lead
 * (docs/copies.md "An outlet's own items"). */
bool sl_copy_same_item(const sl_comparison *cmp);
/* Whether two analysed headlines name one news item (headline.c): the
 * headline with fewer content terms (at least 3) has 0.7 of them in the
 * other, and the two share a figure when both have any. One outlet's
 * re-issued item keeps its headline whatever its lead became. */
bool sl_copy_headlines_agree(const sl_analysis *a, const sl_analysis *b);
/* Whether a pair is worth aligning at all: cheap measures taken before the
 * alignment (order_overlap, term_overlap). */
bool sl_copy_worth_aligning(const sl_comparison *cmp);

/* ---- degree.c: how much of a text is copied ---- */

/* The degree of copying a compared pair shows, in [0, 1]: the probability
 * that it is a copy at all (a small logistic model whose weights are all
 * positive, so that more evidence never lowers it) times the wording kept
 * (words in order and three-word runs as they are, averaged). The score of
 * every copy relation and of `storyline compare` (eval/fit_copy_degree.py). */
double sl_copy_degree(const sl_comparison *cmp);

/* ---- index.c: key terms -> the articles that have them ---- */

#define SL_COPY_POSTINGS 128   /* most recent articles kept per key term */
#define SL_COPY_RECENT_OF_FULL 8 /* of a full posting (SL_COPY_POSTINGS), those a query reads */
#define SL_COPY_CANDIDATES 8   /* articles compared per new article, at most */

typedef struct sl_copy_index sl_copy_index;

sl_copy_index *sl_copy_index_new(void);
void sl_copy_index_free(sl_copy_index *ix);
int sl_copy_index_add(sl_copy_index *ix, int64_t article_id, const uint32_t *keys, uint32_t n);
/* The stored articles most worth comparing with sketch `s` (ids in `out`,
 * best first, at most SL_COPY_CANDIDATES), found through every distinct term
 * of `s` that is some article's key term. */
int sl_copy_index_candidates(sl_copy_index *ix, const sl_sketch *s, int64_t *out, size_t *n_out);
/* The same from the sketch's distinct content terms as sl_comparer_terms_a
 * gives them (sorted, one code a term), without sorting them again: the
 * same candidates in the same order. */
int sl_copy_index_candidates_of_terms(sl_copy_index *ix, const uint32_t *terms, size_t n, int64_t *out,
                                      size_t *n_out);
/* Memory held by the index, in bytes (for the benchmarks). */
size_t sl_copy_index_bytes(const sl_copy_index *ix);
/* Where the index reads the postings it does not hold, for n keys at once:
 * for each keys[k], the at most `max` most recent articles filed under it
 * (highest id first) into ids[k * max ...] with the number of keys of each
 * into n_keys[k * max ...], and how many into found[k]. A key with `max`
 * or more (a full posting, of which a query reads only the most recent)
 * may be given as found[k] = max with only its SL_COPY_RECENT_OF_FULL
 * newest written (all of them when max is fewer). */
typedef int (*sl_copy_key_source)(void *ctx, const uint32_t *keys, size_t n, size_t max,
                                  uint32_t *ids, uint8_t *n_keys, size_t *found);
/* Makes the index lazy: a term's posting is read from `source` the first
 * time a query meets it, and an added article is filed only under the
 * terms already read (the source holds it too). Set before the first add. */
void sl_copy_index_set_source(sl_copy_index *ix, sl_copy_key_source source, void *ctx);

/* ---- credit.c: credit lines ---- */

/* Finds a credit to another source in the first or last lines of a text:
 * "(AP)", "WASHINGTON (Reuters) -", "— Associated Press", "Source: …",
 * "originally published/appeared in/on …". Writes the credited name into
 * `out` (cleared first) and returns true when there is one. */
bool sl_credit_find(const char *text, size_t len, sl_buf *out);
/* sl_credit_find(a) || sl_credit_find(b), b's lines that a has too not read again. */
bool sl_credit_find_either(const char *a, size_t a_len, const char *b, size_t b_len, sl_buf *out);

#endif
