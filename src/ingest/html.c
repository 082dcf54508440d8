/* html.c — the HTML extractor's body finder: from libxml2's tree of a page
 * (parse.c), the article's paragraphs as blocks with their facts, decided
 * by the block model (blocks.c). page.c is the entry point. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
/* Siblings of the best-scored block join it from a fifth of its score, and a
 * sibling <p> from 80 bytes with under a quarter of links (Readability). */
#define SIBLING_SHARE 0.2
#define SIBLING_PARA 80
/* The sections that continue the article (continue_sections): when the
 * container holds under SECTION_SHARE percent of the page's prose, siblings
 * of it and of its ancestors, read outwards from it, join while half their
 * text is prose; up to BRIDGES siblings of at most BRIDGE bytes (a
 * heading, a card's title line; not mostly links) may stand between. Chosen on
 * WCXB dev articles of even id (share 20 / 30 / 40 / 50: 0.9372 / 0.9374 /
 * 0.9374 / 0.9366; bridges of 100 / 200 / 400 bytes: 0.9368 / 0.9368 /
 * 0.9374; 0 / 1 / 3 / 6 of them: 0.9356 / 0.9359 / 0.9368 / 0.9368). */
#define SECTION_SHARE 30
#define BRIDGE 400
#define BRIDGES 3
/* A table cell holding LAYOUT_CELL percent of the page's prose is an old
 * layout's middle cell around the whole page, not the element under the
 * title (titled_container): it stands for <body>, which is never taken.
 * Chosen on the WCXB even ids, every style (table: 80 / 90 / 95% and none
 * gave 0.9582; a guard on any element, not only cells, lowered classless
 * 0.9536 -> 0.9512 / 0.9514 / 0.9524): 90, "all of it" less a copyright
 * line; docs/extraction.md, fifteenth round. */
#define LAYOUT_CELL 90
/* A wrapper with a furniture cue in its class ("content-with-sidebar") stays
 * when it holds this share (percent) of the page's prose: link lists rarely
 * outweigh the article. Comment threads do, and are never kept this way. */
#define SOFT_KEEPS_PROSE 60
/* An <article> protects the soft wrappers around it (it is the article)
 * only when it holds this share (percent) of the page's prose: teaser cards
 * in a sidebar are <article>s too. Chosen on WCXB dev (10 / 20 / 40: all
 * pages F1 0.7675 / 0.7674 / 0.7665, articles 0.9273 each). */
#define ARTICLE_CORE_PROSE 10
/* When soft cues remove all but this share (percent) of a page's prose, of
 * at least LOST_PROSE_MIN bytes, the page is read again without them. */
#define LOST_PROSE_SHARE 10
#define LOST_PROSE_MIN 1000
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

/* ---- the body: elements, boilerplate, scores ------------------------------ */

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
static int collect(xmlNode *root, elem_vec *v, int lenient)
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

static int link_heavy(const elem *e) { return (uint64_t)e->own_links * 2 > e->own; }

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

/* The prose in each subtree before anything is removed (children before
 * parents), into `good`. A comment thread's is not the page's: a long
 * thread would make the story a small share of its page (a soft cue on
 * the story's wrapper then takes it, the cues seem to have lost most of
 * the prose). */
static void count_prose(elem_vec *v)
{
    elem *e = v->items;
    for (size_t i = v->n; i-- > 0;) {
        if (sl_html_is_prose(&e[i]) && !((e[i].flags | e[i].above) & F_COMMENTS))
            e[i].good += e[i].own - e[i].own_links;
        if (i)
            e[e[i].parent].good += e[i].good;
    }
}

/* The prose a soft element's share is measured against: that of the
 * <article> or <main> it lies in (one that holds the article: F_CORE), else
 * the page's. Inside the article, a wrapper named after the page's topic
 * ("rich-text-newsletter" on a newsletter's page) holding most of its prose
 * is its text. */
static uint32_t prose_around(const elem *e, uint32_t i)
{
    uint32_t a = e[i].parent;
    for (int up = 0; a != NONE && up < 64; a = e[a].parent, up++)
        if ((e[a].flags & (F_SEMANTIC | F_CORE)) == (F_SEMANTIC | F_CORE))
            return e[a].good;
    return e[0].good;
}

