/* test_jsonl_lines.c — a JSONL buffer cut into its lines (engine/inputs.c):
 * each record is its line's, numbered from 1 in the reasons of bad ones,
 * blank and white lines skipped, the last line read without a newline
 * after it, and the bytes read counted whole. The texts are invented. */
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
