/* threads.c — reader comments told by their shape rather than their class:
 * whether an element reads as one entry of a comment thread ("Mike says:",
 * "Posted by ...", a first line with a date, a "Reply" or "Report abuse"
 * link), and the threads that such entries among an element's children
 * make, marked for html.c's body finder as threads a class names are (old
 * pages: <div id="talkback">, a table of "Posted by" rows). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/blocks.h"
#include "ingest/elems.h"
#include "ingest/htmltree.h"
#include "ingest/ingest.h"
#include "util/alloc.h"

/* An entry is read over its first nodes and bytes only: the signature sits
 * at its start or in its links, and the bound keeps the pass linear. */
#define ENTRY_NODES 64
#define ENTRY_HEAD 160

/* An entry's first line (up to its first <br>, <p>, <div>, cell or
 * heading), or its first two, of at most this many bytes that hold a date
 * are its author's line: "Jean, Millbrook - 10 March 2010", "Posted
 * 3/10/2010 by Robert", "Jean<br>3/10/2010 10:31", "Jean<br>2 days ago". */
#define DATE_LINE 80

/* An entry whose first line is a name alone ("Jean Marsh, Larkmouth" in
 * bold above the comment: a newspaper's "Have your say" of 2010, no date,
 * no "wrote:") is signed too: a line of at most NAME_LINE bytes and
 * NAME_WORDS words, not a heading's or a link's text (a listicle's items,
 * a teaser list), not ending as a sentence or a question does (an FAQ),
 * with at least ENTRY_REST bytes of the entry after it. */
#define NAME_LINE 48
#define NAME_WORDS 6
#define ENTRY_REST 40

/* In the entry's first bytes: the author's line. */
static const char *const heads[] = {" says:", " wrote:", " writes:", " said...", "posted by ", "posted by:",
                                    "posted on ", "submitted by ", "comment by ", "reply by "};
/* The whole text of a link in the entry: the thread's controls. */
static const char *const controls[] = {"reply", "reply to this", "reply to this comment", "report abuse",
                                       "report", "report comment", "report this comment", "permalink",
                                       "flag", "flag as inappropriate", "quote", "recommend", "respond"};

/* Appends a text node's bytes, white space collapsed, up to the cap. */
static void append(char *head, size_t *len, const char *s)
{
    for (; *s && *len + 1 < ENTRY_HEAD; s++) {
        char c = sl_html_is_space(*s) ? ' ' : (char)tolower((unsigned char)*s);
        if (c == ' ' && (!*len || head[*len - 1] == ' '))
            continue;
        head[(*len)++] = c;
    }
    head[*len] = '\0';
}

/* The link's text, trimmed, when it is one text node (as controls are). */
static int is_control(const xmlNode *a)
{
    const xmlNode *t = a->children;
    if (!t || t->next || t->type != XML_TEXT_NODE || !t->content)
        return 0;
    const char *s = (const char *)t->content;
    while (sl_html_is_space(*s))
        s++;
    size_t n = strlen(s);
    while (n && sl_html_is_space(s[n - 1]))
        n--;
    for (size_t i = 0; i < sizeof controls / sizeof *controls; i++)
        if (strlen(controls[i]) == n && !strncasecmp(s, controls[i], n))
            return 1;
    return 0;
}

/* Whether text node t lies in a heading or a link inside n (bounded). */
static int titled_text(const xmlNode *t, const xmlNode *n)
{
    static const char *const tags[] = {"a", "h1", "h2", "h3", "h4", "h5", "h6"};
    int up = 0;
    for (const xmlNode *x = t->parent; x && x != n && up < ENTRY_NODES; x = x->parent, up++)
        if (sl_html_is_tag_among(x, tags, sizeof tags / sizeof *tags))
            return 1;
    return 0;
}

/* Whether head[0..line) reads as a name alone: short, few words, not a
 * sentence or a question. */
static int name_line(const char *head, size_t line)
{
    if (!line || line > NAME_LINE)
        return 0;
    size_t words = 1;
    for (size_t i = 0; i < line; i++)
        words += head[i] == ' ' && i + 1 < line;
    while (line > 1 && head[line - 1] == ' ')
        line--;
    /* a full stop ends a sentence, not an initial ("Sarah P.") */
    int initial = line >= 3 && head[line - 1] == '.' && head[line - 3] == ' ';
    return words <= NAME_WORDS && (initial || !strchr(".?!;", head[line - 1]));
}