/* Passes 2 and 3: a soft-dropped element goes unless it holds the article
 * (a <main>, the <h1>, a clean <article>, or most of the page's prose):
 * "content-with-sidebar" on the article's wrapper must not take the article
 * with it. Removal is inherited. Returns the page's prose. */
static uint32_t remove_boilerplate(elem_vec *v)
{
    elem *e = v->items;
    count_prose(v);
    uint32_t prose = e[0].good;
    for (size_t i = 1; i < v->n; i++) {
        if ((e[i].tag & T_ARTICLE) && (uint64_t)e[i].good * 100 < (uint64_t)prose * ARTICLE_CORE_PROSE)
            e[i].flags &= (uint16_t)~F_CORE;   /* a teaser card, not the article */
        if ((e[i].flags & (F_SOFT | F_COMMENTS)) == F_SOFT &&
            (uint64_t)e[i].good * 100 >= (uint64_t)prose_around(e, (uint32_t)i) * SOFT_KEEPS_PROSE)
            e[i].flags |= F_CORE | F_PROTECTED | F_HOLDS;
    }
    for (size_t i = v->n; i-- > 1;) {
        elem *p = &e[e[i].parent];
        if (e[i].flags & (F_CORE | F_PROTECTED))
            p->flags |= F_PROTECTED;
        if ((e[i].flags & F_HOLDS) || ((e[i].flags & F_CORE) && !(e[i].flags & F_H1)))
            p->flags |= F_HOLDS;
        p->size += e[i].size;
    }
    /* Furniture holding only the <h1> (a site header with the headline in
     * it) goes; holding the article itself, it stays. */
    for (size_t i = 0; i < v->n; i++) {
        e[i].good = 0;   /* score() counts it again without what is removed */
        int keep = (e[i].flags & F_FURNITURE) ? (e[i].flags & F_HOLDS) : (e[i].flags & F_PROTECTED);
        if (i && ((e[e[i].parent].flags & F_REMOVED) || ((e[i].flags & F_SOFT) && !keep)))
            e[i].flags |= F_REMOVED;
    }
    return prose;
}

static void add_score(elem_vec *v, uint32_t i, double score)
{
    if (i != NONE)
        v->items[i].score += score;
}

/* Pass 4 (children before parents), Readability-style: a paragraph of
 * prose (MIN_PARA bytes, under half of it links) scores its text without
 * the links. A <p> gives it to its parent and half to the grandparent; a
 * block holding loose text (a <div> of text and <br>s) to itself and half
 * to its parent. The totals of the subtree go up to the parent. */
static void score(elem_vec *v)
{
    elem *e = v->items;
    for (size_t i = v->n; i-- > 0;) {
        if (e[i].flags & F_REMOVED)
            continue;
        if (sl_html_is_prose(&e[i])) {
            uint32_t prose = e[i].own - e[i].own_links;
            uint32_t first = e[i].flags & F_PARA ? e[i].parent : (uint32_t)i;
            e[i].good += prose;
            add_score(v, first, prose);
            if (first != NONE)
                add_score(v, e[first].parent, prose / 2.0);
        }
        if (i) {
            elem *p = &e[e[i].parent];
            p->text += e[i].text;
            p->links += e[i].links;
            p->good += e[i].good;
        }
    }
}

static double final_score(const elem *e)
{
    double density = e->text ? (double)e->links / e->text : 0.0;
    return e->score * (1.0 - density);
}

/* The page's prose less that of the outermost page furniture (a <footer>
 * kept for its share of a short page's prose: a disclaimer) that does not
 * hold `keep`. */
static uint64_t prose_beside_furniture(const elem_vec *v, uint32_t keep)
{
    const elem *e = v->items;
    uint64_t prose = e[0].good;
    for (uint32_t i = 1; i < v->n; i++)
        if ((e[i].flags & F_FURNITURE) && !(e[i].above & F_FURNITURE) && !(e[i].flags & F_REMOVED) &&
            !(i <= keep && keep < i + e[i].size))
            prose -= e[i].good;
    return prose;
}

