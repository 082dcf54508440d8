/* meta.c — a page's metadata: title (og:title, the article's <h1>, <title>
 * without the site's name), publication date (<meta>, JSON-LD, <time>),
 * author (<meta>, JSON-LD, a byline) and language, read from libxml2's tree. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "ingest/htmltree.h"
#include "text/text.h"
#include "util/alloc.h"

/* JSON-LD: a page carries one to three blocks of a few KB; bigger scripts
 * are application state, not metadata. Nesting: @graph inside an array is
 * the deepest that publishers use. */
#define LD_MAX_SCRIPTS 16
#define LD_MAX_BYTES ((size_t)1 << 20)
#define LD_MAX_DEPTH 4
#define LD_MAX_AUTHORS 8
/* Headings looked at as the headline: the first few <h1>s (a page has one,
 * or a logo's and the article's; listings have many). */
#define H1_MAX 4
/* Words of a heading compared with the page's title (a headline has a
 * dozen; the bound keeps a paragraph in an <h1> cheap). */
#define TITLE_WORDS 32
/* Byline elements looked at for the author. */
#define BYLINE_MAX 8
/* A date the page only shows as text ("Dec 12, 2025 · 4 min read"), and
 * a byline no class names ("By Jane Doe"), are looked for in the first
 * texts after the headline, the date in texts of at most these bytes:
 * further down, dates and names are comments' and related links'. */
#define TEXT_DATE_NODES 64
/* Inline elements a text's line is read up through (a <strong> in an <a>
 * in a <span>; the bound keeps a hostile nesting cheap). */
#define LINE_LEVELS 64
#define TEXT_DATE_BYTES 48
/* A page without an <h1> (the old web's <font size="4"><b>Headline</b>):
 * its headline is a text of at least this many words that is the longest
 * part of <title> between separators ("Site :: Headline"). */
#define TEXT_HEADLINE_WORDS 3

typedef struct page_meta {
    /* borrowed from the tree */
    const char *og_title, *twitter_title, *site_name, *meta_date, *name_date, *meta_author, *time_main, *time_any, *lang;
    const char *meta_modified, *og_type;
    const char *og_url, *canonical;             /* the page's address, for the site's name by its domain */
    xmlNode *time_text, *date_main, *date_any;   /* <time> without datetime; class="...date..." */
    const char *date_text;                       /* a text after the <h1> that reads as a date */
    const char *by_text;                         /* after the <h1>: "By Jane Doe", or the text after a bare "By" */
    int by_lead;                                 /* a bare "By" or "Written by" was seen */
    const char *starter;                         /* a forum thread's author, after "Thread starter" */
    int starter_lead;                            /* a bare "Thread starter" was seen */
    const sl_html_nodes *threads;                /* the comment threads the body left out (html.c) */
    size_t next_thread;                          /* the first of them the walk has not reached */
    int in_thread;                               /* the walk is inside one, until thread_end */
    const xmlNode *thread_end;
    int texts_after_h1;
    xmlNode *bylines[BYLINE_MAX];                /* itemprop=author, rel=author, class="...byline..." */
    int n_bylines;
    xmlNode *title, *h1_main, *h1s[H1_MAX];
    int n_h1;
    char *title_text;                            /* <title>'s text, malloc'd: a headline without <h1> */
    /* from JSON-LD, malloc'd */
    char *ld_date, *ld_author, *ld_modified;
    int ld_scripts;
    unsigned ld_kind;                            /* SL_TITLE_PAGE_ARTICLE / _PRODUCT from @type */
} page_meta;

static void meta_free(page_meta *m)
{
    free(m->ld_date);
    free(m->ld_modified);
    free(m->ld_author);
    free(m->title_text);
}

static void set_once(const char **slot, const char *value)
{
    if (!*slot && value && *value)
        *slot = value;
}

static int meta_key(const xmlNode *n, const char *key)
{
    return sl_html_attr_is(n, "property", key) || sl_html_attr_is(n, "name", key);
}

