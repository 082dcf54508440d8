/* extract.c — the public extraction API (`storyline extract`): one page to
 * title, author, date, language and clean body, without a store. Pages come
 * from files, standard input ("-"), WARC files or URLs (fetched with the
 * fetcher's rules). The body goes through the same UTF-8 repair and
 * normalisation as ingest; plain text gets ingest's line-based chrome
 * removal too (without the store's repeated-line counts). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "ingest/ingest.h"
#include "text/text.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/gzfile.h"
#include "util/json_out.h"
#include "util/path.h"

struct sl_extractor {
    sl_langid *langid;   /* made on first use: only pages without <html lang> need it */
    sl_buf why, repaired, normalized;
    sl_cleaned cleaned;
    int allow_private;   /* URLs may lead to loopback and private addresses */
};

int sl_extractor_new(sl_extractor **out)
{
    *out = sl_calloc(1, sizeof **out);
    return *out ? 0 : SL_ENOMEM;
}

void sl_extractor_free(sl_extractor *x)
{
    if (!x)
        return;
    sl_langid_free(x->langid);
    sl_buf_free(&x->why);
    sl_buf_free(&x->repaired);
    sl_buf_free(&x->normalized);
    sl_cleaned_free(&x->cleaned);
    free(x);
}

void sl_extractor_allow_private(sl_extractor *x, int allow) { x->allow_private = allow; }

void sl_page_clear(sl_page *p)
{
    if (!p)
        return;
    free(p->title);
    free(p->author);
    free(p->published);
    free(p->lang);
    free(p->text);
    memset(p, 0, sizeof *p);
}

/* "en-GB" -> "en": the primary subtag, lower case; NULL when not a tag. */
static char *primary_subtag(const char *tag)
{
    size_t n = 0;
    while (n < 8 && isalpha((unsigned char)tag[n]))
        n++;
    if (n < 2 || n > 3)
        return NULL;
    char *s = sl_strndup(tag, n);
    for (size_t i = 0; s && i < n; i++)
        s[i] = (char)tolower((unsigned char)s[i]);
    return s;
}

static int fail(sl_extractor *x, int rc, const char *reason)
{
    sl_buf_clear(&x->why);
    sl_buf_puts(&x->why, reason);
    return rc;
}

/* Text UTF-8 repaired and normalised as ingest does, into x->normalized. */
static int normalize(sl_extractor *x, const char *text, size_t len)
{
    sl_buf_clear(&x->repaired);
    sl_utf8_repair(text, len, &x->repaired);
    sl_buf_clear(&x->normalized);
    int rc = x->repaired.err ? x->repaired.err
                             : sl_text_normalize(sl_buf_cstr(&x->repaired), x->repaired.len, &x->normalized);
    if (rc == SL_ENOMEM)
        return fail(x, rc, "out of memory normalising the text");
    if (rc)
        return fail(x, SL_ETOOLARGE, "text too large to normalise");
    if (!x->normalized.len)
        return fail(x, SL_EBADINPUT, "no article text found");
    return 0;
}

/* The page's language when it did not state one ("und" without a body). */
static int detect_lang(sl_extractor *x, sl_page *out)
{
    if (out->lang)
        return 0;
    if (!out->text) {
        out->lang = sl_strdup("und");
        return out->lang ? 0 : fail(x, SL_ENOMEM, "out of memory");
    }
    if (!x->langid)
        x->langid = sl_langid_new();
    const char *lang = x->langid ? sl_lang_detect(x->langid, out->text, strlen(out->text)) : "und";
    out->lang = sl_strdup(lang);
    return out->lang ? 0 : fail(x, SL_ENOMEM, "out of memory");
}

/* A line chrome.c takes out as furniture wherever it stands: mostly
 * interface words ("Print this story | Email a friend"), a copyright notice. */
static int furniture_line(const char *reason)
{
    return reason == sl_chrome_interface || reason == sl_chrome_notice;
}

/* The length of a page's text without its tail of furniture lines, as
 * chrome.c judges them; the whole length when nothing would be left. A
 * line it takes out only for standing after the article's last paragraph
 * stays: taking those too lowered WCXB all pages, even ids, 0.8205 ->
 * 0.8181 (docs/extraction.md, thirty-third round, second part). */
static size_t without_furniture_tail(sl_extractor *x, const char *text, size_t len)
{
    if (sl_chrome_clean(text, len, NULL, 0, &x->cleaned))
        return len;
    size_t end = len;
    for (size_t i = x->cleaned.removed.n; i-- > 0;) {
        const sl_chrome_line *l = &x->cleaned.removed.items[i];
        size_t gap = l->end;
        while (gap < end && (text[gap] == ' ' || text[gap] == '\n'))
            gap++;
        if (gap < end || !furniture_line(l->reason))
            break;
        end = l->start;
    }
    while (end && (text[end - 1] == ' ' || text[end - 1] == '\n'))
        end--;
    return end ? end : len;
}

