/* htmltree.c — what the HTML extractor's parts share about a parsed page:
 * element and attribute look-ups, an iterative walk that no nesting depth can
 * overflow, and paragraph text with white space collapsed. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/htmltree.h"

/* Ancestor look-ups (is this <time> inside an <article>?) stop after this
 * many levels: real pages nest their article a few dozen levels deep, and
 * the bound keeps a page of 100,000 nested elements linear. */
#define ANCESTOR_SCAN 64

/* An attribute read must be one sl_html_load keeps (parse.c). The check
 * costs 1.4% of the extractor's instructions, so only the sanitizer build
 * (make test) makes it. */
#ifdef __SANITIZE_ADDRESS__
#define KEPT_CHECK(name) assert(sl_html_attr_kept(name, strlen(name)))
#else
#define KEPT_CHECK(name) ((void)0)
#endif

/* ---- tree helpers --------------------------------------------------------- */

int sl_html_is_tag(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, name);
}

int sl_html_is_tag_among(const xmlNode *n, const char *const *tags, size_t n_tags)
{
    for (size_t i = 0; i < n_tags; i++)
        if (sl_html_is_tag(n, tags[i]))
            return 1;
    return 0;
}

/* An attribute's value, borrowed from the tree; NULL when absent. */
const char *sl_html_attr(const xmlNode *n, const char *name)
{
    KEPT_CHECK(name);
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (!a->name || strcasecmp((const char *)a->name, name))
            continue;
        const xmlNode *v = a->children;
        return v && v->type == XML_TEXT_NODE && v->content ? (const char *)v->content : "";
    }
    return NULL;
}

int sl_html_attr_is(const xmlNode *n, const char *name, const char *value)
{
    const char *v = sl_html_attr(n, name);
    return v && !strcasecmp(v, value);
}

/* The node after `n` in document order without leaving `root`, skipping
 * n's children unless `descend`. Iterative, so that no page depth can
 * overflow the stack. */
xmlNode *sl_html_next(xmlNode *n, const xmlNode *root, int descend)
{
    if (descend && n->children)
        return n->children;
    for (; n && n != root; n = n->parent)
        if (n->next)
            return n->next;
    return NULL;
}

int sl_html_inside_article(const xmlNode *n)
{
    int level = 0;
    for (n = n->parent; n && level < ANCESTOR_SCAN; n = n->parent, level++)
        if (sl_html_is_tag(n, "article") || sl_html_is_tag(n, "main"))
            return 1;
    return 0;
}

/* ---- paragraphs: white space collapsed ------------------------------------ */

int sl_html_is_blank(const unsigned char *s, size_t i, size_t n)
{
    return s[i] <= 0x20 || (s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0xA0);   /* or no-break space */
}

char sl_para_last(const sl_buf *b) { return b->len ? b->ptr[b->len - 1] : '\0'; }

void sl_para_newline(sl_para *p)
{
    p->space = 0;
    if (p->buf.len && sl_para_last(&p->buf) != '\n')
        sl_buf_putc(&p->buf, '\n');
}

/* Appends text, each run of white space (and no-break spaces) becoming one
 * space between words; in <pre> a line break stays a line break. */
void sl_para_text(sl_para *p, const char *text, size_t n, int pre)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < n) {
        if (sl_html_is_blank(s, i, n)) {
            if (pre && s[i] == '\n')
                sl_para_newline(p);
            else
                p->space = 1;
            i += s[i] == 0xC2 ? 2 : 1;
            continue;
        }
        size_t j = i;
        while (j < n && !sl_html_is_blank(s, j, n))
            j++;
        if (p->space && p->buf.len && sl_para_last(&p->buf) != '\n')
            sl_buf_putc(&p->buf, ' ');
        p->space = 0;
        sl_buf_put(&p->buf, s + i, j - i);
        i = j;
    }
}

void sl_para_trim(sl_para *p)
{
    while (p->buf.len && (sl_para_last(&p->buf) == '\n' || sl_para_last(&p->buf) == ' '))
        p->buf.ptr[--p->buf.len] = '\0';
    p->space = 0;
}

/* A copy of `s` with white space collapsed and trimmed; NULL when empty. */
int sl_html_dup_collapsed(const char *s, char **out)
{
    sl_para p = {SL_BUF_INIT, 0};
    sl_para_text(&p, s, strlen(s), 0);
    sl_para_trim(&p);
    int rc = p.buf.err;
    *out = !rc && p.buf.len ? sl_buf_take(&p.buf) : NULL;
    sl_buf_free(&p.buf);
    return rc;
}

/* Elements that a browser shows on a line of their own (a headline split
 * over "<span>Data</span><br><span>Agency</span>"). */
static int breaks_words(const xmlNode *n)
{
    static const char *const names[] = {"br", "div", "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (sl_html_is_tag(n, names[i]))
            return 1;
    return 0;
}

static int is_heading(const xmlNode *n)
{
    static const char *const names[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
    return sl_html_is_tag_among(n, names, sizeof names / sizeof *names);
}

/* The text of an element, collapsed and trimmed: its line breaks kept as
 * '\n' (`lines`) or as spaces; with `heading`, up to the first heading
 * that follows some text as a heading's own child, where a browser's parser
 * closes the outer heading ("<h1>Title<h3>Posted by</h3></h1>"; but
 * "<h1><h2>Title</h2></h1>" is "Title", not empty, and a heading wrapped in
 * another element stays inside: "<h1><span>A</span><div><h2>B</h2></div></h1>"
 * is "A B"). */
static int node_text(xmlNode *root, char **out, int lines, int heading)
{
    sl_para p = {SL_BUF_INIT, 0};
    for (xmlNode *n = root; n; n = sl_html_next(n, root, n->type == XML_ELEMENT_NODE)) {
        if (heading && n != root && p.buf.len && n->type == XML_ELEMENT_NODE && is_heading(n) &&
            n->parent && is_heading(n->parent))
            break;
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
            sl_para_text(&p, (const char *)n->content, strlen((const char *)n->content), 0);
        else if (n != root && breaks_words(n) && lines)
            sl_para_newline(&p);
        else if (n != root && breaks_words(n))
            p.space = 1;
    }
    sl_para_trim(&p);
    int rc = p.buf.err;
    *out = !rc && p.buf.len ? sl_buf_take(&p.buf) : NULL;
    sl_buf_free(&p.buf);
    return rc;
}

int sl_html_node_text(xmlNode *root, char **out) { return node_text(root, out, 0, 0); }

int sl_html_node_lines(xmlNode *root, char **out) { return node_text(root, out, 1, 0); }

int sl_html_heading_text(xmlNode *h, char **out) { return node_text(h, out, 0, 1); }