static void read_meta_tag(const xmlNode *n, page_meta *m)
{
    const char *content = sl_html_attr(n, "content");
    if (!content || !*content)
        return;
    if (meta_key(n, "og:title"))
        set_once(&m->og_title, content);
    else if (meta_key(n, "twitter:title"))
        set_once(&m->twitter_title, content);
    else if (meta_key(n, "og:type"))
        set_once(&m->og_type, content);
    else if (meta_key(n, "og:url"))
        set_once(&m->og_url, content);
    else if (meta_key(n, "og:site_name"))
        set_once(&m->site_name, content);
    else if (meta_key(n, "article:published_time"))
        set_once(&m->meta_date, content);
    else if (meta_key(n, "article:modified_time"))
        set_once(&m->meta_modified, content);
    else if (meta_key(n, "date") || meta_key(n, "pubdate"))
        set_once(&m->name_date, content);
    else if (sl_html_attr_is(n, "name", "author"))
        set_once(&m->meta_author, content);
}

static int append_author(sl_buf *names, const json_t *a, int *count)
{
    const json_t *name = json_is_object(a) ? json_object_get(a, "name") : a;
    if (!json_is_string(name) || !json_string_length(name) || *count >= LD_MAX_AUTHORS)
        return 0;
    if (names->len)
        sl_buf_puts(names, ", ");
    (*count)++;
    return sl_buf_puts(names, json_string_value(name));
}

/* JSON-LD "author": a string, a Person {"name": ...}, or an array of them
 * (joined with ", "). */
static int ld_author(const json_t *author, char **out)
{
    sl_buf names = SL_BUF_INIT;
    int count = 0;
    size_t i;
    const json_t *a;
    if (json_is_array(author)) {
        json_array_foreach(author, i, a)
            append_author(&names, a, &count);
    } else {
        append_author(&names, author, &count);
    }
    int rc = names.err;
    if (!rc && names.len)
        rc = sl_html_dup_collapsed(names.ptr, out);
    sl_buf_free(&names);
    return rc;
}

/* What a JSON-LD @type says the page is: "NewsArticle", "BlogPosting" an
 * article, "Product" a product. */
static unsigned ld_type_kind(const char *type)
{
    if (strstr(type, "Article") || !strcmp(type, "BlogPosting"))
        return SL_TITLE_PAGE_ARTICLE;
    return !strcmp(type, "Product") ? SL_TITLE_PAGE_PRODUCT : 0;
}

/* The kinds of an object's @type: a string or an array of them. */
static unsigned ld_kind(const json_t *type)
{
    unsigned kind = json_is_string(type) ? ld_type_kind(json_string_value(type)) : 0;
    size_t i;
    const json_t *t;
    if (json_is_array(type))
        json_array_foreach(type, i, t)
            kind |= json_is_string(t) ? ld_type_kind(json_string_value(t)) : 0;
    return kind;
}

/* Looks for @type, datePublished and author in the objects of a JSON-LD
 * block: the top value, the items of a top-level array, and "@graph". */
static int ld_scan(const json_t *v, page_meta *m, int depth)
{
    if (depth > LD_MAX_DEPTH)
        return 0;
    if (json_is_array(v)) {
        size_t i;
        const json_t *item;
        json_array_foreach(v, i, item) {
            int rc = ld_scan(item, m, depth + 1);
            if (rc)
                return rc;
        }
        return 0;
    }
    if (!json_is_object(v))
        return 0;
    m->ld_kind |= ld_kind(json_object_get(v, "@type"));
    const json_t *date = json_object_get(v, "datePublished");
    int rc = 0;
    const json_t *modified = json_object_get(v, "dateModified");
    if (!m->ld_date && json_is_string(date))
        rc = sl_html_dup_collapsed(json_string_value(date), &m->ld_date);
    if (!rc && !m->ld_modified && json_is_string(modified))
        rc = sl_html_dup_collapsed(json_string_value(modified), &m->ld_modified);
    if (!rc && !m->ld_author && json_object_get(v, "author"))
        rc = ld_author(json_object_get(v, "author"), &m->ld_author);
    if (!rc)
        rc = ld_scan(json_object_get(v, "@graph"), m, depth + 1);
    return rc;
}

