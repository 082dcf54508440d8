/* cues.c — what an element's attributes say about it, for the body finder
 * (html.c): furniture cues in its class and id words and its ARIA role,
 * whether a reader sees it, whether it names a comment thread. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "ingest/htmltree.h"

/* Class lists longer than this are not searched for boilerplate cues:
 * real ones are under a few hundred bytes; the bound caps the cost of a
 * hostile page. */
#define CUE_SCAN 1024

/* Class and id words that mark page furniture. A cue matches anywhere in
 * the attribute ("topnav", "articleComments"), except inside the words
 * below, which name content ("commentary" columns, "subscriber" paragraphs
 * behind a paywall). */
static const char *const cues[] = {"comment", "share", "social", "related", "newsletter", "cookie",
                                   "subscribe", "advert", "promo", "sidebar", "menu", "breadcrumb",
                                   "footer", "nav", "caption", "byline", "credit",
                                   "author", "timestamp", "dateline", "popular", "trending"};
static const struct { const char *word; size_t at; } cue_exceptions[] = {
    {"commentary", 0}, {"subscriber", 0}, {"unavailable", 1},
};
/* ARIA roles of the same furniture. */
static const char *const cue_roles[] = {"navigation", "banner", "contentinfo", "complementary",
                                        "search", "menu", "menubar", "dialog"};

static int cue_excepted(const char *start, const char *hit, const char *cue)
{
    for (size_t i = 0; i < sizeof cue_exceptions / sizeof *cue_exceptions; i++) {
        const char *word = cue_exceptions[i].word;
        size_t at = cue_exceptions[i].at;
        if (strncmp(word + at, cue, strlen(cue)) || (size_t)(hit - start) < at)
            continue;
        if (!strncasecmp(hit - at, word, strlen(word)))
            return 1;
    }
    return 0;
}

static int token_has_cue(const char *token, size_t n)
{
    /* WordPress puts a post's tags and categories in its class list
     * ("tag-newsletter", "category-social-affairs"): they name the topic. */
    if ((n > 4 && !strncasecmp(token, "tag-", 4)) || (n > 9 && !strncasecmp(token, "category-", 9)))
        return 0;
    char low[CUE_SCAN + 1];   /* folded once, then searched per cue */
    sl_html_pairs pairs;
    sl_html_fold_pairs(token, n, low, &pairs);
    for (size_t c = 0; c < sizeof cues / sizeof *cues; c++)
        for (const char *hit = sl_html_pairs_may_hold(&pairs, cues[c]) ? strstr(low, cues[c]) : NULL; hit;
             hit = strstr(hit + 1, cues[c]))
            if (!cue_excepted(low, hit, cues[c]))
                return 1;
    return 0;
}

int sl_html_has_cue(const char *s)
{
    if (!s)
        return 0;
    size_t n = strnlen(s, CUE_SCAN);
    for (size_t i = 0; i < n;) {
        while (i < n && sl_html_is_space(s[i]))
            i++;
        size_t start = i;
        while (i < n && !sl_html_is_space(s[i]))
            i++;
        if (i > start && token_has_cue(s + start, i - start))
            return 1;
    }
    return 0;
}

/* style="display: none", in any spacing or case. */
static int display_none(const char *style)
{
    for (const char *p = style; (p = strcasestr(p, "display")); p += 7) {
        const char *q = p + 7;
        while (sl_html_is_space(*q))
            q++;
        if (*q++ != ':')
            continue;
        while (sl_html_is_space(*q))
            q++;
        if (!strncasecmp(q, "none", 4))
            return 1;
    }
    return 0;
}

/* React's streamed server rendering sends a boundary's content late, in a
 * <div hidden id="S:N"> that its script then moves into place (replacing
 * the <template id="B:N"> placeholder): the reader sees it. */
static int streamed_boundary(const xmlNode *n)
{
    const char *id = sl_html_attr(n, "id");
    if (!id || id[0] != 'S' || id[1] != ':' || !id[2])
        return 0;
    for (id += 2; *id; id++)
        if (!isdigit((unsigned char)*id))
            return 0;
    return 1;
}

int sl_html_hidden(const xmlNode *n)
{
    const char *style = sl_html_attr(n, "style");
    return (sl_html_attr(n, "hidden") && !streamed_boundary(n)) || (style && display_none(style));
}

int sl_html_names_comments(const xmlNode *n)
{
    for (int k = 0; k < 2; k++) {
        const char *s = sl_html_attr(n, k ? "id" : "class");
        if (!s || strnlen(s, CUE_SCAN) >= CUE_SCAN)
            continue;
        for (const char *p = strcasestr(s, "comment"); p; p = strcasestr(p + 1, "comment"))
            if (strncasecmp(p, "commentary", 10))
                return 1;
    }
    return 0;
}

int sl_html_furniture_role(const xmlNode *n)
{
    const char *role = sl_html_attr(n, "role");
    if (!role)
        return 0;
    for (size_t i = 0; i < sizeof cue_roles / sizeof *cue_roles; i++)
        if (!strcasecmp(role, cue_roles[i]))
            return 1;
    return 0;
}
