/* terms.c — the text stage end to end for one article: language, sentences,
 * tokens, and the distinct content terms (stems of non-stop words, and
 * numbers) that the copy and story stages compare articles by. */
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/hash.h"
#include "util/sort.h"
#include "text/stem_memo.h"
#include "text/text.h"

/* One stemmer per language met, kept for the analyzer's life; languages
 * without a stemmer are remembered too (st NULL), so we ask only once.
 * `terms` remembers the term each word as written gave in this language
 * (the SL_WORD_TERM parts of a memo two stages share: stem_memo.h; the
 * English one lent to the chrome, sl_analyzer_words): a word seen before
 * skips its folding, the stem memo and the hash (NULL when memory ran
 * short). */
typedef struct stemmer_slot {
    const char *lang; /* static string from sl_lang_detect */
    sl_stemmer *st;
    sl_stem_memo *terms;
} stemmer_slot;

struct sl_analyzer {
    sl_langid *langid;
    SL_VEC(stemmer_slot) stemmers;
    sl_buf fold;
};

sl_analyzer *sl_analyzer_new(void)
{
    sl_analyzer *a = sl_calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->langid = sl_langid_new();
    if (!a->langid) {
        free(a);
        return NULL;
    }
    sl_buf_init(&a->fold, 0);
    return a;
}

void sl_analyzer_free(sl_analyzer *a)
{
    if (!a)
        return;
    for (size_t k = 0; k < a->stemmers.n; k++) {
        sl_stemmer_free(a->stemmers.items[k].st);
        sl_stem_memo_free(a->stemmers.items[k].terms);
    }
    sl_vec_free(&a->stemmers);
    sl_langid_free(a->langid);
    sl_buf_free(&a->fold);
    free(a);
}

void sl_analysis_free(sl_analysis *an)
{
    if (!an)
        return;
    sl_vec_free(&an->sentences);
    sl_vec_free(&an->tokens);
    sl_vec_free(&an->terms);
    sl_vec_free(&an->token_terms);
    an->n_words = 0;
    an->lang = NULL;
}

/* The cached stemmer slot for `lang`, created on first use; its st is
 * NULL when the language has none. */
static int stemmer_for(sl_analyzer *a, const char *lang, const stemmer_slot **out)
{
    for (size_t k = 0; k < a->stemmers.n; k++) {
        if (!strcmp(a->stemmers.items[k].lang, lang)) {
            *out = &a->stemmers.items[k];
            return 0;
        }
    }
    stemmer_slot slot = {lang, sl_stemmer_new(lang), NULL};
    if (!slot.st && sl_stemmer_exists(lang))
        return SL_ENOMEM; /* never cached as "no stemmer": that would last */
    slot.terms = sl_stem_memo_new();
    if (sl_vec_push(&a->stemmers, slot)) {
        sl_stemmer_free(slot.st);
        sl_stem_memo_free(slot.terms);
        return SL_ENOMEM;
    }
    *out = &a->stemmers.items[a->stemmers.n - 1];
    return 0;
}

sl_stem_memo *sl_analyzer_words(sl_analyzer *a)
{
    const stemmer_slot *slot = NULL;
    return stemmer_for(a, "en", &slot) ? NULL : slot->terms;
}

/* What comes off a folded word before stemming (see strip_clitics). */
typedef enum clitics { CLITICS_NONE, CLITICS_POSSESSIVE, CLITICS_ELISION } clitics;

static clitics clitics_of(const char *lang)
{
    if (!strcmp(lang, "en"))
        return CLITICS_POSSESSIVE;
    if (!strcmp(lang, "fr") || !strcmp(lang, "it") || !strcmp(lang, "ca"))
        return CLITICS_ELISION;
    return CLITICS_NONE;
}

/* Folded word -> the part that is stemmed. English possessives go ("court's"
 * and "courts'" mean the court); French, Italian and Catalan elisions go
 * ("l'armée", "dell'esercito"), so the word meets its unelided form. Fold
 * keeps both, as the other stages want the word as written. */
static void strip_clitics(clitics mode, const char **w, size_t *len)
{
    const char *s = *w;
    size_t n = *len;
    if (mode == CLITICS_POSSESSIVE) {
        if (n > 2 && s[n - 2] == '\'' && s[n - 1] == 's')
            n -= 2;
        else if (n > 1 && s[n - 1] == '\'')
            n -= 1;
    } else if (mode == CLITICS_ELISION) {
        /* elided articles and prepositions are short: l', qu', dell', nell' */
        const char *apostrophe = memchr(s, '\'', n < 6 ? n : 6);
        if (apostrophe && apostrophe > s && (size_t)(apostrophe - s) + 1 < n) {
            n -= (size_t)(apostrophe - s) + 1;
            s = apostrophe + 1;
        }
    }
    *w = s;
    *len = n;
}

