/* test_records.c — the records of a Dask run (src/engine/records.c): items
 * counted and cut into ranges as ingest walks them, HTML extracted in the
 * map, and a store made by replaying the records equal to the one
 * sl_ingest_path makes of the same input. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "storyline.h"
#include "test.h"

/* Three articles (one an HTML page), a bad line, and an exact copy. */
static const char jsonl[] =
    "{\"id\": \"a1\", \"source\": \"Northwire\", \"published\": \"2031-03-04\", \"title\": \"Ferry strike ends\","
    " \"text\": \"The ferry crews of Skerry ended their strike on Monday after talks.\\n\\nThe union said the"
    " deal keeps the late sailings.\"}\n"
    "{\"id\": \"a2\", \"source\": \"Harbour Herald\", \"html\": \"<html><head><title>Mill fire</title></head>"
    "<body><article><h1>Mill fire</h1><p>A fire destroyed the old mill at Eskmoor on Tuesday night, the"
    " brigade said.</p><p>No one was hurt.</p></article></body></html>\"}\n"
    "{broken\n"
    "{\"id\": \"a3\", \"source\": \"Valley Courier\", \"text\": \"The ferry crews of Skerry ended their"
    " strike on Monday after talks.\\n\\nThe union said the deal keeps the late sailings.\"}\n";

typedef struct sink { char *data; size_t len; int failures; } sink;

static int collect(void *ctx, const char *data, size_t len)
{
    sink *s = ctx;
    char *p = realloc(s->data, s->len + len);
    if (!p)
        return -1;
    memcpy(p + s->len, data, len);
    s->data = p;
    s->len += len;
    return 0;
}

static void count_failure(void *ctx, const char *name, const char *reason)
{
    ((sink *)ctx)->failures++;
}

static void write_input(char *dir, char *path, size_t cap)
{
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, cap, "%s/in.jsonl", dir);
    FILE *f = fopen(path, "w");
    fputs(jsonl, f);
    fclose(f);
}

static void remove_dir(const char *dir)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
}

TEST(records_count_and_ranges)
{
    char dir[] = "/tmp/sl-records.XXXXXX", path[256];
    write_input(dir, path, sizeof path);
    sl_engine *e = NULL;
    CHECK_INT(sl_engine_open(&e, ":memory:", NULL), 0);
    uint64_t items = 0;
    CHECK_INT(sl_records_count(e, path, NULL, &items), 0);
    CHECK_INT(items, 4);   /* three articles and the bad line */
    sink whole = {0}, head = {0}, tail = {0};
    CHECK_INT(sl_records_read(e, path, NULL, 0, items, collect, &whole), 0);
    CHECK_INT(sl_records_read(e, path, NULL, 0, 2, collect, &head), 0);
    CHECK_INT(sl_records_read(e, path, NULL, 2, 100, collect, &tail), 0);
    CHECK(whole.len > 0 && head.len > 0 && tail.len > 0);
    CHECK_INT(head.len + tail.len, whole.len);
    CHECK(!memcmp(whole.data, head.data, head.len) && !memcmp(whole.data + head.len, tail.data, tail.len));
    /* The map extracts the page: the HTML does not travel, its text does. */
    CHECK(!memmem(whole.data, whole.len, "<article>", 9));
    CHECK(memmem(whole.data, whole.len, "destroyed the old mill", 22) != NULL);
    free(whole.data);
    free(head.data);
    free(tail.data);
    sl_engine_free(e);
    remove_dir(dir);
}

/* Standard input counted its items, then the ranges' walk found it spent
 * and made one failure ("-: empty input") of them (read30): a stream is
 * refused before it is read. Standard input is /dev/null here, so that
 * a regression counts nothing rather than waits. */
