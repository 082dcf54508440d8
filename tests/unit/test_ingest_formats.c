/* test_ingest_formats.c — unit tests of the ingest formats: detection by
 * content (format.c) and the first HTML extractor (html.c), on invented
 * pages under tests/fixtures/ingest/ (JSONL records: test_ingest_jsonl.c). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "page_extract.h"
#include "test.h"

#define FIXTURES "tests/fixtures/ingest/"

static sl_format detect(const char *s) { return sl_format_detect(s, strlen(s)); }

static sl_format detect_file(const char *path)
{
    size_t len;
    char *data = sl_test_read_file(path, &len);
    sl_format f = sl_format_detect(data, len);
    free(data);
    return f;
}

static int valid_utf8(const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; s[i];) {
        unsigned char c = s[i];
        size_t need = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (!need)
            return 0;
        for (size_t k = 1; k < need; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
        i += need;
    }
    return 1;
}

/* The shape every extracted text must have: valid UTF-8, paragraphs apart
 * by exactly one blank line, no blank line at either end, no line of only
 * spaces, no space at a line's ends. */
static int well_formed(const char *text)
{
    size_t n = text ? strlen(text) : 0;
    if (!n || !valid_utf8(text) || text[0] == '\n' || text[n - 1] == '\n' || strstr(text, "\n\n\n"))
        return 0;
    if (text[0] == ' ' || text[n - 1] == ' ' || strstr(text, " \n") || strstr(text, "\n "))
        return 0;
    return 1;
}

static int extract_str(const char *html, sl_extracted *out) { return page_extract(html, strlen(html), out); }

static int extract_file(const char *path, sl_extracted *out)
{
    size_t len;
    char *data = sl_test_read_file(path, &len);
    int rc = page_extract(data, len, out);
    free(data);
    return rc;
}

static int has(const char *text, const char *part) { return text && strstr(text, part) != NULL; }

/* ---- format detection ----------------------------------------------------- */

TEST(format_empty_and_blank)
{
    CHECK_INT(sl_format_detect("", 0), SL_FORMAT_EMPTY);
    CHECK_INT(sl_format_detect(NULL, 0), SL_FORMAT_EMPTY);
    CHECK_INT(detect(" \n\t\r\n  \n"), SL_FORMAT_EMPTY);
    CHECK_INT(detect("\xEF\xBB\xBF  \n"), SL_FORMAT_EMPTY);
}