/* Occurrences by id, then sentence: equal ones differ in nothing that
 * merge_terms keeps, so the sort need not be stable. */
#define OCCURRENCE_BEFORE(a, b) ((a).id != (b).id ? (a).id < (b).id : (a).first < (b).first)
SL_SORT_DEFINE(static, sort_occurrences, sl_term, OCCURRENCE_BEFORE)

/* Sorts the one-per-occurrence terms by id and merges equal ids. */
static void merge_terms(sl_term_vec *terms)
{
    if (!terms->n)
        return;
    sort_occurrences(terms->items, terms->n);
    size_t out = 0;
    for (size_t k = 1; k < terms->n; k++) {
        sl_term *last = &terms->items[out];
        if (terms->items[k].id == last->id)
            last->count += terms->items[k].count; /* `first` is already the smallest */
        else
            terms->items[++out] = terms->items[k];
    }
    terms->n = out + 1;
}

/* Whether a token that is no word folds to its own bytes: all ASCII, no
 * capital, not opening with a letter (sl_token_fold then lowers nothing
 * and keeps its dots), as most figures ("1,250", "3.5", "1987"). */
static bool number_folds_to_itself(const char *s, size_t len)
{
    if (!len || sl_ascii_letter(s[0]))
        return false;
    for (size_t k = 0; k < len; k++)
        if ((unsigned char)s[k] >= 0x80 || (s[k] >= 'A' && s[k] <= 'Z'))
            return false;
    return true;
}

/* learn_term's work: whether it is a stop word
 * of lang, from its fold (not folded a second time for it:
 * docs/history/benchmarks-rounds.md, "Twenty-third round"), then its term. A figure that
 * folds to itself is hashed as it is: no word, so no stop word and no
 * stem, and not folded into the buffer first (half of the tokens not
 * remembered on Reuters are figures: docs/history/benchmarks-rounds.md, "Twenty-fifth
 * round: dedup"). */
static int fold_and_stem(sl_analyzer *a, sl_stemmer *st, clitics mode, const char *text,
                         const char *lang, const sl_token *tok, bool *stop, uint64_t *term)
{
    if (!(tok->flags & SL_TOK_WORD) && number_folds_to_itself(text + tok->start, tok->end - tok->start)) {
        *stop = false;
        *term = sl_hash64(text + tok->start, tok->end - tok->start);
        return 0;
    }
    sl_buf_clear(&a->fold);
    if (sl_token_fold(text + tok->start, tok->end - tok->start, &a->fold))
        return a->fold.err;
    *stop = sl_token_is_stop_folded(tok, text, lang, a->fold.ptr, a->fold.len);
    const char *w = a->fold.ptr;
    size_t len = a->fold.len;
    if (tok->flags & SL_TOK_WORD) {
        strip_clitics(mode, &w, &len);
        w = sl_stem(st, w, len, &len);
        if (!w)
            return SL_ENOMEM;
    }
    if (len)
        *term = sl_hash64(w, len);
    return 0;
}

/* The stem hash of one word or number token (folded, clitics stripped,
 * stemmed); 0 when nothing is left of it; and a word's SL_TOK_STOP. Both
 * depend on the word's bytes and the language alone, so they are
 * remembered (stemmer_slot: its SL_WORD_TERM part, the term's 8 bytes,
 * then the stop flag's one): a word met again is not folded for its stop
 * test either, which was 6% of `dedup`'s instructions
 * (docs/history/benchmarks-rounds.md, "dedup, sixth round"). This is the path of a word remembered, inline in the
 * analysis' loop (346,518 of the 391,340 words and figures of dedup's
 * dd.jsonl; a call for each cost its prologue: docs/history/benchmarks-rounds.md,
 * "Twenty-seventh round: dedup"); false sends the token to learn_term. */
static inline bool known_term(const stemmer_slot *slot, const char *text, sl_token *tok,
                              uint64_t *term, char **entry)
{
    *entry = NULL;
    const char *known = slot->terms && (tok->flags & SL_TOK_WORD)
                            ? sl_word_memo_part(slot->terms, text + tok->start,
                                                tok->end - tok->start, SL_WORD_TERM, entry)
                            : NULL;
    if (!known)
        return false;
    memcpy(term, known, sizeof *term);
    tok->flags |= known[sizeof *term] ? SL_TOK_STOP : 0;
    return true;
}

/* The term of a token known_term did not know, made (fold_and_stem) and,
 * for a word, remembered (in `entry`, the word's as known_term found it,
 * when the chrome's part made it). */
