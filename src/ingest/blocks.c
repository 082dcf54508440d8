/* blocks.c — the learned block decision of the HTML extractor: the
 * features of each paragraph of a page (its element's place, class/id
 * words, link share and score; its own words and punctuation; its
 * neighbours) and the shallow trees over them that keep or drop it.
 * html.c finds the paragraphs; eval/fit_extraction.py fits the weights. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/blocks.h"

/* Class lists are searched over their first bytes only (as html.c's cues). */
#define CUE_SCAN 1024
/* Neighbours further than this many paragraphs from the container count as
 * this far. */
#define FAR 20

void sl_blocks_free(sl_blocks *b)
{
    if (!b)
        return;
    sl_buf_free(&b->text);
    sl_vec_free(&b->items);
}

/* ---- class and id words ---------------------------------------------------- */

/* One group per bit of sl_block.cues, in the order of the features. A word
 * matches anywhere in the attribute ("articleComments", "share-bar"). */
static const char *const cue_words[SL_CUE_GROUPS][8] = {
    {"comment", "reply", "respond", "discuss", "disqus", "replies"},
    {"share", "social", "facebook", "twitter", "sharing"},
    {"related", "recommend", "popular", "trending", "teaser", "promo", "more-"},
    {"nav", "menu", "breadcrumb", "header", "masthead", "toolbar"},
    {"footer", "copyright", "legal", "bottom"},
    {"advert", "sponsor", "ad-", "-ad", "ads", "banner", "dfp"},
    {"sidebar", "widget", "aside", "rail"},
    {"byline", "author", "date", "meta", "time", "tag", "categor"},
    {"caption", "credit", "photo", "image", "figure", "media", "gallery"},
    {"content", "article", "story", "body", "entry", "post", "text"},
    {"newsletter", "subscribe", "signup", "cookie", "modal", "popup", "login"},
    {"hidden", "hide", "sr-only", "screen-reader", "offscreen", "print"},
};

static unsigned cues_of(const char *s)
{
    if (!s)
        return 0;
    char low[CUE_SCAN + 1];
    size_t n = strnlen(s, CUE_SCAN);
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)s[i]);
    low[n] = '\0';
    unsigned bits = 0;
    for (unsigned g = 0; g < SL_CUE_GROUPS; g++)
        for (size_t w = 0; w < 8 && cue_words[g][w] && !(bits & (1u << g)); w++)
            if (strstr(low, cue_words[g][w]))
                bits |= 1u << g;
    return bits;
}

unsigned sl_block_cues(const char *cls, const char *id) { return cues_of(cls) | cues_of(id); }

/* ---- the paragraph's own words ------------------------------------------------ */

/* English function words: prose has many, menus and credits few. */
static const char *const stop_words[] = {
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have", "he",
    "her", "his", "in", "is", "it", "its", "not", "of", "on", "or", "said", "she", "that", "the",
    "their", "they", "this", "to", "was", "were", "which", "who", "will", "with", "would",
};

static int stop_cmp(const void *key, const void *entry) { return strcmp(key, *(const char *const *)entry); }

static int is_stop_word(const char *w, size_t n)
{
    char low[8];
    if (n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = '\0';
    return bsearch(low, stop_words, sizeof stop_words / sizeof *stop_words, sizeof *stop_words, stop_cmp) != NULL;
}

typedef struct text_stats {
    double words, stops, capitals, digits, sentence_ends, commas;
    int terminal;   /* ends with . ! ? or a closing quote after one */
} text_stats;

/* Words are runs of letters and digits (any byte >= 0x80 counts as a
 * letter: the statistics are rough on other scripts, which is fine). */
static text_stats measure(const char *s, size_t n)
{
    text_stats t = {0};
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (!(isalnum(c) || c >= 0x80)) {
            t.sentence_ends += (c == '.' || c == '!' || c == '?') && (i + 1 == n || s[i + 1] == ' ');
            t.commas += c == ',';
            i++;
            continue;
        }
        size_t start = i;
        while (i < n && (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80))
            i++;
        t.words++;
        t.stops += is_stop_word(s + start, i - start);
        t.capitals += isupper(c) != 0;
        t.digits += isdigit(c) != 0;
    }
    size_t end = n;
    while (end && (s[end - 1] == '"' || s[end - 1] == '\'' || (unsigned char)s[end - 1] >= 0x80))
        end--;   /* closing quotes, ASCII or UTF-8 */
    t.terminal = end && (s[end - 1] == '.' || s[end - 1] == '!' || s[end - 1] == '?');
    return t;
}

/* ---- features -------------------------------------------------------------------- */

static double log_words(double words) { return log1p(words) / 6.0; }

/* A block's features that need no neighbour; `words` out for the
 * neighbours' pass. */
static void own_features(const sl_blocks *b, sl_block *k, double position, double *words)
{
    text_stats t = measure(b->text.ptr + k->start, k->len);
    double w = t.words ? t.words : 1;
    float *x = k->x;
    int f = 0;
    static const unsigned paths[] = {SL_PATH_INSIDE, SL_PATH_WRITTEN, SL_PATH_REMOVED, SL_PATH_COMMENTS,
                                     SL_PATH_SOFT, SL_PATH_FURNITURE, SL_PATH_FORM, SL_PATH_SEMANTIC,
                                     SL_PATH_LIST, SL_PATH_TABLE, SL_PATH_LENIENT};
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)
        x[f++] = (k->path & paths[i]) != 0;
    for (unsigned kind = SL_KIND_P; kind < SL_KIND_OTHER; kind++)
        x[f++] = k->kind == kind;
    for (unsigned g = 0; g < SL_CUE_GROUPS; g++)
        x[f++] = (k->cues >> g) & 1u;
    x[f++] = k->link_share;
    x[f++] = (float)log_words(t.words);
    x[f++] = (float)(t.stops / w);
    x[f++] = (float)fmin(1.0, t.sentence_ends * 10.0 / w);
    x[f++] = (float)fmin(1.0, t.commas * 10.0 / w);
    x[f++] = (float)t.terminal;
    x[f++] = (float)(t.capitals / w);
    x[f++] = (float)(t.digits / w);
    x[f++] = k->score_share;
    x[f++] = (float)position;
    /* interactions a linear model cannot make itself */
    x[f++] = (float)((k->path & SL_PATH_INSIDE) ? log_words(t.words) : 0.0);
    x[f++] = (k->path & SL_PATH_INSIDE) ? k->link_share : 0.0f;
    *words = t.words;
}

