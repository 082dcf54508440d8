/* title_parts.c — a title's text and its parts between separators (the
 * one list of them, which titles.c uses too): the longest part, the site's
 * name after the last separator, the head before it, and a candidate as a
 * reader sees it (invisible characters and a stray separator's mark gone).
 * meta.c reads the titles; titles.c chooses. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/htmltree.h"
#include "text/text.h"

/* Separators between a title's headline and its site's or section's name:
 * a mark between two spaces. */
const char *const sl_title_separators[SL_TITLE_SEPARATORS] = {
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ", " \xC2\xB7 "};

/* The length of the title separator at p, or 0. */
static size_t separator_at(const char *p)
{
    for (size_t i = 0; i < SL_TITLE_SEPARATORS; i++) {
        size_t n = strlen(sl_title_separators[i]);
        if (!strncmp(p, sl_title_separators[i], n))
            return n;
    }
    return 0;
}

/* The longest part of a title between its separators (the headline of
 * "Site :: Headline" and of "Headline | Section | Site"), in place. */
void sl_title_longest_part(char *title)
{
    char *best = title, *start = title;
    size_t best_n = 0;
    for (char *p = title;; p++) {
        size_t k = *p ? separator_at(p) : 1;
        if (!k)
            continue;
        if ((size_t)(p - start) > best_n)
            best = start, best_n = (size_t)(p - start);
        if (!*p)
            break;
        start = p + k;
        p += k - 1;
    }
    memmove(title, best, best_n);
    title[best_n] = '\0';
}

/* The last separator of a title ("... | Site"), or NULL; its length in *len. */
static const char *last_separator(const char *title, size_t *len)
{
    const char *cut = NULL;
    for (size_t i = 0; i < SL_TITLE_SEPARATORS; i++) {
        const char *sep = sl_title_separators[i];
        for (const char *p = strstr(title, sep); p; p = strstr(p + 1, sep))
            if (!cut || p > cut)
                cut = p, *len = strlen(sep);
    }
    return cut;
}

/* The part of <title> after its last separator ("... | Site"), or NULL. */
const char *sl_title_suffix(const char *title)
{
    size_t len = 0;
    const char *cut = last_separator(title, &len);
    return cut ? cut + len : NULL;
}

/* "Harbour Wall Holds | The Larkmouth Courier" -> "Harbour Wall Holds": the
 * part after the last separator is the site's name when it matches
 * og:site_name, or when it is short (40 bytes) and shorter than the rest. */
void sl_title_strip_site_suffix(char *title, const char *site)
{
    size_t sep_len = 0;
    const char *cut = last_separator(title, &sep_len);
    if (!cut || cut == title)
        return;
    const char *suffix = cut + sep_len;
    size_t suffix_len = strlen(suffix), head_len = (size_t)(cut - title);
    if ((site && !strcasecmp(suffix, site)) || (suffix_len && suffix_len <= 40 && suffix_len < head_len))
        title[head_len] = '\0';
}

/* `s` cut before its last separator ("Headline | Site" -> "Headline"). */
void sl_title_cut_last(char *s)
{
    size_t len = 0;
    const char *cut = last_separator(s, &len);
    if (cut && cut > s)
        s[cut - s] = '\0';
}

/* A candidate as a reader sees it: without the invisible characters
 * sl_text_normalize drops (a soft hyphen in "Assis\u00ADtance"), and
 * without a separator's mark left at either end ("| Site" of an og:title
 * whose headline part is empty, "Headline |"); NULL when nothing is left. */
void sl_title_tidy(char **title)
{
    char *s = *title;
    size_t len = s ? strlen(s) : 0, n = 0;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        if (!sl_text_zero_width(sl_utf8_next(s, len, &i)))
            memmove(s + n, s + at, i - at), n += i - at;
    }
    for (size_t k = 0; k < SL_TITLE_SEPARATORS; k++) {
        const char *sep = sl_title_separators[k];   /* " | ": the mark "|" */
        size_t m = strlen(sep) - 2;
        if (n > m && !memcmp(s, sep + 1, m + 1))   /* "| Site" */
            memmove(s, s + m + 1, n - m - 1), n -= m + 1;
        if (n > m && !memcmp(s + n - m - 1, sep, m + 1))   /* "Headline |" */
            n -= m + 1;
    }
    if (s)
        s[n] = '\0';
    if (s && !n) {
        free(s);
        *title = NULL;
    }
}
