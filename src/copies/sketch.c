/* sketch.c — an article as the copies stage compares it: each sentence as the
 * sorted set of its content-term codes, and the key terms the index files the
 * article under. Built from the text stage's analysis; packed for the store
 * by sketch_pack.c. */
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "util/alloc.h"
#include "util/hash.h"

void sl_sketch_free(sl_sketch *s)
{
    if (!s)
        return;
    sl_vec_free(&s->terms);
    sl_vec_free(&s->starts);
    sl_vec_free(&s->spans);
    sl_vec_free(&s->key_cands);
    free(s->tally);
    s->tally = NULL;
    s->tally_slots = 0;
    s->n_keys = s->n_words = 0;
}

/* A number, or a capitalised word that does not open its sentence: the
 * names, places and figures a rewrite keeps. */
static bool specific(const sl_token *tok, bool first_word)
{
    if (tok->flags & SL_TOK_NUMBER)
        return true;
    return (tok->flags & SL_TOK_ALLCAPS) || ((tok->flags & SL_TOK_UPPER) && !first_word);
}

/* A candidate key term as one integer, ordered by `high`, then by `low`:
 * `high` in the high half, `low` in the low one. */
static uint64_t key_pair(uint32_t high, uint32_t low)
{
    return (uint64_t)high << 32 | low;
}

/* Inserts `item` into `best`, the `n` smallest items met so far in
 * ascending order (at most SL_COPY_KEYS): a selection, not a sort of all
 * the text's terms (the second sort was 0.9% of dedup's instructions,
 * docs/history/benchmarks-rounds.md, "Nineteenth round: dedup"). */
static void keep_smallest(uint64_t *best, uint32_t *n, uint64_t item)
{
    uint32_t at = *n;
    if (at == SL_COPY_KEYS) {
        if (item >= best[at - 1])
            return;
        at--;
    } else {
        (*n)++;
    }
    for (; at > 0 && item < best[at - 1]; at--)
        best[at] = best[at - 1];
    best[at] = item;
}

/* A key term's occurrences merged: its best score and how many times it
 * occurs, up to REPEATS_READ (no more are read); `count` 0 marks an empty
 * slot. */
typedef struct sl_key_tally {
    uint32_t code;
    uint16_t best, count;
} key_tally;

#define REPEATS_READ 6

/* The tally of `code` in `table` (2^bits slots, at most half of them
 * used): open addressing from the code's multiplicative hash. */
static key_tally *tally_of(key_tally *table, unsigned bits, uint32_t code)
{
    size_t mask = ((size_t)1 << bits) - 1;
    size_t at = (size_t)((code * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - bits));
    while (table[at].count && table[at].code != code)
        at = (at + 1) & mask;
    return &table[at];
}

/* Key terms among candidates (copies.h): a term's occurrences merged in a hash table, not by a sort of them
 * all (the sort and merge were 2.8% of dedup's instructions,
 * docs/history/benchmarks-rounds.md, "Twenty-third round"). Exact: a term's best score
 * and count do not depend on the order its occurrences are met in, nor
 * keep_smallest's choice among distinct items on their order. `cands` is
 * overwritten: its first items become the slots used, in the order their
 * terms are first met (the d-th new term is met at the d-th candidate or
 * later, which is read by then). The table is the sketch's, kept from
 * text to text with every slot empty: its used slots are emptied after,
 * not all of them before (the zeroing, on the stack to 256 slots, else a
 * calloc, was 0.6% of dedup's instructions: docs/history/benchmarks-rounds.md,
 * "Twenty-eighth round: dedup"). */
