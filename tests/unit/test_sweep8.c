/* test_sweep8.c — what the eighth hostile-input sweep (qa7) mended, at the
 * layer that holds each rule: a JSON document (an array of records, a
 * pretty-printed object, jq's stream of them) is read element by element,
 * a JSONL line with a byte that is not UTF-8 is kept as a text file is, and
 * the prose commands get an HTML page's article text, not its markup; and
 * speed30's sl_input_read, which gives them that by one detection. */
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "test.h"

static sl_format detect(const char *s) { return sl_format_detect(s, strlen(s)); }

/* Exports of other tools were JSONL to the detector, every line refused. */
TEST(format_json_documents_are_not_jsonl)
{
    CHECK_INT(detect("[\n  {\n    \"text\": \"The ferry left at nine.\"\n  }\n]\n"), SL_FORMAT_JSON);
    CHECK_INT(detect("[{\"text\": \"One line.\"}, {\"text\": \"Two.\"}]"), SL_FORMAT_JSON);
    CHECK_INT(detect("{\n  \"text\": \"A pretty-printed record.\"\n}\n"), SL_FORMAT_JSON);
    CHECK_INT(detect("{\"id\": 4,\n \"text\": \"Open on its first line.\"}"), SL_FORMAT_JSON);
    CHECK_INT(detect("[ ]\n"), SL_FORMAT_JSON);
    /* JSONL stays so: whole first lines, a first line cut short, a string
     * whose newline is raw, a first line longer than the detector's prefix */
    CHECK_INT(detect("{\"text\": \"a {brace\"}\n{\"text\": \"b\"}\n"), SL_FORMAT_JSONL);
    CHECK_INT(detect("{\"text\": \"cut sho\n{\"text\": \"b\"}\n"), SL_FORMAT_JSONL);
    CHECK_INT(detect("{\"text\": \"cut\", \"id\": [1,\n{\"text\": \"b\"}\n"), SL_FORMAT_JSONL);
    size_t n = 9000;
    char *line = malloc(n + 1);
    memcpy(line, "{\"text\": \"", 10);
    memset(line + 10, 'w', n - 10);
    line[n] = '\0';
    CHECK_INT(detect(line), SL_FORMAT_JSONL);
    free(line);
    CHECK_STR(sl_format_name(SL_FORMAT_JSON), "json");
}

typedef struct seen {
    int got;
    size_t index, line;
    char why[160];
} seen;

static size_t read_all(const char *doc, seen *out, size_t max)
{
    sl_json_doc d;
    sl_json_element el;
    sl_buf why = SL_BUF_INIT;
    sl_record rec = {0};
    size_t n = 0;
    int got;
    sl_json_doc_init(&d, doc, strlen(doc));
    while (n < max && (got = sl_json_doc_next(&d, &el, &why)) != 0) {
        if (got > 0)
            got = sl_jsonl_parse_element(el.start, el.len, el.line, &rec, &why) ? -1 : 1;
        out[n] = (seen){.got = got, .index = el.index, .line = el.line};
        snprintf(out[n].why, sizeof out[n].why, "%s", got > 0 ? (rec.text ? rec.text : "") : sl_buf_cstr(&why));
        sl_record_clear(&rec);
        n++;
    }
    sl_buf_free(&why);
    return n;
}

/* Each element by the JSONL line's rules, its fault named by its number
 * and the line it starts on; a fault of one is not the others'. */
