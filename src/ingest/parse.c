/* parse.c — an HTML page made into libxml2's tree: decoded to UTF-8
 * (charset.c), emptied of script, style and SVG bodies in one pass, and
 * parsed with the options that keep deep and broken pages whole. The body
 * finder (html.c) and the block dump (sl_html_blocks) start from here. */
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "ingest/htmltree.h"
#include "util/buf.h"

/* The name of an element opening at p ("<script ...>"): 1 when it is `tag`. */
static int opens(const char *p, const char *end, const char *tag, size_t len)
{
    return (size_t)(end - p) > len + 1 && !strncasecmp(p + 1, tag, len) &&
           (p[len + 1] == '>' || p[len + 1] == '/' || sl_html_is_space(p[len + 1]));
}

/* The "</svg" that closes an <svg> whose content starts at p: SVG nests
 * (icon sprites hold an <svg> per <symbol>). NULL when none does. */
static char *svg_close(char *p, const char *end)
{
    int depth = 1;
    while ((p = memchr(p, '<', (size_t)(end - p)))) {
        if (opens(p, end, "svg", 3))
            depth++;
        else if (end - p >= 5 && !strncasecmp(p, "</svg", 5) && !--depth)
            return p;
        p++;
    }
    return NULL;
}

/* Empties <script>, <style>, <noscript> and <svg> elements before parsing,
 * JSON-LD scripts apart: they are half the bytes of a typical news page, none
 * of it text, and libxml2 reads them a character at a time; and libxml2 2.9
 * nests the rest of the page inside a <noscript> holding an <iframe>, or an
 * <svg> holding self-closed <path/>s. Such an element ends at the first
 * "</script", "</style", "</noscript", "</svg". In place, one pass.
 * `noscript`: the page as a browser without scripts shows it instead: the
 * <noscript> and </noscript> tags go and their content stays (a forum that
 * renders its posts with a script gives crawlers them there). */
static void drop_script_bodies(sl_buf *page, int noscript)
{
    char *r = page->ptr, *w = page->ptr, *end = page->ptr + page->len;
    while (r < end) {
        char *lt = memchr(r, '<', (size_t)(end - r));
        if (!lt)
            lt = end;
        memmove(w, r, (size_t)(lt - r));
        w += lt - r;
        r = lt;
        if (r == end)
            break;
        char first = end - r > 1 ? (char)(r[1] | 0x20) : '\0';   /* most tags open no element dropped here */
        if (first != 's' && first != 'n' && !(noscript && first == '/')) {
            *w++ = *r++;
            continue;
        }
        if (noscript && (opens(r, end, "noscript", 8) || (end - r > 10 && !strncasecmp(r, "</noscript", 10)))) {
            char *gt = memchr(r, '>', (size_t)(end - r));
            r = gt ? gt + 1 : end;
            continue;
        }
        const char *close = opens(r, end, "script", 6)     ? "</script"
                            : opens(r, end, "style", 5)    ? "</style"
                            : opens(r, end, "noscript", 8) ? "</noscript"
                            : opens(r, end, "svg", 3)      ? "</svg"
                                                           : NULL;
        char *gt = close ? memchr(r, '>', (size_t)(end - r)) : NULL;
        char *stop = !gt ? NULL : close[2] == 's' && close[3] == 'v' ? svg_close(gt, end)
                                                                    : memmem(gt, (size_t)(end - gt), close, strlen(close));
        if (stop && memmem(r, (size_t)(gt - r), "ld+json", 7))
            stop = NULL;   /* metadata: kept */
        if (stop && !strncasecmp(stop, close, strlen(close))) {
            memmove(w, r, (size_t)(gt + 1 - r));
            w += gt + 1 - r;
            r = stop;
            continue;
        }
        *w++ = *r++;
    }
    page->len = (size_t)(w - page->ptr);
    page->ptr[page->len] = '\0';
}

/* HUGE: without it libxml2 2.9.14 stops at nesting depth 256 and drops the
 * rest of the page (broken pages reach that with unclosed <div>/<font>);
 * with it 100,000 nested <div>s parse in a tenth of a second. IGNORE_ENC:
 * the bytes are UTF-8 already (sl_html_decode), so a <meta charset> must not
 * make libxml2 decode them a second time. */
static htmlDocPtr parse_page(const sl_buf *page)
{
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                  HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
    return htmlReadMemory(page->ptr, (int)page->len, NULL, "UTF-8", options);
}

/* A page with more after its </html> (a second page pasted behind the
 * first, a theme's template closing early) leaves libxml2 with further
 * top-level elements beside the root, which every walk from the root
 * misses; a browser shows their content at the end of the body, and so
 * they are moved there. */
static void adopt_trailing_roots(xmlNode *root)
{
    xmlNode *body = root->children;
    while (body && !(body->type == XML_ELEMENT_NODE && sl_html_is_tag(body, "body")))
        body = body->next;
    xmlNode *into = body ? body : root;
    for (xmlNode *next = root->next; next;) {
        xmlNode *stray = next;
        next = next->next;
        if (stray->type != XML_ELEMENT_NODE)
            continue;
        xmlUnlinkNode(stray);
        while (stray->children) {
            xmlNode *child = stray->children;
            xmlUnlinkNode(child);
            if (!xmlAddChild(into, child))
                xmlFreeNode(child);
        }
        xmlFreeNode(stray);
    }
}

int sl_html_load(const char *html, size_t len, const char *charset, int noscript, sl_buf *page,
                 xmlDocPtr *doc, xmlNode **root)
{
    *doc = NULL;
    if (len > SL_PAGE_MAX)
        return SL_ETOOLARGE;
    sl_buf_init(page, SL_PAGE_MAX * 4);   /* a single-byte charset grows up to 3x as UTF-8 */
    int rc = html && len ? sl_html_decode(html, len, charset, page) : 0;
    if (!rc && page->len) {   /* an empty page (or WARC body) has no buffer at all */
        drop_script_bodies(page, noscript);
        *doc = parse_page(page);
    }
    if (rc || !*doc || !(*root = xmlDocGetRootElement(*doc)))
        return rc ? rc : SL_EBADINPUT;
    adopt_trailing_roots(*root);
    return 0;
}
