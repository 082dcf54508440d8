/* test_public_edges.c — what the second hostile sweep (branch qa2) found at
 * the public API's edges: a failed input explained by sl_errmsg when no
 * callback hears it, and the normalised texts a comparison's offsets
 * point into; and the third (qa3): a buffer's size cap; and a read-through
 * (read29): WARC data given whole, refused by extract as by ingest; and
 * read30's: a store path that names no file refused by the library; and
 * issue 18's: a page without article text keeps its metadata through the
 * public calls, and ingest still stores nothing of it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "storyline.h"
#include "store_fixture.h"
#include "util/alloc.h"
#include "util/buf.h"

/* Without options (no on_error), SL_EBADINPUT still comes with its reason. */
/* A new store in /tmp named after `name` and the process; `path` gets its path. */
static sl_engine *new_store(const char *name, char *path, size_t cap)
{
    snprintf(path, cap, "/tmp/sl-unit-%s-%d.db", name, (int)getpid());
    remove_store_files(path);
    sl_engine *e = NULL;
    CHECK_INT(sl_engine_open(&e, path, NULL), 0);
    return e;
}

TEST(ingest_buffer_failure_sets_errmsg)
{
    char path[64];
    sl_engine *e = new_store("edges", path, sizeof path);
    const char binary[] = "\x01\x02\x00\x03\x04\x00\x05";
    CHECK_INT(sl_ingest_buffer(e, binary, sizeof binary - 1, "blob", NULL, NULL), SL_EBADINPUT);
    CHECK(strstr(sl_errmsg(e), "blob: binary data") == sl_errmsg(e));
    /* a reason the pipeline gave (in sl_errmsg already) is not named twice */
    const char jsonl[] = "{\"html\": \"<html><body><nav>Home</nav></body></html>\"}\n";
    CHECK_INT(sl_ingest_buffer(e, jsonl, sizeof jsonl - 1, "feed.jsonl", NULL, NULL), SL_EBADINPUT);
    CHECK(!strncmp(sl_errmsg(e), "feed.jsonl:1: ", 14) && !strstr(sl_errmsg(e) + 1, "feed.jsonl"));
    CHECK(strstr(sl_errmsg(e), "(1 line, all page chrome)") != NULL);
    sl_engine_free(e);
    remove_store_files(path);
}

/* A buffer has the cap of a file read whole (SL_INPUT_MAX): one byte over
 * it is refused by name and cap, before a byte of it is read (it was read
 * whole, up to the 2 GB the command took from a pipe). */
TEST(ingest_buffer_over_the_input_cap)
{
    char path[64];
    sl_engine *e = new_store("cap", path, sizeof path);
    size_t len = SL_INPUT_MAX + 1;   /* untouched pages: no memory spent */
    char *big = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(big != MAP_FAILED);
    sl_ingest_report report = {0};
    if (big != MAP_FAILED) {
        CHECK_INT(sl_ingest_buffer(e, big, len, "big", NULL, &report), SL_EBADINPUT);
        CHECK_STR(sl_errmsg(e), "big: larger than the 256 MB cap");
        CHECK_INT(report.failed, 1);
        munmap(big, len);
    }
    sl_engine_free(e);
    remove_store_files(path);
}

/* WARC data given whole (standard input, a pipe) is read record by record
 * only from its file: a page or a buffer of it is refused, by extract as by
 * ingest (extract gave the WARC and HTTP headers as the page's text). */
TEST(warc_data_given_whole_is_refused)
{
    const char warc[] = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 98\r\n\r\n"
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
                        "<html><head><title>Ferry</title></head><body><p>The ferry ran late.</p></body></html>\r\n\r\n";
    sl_extractor *x = NULL;
    CHECK_INT(sl_extractor_new(&x), 0);
    sl_page page = {0};
    CHECK_INT(sl_extract_page(x, warc, sizeof warc - 1, &page), SL_EBADINPUT);
    CHECK(page.title == NULL && page.text == NULL);
    sl_page_clear(&page);
    sl_extractor_free(x);
    char path[64];
    sl_engine *e = new_store("warc", path, sizeof path);
    CHECK_INT(sl_ingest_buffer(e, warc, sizeof warc - 1, "crawl", NULL, NULL), SL_EBADINPUT);
    CHECK(strstr(sl_errmsg(e), "WARC data, read only from a file: give its path") != NULL);
    sl_engine_free(e);
    remove_store_files(path);
}