/* Reads one <script type="application/ld+json">; a block that does not
 * parse is skipped (pages often wrap it in comments or break it). */
static int read_json_ld(xmlNode *script, page_meta *m)
{
    if (m->ld_scripts++ >= LD_MAX_SCRIPTS || (m->ld_date && m->ld_author && m->ld_kind))
        return 0;
    xmlChar *raw = xmlNodeGetContent(script);
    if (!raw)
        return 0;
    const char *s = (const char *)raw;
    size_t n = strlen(s);
    const char *open = strpbrk(s, "{[");
    const char *close = NULL;
    for (size_t i = n; i > 0 && !close; i--)
        if (s[i - 1] == '}' || s[i - 1] == ']')
            close = s + i;
    int rc = 0;
    if (open && close && close > open && n <= LD_MAX_BYTES) {
        json_t *root = json_loadb(open, (size_t)(close - open), 0, NULL);
        if (root)
            rc = ld_scan(root, m, 0);
        json_decref(root);
    }
    xmlFree(raw);
    return rc;
}

static int is_json_ld(const xmlNode *n)
{
    const char *type = sl_html_attr(n, "type");
    if (!type)
        return 0;
    while (sl_html_is_space(*type))
        type++;
    return !strncasecmp(type, "application/ld+json", 19);
}

/* An element's class and id lists, each folded to lower case with its
 * byte pairs when under 256 bytes (longer ones are not searched): folded
 * once per element for names_author and names_date, which look for words
 * in them only when a word's first two bytes are side by side (as blocks.c
 * does; strcasestr on each list for each word was 3% of the instructions
 * of `storyline extract` on the Zyte pages). */
#define NAMES_SCAN 256
typedef struct class_words {
    int have[2];   /* class, id */
    char low[2][NAMES_SCAN];
    sl_html_pairs pairs[2];
} class_words;

static void fold_class_words(const xmlNode *n, class_words *w)
{
    const char *lists[2] = {sl_html_attr(n, "class"), sl_html_attr(n, "id")};
    for (int k = 0; k < 2; k++) {
        size_t len = lists[k] ? strnlen(lists[k], NAMES_SCAN) : NAMES_SCAN;
        w->have[k] = len < NAMES_SCAN;
        if (w->have[k])
            sl_html_fold_pairs(lists[k], len, w->low[k], &w->pairs[k]);
    }
}

/* Whether list k (0 class, 1 id) holds `word` (lower case), ignoring case. */
static int list_holds(const class_words *w, int k, const char *word)
{
    return w->have[k] && sl_html_pairs_may_hold(&w->pairs[k], word) && strstr(w->low[k], word);
}

/* An element whose class or id says it holds the date ("post-date",
 * "entry-published", "posted-on"). */
static int names_date(const class_words *w)
{
    static const char *const words[] = {"date", "publish", "posted"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (list_holds(w, 0, words[i]) || list_holds(w, 1, words[i]))
            return 1;
    return 0;
}

/* An element that names the author: itemprop="author", rel="author", or a
 * class or id with "byline" or "author" in it. */
static int names_author(const xmlNode *n, const class_words *w)
{
    const char *prop = sl_html_attr(n, "itemprop"), *rel = sl_html_attr(n, "rel");
    if ((prop && strcasestr(prop, "author")) || (rel && strcasestr(rel, "author")))
        return 1;
    const char *href = sl_html_is_tag(n, "a") ? sl_html_attr(n, "href") : NULL;
    if (href && strlen(href) < 256 && (strstr(href, "/author/") || strstr(href, "/authors/")))
        return 1;   /* a link to the author's page */
    for (int k = 0; k < 2; k++)
        if (list_holds(w, k, "byline") || (list_holds(w, k, "author") && !list_holds(w, k, "authority")))
            return 1;
    return 0;
}

/* A text that opens a byline ("By", "Written by", "Posted by"): where its
 * name starts, or NULL. */
static const char *byline_lead(const char *s)
{
    static const char *const verbs[] = {"written ", "posted "};
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
        if (!strncasecmp(s, verbs[i], strlen(verbs[i])))
            s += strlen(verbs[i]);
    if (strncasecmp(s, "by", 2) || (s[2] && !sl_html_is_space(s[2]) && s[2] != ':'))
        return NULL;
    for (s += 2; *s == ':' || sl_html_is_space(*s);)
        s++;
    return s;
}

/* A forum's label for the author of a thread's first post ("Thread
 * starter", "Topic author"): where the name after it starts, or NULL.
 * ("Started by" was left out: prose opens with it too.) */
static const char *starter_label(const char *s)
{
    static const char *const labels[] = {"thread starter", "topic starter", "topic author", "discussion starter"};
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        size_t n = strlen(labels[i]);
        if (!strncasecmp(s, labels[i], n) && (!s[n] || sl_html_is_space(s[n]) || s[n] == ':')) {
            for (s += n; *s == ':' || sl_html_is_space(*s);)
                s++;
            return s;
        }
    }
    return NULL;
}

