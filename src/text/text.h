/* text.h — the text stage: UTF-8 repair, Unicode normalisation, sentences,
 * tokens, stop words, stems and language. Every later stage (chrome removal,
 * copies, stories, facts) reads an article through these functions, and every
 * offset they return is a byte offset into the text they were given, so a
 * finding can always point back at its sentence. */
#ifndef SL_TEXT_H
#define SL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "storyline.h"
#include "util/buf.h"
#include "util/vec.h"

/* Whether byte c is an ASCII letter, A-Z or a-z (sl_letter_cp's answer for
 * it): one subtraction, for the byte loops that step over ASCII words. */
static inline bool sl_ascii_letter(char c)
{
    return (unsigned)(((unsigned char)c | 0x20) - 'a') < 26;
}

/* ---- utf8.c ---- */

/* Appends `in` to `out` as valid UTF-8: each invalid byte (bad lead, bad or
 * missing continuation, overlong form, surrogate, > U+10FFFF) becomes U+FFFD.
 * NUL and C0 controls other than \t and \n are dropped; CRLF and lone CR
 * become LF. Returns the number of invalid bytes replaced (never fails but
 * on out->err). */
size_t sl_utf8_repair(const char *in, size_t len, sl_buf *out);

/* Bytes of the valid UTF-8 sequence at s[0] (`avail` >= 1 bytes there):
 * 1 for ASCII, 0 when s[0] begins none (bad lead, bad or missing
 * continuation, overlong form, surrogate, > U+10FFFF): the rule
 * sl_utf8_repair keeps a sequence by. */
size_t sl_utf8_valid_len(const char *s, size_t avail);

/* Decodes one code point at s[*i] (s valid UTF-8), advancing *i. */
int32_t sl_utf8_next(const char *s, size_t len, size_t *i);

/* The length of `s` (valid UTF-8, `len` bytes) cut to at most `max` bytes
 * without splitting a character: `len` when it fits. */
size_t sl_utf8_cut(const char *s, size_t len, size_t max);

/* The same, cut where a reader sees one character end (a grapheme cluster
 * boundary, utf8proc's rules): an accent stays with its letter, a ZWJ
 * emoji sequence or a flag whole. A cluster longer than `max` is cut by
 * character. */
size_t sl_utf8_grapheme_cut(const char *s, size_t len, size_t max);

/* ---- mojibake.c ---- */

/* True when `s` reads as a Mac Roman text taken for Latin-1: at least two of
 * its Ò, Ó and Õ stand where no spelling puts them ("donÕt", "ÒWe", "said.Ó"). */
bool sl_mac_roman_misread(const char *s, size_t len);

/* In such a text, the character `cp` at s[at, next) as Mac Roman meant it: Ò Ó
 * Ô Õ the curly quotes, Ð Ñ the en and em dashes, É the ellipsis, where their
 * neighbours say so ("PASÓ", "ÉTATS" and "Ñandú" stay); any other `cp` as it is. */
int32_t sl_mac_roman_char(const char *s, size_t len, size_t at, size_t next, int32_t cp);

/* ---- normalize.c ---- */

/* Appends the NFKC normalisation of valid UTF-8 `in` to `out` (utf8proc),
 * except that what quote and dash detection needs stays distinguishable:
 * curly quotes U+2018/2019/201C/201D, guillemets and en/em dashes are kept
 * as they are (NFKC keeps them anyway; we guarantee it). No-break and other
 * Unicode spaces become ' ', runs of spaces within a line collapse to one,
 * trailing spaces on a line are dropped, zero-width characters and soft
 * hyphens are removed. A text misread from Mac Roman (sl_mac_roman_misread)
 * gets its quotes, dashes and ellipses back. Returns 0 or an SL_E* code. */
int sl_text_normalize(const char *in, size_t len, sl_buf *out);
/* Whether `cp` is one of the invisible characters sl_text_normalize drops:
 * the soft hyphen, zero-width spaces and joiners, the word joiner, the BOM. */
bool sl_text_zero_width(int32_t cp);

/* ---- sentences.c ---- */