/* Evidence offsets point into the texts as normalised: an invalid byte and
 * a ligature (NFKC) shift them against the input, not against these. */
TEST(text_comparer_gives_the_normalised_texts)
{
    sl_text_comparer *tc = sl_text_comparer_new();
    size_t len = 99;
    CHECK_STR(sl_text_comparer_text(tc, 0, &len), "");
    CHECK_INT(len, 0);
    const char a[] = "Caf\xc3\xa9 owners in Brookvale raised prices \xff on Monday.\n\n"
                     "The \xef\xac\x81rst ferry left at nine, the harbour master said.\n";
    const char b[] = "Caf\xc3\xa9 owners in Brookvale raised prices on Monday.\n\n"
                     "The first ferry left at nine, the harbour master said.\n";
    sl_text_comparison r;
    CHECK_INT(sl_text_compare(tc, a, sizeof a - 1, b, sizeof b - 1, &r), 0);
    const char *na = sl_text_comparer_text(tc, 0, &len);
    CHECK(strstr(na, "The first ferry") != NULL && !strstr(na, "\xff") && len == strlen(na));
    CHECK(!strncmp(sl_text_comparer_text(tc, 1, NULL), b, sizeof b - 2));   /* the last newline goes */
    int found = 0;
    for (size_t k = 0; k < r.n_evidence; k++) {
        sl_span s = r.evidence[k].article_sentence;
        CHECK(s.end <= len);
        found |= s.end <= len && !strncmp(na + s.start, "The first ferry", 15);
    }
    CHECK(found);
    sl_text_comparison_clear(&r);
    sl_text_comparer_free(tc);
}

/* A compare that fails leaves no texts: not its own a beside the last b. */
TEST(text_comparer_texts_empty_after_a_failure)
{
    sl_text_comparer *tc = sl_text_comparer_new();
    const char a[] = "The ferry left Brookvale at nine on Monday, the harbour master said.\n";
    const char b[] = "Passengers waited in the rain for two hours at the Brookvale pier.\n";
    sl_text_comparison r;
    CHECK_INT(sl_text_compare(tc, a, sizeof a - 1, b, sizeof b - 1, &r), 0);
    sl_text_comparison_clear(&r);
    /* longer than a and b: the comparer's buffers must grow */
    char c[4096] = "";
    for (int k = 0; k < 40; k++)
        snprintf(c + strlen(c), sizeof c - strlen(c), "Caf\xc3\xa9 owners in Oakhollow %d raised "
                 "prices on Tuesday.\n\n", k);
    int failures = 0, rc = -1;
    for (long n = 1; rc && n < 10000; n++) {   /* each allocation of the compare fails in turn */
        sl_alloc_fail_nth(n);
        rc = sl_text_compare(tc, c, strlen(c), a, sizeof a - 1, &r);
        sl_alloc_fail_nth(0);
        if (rc) {
            failures++;
            size_t len = 99;
            CHECK_STR(sl_text_comparer_text(tc, 0, &len), "");
            CHECK_INT(len, 0);
            CHECK_STR(sl_text_comparer_text(tc, 1, NULL), "");
            CHECK(r.evidence == NULL && r.n_evidence == 0);
        }
    }
    CHECK_INT(rc, 0);
    CHECK(failures > 0);
    sl_text_comparison_clear(&r);
    sl_text_comparer_free(tc);
}

struct batch_probe {
    sl_engine *e;
    int rc;   /* sl_store_check's, in the batch */
};

static void check_in_progress(void *ctx, const char *name, uint64_t articles, uint64_t bytes)
{
    (void)name, (void)articles, (void)bytes;
    struct batch_probe *probe = ctx;
    probe->rc = sl_store_check(probe->e);
}

/* sl_store_check inside a writer's open batch (from on_progress) would read
 * it half written: refused, and fine once committed. */