/* The thread starter's name: in the label's text, or the next text (a
 * label repeated for screen readers is passed over). */
static void read_starter(const char *s, page_meta *m)
{
    const char *name = starter_label(s);
    if (name && *name)
        m->starter = name;
    else if (!name && m->starter_lead)
        m->starter = s;
    m->starter_lead |= name != NULL;
}

/* Elements that run on in a line of text (a paragraph's emphasis, links). */
static int runs_in_line(const xmlNode *n)
{
    static const char *const tags[] = {"a", "em", "strong", "b", "i", "u", "span", "font", "small", "big",
                                       "sup", "sub", "abbr", "cite", "code", "mark", "q", "s", "time", "label"};
    return sl_html_is_tag_among(n, tags, sizeof tags / sizeof *tags);
}

/* Whether a text node opens a line: nothing but white space before it in
 * its paragraph (read up through LINE_LEVELS inline elements at most). */
static int opens_line(const xmlNode *text)
{
    int up = 0;
    for (const xmlNode *x = text; x && x->parent && up < LINE_LEVELS; x = x->parent, up++) {
        for (const xmlNode *prev = x->prev; prev; prev = prev->prev) {
            if (prev->type == XML_ELEMENT_NODE)
                return !runs_in_line(prev);
            if (prev->type != XML_TEXT_NODE || !prev->content)
                continue;
            for (const char *c = (const char *)prev->content; *c; c++)
                if (!sl_html_is_space(*c))
                    return 0;
        }
        if (!runs_in_line(x->parent))
            return 1;
    }
    return 1;
}

/* The first short text after the headline that reads as a date, and the
 * first that opens a byline with a name ("By Jane Doe"), or follows one
 * without ("By <a>Jane Doe</a>", "<p>Written by</p><p>Jane Doe</p>"). */
static void read_text_after_h1(const xmlNode *n, const char *s, page_meta *m)
{
    if (!m->n_h1 || m->texts_after_h1 >= TEXT_DATE_NODES)
        return;
    char iso[SL_ISO_DATE_SIZE];
    m->texts_after_h1++;
    if (!m->date_text && strnlen(s, TEXT_DATE_BYTES + 1) <= TEXT_DATE_BYTES && sl_date_to_iso(s, 1, iso))
        m->date_text = s;
    const char *name = m->by_text || m->in_thread ? NULL : byline_lead(s);
    if (name && *name && !isupper((unsigned char)*name) && !opens_line(n))
        name = NULL;   /* "I'd be embarrassed <em>too</em> by this.": prose, not a byline */
    if (name && *name)
        m->by_text = s;
    else if (!m->by_text && m->by_lead && !m->in_thread)
        m->by_text = s;
    m->by_lead |= name != NULL;
}

/* Whether text s, its white space read as one space, is `part` (n bytes),
 * case ignored, of TEXT_HEADLINE_WORDS words or more. */