static int breaks_line(const xmlNode *x)
{
    static const char *const tags[] = {"br", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th"};
    return sl_html_is_tag_among(x, tags, sizeof tags / sizeof *tags);
}

/* Whether the word head[from..to) is a unit of time, in the singular or
 * the plural ("day", "hours", "mins"). */
static int time_unit(const char *head, size_t from, size_t to)
{
    static const char *const units[] = {"second", "sec", "minute", "min", "hour", "hr", "day", "week", "month", "year"};
    size_t n = to - from;
    if (n > 1 && head[to - 1] == 's')
        n--;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (strlen(units[i]) == n && !strncmp(head + from, units[i], n))
            return 1;
    return 0;
}

/* The length of the date relative to the reading that starts at head[i]
 * and ends by `to` ("yesterday", "2 days ago", "an hour ago"), 0 for none. */
static size_t relative_at(const char *head, size_t i, size_t to)
{
    if (i + 9 <= to && !strncmp(head + i, "yesterday", 9))
        return 9;
    size_t w = i;
    while (w < to && isdigit((unsigned char)head[w]))
        w++;
    if (w == i && i + 2 <= to && !strncmp(head + i, "a ", 2))
        w = i + 1;
    else if (w == i && i + 3 <= to && !strncmp(head + i, "an ", 3))
        w = i + 2;
    if (w == i || w >= to || head[w] != ' ')
        return 0;
    size_t unit = w + 1, end = unit;
    while (end < to && isalpha((unsigned char)head[end]))
        end++;
    if (!time_unit(head, unit, end) || end + 4 > to || strncmp(head + end, " ago", 4))
        return 0;
    return end + 4 - i;
}

/* Whether head[i..to) is nothing or the time of day ("at 08:49 am"). */
static int time_of_day_only(const char *head, size_t i, size_t to)
{
    while (i < to && head[i] == ' ')
        i++;
    if (i == to)
        return 1;
    if (i + 3 > to || strncmp(head + i, "at ", 3))
        return 0;
    for (i += 3; i < to; i++)
        if (!head[i] || !strchr("0123456789: apm.", head[i]))
            return 0;
    return 1;
}

/* Whether head[from..i) is nothing, or a name and a separator before the
 * date ("jean m. \xc2\xb7 ", "old salt - "). */
static int name_before(const char *head, size_t from, size_t i)
{
    static const char *const seps[] = {"-", "|", ",", ":", "\xc2\xb7", "\xe2\x80\x93", "\xe2\x80\x94",
                                       "\xe2\x80\xa2"};
    while (i > from && head[i - 1] == ' ')
        i--;
    if (i == from)
        return 1;
    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
        size_t n = strlen(seps[k]);
        if (i - from > n && !strncmp(head + i - n, seps[k], n))
            return name_line(head + from, i - n - from);
    }
    return 0;
}

/* Whether the line head[from..to) (lower-cased, spaces collapsed) is a
 * date relative to the reading, alone or after a name, the time of day
 * after it: "2 days ago at 08:49 am", "jean \xc2\xb7 an hour ago",
 * "yesterday at 10:31"; not a sentence that holds one ("i moved here 10
 * years ago."). */
static int relative_line(const char *head, size_t from, size_t to)
{
    if (to <= from || to - from > DATE_LINE)
        return 0;
    for (size_t i = from; i < to; i++) {
        size_t n = i == from || head[i - 1] == ' ' ? relative_at(head, i, to) : 0;
        if (n && name_before(head, from, i) && time_of_day_only(head, i + n, to))
            return 1;
    }
    return 0;
}

/* Whether the entry's first line, head[0..line), is a short line with a date. */
static int dated_line(char *head, size_t line)
{
    char iso[SL_ISO_DATE_SIZE];
    if (!line || line > DATE_LINE)
        return 0;
    char keep = head[line];
    head[line] = '\0';
    int dated = sl_date_to_iso(head, 1, iso);
    head[line] = keep;
    return dated;
}

/* Whether n's first nodes hold an author's line or a thread control (1);
 * with `names`, 2 for a first line that is a name alone (NAME_LINE). */
static int signed_at_start(xmlNode *n, int names)
{
    char head[ENTRY_HEAD];
    size_t len = 0, lines[2] = {0, 0}, ended = 0;   /* where its first two lines end */
    int titled = 0;   /* the first line holds a heading's or a link's text */
    head[0] = '\0';
    xmlNode *x = n->children;
    for (int seen = 0; x && seen < ENTRY_NODES; seen++) {
        if (x->type == XML_TEXT_NODE && x->content) {
            size_t was = len;
            append(head, &len, (const char *)x->content);
            if (!ended && len > was && titled_text(x, n))
                titled = 1;
        }
        else if (x->type == XML_ELEMENT_NODE && sl_html_is_tag(x, "a") && is_control(x))
            return 1;
        else if (x->type == XML_ELEMENT_NODE && ended < 2 && len > (ended ? lines[0] : 0) && breaks_line(x))
            lines[ended++] = len;
        x = sl_html_next(x, n, x->type == XML_ELEMENT_NODE);
    }
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        if (strstr(head, heads[i]))
            return 1;
    /* a name on one line and the date on the next ("Jean<br>3/4/2010") */
    if (dated_line(head, lines[0]) || dated_line(head, lines[1]))
        return 1;
    /* or a date relative to the reading on either line ("Jean<br>2 days ago") */
    if (relative_line(head, 0, lines[0]) || relative_line(head, lines[0], lines[1]))
        return 1;
    return names && ended && !titled && name_line(head, lines[0]) && len >= lines[0] + ENTRY_REST ? 2 : 0;
}

