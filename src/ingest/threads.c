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