static int is_part(const char *part, size_t n, const char *s)
{
    int words = 1;
    size_t i = 0;
    while (*s) {
        if (sl_html_is_space(*s)) {
            while (sl_html_is_space(*s))
                s++;
            if (!*s)
                break;
            if (i >= n || part[i++] != ' ')
                return 0;
            words++;
        } else if (i >= n || tolower((unsigned char)*s++) != tolower((unsigned char)part[i++])) {
            return 0;
        }
    }
    return i == n && words >= TEXT_HEADLINE_WORDS;
}

/* A text the reader sees as a line of its own outside a link or a form
 * control: its element's only child. */
static int shown_alone(const xmlNode *n)
{
    static const char *const hidden[] = {"a", "title", "head", "option", "button", "label", "noscript"};
    if (n->prev || n->next)
        return 0;
    for (int up = 0; n && up < LINE_LEVELS; n = n->parent, up++)
        if (sl_html_is_tag_among(n, hidden, sizeof hidden / sizeof *hidden))
            return 0;
    return 1;
}

/* On a page without an <h1>, the text that is the headline stands for one:
 * the title candidates read it and the date and byline are looked for
 * after it. */
static int read_text_headline(xmlNode *n, const char *s, page_meta *m)
{
    if (m->n_h1 || !m->title_text || m->in_thread || !is_part(m->title_text, strlen(m->title_text), s) ||
        !shown_alone(n))
        return 0;
    m->h1s[m->n_h1++] = n->parent;
    return 1;
}

/* A text of the page: the thread starter's name, the date and byline after
 * the headline. */
static void read_text(xmlNode *n, page_meta *m)
{
    const char *s = (const char *)n->content;
    while (s && sl_html_is_space(*s))
        s++;
    if (!s || !*s)
        return;
    if (!m->starter)
        read_starter(s, m);
    if (!read_text_headline(n, s, m))
        read_text_after_h1(n, s, m);
}

/* Follows the walk in and out of the comment threads (in document order,
 * as the walk goes): a commenter's "Posted by Jean" is no byline. */
static void track_threads(xmlNode *n, const xmlNode *root, page_meta *m)
{
    if (m->in_thread && n == m->thread_end)
        m->in_thread = 0;
    if (!m->in_thread && m->threads && m->next_thread < m->threads->n && n == m->threads->items[m->next_thread]) {
        m->next_thread++;
        m->in_thread = 1;
        m->thread_end = sl_html_next(n, root, 0);
    }
}

/* An element that names the author (a byline) or the date by its class,
 * id or attributes. */
static void read_named(xmlNode *n, page_meta *m)
{
    int want_author = m->n_bylines < BYLINE_MAX, want_date = !m->date_main || !m->date_any;
    if (!want_author && !want_date)
        return;
    class_words w;
    fold_class_words(n, &w);
    if (want_author && names_author(n, &w)) {
        if (!m->in_thread)
            m->bylines[m->n_bylines++] = n;
        if (want_date && names_date(&w))   /* "byline-date" */
            m->date_any = m->date_any ? m->date_any : n;
    } else if (want_date && names_date(&w)) {
        if (!m->date_main && sl_html_inside_article(n))
            m->date_main = n;
        if (!m->date_any)
            m->date_any = n;
    }
}

