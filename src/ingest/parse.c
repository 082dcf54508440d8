/* parse.c — an HTML page made into libxml2's tree: decoded to UTF-8
 * (charset.c), emptied of script, style and SVG bodies and of the
 * attributes no part of the extractor reads in one pass, and parsed with
 * the options that keep deep and broken pages whole. The body finder
 * (html.c) and the block dump (sl_html_blocks) start from here. */
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

/* ---- attributes nobody reads ---------------------------------------------- */

/* The attributes the extractor reads (sl_html_attr), and the two libxml2
 * reads of a <meta>; any other is dropped before parsing. Attribute values
 * were a third of what libxml2 read of the Zyte pages once scripts were
 * emptied (image sources, srcsets, data-* and onclick code, titles, alts),
 * and it reads them a character at a time. Asked of every attribute of the
 * page, hence by length first. */
static int is_name(const char *name, const char *lower, size_t len)
{
    for (size_t i = 0; i < len; i++)   /* name bytes are letters, digits and ":-_.": | 0x20 folds the letters only */
        if ((char)(name[i] | 0x20) != lower[i])
            return 0;
    return 1;
}

int sl_html_attr_kept(const char *name, size_t len)
{
    switch (len) {
    case 2:
        return is_name(name, "id", 2);
    case 3:
        return is_name(name, "rel", 3);
    case 4:
        return is_name(name, "lang", 4) || is_name(name, "href", 4) || is_name(name, "name", 4) ||
               is_name(name, "role", 4) || is_name(name, "type", 4);
    case 5:
        return is_name(name, "class", 5) || is_name(name, "style", 5);
    case 6:
        return is_name(name, "hidden", 6);
    case 7:
        return is_name(name, "charset", 7) || is_name(name, "content", 7);
    case 8:
        return is_name(name, "datetime", 8) || is_name(name, "itemprop", 8) || is_name(name, "property", 8) ||
               is_name(name, "xml:lang", 8);
    case 10:
        return is_name(name, "http-equiv", 10);
    default:
        return 0;
    }
}

/* libxml2 2.9's reading of a start tag (htmlParseStartTag): names of
 * letters, digits and ":-_." (first a letter, '_', ':' or '.'; an element
 * name starts with a letter) of under 100 bytes, blanks between, values
 * quoted or running to a blank or '>'. */
#define NAME_CAP 100
static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static size_t name_len(const char *p, const char *end, int element)
{
    const char *q = p;
    for (; q < end; q++) {
        char low = (char)(*q | 0x20);
        int letter = low >= 'a' && low <= 'z', digit = *q >= '0' && *q <= '9';
        int punct = *q == ':' || *q == '-' || *q == '_' || *q == '.';
        if (q == p ? !(letter || (!element && punct && *q != '-')) : !(letter || digit || punct))
            break;
    }
    return (size_t)(q - p);
}

static char *copy_out(char **w, char *from, const char *to)
{
    memmove(*w, from, (size_t)(to - from));
    *w += to - from;
    return (char *)to;
}

/* Copies the start tag at r ("<div ...") to *w without the attributes
 * that are not read, as far as it reads the tag as libxml2 does; returns
 * where it stopped (the caller scans on from there as before). A value
 * holding a '<' is left whole and *raw set past it, since the caller's scan
 * for script bodies reads inside it; so is what follows a tag it cannot
 * read (to its first '>'). */
