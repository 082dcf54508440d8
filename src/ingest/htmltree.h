/* htmltree.h — internals shared by the HTML extractor's files (html.c,
 * parse.c, meta.c, feed.c) over libxml2's tree; not part of the ingest API. */
#ifndef SL_INGEST_HTMLTREE_H
#define SL_INGEST_HTMLTREE_H

#include <ctype.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "ingest/ingest.h"

static inline int sl_html_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The page decoded and parsed (parse.c): *doc to free with xmlFreeDoc
 * (NULL when the page is empty), *root its <html>; SL_ETOOLARGE over
 * SL_PAGE_MAX, SL_EBADINPUT when nothing parses. `noscript`: the content of
 * <noscript> elements is kept in place (else they are emptied). */
int sl_html_load(const char *html, size_t len, const char *charset, int noscript, sl_buf *page,
                 xmlDocPtr *doc, xmlNode **root);
/* Whether the attribute name[0, len) is kept in the tree sl_html_load
 * builds (case-insensitive): the others are dropped before parsing, so an
 * attribute a new reader looks at must be added to parse.c's list
 * (sl_html_attr asserts it). */
int sl_html_attr_kept(const char *name, size_t len);

/* Elements of the tree, borrowed from it. */
typedef SL_VEC(xmlNode *) sl_html_nodes;

/* The page's blocks found under `root` and decided (html.c); unless
 * `threads` is NULL, the outermost comment threads the body left out are
 * appended to it, in document order (the metadata takes no byline from
 * them). */
struct sl_blocks;
int sl_html_body_blocks(xmlNode *root, struct sl_blocks *out, sl_html_nodes *threads);

int sl_html_is_tag(const xmlNode *n, const char *name);
/* Whether n is an element named one of tags[0..n_tags). */
int sl_html_is_tag_among(const xmlNode *n, const char *const *tags, size_t n_tags);
/* An attribute's value, borrowed from the tree; NULL when absent. */
const char *sl_html_attr(const xmlNode *n, const char *name);
int sl_html_attr_is(const xmlNode *n, const char *name, const char *value);
/* The node after `n` in document order without leaving `root`, skipping
 * n's children unless `descend`. Iterative. */
xmlNode *sl_html_next(xmlNode *n, const xmlNode *root, int descend);
/* Whether an <article> or <main> encloses n (a bounded number of levels up). */
int sl_html_inside_article(const xmlNode *n);
/* A space byte or the first byte of a UTF-8 no-break space. */
int sl_html_is_blank(const unsigned char *s, size_t i, size_t n);

/* A paragraph being built: white space collapsed to single spaces. */
typedef struct sl_para {
    sl_buf buf;
    int space;   /* white space seen since the last character */
} sl_para;

char sl_para_last(const sl_buf *b);
void sl_para_newline(sl_para *p);
/* Appends text; in <pre> (`pre`) a line break stays a line break. */
void sl_para_text(sl_para *p, const char *text, size_t n, int pre);
void sl_para_trim(sl_para *p);
/* A copy of `s` with white space collapsed and trimmed; NULL when empty. */
int sl_html_dup_collapsed(const char *s, char **out);
/* The text of an element (a <title>, an <h1>), collapsed and trimmed. */
int sl_html_node_text(xmlNode *root, char **out);
/* The same with a line break ('\n') where an element breaks the line. */
int sl_html_node_lines(xmlNode *root, char **out);
/* A heading's text up to a heading inside it: "<h1>Title<h3>Posted on
 * ...</h3></h1>" as libxml2 nests it is "Title" (a browser ends the <h1>
 * where the <h3> opens). */
int sl_html_heading_text(xmlNode *h, char **out);

/* threads.c: whether an element reads as one entry of a comment thread: 1
 * for an author's "says:" / "wrote:" / "Posted by" line or a "Reply" link;
 * with `names`, 2 for a first line that is a name alone above the comment
 * (a thread of those needs a heading that names it). 0 otherwise. */
