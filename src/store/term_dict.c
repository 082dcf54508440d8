/* term_dict.c — table term_dict, the store-wide dictionary of terms (from
 * schema 17): each distinct term (a stem's 64-bit hash) stored once with a
 * small id given in order of first appearance, so that the tables of many
 * terms an article (article_terms) hold 1-3 byte varints instead of 8-byte
 * hashes, and new terms append to the end of the table. The writer keeps
 * what it has read or assigned in memory, filled term by term as articles
 * meet them (nothing is read at open); the new rows are written at the
 * commit of the batch that brought them, in its transaction
 * (sl_store_dict_flush). A
 * term enters the dictionary at its second article: at its first it is
 * stored as itself (article_terms.c). The table has no index by term (a
 * random 64-bit key, whose pages every batch dirtied all over: store6's
 * bytes written, docs/benchmarks.md "Eleventh round"): a term's id is
 * also in its row of terms (terms.c), read with its count. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util/alloc.h"

/* The terms of a block of ids, read by rowid range (sl_store_dict_term). */
static const char Q_TERMS[] = "SELECT id, term FROM term_dict WHERE id BETWEEN ?1 AND ?2";
/* The terms of many ids (sl_rows' c0; r.rowid, the id's place), read
 * together by sl_store_dict_terms. */
static const char Q_TERMS_OF[] =
    "SELECT r.rowid, d.term FROM sl_rows(?1) r CROSS JOIN term_dict d ON d.id = r.c0";
static const char Q_LAST[] = "SELECT coalesce(max(id), 0) FROM term_dict";
static const char Q_ADD[] = "INSERT OR IGNORE INTO term_dict SELECT c0, c1 FROM sl_rows(?1)";
static const char Q_EMPTY[] = "SELECT NOT EXISTS (SELECT 1 FROM articles)";

int sl_store_dict_open(sl_store *st)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_EMPTY);
    if (!s || sqlite3_step(s) != SQLITE_ROW) {
        if (s)
            sqlite3_reset(s);
        return SL_ESTORE;
    }
    st->dict.fresh = sqlite3_column_int(s, 0);
    sqlite3_reset(s);
    return 0;
}

/* The id cell of `term` (sl_count_cell), created when `create`. */
static uint32_t *id_cell(sl_term_dict *d, uint64_t term, int create)
{
    return sl_count_cell(d->ids, 1, term, create);
}

void sl_store_dict_init(sl_term_dict *d)
{
    *d = (sl_term_dict){.ids = &d->own_ids};
    sl_count_pair(&d->own_ids); /* ids in column 1; a key with none is pruned (drop_inline_notes) */
}

void sl_store_dict_forget(sl_term_dict *d)
{
    sl_count_free(&d->own_ids);
    if (d->ids != &d->own_ids)
        sl_count_clear(d->ids, 1);
    sl_count_free(&d->unnumbered);
    free(d->terms);
    free(d->noted);
    sl_count_map *ids = d->ids;
    *d = (sl_term_dict){.ids = ids, .own_ids = {.pair = 1},
                        .data_version = d->data_version, .in_migration = d->in_migration,
                        .fresh = d->fresh};
}

void sl_store_share_terms(sl_store *st, sl_count_map *terms)
{
    sl_store_dict_forget(&st->dict);
    st->dict.ids = terms;
}

int sl_store_dict_check(sl_store *st)
{
    int64_t version;
    if (sl_store_data_version(st, &version))
        return SL_ESTORE;
    if (version != st->dict.data_version) {
        sl_store_dict_forget(&st->dict);
        st->dict.fresh &= !st->dict.data_version; /* another writer's articles */
    }
    st->dict.data_version = version;
    return 0;
}

/* Makes room in d->terms for `id`. */
static int terms_room(sl_term_dict *d, uint32_t id)
{
    if (id >= d->terms_cap) {
        size_t cap = d->terms_cap ? d->terms_cap : 4096;
        while (cap <= id)
            cap *= 2;
        uint64_t *terms = sl_realloc(d->terms, cap * sizeof *terms);
        if (!terms)
            return SL_ENOMEM;
        for (size_t i = d->terms_cap; i < cap; i++)
            terms[i] = 0;
        d->terms = terms;
        d->terms_cap = cap;
    }
    return 0;
}

