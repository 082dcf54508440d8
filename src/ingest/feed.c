/* feed.c — RSS 2.0, RSS 1.0 and Atom feeds into items: title, link, date
 * (RFC 822 dates turned into ISO-8601) and the item's HTML content
 * (content:encoded, Atom <content>, else the description), with a test of
 * whether that content is the full article or a teaser whose page must be
 * fetched. Parsed with libxml2's XML parser: no network, no DTD loaded, no
 * entity substitution, and a feed that declares entities is refused. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>

#include "ingest/htmltree.h"
#include "util/alloc.h"
#include "util/error.h"

/* A feed item's content is taken as the article from this many words: RSS
 * teasers run one to three sentences (under 100 words), while the shortest
 * news articles run a few hundred. */
#define FULL_ARTICLE_WORDS 150
/* Items read from one feed; real feeds carry 10 to 100. */
#define FEED_MAX_ITEMS 10000
/* Real feeds weigh a few hundred KB; the page cap bounds the tree. */
#define FEED_MAX_BYTES SL_PAGE_MAX

static const char *local_name(const xmlNode *n) { return n->name ? (const char *)n->name : ""; }

static int named(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcasecmp(local_name(n), name);
}

static const char *ns_href(const xmlNode *n) { return n->ns && n->ns->href ? (const char *)n->ns->href : ""; }

static int dup_content(const xmlNode *n, char **out)
{
    if (*out)
        return 0;
    xmlChar *c = xmlNodeGetContent(n);
    int rc = 0;
    if (c) {
        rc = sl_html_dup_collapsed((const char *)c, out);
        xmlFree(c);
    }
    return rc;
}

static int dup_raw(const xmlNode *n, char **out)
{
    if (*out)
        return 0;
    xmlChar *c = xmlNodeGetContent(n);
    if (c && *c && !(*out = sl_strdup((const char *)c))) {
        xmlFree(c);
        return SL_ENOMEM;
    }
    xmlFree(c);
    return 0;
}

/* Atom <content type="xhtml"> holds markup, not text: serialised back. */
static int dup_markup(xmlNode *n, char **out)
{
    if (*out)
        return 0;
    xmlBuffer *b = xmlBufferCreate();
    if (!b)
        return SL_ENOMEM;
    for (xmlNode *c = n->children; c; c = c->next)
        xmlNodeDump(b, n->doc, c, 0, 0);
    int rc = 0;
    if (xmlBufferLength(b) && !(*out = sl_strdup((const char *)xmlBufferContent(b))))
        rc = SL_ENOMEM;
    xmlBufferFree(b);
    return rc;
}

/* RFC 822 dates ("Tue, 19 Nov 2019 13:03:00 +0000") into ISO-8601. */
static int iso_date(char **date)
{
    char iso[SL_ISO_DATE_SIZE];
    if (!*date || !sl_date_to_iso(*date, 1, iso))
        return 0;
    free(*date);
    *date = sl_strdup(iso);
    return *date ? 0 : SL_ENOMEM;
}

/* The href of an Atom link to the entry's page (rel absent or "alternate"). */
static void atom_link(const xmlNode *n, sl_feed_item *it)
{
    xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
    xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
    if (href && !it->link && (!rel || !strcmp((const char *)rel, "alternate")))
        it->link = sl_strdup((const char *)href);
    xmlFree(rel);
    xmlFree(href);
}

static int read_field(xmlNode *c, sl_feed_item *it)
{
    const char *name = local_name(c);
    if (!strcasecmp(name, "title"))
        return dup_content(c, &it->title);
    if (!strcasecmp(name, "link")) {
        if (c->properties)
            atom_link(c, it);
        return c->properties ? 0 : dup_content(c, &it->link);
    }
    if (!strcasecmp(name, "pubDate") || !strcasecmp(name, "published") ||
        (!strcasecmp(name, "date") && strstr(ns_href(c), "purl.org/dc")))
        return dup_content(c, &it->published);
    if (!strcasecmp(name, "updated"))
        return dup_content(c, &it->updated);
    if (!strcasecmp(name, "encoded") && strstr(ns_href(c), "rss/1.0/modules/content"))
        return dup_raw(c, &it->content);
    if (!strcasecmp(name, "content")) {
        xmlChar *type = xmlGetProp(c, (const xmlChar *)"type");
        int xhtml = type && !strcmp((const char *)type, "xhtml");
        xmlFree(type);
        return xhtml ? dup_markup(c, &it->content) : dup_raw(c, &it->content);
    }
    if (!strcasecmp(name, "description") || !strcasecmp(name, "summary"))
        return dup_raw(c, &it->summary);
    return 0;
}

