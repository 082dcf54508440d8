/* elements.c — the HTML body finder's first pass (html.c reads a page with
 * it): the page's elements in document order, what each one's tag makes it,
 * its text and link counts, and the dropped elements read all the same
 * (libxml2 nests a page in one left open); with the readers of an element
 * that containers.c and threads.c share (prose or not, its kind). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "ingest/blocks.h"
#include "ingest/elems.h"
#include "ingest/htmltree.h"
#include "util/alloc.h"

/* A block counts as a paragraph from 25 bytes of non-space text: shorter
 * ones are captions, bylines and buttons (Readability's threshold). */
#define MIN_PARA 25
/* A block with more than one byte in CODE_SHARE of { } [ ] ; = is code. */
#define CODE_SHARE 20
/* A dropped element is read when it holds this much prose (read_dropped):
 * twice the most any held on WCXB dev pages of even id (a <figcaption> of
 * 349 bytes; then <title> 192, <video> 48, <iframe> 32, the others none). */
#define READ_DROPPED 700
/* A block that opens with a line that is all one link is a teaser (a
 * headline and its blurb) when the rest of its text is a blurb's length:
 * an older page that writes its paragraphs as text and <br><br> in one
 * <div> may open with a link line too ("Report a problem<br><br>" above
 * the story). Chosen on WCXB dev articles of even id rewritten by
 * eval/extraction_styles.py (fontbr): see docs/extraction.md, "Extraction
 * on old layouts and comments". */
#define TEASER_BLURB 400

/* Sorted by name (strcmp) for bsearch: one look-up per element instead of
 * a scan of several lists, which showed in profiles of large pages. */
static const struct tag_info { const char *name; uint16_t bits; } tag_table[] = {
    {"a", T_A}, {"address", T_BLOCK}, {"article", T_BLOCK | T_ARTICLE}, {"aside", T_BLOCK | T_FURNITURE},
    {"audio", T_DROP}, {"blockquote", T_BLOCK | T_PARA}, {"body", T_BLOCK | T_ROOT}, {"br", T_BR},
    {"button", T_BLOCK | T_FURNITURE}, {"canvas", T_DROP}, {"caption", BLOCK_NS}, {"center", T_BLOCK},
    {"dd", T_BLOCK}, {"details", T_BLOCK}, {"dialog", T_DROP | T_SHUT}, {"div", T_BLOCK}, {"dl", T_BLOCK},
    {"dt", BLOCK_NS}, {"fieldset", T_BLOCK}, {"figcaption", T_DROP},
    {"figure", T_BLOCK}, {"footer", T_BLOCK | T_FURNITURE}, {"form", T_BLOCK | T_FORM}, {"h1", BLOCK_NS | T_H1},
    {"h2", BLOCK_NS}, {"h3", BLOCK_NS}, {"h4", BLOCK_NS}, {"h5", BLOCK_NS}, {"h6", BLOCK_NS},
    {"head", T_BLOCK}, {"header", T_BLOCK | T_FURNITURE}, {"hr", T_BLOCK}, {"html", T_BLOCK | T_ROOT},
    {"iframe", T_DROP}, {"input", T_DROP}, {"legend", BLOCK_NS}, {"li", BLOCK_NS},
    {"main", T_BLOCK | T_MAIN}, {"map", T_DROP}, {"menu", T_DROP}, {"nav", T_BLOCK | T_FURNITURE},
    {"noscript", T_DROP}, {"object", T_DROP}, {"ol", T_BLOCK}, {"p", T_BLOCK | T_PARA | T_P},
    {"pre", T_BLOCK | T_PARA | T_PRE}, {"script", T_DROP | T_SHUT}, {"section", T_BLOCK},
    {"select", T_DROP | T_SHUT}, {"style", T_DROP | T_SHUT}, {"summary", BLOCK_NS}, {"svg", T_DROP},
    {"table", T_BLOCK}, {"tbody", T_BLOCK}, {"td", T_BLOCK | T_CELL}, {"template", T_DROP | T_SHUT},
    {"textarea", T_DROP | T_SHUT}, {"tfoot", T_BLOCK}, {"th", T_BLOCK | T_CELL}, {"thead", T_BLOCK},
    {"title", T_DROP}, {"tr", T_BLOCK}, {"ul", T_BLOCK}, {"video", T_DROP},
};

static int tag_cmp(const void *key, const void *entry)
{
    return strcmp(key, ((const struct tag_info *)entry)->name);
}

static unsigned tag_bits(const xmlNode *n)
{
    const struct tag_info *t = n->name ? bsearch(n->name, tag_table, sizeof tag_table / sizeof *tag_table,
                                                 sizeof *tag_table, tag_cmp)
                                       : NULL;
    return t ? t->bits : 0;
}

