/* titles.c — the learned title choice of the HTML extractor: a page's
 * title candidates (the headline meta.c picked, the first <h1>, <title>,
 * og:title and twitter:title, and their cuts at separators) scored by a
 * linear model over their source, agreement, length and containment, what
 * the page says it is (an article, a product), its site's name and the
 * years the candidates name.
 * meta.c gathers the candidates; eval/fit_titles.py fits the weights. */
#include <ctype.h>
#include <math.h>
#include <string.h>
#include <strings.h>

#include "ingest/htmltree.h"
#include "text/text.h"

/* A candidate's key is compared up to this many bytes (a headline has
 * under 200). */
#define TITLE_KEY 512

/* The first separator of a title, not at its start, or NULL; its length
 * in *len. */
static char *first_separator(char *title, size_t *len)
{
    char *cut = NULL;
    for (size_t i = 0; i < SL_TITLE_SEPARATORS; i++) {
        char *p = strstr(title, sl_title_separators[i]);
        if (p && p > title && (!cut || p < cut))
            cut = p, *len = strlen(sl_title_separators[i]);
    }
    return cut;
}

void sl_title_cut_first(char *title)
{
    size_t len = 0;
    char *cut = first_separator(title, &len);
    if (cut)
        *cut = '\0';
}

/* A text's key, bounded: its ASCII letters and digits, lower-cased, from
 * the bytes [s, end) (end NULL: to the NUL); a longer text is cut. */
static void key_of(const char *s, const char *end, char *out, size_t cap)
{
    size_t n = 0;
    for (; *s && s != end && n + 1 < cap; s++)
        if ((unsigned char)*s < 128 && isalnum((unsigned char)*s))
            out[n++] = (char)tolower((unsigned char)*s);
    out[n] = '\0';
}

/* Whether s holds a character a reader sees other than a space or a
 * separator's mark ("| |" and a zero-width space hold none): a part. */
static bool holds_part(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        int32_t cp = sl_utf8_next(s, len, &i);
        if (cp != ' ' && cp != '|' && cp != '-' && cp != ':' && cp != 0x2013 && cp != 0x2014 &&
            cp != 0xBB && cp != 0xB7 && !sl_text_zero_width(cp))
            return true;
    }
    return false;
}

/* "Larkmouth | Ferry tickets" -> "Ferry tickets": the
 * part before <title>'s first separator dropped, in place, when it is the
 * site's name (of three characters or more, by og:site_name or the domain)
 * and a part follows it (not separators alone: "Larkmouth | | |" stays). */
void sl_title_skip_site(char *title, const sl_title_page *page)
{
    size_t len = 0;
    char *cut = first_separator(title, &len);
    if (!cut || !holds_part(cut + len))
        return;
    char key[TITLE_KEY];
    key_of(title, cut, key, sizeof key);
    const char *names[] = {page->site, page->domain};
    for (int k = 0; k < 2; k++)
        if (strlen(names[k]) >= 3 && !strcmp(key, names[k])) {
            memmove(title, cut + len, strlen(cut + len) + 1);
            return;
        }
}

/* Second-level names under which sites register ("larkmouth.co.uk"). */
static int second_level(const char *label, size_t n)
{
    static const char *const names[] = {"co", "com", "org", "net", "ac", "gov", "edu"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strlen(names[i]) == n && !strncasecmp(label, names[i], n))
            return 1;
    return 0;
}

/* The name a URL's host registers ("https://www.larkmouth.co.uk/a" ->
 * "larkmouth"): its last label before the top-level domain and a
 * second-level one, "www" aside; empty for a host of one label. */