/* A semantic container (<article>, <main>) is taken when it holds at least
 * half of the page's prose (page furniture that does not hold it aside), and within it the deepest one that keeps 80%
 * (main > article: the article). */
static uint32_t semantic_container(const elem_vec *v)
{
    const elem *e = v->items;
    uint32_t best = NONE;
    for (uint32_t i = 0; i < v->n; i++)
        if ((e[i].flags & F_SEMANTIC) && !(e[i].flags & F_REMOVED) && e[i].good &&
            (best == NONE || e[i].good > e[best].good))
            best = i;
    if (best == NONE || (uint64_t)e[best].good * 2 < prose_beside_furniture(v, best))
        return NONE;
    uint32_t pick = best;
    for (uint32_t i = best + 1; i < best + e[best].size; i++)
        if ((e[i].flags & F_SEMANTIC) && !(e[i].flags & F_REMOVED) &&
            (uint64_t)e[i].good * 5 >= (uint64_t)e[best].good * 4)
            pick = i;
    return pick;
}

static int sibling_joins(const elem *s, double threshold)
{
    if (final_score(s) >= threshold)
        return 1;
    return (s->tag & T_P) && s->own >= SIBLING_PARA && (uint64_t)s->own_links * 4 < s->own;
}

/* From the best-scored block, climbs through ancestors that add no more
 * other text than prose, settling on the last one that added prose: an
 * article cut in two by an ad slot or a table row comes back together,
 * while an ancestor that would bring in a column of links does not. */
static uint32_t climb(const elem *e, uint32_t top)
{
    for (uint32_t p = e[top].parent; p != NONE; p = e[p].parent) {
        int64_t more_prose = (int64_t)e[p].good - e[top].good;
        int64_t more_other = ((int64_t)e[p].text - e[p].good) - ((int64_t)e[top].text - e[top].good);
        if (more_other > more_prose)
            break;
        if (more_prose > 0)
            top = p;
    }
    return top;
}

xmlNode *sl_html_element_step(xmlNode *n, int forward)
{
    do
        n = forward ? n->next : n->prev;
    while (n && n->type != XML_ELEMENT_NODE);
    return n;
}

/* The siblings of `from` on one side that continue it: prose (half their
 * text), with at most BRIDGES short ones between, which join with the
 * prose after them; a removed sibling, a link list, or a longer one with
 * more other text than prose ends the run. */
static int continue_run(const elem_vec *v, uint32_t from, int forward, index_vec *out)
{
    const elem *e = v->items;
    uint32_t bridge[BRIDGES], bridges = 0;
    for (xmlNode *n = sl_html_element_step(e[from].node, forward); n; n = sl_html_element_step(n, forward)) {
        uint32_t i = index_of(n);
        if (i == NONE || !e[i].text)
            continue;   /* dropped or empty: an image, a spacer */
        if (e[i].flags & F_REMOVED)
            break;
        if ((uint64_t)e[i].good * 2 >= e[i].text) {
            for (uint32_t k = 0; k < bridges; k++)
                if (sl_vec_push(out, bridge[k]))
                    return SL_ENOMEM;
            bridges = 0;
            if (sl_vec_push(out, i))
                return SL_ENOMEM;
        } else if (e[i].text > BRIDGE || (uint64_t)e[i].links * 2 > e[i].text || bridges == BRIDGES) {
            break;
        } else {
            bridge[bridges++] = i;
        }
    }
    return 0;
}

/* Page builders (Elementor, Shopify sections) cut an article into sibling
 * sections, each of a few paragraphs under headings and images, and the
 * best-scored one holds only its own: the siblings that continue it, on
 * both sides, of the container and of each ancestor below <body>, join,
 * and with them the ancestor whose siblings they are (its heading). */
static int continue_sections(const elem_vec *v, uint32_t top, index_vec *out)
{
    const elem *e = v->items;
    for (uint32_t a = top; a != NONE && e[a].parent != NONE && !(e[a].tag & T_ROOT); a = e[a].parent) {
        size_t before = out->n;
        if (continue_run(v, a, 1, out) || continue_run(v, a, 0, out))
            return SL_ENOMEM;
        if (out->n > before && sl_vec_push(out, a))   /* one of the sections: its heading too */
            return SL_ENOMEM;
    }
    return 0;
}