/* Remembers that `term` has `id` in both directions. */
static int remember(sl_term_dict *d, uint64_t term, uint32_t id)
{
    if (terms_room(d, id))
        return SL_ENOMEM;
    uint32_t *slot = id_cell(d, term, 1);
    if (!slot)
        return SL_ENOMEM;
    *slot = id;
    d->terms[id] = term;
    return 0;
}

/* Remembers that `term` has no id in the store: asked again (a term of
 * one article, read and written by story_terms.c at each change of a
 * centroid that holds it), it is not looked up again until an id is
 * given to it here, which takes the place of the note. In a store that
 * held 1,000 Reuters stories, the next 1,000 asked the store 28,336
 * times, 187 M instructions of 3,437 M (docs/history/benchmarks-rounds.md, "Thirteenth
 * round"). */
static int remember_none(sl_term_dict *d, uint64_t term)
{
    return id_cell(d, term, 1) ? 0 : SL_ENOMEM;
}

/* The first id a new term may take, read once: the table's last id + 1.
 * An empty table is wholly in memory from then on, so a term not in
 * memory is new without asking the store. */
static int read_last(sl_store *st)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_LAST);
    if (!s || sqlite3_step(s) != SQLITE_ROW) {
        if (s)
            sqlite3_reset(s);
        return SL_ESTORE;
    }
    int64_t last = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    st->dict.next = st->dict.flushed = (uint32_t)last + 1;
    st->dict.complete = last == 0;
    return 0;
}

/* The ids without the notes SL_DICT_INLINE (a key the other column of a
 * shared map holds stays); SL_ENOMEM (the notes gone, the map's room as
 * it was) when out of memory. */
static int drop_inline_notes(sl_term_dict *d)
{
    sl_count_map *m = d->ids;
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i] && m->more[i] == SL_DICT_INLINE)
            m->more[i] = SL_COUNT_NONE;
    d->n_inline = 0;
    return sl_count_prune(m) ? SL_ENOMEM : 0;
}

/* The stored id of `term` (0 when it has none) and whether an article
 * before this one has it: one this writer stored it in; in a store that
 * held articles when the writer opened it, also its count in terms
 * (committed; in a migration it includes the article's own), read with
 * its id in one statement. Asking terms in a fresh store too was 120 M
 * instructions of 2,966 M on the first 1,000 Reuters stories. The first
 * time, the term is noted as stored as itself (SL_DICT_INLINE in ids); the
 * notes are dropped when they pass SL_STORE_NOTES_MAX, which costs bytes,
 * never a result. */
static int stored(sl_store *st, uint64_t term, uint32_t *id, int *seen)
{
    sl_term_dict *d = &st->dict;
    uint32_t df = 0;
    *id = 0;
    if ((d->in_migration || !d->fresh || !d->complete) && sl_store_term_get(st, term, &df, id))
        return SL_ESTORE;
    *seen = df > (d->in_migration ? 1u : 0u);
    if (*id || *seen || d->in_migration)
        return 0;
    if (d->n_inline >= SL_STORE_NOTES_MAX && drop_inline_notes(d))
        return SL_ENOMEM;
    uint32_t *slot = id_cell(d, term, 1);
    if (!slot)
        return SL_ENOMEM;
    *seen = *slot == SL_DICT_INLINE;
    if (!*seen) {
        *slot = SL_DICT_INLINE;
        d->n_inline++;
    }
    return 0;
}

/* Whether d->next may be given: below the mark SL_DICT_INLINE. A store an
 * earlier binary filled to UINT32_MAX - 1 reads next as UINT32_MAX, which
 * given would be SL_COUNT_NONE and wrap next to 0: none left there either. */
static int id_left(const sl_term_dict *d) { return d->next < SL_DICT_INLINE; }

/* Whether ids' answer `known` is an id. */
static int is_id(const uint32_t *known) { return known && *known && *known != SL_DICT_INLINE; }