/* The model: gradient-boosted shallow trees over the features (their
 * order as in own_features, then the neighbours'), fitted by
 * eval/fit_extraction.py on the WCXB dev article pages and written here by
 * its --write; Zyte is held out (the script reports the reverse fit too).
 * A node splits on x[feature] <= threshold, or is a leaf (feature -1)
 * whose value (learning rate folded in) adds to the block's score; a block
 * is kept when its score is above KEEP_WRITTEN if the container writer kept
 * it, above KEEP_OTHER if not. */
typedef struct tree_node {
    int feature;
    double threshold;   /* or the leaf's value */
    unsigned short left, right;
} tree_node;

/* BEGIN MODEL */
#define KEEP_WRITTEN 0.0
#define KEEP_OTHER 0.0
static const double tree_base = -1.0;
static const unsigned short tree_roots[] = {0};
static const tree_node tree_nodes[] = {
    {1, 0.5, 1, 2}, {-1, 0.0, 0, 0}, {-1, 2.0, 0, 0},
};
/* END MODEL */

static double model_score(const float *x)
{
    double s = tree_base;
    for (size_t t = 0; t < sizeof tree_roots / sizeof *tree_roots; t++) {
        const tree_node *n = &tree_nodes[tree_roots[t]];
        while (n->feature >= 0)
            n = &tree_nodes[x[n->feature] <= n->threshold ? n->left : n->right];
        s += n->threshold;
    }
    return s;
}

static int feature_count(void) { return 11 + 5 + SL_CUE_GROUPS + 12; }

void sl_blocks_decide(sl_blocks *b)
{
    size_t n = b->items.n;
    sl_block *k = b->items.items;
    double *words = n ? calloc(n, sizeof *words) : NULL;
    size_t *near = n ? calloc(n, sizeof *near) : NULL;
    if (n && (!words || !near)) {   /* no memory: keep what the container writer kept */
        for (size_t i = 0; i < n; i++)
            k[i].keep = (k[i].path & SL_PATH_WRITTEN) != 0;
        free(words);
        free(near);
        return;
    }
    for (size_t i = 0; i < n; i++)
        own_features(b, &k[i], n > 1 ? (double)i / (double)(n - 1) : 0.0, &words[i]);
    /* paragraphs to the nearest one inside the container, both ways */
    size_t last = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        if (k[i].path & SL_PATH_INSIDE)
            last = i;
        near[i] = last == (size_t)-1 ? FAR : i - last;
    }
    last = (size_t)-1;
    for (size_t i = n; i-- > 0;) {
        if (k[i].path & SL_PATH_INSIDE)
            last = i;
        size_t d = last == (size_t)-1 ? FAR : last - i;
        near[i] = d < near[i] ? d : near[i];
    }
    int base = feature_count();
    for (size_t i = 0; i < n; i++) {
        float *x = k[i].x;
        int f = base;
        for (int side = 0; side < 2; side++) {
            const sl_block *o = side ? (i + 1 < n ? &k[i + 1] : NULL) : (i ? &k[i - 1] : NULL);
            x[f++] = o && (o->path & SL_PATH_INSIDE);
            x[f++] = o ? o->link_share : 1.0f;
            x[f++] = o ? (float)log_words(words[side ? i + 1 : i - 1]) : 0.0f;
        }
        x[f++] = (float)(near[i] < FAR ? near[i] : FAR) / FAR;
        while (f < SL_BLOCK_FEATURES)
            x[f++] = 0.0f;
        k[i].score = model_score(x);
        k[i].keep = k[i].score > ((k[i].path & SL_PATH_WRITTEN) ? KEEP_WRITTEN : KEEP_OTHER);
    }
    free(words);
    free(near);
}

/* The blocks the model keeps (`by_model`), or those whose path has all of
 * `need` and none of `refuse`, joined by blank lines. */
static int join(const sl_blocks *b, int by_model, unsigned need, unsigned refuse, char **out)
{
    sl_buf text = SL_BUF_INIT;
    for (size_t i = 0; i < b->items.n; i++) {
        const sl_block *k = &b->items.items[i];
        if (by_model ? !k->keep : (k->path & need) != need || (k->path & refuse))
            continue;
        if (text.len)
            sl_buf_puts(&text, "\n\n");
        sl_buf_put(&text, b->text.ptr + k->start, k->len);
    }
    int rc = text.err;
    if (!rc && text.len)
        *out = sl_buf_take(&text);
    sl_buf_free(&text);
    return rc;
}

int sl_blocks_text(const sl_blocks *b, char **out)
{
    *out = NULL;
    int rc = join(b, 1, 0, 0, out);
    if (!rc && !*out)
        rc = join(b, 0, SL_PATH_WRITTEN, 0, out);
    if (!rc && !*out)
        rc = join(b, 0, 0, SL_PATH_REMOVED | SL_PATH_SOFT | SL_PATH_FURNITURE | SL_PATH_COMMENTS, out);
    return rc;
}