int sl_sketch_keys_choose(uint64_t *cands, size_t n, sl_sketch *out)
{
    out->n_keys = 0;
    unsigned bits = 4;   /* twice the candidates at least */
    while (((size_t)1 << bits) < 2 * n)
        bits++;
    size_t slots = (size_t)1 << bits;
    if (slots > out->tally_slots) {   /* a larger table, empty */
        key_tally *larger = sl_calloc(slots, sizeof *larger);
        if (!larger)
            return SL_ENOMEM;
        free(out->tally);
        out->tally = larger;
        out->tally_slots = slots;
    }
    key_tally *table = out->tally;   /* its first `slots` serve */
    size_t used = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t code = (uint32_t)(cands[k] >> 32), score = (uint32_t)cands[k];
        key_tally *tally = tally_of(table, bits, code);
        if (!tally->count)
            cands[used++] = (uint64_t)(tally - table);
        tally->code = code;
        tally->best = (uint16_t)(score > tally->best ? score : tally->best);
        tally->count += tally->count < REPEATS_READ;
    }
    /* the best score of the term plus 10 per repeat (up to 5) */
    uint64_t best_keys[SL_COPY_KEYS];   /* the best score first, ties by code */
    for (size_t k = 0; k < used; k++) {
        const key_tally *tally = &table[cands[k]];
        keep_smallest(best_keys, &out->n_keys,
                      key_pair(UINT32_MAX - (tally->best + 10u * (tally->count - 1u)), tally->code));
    }
    for (uint32_t k = 0; k < out->n_keys; k++)
        out->keys[k] = (uint32_t)best_keys[k];
    for (size_t k = 0; k < used; k++)   /* empty again for the next text */
        table[cands[k]] = (key_tally){0, 0, 0};
    return 0;
}

/* Key terms: specific terms first, then terms that recur, then long ones;
 * ties by code, so two copies of a text pick the same keys. Short numbers
 * ("2", "10") are too common to file an article under. The candidates are
 * gathered in sl_sketch_build's pass over the tokens (key_reader), not in
 * a second pass of their own (about 2% of dedup's instructions:
 * docs/history/benchmarks-rounds.md, "Twenty-eighth round: dedup"). */
typedef struct key_reader {
    uint64_t *cands;   /* code, score: how much the term says about the article */
    size_t n;
    bool first;        /* the next token opens a sentence, as the keys tell one */
} key_reader;

/* Whether a punctuation token opening with `c` ends a sentence for the
 * keys (one of ".!?\"\n", or the string's end as strchr finds it). */
static inline bool ends_key_sentence(char c)
{
    return c == '.' || c == '!' || c == '?' || c == '"' || c == '\n' || c == '\0';
}

/* Token `tok` (its term `term`, `content` its sl_token_is_content) as a
 * key candidate, when it is one; then whether the next token opens a
 * sentence. Every token passes here once, in text order. */
static inline void read_key(key_reader *kr, const sl_token *tok, uint64_t term, bool content,
                            const char *text)
{
    uint32_t len = tok->end - tok->start;
    if (term && len >= 3 && content)
        kr->cands[kr->n++] = key_pair((uint32_t)(term >> 32) & ~SL_TERM_FLAGS,
                                      (specific(tok, kr->first) ? 1000u : 0u) + (len < 20 ? len : 20));
    kr->first = (tok->flags & SL_TOK_PUNCT) && ends_key_sentence(text[tok->start]);
}

/* English number words and the figures they stand for: a rewrite writes
 * "10 months" as "ten months" and back, and the two must be one term. By
 * first letter, then by length, so that a word is compared only with the
 * words of its first letter up to its length. */
static const struct number_word {
    char word[10];   /* the longest has 9 letters */
    uint8_t len;
    int value;
} number_words[] = {
    {"eight", 5, 8},     {"eighty", 6, 80},   {"eleven", 6, 11},    {"eighteen", 8, 18},
    {"five", 4, 5},      {"four", 4, 4},      {"fifty", 5, 50},     {"forty", 5, 40},
    {"fifteen", 7, 15},  {"fourteen", 8, 14}, {"nine", 4, 9},       {"ninety", 6, 90},
    {"nineteen", 8, 19}, {"one", 3, 1},       {"six", 3, 6},        {"seven", 5, 7},
    {"sixty", 5, 60},    {"seventy", 7, 70},  {"sixteen", 7, 16},   {"seventeen", 9, 17},
    {"ten", 3, 10},      {"two", 3, 2},       {"three", 5, 3},      {"thirty", 6, 30},
    {"twelve", 6, 12},   {"twenty", 6, 20},   {"thirteen", 8, 13},
};

