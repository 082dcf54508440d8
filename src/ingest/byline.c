/* byline.c — the author's name in a page's byline: "By Jane Doe | 3 March"
 * -> "Jane Doe", from a byline element (microdata's own name first) or a
 * text that reads as one; meta.c finds the bylines and chooses among them. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/htmltree.h"
#include "util/alloc.h"

/* The longest byline text read as a name, in bytes and words: a list of
 * three authors with their titles fits; an author's biography does not. */
#define BYLINE_TEXT_MAX 100
#define BYLINE_WORDS 10
/* A byline's "by" is looked for in its first bytes ("May 28 Written By"). */
#define BYLINE_LEAD 32

/* Whether the word s[0..n) occurs in `in` as a word, ignoring case. */
int sl_html_has_word(const char *in, const char *s, size_t n)
{
    for (const char *p = in; *p; p++)
        if (!strncasecmp(p, s, n) && (p == in || !isalnum((unsigned char)p[-1])) && !isalnum((unsigned char)p[n]))
            return 1;
    return 0;
}

/* The text after a "by" that opens a byline ("By", "Written by", "Text
 * by:", "May 28 Written By"), or after "Author:" / "Authors:". */
static char *after_lead(char *s)
{
    static const char *const labels[] = {"authors:", "author:"};
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (!strncasecmp(s, labels[i], strlen(labels[i])))
            return s + strlen(labels[i]);
    for (char *p = s; *p && p - s < BYLINE_LEAD; p++)
        if ((p == s || p[-1] == ' ' || p[-1] == '\n') && !strncasecmp(p, "by", 2) &&
            (p[2] == ' ' || p[2] == '\n' || p[2] == ':' || !p[2]))
            return p + 2 + (p[2] != '\0');
    return s;
}

/* Words that follow a name as the author's role ("Jane Doe Staff Writer",
 * "Jane Doe Tech Reporter"): the name is then its first two words. */
static int has_role(const char *s)
{
    static const char *const roles[] = {"writer", "reporter", "editor", "contributor", "correspondent",
                                        "columnist", "staff", "founder", "coordinator"};
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
        if (sl_html_has_word(s, roles[i], strlen(roles[i])))
            return 1;
    return 0;
}

/* The name without trailing spaces, commas and dashes; its length. */
static size_t trim_name(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == '-'))
        s[--n] = '\0';
    return n;
}

/* `s` cut before the first of the `n` strings it holds, each. */
static void cut_at(char *s, const char *const *stops, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *stop = strstr(s, stops[i]);
        if (stop)
            *stop = '\0';
    }
}

/* "Jane Doe, 22 June 2010" -> "Jane Doe": the name (two words or more,
 * not a weekday's "Sat, 20 Dec") cut at the comma a date follows. */
static void cut_dated_comma(char *s)
{
    char date[SL_ISO_DATE_SIZE];
    for (char *p = strchr(s, ','); p; p = strchr(p + 1, ','))
        if (memchr(s, ' ', (size_t)(p - s)) && sl_date_to_iso(p + 1, 1, date)) {
            *p = '\0';
            return;
        }
}

/* "By Jane Doe | 3 March" -> "Jane Doe": the name in a byline's text, or
 * NULL when the text is not a short name (a biography, a date alone, an
 * e-mail address). */
static char *byline_name(char *text)
{
    char *s = after_lead(text);
    while (*s == ' ')
        s++;
    s[strcspn(s, "|\n@")] = '\0';
    static const char *const stops[] = {"\xE2\x80\xA2", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
    cut_at(s, stops, sizeof stops / sizeof *stops);   /* "Jane Doe • 5 min read", "Jane Doe - Mar 27" */
    for (char *p = s; *p; p++)   /* "Jane Doe 7 min read" */
        if (*p == ' ' && isdigit((unsigned char)p[1]) && strstr(p, " min read") == p + 1 + strspn(p + 1, "0123456789")) {
            *p = '\0';
            break;
        }
    size_t n = trim_name(s), words = 0;
    for (char *p = s; *p; p++)
        words += *p == ' ';
    if (!n || n > BYLINE_TEXT_MAX || words >= BYLINE_WORDS)
        return NULL;
    static const char *const when[] = {" on ", " at "};   /* "Jane Doe on Friday March 3", "Jane Doe at 10:04" */
    cut_at(s, when, sizeof when / sizeof *when);
    cut_dated_comma(s);
    char date[SL_ISO_DATE_SIZE];
    if (!isalpha((unsigned char)*s) || !strcasecmp(s, "by") || sl_date_to_iso(s, 1, date))
        return NULL;
    for (char *p = s; *p; p++)   /* "jdoe 1,655 gold badges": a forum's counts after the name */
        if (*p == ' ' && isdigit((unsigned char)p[1])) {
            *p = '\0';
            break;
        }
    words = 0;
    for (char *p = s; *p; p++)
        words += *p == ' ';
    n = trim_name(s);
    if (!n || s[n - 1] == ':')
        return NULL;   /* "Authors of this article:": a label */
    if (n > 2 && s[n - 2] == ' ' && tolower((unsigned char)s[n - 1]) == tolower((unsigned char)*s)) {
        s[n - 2] = '\0';   /* "jdoe J": the avatar's initial after the name */
        words--;
    }
    if (words >= 2 && has_role(s)) {
        char *second = strchr(strchr(s, ' ') + 1, ' ');
        *second = '\0';
    }
    return s;
}

/* Microdata's own name for a byline: the itemprop="name" inside an
 * itemprop="author" (a forum's "<span itemprop=name>jdoe</span> (J. Doe)",
 * or a <meta itemprop=name content=...>), else the byline element itself. */
static xmlNode *microdata_name(xmlNode *byline)
{
    const char *prop = sl_html_attr(byline, "itemprop");
    if (!prop || !strcasestr(prop, "author"))
        return byline;
    for (xmlNode *n = byline; n; n = sl_html_next(n, byline, 1))
        if (n != byline && sl_html_attr_is(n, "itemprop", "name"))
            return n;
    return byline;
}

/* The name in an element's byline; NULL in *out when it holds none. */
int sl_html_byline_name(xmlNode *n, char **out)
{
    char *text = NULL;
    xmlNode *named = microdata_name(n);
    const char *content = sl_html_attr(named, "content");
    int rc = content ? sl_html_dup_collapsed(content, &text) : sl_html_node_lines(named, &text);
    char *name = !rc && text ? byline_name(text) : NULL;
    if (name && !(*out = sl_strdup(name)))
        rc = SL_ENOMEM;
    free(text);
    return rc;
}

/* The name in a text that reads as a byline; NULL in *out when none. */
int sl_html_byline_text_name(const char *s, char **out)
{
    char *text = NULL;
    int rc = s ? sl_html_dup_collapsed(s, &text) : 0;
    char *name = text ? byline_name(text) : NULL;
    if (name && !(*out = sl_strdup(name)))
        rc = SL_ENOMEM;
    free(text);
    return rc;
}
