/* test_store_sketch_memo.c — the copy sketches a batch has read, kept by
 * article id (src/store/sketch_memo.c): read once a batch, and every write
 * to what a kept row holds (the sketch, the article's metadata, its story
 * by a move or a merge, a rollback, another writer's commit) seen by the
 * next read as a fresh read would see it. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"
#include "store_fixture.h"
#include "test.h"
#include "util/date.h"

/* What a read of article 1's sketch gives: its sentences' bytes as text,
 * its source and its story. */
typedef struct read_back {
    char sentences[32], source[32];
    int64_t story;
} read_back;

static void read_one(sl_store *st, read_back *out)
{
    sl_stored_sketch k = {0};
    CHECK_INT(sl_store_sketch_get(st, 1, &k), 0);
    snprintf(out->sentences, sizeof out->sentences, "%.*s", (int)k.sentences.len,
             k.sentences.len ? k.sentences.ptr : "");
    snprintf(out->source, sizeof out->source, "%.*s", (int)k.source.len,
             k.source.len ? k.source.ptr : "");
    out->story = k.story_id;
    sl_stored_sketch_free(&k);
}

static void put_sketch(sl_store *st, const char *sentences)
{
    CHECK_INT(sl_store_sketch_put(st, 1, "", 0, sentences, strlen(sentences), NULL), 0);
}

/* Read twice in a batch, the row is read from the store once; a write to
 * the sketch, to the article's metadata or to its story is seen by the
 * next read, which reads the store again only where the write's statement
 * left the memo nothing to follow (a merge is followed in memory). */
TEST(store_sketch_read_once_a_batch_and_again_after_a_write)
{
    OPEN_STORE(st, path);
    put_sketch(st, "first");
    statement_count reads = {"SELECT k.sentences", 0};
    count_statements(st, &reads);
    read_back r;
    read_one(st, &r);
    read_one(st, &r);
    CHECK_INT(reads.n, 1);
    CHECK_STR(r.sentences, "first");
    put_sketch(st, "second");
    read_one(st, &r);
    CHECK_STR(r.sentences, "second");
    CHECK_INT(reads.n, 2);
    CHECK_INT(sl_store_stories_merge(st, 1, 5), 0);
    read_one(st, &r);
    CHECK_INT(r.story, 5);
    CHECK_INT(reads.n, 2); /* the merge's move followed in memory */
    CHECK_INT(sl_store_story_move(st, &(const int64_t){1}, 1, 7), 0);
    read_one(st, &r);
    CHECK_INT(r.story, 7);
    int changed = 0;
    CHECK_INT(sl_store_article_meta(st, 1, "Harbour Gazette", NULL, SL_NO_DAY, &changed), 0);
    CHECK_INT(changed, 1);
    read_one(st, &r);
    CHECK_STR(r.source, "Harbour Gazette");
    CHECK_INT(reads.n, 4);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    drop_store(st, path);
}

/* A rollback forgets what the batch read (its rows are gone); outside a
 * batch nothing is kept; another writer's commit, seen as the next batch
 * begins, forgets it too. */
TEST(store_sketch_memo_forgets_at_a_rollback_and_another_writers_commit)
{
    OPEN_STORE(st, path);
    put_sketch(st, "kept");
    CHECK_INT(sl_store_commit(st), 0);
    CHECK_INT(sl_store_begin(st), 0);
    read_back r;
    read_one(st, &r);
    put_sketch(st, "rolled back");
    read_one(st, &r);
    CHECK_STR(r.sentences, "rolled back");
    CHECK_INT(sl_store_rollback(st), 0);
    CHECK_INT(sl_store_begin(st), 0);
    read_one(st, &r);
    CHECK_STR(r.sentences, "kept");
    CHECK_INT(sl_store_commit(st), 0);
    sl_store *other = NULL;
    CHECK_INT(sl_store_open(&other, path, 0, NULL), 0);
    if (other) {
        CHECK_INT(sl_store_begin(other), 0);
        CHECK_INT(sl_store_sketch_put(other, 1, "", 0, "other writer", 12, NULL), 0);
        CHECK_INT(sl_store_commit(other), 0);
        sl_store_close(other);
    }
    statement_count reads = {"SELECT k.sentences", 0};
    count_statements(st, &reads);
    read_one(st, &r); /* outside a batch: read */
    CHECK_INT(sl_store_begin(st), 0);
    read_one(st, &r);
    CHECK_STR(r.sentences, "other writer");
    CHECK_INT(reads.n, 2);
    sqlite3_trace_v2(st->db, 0, NULL, NULL);
    drop_store(st, path);
}

/* Article 1's stamp of its sentences as a read gives it. */
static uint64_t stamp_of(sl_store *st)
{
    sl_stored_sketch k = {0};
    CHECK_INT(sl_store_sketch_get(st, 1, &k), 0);
    uint64_t stamp = k.stamp;
    sl_stored_sketch_free(&k);
    return stamp;
}

/* A kept row's stamp names its sentences' bytes: the same after a write
 * that leaves them as they were (the article's metadata, read again from
 * the store), a new one after a write of other bytes, and 0 outside a
 * batch, where nothing is kept. */
TEST(store_sketch_stamp_changes_with_the_sentences_only)
{
    OPEN_STORE(st, path);
    put_sketch(st, "first");
    uint64_t first = stamp_of(st);
    CHECK(first != 0);
    CHECK(stamp_of(st) == first);
    int changed = 0;
    CHECK_INT(sl_store_article_meta(st, 1, "Valley Courier", NULL, SL_NO_DAY, &changed), 0);
    CHECK_INT(changed, 1);
    CHECK(stamp_of(st) == first);
    put_sketch(st, "second");
    uint64_t second = stamp_of(st);
    CHECK(second != 0 && second != first);
    put_sketch(st, "first");
    CHECK(stamp_of(st) != first && stamp_of(st) != second);
    CHECK_INT(sl_store_commit(st), 0);
    CHECK(stamp_of(st) == 0);
    drop_store(st, path);
}

/* An article whose sketch has no sentences (sl_store_sketch_put binds ""
 * for none) keeps its stamp when written again alike: the bytes are
 * compared only when there are some (memcmp of a buffer never filled, a
 * null pointer, is undefined even for no bytes: UBSan stops `make test`). */
TEST(store_sketch_stamp_of_no_sentences)
{
    OPEN_STORE(st, path);
    put_sketch(st, "");
    uint64_t first = stamp_of(st);
    CHECK(first != 0);
    put_sketch(st, ""); /* drops the kept row: the next read is from the store */
    CHECK(stamp_of(st) == first);
    put_sketch(st, "first");
    CHECK(stamp_of(st) != first);
    drop_store(st, path);
}
