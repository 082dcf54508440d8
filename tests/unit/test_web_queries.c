/* test_web_queries.c — what storyline serve reads through the library
 * (src/engine/web_queries.c): a read-only engine's new snapshot and whether
 * the store changed, one page of the story listing with its total, narrowed
 * by search, date and thread, and a store read without locks (refused new
 * snapshots; a change after open seen). */
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

/* The reader's side of web_unlocked_store: opens the store read-only (as
 * nobody when run as root, whom a folder's mode stops not), tells the
 * writer over `ready`, waits for it on `go`. Its exit status names the
 * first step that went wrong (0: none, 77: cannot change user). */
static int read_unlocked(const char *path, int ready, int go)
{
    if (getuid() == 0 && (setgid(65534) || setuid(65534)))
        return 77;
    sl_engine *r = NULL;
    sl_options ro = {.read_only = 1};
    char byte = 0;
    if (sl_engine_open(&r, path, &ro))
        return 1;
    if (sl_engine_refresh(r, NULL) != SL_ESTORE || !strstr(sl_errmsg(r), "news.db-shm"))
        return 2; /* a server's new snapshot is refused, naming the WAL index */
    if (sl_engine_check_snapshot(r))
        return 3; /* unchanged so far */
    if (write(ready, "r", 1) != 1 || read(go, &byte, 1) != 1)
        return 4;
    if (sl_engine_check_snapshot(r) != SL_ESTORE || !strstr(sl_errmsg(r), "changed while"))
        return 5; /* the writer's commit is seen, not read around */
    if (sl_engine_check_snapshot(r) != SL_ESTORE)
        return 6; /* and stays seen */
    sl_engine_free(r);
    return 0;
}

/* A store in a folder its reader may not write is read without locks
 * (immutable, docs/store.md): the server's snapshots are refused, and a
 * commit by another user after the open makes the reader fail rather than
 * return stale or mixed reads. */
TEST(web_unlocked_store)
{
    char dir[] = "/tmp/sl-unlocked-XXXXXX", folder[64], path[80], side[96];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(folder, sizeof folder, "%s/ro", dir);
    snprintf(path, sizeof path, "%s/news.db", folder);
    CHECK_INT(chmod(dir, 0755), 0);
    CHECK_INT(mkdir(folder, 0755), 0);
    sl_engine *w = NULL;
    sl_ingest_report report = {0};
    CHECK_INT(sl_engine_open(&w, path, NULL), 0);
    CHECK_INT(sl_ingest_buffer(w, JSONL, strlen(JSONL), "three.jsonl", NULL, &report), 0);
    sl_engine_free(w); /* the last connection: no -wal left */
    CHECK_INT(chmod(folder, 0555), 0);
    int ready[2], go[2];
    CHECK(pipe(ready) == 0 && pipe(go) == 0);
    pid_t child = fork();
    if (child == 0)
        _exit(read_unlocked(path, ready[1], go[0]));
    close(ready[1]); /* a reader that stops early ends the parent's read */
    close(go[0]);
    char byte = 0;
    int status = -1;
    if (read(ready[0], &byte, 1) == 1) {
        CHECK_INT(chmod(folder, 0755), 0); /* the owner may write it (root may anyway) */
        CHECK_INT(sl_engine_open(&w, path, NULL), 0);
        CHECK_INT(sl_ingest_buffer(w, LATE, strlen(LATE), "late.jsonl", NULL, &report), 0);
        sl_engine_free(w);
        CHECK_INT(write(go[1], "g", 1), 1);
    }
    CHECK_INT(waitpid(child, &status, 0), child);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 77)
        printf("  (web_unlocked_store: cannot read as nobody; skipped)\n");
    else
        CHECK_INT(WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status), 0);
    close(ready[0]);
    close(go[1]);
    chmod(folder, 0755);
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    rmdir(folder);
    rmdir(dir);
}