/* An HTML page: no line-based chrome removal but of the furniture lines
 * that end it, since on pages the tree-based choice is better informed (it
 * cost 0.013 F1 on Zyte and 0.008 on WCXB, removing table rows and short
 * paragraphs before the last long one).
 * A page without article text (SL_EBADINPUT) keeps its metadata, text NULL. */
static int extract_html(sl_extractor *x, const char *html, size_t len, const char *charset, sl_page *out)
{
    sl_extracted ex;
    int rc = sl_html_extract(html, len, charset, &ex, &x->why);
    if (!rc)
        rc = normalize(x, ex.text, strlen(ex.text));
    if (!rc && !(out->text = sl_strndup(x->normalized.ptr, without_furniture_tail(x, x->normalized.ptr, x->normalized.len))))
        rc = fail(x, SL_ENOMEM, "out of memory");
    if (!rc || rc == SL_EBADINPUT) {
        out->title = ex.title, ex.title = NULL;
        out->author = ex.author, ex.author = NULL;
        out->published = ex.published, ex.published = NULL;
        out->lang = ex.lang ? primary_subtag(ex.lang) : NULL;
    }
    sl_extracted_clear(&ex);
    return rc;
}

/* Plain text: the lines ingest would take out as chrome are taken out here
 * too, and a headline-like first line is the title, as in ingest. */
static int extract_text(sl_extractor *x, const char *text, size_t len, sl_page *out)
{
    int rc = normalize(x, text, len);
    if (rc)
        return rc;
    if ((rc = sl_chrome_clean(x->normalized.ptr, x->normalized.len, NULL, 1, &x->cleaned)))
        return fail(x, rc, "out of memory");
    if (!x->cleaned.text.len)
        return fail(x, SL_EBADINPUT, "no article text (every line is page chrome)");
    out->text = sl_strndup(x->cleaned.text.ptr, x->cleaned.text.len);
    if (x->cleaned.title.len)
        out->title = sl_strndup(x->cleaned.title.ptr, x->cleaned.title.len);
    return out->text && (out->title || !x->cleaned.title.len) ? 0 : fail(x, SL_ENOMEM, "out of memory");
}

/* The page's language when it has text, or is an HTML page without article
 * text (`no_body`: its metadata is kept); any other failure clears the page.
 * So the pages `sl_page_fn` is given are those with a language (page_shown). */
static int finish_page(sl_extractor *x, int rc, int no_body, sl_page *out)
{
    if (out->title)
        sl_title_cap(out->title);
    if (!rc || no_body) {
        int lang_rc = detect_lang(x, out);
        rc = lang_rc ? lang_rc : rc;
    }
    if (rc && !(no_body && rc == SL_EBADINPUT))
        sl_page_clear(out);
    return rc;
}

static const sl_page *page_shown(int rc, const sl_page *page)
{
    return !rc || (rc == SL_EBADINPUT && page->lang) ? page : NULL;
}

/* One input of format `f` (sl_format_detect's verdict on it), as ingest
 * reads it: an HTML page or text. */
static int extract_format(sl_extractor *x, sl_format f, const char *data, size_t len,
                          const char *charset, sl_page *out)
{
    memset(out, 0, sizeof *out);
    const char *warc = sl_warc_refused(data, len);   /* a file of it went to each_warc */
    int rc;
    if (warc)
        rc = fail(x, SL_EBADINPUT, warc);
    else if (f == SL_FORMAT_HTML)
        rc = extract_html(x, data, len, charset, out);
    else if (f == SL_FORMAT_TEXT)
        rc = extract_text(x, data, len, out);
    else
        rc = fail(x, SL_EBADINPUT, f == SL_FORMAT_EMPTY    ? "empty input"
                                   : f == SL_FORMAT_BINARY ? "binary data, not a page or text"
                                                           : "a feed, JSON or JSONL file holds many articles: use ingest");
    return finish_page(x, rc, !warc && rc == SL_EBADINPUT && f == SL_FORMAT_HTML, out);
}

/* One input by its content, as ingest recognises it. */
static int extract_as(sl_extractor *x, const char *data, size_t len, const char *charset, sl_page *out)
{
    return extract_format(x, sl_format_detect(data, len), data, len, charset, out);
}

int sl_extract_page(sl_extractor *x, const char *html, size_t len, sl_page *out)
{
    return extract_as(x, html, len, NULL, out);
}

int sl_input_article(const char *data, size_t len, sl_page *out)
{
    return sl_input_article_as(sl_format_detect(data, len), data, len, out);
}