TEST(records_refuse_a_stream)
{
    int saved = dup(STDIN_FILENO), null = open("/dev/null", O_RDONLY);
    CHECK(saved >= 0 && null >= 0 && dup2(null, STDIN_FILENO) == STDIN_FILENO);
    sl_engine *e = NULL;
    CHECK_INT(sl_engine_open(&e, ":memory:", NULL), 0);
    uint64_t items = 7;
    sink out = {0};
    CHECK_INT(sl_records_count(e, "-", NULL, &items), SL_EUSAGE);
    CHECK_INT(items, 0);
    CHECK_STR(sl_errmsg(e), "-: a stream is read once; records want a file or a folder");
    CHECK_INT(sl_records_read(e, "-", NULL, 0, 10, collect, &out), SL_EUSAGE);
    CHECK_INT(out.len, 0);
    free(out.data);
    sl_engine_free(e);
    dup2(saved, STDIN_FILENO);
    close(saved);
    close(null);
}

/* Every article of a store as "title|source|published|story|text" lines. */
static char *articles_of(sl_engine *e)
{
    sl_story_list *stories = NULL;
    char *out = calloc(1, 1);
    size_t len = 0;
    CHECK_INT(sl_stories_list(e, NULL, &stories), 0);
    for (int64_t id = 1; stories; id++) {
        sl_article *a = NULL;
        if (sl_article_get(e, id, &a))
            break;
        size_t n = strlen(a->text) + (a->title ? strlen(a->title) : 0) + 100;
        out = realloc(out, len + n);
        len += (size_t)snprintf(out + len, n, "%s|%s|%s|%lld|%s\n", a->title ? a->title : "",
                                a->source ? a->source : "", a->published ? a->published : "",
                                (long long)a->story_id, a->text);
        sl_article_free(a);
    }
    sl_story_list_free(stories);
    return out;
}

TEST(records_replay_equals_ingest)
{
    char dir[] = "/tmp/sl-records.XXXXXX", path[256], one_db[300], replay_db[300];
    write_input(dir, path, sizeof path);
    snprintf(one_db, sizeof one_db, "%s/one.db", dir);
    snprintf(replay_db, sizeof replay_db, "%s/replay.db", dir);
    sl_engine *map = NULL, *one = NULL, *replay = NULL;
    sink records = {0}, one_failures = {0};
    CHECK_INT(sl_engine_open(&map, ":memory:", NULL), 0);
    CHECK_INT(sl_records_read(map, path, NULL, 0, 100, collect, &records), 0);
    sl_engine_free(map);

    sl_ingest_options opts = {.on_error = count_failure, .ctx = &one_failures};
    CHECK_INT(sl_engine_open(&one, one_db, NULL), 0);
    CHECK_INT(sl_ingest_path(one, path, &opts, NULL), SL_EBADINPUT);
    opts.ctx = &records;
    sl_ingest_report report = {0};
    CHECK_INT(sl_engine_open(&replay, replay_db, NULL), 0);
    CHECK_INT(sl_ingest_records(replay, records.data, records.len, &opts, &report), SL_EBADINPUT);
    CHECK_INT(report.articles_new, 3);
    CHECK_INT(records.failures, 1);
    CHECK_INT(one_failures.failures, 1);
    char *a = articles_of(one), *b = articles_of(replay);
    CHECK(strstr(a, "Mill fire|Harbour Herald") != NULL);
    CHECK_STR(b, a);
    sl_copy_list *ca = NULL, *cb = NULL;
    CHECK_INT(sl_copies_list(one, 0, &ca), 0);
    CHECK_INT(sl_copies_list(replay, 0, &cb), 0);
    CHECK(ca && cb && ca->n == 1 && cb->n == 1);
    if (ca && cb && ca->n == 1 && cb->n == 1)
        CHECK(ca->items[0].article_id == cb->items[0].article_id && ca->items[0].kind == cb->items[0].kind);
    sl_copy_list_free(ca);
    sl_copy_list_free(cb);
    free(a);
    free(b);

    /* A cut buffer is refused, not half read. */
    CHECK_INT(sl_ingest_records(replay, records.data, records.len - 3, &opts, NULL), SL_EUSAGE);
    CHECK(strstr(sl_errmsg(replay), "damaged record") != NULL);
    free(records.data);
    sl_engine_free(one);
    sl_engine_free(replay);
    remove_dir(dir);
}
