/* tokens.c — words, numbers and punctuation of normalised text, with byte
 * offsets, plus the case folding that turns a word into the form stop lists,
 * stemmers and term ids use. Rules in docs/text.md ("Tokens"). */
#include <string.h>
#include <utf8proc.h>

#include "text/text.h"
#include "util/byte_table.h"

/* Longest word checked against the stop lists (the lists' longest is 10). */
#define STOP_MAX_BYTES 16

enum kind { K_SPACE, K_LETTER, K_MARK, K_DIGIT, K_OTHER };

/* kind_of past ASCII: by the code point's Unicode category. */
static enum kind kind_of_unicode(int32_t cp, bool *upper)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        *upper = true;
        return K_LETTER;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return K_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF: /* joiners inside words (ZWNJ in Persian, emoji ZWJ) */
        return K_MARK;
    case UTF8PROC_CATEGORY_ND:
        return K_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return K_SPACE;
    default:
        return K_OTHER;
    }
}

/* What a code point is to the tokenizer; *upper says whether a letter is an
 * upper-case (or title-case) letter. Small enough to be inlined: it runs
 * for every character of every token. */
static inline enum kind kind_of(int32_t cp, bool *upper)
{
    *upper = false;
    if (cp >= 0x80)
        return kind_of_unicode(cp, upper);
    if (cp >= 'a' && cp <= 'z')
        return K_LETTER;
    if (cp >= 'A' && cp <= 'Z')
        return *upper = true, K_LETTER;
    if (cp >= '0' && cp <= '9')
        return K_DIGIT;
    return cp <= ' ' || cp == 0x7F ? K_SPACE : K_OTHER;
}

/* The code point at s[i] (-1 at the end) and where the next one starts. */
static int32_t peek(const char *s, size_t len, size_t i, size_t *next)
{
    if (i < len && (unsigned char)s[i] < 0x80) {
        *next = i + 1;
        return (unsigned char)s[i];
    }
    *next = i;
    return sl_utf8_next(s, len, next);
}

static enum kind kind_at(const char *s, size_t len, size_t i)
{
    bool upper;
    size_t next;
    int32_t cp = peek(s, len, i, &next);
    return cp < 0 ? K_SPACE : kind_of(cp, &upper);
}

static bool is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }
static bool is_hyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

/* Letters counted while scanning a word, for the case flags. */
typedef struct word_scan {
    uint32_t letters, upper;
} word_scan;

/* A dot inside a word belongs to a dotted acronym ("U.S.", "a.m.", "Ph.D.")
 * when the part before it has 1-2 letters and 1-2 letters then another dot
 * follow: "end.The" (a missing space) stays two words. */
static bool acronym_dot(const char *s, size_t len, size_t dot, uint32_t segment)
{
    if (segment < 1 || segment > 2)
        return false;
    size_t k = dot + 1;
    while (k < len && k - dot <= 3 && sl_ascii_letter(s[k]))
        k++;
    size_t letters = k - dot - 1;
    return letters >= 1 && letters <= 2 && k < len && s[k] == '.';
}

/* Each byte's ASCII letter case: 1 for a-z, 2 for A-Z, 0 for the other
 * bytes; scan_word's run of letters takes one load and one test a letter. */
#define LETTER_CASE(c) ((c) >= 'a' && (c) <= 'z' ? 1 : (c) >= 'A' && (c) <= 'Z' ? 2 : 0)
static const uint8_t letter_case[256] = SL_BYTE_TABLE(LETTER_CASE);

/* Each ASCII byte that always ends a word (scan_word): neither a letter nor
 * a digit, nor an apostrophe, hyphen or dot, which may go on within one. */
#define ENDS_WORD(c) \
    ((c) < 0x80 && !LETTER_CASE(c) && !((c) >= '0' && (c) <= '9') && (c) != '\'' && (c) != '-' && (c) != '.')
static const uint8_t ends_word[256] = SL_BYTE_TABLE(ENDS_WORD);

/* The end of the run of ASCII letters from s[i] (a letter), its letters
 * and capitals counted into *w: one load and one test a letter. */
static inline size_t letter_run(const char *s, size_t len, size_t i, word_scan *w)
{
    size_t run = i;
    uint32_t capitals = 0, t = letter_case[(unsigned char)s[i]];
    do
        capitals += t - 1;
    while (++i < len && (t = letter_case[(unsigned char)s[i]]));
    w->letters += (uint32_t)(i - run);
    w->upper += capitals;
    return i;
}

