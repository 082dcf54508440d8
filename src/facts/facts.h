/* facts.h — the facts stage: what the extractors of src/facts share (the
 * article being read, its sentences and tokens, word tests) and the entry
 * points the engine calls: extraction of one text and the cross-check of a
 * story's items (plain items in, a table out). Method and bounds: docs/facts.md. */
#ifndef SL_FACTS_H
#define SL_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "storyline.h"
#include "text/swar.h"
#include "text/text.h"
#include "util/buf.h"
#include "util/hash.h"
#include "util/vec.h"

/* Longest text read for facts; the rest of a longer article is ignored. */
#define SL_FACTS_MAX_TEXT (1u << 20)
/* Most items kept per article (bounds storage and the cross-check). */
#define SL_FACTS_MAX_ITEMS 2000

typedef SL_VEC(sl_fact_item) sl_fact_vec;

/* One text being read: its sentences and tokens are borrowed from the
 * article's analysis (sl_analyze), never split again here. */
typedef struct sl_facts_doc {
    const char *s;
    size_t len;
    int64_t pub_day;          /* publication day, SL_NO_DAY when unknown */
    struct { const sl_span *items; size_t n; } sents;
    struct { const sl_token *items; size_t n; } toks;  /* those within [0, len) */
    size_t *sent_of;          /* sentence index of each token */
    uint32_t *word_hash;      /* sl_facts_word_hash of each token (word lists) */
    uint16_t *token_memo;     /* tests of each token asked once an article (SL_MEMO_* bits) */
    uint32_t *units_memo;     /* units.c: sl_units_at of each token, asked once an article */
    const sl_text_names *names; /* the names of the tokens read, NULL: the entities finder finds them */
    struct sl_place_opener *place_openers; /* entities.c, while it runs: the tokens */
    size_t n_place_openers;                      /* before a place word, by word_hash */
    unsigned adverb_scans;    /* entity_cues.c: the openings whose test scanned the text */
    unsigned alone_scans;     /* entities.c: the names whose surname test scanned the text */
    sl_fact_vec *out;
    int err;
    FILE *speaker_trace;      /* NULL; eval/facts_features.c: the speaker chooser's features */
    const double *pronoun_weights; /* NULL: the fitted ones of speakers.c for a pronoun ("he") */
    const double *role_weights;    /* and for a role ("the minister"); eval/facts_features.c:
                                    * a fold's refits (leave one outlet out) */
    FILE *concept_trace;      /* NULL; eval/facts_features.c: what numbers are values of */
} sl_facts_doc;

/* The bits of d->token_memo: tests that depend on a token (and its
 * neighbours) alone, asked once an article, as the extractors walk the
 * same tokens again (counted.c: the candidates of each number of a
 * sentence; entities.c: each name's words). */
enum {
    SL_MEMO_PHRASE_ASKED = 1,  /* counted.c's phrase_word_test asked ... */
    SL_MEMO_PHRASE = 2,        /* ... and true */
    SL_MEMO_CLAUSE_ASKED = 4,  /* counted.c's clause_mark asked ... */
    SL_MEMO_CLAUSE_BREAK = 8,  /* ... a quotation mark or a new clause */
    SL_MEMO_ATTRIBUTION = 16,  /* ... an attribution word ("said") */
    SL_MEMO_ROLE_ASKED = 32,   /* entity_titles.c's role_test asked ... */
    SL_MEMO_ROLE = 64,         /* ... and true */
    SL_MEMO_ADVERB_ASKED = 128, /* entity_cues.c's adverb test asked ... */
    SL_MEMO_ADVERB = 256,      /* ... and true */
    SL_MEMO_ALONE_ASKED = 512, /* entities.c's surname_alone test asked of a name's last token ... */
    SL_MEMO_ALONE = 1024,      /* ... and true */
};

/* ---- lists.c ---- */
/* The hash the word lists are keyed by: the low half of the text stage's
 * word hash of s[0, n) ASCII lower-cased (sl_swar_word_hash: a few loads a
 * word, where FNV-1a's byte at a time was 9.2 M instructions of the first
 * 1,000 Reuters stories, docs/history/benchmarks-rounds.md
 * "Thirty-seventh round"). Inline: it is taken for every token. */