static int soft_dropped(const xmlNode *n, unsigned tag)
{
    if (tag & (T_ROOT | T_MAIN))
        return 0;
    /* A <form> is a search box or a comment form, except on pages that
     * wrap everything in one (ASP.NET): those hold the <h1>, which keeps
     * them (F_PROTECTED). The same for page furniture: libxml2 2.9 does not
     * know <header> and nests a page in one that is left open. */
    if (tag & (T_FORM | T_FURNITURE))
        return 1;
    if ((tag & T_BLOCK) && sl_html_furniture_role(n))
        return 1;
    /* An <article> is not judged by its classes: the comments and teasers
     * that are <article>s sit in a list that carries the cue. */
    if (tag & T_ARTICLE)
        return 0;
    return sl_html_has_cue(sl_html_attr(n, "class")) || sl_html_has_cue(sl_html_attr(n, "id"));
}

static int add_elem(elem_vec *v, xmlNode *n, unsigned tag)
{
    if (v->n >= NONE - 1)
        return SL_ETOOLARGE;
    uint32_t idx = (uint32_t)v->n, parent = index_of(n->parent);
    const elem *p = parent != NONE ? &v->items[parent] : NULL;
    elem e = {n, parent, idx, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, (uint16_t)tag, 0, (uint16_t)tag, 0, 0.0};
    e.cues = (uint16_t)sl_block_cues(sl_html_attr(n, "class"), sl_html_attr(n, "id"));
    if (p) {
        e.above = (uint16_t)(p->above | (p->flags & F_INHERITED));
        e.path_tags |= p->path_tags;
        e.cues |= p->cues;
    }
    if ((tag & T_BLOCK) || !p)
        e.flags |= F_BLOCK;
    else
        e.owner = p->owner;
    if (tag & T_PARA)
        e.flags |= F_PARA;
    if (tag & T_NOSCORE)
        e.flags |= F_NOSCORE;
    if (p)
        e.flags |= p->flags & (F_LINK | F_PRE);
    if (tag & T_A)
        e.flags |= F_LINK;
    if (tag & T_PRE)
        e.flags |= F_PRE;
    if (tag & T_H1)
        e.flags |= F_H1 | F_CORE;
    if (soft_dropped(n, tag)) {
        e.flags |= F_SOFT;
        if (sl_html_names_comments(n))
            e.flags |= F_COMMENTS;
    }
    if (tag & T_FURNITURE)
        e.flags |= F_FURNITURE;
    int semantic = (tag & (T_ARTICLE | T_MAIN)) || sl_html_attr_is(n, "itemprop", "articleBody");
    if (semantic)
        e.flags |= F_SEMANTIC;
    if ((tag & T_MAIN) || (semantic && !(e.flags & F_SOFT)))
        e.flags |= F_CORE;
    if (sl_vec_push(v, e))
        return SL_ENOMEM;
    n->_private = (void *)(uintptr_t)(idx + 1);
    return 0;
}

static uint32_t capped(size_t count) { return count > UINT32_MAX / 4 ? UINT32_MAX / 4 : (uint32_t)count; }

/* The non-space bytes of a text, and (*code) those of them that write code. */
static uint32_t solid_bytes(const char *text, uint32_t *code)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = strlen(text), count = 0, syntax = 0;
    for (size_t i = 0; i < n; i++) {
        if (!sl_html_is_blank(s, i, n) && !(s[i] == 0xA0 && i && s[i - 1] == 0xC2))
            count++;
        syntax += s[i] == '{' || s[i] == '}' || s[i] == '[' || s[i] == ']' || s[i] == ';' || s[i] == '=' ||
                  s[i] == '_' || s[i] == '\\';
    }
    *code = capped(syntax);
    return capped(count);
}

static void count_text(elem_vec *v, const xmlNode *text)
{
    uint32_t parent = index_of(text->parent);
    if (parent == NONE || !text->content)
        return;
    uint32_t code, len = solid_bytes((const char *)text->content, &code);
    elem *e = &v->items[parent], *owner = &v->items[e->owner];
    e->text += len;
    owner->own += len;
    owner->own_code += code;
    if ((e->flags & F_LINK) && owner->lead_links == owner->own - len)
        owner->lead_links += len;
    if (e->flags & F_LINK) {
        e->links += len;
        owner->own_links += len;
    }
}

/* A dropped element (T_DROP) and the prose it would bring if read. */
typedef struct dropped {
    const xmlNode *node;
    uint32_t prose;
} dropped;

typedef struct dropped_list {
    SL_VEC(dropped) items;   /* in document order */
    index_vec open;          /* weigh_dropped's stack of open ones */
    size_t next;             /* collect's place in items */
} dropped_list;

/* Whether a dropped element is read as a block all the same: libxml2 2.9
 * nests the rest of a page inside an element left open that it does not
 * know as empty (a <map> or an <object> of an old page, an <svg> whose
 * </svg> is missing), and the story went with it, while a browser shows it.
 * Such an element holds READ_DROPPED bytes of prose: its own content never
 * does. Never those whose content a browser does not show as the page's
 * text either (T_SHUT: script and style, which libxml2 keeps as text, an
 * inert <template>, a closed <dialog>, the form controls <select> and
 * <textarea>): on WCXB dev pages of even id they hold up to 1,910 bytes
 * of prose of their own, as much as a short story. */
static int read_dropped(const dropped *d, unsigned tag) { return !(tag & T_SHUT) && d->prose >= READ_DROPPED; }

