/* test_ingest_jsonl.c — unit tests of JSONL records (jsonl.c, record.c):
 * ingest's reader and the line filter's (dedup's), on the invented lines
 * of tests/fixtures/ingest/articles.jsonl. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ingest/ingest.h"
#include "test.h"

#define FIXTURES "tests/fixtures/ingest/"

static int has(const char *text, const char *part) { return text && strstr(text, part) != NULL; }

/* Line `no` (1-based) of the JSONL fixture, malloc'd, without its newline. */
static char *fixture_line(int no)
{
    char *all = sl_test_read_file(FIXTURES "articles.jsonl", NULL);
    char *line = all;
    for (int i = 1; i < no && line; i++) {
        line = strchr(line, '\n');
        line = line ? line + 1 : NULL;
    }
    char *copy = NULL;
    if (line) {
        size_t n = strcspn(line, "\n");
        copy = malloc(n + 1);
        if (copy) {
            memcpy(copy, line, n);
            copy[n] = '\0';
        }
    }
    free(all);
    return copy;
}

static int parse_fixture_line(int no, sl_record *r, sl_buf *why)
{
    char *line = fixture_line(no);
    int rc = line ? sl_jsonl_parse_line(line, strlen(line), r, why) : -100;
    free(line);
    return rc;
}

static int parse_str(const char *line, sl_record *r, sl_buf *why)
{
    return sl_jsonl_parse_line(line, strlen(line), r, why);
}

TEST(jsonl_good_record)
{
    sl_record r = {0};
    sl_buf why = SL_BUF_INIT;
    CHECK_INT(parse_fixture_line(1, &r, &why), 0);
    CHECK_STR(r.key, "ck-2041");
    CHECK_STR(r.url, "https://example.test/news/ferry");
    CHECK_STR(r.source, "Coastline Weekly");
    CHECK_STR(r.title, "Ferry returns to Skerrow");
    CHECK_STR(r.published, "2032-04-02");
    CHECK(has(r.text, "resumed sailings on Tuesday after a three-week refit.\n\nIslanders"));
    CHECK_INT(r.text_len, strlen(r.text));
    CHECK(r.html == NULL);
    sl_record_clear(&r);
    CHECK(r.text == NULL && r.key == NULL && r.text_len == 0);
    sl_buf_free(&why);
}

TEST(jsonl_numeric_id_and_date_alias)
{
    sl_record r = {0};
    CHECK_INT(parse_fixture_line(2, &r, NULL), 0);
    CHECK_STR(r.key, "90817");
    CHECK_STR(r.published, "2032-04-03T09:00:00Z");
    CHECK(r.title == NULL && r.url == NULL);
    sl_record_clear(&r);
    CHECK_INT(parse_str("{\"id\": -42, \"text\": \"negative ids are ids too\"}", &r, NULL), 0);
    CHECK_STR(r.key, "-42");
    sl_record_clear(&r);
    /* published wins over date; optional fields of the wrong type are ignored */
    CHECK_INT(parse_str("{\"published\": \"2032-01-01\", \"date\": \"1999-01-01\", \"title\": 5, "
                        "\"url\": null, \"id\": [1], \"text\": \"t\"}", &r, NULL), 0);
    CHECK_STR(r.published, "2032-01-01");
    CHECK(r.title == NULL && r.url == NULL && r.key == NULL);
    sl_record_clear(&r);
}

TEST(jsonl_missing_text)
{
    sl_record r = {0};
    sl_buf why = SL_BUF_INIT;
    CHECK_INT(parse_fixture_line(3, &r, &why), SL_EBADINPUT);
    CHECK_STR(sl_buf_cstr(&why), "no text or html field");
    CHECK(r.title == NULL && r.key == NULL);   /* nothing half-filled */
    CHECK_INT(parse_str("{\"text\": \"\", \"title\": \"empty body\"}", &r, &why), SL_EBADINPUT);
    CHECK_STR(sl_buf_cstr(&why), "no text or html field");
    CHECK_INT(parse_str("{\"text\": 12}", &r, &why), SL_EBADINPUT);
    CHECK_STR(sl_buf_cstr(&why), "field text or html is not a string");
    sl_buf_free(&why);
}

TEST(jsonl_invalid_json_gives_column)
{
    sl_record r = {0};
    sl_buf why = SL_BUF_INIT;
    CHECK_INT(parse_fixture_line(4, &r, &why), SL_EBADINPUT);
    CHECK(!strncmp(sl_buf_cstr(&why), "invalid JSON at column 47: ", 27));
    CHECK_INT(parse_str("{\"text\": \"caf\xc3\xa9\", oops}", &r, &why), SL_EBADINPUT);
    /* columns count characters (the é is one) and point at the token's end */
    CHECK(!strncmp(sl_buf_cstr(&why), "invalid JSON at column 21: ", 27));
    CHECK(has(sl_buf_cstr(&why), "oops"));
    CHECK_INT(parse_str("{\"text\": \"cut off", &r, &why), SL_EBADINPUT);
    CHECK(!strncmp(sl_buf_cstr(&why), "invalid JSON at column ", 23));
    CHECK_INT(parse_str("   ", &r, &why), SL_EBADINPUT);
    CHECK_STR(sl_buf_cstr(&why), "empty line");
    sl_buf_free(&why);
}

