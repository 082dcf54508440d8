/* test_web_queries.c — what storyline serve reads through the library
 * (src/engine/web_queries.c): a read-only engine's new snapshot and whether
 * the store changed, and one page of the story listing with its total,
 * narrowed by search, date and thread. */
#include <stdlib.h>
#include <unistd.h>

#include "storyline.h"
#include "test.h"

typedef struct text_sink { char buf[8192]; size_t len; } text_sink;

static int sink_write(void *ctx, const char *data, size_t len)
{
    text_sink *s = ctx;
    if (s->len + len >= sizeof s->buf)
        return -1;
    memcpy(s->buf + s->len, data, len);
    s->len += len;
    s->buf[s->len] = '\0';
    return 0;
}

/* Articles of three unrelated events on three days. */
static const char JSONL[] =
    "{\"id\": \"a\", \"source\": \"One\", \"published\": \"2026-03-01\", \"title\": \"Harbour crane collapses\","
    " \"text\": \"A harbour crane collapsed at the Velm container quay on Sunday. Nobody was hurt, the port authority said.\"}\n"
    "{\"id\": \"b\", \"source\": \"Two\", \"published\": \"2026-03-05\", \"title\": \"Orchard frost hits apple growers\","
    " \"text\": \"A late frost damaged apple blossom across the Tarn orchards, growers said on Thursday.\"}\n"
    "{\"id\": \"c\", \"source\": \"Three\", \"published\": \"2026-03-09\", \"title\": \"Library reopens after flood repairs\","
    " \"text\": \"The Meriden public library reopened on Monday after a year of repairs following the flood.\"}\n";

static const char LATE[] =
    "{\"id\": \"d\", \"source\": \"Four\", \"published\": \"2026-03-12\", \"title\": \"Tram drivers vote to strike\","
    " \"text\": \"Tram drivers in Oskar voted to strike for two days next week over rosters, their union said.\"}\n";

/* Writes one page into `out`; the library's return code. */
static int page(sl_engine *e, const char *search, const char *since, int offset, int limit,
                text_sink *out)
{
    sl_story_query q = {search, since, 0, offset, limit};
    out->len = 0;
    out->buf[0] = '\0';
    return sl_stories_page_json(e, &q, sink_write, out);
}

TEST(web_page_and_snapshot)
{
    char path[] = "/tmp/sl-web-test-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    unlink(path);
    sl_engine *w = NULL, *r = NULL;
    sl_ingest_report report = {0};
    CHECK_INT(sl_engine_open(&w, path, NULL), 0);
    CHECK_INT(sl_ingest_buffer(w, JSONL, strlen(JSONL), "three.jsonl", NULL, &report), 0);
    CHECK_INT(report.articles_new, 3);
    int changed = -1;
    CHECK_INT(sl_engine_refresh(w, &changed), SL_EUSAGE);   /* a writer has no snapshot to renew */

    sl_options ro = {.read_only = 1};
    CHECK_INT(sl_engine_open(&r, path, &ro), 0);
    text_sink s;
    CHECK_INT(page(r, NULL, NULL, 0, 2, &s), 0);
    CHECK(strstr(s.buf, "\"total\":3") != NULL);
    CHECK(strstr(s.buf, "\"limit\":2") != NULL);
    /* newest first: the library (03-09), then the frost (03-05); the crane is on page 2 */
    const char *library = strstr(s.buf, "Library reopens"), *frost = strstr(s.buf, "Orchard frost");
    CHECK(library && frost && library < frost);
    CHECK(!strstr(s.buf, "Harbour crane"));
    CHECK_INT(page(r, NULL, NULL, 2, 2, &s), 0);
    CHECK(strstr(s.buf, "Harbour crane") && strstr(s.buf, "\"offset\":2"));
    CHECK_INT(page(r, "frost", NULL, 0, 0, &s), 0);
    CHECK(strstr(s.buf, "\"total\":1") && strstr(s.buf, "Orchard frost"));
    CHECK_INT(page(r, "nosuchword", NULL, 0, 0, &s), 0);
    CHECK(strstr(s.buf, "\"total\":0") && strstr(s.buf, "\"stories\":[]"));
    CHECK_INT(page(r, NULL, "2026-03-05", 0, 0, &s), 0);
    CHECK(strstr(s.buf, "\"total\":2") && !strstr(s.buf, "Harbour crane"));
    CHECK_INT(page(r, NULL, "not a date", 0, 0, &s), SL_EUSAGE);
    CHECK(strstr(sl_errmsg(r), "not a date") != NULL);
    CHECK_INT(page(r, NULL, NULL, -1, 0, &s), SL_EUSAGE);
    CHECK_INT(page(r, " \t ", NULL, 0, 0, &s), SL_EUSAGE);   /* blanks: said so, not "not an error" */
    CHECK(strstr(sl_errmsg(r), "no words to look for") != NULL);
    s.len = 0, s.buf[0] = '\0';
    CHECK_INT(sl_stories_page_json(r, NULL, sink_write, &s), 0);   /* no query: the first page */
    CHECK(strstr(s.buf, "\"total\":3") && strstr(s.buf, "\"limit\":20"));

    /* The reader's snapshot: unchanged until it is renewed after a commit. */
    CHECK_INT(sl_engine_refresh(r, &changed), 0);
    CHECK_INT(sl_engine_refresh(r, &changed), 0);
    CHECK_INT(changed, 0);
    CHECK_INT(sl_ingest_buffer(w, LATE, strlen(LATE), "late.jsonl", NULL, &report), 0);
    CHECK_INT(page(r, NULL, NULL, 0, 0, &s), 0);
    CHECK(strstr(s.buf, "\"total\":3") != NULL);      /* still the old snapshot */
    CHECK_INT(sl_engine_refresh(r, &changed), 0);
    CHECK_INT(changed, 1);
    CHECK_INT(page(r, NULL, NULL, 0, 1, &s), 0);
    CHECK(strstr(s.buf, "\"total\":4") && strstr(s.buf, "Tram drivers"));
    sl_engine_free(r);
    sl_engine_free(w);
    unlink(path);
    char side[sizeof path + 8];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}