/* Scans word characters from s[i]: letters, marks, digits, an apostrophe
 * or hyphen between letters (a hyphen also before a digit: "COVID-19"), and
 * the dots of a dotted acronym, its final dot included. */
static size_t scan_word(const char *s, size_t len, size_t i, word_scan *w)
{
    uint32_t segment = 0; /* letters since the word start or the last acronym dot */
    bool dotted = false;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (letter_case[c]) {   /* a run of ASCII letters, as below, in one loop */
            size_t run = i;
            i = letter_run(s, len, i, w);
            segment += (uint32_t)(i - run);
            continue;
        }
        if (ends_word[c])   /* a space or a comma after the letters, mostly */
            break;
        bool upper;
        size_t next;
        int32_t cp = peek(s, len, i, &next);
        enum kind k = kind_of(cp, &upper);
        if (k == K_LETTER) {
            w->letters++;
            w->upper += upper;
            segment++;
        } else if (k == K_MARK || k == K_DIGIT) {
            segment = 3; /* no longer an acronym part */
        } else if (is_apostrophe(cp) || is_hyphen(cp)) {
            enum kind after = kind_at(s, len, next);
            if (after != K_LETTER && !(is_hyphen(cp) && after == K_DIGIT))
                break;
            segment = 3;
        } else if (cp == '.' && dotted && segment >= 1 && segment <= 2 &&
                   kind_at(s, len, next) != K_LETTER) {
            return next; /* the final dot of "U.S." */
        } else if (cp == '.' && acronym_dot(s, len, i, segment)) {
            dotted = true;
            segment = 0;
        } else {
            break;
        }
        i = next;
    }
    return i;
}

/* scan_word from the letter at s[i], the common word (ASCII letters, then
 * a byte that ends words, or the text's end) found without the call. */
static inline size_t word_end(const char *s, size_t len, size_t i, word_scan *w)
{
    if (letter_case[(unsigned char)s[i]]) {
        size_t end = letter_run(s, len, i, w);
        if (end == len || ends_word[(unsigned char)s[end]])
            return end;
        *w = (word_scan){0, 0};
    }
    return scan_word(s, len, i, w);
}

/* word_end for a word starting with the ASCII small letter at s[i]: no
 * such word is all capitals, so its letters need no count (*w is left 0,
 * which word_flags reads the same) unless scan_word takes it on. */
static inline size_t small_word_end(const char *s, size_t len, size_t i, word_scan *w)
{
    size_t end = i;
    while (++end < len && letter_case[(unsigned char)s[end]])
        ;
    if (end == len || ends_word[(unsigned char)s[end]])
        return end;
    return scan_word(s, len, i, w);
}

/* Ordinal and decade suffixes that keep a number a number: 1990s, 21st. */
static bool number_suffix(const char *s, size_t n)
{
    static const char *const suffixes[] = {"s", "st", "nd", "rd", "th", "'s", "\xE2\x80\x99s"};
    char lower[8];
    if (n >= sizeof lower)
        return false;
    for (size_t j = 0; j < n; j++)
        lower[j] = (char)(s[j] >= 'A' && s[j] <= 'Z' ? s[j] | 0x20 : s[j]);
    lower[n] = '\0';
    for (size_t k = 0; k < sizeof suffixes / sizeof *suffixes; k++)
        if (!strcmp(lower, suffixes[k]))
            return true;
    return false;
}

/* True when s[i] starts letters glued to a number: a letter, or an
 * apostrophe or hyphen before one. */
static bool glued_letters(const char *s, size_t len, size_t i)
{
    bool upper;
    size_t next;
    int32_t cp = peek(s, len, i, &next);
    enum kind k = kind_of(cp, &upper);
    if (k == K_LETTER)
        return true;
    return (is_apostrophe(cp) || is_hyphen(cp)) && kind_at(s, len, next) == K_LETTER;
}

/* Scans a number from s[i] (a digit): digits with inner , . / before a
 * digit. Letters glued to it make it a word ("3D", "10km", "12-year-old")
 * unless they are an ordinal or decade suffix. Sets *flags. */
static size_t scan_number(const char *s, size_t len, size_t i, uint32_t *flags, word_scan *w)
{
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9') {
            i++;
        } else if ((c == ',' || c == '.' || c == '/') && i + 1 < len && s[i + 1] >= '0' &&
                   s[i + 1] <= '9') {
            i++;
        } else if (c >= 0x80 && kind_at(s, len, i) == K_DIGIT) {
            size_t next;
            peek(s, len, i, &next);
            i = next;
        } else {
            break;
        }
    }
    *flags = SL_TOK_NUMBER;
    if (i >= len || !glued_letters(s, len, i))
        return i;
    size_t end = scan_word(s, len, i, w);
    if (number_suffix(s + i, end - i)) {
        w->letters = w->upper = 0;
        return end;
    }
    *flags = SL_TOK_WORD;
    return end;
}