static void domain_key(const char *url, char out[SL_TITLE_SITE_KEY])
{
    out[0] = '\0';
    const char *host = url ? strstr(url, "://") : NULL;
    if (!host || strncasecmp(url, "http", 4))
        return;
    host += 3;
    const char *labels[8];
    size_t lens[8], n = 0;
    for (const char *p = host; n < 8;) {
        size_t len = strcspn(p, ".:/?#");
        if (len != 3 || strncasecmp(p, "www", 3))
            labels[n] = p, lens[n++] = len;
        if (p[len] != '.')
            break;
        p += len + 1;
    }
    if (n < 2)
        return;
    n--;   /* the top-level domain */
    if (n >= 2 && second_level(labels[n - 1], lens[n - 1]))
        n--;
    key_of(labels[n - 1], labels[n - 1] + lens[n - 1], out, SL_TITLE_SITE_KEY);
}

void sl_title_site(sl_title_page *page, const char *site_name, const char *url)
{
    key_of(site_name ? site_name : "", NULL, page->site, sizeof page->site);
    domain_key(url, page->domain);
}

static int present(const char *s) { return s && *s; }

static int same(const char *a, const char *b) { return present(a) && present(b) && !strcasecmp(a, b); }

static int has_separator(const char *s)
{
    for (size_t i = 0; i < SL_TITLE_SEPARATORS; i++)
        if (strstr(s, sl_title_separators[i]))
            return 1;
    return 0;
}

static size_t count_words(const char *s)
{
    size_t words = 0;
    for (const char *p = s; *p; p++)
        words += *p != ' ' && (p == s || p[-1] == ' ');
    return words;
}

/* The page's cues for a headline (the picked one, the first <h1>) and for
 * a head of <title> or og:title, each at its own place; none for the rest. */
static void page_cues(unsigned page, int i, double *x)
{
    int headline = i == SL_TITLE_PICKED || i == SL_TITLE_H1;
    int head = i == SL_TITLE_TITLE_FIRST || i == SL_TITLE_TITLE_HEAD || i == SL_TITLE_OG_FIRST ||
               i == SL_TITLE_OG_HEAD;
    if (!headline && !head)
        return;
    for (int k = 0; k < SL_TITLE_PAGE_CUES; k++)
        x[(head ? SL_TITLE_PAGE_CUES : 0) + k] = (page >> k) & 1;
}

/* The site's names (of three characters or more) in a key: 1 when one is
 * part of it, 2 when one is all of it, 0 otherwise. */
static int site_in(const char *key, const sl_title_page *page)
{
    const char *names[] = {page->site, page->domain};
    int found = 0;
    for (int k = 0; k < 2; k++) {
        if (strlen(names[k]) < 3 || !strstr(key, names[k]))
            continue;
        if (!strcmp(key, names[k]))
            return 2;
        found = 1;
    }
    return found;
}

/* The three site features of candidate i: it holds the site's name, it is
 * the site's name, and the part a <title> or og:title lost to give it
 * holds it ("Render | The cloud for builders" -> the tail). */
static void site_features(char *const c[SL_TITLE_SOURCES], const sl_title_page *page, int i, double *x)
{
    static const int wholes[] = {SL_TITLE_TITLE, SL_TITLE_OG};
    char key[TITLE_KEY], rest[TITLE_KEY];
    key_of(c[i], NULL, key, sizeof key);
    int in = site_in(key, page);
    x[0] = in > 0;
    x[1] = in == 2;
    for (size_t k = 0; k < sizeof wholes / sizeof *wholes; k++) {
        const char *whole = c[wholes[k]], *at = present(whole) ? strstr(whole, c[i]) : NULL;
        if (!at || !strcmp(whole, c[i]))
            continue;
        key_of(whole, at, rest, sizeof rest);
        size_t head = strlen(rest);
        key_of(at + strlen(c[i]), NULL, rest + head, sizeof rest - head);
        x[2] = x[2] || site_in(rest, page) > 0;
    }
}

/* The latest year (2000-2099, a run of four digits alone between letters
 * and digits) a text names, 0 when none. */
