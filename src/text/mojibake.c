/* mojibake.c — the curly quotes, dashes and ellipsis of a Mac Roman text that
 * was read as Latin-1 ("ÒWe are ready,Ó she saidÉ" for “We are ready,” she
 * said…), told from real accented capitals by where they stand. */
#include <string.h>
#include <utf8proc.h>

#include "text/text.h"

/* The Mac Roman punctuation each misread capital stands for. */
enum {
    MAC_ELLIPSIS = 0xC9, /* É for … */
    MAC_EN_DASH = 0xD0,  /* Ð for – */
    MAC_EM_DASH = 0xD1,  /* Ñ for — */
    MAC_LDQUO = 0xD2,    /* Ò for “ */
    MAC_RDQUO = 0xD3,    /* Ó for ” */
    MAC_LSQUO = 0xD4,    /* Ô for ‘ */
    MAC_RSQUO = 0xD5,    /* Õ for ’ */
};

/* What stands beside a character: nothing or a space, a lower-case or an
 * upper-case letter, a digit, or other punctuation. */
typedef enum { SIDE_SPACE, SIDE_LOWER, SIDE_UPPER, SIDE_DIGIT, SIDE_PUNCT } side;

static side side_of(int32_t cp)
{
    if (cp < 0)
        return SIDE_SPACE;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LL:
        return SIDE_LOWER;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return SIDE_UPPER;
    case UTF8PROC_CATEGORY_ND:
        return SIDE_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
        return SIDE_SPACE;
    default:
        return SIDE_PUNCT;
    }
}

static bool is_letter(side s) { return s == SIDE_LOWER || s == SIDE_UPPER; }
static bool is_word(side s) { return is_letter(s) || s == SIDE_DIGIT; }

/* The code point before s[at] (s valid UTF-8), or -1 at the start. */
static int32_t cp_before(const char *s, size_t at)
{
    if (!at)
        return -1;
    size_t i = at - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return sl_utf8_next(s, at, &i);
}

/* The code point at s[at], or -1 at the end. */
static int32_t cp_at(const char *s, size_t len, size_t at)
{
    return at < len ? sl_utf8_next(s, len, &at) : -1;
}

/* A place no language's spelling puts the capital: Õ between lower-case
 * letters ("donÕt"), Ò before a lower-case letter at a word's start
 * ("Òthe"), Ó after a lower-case letter or punctuation and before no
 * letter ("said.Ó "). */
static bool telling(int32_t cp, side before, side after)
{
    switch (cp) {
    case MAC_RSQUO:
        return before == SIDE_LOWER && after == SIDE_LOWER;
    case MAC_LDQUO:
        return !is_word(before) && after == SIDE_LOWER;
    case MAC_RDQUO:
        return (before == SIDE_LOWER || before == SIDE_PUNCT) && !is_word(after);
    default:
        return false;
    }
}

bool sl_mac_roman_misread(const char *s, size_t len)
{
    int found = 0;
    if (!len)
        return false;
    for (const char *p = s; found < 2 && (p = memchr(p, 0xC3, len - (size_t)(p - s))); p++) {
        size_t i = (size_t)(p - s);
        unsigned char b = i + 1 < len ? (unsigned char)s[i + 1] : 0;
        if (b < 0x92 || b > 0x95)
            continue;
        int32_t cp = 0xC0 + (b - 0x80);
        if (telling(cp, side_of(cp_before(s, i)), side_of(cp_at(s, len, i + 2))))
            found++;
    }
    return found >= 2;
}

int32_t sl_mac_roman_char(const char *s, size_t len, size_t at, size_t next, int32_t cp)
{
    if (cp < MAC_ELLIPSIS || cp > MAC_RSQUO)
        return cp;
    side before = side_of(cp_before(s, at)), after = side_of(cp_at(s, len, next));
    switch (cp) {
    case MAC_LDQUO:
        return !is_word(before) && after != SIDE_SPACE ? 0x201C : cp;
    case MAC_LSQUO:
        return !is_word(before) && after != SIDE_SPACE ? 0x2018 : cp;
    case MAC_RDQUO:
        return (before == SIDE_LOWER || before == SIDE_DIGIT || before == SIDE_PUNCT) && !is_word(after)
                   ? 0x201D
                   : cp;
    case MAC_RSQUO:
        return before != SIDE_SPACE ? 0x2019 : cp;
    case MAC_ELLIPSIS:
        return before != SIDE_UPPER && !is_letter(after) ? 0x2026 : cp;
    case MAC_EN_DASH:
    case MAC_EM_DASH:
        /* not inside a word in capitals, nor opening a capitalised one */
        if (before == SIDE_UPPER || after == SIDE_UPPER || (!is_word(before) && after == SIDE_LOWER))
            return cp;
        return cp == MAC_EN_DASH ? 0x2013 : 0x2014;
    default:
        return cp;
    }
}
