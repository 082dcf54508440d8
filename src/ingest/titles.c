/* titles.c — the learned title choice of the HTML extractor: a page's
 * title candidates (the headline meta.c picked, the first <h1>, <title>,
 * og:title and twitter:title, and their cuts at separators) scored by a
 * linear model over their source, agreement, length and containment, and
 * what the page says it is (an article, a product).
 * meta.c gathers the candidates; eval/fit_titles.py fits the weights. */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "ingest/htmltree.h"

/* Separators between a headline and a site's or section's name. */
static const char *const separators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
                                         " \xC2\xBB ", " \xC2\xB7 "};

void sl_title_cut_first(char *title)
{
    char *cut = NULL;
    for (size_t i = 0; i < sizeof separators / sizeof *separators; i++) {
        char *p = strstr(title, separators[i]);
        if (p && p > title && (!cut || p < cut))
            cut = p;
    }
    if (cut)
        *cut = '\0';
}

static int present(const char *s) { return s && *s; }

static int same(const char *a, const char *b) { return present(a) && present(b) && !strcasecmp(a, b); }

static int has_separator(const char *s)
{
    for (size_t i = 0; i < sizeof separators / sizeof *separators; i++)
        if (strstr(s, separators[i]))
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

void sl_title_features(char *const c[SL_TITLE_SOURCES], unsigned page, int i, double x[SL_TITLE_FEATURES])
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
    page_cues(page, i, more + 11);
}

/* BEGIN MODEL */
static const double title_bias = -3.0314;
static const double title_weights[SL_TITLE_FEATURES] = {
    -0.280556, -0.393276, -0.490584, 0.324062, 0.414612, -0.198194, 0.370697, 0.419034, -0.166637,
    0.271281, -1.05058, 0.15401, -1.20988, -0.931685, 2.33462, 1.67842, 1.25396, 0.785235, 0.68419,
    0.222568, 0.415332, 0.155657, -0.394795, -0.596496, -0.865703, 0.0366709, -0.111689, -0.238886,
};
/* END MODEL */

int sl_title_choose(char *const c[SL_TITLE_SOURCES], unsigned page)
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
