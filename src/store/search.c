/* search.c — full-text search over titles and texts with SQLite FTS5, ranked
 * by bm25 with titles weighted three times the body, and each hit's snippet:
 * a few hundred bytes around the first match, matches marked with [ ]. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util/alloc.h"

static const char Q_SEARCH[] =
    "SELECT f.rowid, a.story_id, bm25(article_fts, 3.0, 1.0), a.title,"
    " a.text"
    " FROM article_fts f JOIN articles a ON a.id = f.rowid"
    " WHERE article_fts MATCH ?1 ORDER BY bm25(article_fts, 3.0, 1.0) LIMIT ?2";

/* Turns free words into an FTS5 query of quoted terms (ANDed), so that
 * "cease-fire Cairo" or a stray quote mark is never a syntax error. A query
 * that already uses FTS5 syntax (AND/OR/NOT/NEAR, quotes, *) is passed on. */
static int fts_query(const char *query, sl_buf *out)
{
    static const char *const ops[] = {" AND ", " OR ", " NOT ", "NEAR(", "\"", "*"};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strstr(query, ops[i]))
            return sl_buf_puts(out, query);
    const char *p = query;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (p > start) {
            if (out->len)
                sl_buf_putc(out, ' ');
            sl_buf_putc(out, '"');
            sl_buf_put(out, start, (size_t)(p - start));
            sl_buf_putc(out, '"');
        }
    }
    return out->err;
}

/* ---- snippets ------------------------------------------------------------- */

/* A snippet is at most this many bytes of text (plus marks and ellipses),
 * starting up to SNIPPET_BEFORE bytes before the first match. FTS5's
 * snippet() scored every window against every match: its time grew with the
 * square of the article (a 4 MB article took 28 s to search) and a long
 * token made a megabyte snippet. Here the text is read once, up to the
 * first match. */
#define SNIPPET_MAX 240
#define SNIPPET_BEFORE 80
#define SNIPPET_TERMS 16
#define TERM_MAX 64

typedef struct terms {
    char word[SNIPPET_TERMS][TERM_MAX];   /* ASCII folded to lower case */
    int prefix[SNIPPET_TERMS];            /* "harb*": any word starting so */
    size_t n;
} terms;

static int word_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80 || c == '_';
}