int sl_input_article_as(sl_format f, const char *data, size_t len, sl_page *out)
{
    memset(out, 0, sizeof *out);
    if (f != SL_FORMAT_HTML)
        return 0;
    sl_extractor *x;
    int rc = sl_extractor_new(&x);
    if (!rc)
        rc = extract_format(x, f, data, len, NULL, out);
    sl_extractor_free(x);
    if (rc) {
        sl_page_clear(out);
        return rc;
    }
    if (out->published && sl_date_day(out->published) == SL_NO_DAY) {   /* as sl_doc_set_published */
        free(out->published);
        out->published = NULL;
    }
    return 0;
}

int sl_input_prose(const char *data, size_t len, char **out, size_t *out_len)
{
    sl_page page;
    int rc = sl_input_article(data, len, &page);
    *out = page.text;
    *out_len = page.text ? strlen(page.text) : 0;
    page.text = NULL;
    sl_page_clear(&page);
    return rc;
}

/* Every HTML response of a WARC file, named FILE#RECORD (URI). */
static int each_warc(sl_extractor *x, const char *path, sl_page_fn on_page, void *ctx)
{
    sl_warc *w;
    int rc = sl_warc_open(path, &w);
    if (rc) {
        on_page(ctx, path, NULL, w ? sl_warc_why(w) : "out of memory");
        sl_warc_close(w);
        return rc == SL_ENOMEM ? rc : 0;
    }
    sl_warc_record rec;
    sl_buf name = SL_BUF_INIT;
    while ((rc = sl_warc_next(w, &rec)) != 0) {
        if (rc == SL_EBADINPUT) {
            on_page(ctx, path, NULL, sl_warc_why(w));
            continue;
        }
        if (!sl_warc_record_is_html(&rec))
            continue;
        sl_buf_clear(&name);
        sl_buf_printf(&name, "%s#%llu (%s)", path, (unsigned long long)rec.number, rec.uri);
        sl_page page = {0};
        rc = extract_html(x, rec.body, rec.body_len, *rec.charset ? rec.charset : NULL, &page);
        int no_body = rc == SL_EBADINPUT && sl_format_detect(rec.body, rec.body_len) == SL_FORMAT_HTML;
        rc = finish_page(x, rc, no_body, &page);
        if (rc == SL_ENOMEM)
            break;
        on_page(ctx, sl_buf_cstr(&name), page_shown(rc, &page), rc ? sl_buf_cstr(&x->why) : NULL);
        sl_page_clear(&page);
    }
    sl_buf_free(&name);
    sl_warc_close(w);
    return rc == SL_ENOMEM ? rc : 0;
}

/* ---- pages from URLs ---------------------------------------------------- */

typedef struct fetched {
    sl_extractor *x;
    const char *url;
    sl_page_fn on_page;
    void *ctx;
    int rc;
} fetched;

static void on_fetched(void *ctx, size_t i, const sl_fetch_result *res)
{
    fetched *f = ctx;
    (void)i;
    if (res->error) {
        f->on_page(f->ctx, f->url, NULL, res->error);
        return;
    }
    sl_page page;
    int rc = extract_as(f->x, res->body, res->len, res->charset, &page);
    if (rc == SL_ENOMEM) {
        f->rc = rc;
        return;
    }
    f->on_page(f->ctx, f->url, page_shown(rc, &page), rc ? sl_buf_cstr(&f->x->why) : NULL);
    sl_page_clear(&page);
}

/* A URL is fetched as ingest fetches: robots.txt, time-outs, the size cap,
 * and no private addresses unless allowed. */
static int each_url(sl_extractor *x, const char *url, sl_page_fn on_page, void *ctx)
{
    sl_fetch_options fo = {.allow_private = x->allow_private};
    fetched f = {x, url, on_page, ctx, 0};
    int rc = sl_fetch_all(&url, 1, &fo, on_fetched, &f);
    return rc ? rc : f.rc;
}

static int is_url(const char *s) { return !strncmp(s, "http://", 7) || !strncmp(s, "https://", 8); }

int sl_extract_each(sl_extractor *x, const char *path, sl_page_fn on_page, void *ctx)
{
    if (is_url(path))
        return each_url(x, path, on_page, ctx);
    char head[8];
    /* A stream (standard input, a pipe: `extract <(zcat page.gz)`) cannot be
     * peeked at and then read from its start: its bytes once read are gone.
     * It is read once, as a page or text. */
    int gzipped, got = sl_path_is_stream(path) ? 0 : sl_gz_peek(path, head, sizeof head, &gzipped);
    if (got > 0 && sl_warc_sniff(head, (size_t)got))
        return each_warc(x, path, on_page, ctx);   /* streamed, never read whole */
    sl_buf data;
    sl_page page = {0};
    int rc = sl_gz_read_file(path, SL_PAGE_MAX, &data, &x->why);
    if (!rc)
        rc = extract_as(x, data.ptr, data.len, NULL, &page);
    sl_buf_free(&data);
    if (rc == SL_ENOMEM)
        return rc;
    on_page(ctx, path, page_shown(rc, &page), rc ? sl_buf_cstr(&x->why) : NULL);
    sl_page_clear(&page);
    return 0;
}
