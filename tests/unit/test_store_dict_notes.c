/* test_store_dict_notes.c — the dictionary's notes of the terms a writer
 * stored as themselves (src/store/term_dict.c), kept in its map of ids as
 * SL_DICT_INLINE: the first article of a term notes it and gives no id,
 * the second gives it one in the note's place; a note reads as "no id";
 * past SL_STORE_NOTES_MAX the notes are dropped and the ids kept; no id
 * is handed out at or past the mark. */
#include <stdio.h>
#include <unistd.h>

#include "store/store_internal.h"
#include "store_fixture.h"
#include "test.h"

/* A fresh store in a batch: its dictionary is wholly in memory. */
static sl_store *fresh_store(char *path, size_t size)
{
    snprintf(path, size, "/tmp/sl-unit-dict-notes-%d.db", (int)getpid());
    remove_store_files(path);
    sl_store *st = NULL;
    if (sl_store_open(&st, path, 0, NULL) || sl_store_begin(st)) {
        drop_store(st, path);
        return NULL;
    }
    return st;
}

#define FRESH_STORE(st, path)                                                                      \
    char path[64];                                                                                 \
    sl_store *st = fresh_store(path, sizeof path);                                                 \
    CHECK(st != NULL);                                                                             \
    if (!st)                                                                                       \
        return

static uint32_t held(sl_store *st, uint64_t term)
{
    const uint32_t *v = sl_count_cell(st->dict.ids, 1, term, 0);
    return v ? *v : 0;
}

TEST(store_dict_notes_a_term_stored_as_itself_in_its_ids)
{
    FRESH_STORE(st, path);
    const uint64_t term = 0x7100000000000011u;
    uint32_t id = 5, found = 5;
    CHECK_INT(sl_store_dict_id(st, term, &id), 0);
    CHECK_INT(id, 0); /* its first article: stored as itself */
    CHECK(held(st, term) == SL_DICT_INLINE && st->dict.n_inline == 1);
    CHECK_INT(sl_store_dict_find(st, term, &found), 0);
    CHECK_INT(found, 0);
    CHECK_INT(sl_store_dict_learn(st, term, 0), 0);
    CHECK(held(st, term) == SL_DICT_INLINE); /* the note stays */
    CHECK_INT(sl_store_dict_id(st, term, &id), 0);
    CHECK(id > 0 && id != SL_DICT_INLINE); /* its second: an id, in the note's place */
    CHECK_INT(held(st, term), id);
    CHECK_INT(sl_store_dict_find(st, term, &found), 0);
    CHECK_INT(found, id);
    CHECK_INT(st->dict.ids->used, 1);
    drop_store(st, path);
}

TEST(store_dict_notes_dropped_past_their_cap_ids_kept)
{
    FRESH_STORE(st, path);
    const uint64_t first = 0x7200000000000000u, with_id = 0x7300000000000001u;
    uint32_t id = 0, kept = 0;
    CHECK_INT(sl_store_dict_id(st, with_id, &id), 0);
    CHECK_INT(sl_store_dict_id(st, with_id, &kept), 0);
    CHECK(kept > 0);
    for (uint64_t k = 0; k + 1 < SL_STORE_NOTES_MAX; k++)
        CHECK_INT(sl_store_dict_id(st, first + k, &id), 0);
    CHECK_INT(st->dict.n_inline, SL_STORE_NOTES_MAX); /* with_id's note counts too */
    CHECK(held(st, first) == SL_DICT_INLINE);
    CHECK_INT(sl_store_dict_id(st, first + SL_STORE_NOTES_MAX, &id), 0); /* past the cap */
    CHECK_INT(id, 0);
    CHECK_INT(st->dict.n_inline, 1);
    CHECK_INT(st->dict.ids->used, 2); /* with_id's id and the new note */
    CHECK_INT(held(st, with_id), kept);
    CHECK_INT(sl_store_dict_id(st, first, &id), 0);
    CHECK_INT(id, 0); /* its note forgotten: stored as itself again (bytes, not a result) */
    drop_store(st, path);
}

/* A store whose last id is UINT32_MAX - 1, the last a binary before the
 * notes moved below SL_COUNT_NONE gave: its next id would be SL_COUNT_NONE
 * (read as "no value" by the map) and the one after 0 ("not read yet").
 * Refused as too large, as at the end of the ids before. */
TEST(store_dict_notes_no_id_past_the_mark)
{
    FRESH_STORE(st, path);
    CHECK_INT(sqlite3_exec(st->db, "INSERT INTO term_dict VALUES (4294967294, 8116567392432202711)",
                           NULL, NULL, NULL),
              SQLITE_OK);
    uint32_t id = 7;
    CHECK_INT(sl_store_dict_give(st, 0x7400000000000021u, &id), SL_ETOOLARGE);
    CHECK_INT(st->dict.next, UINT32_MAX); /* not handed out, not wrapped to 0 */
    CHECK_INT(sl_store_dict_id(st, 0x7400000000000022u, &id), 0); /* first article: a note */
    CHECK_INT(sl_store_dict_id(st, 0x7400000000000022u, &id), SL_ETOOLARGE); /* second: none left */
    CHECK_INT(st->dict.next, UINT32_MAX);
    drop_store(st, path);
}