TEST(jsonl_not_an_object)
{
    sl_record r = {0};
    sl_buf why = SL_BUF_INIT;
    CHECK_INT(parse_fixture_line(5, &r, &why), SL_EBADINPUT);
    CHECK_STR(sl_buf_cstr(&why), "line is an array, not a JSON object");
    CHECK_INT(parse_str("\"just a string\"", &r, &why), SL_EBADINPUT);
    CHECK_STR(sl_buf_cstr(&why), "line is a string, not a JSON object");
    CHECK_INT(parse_str("42", &r, &why), SL_EBADINPUT);
    CHECK_STR(sl_buf_cstr(&why), "line is a number, not a JSON object");
    sl_buf_free(&why);
}

TEST(jsonl_html_field)
{
    sl_record r = {0};
    CHECK_INT(parse_fixture_line(6, &r, NULL), 0);
    CHECK(r.text == NULL);
    CHECK(has(r.html, "<p>A seal pup was found"));
    CHECK_INT(r.html_len, strlen(r.html));
    sl_record_clear(&r);
    /* both given: text wins, so that exactly one is set */
    CHECK_INT(parse_str("{\"text\": \"plain\", \"html\": \"<p>marked</p>\"}", &r, NULL), 0);
    CHECK_STR(r.text, "plain");
    CHECK(r.html == NULL);
    sl_record_clear(&r);
}

TEST(jsonl_unicode_escapes_and_nul)
{
    sl_record r = {0};
    CHECK_INT(parse_fixture_line(7, &r, NULL), 0);
    CHECK_STR(r.text, "Caf\xc3\xa9 owner Ren\xc3\xa9" "e said \xe2\x80\x9cwe are open\xe2\x80\x9d \xe2\x80\x94 and a NUL slipped in.");
    CHECK_INT(r.text_len, strlen(r.text));
    sl_record_clear(&r);
    /* a field that is nothing but NUL is absent */
    CHECK_INT(parse_str("{\"title\": \"\\u0000\", \"text\": \"\\ud83c\\udf0a surf\"}", &r, NULL), 0);
    CHECK(r.title == NULL);
    CHECK_STR(r.text, "\xf0\x9f\x8c\x8a surf");
    sl_record_clear(&r);
}

TEST(jsonl_bom_and_crlf)
{
    sl_record r = {0};
    const char line[] = "\xEF\xBB\xBF{\"text\": \"first line of a Windows file\"}\r\n";
    CHECK_INT(sl_jsonl_parse_line(line, sizeof line - 1, &r, NULL), 0);
    CHECK_STR(r.text, "first line of a Windows file");
    sl_record_clear(&r);
}

/* A line filter's read (dedup's) gives the body and the id as the line
 * has it, no key; a plain read gives the key. */
TEST(jsonl_shaped_gives_body_and_id_not_key)
{
    const char line[] = "{\"id\": 10949, \"title\": \"T\", \"text\": \"Fuel loading began.\"}";
    sl_record r = {0};
    sl_jsonl_line shape = {0};
    CHECK_INT(sl_jsonl_parse_line_shaped(line, sizeof line - 1, &r, &shape, NULL), 0);
    CHECK_STR(r.text, "Fuel loading began.");
    CHECK(r.key == NULL && r.title == NULL);
    CHECK_INT(shape.is_object, 1);
    CHECK(shape.id != NULL && json_is_integer(shape.id) && json_integer_value(shape.id) == 10949);
    sl_jsonl_line_free(&shape);
    CHECK_INT(sl_jsonl_parse_line(line, sizeof line - 1, &r, NULL), 0);
    CHECK_STR(r.key, "10949");
    sl_record_clear(&r);
}

TEST(jsonl_is_fast)
{
    const char *line = "{\"id\": \"k-1\", \"url\": \"https://example.test/a\", \"source\": \"Gazette\", "
                       "\"title\": \"A headline of ordinary length\", \"published\": \"2032-05-06\", "
                       "\"text\": \"A paragraph of news text that goes on for a while, as they do. "
                       "And a second sentence that adds a few more words.\\n\\nThen a second paragraph.\"}";
    size_t len = strlen(line);
    sl_record r = {0};
    double start = sl_test_cpu_seconds();
    int failures = 0;
    for (int i = 0; i < 20000; i++)
        failures += sl_jsonl_parse_line(line, len, &r, NULL) != 0;
    sl_record_clear(&r);
    CHECK_INT(failures, 0);
    /* 20,000 lines take about 0.1 s in a sanitizer build */
    CHECK((sl_test_cpu_seconds() - start) < 5.0);
}