static int learn_term(sl_analyzer *a, const stemmer_slot *slot, clitics mode, const char *text,
                      const char *lang, sl_token *tok, char *entry, uint64_t *term)
{
    *term = 0;
    /* the memo keeps lang's verdict, not a flag the token came with */
    bool stop = false;
    int rc = fold_and_stem(a, slot->st, mode, text, lang, tok, &stop, term);
    tok->flags |= stop ? SL_TOK_STOP : 0;
    if (!rc && slot->terms && (tok->flags & SL_TOK_WORD)) {
        char part[SL_WORD_PART];   /* the term, then the stop flag */
        _Static_assert(sizeof part == sizeof *term + 1, "a term and its stop flag fill a part");
        memcpy(part, term, sizeof *term);
        part[sizeof *term] = stop;
        sl_word_memo_put_part(slot->terms, entry, text + tok->start, tok->end - tok->start,
                              SL_WORD_TERM, part);
    }
    return rc;
}

bool sl_token_past_one_char(const sl_token *tok, const char *text)
{
    size_t i = tok->start;
    sl_utf8_next(text, tok->end, &i);
    return i < tok->end;
}

const char *sl_analyzer_language(sl_analyzer *a, const char *text, size_t len, const char *prior,
                                 const char **own)
{
    return sl_lang_detect_prior(a->langid, text, len, prior, own);
}

/* The tokens of text into out: `given` (sl_tokenize's already) copied, or made. */
static int tokens_of(const char *text, size_t len, const sl_token_vec *given, sl_token_vec *out)
{
    if (!given)
        return sl_tokenize(text, len, NULL, out);   /* stop flags: known_term, learn_term */
    out->n = 0;
    if (sl_vec_reserve(out, given->n))
        return SL_ENOMEM;
    if (given->n)
        memcpy(out->items, given->items, given->n * sizeof *given->items);
    out->n = given->n;
    return 0;
}

/* The analysis; the distinct content terms only `with_terms`. */
static int analyze(sl_analyzer *a, const char *text, size_t len, const char *lang,
                   const sl_token_vec *given, bool with_terms, sl_analysis *out)
{
    out->terms.n = 0;
    out->token_terms.n = 0;
    out->n_words = 0;
    out->lang = lang && strcmp(lang, "und") ? lang : sl_lang_detect(a->langid, text, len);
    int rc = sl_sentences_split(text, len, &out->sentences);
    if (!rc)
        rc = tokens_of(text, len, given, &out->tokens);
    const stemmer_slot *slot = NULL;
    if (!rc)
        rc = stemmer_for(a, out->lang, &slot);
    if (!rc && sl_vec_reserve(&out->token_terms, out->tokens.n))
        rc = SL_ENOMEM;
    clitics mode = clitics_of(out->lang);
    uint32_t sentence = 0;
    for (size_t k = 0; !rc && k < out->tokens.n; k++) {
        sl_token *tok = &out->tokens.items[k];
        while (with_terms && sentence + 1 < out->sentences.n &&   /* read by the terms only */
               tok->start >= out->sentences.items[sentence].end)
            sentence++;
        out->n_words += (tok->flags & SL_TOK_WORD) != 0;
        uint64_t term = 0;
        char *entry = NULL;
        if ((tok->flags & (SL_TOK_WORD | SL_TOK_NUMBER)) &&
            !known_term(slot, text, tok, &term, &entry))
            rc = learn_term(a, slot, mode, text, out->lang, tok, entry, &term);
        out->token_terms.items[out->token_terms.n++] = term;
        if (!rc && with_terms && term && sl_token_is_content(tok, text)) {
            sl_term t = {term, 1, sentence};
            rc = sl_vec_push(&out->terms, t) ? SL_ENOMEM : 0;
        }
    }
    if (!rc)
        merge_terms(&out->terms);
    return rc;
}

int sl_analyze(sl_analyzer *a, const char *text, size_t len, sl_analysis *out)
{
    return analyze(a, text, len, NULL, NULL, true, out);
}

int sl_analyze_words(sl_analyzer *a, const char *text, size_t len, sl_analysis *out)
{
    return analyze(a, text, len, NULL, NULL, false, out);
}

int sl_analyze_as(sl_analyzer *a, const char *text, size_t len, const char *lang,
                  sl_analysis *out)
{
    return analyze(a, text, len, lang, NULL, true, out);
}

int sl_analyze_tokens_as(sl_analyzer *a, const char *text, size_t len, const char *lang,
                         const sl_token_vec *tokens, sl_analysis *out)
{
    return analyze(a, text, len, lang, tokens, true, out);
}