typedef SL_VEC(sl_span) sl_span_vec;

/* A line this long (bytes) is taken for prose wrapped at a fixed width
 * (wire copy wraps at 60-80 columns): without final punctuation it goes
 * on into the next line's sentence (sentences.c), and a name at its end
 * into the next line's words (names.c). */
#define SL_WRAPPED_LINE 50
/* The widest line of wrapped prose (bytes): a longer line is a sentence or
 * a paragraph of its own (Reuters tuning text wraps at 50-69 bytes). */
#define SL_WRAPPED_LINE_MAX 100

/* Splits normalised text into sentences. Never splits inside "U.S.", "U.N.",
 * "Gen.", "Mr.", "Jan.", "a.m.", initials ("J. R. R."), decimals ("2.5"),
 * ellipses inside a sentence, or before a closing quote/bracket that belongs
 * to the sentence. Paragraph breaks (blank lines) always end a sentence; a
 * single line that has no final punctuation (a headline) is one sentence,
 * unless it is the text's short first line going on into a line of wrapped
 * prose (a wire story whose dateline was taken out).
 * Spans are trimmed of surrounding white space, in order, non-overlapping.
 * `out` is cleared first. Rules: docs/text.md. */
int sl_sentences_split(const char *text, size_t len, sl_span_vec *out);
/* Whether the text's first line, without final punctuation, goes on into
 * the next as sl_sentences_split reads it (a wire story's short first
 * line, its dateline taken out, wrapped into a line of prose): for a
 * caller that undoes line wraps before splitting (the report stage). */
bool sl_sentences_first_line_wraps(const char *text, size_t len);
/* Whether w[0, n) is a person's title written short, without its dot
 * ("Sen", "Dr", "Mr"; case matters). */
bool sl_sentences_title(const char *w, size_t n);

/* ---- quote_marks.c ---- */

/* How a text writes its quotes (sl_quote_style): in single marks, British
 * style (double ones then are no quotation marks), or opening them with two
 * backticks (`` … '': two apostrophes then only close a quote). */
enum { SL_QUOTES_SINGLES = 1, SL_QUOTES_BACKTICKS = 2 };
/* The quotation mark at s[i] (i < len) in a text of quoting `style`: 's' a
 * straight double one, or two apostrophes as news archives write it (a
 * quote opens or closes there); 'o' an opening one (curly, or ``); 'c' a
 * closing one; 0 none. *width gets its bytes. */
int sl_quote_mark(const char *s, size_t len, size_t i, unsigned style, int *width);
/* The same, read by its place when a quote is `open` there or not: a curly
 * mark typed the wrong way round ("…here,“ said", "said ”We…") counts as
 * the one its place asks for. */
int sl_quote_mark_placed(const char *s, size_t len, size_t i, unsigned style, bool open, int *width);
/* The bytes that may start a quotation mark: '"', '\'', '`' and the lead
 * bytes 0xC2 and 0xE2 of the others (quote_marks.c). */
extern const bool sl_quote_mark_leads[256];
/* Whether byte c may start a quotation mark (scans over every byte test it
 * first, so it is inline: one load a byte). */
static inline bool sl_quote_may_mark(char c)
{
    return sl_quote_mark_leads[(unsigned char)c];
}
/* The text's quoting style: SL_QUOTES_BACKTICKS when it holds `` and no
 * more '' than two a `` and one (a stray `` in an archive text writing
 * '' … '' makes none) and no more closed single marks than double marks
 * (a British text with one `` … '' in it stays in singles), else SL_QUOTES_SINGLES when it has more opening single marks than double
 * marks of any kind (a text in double marks has a few nested single ones;
 * one in single marks, few or no double ones), else 0. */
unsigned sl_quote_style(const char *s, size_t len);

/* ---- tokens.c ---- */