static int read_meta(xmlNode *root, page_meta *m)
{
    int rc = 0;
    m->lang = sl_html_attr(root, "lang");
    if (!m->lang || !*m->lang)
        m->lang = sl_html_attr(root, "xml:lang");
    for (xmlNode *n = root; n;) {
        int descend = n->type == XML_ELEMENT_NODE;
        track_threads(n, root, m);
        if (sl_html_is_tag(n, "meta")) {
            read_meta_tag(n, m);
        } else if (sl_html_is_tag(n, "title")) {
            if (!m->title && (rc = sl_html_node_text(n, &m->title_text)))
                return rc;
            if (!m->title && m->title_text)
                sl_title_longest_part(m->title_text);
            if (!m->title)
                m->title = n;
        } else if (sl_html_is_tag(n, "link") && sl_html_attr_is(n, "rel", "canonical")) {
            set_once(&m->canonical, sl_html_attr(n, "href"));
        } else if (sl_html_is_tag(n, "h1")) {
            if (m->n_h1 < H1_MAX)
                m->h1s[m->n_h1++] = n;
            if (!m->h1_main && sl_html_inside_article(n))
                m->h1_main = n;
        } else if (sl_html_is_tag(n, "time")) {
            const char *when = sl_html_attr(n, "datetime");
            if (when && *when && !m->time_main && sl_html_inside_article(n))
                m->time_main = when;
            set_once(&m->time_any, when);
            if ((!when || !*when) && !m->time_text)
                m->time_text = n;
        } else if (n->type == XML_TEXT_NODE) {
            read_text(n, m);
        } else if (sl_html_is_tag(n, "script")) {
            rc = is_json_ld(n) ? read_json_ld(n, m) : 0;
            if (rc)
                return rc;
            descend = 0;
        } else if (sl_html_is_tag(n, "style") || sl_html_is_tag(n, "svg") || sl_html_is_tag(n, "template")) {
            descend = 0;   /* an <svg> has <title>s of its own */
        } else if (n->type == XML_ELEMENT_NODE) {
            read_named(n, m);
        }
        n = sl_html_next(n, root, descend);
    }
    return 0;
}

/* A heading that names the site (a logo in an <h1>) is not the headline:
 * it equals og:site_name or the site part of <title>, or it is one word. */
static int names_site(const char *h1, const char *site, const char *title)
{
    const char *suffix = title ? sl_title_suffix(title) : NULL;
    return (site && !strcasecmp(h1, site)) || (suffix && !strcasecmp(h1, suffix)) || !strchr(h1, ' ');
}

/* A heading is the headline when it shares words with what the page says
 * its title is (og:title, <title>): two words of three letters or more, or
 * half of its words. "Contact Us" or "Open Menu" in an <h1> do not; with
 * neither title given, any heading does. */
static int matches_title(const char *h1, const char *og, const char *title)
{
    if (!og && !title)
        return 1;
    size_t words = 0, shared = 0;
    for (const char *p = h1; *p;) {
        while (*p && !isalnum((unsigned char)*p))
            p++;
        const char *w = p;
        while (*p && isalnum((unsigned char)*p))
            p++;
        size_t n = (size_t)(p - w);
        if (n < 3 || words >= TITLE_WORDS)
            continue;
        words++;
        shared += (og && sl_html_has_word(og, w, n)) || (title && sl_html_has_word(title, w, n));
    }
    return shared >= 2 || (words && shared * 2 >= words);
}

/* A heading's text without the permalink mark documentation generators
 * put after it ("Logging HOWTO¶"). */
static int heading_text(xmlNode *h, char **out)
{
    int rc = sl_html_heading_text(h, out);
    size_t n = !rc && *out ? strlen(*out) : 0;
    while (n >= 2 && !memcmp(*out + n - 2, "\xC2\xB6", 2)) {
        n -= 2;
        while (n && (*out)[n - 1] == ' ')
            n--;
        (*out)[n] = '\0';
    }
    return rc;
}

/* The visible headline, an <h1> (the article's first), unless it names the
 * site; else og:title, else the title of <title>, without the site's name. */
static int pick_title(page_meta *m, char **out)
{
    char *site = NULL, *title = NULL;
    int rc = m->site_name ? sl_html_dup_collapsed(m->site_name, &site) : 0;
    if (!rc && m->title)
        rc = sl_html_node_text(m->title, &title);
    for (int i = -1; !rc && !*out && i < m->n_h1; i++) {
        xmlNode *h = i < 0 ? m->h1_main : m->h1s[i];
        if (!h || (i >= 0 && h == m->h1_main) || (rc = heading_text(h, out)) || !*out)
            continue;
        if (names_site(*out, site, title) || !matches_title(*out, m->og_title, title)) {
            free(*out);
            *out = NULL;
        }
    }
    if (!rc && !*out && m->og_title) {
        rc = sl_html_dup_collapsed(m->og_title, out);
        if (!rc && *out)
            sl_title_strip_site_suffix(*out, site);
    }
    if (!rc && !*out && title) {
        sl_title_strip_site_suffix(title, site);
        *out = title;
        title = NULL;
    }
    free(site);
    free(title);
    return rc;
}

