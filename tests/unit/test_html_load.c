/* test_html_load.c — the page as parse.c hands it to the extractor: the
 * attributes no part of it reads are gone, and nothing else changes (read
 * attributes, text, JSON-LD, comments, values holding markup). */
#include <stdlib.h>
#include <string.h>

#include "ingest/htmltree.h"
#include "test.h"

typedef struct loaded {
    sl_buf page;
    xmlDocPtr doc;
    xmlNode *root;
} loaded;

static int load(const char *html, loaded *l)
{
    memset(l, 0, sizeof *l);
    return sl_html_load(html, strlen(html), NULL, 0, &l->page, &l->doc, &l->root);
}

static void unload(loaded *l)
{
    xmlFreeDoc(l->doc);
    sl_buf_free(&l->page);
}

/* The first element named `tag` in document order. */
static xmlNode *first(loaded *l, const char *tag)
{
    for (xmlNode *n = l->root; n; n = sl_html_next(n, l->root, 1))
        if (sl_html_is_tag(n, tag))
            return n;
    return NULL;
}

/* Whether the element has an attribute of that name at all, read or not. */
static int has_attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n ? n->properties : NULL; a; a = a->next)
        if (!strcmp((const char *)a->name, name))
            return 1;
    return 0;
}

/* The text of the element's first child (a script's, a comment's). */
static const char *child_text(const xmlNode *n)
{
    return n && n->children && n->children->content ? (const char *)n->children->content : "";
}

TEST(html_load_drops_unread_attributes)
{
    loaded l;
    CHECK_INT(load("<html lang=en><body><div class=\"story main\" data-track='{\"a\": \"1 > 2\"}' title=Dock id=s1>"
                   "<p style=\"color: red\" onclick=\"go()\">The ferry left at noon.</p>"
                   "<img src=/pier.jpg srcset=\"/pier-2x.jpg 2x\" alt=\"the pier\">"
                   "<a href=\"/staff/ana\" rel=author data-x>Ana Reyes</a>"
                   "<TIME DATETIME=2031-05-06 Data-Y=\"z\">6 May</TIME></div></body></html>",
                   &l),
              0);
    xmlNode *div = first(&l, "div"), *p = first(&l, "p"), *img = first(&l, "img"), *a = first(&l, "a");
    CHECK_STR(sl_html_attr(div, "class"), "story main");
    CHECK_STR(sl_html_attr(div, "id"), "s1");
    CHECK(!has_attr(div, "data-track") && !has_attr(div, "title"));
    CHECK_STR(sl_html_attr(p, "style"), "color: red");
    CHECK(!has_attr(p, "onclick"));
    CHECK(img && !img->properties);
    CHECK_STR(sl_html_attr(a, "href"), "/staff/ana");
    CHECK_STR(sl_html_attr(a, "rel"), "author");
    CHECK(has_attr(a, "data-x"));   /* no value: nothing to save */
    CHECK_STR(sl_html_attr(first(&l, "time"), "datetime"), "2031-05-06");
    CHECK(!has_attr(first(&l, "time"), "data-y"));
    CHECK_STR(sl_html_attr(l.root, "lang"), "en");
    CHECK_STR(child_text(p), "The ferry left at noon.");
    unload(&l);
}

TEST(html_load_leaves_text_that_is_not_a_tag)
{
    loaded l;
    CHECK_INT(load("<html><head><meta name=description content=\"<b data-k='1'>Tide</b> tables\">"
                   "<script type=\"application/ld+json\">{\"x\": \"<i data-j='2'>\"}</script></head>"
                   "<body><!-- <span data-c=\"3\"> --><p data-p=\"4\">Low water at six.</p></body></html>",
                   &l),
              0);
    CHECK_STR(sl_html_attr(first(&l, "meta"), "content"), "<b data-k='1'>Tide</b> tables");
    CHECK(strstr(child_text(first(&l, "script")), "data-j='2'") != NULL);
    xmlNode *comment = NULL;
    for (xmlNode *n = l.root; n && !comment; n = sl_html_next(n, l.root, 1))
        if (n->type == XML_COMMENT_NODE)
            comment = n;
    CHECK(comment && comment->content && strstr((const char *)comment->content, "data-c=\"3\""));
    CHECK(!has_attr(first(&l, "p"), "data-p"));
    unload(&l);

    /* an unclosed <style> is text to the end of the page for libxml2 */
    CHECK_INT(load("<html><body><p>Gulls.</p><style>p { color: red } <i data-s=\"5\"></body></html>", &l), 0);
    CHECK(strstr(child_text(first(&l, "style")), "data-s=\"5\"") != NULL);
    unload(&l);
}

TEST(html_attr_kept_names)
{
    CHECK(sl_html_attr_kept("class", 5));
    CHECK(sl_html_attr_kept("CLASS", 5));
    CHECK(sl_html_attr_kept("xml:lang", 8));
    CHECK(sl_html_attr_kept("http-equiv", 10));
    CHECK(!sl_html_attr_kept("data-class", 10));
    CHECK(!sl_html_attr_kept("src", 3));
    CHECK(!sl_html_attr_kept("classes", 7));
}