int sl_store_dict_id(sl_store *st, uint64_t term, uint32_t *id)
{
    sl_term_dict *d = &st->dict;
    const uint32_t *known = id_cell(d, term, 0);
    if (is_id(known)) {
        *id = *known;
        return 0;
    }
    int seen = 0;
    int rc = d->next ? 0 : read_last(st);
    if (!rc)
        rc = stored(st, term, id, &seen);
    if (rc || (!*id && !seen))
        return rc;
    if (!*id) {
        if (!id_left(d))
            return SL_ETOOLARGE;
        *id = d->next++;
    }
    return remember(d, term, *id);
}

int sl_store_dict_find(sl_store *st, uint64_t term, uint32_t *id)
{
    sl_term_dict *d = &st->dict;
    const uint32_t *known = id_cell(d, term, 0);
    *id = is_id(known) ? *known : 0;
    int rc = known || d->next ? 0 : read_last(st);
    if (rc || known || (d->fresh && d->complete && !d->in_migration))
        return rc;
    uint32_t df;
    if (sl_store_term_get(st, term, &df, id))
        return SL_ESTORE;
    return *id ? remember(d, term, *id) : remember_none(d, term);
}

int sl_store_dict_learn(sl_store *st, uint64_t term, uint32_t id)
{
    sl_term_dict *d = &st->dict;
    const uint32_t *known = id_cell(d, term, 0);
    if (is_id(known) || (known && !id)) /* a note SL_DICT_INLINE says "none" too */
        return 0;
    return id ? remember(d, term, id) : remember_none(d, term);
}

int sl_store_dict_give(sl_store *st, uint64_t term, uint32_t *id)
{
    sl_term_dict *d = &st->dict;
    int rc = sl_store_dict_find(st, term, id);
    if (rc || *id)
        return rc;
    if (!id_left(d))
        return SL_ETOOLARGE;
    *id = d->next++;
    return remember(d, term, *id);
}

/* Ids read together by sl_store_dict_term (a power of two): it turned
 * the ids of stored articles' vectors back into terms for the stories
 * split and revisit until the thirty-seventh round, which reads a row's
 * missing ids by one statement (sl_store_dict_terms, below); it now reads
 * the centroids of schemas 19 to 24 (centroids.c). One statement an id was 3,880
 * instructions; until schema 25 a run read every block of the dictionary
 * to turn the ids of the stories' centroids back, and 64 ids a block read
 * by rowid range cost about 60 instructions an id (docs/history/benchmarks-rounds.md,
 * "Fourteenth round"). From schema 25 the centroids hold their terms, and
 * the vectors' ids are scattered: 500 tier articles into a store of
 * 200,000 took 2,302.6 M instructions by blocks of 64, 2,214.6 M of 16,
 * 2,191.0 M of 8, 2,178.2 M of 4, 2,173.1 M of 2, 2,171.5 M of 1 (one id a
 * statement; a migration reading every centroid of schema 24 then steps a
 * statement an id), the same 1,168.8 M into a store of 10,000
 * (docs/history/benchmarks-rounds.md, "Twenty-second round"). Only the id -> term side
 * is filled: the term -> id side keeps asking the store as before. */
#define TERM_BLOCK 4u

/* What the store says when a stored id has no term in the dictionary
 * (SQLite itself saw no error). */
static const char NO_TERM[] = "a term id stored with an article or story is not in the term dictionary (a damaged store)";

/* Reads the terms of the block of ids that holds `id` into d->terms, and
 * id's into *term; SL_ESTORE when the block lacks id (a damaged store). */
static int read_block(sl_store *st, uint32_t id, uint64_t *term)
{
    sl_term_dict *d = &st->dict;
    uint32_t first = id & ~(TERM_BLOCK - 1), last = id | (TERM_BLOCK - 1);
    if (terms_room(d, last))
        return SL_ENOMEM;
    sqlite3_stmt *s = sl_store_stmt(st, Q_TERMS);
    if (!s || sqlite3_bind_int64(s, 1, first) || sqlite3_bind_int64(s, 2, last))
        return SL_ESTORE;
    int rc, found = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t at = sqlite3_column_int64(s, 0);
        uint64_t t = (uint64_t)sqlite3_column_int64(s, 1);
        if (at == id) {
            *term = t;
            found = 1;
        } else if (!d->terms[at]) { /* first <= at <= last: the statement's range */
            d->terms[at] = t;
        }
    }
    sqlite3_reset(s);
    if (rc == SQLITE_DONE && !found)
        st->damaged = NO_TERM;
    return rc == SQLITE_DONE && found ? 0 : SL_ESTORE;
}

