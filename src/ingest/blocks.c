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
#define KEEP_WRITTEN -3
#define KEEP_OTHER 3
static const double tree_base = 0.955567;
static const unsigned short tree_roots[] = {
    0, 15, 30, 45, 60, 75, 90, 105, 120, 135, 150, 165, 180, 195, 210, 225, 240, 255, 270, 285,
};
static const tree_node tree_nodes[] = {
    {1, 0.5, 1, 8}, {36, 0.169207007, 2, 5}, {43, 0.5, 3, 4}, {-1, -1.00546, 0, 0},
    {-1, -0.773141, 0, 0}, {29, 0.574976921, 6, 7}, {-1, -0.321889, 0, 0}, {-1, 0.231883, 0, 0},
    {36, 0.19327943, 9, 12}, {44, 0.990384609, 10, 11}, {-1, 0.0982629, 0, 0},
    {-1, -0.679814, 0, 0}, {38, 1.15476483, 13, 14}, {-1, 0.356206, 0, 0}, {-1, -1.08004, 0, 0},
    {1, 0.5, 16, 23}, {36, 0.0978069827, 17, 20}, {4, 0.5, 18, 19}, {-1, -0.378729, 0, 0},
    {-1, -0.531076, 0, 0}, {37, 0.872704953, 21, 22}, {-1, -0.0199082, 0, 0}, {-1, -0.65007, 0, 0},
    {36, 0.273459464, 24, 27}, {41, 0.989795923, 25, 26}, {-1, 0.0899011, 0, 0},
    {-1, -0.462736, 0, 0}, {15, 0.5, 28, 29}, {-1, 0.319134, 0, 0}, {-1, -0.365182, 0, 0},
    {1, 0.5, 31, 38}, {36, 0.126243256, 32, 35}, {29, 0.149313286, 33, 34}, {-1, -0.213045, 0, 0},
    {-1, -0.396308, 0, 0}, {29, 0.574976921, 36, 37}, {-1, -0.175283, 0, 0}, {-1, 0.19404, 0, 0},
    {44, 0.89417693, 39, 42}, {37, 0.870990127, 40, 41}, {-1, 0.269779, 0, 0},
    {-1, -0.103621, 0, 0}, {30, 0.081666667, 43, 44}, {-1, -0.587697, 0, 0},
    {-1, -0.00618475, 0, 0}, {36, 0.0738371052, 46, 53}, {43, 0.5, 47, 50},
    {29, 0.149313286, 48, 49}, {-1, -0.187918, 0, 0}, {-1, -0.367598, 0, 0}, {12, 0.5, 51, 52},
    {-1, -0.19327, 0, 0}, {-1, 0.10018, 0, 0}, {30, 0.0712472834, 54, 57}, {8, 0.5, 55, 56},
    {-1, -0.392707, 0, 0}, {-1, 0.183805, 0, 0}, {37, 0.881790668, 58, 59}, {-1, 0.24825, 0, 0},
    {-1, -0.122146, 0, 0}, {1, 0.5, 61, 68}, {4, 0.5, 62, 65}, {37, 0.679649562, 63, 64},
    {-1, 0.0527255, 0, 0}, {-1, -0.231955, 0, 0}, {29, 0.149313286, 66, 67}, {-1, -0.131777, 0, 0},
    {-1, -0.313003, 0, 0}, {36, 0.519929588, 69, 72}, {44, 0.990384609, 70, 71},
    {-1, 0.026258, 0, 0}, {-1, -0.26723, 0, 0}, {15, 0.5, 73, 74}, {-1, 0.242471, 0, 0},
    {-1, -0.256234, 0, 0}, {43, 0.5, 76, 83}, {36, 0.504988998, 77, 80}, {36, 0.491940722, 78, 79},
    {-1, -0.261922, 0, 0}, {-1, -0.75586, 0, 0}, {30, 0.201449275, 81, 82}, {-1, -0.520923, 0, 0},
    {-1, 0.163525, 0, 0}, {33, 0.5, 84, 87}, {29, 0.870955378, 85, 86}, {-1, -0.0346342, 0, 0},
    {-1, -0.711825, 0, 0}, {37, 0.721625686, 88, 89}, {-1, 0.234298, 0, 0}, {-1, 0.00357505, 0, 0},
    {36, 0.209499426, 91, 98}, {9, 0.5, 92, 95}, {8, 0.5, 93, 94}, {-1, -0.26371, 0, 0},
    {-1, -0.103703, 0, 0}, {26, 0.5, 96, 97}, {-1, 0.252444, 0, 0}, {-1, -0.409598, 0, 0},
    {44, 0.894035071, 99, 102}, {29, 1.15476483, 100, 101}, {-1, 0.180796, 0, 0},
    {-1, -0.682648, 0, 0}, {30, 0.203257412, 103, 104}, {-1, -0.386, 0, 0}, {-1, 0.0200745, 0, 0},
    {2, 0.5, 106, 113}, {37, 0.804277182, 107, 110}, {44, 0.926599324, 108, 109},
    {-1, 0.1467, 0, 0}, {-1, -0.0713801, 0, 0}, {5, 0.5, 111, 112}, {-1, -0.089423, 0, 0},
    {-1, -0.64044, 0, 0}, {29, 0.149313286, 114, 117}, {37, 0.152094297, 115, 116},
    {-1, 0.107225, 0, 0}, {-1, -0.0428936, 0, 0}, {36, 0.26250577, 118, 119}, {-1, -0.228867, 0, 0},
    {-1, -0.3605, 0, 0}, {36, 0.519929588, 121, 128}, {45, 0.28343311, 122, 125},
    {9, 0.5, 123, 124}, {-1, -0.1946, 0, 0}, {-1, 0.144417, 0, 0}, {37, 0.701175928, 126, 127},
    {-1, 0.0661243, 0, 0}, {-1, -0.138533, 0, 0}, {15, 0.5, 129, 132}, {29, 1.15476483, 130, 131},
    {-1, 0.15104, 0, 0}, {-1, -0.438321, 0, 0}, {34, 0.157072365, 133, 134}, {-1, -0.478172, 0, 0},
    {-1, 0.0393059, 0, 0}, {43, 0.5, 136, 143}, {46, 0.0750000011, 137, 140},
    {37, 0.999332458, 138, 139}, {-1, -0.325903, 0, 0}, {-1, -1.17109, 0, 0},
    {36, 0.231909245, 141, 142}, {-1, -0.158025, 0, 0}, {-1, 0.135051, 0, 0},
    {34, 0.202972114, 144, 147}, {15, 0.5, 145, 146}, {-1, 0.127448, 0, 0}, {-1, -0.219461, 0, 0},
    {8, 0.5, 148, 149}, {-1, -0.162759, 0, 0}, {-1, 0.0593435, 0, 0}, {36, 0.562800467, 151, 158},
    {8, 0.5, 152, 155}, {34, 0.0880736932, 153, 154}, {-1, 0.0169372, 0, 0}, {-1, -0.181322, 0, 0},
    {4, 0.5, 156, 157}, {-1, 0.118033, 0, 0}, {-1, -0.0976286, 0, 0}, {39, 0.835841, 159, 162},
    {29, 0.85547474, 160, 161}, {-1, 0.13036, 0, 0}, {-1, -0.234105, 0, 0}, {13, 0.5, 163, 164},
    {-1, -0.266754, 0, 0}, {-1, 0.184057, 0, 0}, {37, 0.703479201, 166, 173}, {33, 0.5, 167, 170},
    {8, 0.5, 168, 169}, {-1, -0.12768, 0, 0}, {-1, 0.0219242, 0, 0}, {31, 0.843587846, 171, 172},
    {-1, 0.165962, 0, 0}, {-1, -0.122836, 0, 0}, {45, 0.808018118, 174, 177},
    {41, 0.106010437, 175, 176}, {-1, -0.0353752, 0, 0}, {-1, -0.2083, 0, 0},
    {37, 0.909043938, 178, 179}, {-1, -0.963774, 0, 0}, {-1, -1.73599, 0, 0},
    {45, 0.249644354, 181, 188}, {29, 0.149313286, 182, 185}, {45, 0.0577622652, 183, 184},
    {-1, -0.234165, 0, 0}, {-1, 0.169163, 0, 0}, {36, 0.986888289, 186, 187}, {-1, -0.137715, 0, 0},
    {-1, 0.0106567, 0, 0}, {16, 0.5, 189, 192}, {38, 0.945552886, 190, 191}, {-1, 0.0668833, 0, 0},
    {-1, -0.588954, 0, 0}, {19, 0.5, 193, 194}, {-1, -0.511761, 0, 0}, {-1, 0.0482051, 0, 0},
    {37, 0.849334329, 196, 203}, {41, 0.921375453, 197, 200}, {42, 0.0577622652, 198, 199},
    {-1, -1.15403, 0, 0}, {-1, 0.0595394, 0, 0}, {32, 0.995049506, 201, 202},
    {-1, -0.0604737, 0, 0}, {-1, -0.305994, 0, 0}, {38, 0.790815741, 204, 207},
    {45, 0.814429253, 205, 206}, {-1, -0.101389, 0, 0}, {-1, -0.448729, 0, 0},
    {31, 0.325094342, 208, 209}, {-1, 0.104292, 0, 0}, {-1, -0.908733, 0, 0},
    {38, 0.569598705, 211, 218}, {12, 0.5, 212, 215}, {9, 0.5, 213, 214}, {-1, -0.102346, 0, 0},
    {-1, 0.14557, 0, 0}, {31, 0.274024025, 216, 217}, {-1, -0.00424145, 0, 0}, {-1, 0.27282, 0, 0},
    {30, 0.0591147356, 219, 222}, {31, 0.510869563, 220, 221}, {-1, -0.18428, 0, 0},
    {-1, -1.8963, 0, 0}, {34, 0.488800406, 223, 224}, {-1, 0.0908668, 0, 0}, {-1, -0.580953, 0, 0},
    {16, 0.5, 226, 233}, {28, 0.126884609, 227, 230}, {42, 0.893156528, 228, 229},
    {-1, 0.0430288, 0, 0}, {-1, -0.921018, 0, 0}, {29, 0.37498413, 231, 232},
    {-1, -0.00522038, 0, 0}, {-1, -0.160712, 0, 0}, {19, 0.5, 234, 237},
    {36, 0.0296451785, 235, 236}, {-1, -0.256387, 0, 0}, {-1, -0.828633, 0, 0}, {1, 0.5, 238, 239},
    {-1, -0.249812, 0, 0}, {-1, 0.207878, 0, 0}, {37, 0.675143987, 241, 248},
    {39, 0.968245953, 242, 245}, {28, 0.126884609, 243, 244}, {-1, 0.0618994, 0, 0},
    {-1, -0.0931014, 0, 0}, {37, 0.406129807, 246, 247}, {-1, 0.338495, 0, 0},
    {-1, -0.0239215, 0, 0}, {45, 0.848445535, 249, 252}, {29, 0.149313286, 250, 251},
    {-1, 0.197464, 0, 0}, {-1, -0.0651822, 0, 0}, {42, 0.322600082, 253, 254}, {-1, -2.21652, 0, 0},
    {-1, -0.134891, 0, 0}, {42, 0.249644354, 256, 263}, {38, 0.947820604, 257, 260},
    {29, 0.149313286, 258, 259}, {-1, 0.103426, 0, 0}, {-1, -0.0795627, 0, 0},
    {44, 0.00286532962, 261, 262}, {-1, -3.09116, 0, 0}, {-1, -0.433597, 0, 0},
    {44, 0.577935219, 264, 267}, {41, 0.948526978, 265, 266}, {-1, 0.0739377, 0, 0},
    {-1, -0.147772, 0, 0}, {39, 0.284832463, 268, 269}, {-1, -0.119465, 0, 0},
    {-1, 0.0918003, 0, 0}, {31, 0.776819944, 271, 278}, {33, 0.5, 272, 275},
    {32, 0.616334289, 273, 274}, {-1, -0.012072, 0, 0}, {-1, -0.196081, 0, 0},
    {30, 0.0108695654, 276, 277}, {-1, -0.708113, 0, 0}, {-1, 0.0789948, 0, 0}, {10, 0.5, 279, 282},
    {8, 0.5, 280, 281}, {-1, -0.181527, 0, 0}, {-1, 0.0895355, 0, 0}, {24, 0.5, 283, 284},
    {-1, -0.225611, 0, 0}, {-1, -0.829723, 0, 0}, {9, 0.5, 286, 293}, {37, 0.779625237, 287, 290},
    {17, 0.5, 288, 289}, {-1, 0.0219702, 0, 0}, {-1, -0.262623, 0, 0}, {37, 0.77967006, 291, 292},
    {-1, -5.8115, 0, 0}, {-1, -0.0683216, 0, 0}, {4, 0.5, 294, 297}, {15, 0.5, 295, 296},
    {-1, 0.205264, 0, 0}, {-1, 0.743275, 0, 0}, {42, 0.249644354, 298, 299}, {-1, 0.0586981, 0, 0},
    {-1, -0.529873, 0, 0},
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
    return 0;
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