int sl_html_thread_entry(xmlNode *n, int names);
/* Whether a heading's text names a comment thread ("Have your say",
 * "Comments (8)", "Reader views"). */
int sl_html_names_thread(xmlNode *heading);

/* titles.c: the learned title choice among a page's candidates (NULL or
 * empty when the page lacks one), by their source, agreement and length. */
enum {
    SL_TITLE_PICKED,      /* meta.c's visible headline, else og:title or <title> without the site */
    SL_TITLE_H1,          /* the page's first <h1> */
    SL_TITLE_TITLE,       /* <title> */
    SL_TITLE_TITLE_FIRST, /* <title> before its first separator, after a site's name opening it */
    SL_TITLE_TITLE_HEAD,  /* <title> before its last separator */
    SL_TITLE_OG,
    SL_TITLE_OG_FIRST,    /* og:title, cut as <title> is */
    SL_TITLE_OG_HEAD,
    SL_TITLE_TWITTER,
    SL_TITLE_SOURCES
};
/* What a page says it is (og:type, JSON-LD @type, <meta>): the model
 * weighs the visible headline and <title>'s head differently on an article
 * (its headline is the title) than on a product or a company's page (its
 * <title> is). */
enum {
    SL_TITLE_PAGE_ARTICLE = 1,   /* og:type article, or a JSON-LD *Article / BlogPosting */
    SL_TITLE_PAGE_PUBLISHED = 2, /* <meta property=article:published_time> */
    SL_TITLE_PAGE_PRODUCT = 4,   /* og:type product..., or a JSON-LD Product */
    SL_TITLE_PAGE_WEBSITE = 8    /* og:type website */
};
#define SL_TITLE_PAGE_CUES 4
/* A site's name as the title features compare it: its ASCII letters and
 * digits, lower-cased ("The Larkmouth Courier" -> "thelarkmouthcourier"). */
#define SL_TITLE_SITE_KEY 64
/* What the page says of itself, for the title choice: its SL_TITLE_PAGE_*
 * cues, and the site's name by og:site_name and by the domain of og:url or
 * <link rel=canonical> ("https://www.larkmouth.co.uk/..." -> "larkmouth"),
 * as keys (empty when the page gives none). */
typedef struct sl_title_page {
    unsigned cues;
    char site[SL_TITLE_SITE_KEY], domain[SL_TITLE_SITE_KEY];
} sl_title_page;
/* The site's name of og:site_name and of a URL's domain, into page->site
 * and page->domain. */
void sl_title_site(sl_title_page *page, const char *site_name, const char *url);
/* The source (one-hot), the number of other candidates equal to it
 * (case-insensitively) and whether any is, log(1 + words), one word, holds
 * a separator, whether it equals each of five other sources, the number
 * of other candidates that hold it as a part, the page's cues for a
 * headline (picked, <h1>) and for a head of <title> or og:title, and three
 * about the site's name: the candidate holds it, is it, or was cut from a
 * <title> or og:title that held it in the part cut off; and two about the
 * years the candidates name when they differ: it names the latest, or
 * only an earlier one. */
#define SL_TITLE_FEATURES (SL_TITLE_SOURCES + 16 + 2 * SL_TITLE_PAGE_CUES)
void sl_title_features(char *const c[SL_TITLE_SOURCES], const sl_title_page *page, int i,
                       double x[SL_TITLE_FEATURES]);
/* "Headline | Section | Site" -> "Headline": cut before the first separator. */
void sl_title_cut_first(char *title);
/* "Site | Headline | Section" -> "Headline | Section": the first part
 * dropped when it is the site's name (page's site or domain), in place. */
void sl_title_skip_site(char *title, const sl_title_page *page);
/* The index of the chosen candidate, -1 when there is none. */
int sl_title_choose(char *const c[SL_TITLE_SOURCES], const sl_title_page *page);

/* title_parts.c: the separators between a title's parts, a mark between
 * two spaces (" | ", " - ", en and em dashes, " :: ", a guillemet, a
 * middle dot); titles.c cuts at the same ones. */
