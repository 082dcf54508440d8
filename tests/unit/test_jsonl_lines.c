/* test_jsonl_lines.c — a JSONL buffer cut into its lines (engine/inputs.c):
 * each record is its line's, numbered from 1 in the reasons of bad ones,
 * blank and white lines skipped, the last line read without a newline
 * after it, and the bytes read counted whole; a file larger than one read
 * (util/lines.c) streamed the same. The texts are invented. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "storyline.h"
#include "store_fixture.h"
#include "test.h"

/* The reasons heard, "NAME" of each, one after another. */
typedef struct heard {
    char names[256];
} heard;

static void on_error(void *ctx, const char *name, const char *reason)
{
    (void)reason;
    heard *h = ctx;
    size_t at = strlen(h->names);
    snprintf(h->names + at, sizeof h->names - at, "%s;", name);
}

TEST(jsonl_lines_numbered_and_the_last_without_newline)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/sl-unit-jsonl-lines-%d.db", (int)getpid());
    remove_store_files(path);
    sl_engine *e = NULL;
    CHECK_INT(sl_engine_open(&e, path, NULL), 0);
    const char jsonl[] =
        "{\"id\": \"a\", \"text\": \"The ferry to Skarholm left an hour late on Monday.\"}\n"
        "\n"
        "  \t\r\n"
        "{\"id\": \"b\", \"text\": \n"
        "{\"id\": \"c\", \"text\": \"The harbour board voted to rebuild the north pier.\"}\r\n"
        "not json at all\n"
        "{\"id\": \"d\", \"text\": \"Fishermen at Skarholm landed a record catch of cod.\"}";
    heard h = {{0}};
    sl_ingest_options opts = {.on_error = on_error, .ctx = &h};
    sl_ingest_report report = {0};
    CHECK_INT(sl_ingest_buffer(e, jsonl, sizeof jsonl - 1, "port.jsonl", &opts, &report),
              SL_EBADINPUT);
    CHECK_INT(report.articles_new, 3);
    CHECK_STR(h.names, "port.jsonl:4;port.jsonl:6;");
    CHECK_INT(report.bytes, sizeof jsonl - 1);
    sl_engine_free(e);
    remove_store_files(path);
}

/* 1,200 records (about 150 KB, more than a read) in a file: streamed, the
 * bad lines past the first read named by their numbers, all bytes counted. */
TEST(lines_jsonl_file_streamed)
{
    char db[64], path[64];
    snprintf(db, sizeof db, "/tmp/sl-unit-lines-%d.db", (int)getpid());
    snprintf(path, sizeof path, "/tmp/sl-unit-lines-%d.jsonl", (int)getpid());
    remove_store_files(db);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    for (int i = 1; i <= 1200; i++) {
        if (i == 700 || i == 1199)
            fprintf(f, "{\"id\": \"bad%d\", \"text\": \n", i);
        else
            fprintf(f, "{\"id\": \"n%d\", \"text\": \"The ferry number %d to Skarholm left %d minutes late "
                       "on Monday, the harbour office of Vessa said in its note number %d.\"}\n",
                    i, i, i % 50, i * 7);
    }
    long size = ftell(f);
    fclose(f);
    sl_engine *e = NULL;
    CHECK_INT(sl_engine_open(&e, db, NULL), 0);
    heard h = {{0}};
    sl_ingest_options opts = {.on_error = on_error, .ctx = &h};
    sl_ingest_report report = {0};
    CHECK_INT(sl_ingest_path(e, path, &opts, &report), SL_EBADINPUT);
    char want[160];
    snprintf(want, sizeof want, "%s:700;%s:1199;", path, path);
    CHECK_STR(h.names, want);
    CHECK_INT(report.bytes, size);
    CHECK_INT(report.files, 1);
    CHECK_INT(report.failed, 2);
    CHECK_INT(report.articles_new, 1198);
    sl_engine_free(e);
    remove_store_files(db);
    remove(path);
}

/* fixb33: dedup refused lines ingest stores (a byte that is not UTF-8, a
 * "\u0000" escape, a BOM, an "html" record); it reads them with ingest's
 * reader now, the stray byte repaired to U+FFFD as ingest repairs it, so
 * the same text written with U+FFFD is its exact copy. */
TEST(dedup_lines_read_what_ingest_reads)
{
    static const char *const lines[] = {
        "\xEF\xBB\xBF{\"id\": 1, \"text\": \"Ferries to Skerry ran late on Monday, the harbour master said.\"}",
        "{\"id\": 2, \"text\": \"The caf\xff on Mill Street reopened on Monday after the flood, its owner said.\"}",
        "{\"id\": 3, \"text\": \"A \\u0000 escape in a story about the tram line vote in Eskmoor.\"}",
        "{\"id\": 4, \"html\": \"<article><p>The Brookvale dam was inspected on Tuesday and found sound, "
        "the water board said.</p></article>\"}",
        "{\"id\": 5, \"text\": \"The caf\xEF\xBF\xBD on Mill Street reopened on Monday after the flood, its owner said.\"}",
    };
    sl_dedup_lines *dl = sl_dedup_lines_new(0);
    sl_dedup_line r;
    for (size_t k = 0; k < 5; k++) {
        CHECK_INT(sl_dedup_lines_add(dl, lines[k], strlen(lines[k]), &r), 0);
        if (r.why)
            sl_test_fail(__FILE__, __LINE__, "line %zu: %s", k + 1, r.why);
        CHECK(r.is_object);
        CHECK_INT(r.result.is_copy, k == 4);
    }
    CHECK(r.result.copy_of == 1 && r.result.kind == SL_COPY_EXACT);
    CHECK_STR(r.copy_of_id, "2");
    sl_dedup_lines_free(dl);
}

/* rev33: an "id" that is an object or an array, on a line with a byte that
 * is not UTF-8, was kept as read from the stood-in line: dedup's copy_of
 * named it with the stand-in (U+10FFBF, bytes F4 8F BF BF) where a string
 * id gets U+FFFD, as ingest repairs a field. */
TEST(dedup_lines_nested_id_repaired)
{
    static const char *const lines[] = {
        "{\"id\": {\"k\xff\": [\"v\xfe\"]}, \"text\": \"The tram line vote in Eskmoor was put off to May, "
        "the council said on Friday.\"}",
        "{\"id\": 2, \"text\": \"The tram line vote in Eskmoor was put off to May, the council said on Friday.\"}",
    };
    sl_dedup_lines *dl = sl_dedup_lines_new(0);
    sl_dedup_line r;
    for (size_t k = 0; k < 2; k++)
        CHECK_INT(sl_dedup_lines_add(dl, lines[k], strlen(lines[k]), &r), 0);
    CHECK(r.result.is_copy && r.result.copy_of == 0);
    CHECK_STR(r.copy_of_id, "{\"k\xEF\xBF\xBD\":[\"v\xEF\xBF\xBD\"]}");
    sl_dedup_lines_free(dl);
}