enum {
    SL_TOK_WORD = 1 << 0,    /* letters (may hold inner ' - . as in "don't", "cease-fire", "U.S.") */
    SL_TOK_NUMBER = 1 << 1,  /* digits, with inner , . / as in "40,000", "2.5", "1/2" */
    SL_TOK_PUNCT = 1 << 2,   /* any other single non-space code point */
    SL_TOK_UPPER = 1 << 3,   /* word starts with an upper-case letter */
    SL_TOK_ALLCAPS = 1 << 4, /* word of 2+ letters, all upper case */
    SL_TOK_STOP = 1 << 5     /* a stop word of the language given to sl_tokenize */
};

typedef struct sl_token {
    uint32_t start, end;     /* byte offsets into the text */
    uint32_t flags;          /* SL_TOK_* */
} sl_token;

typedef SL_VEC(sl_token) sl_token_vec;

/* Splits text into tokens (`out` cleared first). `lang` (ISO 639-1, may be
 * NULL) decides SL_TOK_STOP; acronyms (ALLCAPS or dotted) are never stop words. */
int sl_tokenize(const char *text, size_t len, const char *lang, sl_token_vec *out);

/* Whether token `tok` of `text` is a stop word of `lang` (false when `lang`
 * is NULL, for acronyms and for what is not a word): what sl_tokenize's
 * SL_TOK_STOP says, for a caller that tokenized without a language. */
bool sl_token_is_stop(const sl_token *tok, const char *text, const char *lang);

/* sl_token_is_stop for a caller that has the token's fold already
 * (folded[0, n), from sl_token_fold): the same answer, without folding it
 * again. */
bool sl_token_is_stop_folded(const sl_token *tok, const char *text, const char *lang,
                             const char *folded, size_t n);

/* Appends the case-folded form of one token (utf8proc casefold, apostrophe
 * variants unified to ', dots dropped from acronyms: "U.S." -> "us"). A
 * possessive "'s" is kept; sl_analyze strips it before stemming. */
int sl_token_fold(const char *s, size_t len, sl_buf *out);

/* ---- stopwords.c ---- */

/* True when folded word `w` is a stop word of `lang` (en at least; other
 * Snowball languages where a list is known). */
bool sl_is_stopword(const char *lang, const char *w, size_t len);
/* The stop-word languages of folded word `w` as a bit set, 0 when none: one
 * lookup for all languages, which is what the language detector counts.
 * Bit 1 << k stands for the language sl_stopword_lang(1 << k) names,
 * k < SL_STOPWORD_LANG_BITS. */
#define SL_STOPWORD_LANG_BITS 8
unsigned sl_stopword_langs(const char *w, size_t len);
/* sl_stopword_langs_ascii (inline): text/stopword_slots.h. */
/* ISO 639-1 code of a single stop-word language bit; NULL when no language
 * has that bit (so callers loop over k until NULL). Static string. */
const char *sl_stopword_lang(unsigned bit);

/* ---- stem.c ---- */

typedef struct sl_stemmer sl_stemmer;

/* A Snowball stemmer for `lang` (ISO 639-1); NULL when the language has none
 * (callers then use the folded word as its stem) or memory ran out. */
sl_stemmer *sl_stemmer_new(const char *lang);
/* Whether Snowball has an algorithm for `lang`. */
bool sl_stemmer_exists(const char *lang);
void sl_stemmer_free(sl_stemmer *st);
/* Stems a folded word; the result is owned by the stemmer, valid until the
 * next call. */
const char *sl_stem(sl_stemmer *st, const char *w, size_t len, size_t *out_len);

/* ---- stem_memo.c ---- */

typedef struct sl_stem_memo sl_stem_memo;

/* An empty memo of words and their stems (the analyser keeps one of words
 * and their terms too: terms.c); NULL when memory ran out. */
sl_stem_memo *sl_stem_memo_new(void);
void sl_stem_memo_free(sl_stem_memo *m);
/* The remembered stem of `w` (its length in *stem_len), owned by the memo
 * and valid until the next put; NULL when `w` is not remembered. */
const char *sl_stem_memo_get(const sl_stem_memo *m, const char *w, size_t len, size_t *stem_len);
/* Remembers the stem of a word not yet remembered; gives the stem kept
 * (valid until the next put), NULL when not kept (a word of no or more
 * than 255 bytes, no memory). Never fails: out of memory, or past its
 * size, the memo forgets what it holds. */
