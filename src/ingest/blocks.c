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
#include "text/text.h"
#include "util/alloc.h"

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
    /* A word is searched for only when its first two bytes occur together
     * in the attribute: the searches were 7% of a page's instructions
     * (callgrind, 120 WCXB pages); the answer is the same. */
    sl_html_pairs pairs;
    sl_html_fold_pairs(s, n, low, &pairs);
    unsigned bits = 0;
    for (unsigned g = 0; g < SL_CUE_GROUPS; g++)
        for (size_t w = 0; w < 8 && cue_words[g][w] && !(bits & (1u << g)); w++)
            if (sl_html_pairs_may_hold(&pairs, cue_words[g][w]) && strstr(low, cue_words[g][w]))
                bits |= 1u << g;
    return bits;
}

unsigned sl_block_cues(const char *cls, const char *id) { return cues_of(cls) | cues_of(id); }

/* ---- the paragraph's own words ------------------------------------------------ */

/* Function words: prose has many, menus and credits few. Counted for
 * each language of the stop-word lists (text/stopwords.c) and the best
 * language's share kept, so that a French or German paragraph reads as
 * prose too (an English list alone made the model drop them). */
static unsigned stop_languages(const char *w, size_t n)
{
    char low[16];
    if (n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    return sl_stopword_langs(low, n);
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
    double stops[SL_STOPWORD_LANG_BITS] = {0};
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
        unsigned langs = stop_languages(s + start, i - start);
        for (int l = 0; langs && l < SL_STOPWORD_LANG_BITS; langs >>= 1, l++)
            stops[l] += langs & 1u;
        t.capitals += isupper(c) != 0;
        t.digits += isdigit(c) != 0;
    }
    for (int l = 0; l < SL_STOPWORD_LANG_BITS; l++)
        t.stops = fmax(t.stops, stops[l]);
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
 * order as in own_features, then the neighbours' and the container
 * shares), fitted by eval/fit_extraction.py on the WCXB dev article pages
 * of even id and written here by its --write; the odd ids and Zyte are
 * held out (the script reports the reverse fit too). KEEP_WRITTEN and
 * KEEP_OTHER are chosen by cross-validation within the even ids
 * (docs/extraction.md, tenth and eleventh rounds).
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
#define KEEP_WRITTEN -1
#define KEEP_OTHER 1
#define RUN_NEAR 1
#define RUN_FAR 3
#define RUN_MIN_WORDS 200
static const double tree_base = 1.01164;
static const unsigned short tree_roots[] = {
    0, 15, 30, 45, 60, 75, 90, 105, 120, 135, 150, 165, 180, 195, 210, 225, 240, 253, 268, 283,
};
static const tree_node tree_nodes[] = {
    {1, 0.5, 1, 8}, {36, 0.507296145, 2, 5}, {43, 0.5, 3, 4}, {-1, -1.06694, 0, 0},
    {-1, -0.795932, 0, 0}, {47, 0.974152833, 6, 7}, {-1, -0.114848, 0, 0}, {-1, -1.02011, 0, 0},
    {36, 0.181496814, 9, 12}, {48, 0.107771304, 10, 11}, {-1, -0.475466, 0, 0},
    {-1, 0.0808295, 0, 0}, {15, 0.5, 13, 14}, {-1, 0.358128, 0, 0}, {-1, -0.269645, 0, 0},
    {1, 0.5, 16, 23}, {36, 0.507296145, 17, 20}, {39, 0.0242815251, 18, 19}, {-1, -0.534835, 0, 0},
    {-1, -0.363075, 0, 0}, {48, 0.999635011, 21, 22}, {-1, -0.256572, 0, 0}, {-1, 0.416984, 0, 0},
    {36, 0.0581040867, 24, 27}, {8, 0.5, 25, 26}, {-1, -0.299651, 0, 0}, {-1, 0.133289, 0, 0},
    {15, 0.5, 28, 29}, {-1, 0.307015, 0, 0}, {-1, -0.164483, 0, 0}, {1, 0.5, 31, 38},
    {4, 0.5, 32, 35}, {47, 0.848182619, 33, 34}, {-1, -0.0528761, 0, 0}, {-1, -0.38167, 0, 0},
    {29, 0.149313286, 36, 37}, {-1, -0.235819, 0, 0}, {-1, -0.42021, 0, 0},
    {48, 0.0508752391, 39, 42}, {36, 0.52480492, 40, 41}, {-1, -0.42698, 0, 0},
    {-1, 0.0432479, 0, 0}, {15, 0.5, 43, 44}, {-1, 0.268449, 0, 0}, {-1, -0.188775, 0, 0},
    {36, 0.0581040867, 46, 53}, {43, 0.5, 47, 50}, {29, 0.149313286, 48, 49}, {-1, -0.172397, 0, 0},
    {-1, -0.374063, 0, 0}, {47, 0.874759287, 51, 52}, {-1, -0.0883775, 0, 0}, {-1, -0.325177, 0, 0},
    {48, 0.00418309402, 54, 57}, {29, 0.839646548, 55, 56}, {-1, -0.224116, 0, 0},
    {-1, -1.52722, 0, 0}, {47, 0.768213987, 58, 59}, {-1, 0.263936, 0, 0}, {-1, 0.0891624, 0, 0},
    {1, 0.5, 61, 68}, {47, 0.902183473, 62, 65}, {45, 0.311472461, 63, 64}, {-1, -0.255427, 0, 0},
    {-1, -0.0292763, 0, 0}, {29, 0.149313286, 66, 67}, {-1, -0.145044, 0, 0}, {-1, -0.33982, 0, 0},
    {36, 0.531819433, 69, 72}, {48, 0.96910429, 70, 71}, {-1, 0.00712146, 0, 0},
    {-1, -0.863024, 0, 0}, {29, 0.871404618, 73, 74}, {-1, 0.244199, 0, 0}, {-1, -0.136846, 0, 0},
    {1, 0.5, 76, 83}, {4, 0.5, 77, 80}, {38, 0.495014265, 78, 79}, {-1, -0.116014, 0, 0},
    {-1, 0.376783, 0, 0}, {29, 0.149313286, 81, 82}, {-1, -0.0913423, 0, 0}, {-1, -0.27234, 0, 0},
    {15, 0.5, 84, 87}, {44, 0.855042011, 85, 86}, {-1, 0.188802, 0, 0}, {-1, -0.171727, 0, 0},
    {34, 0.157072365, 88, 89}, {-1, -0.549275, 0, 0}, {-1, 0.0652544, 0, 0},
    {36, 0.181678101, 91, 98}, {48, 0.299492046, 92, 95}, {36, 0.140885621, 93, 94},
    {-1, -0.233716, 0, 0}, {-1, -0.558605, 0, 0}, {48, 0.953053474, 96, 97}, {-1, 0.0674999, 0, 0},
    {-1, -0.200421, 0, 0}, {37, 0.867447078, 99, 102}, {30, 0.215951249, 100, 101},
    {-1, -0.055704, 0, 0}, {-1, 0.208408, 0, 0}, {45, 0.891968846, 103, 104}, {-1, -0.267435, 0, 0},
    {-1, -3.5593, 0, 0}, {36, 0.19103568, 106, 113}, {8, 0.5, 107, 110}, {9, 0.5, 108, 109},
    {-1, -0.221893, 0, 0}, {-1, 0.123427, 0, 0}, {38, 0.149313286, 111, 112}, {-1, -0.198084, 0, 0},
    {-1, 0.0886307, 0, 0}, {47, 0.856573611, 114, 117}, {33, 0.5, 115, 116},
    {-1, -0.00925129, 0, 0}, {-1, 0.217311, 0, 0}, {34, 0.0993827172, 118, 119},
    {-1, 0.0799257, 0, 0}, {-1, -0.224602, 0, 0}, {43, 0.5, 121, 128}, {29, 0.149313286, 122, 125},
    {30, 0.5, 123, 124}, {-1, 0.0386197, 0, 0}, {-1, 1.17895, 0, 0}, {38, 0.879215896, 126, 127},
    {-1, -0.216481, 0, 0}, {-1, -0.512133, 0, 0}, {33, 0.5, 129, 132}, {8, 0.5, 130, 131},
    {-1, -0.156485, 0, 0}, {-1, 0.0876558, 0, 0}, {31, 0.802298844, 133, 134}, {-1, 0.166383, 0, 0},
    {-1, -0.0886122, 0, 0}, {47, 0.890143245, 136, 143}, {44, 0.855042011, 137, 140},
    {3, 0.5, 138, 139}, {-1, 0.107843, 0, 0}, {-1, -0.3599, 0, 0}, {17, 0.5, 141, 142},
    {-1, -0.0906607, 0, 0}, {-1, -0.9351, 0, 0}, {47, 0.890172422, 144, 147}, {20, 0.5, 145, 146},
    {-1, -4.41079, 0, 0}, {-1, -1.66314, 0, 0}, {38, 0.604041994, 148, 149}, {-1, -0.201635, 0, 0},
    {-1, 0.00654609, 0, 0}, {36, 0.633888334, 151, 158}, {15, 0.5, 152, 155},
    {36, 0.632991642, 153, 154}, {-1, -0.0716794, 0, 0}, {-1, -8.78368, 0, 0}, {27, 0.5, 156, 157},
    {-1, -0.524176, 0, 0}, {-1, 0.731015, 0, 0}, {29, 0.848445535, 159, 162},
    {39, 0.00211865362, 160, 161}, {-1, 0.167128, 0, 0}, {-1, 0.0102569, 0, 0},
    {32, 0.923397452, 163, 164}, {-1, -0.0261196, 0, 0}, {-1, -1.21067, 0, 0},
    {47, 0.767899305, 166, 173}, {37, 0.92840606, 167, 170}, {31, 0.162612371, 168, 169},
    {-1, -0.0394976, 0, 0}, {-1, 0.137776, 0, 0}, {36, 0.623127595, 171, 172}, {-1, -2.37539, 0, 0},
    {-1, -0.717072, 0, 0}, {38, 0.825967044, 174, 177}, {34, 0.0817999318, 175, 176},
    {-1, 0.0751584, 0, 0}, {-1, -0.133853, 0, 0}, {35, 0.00729742995, 178, 179},
    {-1, -0.0483267, 0, 0}, {-1, -0.950507, 0, 0}, {38, 0.564041108, 181, 188}, {8, 0.5, 182, 185},
    {14, 0.5, 183, 184}, {-1, -0.155686, 0, 0}, {-1, 0.165025, 0, 0}, {39, 0.511133105, 186, 187},
    {-1, -0.0127997, 0, 0}, {-1, 0.143912, 0, 0}, {30, 0.120129872, 189, 192},
    {34, 0.302489176, 190, 191}, {-1, -0.426861, 0, 0}, {-1, 0.0807116, 0, 0},
    {34, 0.410427809, 193, 194}, {-1, 0.107629, 0, 0}, {-1, -0.367484, 0, 0},
    {47, 0.590531051, 196, 203}, {48, 0.951778978, 197, 200}, {37, 0.927248657, 198, 199},
    {-1, 0.123836, 0, 0}, {-1, -0.700831, 0, 0}, {39, 0.913664609, 201, 202},
    {-1, -0.0931121, 0, 0}, {-1, 0.286924, 0, 0}, {45, 0.849468052, 204, 207},
    {44, 0.923802614, 205, 206}, {-1, -0.0209658, 0, 0}, {-1, -0.160641, 0, 0},
    {38, 0.834477603, 208, 209}, {-1, -0.3249, 0, 0}, {-1, -1.55031, 0, 0},
    {47, 0.963120937, 211, 218}, {41, 0.921375453, 212, 215}, {15, 0.5, 213, 214},
    {-1, 0.062076, 0, 0}, {-1, -0.140923, 0, 0}, {37, 0.678338945, 216, 217},
    {-1, -0.0277839, 0, 0}, {-1, -0.275475, 0, 0}, {29, 0.149313286, 219, 222}, {4, 0.5, 220, 221},
    {-1, 0.775544, 0, 0}, {-1, 0.170266, 0, 0}, {47, 0.965623409, 223, 224}, {-1, -0.42633, 0, 0},
    {-1, -0.1576, 0, 0}, {36, 0.616001993, 226, 233}, {36, 0.612808347, 227, 230},
    {29, 0.149313286, 228, 229}, {-1, 0.14, 0, 0}, {-1, -0.0509422, 0, 0},
    {34, 0.269132651, 231, 232}, {-1, -10.1918, 0, 0}, {-1, -3.96392, 0, 0},
    {42, 0.946410537, 234, 237}, {2, 0.5, 235, 236}, {-1, 0.0635267, 0, 0}, {-1, -0.241596, 0, 0},
    {41, 0.00134048262, 238, 239}, {-1, 0.296384, 0, 0}, {-1, -1.16427, 0, 0},
    {37, 0.804361016, 241, 248}, {34, 0.173733383, 242, 245}, {15, 0.5, 243, 244},
    {-1, 0.0851578, 0, 0}, {-1, -0.162288, 0, 0}, {8, 0.5, 246, 247}, {-1, -0.107781, 0, 0},
    {-1, 0.0381895, 0, 0}, {38, 0.92148748, 249, 252}, {31, 0.495971963, 250, 251},
    {-1, -0.033427, 0, 0}, {-1, -0.148497, 0, 0}, {-1, -1.20503, 0, 0}, {2, 0.5, 254, 261},
    {39, 0.503424644, 255, 258}, {34, 0.225946702, 256, 257}, {-1, 0.0451172, 0, 0},
    {-1, -0.0811598, 0, 0}, {8, 0.5, 259, 260}, {-1, -0.0184801, 0, 0}, {-1, 0.227148, 0, 0},
    {42, 0.608428985, 262, 265}, {29, 0.149313286, 263, 264}, {-1, 0.100208, 0, 0},
    {-1, -0.124148, 0, 0}, {47, 0.878072202, 266, 267}, {-1, 0.459551, 0, 0},
    {-1, -0.0512714, 0, 0}, {21, 0.5, 269, 276}, {14, 0.5, 270, 273}, {45, 0.33544597, 271, 272},
    {-1, -0.0348945, 0, 0}, {-1, 0.0563586, 0, 0}, {20, 0.5, 274, 275}, {-1, 0.210651, 0, 0},
    {-1, -0.493988, 0, 0}, {23, 0.5, 277, 280}, {22, 0.5, 278, 279}, {-1, -0.163158, 0, 0},
    {-1, -0.740177, 0, 0}, {36, 0.0427926295, 281, 282}, {-1, -0.18953, 0, 0}, {-1, 0.24479, 0, 0},
    {47, 0.567784339, 284, 291}, {45, 1.01486823, 285, 288}, {37, 0.927248657, 286, 287},
    {-1, 0.0477777, 0, 0}, {-1, -0.491871, 0, 0}, {45, 1.25584662, 289, 290}, {-1, -5.69325, 0, 0},
    {-1, -0.323461, 0, 0}, {45, 0.807359338, 292, 295}, {37, 0.151977092, 293, 294},
    {-1, -0.722139, 0, 0}, {-1, -0.0276865, 0, 0}, {29, 0.843682349, 296, 297},
    {-1, -0.412998, 0, 0}, {-1, -0.951202, 0, 0},
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

/* ---- the article's main run ------------------------------------------------- */

typedef struct scored {
    double score, words;
} scored;

static int by_score(const void *a, const void *b)
{
    double x = ((const scored *)a)->score, y = ((const scored *)b)->score;
    return (x > y) - (x < y);
}

/* The median of the kept blocks' scores, each block weighing its words,
 * and the kept blocks' words. */
static int kept_median(const sl_block *k, const double *words, size_t n, double *median, double *kept_words)
{
    scored *s = sl_calloc(n, sizeof *s);
    if (!s)
        return SL_ENOMEM;
    size_t m = 0;
    double total = 0.0;
    for (size_t i = 0; i < n; i++)
        if (k[i].keep) {
            s[m++] = (scored){k[i].score, words[i]};
            total += words[i];
        }
    qsort(s, m, sizeof *s, by_score);
    double sum = 0.0;
    size_t i = 0;
    while (i + 1 < m && (sum += s[i].words) < total / 2.0)
        i++;
    *median = m ? s[i].score : 0.0;
    *kept_words = total;
    free(s);
    return 0;
}

/* The story's main run reaches from the first to the last kept block
 * scoring within RUN_NEAR of the kept blocks' median; a kept block before
 * or after it scoring RUN_FAR or more below the median is dropped (the
 * "latest news" blurbs, author boxes, disclaimers and FAQs that follow a
 * story, the teasers before it; a heading before the run is spared, as it
 * leads into the story). A page whose kept blocks hold under RUN_MIN_WORDS
 * words is left as it is. The margins are chosen by
 * eval/fit_extraction.py's cross-validation within the even ids
 * (docs/extraction.md, thirteenth round). */
static int trim_to_main_run(sl_block *k, const double *words, size_t n)
{
    double median, kept_words;
    int rc = kept_median(k, words, n, &median, &kept_words);
    if (rc || kept_words < RUN_MIN_WORDS)
        return rc;
    size_t first = n, last = 0;
    for (size_t i = 0; i < n; i++)
        if (k[i].keep && k[i].score >= median - RUN_NEAR) {
            first = first < n ? first : i;
            last = i;
        }
    for (size_t i = 0; first < n && i < n; i++) {
        int lead_in = i < first && k[i].kind == SL_KIND_HEADING;   /* the story's first subheading */
        if ((i < first || i > last) && !lead_in && k[i].score < median - RUN_FAR)
            k[i].keep = 0;
    }
    return 0;
}

int sl_blocks_decide(sl_blocks *b)
{
    size_t n = b->items.n;
    sl_block *k = b->items.items;
    double *words = n ? sl_calloc(n, sizeof *words) : NULL;
    size_t *near = n ? sl_calloc(n, sizeof *near) : NULL;
    if (n && (!words || !near)) {
        free(words);
        free(near);
        return SL_ENOMEM;
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
    /* the container's words before each paragraph: what follows the
     * story's last paragraph inside its element is often a disclaimer,
     * an author's box or a newsletter's call (WCXB dev, even ids) */
    double inside = 0.0;
    for (size_t i = 0; i < n; i++)
        inside += (k[i].path & SL_PATH_INSIDE) ? words[i] : 0.0;
    double before = 0.0;
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
        double own = (k[i].path & SL_PATH_INSIDE) ? words[i] : 0.0;
        x[f++] = inside > 0.0 ? (float)(before / inside) : 0.0f;
        x[f++] = inside > 0.0 ? (float)((inside - before - own) / inside) : 0.0f;
        before += own;
        while (f < SL_BLOCK_FEATURES)
            x[f++] = 0.0f;
        k[i].score = model_score(x);
        k[i].keep = k[i].score > ((k[i].path & SL_PATH_WRITTEN) ? KEEP_WRITTEN : KEEP_OTHER);
    }
    int rc = n ? trim_to_main_run(k, words, n) : 0;
    free(words);
    free(near);
    return rc;
}

/* Which blocks join() takes, from the first choice to the last resort. */
enum pick { BY_MODEL, WRITTEN, UNMARKED, NOT_LINKS };

static int picked(const sl_block *k, enum pick pick)
{
    switch (pick) {
    case BY_MODEL:
        return k->keep;
    case WRITTEN:
        return (k->path & SL_PATH_WRITTEN) != 0;
    case UNMARKED:
        return !(k->path & (SL_PATH_REMOVED | SL_PATH_SOFT | SL_PATH_FURNITURE | SL_PATH_COMMENTS));
    default:
        return k->link_share < 0.5f;
    }
}

/* The blocks `pick` takes, joined by blank lines. */
static int join(const sl_blocks *b, enum pick pick, char **out)
{
    sl_buf text = SL_BUF_INIT;
    for (size_t i = 0; i < b->items.n; i++) {
        const sl_block *k = &b->items.items[i];
        if (!picked(k, pick))
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

/* The model's blocks; else the container writer's; else every block
 * without a cue; else, on a page whose every paragraph carries a cue (a
 * wrapper that names comments, a theme that calls its content column a
 * sidebar), every block that is not mostly links: a page with text never
 * comes out empty. */
int sl_blocks_text(const sl_blocks *b, char **out)
{
    *out = NULL;
    int rc = 0;
    for (enum pick pick = BY_MODEL; !rc && !*out && pick <= NOT_LINKS; pick++)
        rc = join(b, pick, out);
    return rc;
}