/* ---- folding ------------------------------------------------------------ */

/* Where folded bytes go: a buffer, or a fixed array for the stop test. */
typedef struct sink {
    sl_buf *buf;
    char *dst;
    size_t cap, len;
    bool overflow;
} sink;

static void sink_put(sink *k, const char *s, size_t n)
{
    if (k->buf) {
        sl_buf_put(k->buf, s, n);
    } else if (k->len + n <= k->cap) {
        memcpy(k->dst + k->len, s, n);
        k->len += n;
    } else {
        k->overflow = true;
    }
}

static void fold_cp(sink *k, int32_t cp)
{
    if (is_apostrophe(cp) || cp == 0x2018) {
        sink_put(k, "'", 1);
        return;
    }
    if (is_hyphen(cp)) {
        sink_put(k, "-", 1);
        return;
    }
    utf8proc_int32_t folded[8];
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, folded, 8, UTF8PROC_CASEFOLD, &boundclass);
    if (n < 1 || n > 8) {
        folded[0] = utf8proc_tolower(cp);
        n = 1;
    }
    for (utf8proc_ssize_t j = 0; j < n; j++) {
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t m = utf8proc_encode_char(folded[j], enc);
        sink_put(k, (const char *)enc, (size_t)m);
    }
}

/* Each byte as fold_ascii writes it: ASCII lower-cased; DOT for '.' (kept
 * in numbers, dropped from words), NOT_ASCII from 0x80 on (the run ends).
 * One load and one test a byte for the common case. */
enum { DOT = 0x100, NOT_ASCII = 0x200 };
#define ASCII_FOLD(c) ((c) >= 0x80 ? NOT_ASCII : (c) == '.' ? DOT : SL_ASCII_LOWER(c))
static const uint16_t ascii_fold[256] = SL_BYTE_TABLE(ASCII_FOLD);

/* Folds the ASCII run of s from *i on into dst, up to `room` bytes read:
 * lowered, a word's dots dropped (so that "U.S." and "US" meet; numbers
 * keep theirs, "2.5"); *i moves past what was read, and the bytes written
 * are returned. */
static size_t fold_ascii(const char *s, size_t len, size_t *i, bool word, char *dst, size_t room)
{
    size_t n = 0, end = *i + room < len ? *i + room : len, j = *i;
    for (; j < end; j++) {
        uint16_t c = ascii_fold[(unsigned char)s[j]];
        if (c >= DOT) {
            if (c == NOT_ASCII)
                break;
            if (word)
                continue;
            c = '.';
        }
        dst[n++] = (char)c;
    }
    *i = j;
    return n;
}

/* Folds s[i, len) of a token (`word`: it starts with a letter): ASCII
 * runs in bulk (fold_ascii), the rest a code point at a time. */
static void fold_from(const char *s, size_t len, size_t i, bool word, sink *k)
{
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            char lower[32];
            size_t n = fold_ascii(s, len, &i, word, lower, sizeof lower);
            sink_put(k, lower, n);
            continue;
        }
        int32_t cp = sl_utf8_next(s, len, &i);
        fold_cp(k, cp);
    }
}

static bool starts_word(const char *s, size_t len) { return len && kind_at(s, len, 0) == K_LETTER; }

static void fold(const char *s, size_t len, sink *k) { fold_from(s, len, 0, starts_word(s, len), k); }

/* Into a buffer with room for the whole token (an ASCII fold is never
 * longer), the ASCII bytes are lowered in place, without a put each:
 * most tokens end there; a code point past ASCII goes on as fold does. */
int sl_token_fold(const char *s, size_t len, sl_buf *out)
{
    bool word = starts_word(s, len);
    size_t i = 0, max = out->max ? out->max : SL_BUF_DEFAULT_MAX;
    if (!out->err && len < out->cap - out->len && out->len + len <= max) {
        out->len += fold_ascii(s, len, &i, word, out->ptr + out->len, len);
        out->ptr[out->len] = '\0';
    }
    sink k = {.buf = out};
    fold_from(s, len, i, word, &k);
    return out->err;
}

/* Whether a token may be a stop word of lang at all: a word, short, and no
 * acronym (never a stop word: "U.S.", "US", "WHO", "IT"). */