TEST(store_check_refused_in_an_open_batch)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/sl-unit-edges-batch-%d.db", (int)getpid());
    remove_store_files(path);
    struct batch_probe seen = {NULL, 99};
    CHECK_INT(sl_engine_open(&seen.e, path, NULL), 0);
    sl_ingest_options opts = {.on_progress = check_in_progress, .ctx = &seen};
    const char text[] = "Lantern festival returns to Oakhollow square\n\nThe lantern festival "
                        "returned to the square of Oakhollow on Saturday evening.\n";
    CHECK_INT(sl_ingest_buffer(seen.e, text, sizeof text - 1, "lanterns.txt", &opts, NULL), 0);
    CHECK_INT(seen.rc, SL_EUSAGE);
    CHECK(strstr(sl_errmsg(seen.e), "write batch is open") != NULL);
    CHECK_INT(sl_store_check(seen.e), 0);
    sl_engine_free(seen.e);
    remove_store_files(path);
}

/* A store path that names a folder, a device or a named pipe is refused by
 * the library itself, with its reason (read30: only the CLI refused them;
 * sl_engine_open on a pipe waited for a writer that never came: the alarm
 * turns such a wait into a failure). */
TEST(engine_open_refuses_what_is_no_file)
{
    char fifo[64];
    snprintf(fifo, sizeof fifo, "/tmp/sl-unit-fifo-%d", (int)getpid());
    unlink(fifo);
    CHECK_INT(mkfifo(fifo, 0600), 0);
    const char *paths[] = {"/tmp", "/dev/null", fifo};
    const char *reasons[] = {"a folder, not a store", "not a regular file, not a store",
                             "not a regular file, not a store"};
    alarm(20);
    for (size_t i = 0; i < 3; i++) {
        sl_engine *e = NULL;
        CHECK_INT(sl_engine_open(&e, paths[i], NULL), SL_ESTORE);
        CHECK(e && strstr(sl_errmsg(e), reasons[i]) && strstr(sl_errmsg(e), paths[i]));
        sl_engine_free(e);
    }
    alarm(0);
    unlink(fifo);
}

static int buf_write(void *ctx, const char *data, size_t len) { return sl_buf_put(ctx, data, len); }

/* A page whose text a script writes, with a headline, a byline and a date:
 * sl_extract_page refuses it with its reason and hands over the metadata
 * with a NULL text, sl_page_json writes it as "no_body", and ingest stores
 * no article of it. */
TEST(page_without_text_keeps_its_metadata)
{
    const char html[] = "<html lang=en-GB><head><title>Copper kettles | Marrowfield Ironmongers</title>"
                        "<meta name=author content=\"Odile Brack\">"
                        "<meta property=article:published_time content=\"2031-03-09T10:15:00Z\">"
                        "</head><body><nav><a href=/>Home</a> <a href=/kettles>Kettles</a></nav>"
                        "<h1>Copper kettles</h1><script>render()</script></body></html>";
    sl_extractor *x = NULL;
    CHECK_INT(sl_extractor_new(&x), 0);
    sl_page page = {0};
    CHECK_INT(sl_extract_page(x, html, sizeof html - 1, &page), SL_EBADINPUT);
    CHECK_STR(page.title, "Copper kettles");
    CHECK_STR(page.author, "Odile Brack");
    CHECK_STR(page.published, "2031-03-09T10:15:00Z");
    CHECK_STR(page.lang, "en");
    CHECK(page.text == NULL);
    sl_buf json = SL_BUF_INIT;
    CHECK_INT(sl_page_json(&page, "kettles.html", SL_JSON_PART, buf_write, &json), 0);
    CHECK(strstr(sl_buf_cstr(&json), "\"status\":\"no_body\",\"text\":null") != NULL);
    CHECK(strstr(sl_buf_cstr(&json), "\"author\":\"Odile Brack\"") != NULL);
    sl_buf_free(&json);
    sl_page_clear(&page);
    sl_extractor_free(x);

    char path[64];
    sl_engine *e = new_store("nobody", path, sizeof path);
    sl_ingest_report report = {0};
    CHECK_INT(sl_ingest_buffer(e, html, sizeof html - 1, "kettles.html", NULL, &report), SL_EBADINPUT);
    CHECK(strstr(sl_errmsg(e), "no article text found") != NULL);
    CHECK(report.failed == 1 && report.articles_new == 0);
    sl_engine_free(e);
    remove_store_files(path);
}