static inline uint32_t sl_facts_word_hash(const char *s, size_t n)
{
    return (uint32_t)sl_swar_word_hash(s, n, true);
}
/* Index of s[0, n) (ASCII case aside) in `list`, -1 when absent; `hash` is
 * sl_facts_word_hash(s, n). `list` is a static NULL-terminated array: its
 * hash table is made on first use and kept for the process, keyed by its
 * address (thread-safe). The first of equal words wins, as in a scan. */
int sl_facts_list_find(const char *const *list, const char *s, size_t n, uint32_t hash);

/* ---- extract.c ---- */

/* Clears `out`, then fills it with the items of text[0, len). `an` is the
 * analysis of that text (sl_analyze: its sentences, and its tokens with the
 * stop words of its language), which the extractors read as it is; only its
 * first SL_FACTS_MAX_TEXT bytes are read. `names` are the names of `an`
 * (sl_names_find), when the caller found them for another stage too; NULL:
 * found here (so they are also for a text cut at SL_FACTS_MAX_TEXT).
 * `published` (YYYY-MM-DD, may be NULL) anchors relative dates. */
int sl_facts_run(const char *text, size_t len, const sl_analysis *an, const sl_text_names *names,
                 const char *published, sl_fact_vec *out);
/* Sets up the document the extractors read: text[0, len), the tokens and
 * sentences of `an` that lie in it, and each token's sentence. SL_ENOMEM;
 * sl_facts_doc_clear frees it either way. */
int sl_facts_doc_init(sl_facts_doc *d, const char *text, size_t len, const sl_analysis *an,
                      int64_t pub_day, sl_fact_vec *out);
void sl_facts_doc_clear(sl_facts_doc *d);
/* Runs the extractors over d in their order (numbers, dates, entities, role
 * mentions, peoples, quotes: each reads the items of those before); d->err
 * tells a failure. The items are in the order found, not sorted. */
void sl_facts_run_extractors(sl_facts_doc *d);
/* The first token starting at or after byte offset `at` (d->toks.n if none). */
size_t sl_facts_token_at(const sl_facts_doc *d, uint32_t at);
/* Frees the items of a vector and the vector; _clear frees the items and
 * keeps the vector's room (the engine's, from article to article). */
void sl_facts_vec_free(sl_fact_vec *v);
void sl_facts_vec_clear(sl_fact_vec *v);
/* Frees the strings of an item. */
void sl_fact_item_clear(sl_fact_item *it);
/* Appends an item whose strings are copied from (ptr, len) pairs; a NULL ptr
 * leaves the field NULL. Sets doc->err on failure. */
sl_fact_item *sl_facts_add(sl_facts_doc *d, sl_fact_kind kind, uint32_t start, uint32_t end);
char *sl_facts_strdup(sl_facts_doc *d, const char *s, size_t n);
/* The text of token i and its length. */
static inline const char *sl_facts_tok(const sl_facts_doc *d, size_t i, size_t *n)
{
    const sl_token *t = &d->toks.items[i];
    *n = t->end - t->start;
    return d->s + t->start;
}
/* A set of first letters (lower case), for sl_facts_starts_in. */
#define SL_FACTS_LETTER(c) (1u << ((c) - 'a'))
/* Whether token i (< d->toks.n) starts with an ASCII letter of `letters`,
 * case aside: a test whose words all start with one of them rules out
 * the other tokens before its list lookups. */
static inline bool sl_facts_starts_in(const sl_facts_doc *d, size_t i, uint32_t letters)
{
    const sl_token *t = &d->toks.items[i];
    unsigned char c = t->end > t->start ? (unsigned char)(d->s[t->start] | 0x20) : 0;
    return c >= 'a' && c <= 'z' && (letters >> (c - 'a') & 1);
}
/* Whether token i is (case-insensitively, ASCII) the word w. Inline: it
 * runs millions of times an ingest, so most tokens are ruled out by their
 * first byte, then by their length (the compiler knows a literal's), without
 * a call. */
