/* test_store_paths.c — an input file's path held once a batch (schema 28,
 * src/store/paths.c): the batch's first article from a file holds the path
 * in its row, its next ones from that file name a row of paths, and every
 * article reads its own path back, across a new version, a commit and a
 * rollback. */
#include <sqlite3.h>
#include <string.h>

#include "store_fixture.h"
#include "test.h"
#include "util/date.h"

/* Inserts an article of `path` (NULL: none); its id, or 0. */
static int64_t insert_from(sl_store *st, const char *path)
{
    sl_article_row row = {.text = store_fixture_text, .path = path, .published_day = SL_NO_DAY,
                          .story_id = 1};
    int64_t id = 0;
    CHECK_INT(sl_store_article_insert(st, &row, &id), 0);
    return id;
}

/* Whether article `id` reads back with `path` (NULL: none). */
static int reads_path(sl_store *st, int64_t id, const char *path)
{
    sl_article *a = NULL;
    CHECK_INT(sl_store_article_get(st, id, &a), 0);
    int same = a && (path ? a->path && strcmp(a->path, path) == 0 : a->path == NULL);
    sl_article_free(a);
    return same;
}

TEST(store_paths_held_once_a_batch)
{
    OPEN_STORE(st, path);
    const char *feed = "/data/feed.jsonl", *other = "/data/other.jsonl";
    int64_t ids[7];
    const char *from[7] = {feed, feed, feed, other, feed, NULL, feed};
    for (int i = 0; i < 7; i++)
        ids[i] = insert_from(st, from[i]);
    /* the rows: feed held, then named twice; other held; feed held again
     * (the last held path was other's), none, then named by a new row */
    CHECK_INT(count_rows(st, "SELECT count(*) FROM paths"), 2);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM articles WHERE path IS NULL AND path_id IS NOT NULL"),
              3);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM articles WHERE path IS NOT NULL"), 3);
    for (int i = 0; i < 7; i++)
        CHECK(reads_path(st, ids[i], from[i]));
    /* a new version from another file holds its own path, its row of paths gone from it */
    sl_article_row row = {.text = "Councillor Aila Brenn said the board met 4 times.", .path = other,
                          .published_day = SL_NO_DAY, .story_id = 1};
    int version = 0;
    CHECK_INT(sl_store_article_replace(st, ids[2], &row, &version), 0);
    CHECK(reads_path(st, ids[2], other));
    CHECK(reads_path(st, ids[1], feed)); /* the row it named still names feed for the others */
    /* after the commit, the next batch holds the path in its first row again */
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(sl_store_begin(st), 0);
    int64_t next = insert_from(st, feed);
    CHECK_INT(count_rows(st, "SELECT count(*) FROM articles WHERE path IS NOT NULL"), 5);
    CHECK(reads_path(st, next, feed));
    drop_store(st, path);
}

/* A rolled-back batch's row of paths is gone: the next batch does not name it. */
TEST(store_paths_forgotten_at_a_rollback)
{
    OPEN_STORE(st, path);
    insert_from(st, "/data/a.jsonl");
    insert_from(st, "/data/a.jsonl");
    CHECK_INT(count_rows(st, "SELECT count(*) FROM paths"), 1);
    CHECK_INT(sl_store_rollback(st), 0);
    CHECK_INT(sl_store_begin(st), 0);
    int64_t first = insert_from(st, "/data/b.jsonl");
    int64_t second = insert_from(st, "/data/b.jsonl");
    CHECK(reads_path(st, first, "/data/b.jsonl"));
    CHECK(reads_path(st, second, "/data/b.jsonl"));
    CHECK_INT(count_rows(st, "SELECT count(*) FROM paths"), 1);
    drop_store(st, path);
}

/* A store of schema 27 (no paths) reads its rows' paths as they are. */
TEST(store_paths_schema_27_reads_its_rows)
{
    OPEN_STORE(st, path);
    int64_t id = insert_from(st, "/data/a.jsonl");
    CHECK_INT(sqlite3_exec(st->db, "DROP TABLE paths; ALTER TABLE articles DROP COLUMN path_id",
                           NULL, NULL, NULL), SQLITE_OK);
    st->schema = SL_STORE_PATHS_SINCE - 1;
    CHECK(reads_path(st, id, "/data/a.jsonl"));
    drop_store(st, path);
}