/* n's last child element, when it has another before it. */
static xmlNode *last_of_several(xmlNode *n)
{
    int elements = 0;
    xmlNode *last = NULL;
    for (xmlNode *x = n->children; x; x = x->next)
        if (x->type == XML_ELEMENT_NODE) {
            elements++;
            last = x;
        }
    return elements > 1 ? last : NULL;
}

int sl_html_thread_entry(xmlNode *n, int names)
{
    int signed_by = signed_at_start(n, names);
    if (signed_by)
        return signed_by;
    /* Movable Type and its kind sign a comment after it: "Posted by: Jean
     * | March 4, 2010 10:31 AM" */
    xmlNode *last = last_of_several(n);
    return last && signed_at_start(last, 0);
}

int sl_html_names_thread(xmlNode *heading)
{
    /* What a thread's heading calls it: "Have your say", "Reader views",
     * "12 Responses", "Talkback", "Comments (8)". */
    static const char *const words[] = {"comment", "your say", "your view", "reader", "reaction", "response",
                                        "talkback", "discussion", "feedback", "what you said", "replies"};
    char head[ENTRY_HEAD];
    size_t len = 0;
    head[0] = '\0';
    xmlNode *x = heading->children;
    for (int seen = 0; x && seen < ENTRY_NODES; seen++) {
        if (x->type == XML_TEXT_NODE && x->content)
            append(head, &len, (const char *)x->content);
        x = sl_html_next(x, heading, 1);
    }
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strstr(head, words[i]))
            return 1;
    return 0;
}

/* A comment thread no class names: an element with at least
 * THREAD_ENTRIES children that read as comment entries, of ENTRY_MIN to
 * ENTRY_MAX bytes each (a comment says something; a row of "Reply" and
 * "Permalink" buttons does not), and are half its children with text,
 * after THREAD_AFTER bytes of prose: the article comes first, while a
 * forum's or a blog index's first post follows no other prose. A heading
 * of at most THREAD_TITLE bytes just before it is its title ("8 Responses
 * to ..."). */
#define THREAD_ENTRIES 3
#define ENTRY_MIN 40
#define ENTRY_MAX 3000
#define THREAD_AFTER 200
#define THREAD_TITLE 120

/* What sl_html_mark_threads counts of an element. */
typedef struct thread_count {
    uint64_t text;       /* in its subtree (collect counts only its own) */
    uint64_t before;     /* prose before it in the page */
    uint32_t kids;       /* its children with text */
    uint32_t entries, children;   /* children: those with text, read so far, a pair as one */
    uint32_t names;      /* of its entries, those signed by a name alone */
    uint32_t first;      /* its first child that is an entry */
    uint32_t tail;       /* its children with text from that one on */
} thread_count;

/* The heading (not the <h1>, at most THREAD_TITLE bytes) just before
 * `n`, line breaks aside, a thread's title ("8 Responses to ..."); NONE
 * without one. Older pages title their thread with a bold line, not a
 * heading ("<b>Comments</b><br>"): such a line counts when its words name
 * a thread. */
static uint32_t thread_title(const elem *e, const thread_count *c, const xmlNode *n)
{
    static const char *const lines[] = {"b", "strong", "font", "span", "p", "div"};
    xmlNode *prev = n->prev;
    while (prev && (prev->type != XML_ELEMENT_NODE || sl_html_is_tag(prev, "br")))
        prev = prev->prev;
    uint32_t title = index_of(prev);
    if (title == NONE || (e[title].tag & T_H1) || !c[title].text || c[title].text > THREAD_TITLE)
        return NONE;
    if (sl_html_kind_of(prev, e[title].tag) == SL_KIND_HEADING ||
        (sl_html_is_tag_among(prev, lines, sizeof lines / sizeof *lines) && sl_html_names_thread(prev)))
        return title;
    return NONE;
}

/* The first child element of n, when it is a heading (not the <h1>) of at
 * most THREAD_TITLE bytes: a thread's title inside it. */
static uint32_t first_title(const elem *e, const thread_count *c, const xmlNode *n)
{
    const xmlNode *x = n->children;
    while (x && x->type != XML_ELEMENT_NODE)
        x = x->next;
    uint32_t title = index_of(x);
    if (title != NONE && sl_html_kind_of(x, e[title].tag) == SL_KIND_HEADING && !(e[title].tag & T_H1) &&
        c[title].text <= THREAD_TITLE)
        return title;
    return NONE;
}