TEST(json_doc_reads_each_element)
{
    seen s[8];
    size_t n = read_all("[\n"
                        "  {\"id\": 1, \"text\": \"The ferry left at nine.\"},\n"
                        "  {\n    \"id\": 2,\n    \"text\": 17\n  },\n"
                        "  \"a string\",\n"
                        "  {\"id\": 4,\n   \"text\": \"x\" \"y\"},\n"
                        "  {\"id\": 5, \"text\": \"The council met.\"}\n"
                        "]\n",
                        s, 8);
    CHECK_INT(n, 5);
    CHECK_INT(s[0].got, 1);
    CHECK_STR(s[0].why, "The ferry left at nine.");
    CHECK_INT(s[1].got, -1);
    CHECK_INT(s[1].index, 2);
    CHECK_INT(s[1].line, 3);
    CHECK_STR(s[1].why, "field text or html is not a string");
    CHECK_STR(s[2].why, "element is a string, not a JSON object");
    CHECK_INT(s[3].line, 8);
    CHECK(!strncmp(s[3].why, "invalid JSON at line 9, column ", 31));
    CHECK_INT(s[4].got, 1);
    CHECK_INT(s[4].index, 5);
    CHECK_STR(s[4].why, "The council met.");

    /* jq's stream of objects; an element cut short by the end */
    n = read_all("{\n \"text\": \"one\"\n}\n{\n \"text\": \"two\"\n}\n[{\"text\": \"three\"}, {\"text\": \"fou", s, 8);
    CHECK_INT(n, 4);
    CHECK_STR(s[2].why, "three");
    CHECK_INT(s[3].got, SL_EBADINPUT);
    CHECK_INT(s[3].index, 4);
    CHECK_INT(s[3].line, 7);
    CHECK_STR(s[3].why, "cut short at the end of the file");

    /* a missing comma is said and read past; text after the document ends it */
    n = read_all("[{\"text\": \"a\"}\n {\"text\": \"b\"}]\nand then prose", s, 8);
    CHECK_INT(n, 4);
    CHECK_INT(s[1].got, SL_EBADINPUT);
    CHECK_STR(s[1].why, "',' or ']' expected between elements");
    CHECK_STR(s[2].why, "b");
    CHECK_INT(s[3].got, SL_EBADINPUT);
    CHECK_INT(s[3].line, 3);
    /* arrays one after another (jq -c '[.[]]' of several files) */
    n = read_all("[{\"text\": \"a\"}]\n[{\"text\": \"b\"}, {\"text\": \"c\"}]\n", s, 8);
    CHECK_INT(n, 3);
    CHECK_STR(s[1].why, "b");
    CHECK_INT(s[2].got, 1);
    CHECK_INT(s[2].line, 2);
    /* an array never closed */
    n = read_all("[{\"text\": \"a\"},\n", s, 8);
    CHECK_INT(n, 2);
    CHECK_STR(s[1].why, "the array is not closed: cut short at the end of the file");
}

/* A Latin-1 byte in a JSONL string lost the whole line; a text file's is
 * replaced and counted. The byte now reaches the pipeline as a text file's
 * does (text and html), U+FFFD stands for it elsewhere. */
TEST(jsonl_line_with_a_stray_byte_is_kept)
{
    static const char line[] = "{\"title\": \"Caf\xe9\", \"text\": \"The caf\xe9 reopened on Monday.\"}";
    sl_record rec = {0};
    sl_buf why = SL_BUF_INIT;
    CHECK_INT(sl_jsonl_parse_line(line, sizeof line - 1, &rec, &why), 0);
    CHECK_STR(rec.text, "The caf\xe9 reopened on Monday.");
    CHECK_INT(rec.text_len, 28);
    CHECK_STR(rec.title, "Caf\xef\xbf\xbd");
    /* a line broken besides says its own fault */
    static const char broken[] = "{\"text\": \"caf\xe9\" oops}";
    CHECK_INT(sl_jsonl_parse_line(broken, sizeof broken - 1, &rec, &why), SL_EBADINPUT);
    CHECK(strstr(sl_buf_cstr(&why), "near 'oops'") != NULL);
    /* a line that holds a stand-in character already keeps its error */
    static const char taken[] = "{\"text\": \"caf\xe9 \xf4\x8f\xbe\x80\"}";
    CHECK_INT(sl_jsonl_parse_line(taken, sizeof taken - 1, &rec, &why), SL_EBADINPUT);
    static const char escaped[] = "{\"text\": \"caf\xe9 \\uDBFF\\uDF80\"}";
    CHECK_INT(sl_jsonl_parse_line(escaped, sizeof escaped - 1, &rec, &why), SL_EBADINPUT);
    sl_record_clear(&rec);
    sl_buf_free(&why);
}

/* timex, summarize, facts --text and compare read a page's markup as its
 * text (summarize printed nothing of an article page). */
TEST(input_prose_of_a_page_is_its_article)
{
    static const char page[] =
        "<!doctype html><html><head><title>Mill reopens</title></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>"
        "<p>The old mill at Eskmoor reopened on Saturday after a year of repairs, its owners said.</p>"
        "<p>About four hundred visitors came to see the wheel turn again, and the bakery sold out by noon.</p>"
        "</article></body></html>";
    char *out = NULL;
    size_t len = 0;
    CHECK_INT(sl_input_prose(page, sizeof page - 1, &out, &len), 0);
    CHECK(out && strstr(out, "The old mill at Eskmoor reopened") && !strchr(out, '<'));
    CHECK_INT(len, out ? strlen(out) : 0);
    free(out);
    static const char text[] = "The old mill at Eskmoor reopened on Saturday.";
    CHECK_INT(sl_input_prose(text, sizeof text - 1, &out, &len), 0);
    CHECK(out == NULL);
    static const char chrome[] = "<html><body><nav><a href=\"/\">Home</a></nav></body></html>";
    CHECK_INT(sl_input_prose(chrome, sizeof chrome - 1, &out, &len), SL_EBADINPUT);
    CHECK(out == NULL);
}