int sl_store_dict_term(sl_store *st, uint32_t id, uint64_t *term)
{
    sl_term_dict *d = &st->dict;
    if (id < d->terms_cap && d->terms[id]) {
        *term = d->terms[id];
        return 0;
    }
    int rc = read_block(st, id, term);
    return rc ? rc : remember(d, *term, id);
}

/* The most ids sl_store_dict_terms reads by one statement. */
#define TERMS_AT_ONCE 128u

/* Reads the terms of missing[0, n) into terms[at[i]] and remembers them;
 * SL_ESTORE when the dictionary lacks one (a damaged store). */
static int read_missing(sl_store *st, const uint64_t *missing, const size_t *at, size_t n,
                        uint64_t *terms)
{
    static const sl_store_rows rows = {Q_TERMS_OF, 1, sl_store_row_u64};
    sl_store_rows_source source = {&rows, (void *)missing, n};
    sqlite3_stmt *s = sl_store_stmt(st, Q_TERMS_OF);
    if (!s || sl_store_rows_bind(s, &source))
        return SL_ESTORE;
    int rc, err = 0;
    size_t found = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && !err) {
        int64_t row = sqlite3_column_int64(s, 0);
        if (row < 0 || (size_t)row >= n)
            continue;
        uint64_t term = (uint64_t)sqlite3_column_int64(s, 1);
        terms[at[row]] = term;
        found++;
        err = remember(&st->dict, term, (uint32_t)missing[row]);
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s); /* missing is the caller's, gone after */
    if (err)
        return err;
    if (rc == SQLITE_DONE && found != n)
        st->damaged = NO_TERM;
    return rc == SQLITE_DONE && found == n ? 0 : SL_ESTORE;
}

int sl_store_dict_terms(sl_store *st, const uint32_t *ids, size_t n, uint64_t *terms)
{
    const sl_term_dict *d = &st->dict;
    uint64_t missing[TERMS_AT_ONCE];
    size_t at[TERMS_AT_ONCE], k = 0;
    for (size_t i = 0; i < n; i++) {
        terms[i] = ids[i] < d->terms_cap ? d->terms[ids[i]] : 0;
        if (terms[i])
            continue;
        missing[k] = ids[i];
        at[k++] = i;
        if (k == TERMS_AT_ONCE) {
            int rc = read_missing(st, missing, at, k, terms);
            if (rc)
                return rc;
            k = 0;
        }
    }
    return k ? read_missing(st, missing, at, k, terms) : 0;
}

uint32_t sl_store_dict_note(sl_term_dict *d, uint64_t term)
{
    const uint32_t *id = id_cell(d, term, 0);
    if (!id || *id < d->flushed || *id >= d->next)
        return 0;
    size_t at = *id - d->flushed;
    if (at >= d->noted_cap) { /* no room to mark it: the flush writes every id */
        size_t cap = (size_t)(d->next - d->flushed) * 2;
        unsigned char *noted = sl_realloc(d->noted, cap);
        if (!noted)
            return *id;
        memset(noted + d->noted_cap, 0, cap - d->noted_cap);
        d->noted = noted;
        d->noted_cap = cap;
    }
    d->n_noted += !d->noted[at];
    d->noted[at] = 1;
    return *id;
}

/* Row `row` of the new terms: (id, term). */
static int64_t new_row(void *ctx, size_t row, int col)
{
    const sl_term_dict *d = ctx;
    uint32_t id = d->flushed + (uint32_t)row;
    return col ? (int64_t)d->terms[id] : (int64_t)id;
}

int sl_store_dict_flush(sl_store *st)
{
    static const sl_store_rows add = {Q_ADD, 2, new_row};
    sl_term_dict *d = &st->dict;
    if (d->next <= d->flushed)
        return 0;
    uint32_t n = d->next - d->flushed;
    if (sl_store_exec_rows(st, &add, n, d) ||
        (d->n_noted < n && sl_store_terms_ids_put(st, n, new_row, d)))
        return SL_ESTORE;
    d->flushed = d->next;
    d->n_noted = 0;
    if (d->noted)
        memset(d->noted, 0, d->noted_cap);
    return 0;
}