static char *thin_start_tag(char *r, const char *end, char **w, const char **raw)
{
    char *p = r + 1, *from = r;   /* [from, p) read but not yet copied */
    size_t n = name_len(p, end, 1);
    if (!n || n >= NAME_CAP)
        return r;
    for (p += n;;) {
        while (p < end && is_blank(*p))
            p++;
        if (p == end || *p == '>' || (*p == '/' && p + 1 < end && p[1] == '>'))
            break;
        char *name = p;
        n = name_len(p, end, 0);
        if (!n || n >= NAME_CAP) {
            const char *gt = memchr(p, '>', (size_t)(end - p));
            *raw = gt ? gt : end;
            break;
        }
        char *value = p + n;
        while (value < end && is_blank(*value))
            value++;
        if (value == end || *value != '=') {
            p += n;   /* no value */
            continue;
        }
        for (value++; value < end && is_blank(*value); value++)
            ;
        char *stop = value;
        if (value < end && (*value == '"' || *value == '\'')) {
            stop = memchr(value + 1, *value, (size_t)(end - value - 1));
            if (!stop) {
                *raw = end;
                p += n;
                break;
            }
            stop++;
        } else {
            while (stop < end && !is_blank(*stop) && *stop != '>')
                stop++;
        }
        if (memchr(value, '<', (size_t)(stop - value))) {
            *raw = stop;
            p += n;
            break;
        }
        if (!sl_html_attr_kept(name, n))
            from = copy_out(w, from, name) + (stop - name);
        p = stop;
    }
    copy_out(w, from, p);
    return p;
}

/* The tag at r (its '<') copied to *w, thinned unless before *raw;
 * returns where the caller's scan goes on. */
static char *copy_tag(char *r, const char *end, char **w, const char **raw)
{
    char *at = r >= *raw ? thin_start_tag(r, end, w, raw) : r;
    if (at != r)
        return at;
    *(*w)++ = *r;
    return r + 1;
}

/* ---- script bodies ---------------------------------------------------------- */

/* Empties <script>, <style>, <noscript> and <svg> elements before parsing,
 * JSON-LD scripts apart: they are half the bytes of a typical news page, none
 * of it text, and libxml2 reads them a character at a time; and libxml2 2.9
 * nests the rest of the page inside a <noscript> holding an <iframe>, or an
 * <svg> holding self-closed <path/>s. Such an element ends at the first
 * "</script", "</style", "</noscript", "</svg". In place, one pass.
 * `noscript`: the page as a browser without scripts shows it instead: the
 * <noscript> and </noscript> tags go and their content stays (a forum that
 * renders its posts with a script gives crawlers them there). */
static void thin_page(sl_buf *page, int noscript)
{
    char *r = page->ptr, *w = page->ptr, *end = page->ptr + page->len;
    const char *raw = r;   /* attributes stay before this: text libxml2 does not read as tags */
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
        if (r >= raw && end - r > 4 && r[1] == '!' && !memcmp(r, "<!--", 4)) {
            const char *shut = memmem(r + 4, (size_t)(end - r - 4), "-->", 3);
            raw = shut ? shut : end;   /* a comment */
        } else if (r >= raw && (r[1] == '!' || r[1] == '?')) {
            const char *gt = memchr(r, '>', (size_t)(end - r));
            raw = gt ? gt : end;   /* a doctype or processing instruction */
        }
        if (first != 's' && first != 'n' && !(noscript && first == '/')) {
            r = copy_tag(r, end, &w, &raw);
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
        if (close && !stop) {
            raw = end;   /* unclosed: libxml2 reads the rest of a script or style as its text */
        } else if (stop && memmem(r, (size_t)(gt - r), "ld+json", 7)) {
            raw = stop > raw ? stop : raw;   /* metadata: kept, read as text */
            stop = NULL;
        }
        if (stop && !strncasecmp(stop, close, strlen(close))) {
            memmove(w, r, (size_t)(gt + 1 - r));
            w += gt + 1 - r;
            r = stop;
            continue;
        }
        if (close)
            *w++ = *r++;   /* an opener kept whole: its tag is left as it is */
        else
            r = copy_tag(r, end, &w, &raw);
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
        thin_page(page, noscript);
        *doc = parse_page(page);
    }
    if (rc || !*doc || !(*root = xmlDocGetRootElement(*doc)))
        return rc ? rc : SL_EBADINPUT;
    adopt_trailing_roots(*root);
    return 0;
}