/* fixb33: the prose commands resolved a page's "on Tuesday" without the
 * date ingest reads from it: sl_input_article gives the page's date as
 * ingest keeps it (a date sl_date_day reads), none for a text or a date
 * that is no date. */
TEST(input_article_of_a_page_gives_its_date)
{
    static const char page[] =
        "<!doctype html><html><head><title>Mill reopens | Courier</title>"
        "<meta property=\"article:published_time\" content=\"2026-04-16T09:30:00+01:00\"></head><body>"
        "<article><h1>Mill reopens</h1>"
        "<p>The old mill at Eskmoor reopened on Tuesday after a year of repairs, its owners said.</p>"
        "<p>About four hundred visitors came to see the wheel turn again, and the bakery sold out by noon.</p>"
        "</article></body></html>";
    sl_page p;
    CHECK_INT(sl_input_article(page, sizeof page - 1, &p), 0);
    CHECK_STR(p.published, "2026-04-16T09:30:00+01:00");
    CHECK_STR(p.title, "Mill reopens");
    CHECK(p.text && strstr(p.text, "reopened on Tuesday") && !strchr(p.text, '<'));
    sl_page_clear(&p);
    static const char undated[] =
        "<!doctype html><html><head><meta name=\"date\" content=\"soon\"></head><body><article>"
        "<p>The old mill at Eskmoor reopened on Tuesday after a year of repairs, its owners said.</p>"
        "<p>About four hundred visitors came to see the wheel turn again, and the bakery sold out by noon.</p>"
        "</article></body></html>";
    CHECK_INT(sl_input_article(undated, sizeof undated - 1, &p), 0);
    CHECK(p.text && p.published == NULL);
    sl_page_clear(&p);
    static const char text[] = "The old mill at Eskmoor reopened on Tuesday.";
    CHECK_INT(sl_input_article(text, sizeof text - 1, &p), 0);
    CHECK(p.text == NULL && p.published == NULL && p.title == NULL);
    sl_page_clear(&p);
}

/* speed30: sl_input_read detects once and gives what sl_input_refused and
 * sl_input_article give: a refusal with `out` cleared, a page's text and
 * date, a text as its own prose. */
TEST(input_read_is_refused_and_article_in_one)
{
    static const char *const inputs[] = {
        "   \n\t ",
        "[{\"title\": \"a\", \"text\": \"b\"}]",
        "{\"title\": \"Mill\", \"text\": \"The mill reopened.\"}\n",
        "<?xml version=\"1.0\"?><rss><channel><item><title>a</title></item></channel></rss>",
        "The old mill at Eskmoor reopened on Tuesday.",
        "<!doctype html><html><head><meta name=\"date\" content=\"2026-04-16\"></head><body><article>"
        "<p>The old mill at Eskmoor reopened on Tuesday after a year of repairs, its owners said.</p>"
        "<p>About four hundred visitors came to see the wheel turn again, and the bakery sold out by noon.</p>"
        "</article></body></html>",
        "<!doctype html><html><body><nav>Home</nav></body></html>",
    };
    size_t n_refused = 0, n_pages = 0;
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        size_t len = strlen(inputs[i]);
        sl_page one, two;
        const char *refused = "unset";
        int rc = sl_input_read(inputs[i], len, &one, &refused);
        const char *expected = sl_input_refused(inputs[i], len);
        CHECK(refused == expected);
        n_refused += expected != NULL;
        n_pages += one.text != NULL;
        if (expected) {
            CHECK_INT(rc, 0);
            CHECK(one.text == NULL && one.title == NULL && one.published == NULL);
        } else {
            CHECK_INT(rc, sl_input_article(inputs[i], len, &two));
            CHECK((one.text == NULL) == (two.text == NULL));
            CHECK(!one.text || strcmp(one.text, two.text) == 0);
            CHECK((one.published == NULL) == (two.published == NULL));
            CHECK(!one.published || strcmp(one.published, two.published) == 0);
            sl_page_clear(&two);
        }
        sl_page_clear(&one);
    }
    CHECK_INT(n_refused, 4);   /* blank, JSON, JSONL, feed */
    CHECK_INT(n_pages, 2);     /* the pages; the text is its own prose (text NULL) */
}