/* The lengths of the number words that open with the two letters at `w`
 * (three bytes at least; either case), one bit each: most words are told
 * from them without a search (the search was 1.8% of dedup's
 * instructions, docs/history/benchmarks-rounds.md, "Twelfth round"). By
 * two letters, not one: "the", "that", "first" and "since" have the first
 * letter and the length of a number word, not its first two letters (the
 * searches they cost were 0.7% of dedup's instructions: "Thirty-second
 * round: dedup"). Inline, forced: GCC called it for every word. */
static inline __attribute__((always_inline)) uint32_t number_word_lengths(const char *w)
{
    char first = (char)(w[0] | 0x20), second = (char)(w[1] | 0x20);
    switch (first) {
    case 'e': return second == 'i' ? 1u << 5 | 1u << 6 | 1u << 8   /* eight eighty eighteen */
                   : second == 'l' ? 1u << 6 : 0;                  /* eleven */
    case 'f': return second == 'i' ? 1u << 4 | 1u << 5 | 1u << 7   /* five fifty fifteen */
                   : second == 'o' ? 1u << 4 | 1u << 5 | 1u << 8   /* four forty fourteen */
                   : 0;
    case 'n': return second == 'i' ? 1u << 4 | 1u << 6 | 1u << 8 : 0;   /* nine ninety nineteen */
    case 'o': return second == 'n' ? 1u << 3 : 0;                       /* one */
    case 's': return second == 'i' ? 1u << 3 | 1u << 5 | 1u << 7   /* six sixty sixteen */
                   : second == 'e' ? 1u << 5 | 1u << 7 | 1u << 9   /* seven seventy seventeen */
                   : 0;
    case 't': return second == 'e' ? 1u << 3                       /* ten */
                   : second == 'w' ? 1u << 3 | 1u << 6             /* two twelve twenty */
                   : second == 'h' ? 1u << 5 | 1u << 6 | 1u << 8   /* three thirty thirteen */
                   : 0;
    default: return 0;
    }
}

/* Where the number words that open with `c` (the first letter of one of
 * number_word_lengths' pairs) start in the table: not found by a walk from its start, which
 * "the" (three letters, as "ten" and "two") made 20 steps long
 * (docs/history/benchmarks-rounds.md, "Twentieth round: dedup"). */
static size_t number_word_first(char c)
{
    switch (c) {
    case 'e': return 0;
    case 'f': return 4;
    case 'n': return 10;
    case 'o': return 13;
    case 's': return 14;
    default: return 20;   /* 't' */
    }
}

/* Whether the `len` bytes at `s` are `word` (small letters) in any case:
 * a byte or-ed with 0x20 is a small letter only when it is a letter, so
 * this is the compare of the word lowered (the copy lowered first was 0.6%
 * of dedup's instructions, docs/history/benchmarks-rounds.md, "Twenty-third round"). */
static bool same_folded(const char *s, const char *word, size_t len)
{
    for (size_t k = 0; k < len; k++)
        if ((char)(s[k] | 0x20) != word[k])
            return false;
    return true;
}

/* The value of the number word of `len` bytes at `word`, in any case, or
 * -1: only the words of its first letter up to its length are compared (a
 * search with strcmp was 1.2% of dedup's instructions: docs/history/benchmarks-rounds.md,
 * "Nineteenth round: dedup"; "the" was compared with the seven words of
 * 't' before the table was by length: "Twentieth round: dedup"). */
