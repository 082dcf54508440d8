/* store_fixture.h — what the store's unit tests share (store_fixture.c): a
 * fresh store of one article, dropped with its side files after the test,
 * a count of the statements the store runs, and small reads and writes of
 * its rows. */
#ifndef SL_TEST_STORE_FIXTURE_H
#define SL_TEST_STORE_FIXTURE_H

#include "store/store_internal.h"
#include "test.h"

/* The one article's text (id 1, story 1). */
extern const char store_fixture_text[];

/* A fresh store holding one article (id 1) of store_fixture_text, its file
 * named in `path`; NULL when it cannot be made. */
sl_store *store_with_article(char *path, size_t size);

/* Opens a fresh store of one article for the test (`st`, its file in
 * `path`), or ends the test. */
#define OPEN_STORE(st, path)                                                                       \
    char path[256];                                                                                \
    sl_store *st = store_with_article(path, sizeof path);                                          \
    CHECK(st != NULL);                                                                             \
    if (!st)                                                                                       \
        return

/* A short line's fingerprint whose line_articles pair holds n: from schema
 * 30 a pair keeps the fingerprint's high 47 bits (line_articles.c), so
 * fingerprints that differ only below bit 17 share a pair. */
#define SL_TEST_LINE(n) ((int64_t)((uint64_t)(n) << 17))

/* Closes the store and removes its file, WAL and shared-memory file. */
void drop_store(sl_store *st, const char *path);
/* Removes a store's file, WAL and shared-memory file (an engine's store). */
void remove_store_files(const char *path);

/* The first column of the first row `sql` gives on the store's
 * connection, as an integer; -1 when there is none. */
int64_t count_rows(sl_store *st, const char *sql);

/* Statements run on the store's connection whose SQL begins with `prefix`
 * (sqlite3_trace_v2), counted in `n` from count_statements on. */
typedef struct statement_count {
    const char *prefix;
    int n;
} statement_count;

void count_statements(sl_store *st, statement_count *c);

/* The first column of the first row `sql` gives in the store at path as
 * an int, -1 when it gives none. */
int query_int(const char *path, const char *sql);

/* Every (line, article) pair, in whichever table it is. */
#define LINE_PAIRS "(SELECT * FROM line_articles UNION ALL SELECT * FROM line_articles_recent)"
/* Pairs of article `id` (0: all); of line_articles alone when `merged`. */
int line_pairs_in(sl_store *st, int64_t id, int merged);
int line_pairs(sl_store *st, int64_t id);
/* The articles other than `self` carrying line SL_TEST_LINE(line), up to
 * 10; carriers: of any article. */
uint32_t carriers_but(sl_store *st, int64_t line, int64_t self);
uint32_t carriers(sl_store *st, int64_t line);

/* Inserts an article row with id `id` (the store's last when highest). */
void add_article_row(sl_store *st, int64_t id);

#endif