static inline bool sl_facts_is(const sl_facts_doc *d, size_t i, const char *w)
{
    if (i >= d->toks.n)
        return false;
    const sl_token *t = &d->toks.items[i];
    size_t n = t->end - t->start;
    const char *s = d->s + t->start;
    return ((unsigned char)s[0] | 0x20) == ((unsigned char)w[0] | 0x20) && n == strlen(w) &&
           !strncasecmp(s, w, n);
}
/* Index of token i in a static NULL-terminated word list (sl_facts_list_find),
 * -1 when absent. Inline, as sl_facts_is: over a million calls an ingest of
 * 1,000 stories. */
static inline int sl_facts_in(const sl_facts_doc *d, size_t i, const char *const *list)
{
    if (i >= d->toks.n)
        return -1;
    size_t n;
    const char *s = sl_facts_tok(d, i, &n);
    return sl_facts_list_find(list, s, n, d->word_hash[i]);
}
/* Whether token i starts with an upper-case letter (SL_TOK_UPPER). Inline:
 * the extractors ask it of most tokens, some of every one. */
static inline bool sl_facts_upper(const sl_facts_doc *d, size_t i)
{
    return i < d->toks.n && (d->toks.items[i].flags & SL_TOK_UPPER);
}
/* Whether item `it` is a person named: a person entity whose text starts
 * with a capital of any script ("Carlos Vela", "Émile Roux": its first
 * token is SL_TOK_UPPER). Leaves out the role mentions of role_mentions.c
 * ("the minister", which repeat a person named before) and a name written
 * lower-case ("de Klerk"). */
bool sl_facts_named_person(const sl_facts_doc *d, const sl_fact_item *it);
/* Appends token i lower-cased (ASCII) to b, a space first when b is not empty. */
void sl_facts_put_lower(const sl_facts_doc *d, size_t i, sl_buf *b);

/* ---- the extractors, each over the whole document ---- */
void sl_facts_numbers(sl_facts_doc *d);
void sl_facts_dates(sl_facts_doc *d);
void sl_facts_entities(sl_facts_doc *d);
void sl_facts_quotes(sl_facts_doc *d);

/* ---- dates.c ---- */
/* Month number (1-12) of token i as a month name or abbreviation, 0 when not. */
int sl_facts_month(const sl_facts_doc *d, size_t i);

/* ---- gazetteer.c ---- */
/* Whether s[0, n) is a country or subdivision name (iso-codes). */
bool sl_facts_is_place(const char *s, size_t n);
/* The hash a place name is known by: ASCII lower-cased, a run of blanks
 * one space (a name runs over a wrapped line's end: "Saudi\nArabia"), its
 * first 128 bytes. Inline, as the build-time table's maker uses it too. */
static inline uint64_t sl_facts_place_hash(const char *s, size_t n)
{
    char buf[128];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof buf; i++) {
        bool blank = s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t';
        if (!blank)
            buf[k++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i]);
        else if (k && buf[k - 1] != ' ')
            buf[k++] = ' ';
    }
    return sl_hash64(buf, k);
}
/* The known names' hashes, sorted (BUILD/gen/places.c, made at build time
 * by scripts/places_table.c). */
extern const uint64_t sl_facts_places[];
extern const size_t sl_facts_n_places;

/* ---- demonyms.c ---- */
/* The country whose people the word w[0, n) names ("Egyptian", "Americans",
 * "Britons": Egypt, United States, United Kingdom), NULL when none; sets
 * *plural when the word is the plural noun ("Americans"), the group. */
const char *sl_facts_demonym_country(const char *w, size_t n, bool *plural);
/* Whether w[0, n) is a word of the table itself, a nationality's adjective
 * or singular noun ("Egyptian"; not "Egyptians"); `hash` is
 * sl_facts_word_hash(w, n) (a token's is d->word_hash[i]). */
bool sl_facts_demonym(const char *w, size_t n, uint32_t hash);

/* ---- role_mentions.c ---- */
/* After sl_facts_entities: a title alone ("the Egyptian president said")
 * listed as a mention of the one person the article's entities give that
 * title, under that person's name. */
void sl_facts_role_mentions(sl_facts_doc *d);
/* Whether the title "the" [t + 1, end) heads a person of its own: its last
 * word no qualifier ("the foreign", "the state"), no name, possessive or
 * compound after it ("the minister Ana Ruiz", "the director's chair"). */