static char fold(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

/* The words of a query, operators (AND, OR, NOT, NEAR) left out. */
static void query_terms(const char *query, terms *t)
{
    t->n = 0;
    for (const char *p = query; *p && t->n < SNIPPET_TERMS;) {
        while (*p && !word_byte((unsigned char)*p))
            p++;
        const char *start = p;
        while (word_byte((unsigned char)*p))
            p++;
        size_t n = (size_t)(p - start);
        if (!n || n >= TERM_MAX)
            continue;
        if ((n == 2 && !strncmp(start, "OR", 2)) || (n == 3 && (!strncmp(start, "AND", 3) || !strncmp(start, "NOT", 3))) ||
            (n == 4 && !strncmp(start, "NEAR", 4)))
            continue;
        for (size_t i = 0; i < n; i++)
            t->word[t->n][i] = fold(start[i]);
        t->word[t->n][n] = '\0';
        t->prefix[t->n++] = *p == '*';
    }
}

static int is_term(const terms *t, const char *w, size_t n)
{
    for (size_t k = 0; k < t->n; k++) {
        size_t m = strlen(t->word[k]);
        if (m > n || (m < n && !t->prefix[k]))
            continue;
        size_t i = 0;
        while (i < m && fold(w[i]) == t->word[k][i])
            i++;
        if (i == m)
            return 1;
    }
    return 0;
}

/* The next word of text at or after `from`: [*start, *end); 0 at the end. */
static int next_word(const char *text, size_t len, size_t from, size_t *start, size_t *end)
{
    while (from < len && !word_byte((unsigned char)text[from]))
        from++;
    if (from >= len)
        return 0;
    *start = from;
    while (from < len && word_byte((unsigned char)text[from]))
        from++;
    *end = from;
    return 1;
}

/* Moves `at` back to the start of a UTF-8 sequence. */
static size_t char_start(const char *text, size_t at)
{
    while (at && ((unsigned char)text[at] & 0xC0) == 0x80)
        at--;
    return at;
}

/* The snippet of `text` for the query's terms; the text's start when no
 * word matches (FTS5 folds diacritics, this does not). */
static int make_snippet(const char *text, const terms *t, char **out)
{
    size_t len = strlen(text), ws = 0, we = 0, hit = len;
    for (size_t at = 0; next_word(text, len, at, &ws, &we); at = we)
        if (is_term(t, text + ws, we - ws)) {
            hit = ws;
            break;
        }
    size_t from = hit == len || hit < SNIPPET_BEFORE ? 0 : char_start(text, hit - SNIPPET_BEFORE);
    while (from && from < hit && word_byte((unsigned char)text[from - 1]))
        from++;   /* not in the middle of a word */
    from = char_start(text, from);
    size_t to = len - from > SNIPPET_MAX ? char_start(text, from + SNIPPET_MAX) : len;
    sl_buf b = SL_BUF_INIT;
    if (from)
        sl_buf_puts(&b, "…");
    size_t done = from;
    for (size_t at = from; next_word(text, to, at, &ws, &we); at = we) {
        if (!is_term(t, text + ws, we - ws))
            continue;
        sl_buf_put(&b, text + done, ws - done);
        sl_buf_putc(&b, '[');
        sl_buf_put(&b, text + ws, we - ws);
        sl_buf_putc(&b, ']');
        done = we;
    }
    sl_buf_put(&b, text + done, to - done);
    if (to < len)
        sl_buf_puts(&b, "…");
    if (b.err) {
        sl_buf_free(&b);
        return SL_ENOMEM;
    }
    *out = sl_buf_take(&b);
    return 0;
}

int sl_store_search(sl_store *st, const char *query, int limit, sl_search_hits **out)
{
    *out = NULL;
    sl_buf q = SL_BUF_INIT;
    if (fts_query(query, &q) || !q.len) {
        sl_buf_free(&q);
        return SL_EUSAGE;
    }
    sqlite3_stmt *s = sl_store_stmt(st, Q_SEARCH);
    if (!s || sqlite3_bind_text(s, 1, q.ptr, -1, SQLITE_TRANSIENT) ||
        sqlite3_bind_int(s, 2, limit > 0 ? limit : 20)) {
        sl_buf_free(&q);
        return SL_ESTORE;
    }
    sl_buf_free(&q);
    terms want;
    query_terms(query, &want);
    sl_search_hits *hits = sl_calloc(1, sizeof *hits);
    int err = hits ? 0 : SL_ENOMEM, rc = SQLITE_DONE;
    size_t cap = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (hits->n == cap) {
            size_t c = cap ? cap * 2 : 16;
            sl_search_hit *p = sl_realloc(hits->items, c * sizeof *p);
            if (!p) {
                err = SL_ENOMEM;
                break;
            }
            hits->items = p;
            cap = c;
        }
        sl_search_hit *h = &hits->items[hits->n++];
        h->article_id = sqlite3_column_int64(s, 0);
        h->story_id = sqlite3_column_int64(s, 1);
        h->rank = sqlite3_column_double(s, 2);
        h->title = sl_store_column_dup(s, 3, &err);
        const char *text = (const char *)sqlite3_column_text(s, 4);
        if (!err && text && make_snippet(text, &want, &h->snippet))
            err = SL_ENOMEM;
    }
    sqlite3_reset(s);
    if (!err && rc != SQLITE_DONE)
        err = rc == SQLITE_ERROR ? SL_EUSAGE : SL_ESTORE; /* FTS5 syntax errors are the query's */
    if (err) {
        sl_search_hits_free(hits);
        return err;
    }
    *out = hits;
    return 0;
}
