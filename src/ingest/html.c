/* html.c — the HTML extractor's body finder: from libxml2's tree of a page
 * (parse.c), one reading (the elements of elements.c, the boilerplate,
 * scores and containers of containers.c), then the article's paragraphs
 * written as blocks with their facts and decided by the block model
 * (blocks.c); a second, lenient reading when the first kept nothing.
 * page.c is the entry point. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <libxml/tree.h>

#include "ingest/blocks.h"
#include "ingest/elems.h"
#include "ingest/htmltree.h"
#include "util/alloc.h"

/* When soft cues remove all but this share (percent) of a page's prose, of
 * at least LOST_PROSE_MIN bytes, the page is read again without them. */
#define LOST_PROSE_SHARE 10
#define LOST_PROSE_MIN 1000

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
    int rc = sl_html_collect(root, elems, lenient);
    if (!rc && elems->n)
        rc = sl_html_mark_threads(elems);
    if (rc || !elems->n)
        goto done;
    if (lenient) {
        for (size_t i = 0; i < elems->n; i++)
            if (!(elems->items[i].flags & F_COMMENTS))
                elems->items[i].flags &= (uint16_t)~F_SOFT;
    }
    uint32_t prose = sl_html_remove_boilerplate(elems);
    sl_html_score(elems);
    /* When the cues took most of the prose, no container: try without them. */
    if (lenient || prose < LOST_PROSE_MIN || (uint64_t)elems->items[0].good * 100 >= (uint64_t)prose * LOST_PROSE_SHARE)
        rc = sl_html_choose_containers(elems, &containers);
    if (rc)
        goto done;
    sl_html_mark_inside(elems, &containers);
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