bool sl_role_alone(const sl_facts_doc *d, size_t t, size_t end);
/* The name of the person the title "the" [t + 1, end) is in apposition
 * to ("Carlos Vela, the finance minister,"; "the finance minister, Carlos
 * Vela,"), NULL when none. */
const char *sl_role_apposed(const sl_facts_doc *d, size_t t, size_t end);
/* Whether the word w[0, n) is the last word of s[0, len) (ASCII case aside). */
bool sl_role_ends_with_word(const char *s, size_t len, const char *w, size_t n);

/* ---- peoples.c ---- */
/* After sl_facts_entities: a country's people named by their plural noun
 * ("Americans", "Britons"), entities of type "group". */
void sl_facts_peoples(sl_facts_doc *d);

/* ---- entities.c ---- */
/* Whether the lower-cased word is a title or role word ("president", "minister"). */
bool sl_facts_role_word(const char *w, size_t n);

/* ---- marks.c ---- */
/* A quoted stretch. */
typedef struct sl_quote_piece {
    uint32_t open, close;        /* byte offsets of the marks */
    uint32_t after;              /* just after the closing mark */
    uint32_t start, end;         /* the quoted text */
    bool from_prev_para;         /* a quote running on from the paragraph before */
    bool block;                  /* a paragraph set apart after a colon, without marks */
    bool turn;                   /* a paragraph opening with a dash, without marks: an
                                    interview's turn ("— Every day, she says.") */
} sl_quote_piece;

typedef SL_VEC(sl_quote_piece) sl_quote_piece_vec;

/* The end of a quote's text in s[start, close) before the punctuation and
 * spaces that end it there ("…,", "… —", "…--"), but for ? and !. */
uint32_t sl_quote_text_end(const char *s, uint32_t start, uint32_t close);
/* 3 when s[i] opens an en dash, an em dash or a horizontal bar (U+2015, the
 * quotation dash), else 0. */
int sl_quote_wide_dash(const char *s, size_t len, size_t i);

/* Appends the quoted stretches of d's text to out, in text order (block
 * quotes included). Errors: SL_ENOMEM. */
int sl_quote_pieces(const sl_facts_doc *d, sl_quote_piece_vec *out);

/* ---- spokespersons.c ---- */
/* A spokesperson in a speaker phrase and whom they speak for. */
typedef struct sl_spokes {
    size_t word;                 /* "spokesman" (a token), SIZE_MAX when none */
    long named;                  /* the entity of their own name after the word, or -1 */
    long body;                   /* the entity they speak for ("Alder's", "for the Bank of
                                    England"), or -1 */
} sl_spokes;
/* The spokesperson of the speaker phrase at tokens [first, end). */
void sl_spokes_find(const sl_facts_doc *d, size_t first, size_t end, sl_spokes *out);
/* "spokesman for Ruth Alder" and "Ruth Alder's spokesman" for s (its body
 * set), new strings; NULL and d->err on failure. */
char *sl_spokes_role(sl_facts_doc *d, const sl_spokes *s);
char *sl_spokes_speaker(sl_facts_doc *d, const sl_spokes *s);

/* ---- role_ties.c ---- */
/* Most other roles whose first person is kept per speaker mention. */
#define SL_ROLE_OTHERS 8
/* The persons an article ties the role of one speaker mention to. */
typedef struct sl_role_ties {
    size_t head;                 /* the role's word (a token), SIZE_MAX for a pronoun */
    const char *anchor;          /* named last before the role's first use, or NULL */
    const char *others[SL_ROLE_OTHERS]; /* named last before another role's first use */
    size_t other_words[SL_ROLE_OTHERS]; /* that role's word (a token) */
    size_t n_others;
} sl_role_ties;
/* The ties of the speaker mention at tokens [first, end) ("the minister"),
 * from the text before it. */
void sl_role_ties_find(const sl_facts_doc *d, size_t first, size_t end, sl_role_ties *t);
/* Whether a mention of the person named `about` carries a title or role
 * ending in the role's word ("Foreign Minister", "Sen." for "senator"). */