char *sl_stem_memo_put(sl_stem_memo *m, const char *w, size_t len, const char *stem,
                       size_t stem_len);
/* Remembers `part` (SL_WORD_PART bytes) of w in a memo two stages share
 * (stem_memo.h): in place in `entry`, w's entry as sl_word_memo_part gave
 * it with no put since, or, NULL, in a new entry with the other parts
 * unknown. Never fails, as sl_stem_memo_put. */
void sl_word_memo_put_part(sl_stem_memo *m, char *entry, const char *w, size_t len, int part,
                           const char *bytes);

/* ---- lang.c ---- */

typedef struct sl_langid sl_langid;

sl_langid *sl_langid_new(void);
void sl_langid_free(sl_langid *id);
/* ISO 639-1 code of the text's language ("en", "de", ...), "und" when it
 * cannot tell (too short, no letters). Looks at a bounded prefix. The string
 * is static. */
const char *sl_lang_detect(sl_langid *id, const char *text, size_t len);
/* The same, for a text in a collection whose language is `prior` (NULL:
 * none known): a text too short to tell its own (an n-gram guess, or "und",
 * from fewer than 20 words: a headline, a caption) is in `prior` when that
 * language is written in the text's script. *own (may be NULL) gets what
 * the text alone says, sl_lang_detect's answer. */
const char *sl_lang_detect_prior(sl_langid *id, const char *text, size_t len, const char *prior,
                                 const char **own);
/* Every language code sl_lang_detect may answer (static strings, sorted). */
const char *const *sl_lang_codes(size_t *n);

/* ---- names.c ---- */

enum {
    SL_NAME_OPENS = 1 << 0,      /* its first word opens the sentence (or follows an opening
                                    quote or bracket): the capital may be the sentence's */
    SL_NAME_HEADLINE = 1 << 1,   /* in a title-case sentence: the capitals say little */
    SL_NAME_POSSESSIVE = 1 << 2  /* written with "'s", left out of [start, stop) */
};

/* A run of capitalised words within a sentence ("Antony Blinken", "Bank of
 * England", "U.S."), leading stop words ("The", "But") left out. */
typedef struct sl_name {
    uint32_t first, end;      /* tokens [first, end), connectors and abbreviation dots inside */
    uint32_t start, stop;     /* bytes of the name as written */
    uint32_t sentence;        /* index of its sentence */
    uint32_t flags;           /* SL_NAME_* */
    uint32_t fold, fold_len;  /* its words folded and space-separated, in the `fold` buffer */
    uint64_t key;             /* sl_name_key of the folded form */
    uint32_t refers;          /* index of the earlier name it repeats or shortens ("Blinken"
                                 after "Antony Blinken", "TEL AVIV" after "Tel Aviv"), or
                                 its own index; always the first of a chain */
} sl_name;

typedef SL_VEC(sl_name) sl_name_vec;

/* A text's names and their folded forms (sl_names_find's two outputs),
 * found once for an article and read by every stage that needs them. */
typedef struct sl_text_names {
    sl_name_vec names;
    sl_buf fold;
} sl_text_names;

/* Finds the names of an analysed text (its tokens and sentences), in order.
 * `out` and `fold` are cleared first; `fold` holds the folded forms. A
 * possessive ends a name ("Lebanon's Hezbollah": "Lebanon", "Hezbollah")
 * unless it is a plural one before a body's name ("Workers' Union");
 * connectors of, for, de, al, bin, van, von join two capitalised words,
 * and so do two ("van der", "de la").
 * Returns 0 or SL_ENOMEM. */
int sl_names_find(const char *text, const sl_token *tokens, size_t n_tokens,
                  const sl_span *sentences, size_t n_sentences, sl_name_vec *out, sl_buf *fold);
/* Whether token i of tokens [0, n) starts a family name with a lower-case
 * particle: "el-Masri", "van der Berg", "de Vries", "bin Khalid" (a
 * particle, then a capitalised word). */