#define SL_TITLE_SEPARATORS 7
extern const char *const sl_title_separators[SL_TITLE_SEPARATORS];
/* title_parts.c: a title's parts between its separators, in place. The
 * longest part ("Site :: Headline" -> "Headline"); the part after the last separator, or NULL;
 * the last part dropped when it is og:site_name `site` or short and
 * shorter than the rest; the text before the last separator. */
void sl_title_longest_part(char *title);
const char *sl_title_suffix(const char *title);
void sl_title_strip_site_suffix(char *title, const char *site);
void sl_title_cut_last(char *s);
/* title_parts.c: a candidate as a reader sees it, without invisible
 * characters or a separator's mark at either end; freed and NULL when
 * nothing is left. */
void sl_title_tidy(char **title);

/* byline.c: the author's name in a byline element (its microdata name, its
 * content attribute or its text), or in a text that reads as a byline
 * ("By Jane Doe | 3 March"); NULL in *out when it holds none. */
int sl_html_byline_name(xmlNode *n, char **out);
int sl_html_byline_text_name(const char *s, char **out);
/* byline.c: whether the word s[0..n) occurs in `in` as a word, ignoring case. */
int sl_html_has_word(const char *in, const char *s, size_t n);

/* meta.c: title, date, author and language of the page rooted at `root`
 * into out's fields (text untouched); no author is read inside the
 * comment threads `threads` (sl_html_body_blocks; NULL: none). */
int sl_html_read_meta(xmlNode *root, const sl_html_nodes *threads, sl_extracted *out);
/* meta.c: the title candidates of the page rooted at `root` (malloc'd; the
 * caller frees each; all NULL on failure) and what it says of itself in
 * *page, for the fit of titles.c. */
int sl_html_read_titles(xmlNode *root, char *c[SL_TITLE_SOURCES], sl_title_page *page);

/* ---- cues.c: what an element's attributes say about it ---- */

/* Whether a class or id list holds a furniture cue ("sidebar", "topnav",
 * "articleComments"; not "commentary", nor a WordPress tag- or category-). */
int sl_html_has_cue(const char *s);
/* Whether the element's ARIA role is furniture (navigation, banner, ...). */
int sl_html_furniture_role(const xmlNode *n);
/* What a reader never sees (hidden, display: none) is not the article;
 * React's streamed boundaries (<div hidden id="S:N">) are seen. */
int sl_html_hidden(const xmlNode *n);
/* Whether its class or id names comments ("comment-list"), not commentary. */
int sl_html_names_comments(const xmlNode *n);
/* The adjacent byte pairs of a (lower-cased) class or id list as a set of
 * bits, and whether a cue word's first two bytes are among them: a cue is
 * searched for (strstr) only then, as most are not. */
typedef struct sl_html_pairs {
    uint64_t bits[16];
} sl_html_pairs;
static inline unsigned sl_html_pair_bit(unsigned char a, unsigned char b) { return (a * 31u + b) & 1023u; }
/* Folds s[0, n) to lower case into low (n + 1 bytes, NUL-terminated) and
 * its adjacent pairs into *p (zeroed first). */
static inline void sl_html_fold_pairs(const char *s, size_t n, char *low, sl_html_pairs *p)
{
    *p = (sl_html_pairs){{0}};
    for (size_t i = 0; i < n; i++) {
        low[i] = (char)tolower((unsigned char)s[i]);
        if (i) {
            unsigned bit = sl_html_pair_bit((unsigned char)low[i - 1], (unsigned char)low[i]);
            p->bits[bit >> 6] |= 1ull << (bit & 63);
        }
    }
    low[n] = '\0';
}
static inline int sl_html_pairs_may_hold(const sl_html_pairs *p, const char *word)
{
    if (!word[0] || !word[1])
        return 1;
    unsigned bit = sl_html_pair_bit((unsigned char)word[0], (unsigned char)word[1]);
    return (int)(p->bits[bit >> 6] >> (bit & 63) & 1);
}

#endif