/* The element that holds the title (the first <h1>) and half of the page's
 * prose (page furniture that does not hold it aside): the nearest such
 * ancestor of the <h1> below <body>, NONE without one, without a scored
 * block (a page with no prose keeps all of it) or when it is a layout
 * table's cell around the whole page (LAYOUT_CELL). A page without
 * class names or HTML5 sections (no <article> to take) still puts its
 * story under its title: the best-scored block alone may be a disclaimer
 * at the page's foot, or one section of a checklist. It is taken when the
 * climb's block `top` lies outside it, or holds under half its prose. */
static uint32_t titled_container(const elem_vec *v, uint32_t top)
{
    const elem *e = v->items;
    uint32_t h1 = NONE;
    for (uint32_t i = 0; i < v->n && h1 == NONE; i++)
        if ((e[i].tag & T_H1) && !(e[i].flags & F_REMOVED))
            h1 = i;
    if (h1 == NONE || top == NONE)
        return NONE;
    uint64_t page = prose_beside_furniture(v, h1);
    if (!page)   /* no prose: the whole page stays (choose_containers) */
        return NONE;
    uint32_t a = e[h1].parent;
    while (a != NONE && !(e[a].tag & T_ROOT) && (uint64_t)e[a].good * 2 < page)
        a = e[a].parent;
    if (a == NONE || (e[a].tag & T_ROOT))
        return NONE;
    if ((e[a].tag & T_CELL) && (uint64_t)e[a].good * 100 >= page * LAYOUT_CELL)
        return NONE;   /* the layout's cell holding the page stands for <body> */
    int inside = a <= top && top < a + e[a].size;
    return !inside || (uint64_t)e[top].good * 2 < e[a].good ? a : NONE;
}

/* The containers whose text is kept (in any order: mark_inside reads them). */
static int choose_containers(const elem_vec *v, index_vec *out)
{
    uint32_t pick = semantic_container(v);
    if (pick != NONE)
        return sl_vec_push(out, pick) ? SL_ENOMEM : 0;
    const elem *e = v->items;
    uint32_t top = NONE;
    for (uint32_t i = 0; i < v->n; i++)
        if (!(e[i].flags & F_REMOVED) && e[i].score > 0 && (top == NONE || final_score(&e[i]) > final_score(&e[top])))
            top = i;
    if (top != NONE)
        top = climb(e, top);
    pick = titled_container(v, top);
    if (pick != NONE)
        return sl_vec_push(out, pick) ? SL_ENOMEM : 0;
    if (top == NONE || e[top].parent == NONE)   /* no prose: the whole page */
        return sl_vec_push(out, top == NONE ? 0 : top) ? SL_ENOMEM : 0;
    double threshold = final_score(&e[top]) * SIBLING_SHARE;
    for (xmlNode *n = e[e[top].parent].node->children; n; n = n->next) {
        uint32_t i = index_of(n);
        if (n->type != XML_ELEMENT_NODE || i == NONE || (e[i].flags & F_REMOVED))
            continue;
        if ((i == top || sibling_joins(&e[i], threshold)) && sl_vec_push(out, i))
            return SL_ENOMEM;
    }
    if ((uint64_t)e[top].good * 100 < (uint64_t)e[0].good * SECTION_SHARE)
        return continue_sections(v, top, out);
    return 0;
}

/* Marks what lies in the chosen containers (F_INSIDE), parents first. */
static void mark_inside(elem_vec *v, const index_vec *containers)
{
    elem *e = v->items;
    for (size_t i = 0; i < containers->n; i++)
        e[containers->items[i]].flags |= F_CHOSEN;
    for (size_t i = 0; i < v->n; i++)
        if ((e[i].flags & F_CHOSEN) || (i && (e[e[i].parent].flags & F_INSIDE)))
            e[i].flags |= F_INSIDE;
}