static int latest_year(const char *s)
{
    int latest = 0;
    for (const char *p = s; *p; p++) {
        if (p > s && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
            continue;
        if (p[0] == '2' && p[1] == '0' && isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]) &&
            !isalnum((unsigned char)p[4]) && p[4] != '_') {
            int year = 2000 + (p[2] - '0') * 10 + (p[3] - '0');
            latest = year > latest ? year : latest;
        }
    }
    return latest;
}

/* The two year features of candidate i, when the candidates name years
 * that differ ("... in 2024" on the <h1>, "... in 2025" in <title>): it
 * names the latest of them, or only an earlier one. */
static void year_features(char *const c[SL_TITLE_SOURCES], int i, double *x)
{
    int latest = 0, earliest = 0;
    for (int j = 0; j < SL_TITLE_SOURCES; j++) {
        int year = present(c[j]) ? latest_year(c[j]) : 0;
        latest = year > latest ? year : latest;
        earliest = year && (!earliest || year < earliest) ? year : earliest;
    }
    int mine = latest_year(c[i]);
    x[0] = mine && mine == latest && earliest < latest;
    x[1] = mine && mine < latest;
}

void sl_title_features(char *const c[SL_TITLE_SOURCES], const sl_title_page *page, int i,
                       double x[SL_TITLE_FEATURES])
{
    static const int compared[] = {SL_TITLE_PICKED, SL_TITLE_H1, SL_TITLE_TITLE_FIRST, SL_TITLE_OG_FIRST,
                                   SL_TITLE_TWITTER};
    memset(x, 0, SL_TITLE_FEATURES * sizeof *x);
    if (!present(c[i]))
        return;
    x[i] = 1;
    int votes = 0, parts = 0;
    for (int j = 0; j < SL_TITLE_SOURCES; j++) {
        votes += j != i && same(c[i], c[j]);
        parts += present(c[j]) && !same(c[i], c[j]) && strcasestr(c[j], c[i]);   /* "Headline" in "Headline | Site" */
    }
    size_t words = count_words(c[i]);
    double *more = x + SL_TITLE_SOURCES;
    more[0] = votes;
    more[1] = votes > 0;
    more[2] = log1p((double)words);
    more[3] = words == 1;
    more[4] = has_separator(c[i]);
    for (size_t k = 0; k < sizeof compared / sizeof *compared; k++)
        more[5 + k] = same(c[i], c[compared[k]]);
    more[10] = parts;
    page_cues(page->cues, i, more + 11);
    site_features(c, page, i, more + 11 + 2 * SL_TITLE_PAGE_CUES);
    year_features(c, i, more + 14 + 2 * SL_TITLE_PAGE_CUES);
}

/* BEGIN MODEL */
static const double title_bias = -2.39812;
static const double title_weights[SL_TITLE_FEATURES] = {
    -0.33282, -0.397887, -0.434091, 0.34198, 0.425147, -0.286482, 0.417116, 0.450326, -0.224612,
    0.346221, -1.08621, -0.0159556, -1.05795, -0.927372, 2.22025, 1.47246, 1.01776, 0.537601,
    0.725769, 0.166086, 0.467525, 0.271235, -0.420782, -0.586604, -1.00942, 0.0376965, -0.256814,
    -0.298895, -0.646237, -1.36021, 0.422492, 1.07411, -2.71463,
};
/* END MODEL */

int sl_title_choose(char *const c[SL_TITLE_SOURCES], const sl_title_page *page)
{
    int best = -1;
    double best_score = 0;
    for (int i = 0; i < SL_TITLE_SOURCES; i++) {
        if (!present(c[i]))
            continue;
        double x[SL_TITLE_FEATURES], score = title_bias;
        sl_title_features(c, page, i, x);
        for (int f = 0; f < SL_TITLE_FEATURES; f++)
            score += title_weights[f] * x[f];
        if (best < 0 || score > best_score)
            best = i, best_score = score;
    }
    return best;
}
