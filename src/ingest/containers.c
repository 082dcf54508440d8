/* containers.c — the HTML body finder's passes 2 to 4 (html.c reads a page
 * with them, after elements.c's collect): boilerplate removed unless it
 * holds the article, Readability-style scores, and the containers whose
 * text is the article (a semantic one, the one under the title, or the
 * best-scored block with its siblings and the sections that continue it). */
#include <stdint.h>

#include <libxml/tree.h>

#include "ingest/elems.h"
#include "ingest/htmltree.h"
#include "util/alloc.h"

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
uint32_t sl_html_remove_boilerplate(elem_vec *v)
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
void sl_html_score(elem_vec *v)
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
int sl_html_choose_containers(const elem_vec *v, index_vec *out)
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
void sl_html_mark_inside(elem_vec *v, const index_vec *containers)
{
    elem *e = v->items;
    for (size_t i = 0; i < containers->n; i++)
        e[containers->items[i]].flags |= F_CHOSEN;
    for (size_t i = 0; i < v->n; i++)
        if ((e[i].flags & F_CHOSEN) || (i && (e[e[i].parent].flags & F_INSIDE)))
            e[i].flags |= F_INSIDE;
}