static int number_value(const char *word, size_t len)
{
    if (len < 3 || len > 9)
        return -1;
    if (!(number_word_lengths(word) >> len & 1u))
        return -1;
    char first = (char)(word[0] | 0x20);
    const struct number_word *n = number_words + number_word_first(first),
                             *end = number_words + sizeof number_words / sizeof *number_words;
    for (; n < end && n->word[0] == first && n->len <= len; n++)
        if (n->len == len && same_folded(word + 1, n->word + 1, len - 1))
            return n->value;
    return -1;
}

/* The term of a number word (the hash of its figure, as a number token's
 * term is), or 0 when the token is not one. "Thirty-eight" is 38. A word
 * without a hyphen whose first two letters and length fit no number word is
 * told before it is read (the words read and searched were 2.4% of dedup's
 * instructions, docs/history/benchmarks-rounds.md, "Nineteenth round: dedup"); a hyphen
 * is looked for only in words of nine bytes or more ("forty-one" is the
 * shortest tens-units; a shorter word with a hyphen matches no number
 * word, whole or in parts). */
static uint64_t number_word_term(const sl_token *tok, const char *text)
{
    const char *s = text + tok->start;
    size_t len = tok->end - tok->start;
    if (!(tok->flags & SL_TOK_WORD) || len < 3)
        return 0;
    uint32_t lengths = number_word_lengths(s);
    if (!lengths)
        return 0;
    const char *hyphen = len >= 9 ? memchr(s, '-', len) : NULL;
    if (!hyphen && (len > 9 || !(lengths >> len & 1u)))
        return 0;
    int value = -1;
    if (hyphen) {   /* tens-units */
        size_t tens_len = (size_t)(hyphen - s);
        int tens = number_value(s, tens_len);
        int units = number_value(hyphen + 1, len - tens_len - 1);
        if (tens >= 20 && tens % 10 == 0 && units >= 1 && units <= 9)
            value = tens + units;
    } else {
        value = number_value(s, len);
    }
    if (value < 0)
        return 0;
    char figure[2];   /* 1 to 99: the words of number_words, or tens-units */
    size_t n = 0;
    if (value >= 10)
        figure[n++] = (char)('0' + value / 10);
    figure[n++] = (char)('0' + value % 10);
    return sl_hash64(figure, n);
}

/* Whether the words after token `tok` are inside quotation marks (the
 * marks of sl_quote_mark_placed, double ones; `len` bounds the text): a
 * straight mark toggles, others open or close, and a paragraph break ends
 * any quote (a quote running on opens again in the next paragraph).
 * Inline: it is asked of every token (the calls were 0.5% of dedup's
 * instructions, docs/history/benchmarks-rounds.md, "Nineteenth round: dedup"). */
static inline bool quote_state(bool inside, const sl_token *tok, const char *text, size_t len,
                        size_t gap_start)
{
    for (size_t k = gap_start; k + 1 < tok->start; k++)
        if (text[k] == '\n' && text[k + 1] == '\n')
            inside = false;
    /* `` is no mark here: reading it as the quotes stage does was measured
     * twice and dropped (docs/copies.md "Quoted words") */
    if (!(tok->flags & SL_TOK_PUNCT) || !sl_quote_may_mark(text[tok->start]) || text[tok->start] == '`')
        return inside;
    int width, m = sl_quote_mark_placed(text, len, tok->start, 0, inside, &width);
    return m == 's' ? !inside : m == 'o' ? true : m == 'c' ? false : inside;
}

/* Quoted words are left out of the comparisons because two reports quoting
 * one speaker share them; a text that is mostly a quote (a claim passed on)
 * is that quote, so when over half its content words (`content`, of which
 * `quoted` are quoted: counted as the codes are made, not in a pass of
 * their own) are quoted, none are marked. */