bool sl_role_ties_titled(const sl_facts_doc *d, const sl_role_ties *t, const char *about);
/* Whether another role was first used right after the person was named. */
bool sl_role_ties_other(const sl_role_ties *t, const char *about);
/* How the person named `about` fits the role mention opening at token
 * `first`: -1 given a role of a place it does not name ("Texas Sen." for
 * "the Kansas senator"), else 0. */
int sl_role_ties_fit(const sl_facts_doc *d, const sl_role_ties *t, size_t first,
                     const char *about);
/* Whether the role mention [first, end) is qualified by capitalised words
 * ("the Kansas senator", "the Labour Party leader"): a description. */
bool sl_role_ties_qualified(const sl_facts_doc *d, size_t first, size_t end);
/* The person the description [first, end) ("the Labour Party leader") was
 * given to before: in apposition, or as a title; NULL when none. */
const char *sl_role_ties_described(const sl_facts_doc *d, size_t first, size_t end);

/* ---- speakers.c ---- */
/* Who a speaker mention that is no name stands for, per document. */
typedef struct sl_speakers sl_speakers;
/* The chooser's feature count: the length of sl_facts_doc.pronoun_weights and role_weights. */
#define SL_SPEAKERS_FEATURES 20
/* Reads the person entities of d->out (run after sl_facts_entities); NULL
 * when out of memory. */
sl_speakers *sl_speakers_new(const sl_facts_doc *d);
void sl_speakers_free(sl_speakers *sp);
/* Whether the speaker mention at tokens [first, end) names someone the
 * article may have named: "he", "she", "the candidate", "the minister",
 * "the Florida senator". */
bool sl_speakers_resolvable(const sl_facts_doc *d, size_t first, size_t end);
/* The entity item of the person that mention names, among the persons named
 * before it and before the quote at [qa, qb); -1 when none is. `last_speaker`
 * (may be NULL) is the previous quote's speaker. */
long sl_speakers_choose(const sl_facts_doc *d, const sl_speakers *sp, size_t first, size_t end,
                        uint32_t qa, uint32_t qb, const char *last_speaker);

/* ---- crosscheck.c ---- */
/* Lines up the number and date items of story `story_id` (`items`, in
 * article then text order) across its sources; `copy_pairs` holds
 * (article, source) pairs, n_pairs of them, for the articles that count as
 * another's source (a copy its original's, sl_story_source_ids). Keeps only conflicts when `conflicts_only`. The table
 * is freed with sl_fact_table_free. Errors: SL_ENOMEM. */
int sl_facts_crosscheck(int64_t story_id, const sl_fact_item *items, size_t n,
                        const int64_t *copy_pairs, size_t n_pairs, int conflicts_only,
                        sl_fact_table **out);

/* Whether a stored item is a name with a name and a type: what a story's
 * names are listed and typed by (story_aliases.c, story_names.c). */
static inline bool sl_facts_named_entity(const sl_fact_item *it)
{
    return it->kind == SL_FACT_ENTITY && it->about && it->detail;
}

/* ---- story_aliases.c ---- */
/* Lists the entity items of one story (`items`, of any kinds) under the
 * names the story gives in full: a role-less person named by one word
 * takes the one person's name of the story that ends with it ("Coldwell":
 * "Marian Coldwell"), a name in capitals the one name of the story written
 * with the same letters in another case ("KERSK": "Kersk"), and its type.
 * Changes `about` and `detail` in place (freed with free()). Errors:
 * SL_ENOMEM. */
int sl_facts_story_aliases(sl_fact_item *items, size_t n);

/* ---- story_names.c ---- */
/* Types the entity items of one story (`items`, of any kinds, as the store
 * returns a story's items), first listed under their story's full names
 * (sl_facts_story_aliases), by the story's other articles: a person named
 * without a role in its article becomes an organisation where the other
 * articles type the name an organisation more than a quarter as often as a
 * person; a place no gazetteer knows, where they do so more than twice as
 * often as a place. Changes `detail` in place (freed with free()).
 * Errors: SL_ENOMEM. */
int sl_facts_type_by_story(sl_fact_item *items, size_t n);

#endif