static int read_item(xmlNode *item, sl_feed_items *out)
{
    if (out->n >= FEED_MAX_ITEMS)
        return 0;
    sl_feed_item it = {0};
    int rc = 0;
    for (xmlNode *c = item->children; c && !rc; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            rc = read_field(c, &it);
    if (!it.published && it.updated) {
        it.published = it.updated;
        it.updated = NULL;
    }
    if (!rc)
        rc = iso_date(&it.published);
    if (!rc && sl_vec_push(out, it))
        rc = SL_ENOMEM;
    if (rc)
        sl_feed_item_clear(&it);
    return rc;
}

/* RSS 2.0: rss/channel/item; RSS 1.0: rdf:RDF/item; Atom: feed/entry. */
static int read_items(xmlNode *root, sl_feed_items *out)
{
    for (xmlNode *n = root->children; n; n = n->next) {
        int rc = 0;
        if (named(n, "item") || named(n, "entry"))
            rc = read_item(n, out);
        else if (named(n, "channel"))
            rc = read_items(n, out);
        if (rc)
            return rc;
    }
    return 0;
}

/* The parser's entity declarations end the parse: a feed has no use for its
 * own entities, and expanding them is how a 200 KB feed became 3.9 GB
 * (one entity of a few KB referenced thousands of times; xmlNodeGetContent
 * expands every reference even with substitution off). */
static void refuse_entity(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                          const xmlChar *system_id, xmlChar *content)
{
    xmlParserCtxtPtr ctxt = ctx;
    (void)type, (void)public_id, (void)system_id, (void)content;
    sl_buf *why = ctxt->_private;
    if (!why->len)
        sl_buf_printf(why, "feed declares the entity \"%.40s\": refused (entity expansion is off)",
                      (const char *)name);
    xmlStopParser(ctxt);
}

/* Without XML_PARSE_NOENT and XML_PARSE_DTDLOAD: entities are not
 * substituted and no external DTD (the RSS 0.91 one) is fetched or read. */
static xmlDocPtr parse_xml(const char *data, size_t len, sl_buf *why)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return NULL;
    ctxt->sax->entityDecl = refuse_entity;
    ctxt->_private = why;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    if (!why->len && (!doc || !xmlDocGetRootElement(doc))) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        sl_buf_printf(why, "invalid feed XML at line %d: %s", e ? e->line : 0,
                      e && e->message ? e->message : "no document");
        while (why->len && why->ptr[why->len - 1] == '\n')
            why->ptr[--why->len] = '\0';
    }
    if (why->len) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

int sl_feed_parse(const char *data, size_t len, sl_feed_items *out, sl_buf *why)
{
    memset(out, 0, sizeof *out);
    sl_buf_clear(why);
    if (len > FEED_MAX_BYTES) {
        sl_buf_printf(why, SL_OVER_CAP_FMT, FEED_MAX_BYTES >> 20);
        return SL_ETOOLARGE;
    }
    xmlDocPtr doc = parse_xml(data, len, why);
    if (!doc)
        return why->len ? SL_EBADINPUT : SL_ENOMEM;
    int rc = 0;
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!named(root, "rss") && !named(root, "feed") && !named(root, "RDF")) {
        sl_buf_printf(why, "not an RSS or Atom feed (root element <%s>)", local_name(root));
        rc = SL_EBADINPUT;
    } else {
        rc = read_items(root, out);
        if (!rc && !out->n) {
            sl_buf_puts(why, "feed without items");
            rc = SL_EBADINPUT;
        }
    }
    xmlFreeDoc(doc);
    if (rc)
        sl_feed_items_free(out);
    return rc;
}

int sl_feed_item_is_full(const sl_feed_item *it)
{
    if (!it->content)
        return 0;
    size_t words = 0;
    int in_tag = 0, in_word = 0;
    for (const unsigned char *p = (const unsigned char *)it->content; *p && words < FULL_ARTICLE_WORDS; p++) {
        if (*p == '<')
            in_tag = 1;
        else if (*p == '>')
            in_tag = 0, in_word = 0;
        else if (!in_tag) {
            int letter = isalnum(*p) || *p >= 0x80;
            words += letter && !in_word;
            in_word = letter;
        }
    }
    return words >= FULL_ARTICLE_WORDS;
}

void sl_feed_item_clear(sl_feed_item *it)
{
    free(it->title);
    free(it->link);
    free(it->published);
    free(it->updated);
    free(it->content);
    free(it->summary);
    memset(it, 0, sizeof *it);
}

void sl_feed_items_free(sl_feed_items *v)
{
    for (size_t i = 0; i < v->n; i++)
        sl_feed_item_clear(&v->items[i]);
    sl_vec_free(v);
}