static void keep_quoted_claim(sl_sketch *sk, size_t content, size_t quoted)
{
    if (2 * quoted <= content)
        return;
    for (size_t k = 0; k < sk->terms.n; k++)
        sk->terms.items[k] &= ~SL_TERM_QUOTED;
}

int sl_sketch_build(const sl_analysis *an, const char *text, sl_sketch *out)
{
    out->terms.n = out->starts.n = out->spans.n = 0;
    out->n_words = an->n_words;
    out->n_keys = 0;
    size_t n_sent = an->sentences.n < SL_SKETCH_SENTENCES ? an->sentences.n : SL_SKETCH_SENTENCES;
    /* terms has room for one even when empty (views point into it, never at
     * NULL), and for a term a token: no growing; so has the key candidates */
    if (sl_vec_reserve(&out->starts, n_sent + 1) || sl_vec_reserve(&out->spans, n_sent) ||
        sl_vec_reserve(&out->terms, an->tokens.n + 1))
        return SL_ENOMEM;
    if (sl_vec_reserve(&out->key_cands, an->tokens.n + 1))
        return SL_ENOMEM;
    key_reader keys = {out->key_cands.items, 0, true};
    /* the arrays in locals: the stores of the codes would make the
     * compiler read them again a token */
    const sl_token *toks = an->tokens.items;
    const uint64_t *token_terms = an->token_terms.items;
    size_t n_toks = an->tokens.n, n_codes = 0, t = 0, gap = 0, n_content = 0, n_quoted = 0;
    uint32_t *codes = out->terms.items;
    /* the text runs at least to its last token's end */
    size_t len = n_toks ? toks[n_toks - 1].end : 0;
    bool quoted = false;
    for (size_t k = 0; k < n_sent; k++) {
        sl_span span = an->sentences.items[k];
        out->spans.items[out->spans.n++] = span;
        out->starts.items[out->starts.n++] = (uint32_t)n_codes;
        for (; t < n_toks && toks[t].start < span.start; t++) {
            quoted = quote_state(quoted, &toks[t], text, len, gap);
            gap = toks[t].end;
            read_key(&keys, &toks[t], token_terms[t], sl_token_is_content(&toks[t], text), text);
        }
        size_t begin = n_codes;   /* the sentence's terms stay in text order */
        bool first = true;
        for (; t < n_toks && toks[t].start < span.end; t++) {
            const sl_token *tok = &toks[t];
            uint64_t term = token_terms[t];
            bool is_content = sl_token_is_content(tok, text);
            read_key(&keys, tok, term, is_content, text);
            quoted = quote_state(quoted, tok, text, len, gap);
            gap = tok->end;
            uint64_t figure = number_word_term(tok, text);
            bool number = (tok->flags & SL_TOK_NUMBER) || figure;
            if (figure)
                term = figure;
            if (term && n_codes - begin < SL_SKETCH_TERMS) {
                bool content = figure || is_content;
                n_content += content;
                n_quoted += content && quoted;
                codes[n_codes++] = ((uint32_t)(term >> 32) & ~SL_TERM_FLAGS) |
                                   (number || (content && specific(tok, first)) ? SL_TERM_SPECIFIC : 0) |
                                   (number ? SL_TERM_NUMBER : 0) | (quoted ? SL_TERM_QUOTED : 0) |
                                   (content ? 0 : SL_TERM_STOP);
            }
            if (tok->flags & (SL_TOK_WORD | SL_TOK_NUMBER))
                first = false;
        }
    }
    for (; t < n_toks; t++)   /* past the sentences compared: keys only */
        read_key(&keys, &toks[t], token_terms[t], sl_token_is_content(&toks[t], text), text);
    out->terms.n = n_codes;
    out->starts.items[out->starts.n++] = (uint32_t)n_codes;
    keep_quoted_claim(out, n_content, n_quoted);
    return keys.n ? sl_sketch_keys_choose(keys.cands, keys.n, out) : 0;
}