bool sl_name_particle_start(const char *text, const sl_token *tokens, size_t i, size_t n);
/* The key of a folded name: its hash, aliases unified ("us", "u.s." folded,
 * "united states" and "usa" give one key; so do "uk", "britain"). */
uint64_t sl_name_key(const char *folded, size_t len);
/* The name shown for a folded alias ("us", "usa" -> "United States"), NULL
 * when the name has no alias. Static string. */
const char *sl_name_alias(const char *folded, size_t len);

/* ---- terms.c ---- */

/* A content term of an article: the stem of a non-stop word or a number. */
typedef struct sl_term {
    uint64_t id;          /* sl_hash64 of the stem */
    uint32_t count;       /* occurrences */
    uint32_t first;       /* index of the first sentence it occurs in */
} sl_term;

typedef SL_VEC(sl_term) sl_term_vec;

/* Whether the token holds more than one character (UTF-8). */
bool sl_token_past_one_char(const sl_token *tok, const char *text);

/* True for a content token: a number, or a word of two or more letters that
 * is not a stop word (single letters are initials and list markers, not
 * topics). Inline, as the terms and the copy sketch ask it of every token:
 * a first byte below 0x80 is a whole character, so only a word opening
 * with another byte has its first character decoded. */
static inline bool sl_token_is_content(const sl_token *tok, const char *text)
{
    if (tok->flags & SL_TOK_NUMBER)
        return true;
    if (!(tok->flags & SL_TOK_WORD) || (tok->flags & SL_TOK_STOP) || tok->start + 1 >= tok->end)
        return false;
    return (unsigned char)text[tok->start] < 0x80 || sl_token_past_one_char(tok, text);
}

/* What the later stages read of one article. */
typedef struct sl_analysis {
    const char *lang;          /* from sl_lang_detect */
    sl_span_vec sentences;
    sl_token_vec tokens;
    sl_term_vec terms;         /* distinct content terms, sorted by id */
    SL_VEC(uint64_t) token_terms; /* per token: hash of its stem (words, stop
                                     words included, and numbers); 0 for punctuation */
    uint32_t n_words;          /* word tokens */
} sl_analysis;

/* Reusable state for analysing many articles (stemmers per language, lang id). */
typedef struct sl_analyzer sl_analyzer;

sl_analyzer *sl_analyzer_new(void);
void sl_analyzer_free(sl_analyzer *a);
/* The analyser's memo of English words as written (its SL_WORD_TERM
 * parts), owned by it, for the chrome's word features to share (their
 * SL_WORD_CHROME parts); NULL when memory ran short. */
sl_stem_memo *sl_analyzer_words(sl_analyzer *a);
/* Fills `out` (cleared first, memory reused) from normalised text. */
int sl_analyze(sl_analyzer *a, const char *text, size_t len, sl_analysis *out);
/* The same without the distinct content terms (`terms` left empty): all
 * that the copies stage's sketch reads (sentences, tokens and their
 * terms), for the store-less sketcher, which needs no more. */
int sl_analyze_words(sl_analyzer *a, const char *text, size_t len, sl_analysis *out);
/* The language of a text (a static string, as sl_lang_detect_prior, with
 * the collection's language as `prior`): the first half of sl_analyze, for
 * a caller that times it apart. */
const char *sl_analyzer_language(sl_analyzer *a, const char *text, size_t len, const char *prior,
                                 const char **own);
/* The same as sl_analyze, in language `lang` (a static code from
 * sl_lang_detect) instead of the one detected: a title is in its article's
 * language, and a few words of capitals tell it less well than the body
 * does. NULL or "und": detected. */
int sl_analyze_as(sl_analyzer *a, const char *text, size_t len, const char *lang,
                  sl_analysis *out);
/* The same from the text's tokens as sl_tokenize (lang NULL) gives them,
 * made already (chrome removal's, sl_cleaned): copied, not made again. */
int sl_analyze_tokens_as(sl_analyzer *a, const char *text, size_t len, const char *lang,
                         const sl_token_vec *tokens, sl_analysis *out);
void sl_analysis_free(sl_analysis *an);

#endif
