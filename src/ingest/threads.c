/* threads.c — reader comments told by their shape rather than their class:
 * whether an element reads as one entry of a comment thread ("Mike says:",
 * "Posted by ...", a first line with a date, a "Reply" or "Report abuse"
 * link). html.c counts such
 * entries among an element's children to mark a thread that no class names
 * (old pages: <div id="talkback">, a table of "Posted by" rows). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "ingest/htmltree.h"
#include "ingest/ingest.h"

/* An entry is read over its first nodes and bytes only: the signature sits
 * at its start or in its links, and the bound keeps the pass linear. */
#define ENTRY_NODES 64
#define ENTRY_HEAD 160

/* An entry's first line (up to its first <br>, <p>, <div>, cell or
 * heading), or its first two, of at most this many bytes that hold a date
 * are its author's line: "Jean, Millbrook - 10 March 2010", "Posted
 * 3/10/2010 by Robert", "Jean<br>3/10/2010 10:31". */
#define DATE_LINE 80

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

static int breaks_line(const xmlNode *x)
{
    static const char *const tags[] = {"br", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th"};
    return sl_html_is_tag_among(x, tags, sizeof tags / sizeof *tags);
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

/* Whether n's first nodes hold an author's line or a thread control. */
static int signed_at_start(xmlNode *n)
{
    char head[ENTRY_HEAD];
    size_t len = 0, lines[2] = {0, 0}, ended = 0;   /* where its first two lines end */
    head[0] = '\0';
    xmlNode *x = n->children;
    for (int seen = 0; x && seen < ENTRY_NODES; seen++) {
        if (x->type == XML_TEXT_NODE && x->content)
            append(head, &len, (const char *)x->content);
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
    return dated_line(head, lines[0]) || dated_line(head, lines[1]);
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

int sl_html_thread_entry(xmlNode *n)
{
    if (signed_at_start(n))
        return 1;
    /* Movable Type and its kind sign a comment after it: "Posted by: Jean
     * | March 4, 2010 10:31 AM" */
    xmlNode *last = last_of_several(n);
    return last && signed_at_start(last);
}