/* A copy of `s` cut before its first separator (without a first part
 * that is the site's name) or, `first` false, before its last; NULL when
 * s is NULL or out of memory (*rc). */
static char *dup_part(const char *s, const sl_title_page *page, bool first, int *rc)
{
    char *copy = NULL;
    if (!s || *rc || (*rc = sl_html_dup_collapsed(s, &copy)) || !copy)
        return copy;
    if (first) {
        sl_title_skip_site(copy, page);
        sl_title_cut_first(copy);
    } else {
        sl_title_cut_last(copy);
    }
    return copy;
}

/* The page's title candidates (titles.c): the headline pick_title chose,
 * the first <h1>, <title> and og:title whole and before their first and
 * last separators, twitter:title. */
static int title_candidates(page_meta *m, const sl_title_page *page, char *c[SL_TITLE_SOURCES])
{
    int rc = pick_title(m, &c[SL_TITLE_PICKED]);
    if (!rc && m->n_h1)
        rc = heading_text(m->h1s[0], &c[SL_TITLE_H1]);
    if (!rc && m->title)
        rc = sl_html_node_text(m->title, &c[SL_TITLE_TITLE]);
    c[SL_TITLE_TITLE_FIRST] = dup_part(c[SL_TITLE_TITLE], page, true, &rc);
    c[SL_TITLE_TITLE_HEAD] = dup_part(c[SL_TITLE_TITLE], page, false, &rc);
    if (!rc && m->og_title)
        rc = sl_html_dup_collapsed(m->og_title, &c[SL_TITLE_OG]);
    c[SL_TITLE_OG_FIRST] = dup_part(c[SL_TITLE_OG], page, true, &rc);
    c[SL_TITLE_OG_HEAD] = dup_part(c[SL_TITLE_OG], page, false, &rc);
    if (!rc && m->twitter_title)
        rc = sl_html_dup_collapsed(m->twitter_title, &c[SL_TITLE_TWITTER]);
    for (int i = 0; i < SL_TITLE_SOURCES; i++)
        sl_title_tidy(&c[i]);
    return rc;
}

/* What the page says it is, as SL_TITLE_PAGE_* bits (titles.c). */
static unsigned page_kind(const page_meta *m)
{
    unsigned kind = m->ld_kind | (m->meta_date ? SL_TITLE_PAGE_PUBLISHED : 0);
    if (m->og_type && !strcasecmp(m->og_type, "article"))
        kind |= SL_TITLE_PAGE_ARTICLE;
    else if (m->og_type && !strncasecmp(m->og_type, "product", 7))
        kind |= SL_TITLE_PAGE_PRODUCT;
    else if (m->og_type && !strcasecmp(m->og_type, "website"))
        kind |= SL_TITLE_PAGE_WEBSITE;
    return kind;
}

/* What the page says of itself for titles.c: its kind and its site's names. */
static void title_page(const page_meta *m, sl_title_page *page)
{
    page->cues = page_kind(m);
    sl_title_site(page, m->site_name, m->og_url ? m->og_url : m->canonical);
}

/* The title, chosen among the candidates by the model of titles.c (fitted
 * on the WCXB dev pages of even id, the odd ones held out; figures in
 * docs/extraction.md). */
static int choose_title(page_meta *m, char **out)
{
    char *c[SL_TITLE_SOURCES] = {0};
    sl_title_page page;
    title_page(m, &page);
    int rc = title_candidates(m, &page, c);
    int best = rc ? -1 : sl_title_choose(c, &page);
    if (best >= 0)
        *out = c[best], c[best] = NULL;
    for (int i = 0; i < SL_TITLE_SOURCES; i++)
        free(c[i]);
    return rc;
}

