/* test_store_derived.c — an article's source and published date held as an
 * empty blob when its other columns give them (schema 29,
 * SL_STORE_ARTICLE_SOURCE and SL_STORE_ARTICLE_PUBLISHED in
 * store_internal.h; sl_store_source_column for a sketch's source): what is
 * held that way, and that every value reads back as given, across a new
 * version and metadata given again. */
#include <string.h>

#include "store_fixture.h"
#include "test.h"
#include "util/date.h"

/* An article row from identity, key, source and published (its day). */
static sl_article_row row_of(const char *identity, const char *key, const char *source,
                             const char *published)
{
    return (sl_article_row){.identity = identity,
                            .key = key,
                            .source = source,
                            .published = published,
                            .published_day = published ? sl_date_day(published) : SL_NO_DAY,
                            .text = store_fixture_text,
                            .story_id = 1};
}

/* Whether two strings, either NULL, are the same. */
static int same(const char *a, const char *b)
{
    return a && b ? strcmp(a, b) == 0 : a == b;
}

/* Whether article `id` reads back with this source and date. */
static int reads(sl_store *st, int64_t id, const char *source, const char *published)
{
    sl_article *a = NULL;
    CHECK_INT(sl_store_article_get(st, id, &a), 0);
    int ok = a && same(a->source, source) && same(a->published, published);
    sl_article_free(a);
    return ok;
}

/* How many articles hold their source (or date) as a blob. */
static int64_t blobs(sl_store *st, const char *column)
{
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM articles WHERE typeof(%s) = 'blob'", column);
    return count_rows(st, sql);
}

TEST(store_derived_source_and_date_as_blobs)
{
    OPEN_STORE(st, path);
    struct {
        const char *identity, *key, *source, *published;
    } rows[] = {
        {"key:Wire/7", "7", "Wire", "2026-05-01"},   /* both held as blobs */
        {"key:A/B/c/d", "c/d", "A/B", "1987-02-26"}, /* slashes in both: still exact */
        {"url:https://example.org/x", "9", "Wire", "2026-05-01T10:00:00Z"}, /* neither */
        {"key:Wire/8", "8", NULL, NULL},            /* neither: none to hold */
        {"key:Other/5", "5", "Wire", "1969-12-31"}, /* the date only, before 1970 */
        {"key:/6", "6", "", NULL},                  /* an empty source */
        {"key:Z\u00fcrich/\u00e41", "\u00e41", "Z\u00fcrich", "2026-05-01 x"}, /* UTF-8 */
        {"key:\x80x/\x80", "\x80", "\x80x", NULL}, /* not UTF-8: cut in bytes */
    };
    enum { N = sizeof rows / sizeof rows[0] };
    int64_t ids[N];
    for (int i = 0; i < N; i++) {
        sl_article_row row =
            row_of(rows[i].identity, rows[i].key, rows[i].source, rows[i].published);
        CHECK_INT(sl_store_article_insert(st, &row, &ids[i]), 0);
    }
    CHECK_INT(blobs(st, "source"), 5);
    CHECK_INT(blobs(st, "published"), 3);
    for (int i = 0; i < N; i++)
        CHECK(reads(st, ids[i], rows[i].source, rows[i].published));
    /* a candidate's sketch reads the same sources (sl_store_source_column) */
    for (int i = 0; i < N; i++) {
        sl_stored_sketch k = {0};
        const char *want = rows[i].source ? rows[i].source : "";
        CHECK_INT(sl_store_sketch_put(st, ids[i], "", 0, "x", 1, NULL), 0);
        CHECK_INT(sl_store_sketch_get(st, ids[i], &k), 0);
        CHECK(k.source.len == strlen(want) && memcmp(k.source.ptr ? k.source.ptr : "", want,
                                                     k.source.len) == 0);
        sl_stored_sketch_free(&k);
    }
    /* the stories' count of sources reads the derived source */
    CHECK_INT(count_rows(st,
                         "SELECT count(DISTINCT " SL_STORE_ARTICLE_SOURCE("a") ") FROM articles a"
                                                                               " WHERE a.id > 1"),
              5);
    drop_store(st, path);
}

TEST(store_derived_kept_by_new_versions_and_metadata)
{
    OPEN_STORE(st, path);
    sl_article_row row = row_of("key:Wire/7", "7", "Wire", "2026-05-01");
    int64_t id = 0;
    int changed = -1, version = 0;
    CHECK_INT(sl_store_article_insert(st, &row, &id), 0);
    /* the same metadata given again changes nothing */
    CHECK_INT(
        sl_store_article_meta(st, id, "Wire", "2026-05-01", sl_date_day("2026-05-01"), &changed),
        0);
    CHECK_INT(changed, 0);
    /* a new date, as a timestamp: held as itself, the source still a blob */
    CHECK_INT(sl_store_article_meta(st, id, NULL, "2026-05-02T08:00:00Z",
                                    sl_date_day("2026-05-02T08:00:00Z"), &changed),
              0);
    CHECK_INT(changed, 1);
    CHECK(reads(st, id, "Wire", "2026-05-02T08:00:00Z"));
    CHECK_INT(blobs(st, "published"), 0);
    CHECK_INT(blobs(st, "source"), 1);
    /* another source: held as itself; the day alone again a blob */
    CHECK_INT(
        sl_store_article_meta(st, id, "Agency", "2026-05-03", sl_date_day("2026-05-03"), &changed),
        0);
    CHECK_INT(changed, 1);
    CHECK(reads(st, id, "Agency", "2026-05-03"));
    CHECK_INT(blobs(st, "source"), 0);
    CHECK_INT(blobs(st, "published"), 1);
    /* a new version holds its source as itself (the stored identity is not
     * the row's to compare), its date as a blob */
    sl_article_row next = row_of("key:Wire/7", "7", "Wire", "2026-05-04");
    next.text = "Councillor Aila Brenn said the board met 4 times.";
    CHECK_INT(sl_store_article_replace(st, id, &next, &version), 0);
    CHECK(reads(st, id, "Wire", "2026-05-04"));
    CHECK_INT(blobs(st, "source"), 0);
    CHECK_INT(blobs(st, "published"), 1);
    drop_store(st, path);
}

/* A schema-28 store's rows (texts) read as they are. */
TEST(store_derived_texts_read_as_they_are)
{
    OPEN_STORE(st, path);
    sl_article_row row = row_of("key:Wire/7", "7", "Wire", "2026-05-01");
    int64_t id = 0;
    CHECK_INT(sl_store_article_insert(st, &row, &id), 0);
    CHECK_INT(sqlite3_exec(st->db, "UPDATE articles SET source = 'Wire', published = '2026-05-01'",
                           NULL, NULL, NULL),
              SQLITE_OK);
    CHECK_INT(blobs(st, "source") + blobs(st, "published"), 0);
    CHECK(reads(st, id, "Wire", "2026-05-01"));
    drop_store(st, path);
}