/* Ends the innermost open dropped element: its prose counts for the one
 * around it, read or not (a chain of elements left open, each with a
 * sentence, is read from where it holds enough), but not that of a
 * T_SHUT one. */
static void close_dropped(dropped_list *l)
{
    dropped *d = &l->items.items[l->open.items[--l->open.n]];
    if (l->open.n && !(tag_bits(d->node) & T_SHUT))
        l->items.items[l->open.items[l->open.n - 1]].prose += d->prose;
}

/* Appends the dropped element `top` and those inside it, in document
 * order, each with its prose: its text nodes of a paragraph's length
 * (MIN_PARA bytes) but those of a link or of a T_SHUT element, and the
 * prose of the dropped elements inside it but the T_SHUT ones. Iterative;
 * each node once. */
static int weigh_dropped(xmlNode *top, dropped_list *l)
{
    l->open.n = 0;
    for (xmlNode *n = top; n;) {
        if (n->type == XML_ELEMENT_NODE && (tag_bits(n) & T_DROP)) {
            dropped d = {n, 0};
            if (sl_vec_push(&l->items, d) || sl_vec_push(&l->open, (uint32_t)(l->items.n - 1)))
                return SL_ENOMEM;
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content &&
                   !(tag_bits(n->parent) & (T_A | T_SHUT))) {
            uint32_t code, len = solid_bytes((const char *)n->content, &code);
            if (len >= MIN_PARA)
                l->items.items[l->open.items[l->open.n - 1]].prose += len;
        }
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            if (l->open.n && l->items.items[l->open.items[l->open.n - 1]].node == n)
                close_dropped(l);
            if (n == top)
                return 0;
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
    return 0;
}

/* Whether collect reads the dropped element `n` (*read), weighing it
 * first when no dropped element around it was. */
static int dropped_read(xmlNode *n, unsigned tag, dropped_list *l, int *read)
{
    while (l->next < l->items.n && l->items.items[l->next].node != n)
        l->next++;
    if (l->next == l->items.n) {
        int rc = weigh_dropped(n, l);
        if (rc)
            return rc;
    }
    *read = read_dropped(&l->items.items[l->next], tag);
    return 0;
}

/* Pass 1: records the page's elements in document order, leaving out the
 * dropped ones with their subtrees, and counts their text. `lenient`: the
 * hidden ones are kept (a page that streams its article into a <div
 * hidden> for a script to move, as React servers do, has no other text). */
int sl_html_collect(xmlNode *root, elem_vec *v, int lenient)
{
    dropped_list drops = {0};
    int rc = 0;
    for (xmlNode *n = root; n;) {
        int descend = 0, read = 0;
        unsigned tag = n->type == XML_ELEMENT_NODE ? tag_bits(n) : 0;
        if ((tag & T_DROP) && n != root && (rc = dropped_read(n, tag, &drops, &read)))
            break;
        if (read)
            tag = T_BLOCK;
        if (n->type == XML_ELEMENT_NODE && (n == root || !((tag & T_DROP) || (!lenient && sl_html_hidden(n))))) {
            if ((rc = add_elem(v, n, tag)))
                break;
            elem *owner = &v->items[v->items[v->n - 1].owner];
            if ((tag & T_BR) && owner->lead_links && owner->lead_links == owner->own)
                owner->teaser = 1;   /* "<a>Headline</a><br>blurb" */
            descend = 1;
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            count_text(v, n);
        }
        n = sl_html_next(n, root, descend);
    }
    sl_vec_free(&drops.items);
    sl_vec_free(&drops.open);
    return rc;
}

/* Code (a script's data leaked as text by a broken attribute, a listing)
 * writes braces, brackets, semicolons and equals signs; prose hardly any. */
static int code_like(const elem *e) { return (uint64_t)e->own_code * CODE_SHARE > e->own; }

/* A block whose loose text reads as prose: MIN_PARA bytes, under half
 * links, not code. */
int sl_html_is_prose(const elem *e)
{
    return (e->flags & F_BLOCK) && !(e->flags & F_NOSCORE) && e->own >= MIN_PARA && !link_heavy(e) &&
           !code_like(e) && !(e->teaser && e->own - e->lead_links <= TEASER_BLURB);
}

unsigned sl_html_kind_of(const xmlNode *n, unsigned tag)
{
    const char *name = (const char *)n->name;
    if (tag & T_P)
        return SL_KIND_P;
    if (!strcmp(name, "li") || !strcmp(name, "dt") || !strcmp(name, "dd"))
        return SL_KIND_LI;
    if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2])
        return SL_KIND_HEADING;
    if (!strcmp(name, "td") || !strcmp(name, "th"))
        return SL_KIND_CELL;
    if (!strcmp(name, "blockquote") || (tag & T_PRE))
        return SL_KIND_QUOTE;
    return SL_KIND_OTHER;
}

xmlNode *sl_html_element_step(xmlNode *n, int forward)
{
    do
        n = forward ? n->next : n->prev;
    while (n && n->type != XML_ELEMENT_NODE);
    return n;
}