static bool stop_candidate(const sl_token *tok, const char *text, const char *lang)
{
    size_t len = tok->end - tok->start;
    return lang && (tok->flags & SL_TOK_WORD) && !(tok->flags & SL_TOK_ALLCAPS) &&
           len <= STOP_MAX_BYTES && !memchr(text + tok->start, '.', len);
}

bool sl_token_is_stop(const sl_token *tok, const char *text, const char *lang)
{
    if (!stop_candidate(tok, text, lang))
        return false;
    char folded[STOP_MAX_BYTES * 2];
    sink k = {.dst = folded, .cap = sizeof folded};
    fold(text + tok->start, tok->end - tok->start, &k);
    return !k.overflow && sl_is_stopword(lang, folded, k.len);
}

bool sl_token_is_stop_folded(const sl_token *tok, const char *text, const char *lang,
                             const char *folded, size_t n)
{
    /* sl_token_is_stop's buffer: a longer fold overflows it and is no stop word */
    return stop_candidate(tok, text, lang) && n <= STOP_MAX_BYTES * 2 && sl_is_stopword(lang, folded, n);
}

/* ---- tokenizer ---------------------------------------------------------- */

/* What a token's first code point makes of it: a space (no token), a
 * letter (a capital or not), a digit, or one code point of punctuation;
 * C_HIGH for a lead byte past ASCII, whose code point decides. */
enum start_class { C_SPACE, C_LETTER, C_CAPITAL, C_DIGIT, C_PUNCT, C_HIGH };
#define START_CLASS(c)                                                                       \
    ((c) >= 0x80 ? C_HIGH : LETTER_CASE(c) == 1 ? C_LETTER : LETTER_CASE(c) == 2 ? C_CAPITAL \
     : (c) >= '0' && (c) <= '9' ? C_DIGIT : (c) <= ' ' || (c) == 0x7F ? C_SPACE : C_PUNCT)
static const uint8_t start_class[256] = SL_BYTE_TABLE(START_CLASS);

/* The class of the code point at s[i] past ASCII (kind_of's answer), and
 * where the next one starts. */
static enum start_class unicode_start(const char *s, size_t len, size_t i, size_t *next)
{
    bool upper;
    int32_t cp = peek(s, len, i, next);
    switch (cp < 0 ? K_SPACE : kind_of(cp, &upper)) {
    case K_SPACE:
        return C_SPACE;
    case K_LETTER:
        return upper ? C_CAPITAL : C_LETTER;
    case K_DIGIT:
        return C_DIGIT;
    default:
        return C_PUNCT;
    }
}

static uint32_t word_flags(bool capital, const word_scan *w)
{
    uint32_t flags = SL_TOK_WORD | (capital ? SL_TOK_UPPER : 0);
    if (w->letters >= 2 && w->upper == w->letters)
        flags |= SL_TOK_ALLCAPS;
    return flags;
}

/* Clears `out`, then fills it. A token's first byte is classed by one load
 * (start_class); only a byte past ASCII asks for its code point. */
int sl_tokenize(const char *text, size_t len, const char *lang, sl_token_vec *out)
{
    out->n = 0;
    if (len > UINT32_MAX)
        return SL_ETOOLARGE;
    size_t i = 0;
    while (i < len) {
        size_t start = i, next = i + 1;
        enum start_class c = start_class[(unsigned char)text[i]];
        if (c == C_HIGH)
            c = unicode_start(text, len, i, &next);
        if (c == C_SPACE) {
            i = next;
            continue;
        }
        word_scan w = {0, 0};
        uint32_t flags = SL_TOK_PUNCT;
        if (c == C_LETTER && (unsigned char)text[i] < 0x80) {
            i = small_word_end(text, len, i, &w);
            flags = word_flags(false, &w);
        } else if (c == C_LETTER || c == C_CAPITAL) {
            i = word_end(text, len, i, &w);
            flags = word_flags(c == C_CAPITAL, &w);
        } else if (c == C_DIGIT) {
            i = scan_number(text, len, i, &flags, &w);
            if (flags & SL_TOK_WORD)
                flags = word_flags(false, &w);
        } else {
            i = next;
        }
        sl_token tok = {(uint32_t)start, (uint32_t)i, flags};
        if (lang && sl_token_is_stop(&tok, text, lang))
            tok.flags |= SL_TOK_STOP;
        if (sl_vec_push(out, tok))
            return SL_ENOMEM;
        i += i < len && text[i] == ' ';   /* the space after most tokens, without a turn of the loop */
    }
    return 0;
}