/* ---- the body: the page's paragraphs ----------------------------------------- */

typedef struct writer {
    const elem_vec *v;
    sl_para p;
    uint32_t owner;   /* the element whose loose text the paragraph holds */
    sl_blocks *out;
} writer;

/* Ends the paragraph being built: it becomes a block. */
static void flush(writer *w)
{
    sl_para_trim(&w->p);
    sl_buf *text = &w->out->text;
    if (w->p.buf.len && !sl_buf_put(text, w->p.buf.ptr, w->p.buf.len)) {
        sl_block k = {.start = text->len - w->p.buf.len, .len = w->p.buf.len, .owner = w->owner};
        if (sl_vec_push(&w->out->items, k))
            text->err = SL_ENOMEM;
    }
    if (w->p.buf.err && !text->err)
        text->err = w->p.buf.err;   /* sl_buf_clear forgets it */
    sl_buf_clear(&w->p.buf);
    w->p.space = 0;
}

/* One <br> ends a line, two end the paragraph (old pages mark paragraphs
 * with <br><br>). */
static void line_break(writer *w)
{
    while (w->p.buf.len && sl_para_last(&w->p.buf) == ' ')
        w->p.buf.ptr[--w->p.buf.len] = '\0';
    if (w->p.buf.len && sl_para_last(&w->p.buf) == '\n')
        flush(w);
    else
        sl_para_newline(&w->p);
}

/* Visits a node on the way down; returns whether to go into its children.
 * Removed blocks are written (the model sees them), but not a removed
 * inline element inside a kept one (a "share" link in a paragraph). */
static int enter(writer *w, xmlNode *n)
{
    const elem *e = w->v->items;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        uint32_t parent = index_of(n->parent);
        if (parent != NONE && n->content) {
            w->owner = e[parent].owner;
            sl_para_text(&w->p, (const char *)n->content, strlen((const char *)n->content),
                         e[parent].flags & F_PRE);
        }
        return 0;
    }
    uint32_t i = index_of(n);
    if (n->type != XML_ELEMENT_NODE || i == NONE || (e[i].flags & F_H1))
        return 0;   /* the <h1> is the title, given apart */
    if ((e[i].flags & F_REMOVED) && !(e[e[i].owner].flags & F_REMOVED))
        return 0;
    if (e[i].tag & T_BR) {
        line_break(w);
        return 0;
    }
    if (e[i].flags & F_BLOCK)
        flush(w);
    return 1;
}

static void leave(writer *w, const xmlNode *n)
{
    uint32_t i = index_of(n);
    if (i != NONE && (w->v->items[i].flags & F_BLOCK))
        flush(w);
}