/* The entries of element i that count: those signed by a name alone
 * ("Jean Marsh, Larkmouth" above the comment, no date) only under a
 * heading, before the thread or first in it, that names a thread ("Have
 * your say"): without one, cards of a title line and a blurb read the same
 * (WCXB dev, even ids: articles 0.9527 -> 0.9413 with every such list). */
static uint32_t counted_entries(const elem *e, const thread_count *c, size_t i, const xmlNode *from)
{
    if (!c[i].names)
        return c[i].entries;
    uint32_t before = thread_title(e, c, from), inside = first_title(e, c, e[i].node);
    if ((before != NONE && sl_html_names_thread(e[before].node)) ||
        (inside != NONE && sl_html_names_thread(e[inside].node)))
        return c[i].entries;
    return c[i].entries - c[i].names;
}

/* A run of entries at the end of an element that holds the story too (the
 * comments in the story's own table cell): at least THREAD_ENTRIES, half
 * its children from the first on, under a title heading, after
 * THREAD_AFTER bytes of the element's own prose. A forum's replies follow
 * the first post without a heading between. */
static int comment_run(const elem *e, const thread_count *c, size_t i)
{
    const thread_count *t = &c[i];
    uint32_t entries = counted_entries(e, c, i, e[t->first].node);
    return entries >= THREAD_ENTRIES && entries * 2 >= t->tail &&
           c[t->first].before - t->before >= THREAD_AFTER && thread_title(e, c, e[t->first].node) != NONE;
}

/* Marks the comment threads that their entries show (THREAD_ENTRIES above)
 * as threads named by a class are marked, and passes that on to their
 * descendants' paths. Each element is read once, as its parent's child. */
int sl_html_mark_threads(elem_vec *v)
{
    elem *e = v->items;
    thread_count *c = sl_calloc(v->n, sizeof *c);
    if (!c)
        return SL_ENOMEM;
    uint64_t prose = 0;
    for (size_t i = 0; i < v->n; i++) {
        c[i].before = prose;
        prose += sl_html_is_prose(&e[i]) ? e[i].own - e[i].own_links : 0;
    }
    for (size_t i = v->n; i-- > 1;) {
        c[i].text += e[i].text;
        c[e[i].parent].text += c[i].text;
        c[e[i].parent].kids += c[i].text > 0;
    }
    for (size_t i = v->n; i-- > 1;) {
        if (!c[i].text)
            continue;
        thread_count *p = &c[e[i].parent];
        p->children++;
        /* an element with fewer children than a thread's entries holds no
         * thread: its children are not read (most of this pass's work) */
        if (p->kids < THREAD_ENTRIES || c[i].text > ENTRY_MAX)
            continue;
        int line = c[i].text < ENTRY_MIN;   /* a short author's line, with the comment after it */
        if (line) {
            uint32_t next = index_of(sl_html_element_step(e[i].node, 1));
            if (next == NONE || c[next].text < ENTRY_MIN || c[next].text > ENTRY_MAX)
                continue;
        }
        int signed_by = sl_html_thread_entry(e[i].node, !line);
        if (!signed_by)
            continue;
        p->children -= (uint32_t)line;   /* the pair counts as one child */
        p->entries++;
        p->names += signed_by == 2;
        p->first = (uint32_t)i;
        p->tail = p->children;
    }
    for (size_t i = 1; i < v->n; i++) {
        const xmlNode *from;
        uint32_t entries = c[i].entries >= THREAD_ENTRIES ? counted_entries(e, c, i, e[i].node) : 0;
        if (entries >= THREAD_ENTRIES && entries * 2 >= c[i].children && c[i].before >= THREAD_AFTER &&
            !(e[i].tag & (T_ROOT | T_MAIN | T_ARTICLE))) {
            e[i].flags |= F_SOFT | F_COMMENTS;
            from = e[i].node;
        } else if (comment_run(e, c, i)) {
            for (xmlNode *n = e[c[i].first].node; n; n = sl_html_element_step(n, 1))
                if (index_of(n) != NONE)
                    e[index_of(n)].flags |= F_SOFT | F_COMMENTS;
            from = e[c[i].first].node;
        } else {
            continue;
        }
        uint32_t title = thread_title(e, c, from);
        if (title != NONE)
            e[title].flags |= F_SOFT | F_COMMENTS;
    }
    for (size_t i = 1; i < v->n; i++)
        e[i].above = (uint16_t)(e[e[i].parent].above | (e[e[i].parent].flags & F_INHERITED));
    free(c);
    return 0;
}
