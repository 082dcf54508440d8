/* elems.h — the body finder's elements (internal to src/ingest): what
 * elements.c knows of each element of a page's tree, in document order, the
 * passes over them (elements.c, containers.c) that html.c runs, and the few
 * readers of them that threads.c's comment-thread marking shares. */
#ifndef SL_INGEST_ELEMS_H
#define SL_INGEST_ELEMS_H

#include <stdint.h>

#include <libxml/tree.h>

#include "util/vec.h"

/* No element: an index past any page's. */
#define NONE UINT32_MAX

/* What the body finder has found of an element (elem.flags). */
enum {
    F_BLOCK = 1 << 0,     /* starts and ends a paragraph */
    F_PARA = 1 << 1,      /* p, pre, blockquote: scores its parent */
    F_NOSCORE = 1 << 2,   /* headings, list items, captions: text but not prose */
    F_SEMANTIC = 1 << 3,  /* article, main, itemprop=articleBody */
    F_SOFT = 1 << 4,      /* boilerplate cue: dropped unless it holds the article */
    F_CORE = 1 << 5,      /* main, h1, an article without cues: protects soft ancestors */
    F_PROTECTED = 1 << 6, /* holds a core element */
    F_REMOVED = 1 << 7,
    F_LINK = 1 << 8,      /* inside <a> */
    F_PRE = 1 << 9,       /* inside <pre> */
    F_H1 = 1 << 10,
    F_FURNITURE = 1 << 11, /* header, footer, nav, aside */
    F_HOLDS = 1 << 12,     /* holds an article, a <main> or most of the prose (not just the <h1>) */
    F_COMMENTS = 1 << 13,  /* a comment thread: prose, but never the article */
    F_CHOSEN = 1 << 14,    /* a container choose_containers() picked */
    F_INSIDE = 1 << 15     /* in a chosen container */
};

/* Flags an element passes to its descendants' path (sl_block.path). */
#define F_INHERITED (F_SOFT | F_COMMENTS | F_FURNITURE | F_SEMANTIC)

/* One element of the body, in document order (parents before children).
 * Lengths count non-space bytes. */
typedef struct elem {
    xmlNode *node;
    uint32_t parent, owner;   /* owner: the nearest block, whose paragraph this text joins */
    uint32_t size;            /* elements in the subtree, itself included */
    uint32_t text, links;     /* all text in the subtree, and the part inside links */
    uint32_t own, own_links;  /* the loose text this block owns (not inside a nested block) */
    uint32_t own_code;        /* of it, bytes that write code, not prose: { } [ ] ; = */
    uint32_t lead_links;      /* of it, the linked text before any other */
    uint8_t teaser;           /* it opens with a line that is all one link: a headline */
    uint32_t good;            /* paragraph text in the subtree that reads as prose */
    uint16_t flags;
    uint16_t tag;             /* T_* bits of its name */
    uint16_t above;           /* F_INHERITED flags of its ancestors */
    uint16_t path_tags;       /* T_* bits of itself and its ancestors */
    uint16_t cues;            /* class/id cue groups of itself and its ancestors (blocks.c) */
    double score;
} elem;

typedef SL_VEC(elem) elem_vec;
typedef SL_VEC(uint32_t) index_vec;

/* What the extractor knows of an element by its name. */
enum {
    T_DROP = 1 << 0,     /* never text: dropped with everything inside (read_dropped aside) */
    T_BLOCK = 1 << 1,    /* starts and ends a paragraph */
    T_PARA = 1 << 2,     /* p, pre, blockquote: scores its parent */
    T_NOSCORE = 1 << 3,  /* headings, list items, captions: text but not prose */
    T_ROOT = 1 << 4,     /* html, body: never dropped */
    T_MAIN = 1 << 5,
    T_ARTICLE = 1 << 6,
    T_FORM = 1 << 7,
    T_H1 = 1 << 8,
    T_A = 1 << 9,
    T_PRE = 1 << 10,
    T_P = 1 << 11,
    T_BR = 1 << 12,
    T_FURNITURE = 1 << 13, /* header, footer, nav, aside: dropped unless they hold the article */
    T_CELL = 1 << 14,      /* td, th */
    T_SHUT = 1 << 15       /* dropped, and never read (read_dropped) */
};

#define BLOCK_NS (T_BLOCK | T_NOSCORE)

/* The element's index in the body's elem_vec (kept in the node), NONE
 * for a node the body finder did not collect. */
static inline uint32_t index_of(const xmlNode *n)
{
    return n && n->_private ? (uint32_t)((uintptr_t)n->_private - 1) : NONE;
}

/* More than half of the block's loose text is links. */
static inline int link_heavy(const elem *e) { return (uint64_t)e->own_links * 2 > e->own; }

/* A block's score (containers.c) lowered by the share of its text in links. */
static inline double final_score(const elem *e)
{
    double density = e->text ? (double)e->links / e->text : 0.0;
    return e->score * (1.0 - density);
}

/* ---- elements.c: pass 1 and the readers of an element ---- */

/* Records the page's elements under root in document order (into v,
 * emptied by the caller), leaving out the dropped ones with their
 * subtrees, and counts their text; `lenient`: hidden ones are kept.
 * Errors: SL_ENOMEM, SL_ETOOLARGE. */
int sl_html_collect(xmlNode *root, elem_vec *v, int lenient);
/* The paragraph kind of element n of T_* bits `tag` (an SL_KIND_*). */
unsigned sl_html_kind_of(const xmlNode *n, unsigned tag);
/* The next (forward) or previous element sibling of n, NULL when none. */
xmlNode *sl_html_element_step(xmlNode *n, int forward);
/* Whether a block's loose text reads as prose: MIN_PARA bytes, under half
 * links, not code, not a teaser (a link line and a blurb). */
int sl_html_is_prose(const elem *e);

/* ---- containers.c: passes 2 to 4 ---- */

/* Removes the soft-dropped elements that do not hold the article (F_REMOVED,
 * inherited), after counting each subtree's prose and size; returns the
 * page's prose before removal. */
uint32_t sl_html_remove_boilerplate(elem_vec *v);
/* Scores the blocks of prose (Readability-style) and totals text, links
 * and prose up the tree, leaving out what was removed. */
void sl_html_score(elem_vec *v);
/* The containers whose text is kept, into out (in any order). Errors: SL_ENOMEM. */
int sl_html_choose_containers(const elem_vec *v, index_vec *out);
/* Marks the chosen containers (F_CHOSEN) and all they hold (F_INSIDE). */
void sl_html_mark_inside(elem_vec *v, const index_vec *containers);

/* threads.c: marks the comment threads that their entries show, as threads
 * named by a class are marked (F_SOFT | F_COMMENTS), and passes the
 * inherited flags on to each element's `above`. Errors: SL_ENOMEM. */
int sl_html_mark_threads(elem_vec *v);

#endif