TEST(format_binary)
{
    CHECK_INT(sl_format_detect("plain words\0more words", 22), SL_FORMAT_BINARY);
    CHECK_INT(sl_format_detect("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8), SL_FORMAT_BINARY);
    CHECK_INT(detect("%PDF-1.7\n%more text that looks like text\n"), SL_FORMAT_BINARY);
    CHECK_INT(detect("\x89PNG\r\n\x1a\n"), SL_FORMAT_BINARY);
    CHECK_INT(detect("PK\x03\x04" "docx inside"), SL_FORMAT_BINARY);
    /* high bytes that never form UTF-8, with control bytes among them */
    char noise[400];
    for (size_t i = 0; i < sizeof noise - 1; i++)
        noise[i] = (char)(i % 3 == 0 ? 0x9c : i % 3 == 1 ? 0x01 : 'a');
    noise[sizeof noise - 1] = '\0';
    CHECK_INT(detect(noise), SL_FORMAT_BINARY);
}

/* The share of bytes that are no text decides binary at its bound (more
 * than 3 in 10), wherever they fall against the eight-byte words the scan
 * skips (format.c's undecodable): C0 controls, DEL, stray continuation
 * bytes; whole UTF-8 characters and white space are text. */
static sl_format with_bad_bytes(size_t shift, size_t bad, const char *bad_byte)
{
    char s[128];
    size_t n = 100;
    memset(s, 'a', n);
    for (size_t k = 0; k < bad; k++)
        s[(shift + k * 3) % n] = bad_byte[0];
    s[n] = '\0';
    return detect(s);
}

TEST(format_binary_share_at_every_offset)
{
    for (size_t shift = 0; shift < 16; shift++) {
        CHECK_INT(with_bad_bytes(shift, 30, "\x01"), SL_FORMAT_TEXT);
        CHECK_INT(with_bad_bytes(shift, 31, "\x01"), SL_FORMAT_BINARY);
        CHECK_INT(with_bad_bytes(shift, 30, "\x7f"), SL_FORMAT_TEXT);
        CHECK_INT(with_bad_bytes(shift, 31, "\x7f"), SL_FORMAT_BINARY);
        CHECK_INT(with_bad_bytes(shift, 31, "\x9c"), SL_FORMAT_BINARY);
        CHECK_INT(with_bad_bytes(shift, 33, "\n"), SL_FORMAT_TEXT);
        CHECK_INT(with_bad_bytes(shift, 33, "\t"), SL_FORMAT_TEXT);
    }
    /* two-byte characters across word edges: text; their lead bytes alone: not */
    char s[128];
    for (size_t shift = 0; shift < 8; shift++) {
        memset(s, 'e', 120);
        for (size_t i = shift; i + 1 < 120; i += 5) {
            s[i] = '\xc3';
            s[i + 1] = '\xa9';
        }
        s[120] = '\0';
        CHECK_INT(detect(s), SL_FORMAT_TEXT);
        for (size_t i = shift; i + 1 < 120; i += 5)
            s[i + 1] = 'e';
        CHECK_INT(detect(s), SL_FORMAT_TEXT);   /* 24 of 120: 20%, under the bound */
        for (size_t i = shift + 2; i + 1 < 120; i += 5)
            s[i] = '\xa9';
        CHECK_INT(detect(s), SL_FORMAT_BINARY); /* 48 of 120 */
    }
}

/* A known tag, in capitals or not, makes a fragment HTML (format.c's
 * binary search finds them); a company code in angle brackets, as Reuters
 * writes them, is no tag. */
TEST(format_known_tags_in_any_case)
{
    /* the ends of format.c's sorted list, and neighbours that share a prefix */
    static const char *const tags[] = {"a", "abbr", "b", "blockquote", "dd", "div", "figcaption", "figure",
        "h1", "h6", "head", "header", "i", "iframe", "sub", "sup", "svg", "th", "thead", "u", "ul"};
    for (size_t k = 0; k < sizeof tags / sizeof *tags; k++) {
        char page[256], upper[16];
        size_t n = strlen(tags[k]);
        for (size_t c = 0; c <= n; c++)
            upper[c] = (char)(tags[k][c] >= 'a' && tags[k][c] <= 'z' ? tags[k][c] - 0x20 : tags[k][c]);
        snprintf(page, sizeof page, "Words first. <%s>one</%s> <%s >two <%s/> end", tags[k], upper, upper,
                 tags[k]);
        if (detect(page) != SL_FORMAT_HTML)
            sl_test_fail(__FILE__, __LINE__, "<%s> not a known tag", tags[k]);
    }
    CHECK_INT(detect("Shares of <ABC> rose. <XYZ Corp> and <DEF> and <GHI>, <BIG> said.\n"), SL_FORMAT_TEXT);
    CHECK_INT(detect("A <divx> <spans> <tablet> <ul1> <h7> story"), SL_FORMAT_TEXT);
}

TEST(format_latin1_prose_is_text)
{
    CHECK_INT(detect("La r\xe9gate de Port-S\xe9lune a \xe9t\xe9 annul\xe9" "e samedi.\n"), SL_FORMAT_TEXT);
}

TEST(format_jsonl)
{
    CHECK_INT(detect("{\"text\": \"a\"}\n{\"text\": \"b\"}\n"), SL_FORMAT_JSONL);
    CHECK_INT(detect("\n\n  {\"id\":1,\"text\":\"x\"}"), SL_FORMAT_JSONL);
    CHECK_INT(detect("{ \"id\" : 7, broken later"), SL_FORMAT_JSONL);
    CHECK_INT(detect("{}\n"), SL_FORMAT_JSONL);
    CHECK_INT(detect("\xEF\xBB\xBF{\"text\":\"with a BOM\"}"), SL_FORMAT_JSONL);
    CHECK_INT(detect_file(FIXTURES "articles.jsonl"), SL_FORMAT_JSONL);
}

TEST(format_html_document)
{
    CHECK_INT(detect("<!DOCTYPE html>\n<html><body><p>x</p></body></html>"), SL_FORMAT_HTML);
    CHECK_INT(detect("\xEF\xBB\xBF\n<!-- cached copy -->\n<!doctype HTML><title>t</title>"), SL_FORMAT_HTML);
    CHECK_INT(detect("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"), SL_FORMAT_HTML);
    CHECK_INT(detect("  <HTML lang=en><HEAD>"), SL_FORMAT_HTML);
    CHECK_INT(detect_file(FIXTURES "news_page.html"), SL_FORMAT_HTML);
    CHECK_INT(detect_file(FIXTURES "latin1_page.html"), SL_FORMAT_HTML);
    CHECK_INT(detect_file(FIXTURES "broken.html"), SL_FORMAT_HTML);
    /* behind more blank lines than the prefix holds (a template's includes) */
    char late[6000 + 64];
    memset(late, '\n', 6000);
    strcpy(late + 6000, "<!DOCTYPE html><html><body><p>x</p></body></html>");
    CHECK_INT(detect(late), SL_FORMAT_HTML);
    strcpy(late + 6000, "Plain prose after blank lines.");
    CHECK_INT(detect(late), SL_FORMAT_TEXT);
}

/* A page saved as UTF-16 with its BOM is HTML (charset.c decodes it), and
 * its text comes out; UTF-16 that is not markup stays binary. */
TEST(format_html_utf16)
{
    const char *page = "<html><head><title>Harbour wall holds</title></head><body><p>The harbour wall at "
                       "Larkmouth held through the night as the storm surge peaked at high tide.</p></body></html>";
    char wide[512];
    for (int be = 0; be < 2; be++) {
        size_t n = 0;
        wide[n++] = (char)(be ? 0xFE : 0xFF);
        wide[n++] = (char)(be ? 0xFF : 0xFE);
        for (const char *c = page; *c; c++) {
            wide[n++] = be ? '\0' : *c;
            wide[n++] = be ? *c : '\0';
        }
        CHECK_INT(sl_format_detect(wide, n), SL_FORMAT_HTML);
        sl_extracted e = {0};
        CHECK_INT(page_extract(wide, n, &e), 0);
        CHECK(has(e.text, "The harbour wall at Larkmouth held"));
        CHECK_STR(e.title, "Harbour wall holds");
        sl_extracted_clear(&e);
    }
    CHECK_INT(sl_format_detect("\xFF\xFEp\0l\0a\0i\0n\0 \0w\0o\0r\0d\0s\0", 22), SL_FORMAT_BINARY);
}

TEST(format_html_fragment)
{
    CHECK_INT(detect("<p>First paragraph.</p>\n<p>Second paragraph.</p>"), SL_FORMAT_HTML);
    CHECK_INT(detect("Council meets tonight.\n<p>The agenda has <b>four</b> items.</p>\n<p>Doors open at "
                     "<i>seven</i>.</p>\n"),
              SL_FORMAT_HTML);
}

TEST(format_text)
{
    CHECK_INT(detect_file(FIXTURES "plain_article.txt"), SL_FORMAT_TEXT);
    CHECK_INT(detect("\"We will rebuild the pier,\" the mayor said on Friday.\n"), SL_FORMAT_TEXT);
    CHECK_INT(detect("{Corrected} The council vote was 7-2, not 9-0.\n"), SL_FORMAT_TEXT);
    CHECK_INT(detect("[Updated 10:32] Ferries are running again.\n"), SL_FORMAT_TEXT);
    CHECK_INT(detect("<<< BREAKING >>> Bridge closed.\n"), SL_FORMAT_TEXT);
    CHECK_INT(detect("Turnout was <40% in the east ward and <30% in the west.\n"), SL_FORMAT_TEXT);
    CHECK_INT(detect("Plain prose, one line"), SL_FORMAT_TEXT);
}

TEST(format_names)
{
    CHECK_STR(sl_format_name(SL_FORMAT_EMPTY), "empty");
    CHECK_STR(sl_format_name(SL_FORMAT_BINARY), "binary");
    CHECK_STR(sl_format_name(SL_FORMAT_TEXT), "text");
    CHECK_STR(sl_format_name(SL_FORMAT_JSONL), "jsonl");
    CHECK_STR(sl_format_name(SL_FORMAT_HTML), "html");
}

/* ---- HTML ------------------------------------------------------------------- */

TEST(html_news_page)
{
    sl_extracted e = {0};
    CHECK_INT(extract_file(FIXTURES "news_page.html", &e), 0);
    CHECK_STR(e.title, "Larkmouth tidal barrier holds in its first winter storm");   /* og:title */
    CHECK_STR(e.published, "2031-11-14T07:45:00Z");
    CHECK_STR(e.author, "Orla Pendry");
    CHECK_STR(e.lang, "en-GB");
    CHECK(well_formed(e.text));
    /* body paragraphs, the subheading, the quote and the list */
    CHECK(!strncmp(e.text, "The new tidal barrier across the mouth of the River Lark", 56));
    CHECK(has(e.text, "\n\n\xe2\x80\x9c" "Exactly as designed\xe2\x80\x9d\n\n"));
    CHECK(has(e.text, "The barrier cost \xc2\xa3" "84 million"));
    CHECK(has(e.text, "Peak surge: 2.3 metres above normal high tide"));
    /* entities decoded, white space collapsed, &nbsp; a space */
    CHECK(has(e.text, "11.20pm, & water levels"));
    CHECK(has(e.text, "barrier\xe2\x80\x99s crest"));
    CHECK(has(e.text, "authority's chief engineer"));
    CHECK(has(e.text, "Caf\xc3\xa9 owner Benedikt Rauch"));
    CHECK(has(e.text, "they had slept through the storm"));
    CHECK(has(e.text, "2.3 metres on Thursday"));
    /* page furniture is gone */
    static const char *const gone[] = {
        "cookies", "Sport", "Home", "Share on", "Related stories", "Barrier gates lowered",
        "comments", "Great news", "spring tide", "Post comment", "Most read", "Ferry timetable",
        "morning briefing", "All rights reserved", "trackRead", "dataLayer", "font-family",
        "By Orla Pendry", "Larkmouth tidal barrier holds",   /* the header and its <h1> */
    };
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
        if (has(e.text, gone[i]))
            sl_test_fail(__FILE__, __LINE__, "kept \"%s\"", gone[i]);
    sl_extracted_clear(&e);
    CHECK(e.text == NULL && e.title == NULL);
}

TEST(html_title_suffix_and_json_ld)
{
    sl_extracted e = {0};
    CHECK_INT(extract_file(FIXTURES "jsonld_page.html", &e), 0);
    CHECK_STR(e.title, "Fenwick Valley orchard wins heritage apple award");
    CHECK_STR(e.published, "2030-09-03T16:10:00+01:00");
    CHECK_STR(e.author, "Idris Allonby, Marit Solheim");
    CHECK(e.lang == NULL);
    CHECK(well_formed(e.text));
    CHECK(!strncmp(e.text, "A family orchard at Low Fenwick", 31));
    CHECK(has(e.text, "the variety is never lost again."));
    CHECK(!has(e.text, "Popular") && !has(e.text, "Sheep show") && !has(e.text, "Advertise"));
    CHECK(!has(e.text, "Farming") && !has(e.text, "Letters to the editor"));
    int paragraphs = 1;
    for (const char *p = e.text; (p = strstr(p, "\n\n")); p += 2)
        paragraphs++;
    CHECK_INT(paragraphs, 4);
    sl_extracted_clear(&e);
}

TEST(html_title_sources)
{
    static const char *const body = "<p>The lifeboat crew were called out twice on Sunday afternoon.</p>";
    char page[512];
    sl_extracted e = {0};
    struct { const char *head, *title; } cases[] = {
        {"<title>Lifeboat busy weekend | Skerrow Gazette</title>", "Lifeboat busy weekend"},
        {"<title>Lifeboat busy weekend \xe2\x80\x94 Skerrow Gazette</title>", "Lifeboat busy weekend"},
        /* the part after the dash is longer than the rest: part of the title */
        {"<title>Storm - what the lifeboat crew saw on Sunday</title>", "Storm - what the lifeboat crew saw on Sunday"},
        /* og:site_name names the suffix whatever its length */
        {"<title>Crew - Skerrow and District Weekly Gazette and Advertiser</title>"
         "<meta property=\"og:site_name\" content=\"Skerrow and District Weekly Gazette and Advertiser\">",
         "Crew"},
        {"<title>  Lifeboat\n   busy weekend  </title>", "Lifeboat busy weekend"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        snprintf(page, sizeof page, "<html><head>%s</head><body>%s</body></html>", cases[i].head, body);
        CHECK_INT(extract_str(page, &e), 0);
        CHECK_STR(e.title, cases[i].title);
        sl_extracted_clear(&e);
    }
    /* an <h1> in the article that names the same story beats <title> */
    CHECK_INT(extract_str("<title>Hope crew honoured at last | Gazette</title><article><h1>Crew of <em>Hope</em> "
                          "honoured</h1><p>The crew of the lifeboat Hope received medals for a rescue in March.</p>"
                          "</article>",
                          &e),
              0);
    CHECK_STR(e.title, "Crew of Hope honoured");
    CHECK_STR(e.text, "The crew of the lifeboat Hope received medals for a rescue in March.");
    sl_extracted_clear(&e);
    /* an <h1> that shares no words with <title> is page furniture, not the headline */
    CHECK_INT(extract_str("<title>Lifeboat crew honoured | Gazette</title><h1>Contact us</h1>"
                          "<p>The crew of the lifeboat Hope received medals for a rescue in March.</p>",
                          &e),
              0);
    CHECK_STR(e.title, "Lifeboat crew honoured");
    sl_extracted_clear(&e);
}

TEST(html_written_dates_and_bylines)
{
    sl_extracted e = {0};
    static const char *const body = "<p>The harbour wall repairs finished two weeks ahead of schedule.</p>";
    struct { const char *page, *date, *author; } cases[] = {
        {"<p class=\"byline\">By Kit Arbery | Feb 14, 2029</p><p class=\"post-date\">Feb 14, 2029</p>",
         "2029-02-14", "Kit Arbery"},
        {"<span itemprop=\"author\">Written by Ana Reyes</span><time>14 February 2029 08:15</time>",
         "2029-02-14T08:15:00", "Ana Reyes"},
        /* day first outside US English; a biography is not a name */
        {"<html lang=\"en-GB\"><div class=\"author-bio\">Ana Reyes has covered the harbour for twenty years "
         "and writes about boats, tides, storms and the people who live by the sea.</div>"
         "<span class=\"date\">03/04/2029</span>", "2029-04-03", NULL},
        /* only the modification date: taken as the last resort */
        {"<meta property=\"article:modified_time\" content=\"2029-05-06T10:00:00Z\">", "2029-05-06T10:00:00Z",
         NULL},
    };
    char page[1024];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        snprintf(page, sizeof page, "%s%s", cases[i].page, body);
        CHECK_INT(extract_str(page, &e), 0);
        CHECK_STR(e.published, cases[i].date);
        if (cases[i].author)
            CHECK_STR(e.author, cases[i].author);
        else
            CHECK(e.author == NULL);
        sl_extracted_clear(&e);
    }
    char iso[SL_ISO_DATE_SIZE];
    CHECK_INT(sl_date_to_iso("Tue, 19 Nov 2019 13:03:00 +0000", 1, iso), 1);
    CHECK_STR(iso, "2019-11-19T13:03:00+00:00");
    CHECK_INT(sl_date_to_iso("Thu, 02/13/2031 - 11:38", 1, iso), 1);
    CHECK_STR(iso, "2031-02-13T11:38:00");
    CHECK_INT(sl_date_to_iso("13/02/2031", 1, iso), 1);   /* 13 cannot be a month */
    CHECK_STR(iso, "2031-02-13");
    CHECK_INT(sl_date_to_iso("5 min read", 1, iso), 0);
    CHECK_INT(sl_date_to_iso("2031-02-30", 1, iso), 1);   /* ISO is kept as written */
}

TEST(html_dates)
{
    sl_extracted e = {0};
    CHECK_INT(extract_str("<head><meta name=\"date\" content=\" 2029-02-11 \"></head>"
                          "<p>The harbour wall repairs finished two weeks ahead of schedule.</p>", &e), 0);
    CHECK_STR(e.published, "2029-02-11");
    sl_extracted_clear(&e);
    CHECK_INT(extract_str("<head><meta name=\"pubdate\" content=\"2029-02-12\"></head>"
                          "<p>The harbour wall repairs finished two weeks ahead of schedule.</p>", &e), 0);
    CHECK_STR(e.published, "2029-02-12");
    sl_extracted_clear(&e);
    /* a <time> in the article beats one in a side list */
    CHECK_INT(extract_str("<div><time datetime=\"2001-01-01\">old</time></div><article>"
                          "<time datetime=\"2029-02-13T08:00\">13 Feb</time>"
                          "<p>The harbour wall repairs finished two weeks ahead of schedule.</p></article>", &e), 0);
    CHECK_STR(e.published, "2029-02-13T08:00");
    sl_extracted_clear(&e);
    /* the article's own meta beats everything */
    CHECK_INT(extract_str("<head><meta property=\"article:published_time\" content=\"2029-02-14\">"
                          "<script type=\"application/ld+json\">{\"datePublished\": \"2000-01-01\"}</script></head>"
                          "<p>The harbour wall repairs finished two weeks ahead of schedule.</p>", &e), 0);
    CHECK_STR(e.published, "2029-02-14");
    sl_extracted_clear(&e);
    /* JSON-LD wrapped in a comment, author as a plain object */
    CHECK_INT(extract_str("<script type=\"application/ld+json\"><!-- {\"@type\": \"NewsArticle\", "
                          "\"datePublished\": \"2029-02-15\", \"author\": {\"@type\": \"Person\", \"name\": "
                          "\"Kit Arbery\"}} --></script>"
                          "<p>The harbour wall repairs finished two weeks ahead of schedule.</p>", &e), 0);
    CHECK_STR(e.published, "2029-02-15");
    CHECK_STR(e.author, "Kit Arbery");
    sl_extracted_clear(&e);
    /* broken JSON-LD is skipped */
    CHECK_INT(extract_str("<script type=\"application/ld+json\">{\"datePublished\": </script>"
                          "<p>The harbour wall repairs finished two weeks ahead of schedule.</p>", &e), 0);
    CHECK(e.published == NULL);
    sl_extracted_clear(&e);
}

/* 100,000 nested <div>s: libxml2 stops at depth 256 without
 * XML_PARSE_HUGE, and a recursive walk would overflow the stack. */
TEST(html_deep_nesting)
{
    enum { DEPTH = 100000 };
    sl_buf page = SL_BUF_INIT;
    sl_buf_puts(&page, "<html><body>");
    for (int i = 0; i < DEPTH; i++)
        sl_buf_puts(&page, "<div>");
    sl_buf_puts(&page, "<p>The innermost paragraph of a very deep page still counts as text.</p>");
    for (int i = 0; i < DEPTH; i++)
        sl_buf_puts(&page, "</div>");
    sl_buf_puts(&page, "<p>And the paragraph after all of those divisions is kept as well.</p></body></html>");
    CHECK_INT(page.err, 0);
    double start = sl_test_cpu_seconds();
    sl_extracted e = {0};
    CHECK_INT(page_extract(page.ptr, page.len, &e), 0);
    double took = (sl_test_cpu_seconds() - start);
    CHECK(took < 10.0);   /* about 0.3 s in a sanitizer build */
    CHECK_STR(e.text, "The innermost paragraph of a very deep page still counts as text.\n\n"
                      "And the paragraph after all of those divisions is kept as well.");
    sl_extracted_clear(&e);

    /* never closed, with text at every level */
    sl_buf_clear(&page);
    for (int i = 0; i < DEPTH; i++)
        sl_buf_puts(&page, "<div class=x>level text ");
    start = sl_test_cpu_seconds();
    CHECK_INT(page_extract(page.ptr, page.len, &e), 0);
    CHECK((sl_test_cpu_seconds() - start) < 10.0);
    CHECK(has(e.text, "level text"));
    CHECK(well_formed(e.text));
    sl_extracted_clear(&e);
    sl_buf_free(&page);
}

TEST(html_no_text)
{
    sl_extracted e = {0};
    sl_buf why = SL_BUF_INIT;
    const char *pages[] = {
        "<html><head><title>Only a title</title></head></html>",
        "<html><body>   \n  </body></html>",
        "<html><body><script>var a = 'no text';</script><nav><a href=/>Home</a></nav></body></html>",
        "",
        "   ",
    };
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        CHECK_INT(sl_html_extract(pages[i], strlen(pages[i]), NULL, &e, &why), SL_EBADINPUT);
        CHECK_STR(sl_buf_cstr(&why), "no article text found");
        CHECK(e.text == NULL);
        /* a page without article text keeps its metadata (extract shows it) */
        CHECK(i == 0 ? e.title && !strcmp(e.title, "Only a title") : e.title == NULL);
        sl_extracted_clear(&e);
    }
    sl_buf_free(&why);
}

TEST(html_too_large)
{
    size_t len = ((size_t)50 << 20) + 1;
    char *big = malloc(len);
    CHECK(big != NULL);
    if (!big)
        return;
    memset(big, ' ', len);
    sl_extracted e = {0};
    sl_buf why = SL_BUF_INIT;
    CHECK_INT(sl_html_extract(big, len, NULL, &e, &why), SL_ETOOLARGE);
    CHECK_STR(sl_buf_cstr(&why), "larger than the 50 MB cap");
    free(big);
    sl_buf_free(&why);
}

TEST(html_latin1_with_meta_charset)
{
    sl_extracted e = {0};
    CHECK_INT(extract_file(FIXTURES "latin1_page.html", &e), 0);
    CHECK_STR(e.title, "F\xc3\xaate du port : la r\xc3\xa9gate annul\xc3\xa9" "e");
    CHECK(well_formed(e.text));
    CHECK(has(e.text, "H\xc3\xa9l\xc3\xa8ne Marchetti, pr\xc3\xa9sidente du comit\xc3\xa9"));
    CHECK(has(e.text, "\xc2\xab Nous avons pr\xc3\xa9" "f\xc3\xa9r\xc3\xa9"));
    CHECK(has(e.text, "Z\xc3\xbcrich"));
    sl_extracted_clear(&e);
}

TEST(html_charsets_without_declaration)
{
    sl_extracted e = {0};
    /* UTF-8 bytes, nothing declared: read as UTF-8, not Latin-1 */
    CHECK_INT(extract_str("<p>Cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e for the Z\xc3\xbcrich delegation at the harbour.</p>", &e), 0);
    CHECK_STR(e.text, "Cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e for the Z\xc3\xbcrich delegation at the harbour.");
    sl_extracted_clear(&e);
    /* windows-1252 bytes (curly quotes 0x93/0x94), nothing declared */
    CHECK_INT(extract_str("<p>\x93" "Caf\xe9 closed,\x94 said the owner of the harbour kiosk.</p>", &e), 0);
    CHECK_STR(e.text, "\xe2\x80\x9c" "Caf\xc3\xa9 closed,\xe2\x80\x9d said the owner of the harbour kiosk.");
    sl_extracted_clear(&e);
    /* declared UTF-8 with one broken byte: the rest survives */
    CHECK_INT(extract_str("<meta charset=\"UTF-8\"><p>Caf\xc3\xa9 and a broken \xff byte in a harbour story.</p>"
                          "<p>The second paragraph of the harbour story is intact.</p>", &e), 0);
    CHECK(has(e.text, "Caf\xc3\xa9 and a broken \xef\xbf\xbd byte"));
    CHECK(has(e.text, "second paragraph of the harbour story is intact."));
    sl_extracted_clear(&e);
    /* a UTF-16 page with its BOM */
    const char u16[] = "\xff\xfe<\0p\0>\0C\0a\0f\0\xe9\0 \0o\0p\0e\0n\0<\0/\0p\0>\0";
    CHECK_INT(page_extract(u16, sizeof u16 - 1, &e), 0);
    CHECK_STR(e.text, "Caf\xc3\xa9 open");
    sl_extracted_clear(&e);
    /* a NUL in the page is dropped, not the end of it */
    const char nul[] = "<p>Before the NUL\0 and after it, the harbour story goes on.</p>";
    CHECK_INT(page_extract(nul, sizeof nul - 1, &e), 0);
    CHECK_STR(e.text, "Before the NUL and after it, the harbour story goes on.");
    sl_extracted_clear(&e);
}

/* UTF-8 encoded a second time (read as windows-1252 or Latin-1 on the way)
 * is repaired; a single such run, or real Latin letters, stay as written. */
TEST(html_double_encoded_utf8)
{
    sl_extracted e = {0};
    /* "’" as "â€™" (windows-1252 read) and "é" as "Ã©", in title and body */
    CHECK_INT(extract_str("<meta charset=utf-8><title>The keeper\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s caf\xc3\x83\xc2\xa9</title>"
                          "<p>The keeper\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s caf\xc3\x83\xc2\xa9 on the pier opens again "
                          "in May, the harbour board said.</p>", &e), 0);
    CHECK_STR(e.title, "The keeper\xe2\x80\x99s caf\xc3\xa9");
    CHECK(has(e.text, "The keeper\xe2\x80\x99s caf\xc3\xa9 on the pier"));
    sl_extracted_clear(&e);
    /* "—" as "â" U+0080 U+0094 (Latin-1 read), twice */
    CHECK_INT(extract_str("<p>Tides \xc3\xa2\xc2\x80\xc2\x94 and the winds \xc3\xa2\xc2\x80\xc2\x94 kept the harbour "
                          "boats in port all week.</p>", &e), 0);
    CHECK_STR(e.text, "Tides \xe2\x80\x94 and the winds \xe2\x80\x94 kept the harbour boats in port all week.");
    sl_extracted_clear(&e);
    /* one run alone is left; so is "São Tomé", whose letters are followed by letters */
    CHECK_INT(extract_str("<p>The sign said caf\xc3\x83\xc2\xa9 in S\xc3\xa3o Tom\xc3\xa9 at the harbour.</p>", &e), 0);
    CHECK_STR(e.text, "The sign said caf\xc3\x83\xc2\xa9 in S\xc3\xa3o Tom\xc3\xa9 at the harbour.");
    sl_extracted_clear(&e);
}

TEST(html_broken_markup)
{
    sl_extracted e = {0};
    CHECK_INT(extract_file(FIXTURES "broken.html", &e), 0);
    CHECK_STR(e.title, "Mill fire contained overnight");
    CHECK(well_formed(e.text));
    CHECK(has(e.text, "Fire crews from three stations worked through the night"));
    CHECK(has(e.text, "No one was hurt."));
    CHECK(has(e.text, "converted into flats next spring"));
    CHECK(has(e.text, "Investigators will return on Monday"));
    CHECK(!has(e.text, "home"));
    sl_extracted_clear(&e);
    /* unclosed everything, stray closers, an unterminated comment */
    CHECK_INT(extract_str("</div></p><p>Lock keepers voted to strike over the new rota<b><i>, the union said<p>"
                          "Talks resume on Friday <!-- never closed", &e), 0);
    CHECK(has(e.text, "Lock keepers voted to strike over the new rota, the union said"));
    CHECK(well_formed(e.text));
    sl_extracted_clear(&e);
    /* a Flash advert's <embed> without an end tag, as pages of 2010 wrote
     * it (it has none in HTML): libxml2 2.9 nests the rest of the page in it */
    CHECK_INT(extract_str("<html><body><embed src=ad.swf width=300 height=250><h1>Locks reopen</h1><p>Lock keepers "
                          "went back to work on Monday after the union accepted the new rota.</p></body></html>",
                          &e), 0);
    CHECK(has(e.text, "Lock keepers went back to work on Monday"));
    sl_extracted_clear(&e);
}

/* A story of some 900 bytes after an element of `tag` left open (libxml2
 * 2.9 nests the rest of the page in it): whether the story is read. */
static int story_after_unclosed(const char *tag)
{
    static const char page[] =
        "<html><body><div class=top><a href=/>Home</a> <a href=/news>News</a></div><%s name=x>"
        "<h1>Bridge reopens</h1><p>The swing bridge over the Lune reopened to traffic on Monday, a month after a "
        "lorry struck its western pier during the night and cracked two of the bearings.</p><p>Divers from the "
        "county's contractor checked the footings at low tide and found no damage below the water line, the "
        "engineer in charge said.</p><p>Buses that had run a long way round by the ring road went back to their "
        "usual stops in the town centre the same afternoon.</p><p>Shopkeepers on the quay said trade had fallen by "
        "a third while the bridge was shut, and asked the council for a rates holiday.</p><p>The council said a "
        "height barrier would be put up on both approaches before the summer.</p><p>The lorry's driver, who was not "
        "hurt, told the police that his satellite navigation had sent him down the quay road by mistake.</p><p>The "
        "haulier has agreed to pay for the repairs, which came to a little under two hundred thousand pounds.</p>"
        "</body></html>";
    char html[sizeof page + 16];   /* room for the tag's name */
    snprintf(html, sizeof html, page, tag);
    sl_extracted e = {0};
    int read = extract_str(html, &e) == 0 && has(e.text, "Divers from the county's contractor checked") &&
               has(e.text, "height barrier would be put up") && !has(e.text, "News");
    sl_extracted_clear(&e);
    return read;
}

/* Each tag that used to take the page with it when left open. */
TEST(html_unclosed_map) { CHECK(story_after_unclosed("map")); }
TEST(html_unclosed_object) { CHECK(story_after_unclosed("object")); }
TEST(html_unclosed_svg) { CHECK(story_after_unclosed("svg")); }
TEST(html_unclosed_iframe) { CHECK(story_after_unclosed("iframe")); }
TEST(html_unclosed_audio) { CHECK(story_after_unclosed("audio")); }
TEST(html_unclosed_video) { CHECK(story_after_unclosed("video")); }
TEST(html_unclosed_canvas) { CHECK(story_after_unclosed("canvas")); }
TEST(html_unclosed_menu) { CHECK(story_after_unclosed("menu")); }
TEST(html_unclosed_figcaption) { CHECK(story_after_unclosed("figcaption")); }
TEST(html_unclosed_title) { CHECK(story_after_unclosed("title")); }

/* What those elements hold when closed stays out, however long; so does
 * what a <select> or a <template> holds, open or not (a browser does not
 * show it as the page's text either). */
TEST(html_dropped_content_stays_out)
{
    sl_extracted e = {0};
    char html[4096] = "<html><body><select name=country>";
    for (int i = 0; i < 30; i++)
        strcat(html, "<option>Republic of the Northern Harbour Islands</option>");
    strcat(html, "</select><figure><img src=a.jpg><figcaption>The swing bridge over the Lune seen from the quay at "
                 "low tide, with the cracked western pier on the left.</figcaption></figure><p>The swing bridge "
                 "over the Lune reopened to traffic on Monday, a month after a lorry struck its western pier.</p>"
                 "<template><p>Shopkeepers on the quay said trade had fallen by a third while the bridge was shut, "
                 "and asked the council for a rates holiday until the end of the year.</p></template>"
                 "</body></html>");
    CHECK_INT(extract_str(html, &e), 0);
    CHECK(has(e.text, "reopened to traffic on Monday"));
    CHECK(!has(e.text, "Northern Harbour"));
    CHECK(!has(e.text, "seen from the quay"));
    CHECK(!has(e.text, "Shopkeepers"));
    sl_extracted_clear(&e);
    CHECK(!story_after_unclosed("select"));
    CHECK(!story_after_unclosed("template"));
}

TEST(html_line_breaks_and_pre)
{
    sl_extracted e = {0};
    CHECK_INT(extract_str("<div>The ferry timetable for the winter<br>runs from November<br><br>"
                          "Tickets are sold at the harbour office only.</div>", &e), 0);
    CHECK_STR(e.text, "The ferry timetable for the winter\nruns from November\n\n"
                      "Tickets are sold at the harbour office only.");
    sl_extracted_clear(&e);
    CHECK_INT(extract_str("<article><p>The harbour master posted the tide table for the week:</p>"
                          "<pre>Mon  06:12\n\n\nTue  06:58\n</pre></article>", &e), 0);
    CHECK_STR(e.text, "The harbour master posted the tide table for the week:\n\nMon 06:12\nTue 06:58");
    sl_extracted_clear(&e);
}

TEST(html_boilerplate_rules)
{
    sl_extracted e = {0};
    /* a cue on a wrapper that holds the <h1> does not take the page with it */
    CHECK_INT(extract_str("<body><div class=\"page with-sidebar\"><h1>Pier reopens</h1>"
                          "<div class=\"body\"><p>The pier reopened on Saturday after a winter of repairs to its deck.</p>"
                          "<p style=\"display: none\">Hidden promotional text that no reader sees on the page.</p>"
                          "<p hidden>Another hidden paragraph that should never be extracted.</p>"
                          "<div class=\"share-tools\"><p>Share this story with your friends and family today.</p></div>"
                          "<p>Weekend visitors queued along the promenade to walk to the end of it.</p>"
                          "<ul><li><a href=/1>Read: pier history</a></li><li><a href=/2>Read: the repairs</a></li></ul>"
                          "</div></div></body>", &e), 0);
    CHECK_STR(e.text, "The pier reopened on Saturday after a winter of repairs to its deck.\n\n"
                      "Weekend visitors queued along the promenade to walk to the end of it.");
    sl_extracted_clear(&e);
    /* a page wrapped in one <form> (ASP.NET) keeps its article */
    CHECK_INT(extract_str("<body><form id=\"aspnetForm\"><h1>Council tax</h1><div id=\"content\">"
                          "<p>Council tax will rise by three per cent in April, the finance committee agreed.</p>"
                          "</div><form class=\"search\"><input name=q><p>Search the site</p></form></form></body>", &e), 0);
    CHECK_STR(e.text, "Council tax will rise by three per cent in April, the finance committee agreed.");
    sl_extracted_clear(&e);
    /* an opinion column is not a comment section */
    CHECK_INT(extract_str("<div class=\"commentary\"><p>In my view the harbour should stay open all winter long.</p></div>"
                          "<div class=\"comments\"><p>I disagree with every word of this column, as usual.</p></div>", &e), 0);
    CHECK_STR(e.text, "In my view the harbour should stay open all winter long.");
    sl_extracted_clear(&e);
    /* WordPress tag and category classes name topics, not furniture */
    CHECK_INT(extract_str("<div class=\"post hentry category-social-affairs tag-newsletter\">"
                          "<p>The parish newsletter will go digital from June, the vicar announced.</p></div>"
                          "<div class=\"social-links\"><p>Follow the parish on every platform you use today.</p></div>", &e), 0);
    CHECK_STR(e.text, "The parish newsletter will go digital from June, the vicar announced.");
    sl_extracted_clear(&e);
}

TEST(html_article_split_by_ad)
{
    sl_extracted e = {0};
    CHECK_INT(extract_str("<body><div id=\"links\"><a href=/a>One</a> <a href=/b>Two</a> <a href=/c>Three</a></div>"
                          "<div class=\"story\">"
                          "<div class=\"part\"><p>The lighthouse keeper's cottage will become a small museum, the trust said.</p>"
                          "<p>It will open at Easter with the original lamp and logbooks on show.</p></div>"
                          "<div class=\"slot\">Advertisement</div>"
                          "<div class=\"part\"><p>Volunteers are needed to guide visitors on weekend afternoons.</p></div>"
                          "</div></body>", &e), 0);
    CHECK(has(e.text, "The lighthouse keeper's cottage"));
    CHECK(has(e.text, "Volunteers are needed"));
    CHECK(!has(e.text, "Three"));
    CHECK(well_formed(e.text));
    sl_extracted_clear(&e);
}