/* Published, as ISO-8601: the article's own <meta> first, then JSON-LD, then
 * a <time datetime> (inside the article before any other: <time> also dates
 * comments and related links), then the text of a <time> or of an element
 * whose class names a date, and last the modification date (a page that
 * states only when it changed was published no later). */
static int pick_date(page_meta *m, char **out)
{
    const char *us = m->lang && !strncasecmp(m->lang, "en-us", 5) ? m->lang : NULL;
    const char *fixed[] = {m->meta_date, m->name_date, m->ld_date, m->time_main, m->time_any};
    xmlNode *nodes[] = {m->time_text, m->date_main, m->date_any};
    const char *late[] = {m->meta_modified, m->ld_modified};
    char iso[SL_ISO_DATE_SIZE];
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        if (fixed[i] && sl_date_to_iso(fixed[i], 1, iso))
            return (*out = sl_strdup(iso)) ? 0 : SL_ENOMEM;
    for (size_t i = 0; i < sizeof nodes / sizeof *nodes; i++) {
        char *text = NULL;
        int rc = nodes[i] ? sl_html_node_text(nodes[i], &text) : 0;
        int found = !rc && text && sl_date_to_iso(text, us || !m->lang, iso);
        free(text);
        if (rc || found)
            return rc ? rc : (*out = sl_strdup(iso)) ? 0 : SL_ENOMEM;
    }
    if (m->date_text && sl_date_to_iso(m->date_text, us || !m->lang, iso))
        return (*out = sl_strdup(iso)) ? 0 : SL_ENOMEM;
    for (size_t i = 0; i < sizeof late / sizeof *late; i++)
        if (late[i] && sl_date_to_iso(late[i], 1, iso))
            return (*out = sl_strdup(iso)) ? 0 : SL_ENOMEM;
    return 0;
}

/* A forum thread's starter (the first post's author: on a thread's later
 * pages, and where every post names its author, the bylines are replies');
 * the bylines' elements in order; then the byline text after the headline. */
static int pick_byline(page_meta *m, char **out)
{
    int rc = sl_html_byline_text_name(m->starter, out);
    for (int i = 0; i < m->n_bylines && !rc && !*out; i++)
        rc = sl_html_byline_name(m->bylines[i], out);
    if (!rc && !*out)
        rc = sl_html_byline_text_name(m->by_text, out);
    return rc;
}

static int fill_meta(page_meta *m, sl_extracted *out)
{
    int rc = choose_title(m, &out->title);
    if (!rc)
        rc = pick_date(m, &out->published);
    if (!rc && m->meta_author)
        rc = sl_html_dup_collapsed(m->meta_author, &out->author);
    if (!rc && !out->author && m->ld_author)
        rc = sl_html_dup_collapsed(m->ld_author, &out->author);
    if (!rc && !out->author)
        rc = pick_byline(m, &out->author);
    if (!rc && m->lang)
        rc = sl_html_dup_collapsed(m->lang, &out->lang);
    return rc;
}

int sl_html_read_meta(xmlNode *root, const sl_html_nodes *threads, sl_extracted *out)
{
    page_meta meta;
    memset(&meta, 0, sizeof meta);
    meta.threads = threads;
    int rc = read_meta(root, &meta);
    if (!rc)
        rc = fill_meta(&meta, out);
    meta_free(&meta);
    return rc;
}

int sl_html_read_titles(xmlNode *root, char *c[SL_TITLE_SOURCES], sl_title_page *page)
{
    page_meta m;
    memset(&m, 0, sizeof m);
    memset(c, 0, SL_TITLE_SOURCES * sizeof *c);
    memset(page, 0, sizeof *page);
    int rc = read_meta(root, &m);
    if (!rc)
        title_page(&m, page);
    if (!rc)
        rc = title_candidates(&m, page, c);
    for (int i = 0; rc && i < SL_TITLE_SOURCES; i++) {
        free(c[i]);
        c[i] = NULL;
    }
    meta_free(&m);
    return rc;
}