static void write_blocks(writer *w, xmlNode *root)
{
    xmlNode *n = root;
    while (n) {
        int descend = enter(w, n);
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        if (descend)
            leave(w, n);
        while (n != root && !n->next) {
            n = n->parent;
            leave(w, n);
        }
        n = n == root ? NULL : n->next;
    }
    flush(w);
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

/* What the blocks' elements tell of them (sl_block's facts); returns
 * whether the container writer would have kept any. */
static int describe(const elem_vec *v, sl_blocks *b, int lenient)
{
    const elem *e = v->items;
    double best = 0;
    for (size_t i = 0; i < v->n; i++)
        if (!(e[i].flags & F_REMOVED) && final_score(&e[i]) > best)
            best = final_score(&e[i]);
    int written = 0;
    for (size_t i = 0; i < b->items.n; i++) {
        sl_block *k = &b->items.items[i];
        const elem *o = &e[k->owner];
        unsigned flags = o->flags | o->above;
        k->path = lenient ? SL_PATH_LENIENT : 0;
        k->path |= o->flags & F_INSIDE ? SL_PATH_INSIDE : 0;
        if ((o->flags & F_INSIDE) && !(o->flags & F_REMOVED) && !link_heavy(o))
            k->path |= SL_PATH_WRITTEN;
        k->path |= o->flags & F_REMOVED ? SL_PATH_REMOVED : 0;
        k->path |= flags & F_COMMENTS ? SL_PATH_COMMENTS : 0;
        k->path |= flags & F_SOFT ? SL_PATH_SOFT : 0;
        k->path |= flags & F_FURNITURE ? SL_PATH_FURNITURE : 0;
        k->path |= flags & F_SEMANTIC ? SL_PATH_SEMANTIC : 0;
        k->path |= o->path_tags & T_FORM ? SL_PATH_FORM : 0;
        k->path |= o->path_tags & T_NOSCORE ? SL_PATH_LIST : 0;
        k->path |= o->path_tags & T_CELL ? SL_PATH_TABLE : 0;
        k->kind = sl_html_kind_of(o->node, o->tag);
        k->cues = o->cues;
        k->link_share = o->own ? (float)o->own_links / (float)o->own : 0.0f;
        double s = 0;
        for (uint32_t a = k->owner, up = 0; a != NONE && up < 3; a = e[a].parent, up++)
            s = fmax(s, final_score(&e[a]));
        k->score_share = best > 0 ? (float)(s / best) : 0.0f;
        written |= (k->path & SL_PATH_WRITTEN) != 0;
    }
    return written;
}

/* One reading of the page into blocks: elements, boilerplate, scores, the
 * containers; `lenient`: nothing is removed for soft cues or hidden (the second try
 * on a page whose boilerplate removal took everything). *written: whether
 * the containers hold text. */
static int read_page(xmlNode *root, int lenient, elem_vec *elems, sl_blocks *out, int *written)
{
    index_vec containers = {0};
    writer w = {elems, {SL_BUF_INIT, 0}, 0, out};
    elems->n = 0;
    *written = 0;
    int rc = collect(root, elems, lenient);
    if (!rc && elems->n)
        rc = sl_html_mark_threads(elems);
    if (rc || !elems->n)
        goto done;
    if (lenient) {
        for (size_t i = 0; i < elems->n; i++)
            if (!(elems->items[i].flags & F_COMMENTS))
                elems->items[i].flags &= (uint16_t)~F_SOFT;
    }
    uint32_t prose = remove_boilerplate(elems);
    score(elems);
    /* When the cues took most of the prose, no container: try without them. */
    if (lenient || prose < LOST_PROSE_MIN || (uint64_t)elems->items[0].good * 100 >= (uint64_t)prose * LOST_PROSE_SHARE)
        rc = choose_containers(elems, &containers);
    if (rc)
        goto done;
    mark_inside(elems, &containers);
    write_blocks(&w, root);
    rc = out->text.err;
    if (!rc)
        *written = describe(elems, out, lenient);
done:
    sl_buf_free(&w.p.buf);
    sl_vec_free(&containers);
    return rc;
}

/* The outermost comment threads the reading removed (named by a class or
 * told by their entries), in document order, into `threads`. */
static int removed_threads(const elem_vec *v, sl_html_nodes *threads)
{
    const elem *e = v->items;
    for (size_t i = 1; i < v->n;) {
        if ((e[i].flags & (F_COMMENTS | F_REMOVED)) != (F_COMMENTS | F_REMOVED)) {
            i++;
            continue;
        }
        if (sl_vec_push(threads, e[i].node))
            return SL_ENOMEM;
        i += e[i].size;   /* its subtree: nothing inside is outermost */
    }
    return 0;
}

/* The page's blocks, decided. From <html>, not <body>: libxml2 2.9 does
 * not know the HTML5 elements and puts an <article> that follows a <meta>
 * or <title> of a page without <body> into <head>. What belongs in <head>
 * (title, script, style) is dropped anyway. */
int sl_html_body_blocks(xmlNode *root, sl_blocks *out, sl_html_nodes *threads)
{
    elem_vec elems = {0};
    int rc = 0, written = 0;
    for (int lenient = 0; !rc && !written && lenient < 2; lenient++) {
        sl_buf_clear(&out->text);
        out->items.n = 0;
        rc = read_page(root, lenient, &elems, out, &written);
    }
    if (!rc)
        rc = sl_blocks_decide(out);
    if (!rc && threads)
        rc = removed_threads(&elems, threads);
    sl_vec_free(&elems);
    return rc;
}
