/* storyline.h — the public API of the storyline news story engine.
 *
 * An engine handle is opened on a store (an SQLite file). Articles go in one
 * at a time or a batch at a time (from memory, from files, from folders);
 * stories, articles, copies and search results come out as plain structs
 * or as versioned JSON. The storyline command uses nothing but this header.
 *
 * Conventions
 * - Fallible functions return 0 (SL_OK) or a negative SL_E* code; results
 *   come back through `T **out` parameters. sl_errmsg() tells why in one
 *   line naming the input and the reason.
 * - Pointers returned inside a struct are owned by that struct and freed by
 *   its _free function. Every _free accepts NULL.
 * - An engine is used by one thread at a time. Different engines (even on
 *   the same store file) may be used from different threads.
 * - Text is UTF-8 everywhere. Offsets are byte offsets into the article's
 *   stored text (sl_article.text).
 */
#ifndef STORYLINE_H
#define STORYLINE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && defined(SL_BUILDING_LIBRARY)
#define SL_API __attribute__((visibility("default")))
#else
#define SL_API
#endif

/* While the major version is 0, a new minor version may change the API
 * and ABI (the soname, libstoryline.so.0.MINOR, changes with it); a new
 * patch version does not. */
#define SL_VERSION "0.2.0"
/* Version of the JSON documents produced by the sl_*_json functions. */
#define SL_JSON_VERSION 1

/* The library's version, SL_VERSION of the build that is linked (a program
 * compiled against one header may run with another library). Static string;
 * thread-safe. */
SL_API const char *sl_version(void);

/* Error codes. Distinct codes only where a caller acts differently. */
enum {
    SL_OK = 0,
    SL_ENOMEM = -1,     /* out of memory */
    SL_EIO = -2,        /* a file could not be read or written */
    SL_EBADINPUT = -3,  /* an input could not be understood (binary, empty, malformed) */
    SL_ENOTFOUND = -4,  /* no such article / story */
    SL_ETOOLARGE = -5,  /* an input exceeds a documented limit */
    SL_ESTORE = -6,     /* the store failed (SQLite error, corrupt or newer schema) */
    SL_EUSAGE = -7      /* invalid argument */
};

typedef struct sl_engine sl_engine;

/* ---- Engine ------------------------------------------------------------ */

/* sl_options.read_only: write if allowed, else read (`storyline check`). */
#define SL_READ_ONLY_IF_UNWRITABLE 2

typedef struct sl_options {
    int read_only;         /* 1: open the store read-only (listing commands); every read
                            * of the handle sees one snapshot, taken at open.
                            * SL_READ_ONLY_IF_UNWRITABLE: write when SQLite may
                            * (the store, its folder, -wal, -shm), else read-only
                            * as 1, found by trying; sl_engine_read_only tells */
    int batch_size;        /* articles per transaction in sl_ingest_path; 0 = default (500) */
} sl_options;

/* Optional, process-wide: call it before any other thread uses SQLite,
 * and before the first sl_engine_open. It turns SQLite's memory statistics
 * off (SQLITE_CONFIG_MEMSTATUS), which cost ~1.8% of an ingest's
 * instructions; the program's own SQLite then reports no memory use
 * (sqlite3_memory_used, sqlite3_status) and enforces no heap limit. The
 * storyline command calls it; the library never sets it on its own.
 * SL_EUSAGE when SQLite is in use already (nothing changes), else 0. */
SL_API int sl_process_init(void);

/* Opens (creating or migrating when needed) the store at `db_path`.
 * `opts` may be NULL. On failure *out is still set when memory allowed, so
 * that sl_errmsg(*out) can explain; free it with sl_engine_free. */
SL_API int sl_engine_open(sl_engine **out, const char *db_path, const sl_options *opts);
SL_API void sl_engine_free(sl_engine *engine);
/* 1 when the engine only reads: opened so, or fallen back to it
 * (SL_READ_ONLY_IF_UNWRITABLE); 0 when it may write. */
SL_API int sl_engine_read_only(const sl_engine *engine);
/* Whether what a read-only engine read still holds: SL_ESTORE (sl_errmsg
 * says why) when the store could be opened only without locks (its folder
 * may not be written: docs/store.md) and has changed since, so that what
 * was read may be stale or mixed; SL_ENOMEM. 0 otherwise, and always for
 * an engine that writes. Call it when the reads are done. */
SL_API int sl_engine_check_snapshot(sl_engine *engine);

/* The last error on this handle, one line; "" when none. Never NULL. */
SL_API const char *sl_errmsg(const sl_engine *engine);

/* A short static description of an error code. */
SL_API const char *sl_strerror(int code);

/* ---- Ingest -------------------------------------------------------------- */

/* One article as given by a caller. Every field but text/html may be NULL.
 * Exactly one of text or html should be set; when html is set it is
 * extracted first. `published` is ISO-8601 (date or date-time). */
typedef struct sl_article_input {
    const char *text;   size_t text_len;
    const char *html;   size_t html_len;
    const char *title;      /* kept to 1,000 bytes (cut, then "…") */
    const char *url;
    const char *source;     /* outlet name */
    const char *published;  /* ISO-8601 */
    const char *key;        /* the caller's own id (JSONL `id`) */
    const char *path;       /* the file it came from */
    const char *charset;    /* the HTTP header's charset of an html page, when known */
    const char *fetched;    /* when the page was fetched (ISO-8601, e.g. WARC-Date): its
                             * date when neither `published` nor the page gives one */
    int in_file;            /* one record of many in `path` (a JSONL line, a WARC
                             * record): without url or key, its content and path
                             * identify it, never the path alone */
    const char *default_source; /* outlet when `source` is NULL (given by the caller
                                 * for all inputs): not part of a key's identity */
} sl_article_input;

/* What happened to one ingested article. */
typedef enum sl_ingest_outcome {
    SL_INGEST_NEW = 0,        /* stored as a new article */
    SL_INGEST_UNCHANGED = 1,  /* identical content already stored: nothing done */
    SL_INGEST_NEW_VERSION = 2, /* same URL/key/path, new content: stored as a new version */
    SL_INGEST_UPDATED = 3     /* same content, metadata given anew (source, date): updated */
} sl_ingest_outcome;

typedef struct sl_ingest_result {
    int64_t article_id;
    sl_ingest_outcome outcome;
    int64_t story_id;
    int64_t exact_copy_of;    /* an earlier article with identical content, or 0 */
    unsigned bad_bytes;       /* invalid UTF-8 bytes replaced */
    unsigned removed_lines;   /* page-chrome lines removed */
} sl_ingest_result;

/* Batches: sl_ingest_path, sl_ingest_buffer and sl_ingest_urls store their
 * articles in batches of sl_options.batch_size, one transaction each, and
 * commit the last one themselves; a crash before a commit leaves none of
 * that batch. Commit and rollback close the batch in progress (after an
 * error, say). */
SL_API int sl_batch_commit(sl_engine *engine);
SL_API int sl_batch_rollback(sl_engine *engine);

/* Options and report for ingesting files, folders and buffers. */
typedef struct sl_ingest_options {
    const char *source;     /* outlet for inputs that name none */
    const char *published;  /* date for inputs that carry none (ISO-8601) */
    /* Called once per input that failed (whole file or one record of it):
     * `name` is the file (with ":LINE" for a record), `reason` one line. */
    void (*on_error)(void *ctx, const char *name, const char *reason);
    /* Called after each article with the running totals; may be NULL. */
    void (*on_progress)(void *ctx, const char *name, uint64_t articles, uint64_t bytes);
    void *ctx;
    /* Fetching (sl_ingest_urls, and feed items whose page must be fetched);
     * 0 means the default: 4 parallel transfers, 30 s per transfer, 1000 ms
     * between two requests to one host (delay_ms < 0: none). */
    int jobs, timeout_s, delay_ms;
    /* A feed read from a file or buffer has its teaser items' links fetched
     * only with `follow` (a feed fetched by URL always has). */
    int follow;
    /* Fetching never connects to loopback, private, link-local (cloud
     * metadata), unspecified or multicast addresses, IPv4 or IPv6, checked
     * after DNS and at every redirect, unless `allow_private`. */
    int allow_private;
} sl_ingest_options;

typedef struct sl_ingest_report {
    uint64_t files;           /* input files read */
    uint64_t articles_new;
    uint64_t articles_unchanged;
    uint64_t articles_versioned;
    uint64_t failed;          /* inputs or records rejected */
    uint64_t bad_bytes;
    uint64_t removed_lines;
    uint64_t bytes;           /* input bytes read (a JSONL file's as its lines are read) */
    uint64_t skipped;         /* WARC records and feed items that are not HTML pages */
    uint64_t articles_updated; /* unchanged content whose metadata was given anew */
    uint64_t skipped_files;   /* left out of a folder walk: hidden and documentation files
                               * (README, LICENSE, *.md ...), links to folders or out of it */
} sl_ingest_report;

/* Ingests a file, or every file below a folder (recursively, in name order).
 * A folder walk leaves out hidden files and folders, documentation files
 * (README*, LICENSE*, COPYING*, CHANGELOG*, CONTRIBUTING*, NOTICE*, AUTHORS*,
 * *.md) and symbolic links that lead to a folder or out of the folder given;
 * a file named as `path` is always read. Formats are recognised by content:
 * plain text, JSONL, HTML, WARC, feeds; gzip is undone first. A plain
 * JSONL file and a WARC file are read as they go; any other, and `path` "-"
 * (standard input) or a pipe, is read whole.
 * A gzip stream cut short or damaged is reported; of one cut short, the
 * whole JSONL lines before the cut are stored (of other damage, nothing: a
 * failed check leaves no byte trusted). Bad inputs are
 * reported through opts->on_error and skipped; the rest goes on. Returns 0
 * when everything was stored, SL_EBADINPUT when some inputs failed (the rest
 * are stored; sl_errmsg names the last, "NAME: REASON"), another code when
 * the store itself failed. `report` adds up. `opts` may be NULL. */
SL_API int sl_ingest_path(sl_engine *engine, const char *path,
                          const sl_ingest_options *opts, sl_ingest_report *report);

/* Fetches URLs (http, https; libcurl: redirects, time-outs, a size cap,
 * robots.txt, a per-host delay, retries) and ingests each page; a URL that
 * serves an RSS/Atom feed brings in every item's article. Failures are
 * reported per URL through opts->on_error, as for files. */
SL_API int sl_ingest_urls(sl_engine *engine, const char *const *urls, size_t n,
                          const sl_ingest_options *opts, sl_ingest_report *report);

/* The largest input read whole, in bytes: a file (once decompressed), a
 * buffer given to sl_ingest_buffer, standard input or a pipe read by the
 * storyline command. A larger one is refused as a bad input, its reason
 * naming the cap. A WARC file is read a record at a time and has no cap. */
#define SL_INPUT_MAX ((size_t)256 << 20)

/* The same for an in-memory buffer (e.g. standard input), named `name`; at
 * most SL_INPUT_MAX bytes. */
SL_API int sl_ingest_buffer(sl_engine *engine, const char *data, size_t len, const char *name,
                            const sl_ingest_options *opts, sl_ingest_report *report);

/* ---- Articles ----------------------------------------------------------- */

typedef struct sl_span { uint32_t start, end; } sl_span;

/* A line removed from an article as page chrome, with why. */
typedef struct sl_removed_line {
    uint32_t line;       /* 1-based line number in the input text */
    char *text;
    char *reason;        /* e.g. "no words", "interface text", "repeated in 12 articles" */
} sl_removed_line;

typedef struct sl_article {
    int64_t id;
    int64_t story_id;
    int version;              /* 1 for the first content seen under this URL/key/path */
    char *key, *path, *url, *source;
    char *published;          /* ISO-8601 or NULL */
    char *title;              /* NULL when the input has none; at most 1,000 bytes: a
                               * longer one is cut at a grapheme boundary and ends
                               * with "…" */
    char *text;               /* clean text, paragraphs separated by blank lines */
    char *lang;               /* ISO 639-1 code, "und" when unknown */
    unsigned bad_bytes;
    size_t n_sentences;
    sl_span *sentences;       /* offsets into text */
    size_t n_removed;
    sl_removed_line *removed;
} sl_article;

SL_API int sl_article_get(sl_engine *engine, int64_t id, sl_article **out);
SL_API void sl_article_free(sl_article *article);

/* ---- Copies -------------------------------------------------------------- */

/* One aligned sentence pair of a copy relation: the evidence. */
typedef struct sl_evidence {
    sl_span article_sentence;  /* in the copy's text */
    sl_span of_sentence;       /* in the original's text */
    double similarity;         /* in [0,1]: the sentence model's probability that the two
                                  say the same thing (docs/copies.md, "Sentence
                                  similarity"); identical sentences get 0.94 to 0.96, not 1 */
} sl_evidence;

/* The kinds of copy (docs/copies.md). */
typedef enum sl_copy_kind {
    SL_COPY_NONE = 0,   /* not a copy */
    SL_COPY_EXACT,      /* the same text */
    SL_COPY_NEAR,       /* the same text with small edits */
    SL_COPY_CONTAINS,   /* the copy holds the original plus added text */
    SL_COPY_EXCERPT,    /* the copy is a part of the original */
    SL_COPY_REWRITE     /* the same content in new words */
} sl_copy_kind;

/* The kind's name as in JSON and the store: "none", "exact", "near",
 * "contains", "excerpt", "rewrite" ("none" for a value out of range).
 * Static string; thread-safe. */
SL_API const char *sl_copy_kind_name(sl_copy_kind kind);

typedef struct sl_copy {
    int64_t article_id;   /* the copy */
    int64_t of_id;        /* the original: the earlier published of the two */
    sl_copy_kind kind;    /* never SL_COPY_NONE */
    double score;         /* in [0,1]: the degree of copying: 1 for exact copies; else the
                             probability of a copy times the wording kept (docs/copies.md) */
    int same_origin;      /* 1 when the dates are missing or equal: the original is
                             then the one that contains the other or carries a credit */
    char *credit;         /* the credit line's source found in the copy ("Reuters"), or NULL */
    size_t n_evidence;
    sl_evidence *evidence;  /* aligned sentence pairs in text order (none for exact copies) */
} sl_copy;

typedef struct sl_copy_list { size_t n; sl_copy *items; } sl_copy_list;

/* Copy relations; `article_id` 0 for all, else those involving that article
 * (as the copy or as the original). docs/copies.md explains the kinds. */
SL_API int sl_copies_list(sl_engine *engine, int64_t article_id, sl_copy_list **out);
SL_API void sl_copy_list_free(sl_copy_list *list);

/* ---- Comparing texts without a store ------------------------------------ */

/* What the copies stage says of two texts: the kind of copy `a` is of `b`
 * (or "none"), the score, and the aligned sentences. Offsets are into the
 * texts as normalised (UTF-8 repaired, NFKC), which for clean UTF-8 input
 * without compatibility characters are the texts as given. */
typedef struct sl_text_comparison {
    sl_copy_kind kind;         /* SL_COPY_NONE when the texts are not copies */
    double score;              /* in [0,1]: the degree of copying, graded for every pair
                                  ("none" too: low when little is copied) */
    double cover_a, cover_b;   /* share of a (of b) the aligned sentences cover, weighted by similarity */
    double aligned_a, aligned_b; /* share of a (of b) in sentence pairs that say the same thing */
    double best_similarity;    /* the most similar sentence pair's similarity (sl_evidence),
                                  rounded to a float as the evidence's are: the same
                                  pair, the same number */
    double order_overlap;      /* share of the shorter text's content words the other has in the same order */
    double specific_overlap;   /* share of the names of one found in the other */
    double number_overlap;     /* the same for figures */
    int paraphrase;            /* 1 when that pair says the same thing (the sentence decision) */
    size_t n_evidence;
    sl_evidence *evidence;     /* article_sentence in a, of_sentence in b */
} sl_text_comparison;

typedef struct sl_text_comparer sl_text_comparer;

/* A reusable comparer (analysers, scratch); one thread at a time. NULL on
 * out of memory. */
SL_API sl_text_comparer *sl_text_comparer_new(void);
SL_API void sl_text_comparer_free(sl_text_comparer *tc);
/* Compares texts a and b. `out` is overwritten; free its evidence with
 * sl_text_comparison_clear. Errors: SL_ENOMEM, SL_ETOOLARGE (`out` is then
 * zeroed, its evidence freed). */
SL_API int sl_text_compare(sl_text_comparer *tc, const char *a, size_t a_len, const char *b,
                           size_t b_len, sl_text_comparison *out);
SL_API void sl_text_comparison_clear(sl_text_comparison *cmp);
/* Text a (`which` 0) or b (1) of the comparer's last sl_text_compare, when
 * it returned 0, as normalised: what the evidence offsets point into.
 * Borrowed, valid until the next compare or sl_text_comparer_free; "" before
 * the first compare and after one that failed. `len` (may be NULL) gets its
 * length in bytes. */
SL_API const char *sl_text_comparer_text(const sl_text_comparer *tc, int which, size_t *len);

/* ---- De-duplicating a stream without a store ----------------------------- */

/* Texts are given one by one in stream order; each is compared with the
 * texts before it (the last `window` of them, exact copies with all) and is
 * reported as a copy of the best-matching earlier one. */
typedef struct sl_dedup sl_dedup;

typedef struct sl_dedup_result {
    uint64_t index;           /* this text's position in the stream, from 0 */
    int is_copy;
    uint64_t copy_of;         /* position of the earlier text it copies (when is_copy) */
    sl_copy_kind kind;        /* SL_COPY_NONE when not a copy */
    double score;             /* in [0,1] */
} sl_dedup_result;

#define SL_DEDUP_WINDOW 100000   /* earlier texts compared by default (about 1.8 KB each) */

/* `window` 0 means SL_DEDUP_WINDOW. NULL on out of memory. */
SL_API sl_dedup *sl_dedup_new(size_t window);
SL_API void sl_dedup_free(sl_dedup *d);
/* Takes the next text of the stream. Errors: SL_ENOMEM, SL_ETOOLARGE; a
 * failed text still takes its position. */
SL_API int sl_dedup_add(sl_dedup *d, const char *text, size_t len, sl_dedup_result *out);

/* The same on a JSONL stream (`storyline dedup`): each line is read as
 * ingest reads a JSONL record (the same reader: a byte that is not UTF-8
 * repaired, a "\u0000" dropped, a BOM skipped, the same refusals in the
 * same words); its "text", else its "html" page's extracted text, is the
 * next text, and its "id" is kept to name the line when a later one copies
 * it. */
typedef struct sl_dedup_lines sl_dedup_lines;

typedef struct sl_dedup_line {
    sl_dedup_result result;
    int is_object;            /* the line was read and is a JSON object (passed on; tagged when
                               * a copy); 0 too when it could not be read (out of memory) */
    const char *why;          /* NULL, or why the line gave no text, as ingest says it
                               * ("invalid JSON at column N: ...", "line is an array, not a
                               * JSON object", "no text or html field"), or sl_dedup_add's
                               * error (its position is taken all the same); borrowed until
                               * the next line */
    const char *copy_of_id;   /* when a copy: the copied line's "id" as compact JSON; NULL when
                               * it had none */
} sl_dedup_line;

/* `window` as for sl_dedup_new. NULL on out of memory. */
SL_API sl_dedup_lines *sl_dedup_lines_new(size_t window);
SL_API void sl_dedup_lines_free(sl_dedup_lines *dl);
/* Takes the next line (`len` bytes, its newline included or not); `out`'s
 * strings are borrowed until the next call. Returns 0, or SL_ENOMEM when
 * the line's id could not be kept (`out` is filled all the same). */
SL_API int sl_dedup_lines_add(sl_dedup_lines *dl, const char *line, size_t len, sl_dedup_line *out);

/* ---- Stories -------------------------------------------------------------- */

typedef struct sl_story_line {
    int64_t id;
    int64_t thread_id;
    char *title;
    int n_articles;
    int n_sources;
    char *first_published, *last_published;   /* ISO dates or NULL */
} sl_story_line;

typedef struct sl_story_list { size_t n; sl_story_line *items; } sl_story_list;

/* Stories, newest first (by their last article; undated last; then the larger
 * first). `since` (ISO date) may be NULL. */
SL_API int sl_stories_list(sl_engine *engine, const char *since, sl_story_list **out);
SL_API void sl_story_list_free(sl_story_list *list);

/* One article as seen from its story. */
typedef struct sl_story_article {
    int64_t id;
    char *title, *source, *published, *url, *path;
    int64_t copy_of;          /* the original this article copies, or 0 */
    sl_copy_kind copy_kind;   /* kind of that relation, SL_COPY_NONE when none */
    size_t n_removed;
    sl_removed_line *removed;
} sl_story_article;

typedef struct sl_story {
    sl_story_line line;
    size_t n_articles;
    sl_story_article *articles;   /* in publication (then arrival) order */
} sl_story;

SL_API int sl_story_get(sl_engine *engine, int64_t id, sl_story **out);
SL_API void sl_story_free(sl_story *story);
/* The independent source of each of the story's articles: out[i] (room for
 * story->n_articles) is the article that story->articles[i] counts as. A
 * copy counts as its original (the root of its copy chain, within the story
 * when it is there), and the articles of one outlet (`source`, ASCII case
 * aside) as one: the outlet's first article that copies no one. */
SL_API void sl_story_source_ids(const sl_story *story, int64_t *out);

/* ---- Search --------------------------------------------------------------- */

typedef struct sl_search_hit {
    int64_t article_id;
    int64_t story_id;
    double rank;              /* bm25, smaller is better */
    char *title;
    char *snippet;            /* matches marked with [ ] */
} sl_search_hit;

typedef struct sl_search_hits { size_t n; sl_search_hit *items; } sl_search_hits;

/* Full-text search (FTS5 syntax accepted; plain words are ANDed). */
SL_API int sl_search(sl_engine *engine, const char *query, int limit, sl_search_hits **out);
SL_API void sl_search_hits_free(sl_search_hits *hits);

/* ---- JSON ------------------------------------------------------------------ */

/* JSON goes to a sink: called with consecutive chunks; return 0 to go on. */
typedef int (*sl_write_fn)(void *ctx, const char *data, size_t len);

/* How a writer of one result (sl_page_json, sl_summary_json,
 * sl_timeline_json; sl_timex_json each line) writes it. SL_JSON_PART: the
 * object alone, on one line, to be embedded in a larger document (the
 * server's story holds a summary and a timeline so). SL_JSON_DOCUMENT: a
 * document of its own, as the commands print it: "storyline" and
 * "json_version" first like every document (docs/json.md), ending with a
 * newline; a summary or a timeline indented, a page or a temporal
 * expression on one line. */
typedef enum sl_json_form { SL_JSON_PART = 0, SL_JSON_DOCUMENT = 1 } sl_json_form;

/* Everything in the store as one JSON document (docs/json.md). Streams: memory
 * does not grow with the store. */
SL_API int sl_export_json(sl_engine *engine, sl_write_fn write, void *ctx);
SL_API int sl_article_json(sl_engine *engine, int64_t id, sl_write_fn write, void *ctx);
SL_API int sl_story_json(sl_engine *engine, int64_t id, sl_write_fn write, void *ctx);
SL_API int sl_stories_json(sl_engine *engine, const char *since, sl_write_fn write, void *ctx);
SL_API int sl_copies_json(sl_engine *engine, int64_t article_id, sl_write_fn write, void *ctx);
SL_API int sl_search_json(sl_engine *engine, const char *query, int limit,
                          sl_write_fn write, void *ctx);

/* ---- Store maintenance ------------------------------------------------------ */

/* Runs PRAGMA integrity_check and the store's own consistency checks
 * (every article has its sentences, search row and story), then FTS5's
 * check of the search index against the texts, which is a write: an engine
 * opened read-only makes every check but that one, on its snapshot.
 * SL_EUSAGE while a write batch is open (from on_progress, say: the batch
 * is half written until its commit); SL_ESTORE names the first problem. */
SL_API int sl_store_check(sl_engine *engine);

/* ---- Facts: entities, quotes, numbers, dates and their cross-check ------- */

/* What one extracted item is (docs/facts.md). */
typedef enum sl_fact_kind {
    SL_FACT_ENTITY = 0,   /* a person, organisation or place */
    SL_FACT_QUOTE = 1,    /* a direct quote */
    SL_FACT_NUMBER = 2,   /* a number with what it counts */
    SL_FACT_DATE = 3      /* an absolute or relative date */
} sl_fact_kind;

/* One item found in one article. Spans are byte offsets into the text the
 * item was found in (sl_article.text for stored articles).
 * - entity: text = the mention, about = the full name it resolves to,
 *   detail = "person" | "organization" | "place" | "group" (a country's
 *   people: "Americans"), role = title or role (or NULL)
 * - quote: text = the quoted words, about = the speaker (NULL when unknown),
 *   detail = the cue verb, role = the speaker's role when stated
 * - number: text = the words stating it, value (value_hi for a range's upper
 *   end, else = value), approx, about = what it counts, detail = its unit
 *   ("percent", "dollar", "year", ... or NULL), role = "ordinal" for ordinals
 * - date: text as written, about = ISO date (YYYY-MM-DD, or YYYY-MM, YYYY),
 *   detail = "absolute" | "relative" */
typedef struct sl_fact_item {
    int64_t article_id;       /* 0 when extracted from a bare text */
    sl_fact_kind kind;
    sl_span span;             /* the item */
    sl_span sentence;         /* the sentence holding it */
    sl_span source;           /* quote: the speaker's mention as written ({0,0} when none) */
    double value, value_hi;
    char approx;              /* '=' exact, '~' about, '>' over/at least, '<' under/up to */
    char *text, *about, *detail, *role;
} sl_fact_item;

typedef struct sl_fact_items { size_t n; sl_fact_item *items; } sl_fact_items;

/* Extracts the facts of a bare text (not stored). `published` (ISO date, may
 * be NULL) anchors relative dates. Thread-safe; each calling thread keeps
 * one text analyser between calls (its word memos, up to 4 MB for each
 * language it has read), freed when the thread ends. */
SL_API int sl_facts_extract(const char *text, size_t len, const char *published,
                            sl_fact_items **out);
/* The stored items of kind `kind` (-1: all) of every article of story
 * `story_id`, in article then text order; entities typed by the story (a
 * person named without a role in its article is an organisation where the
 * story's other articles type the name so more than a quarter as often as
 * a person, and a place no gazetteer knows where they do so more than twice
 * as often as a place: docs/facts.md). */
SL_API int sl_story_fact_items(sl_engine *engine, int64_t story_id, sl_fact_kind kind,
                               sl_fact_items **out);
SL_API void sl_fact_items_free(sl_fact_items *items);

/* One value stated for a fact, with who states it. */
typedef struct sl_fact_value {
    double value, value_hi;
    char approx;
    char *text;               /* the words of the first statement */
    size_t n_articles;
    int64_t *articles;        /* articles stating it */
    sl_span *sentences;       /* the sentence stating it, per article */
    size_t n_sources;
    int64_t *sources;         /* independent sources: a copy counts as its original,
                                 an outlet's articles as one (sl_story_source_ids) */
} sl_fact_value;

/* One fact of a story: a thing counted (or a date, or a speaker's words)
 * and the values stated for it. */
typedef struct sl_fact {
    char *about;              /* "deaths", "injured", "date: war began", ... */
    char *unit;               /* NULL when none */
    size_t n_values;
    sl_fact_value *values;    /* most sources first */
    int conflict;             /* values that cannot all be true (beyond rounding and "over"/"about") */
    int agreement;            /* one value, stated by two or more independent sources (a copy
                                 and its original are one source) */
    double confidence;        /* how sure the grouping is, in [0,1] */
} sl_fact;

typedef struct sl_fact_table { int64_t story_id; size_t n; sl_fact *items; } sl_fact_table;

/* The cross-check of a story: its facts stated by more than one source, and
 * any conflicting ones. `conflicts_only` keeps only conflicts. */
SL_API int sl_story_facts(sl_engine *engine, int64_t story_id, int conflicts_only,
                          sl_fact_table **out);
SL_API void sl_fact_table_free(sl_fact_table *table);

/* The same as JSON (docs/json.md, "Facts"); sl_facts_extract_json writes a
 * bare text's items, one document on one line, opening with "input" (the
 * file the text is from) after the header when `input` is not NULL. */
SL_API int sl_story_facts_json(sl_engine *engine, int64_t story_id, int conflicts_only,
                               sl_write_fn write, void *ctx);
SL_API int sl_facts_extract_json(const char *text, size_t len, const char *published,
                                 const char *input, sl_write_fn write, void *ctx);

/* ---- Stories and threads ------------------------------------------------------ */

/* A story's thread is a looser grouping: stories that share entities and
 * terms across weeks ("the cease-fire talks" holding "the ninth trip").
 * sl_story_line.thread_id names it by its first story. */

/* How alike an article must be to a story to join it, for the articles this
 * handle ingests from now on: 1 is the default, 2 asks for twice the
 * similarity (finer stories), 0.5 for half (coarser). Clamped to [0.25, 4].
 * Use one value for a whole store: stories already made do not change. */
SL_API int sl_stories_set_granularity(sl_engine *engine, double granularity);

/* The stories of thread `thread_id` in date order (first article), or, for
 * thread_id 0, every story ordered by thread then date. */
SL_API int sl_thread_stories(sl_engine *engine, int64_t thread_id, sl_story_list **out);

typedef struct sl_thread {
    int64_t id;
    int n_articles;               /* over its stories */
    sl_story_list *stories;       /* in date order */
} sl_thread;

typedef struct sl_thread_list { size_t n; sl_thread *items; } sl_thread_list;

/* Threads with at least `min_stories` stories, most articles first. */
SL_API int sl_threads_list(sl_engine *engine, int min_stories, sl_thread_list **out);
SL_API void sl_thread_list_free(sl_thread_list *list);

/* What a story is about, read from its articles (copies left out): keywords
 * (content words of its titles and leads that most of its articles use) and
 * main entities (capitalised multiword names, by the number of articles
 * naming them). At most 8 of each, best first. */
typedef struct sl_story_labels {
    size_t n_keywords, n_entities;
    char **keywords, **entities;
} sl_story_labels;

SL_API int sl_story_labels_get(sl_engine *engine, int64_t story_id, sl_story_labels **out);
SL_API void sl_story_labels_free(sl_story_labels *labels);

/* Why an article was not grouped on its own date: "undated" (no date given,
 * grouped by its content alone), "date clamped" (far future or before
 * 1900); *out NULL when it was. Free *out with free(). */
SL_API int sl_article_date_flag(sl_engine *engine, int64_t article_id, char **out);

/* Threads as JSON: {"threads": [{"id", "size", "stories": [STORY_LINE...]}]} */
SL_API int sl_threads_json(sl_engine *engine, int min_stories, sl_write_fn write, void *ctx);

/* ---- Web: article extraction ------------------------------------------------
 * One HTML page (any charset, at most 50 MB) to its article, without a store:
 * metadata from JSON-LD, OpenGraph, <meta>, <time> and the page's <h1>/<title>;
 * the body found by text and link density and tag/class cues, then cleaned as
 * ingest cleans it (docs/extraction.md). Plain text is cleaned line by line as
 * ingest cleans it (its chrome rules, without the store's repeated lines). */

typedef struct sl_extractor sl_extractor;

/* What a page holds. Strings are malloc'd, NULL when not found; text never
 * NULL after a successful extraction, NULL for an HTML page without article
 * text (its metadata kept: see sl_extract_page). */
typedef struct sl_page {
    char *title;
    char *author;
    char *published;  /* as the page states it (ISO-8601 mostly) */
    char *lang;       /* ISO 639-1 from <html lang>, else detected from the body */
    char *text;       /* body paragraphs separated by blank lines */
} sl_page;

SL_API int sl_extractor_new(sl_extractor **out);
SL_API void sl_extractor_free(sl_extractor *x);
/* URLs given to sl_extract_each may reach loopback, private and link-local
 * addresses (refused by default, as in ingest). */
SL_API void sl_extractor_allow_private(sl_extractor *x, int allow);
/* Extracts one page or plain text (recognised by content) into `out`
 * (cleared first). Returns 0, SL_EBADINPUT (no article text; empty, binary,
 * a feed or JSONL, WARC data: give its file to sl_extract_each),
 * SL_ETOOLARGE (over the cap) or SL_ENOMEM. On
 * SL_EBADINPUT for an HTML page without article text, `out` still holds the
 * page's title, author, published and lang ("und" unless stated), text NULL:
 * a page without article body (ingest rejects such a page). On any other
 * failure `out` is left cleared. Call sl_page_clear after any result. */
SL_API int sl_extract_page(sl_extractor *x, const char *html, size_t len, sl_page *out);
/* 1 when `data` is binary by the rule ingest and extract refuse an input
 * with (NUL bytes, a binary format's magic bytes, mostly bytes that are no
 * text: docs/formats.md, "Detection"), else 0. */
SL_API int sl_input_is_binary(const char *data, size_t len);
/* Why a reader of one text (timex, summarize, facts --text, compare)
 * refuses `data`, by the detection ingest reads it with: "empty" (white
 * space only), "binary data, not text" (sl_input_is_binary), or "a feed,
 * JSON or JSONL file holds many articles: use ingest" (as extract says);
 * NULL for a text or a page. A static string. */
SL_API const char *sl_input_refused(const char *data, size_t len);
/* `data` in UTF-8 as ingest reads it, for a reader of prose: an HTML page in
 * UTF-16 (with its byte-order mark) is decoded by the page decoder ingest
 * and extract use, into *out (its length in *out_len; free it with free());
 * any other input needs no decoding, *out NULL. 0, or SL_ENOMEM. */
SL_API int sl_input_utf8(const char *data, size_t len, char **out, size_t *out_len);
/* The prose of `data` for a reader of text, as ingest reads it: an HTML
 * page (UTF-8 or UTF-16) gives the article text sl_extract_page extracts,
 * into *out (its length in *out_len; free it with free()); any other input
 * is its own prose, *out NULL. 0, SL_EBADINPUT for a page without article
 * text, SL_ETOOLARGE or SL_ENOMEM. */
SL_API int sl_input_prose(const char *data, size_t len, char **out, size_t *out_len);
/* The same with what ingest reads from a page besides its text: for an HTML
 * page, `out` (cleared first) holds the extracted page (text, title, author,
 * language) and its publication date as ingest keeps it (`published` NULL
 * when the page states none or none ingest reads as a date), so that a
 * reader of prose resolves "on Tuesday" as ingest does; any other input is
 * its own prose, `out` left cleared (text NULL). 0, SL_EBADINPUT for a page
 * without article text, SL_ETOOLARGE or SL_ENOMEM. Call sl_page_clear
 * after any result. */
SL_API int sl_input_article(const char *data, size_t len, sl_page *out);
/* sl_input_refused and sl_input_article in one, by one detection of the
 * input's format: *refused is what sl_input_refused says (a static string,
 * or NULL); when it is not NULL, `out` is left cleared and the result is 0,
 * else the result and `out` are sl_input_article's. Call sl_page_clear
 * after any result. */
SL_API int sl_input_read(const char *data, size_t len, sl_page *out, const char **refused);
/* Called once per page of a file: `page` on success, else `error` says why
 * (one line); both for an HTML page without article text (`page` holds its
 * metadata, text NULL). `name` is the file, or FILE#RECORD (URI) inside a
 * WARC file. */
typedef void (*sl_page_fn)(void *ctx, const char *name, const sl_page *page, const char *error);
/* Every page of a file: the file itself when it is a page or text (plain or
 * gzip), or every HTML response of a WARC file (streamed). "-" reads standard
 * input; an http(s) URL is fetched (robots.txt, time-outs, the size cap, no
 * private addresses unless allowed). Returns 0, or SL_ENOMEM; pages that
 * fail go to `on_page` with their reason. */
SL_API int sl_extract_each(sl_extractor *x, const char *path, sl_page_fn on_page, void *ctx);
SL_API void sl_page_clear(sl_page *page);
/* The page as one JSON object {input, title, author, published, lang,
 * status, text} (docs/json.md), `input` naming where it came from (left out
 * when NULL), in `form` (sl_json_form); status "ok", or "no_body" with text
 * null for a page without article text. */
SL_API int sl_page_json(const sl_page *page, const char *input, sl_json_form form,
                        sl_write_fn write, void *ctx);

/* ---- Temporal expressions (docs/timeline.md) ---------------------------- */

/* TimeML's four kinds of temporal expression. */
typedef enum sl_timex_type {
    SL_TIMEX_DATE = 0,      /* a calendar day, week, month, quarter, year... */
    SL_TIMEX_TIME = 1,      /* a time of day, or a part of a day ("this morning") */
    SL_TIMEX_DURATION = 2,  /* a length of time ("10 months") */
    SL_TIMEX_SET = 3        /* a recurrence ("every week") */
} sl_timex_type;

/* One temporal expression of a text. */
typedef struct sl_timex {
    sl_span span;           /* byte offsets into the text */
    sl_span chars;          /* the same in Unicode code points */
    sl_timex_type type;
    /* TIMEX3 value, normalised against the reference date: "2024-08-20",
     * "2024-W34", "2024-08", "2024-Q3", "P3D", "PRESENT_REF", and X for what
     * the text and the reference do not tell ("XXXX-10-07"). */
    char value[32];
} sl_timex;

typedef struct sl_timex_list { size_t n; sl_timex *items; } sl_timex_list;

/* The temporal expressions of a text, in text order, not overlapping.
 * `reference` (ISO date, may be NULL) anchors relative expressions, normally
 * the publication date. Thread-safe. SL_ENOMEM, SL_ETOOLARGE (over 4 GB). */
SL_API int sl_timex_find(const char *text, size_t len, const char *reference,
                         sl_timex_list **out);
SL_API void sl_timex_list_free(sl_timex_list *list);
/* "DATE", "TIME", "DURATION" or "SET". */
SL_API const char *sl_timex_type_name(sl_timex_type type);
/* The same, one JSON object a line: {start, end, text, type, value} with
 * code-point offsets (docs/json.md), "input" before them when it is not
 * NULL (the file the text is from), in `form` (sl_json_form): each line
 * opens with the header in SL_JSON_DOCUMENT, as `timex --json` prints it. */
SL_API int sl_timex_json(const char *text, size_t len, const char *reference, const char *input,
                         sl_json_form form, sl_write_fn write, void *ctx);

/* ---- Summaries and timelines (docs/summary.md, docs/timeline.md) ---------- */

/* One article's text as the summary and the timeline read it: a set of
 * them is told as one story. */
typedef struct sl_story_text {
    const char *text;       /* UTF-8; hard-wrapped lines are joined */
    size_t len;
    int64_t source;         /* documents with the same non-zero source are one source
                               (a copy and its original); 0: a source of its own */
    const char *published;  /* ISO date or NULL: orders the summary's sentences */
} sl_story_text;

/* A stored story's articles as texts for sl_summarize and sl_timeline_build:
 * docs[i] is article ids[i]; a copy shares its original's source, so the
 * two count as one. */
typedef struct sl_story_texts {
    size_t n;
    sl_story_text *docs;
    int64_t *ids;
    sl_article **articles;  /* owning the texts */
} sl_story_texts;
/* Story `story_id`, or with `thread_id` > 0 every story of that thread, as
 * texts; freed with sl_story_texts_free (nothing to free after a failure).
 * SL_ENOTFOUND, SL_ENOMEM, SL_ESTORE. */
SL_API int sl_story_texts_get(sl_engine *engine, int64_t story_id, int64_t thread_id,
                              sl_story_texts **out);
SL_API void sl_story_texts_free(sl_story_texts *texts);

/* The budget: `words` or `bytes` (one of them > 0; bytes wins). With `cut`
 * the budget is filled to the last word: a final sentence is cut to fit (the
 * DUC convention); without it only whole sentences. */
typedef struct sl_summary_options {
    int words, bytes;
    int cut;
} sl_summary_options;

typedef struct sl_summary_sentence {
    char *text;             /* the sentence, white space runs made single spaces */
    size_t doc;             /* the document it was taken from (index into the docs) */
    sl_span span;           /* byte offsets into that document's text */
    size_t n_docs;
    size_t *docs;           /* every document stating it (indexes, ascending) */
    size_t n_sources;       /* independent sources among them */
    int cut;                /* 1 when cut to fit the budget (only ever the last) */
} sl_summary_sentence;

typedef struct sl_summary { size_t n; sl_summary_sentence *sentences; } sl_summary;

/* An extractive summary of `n` documents told as one story: the sentences
 * covering the most content that independent sources share, within the
 * budget, never two saying the same thing, in time then discourse order.
 * SL_EUSAGE for no budget, SL_ENOMEM, SL_ETOOLARGE. Thread-safe. */
SL_API int sl_summarize(const sl_story_text *docs, size_t n, const sl_summary_options *opts,
                        sl_summary **out);
SL_API void sl_summary_free(sl_summary *summary);
/* The summary as one JSON object {sentences: [{text, doc, start, end, docs,
 * sources}]} (docs/json.md) in `form` (sl_json_form); `ids` (may be NULL)
 * replaces document indexes by the caller's ids (article ids). */
SL_API int sl_summary_json(const sl_summary *summary, const int64_t *ids, sl_json_form form,
                           sl_write_fn write, void *ctx);

/* One entry of a timeline: an event on a date, with every document telling it. */
typedef struct sl_timeline_event {
    char value[32];         /* the date (TIMEX3): "2024-06-12", "2024-W23", "2024-06", "2024" */
    char *text;             /* the sentence telling it (from the first document) */
    size_t doc;             /* that document (index into the docs) */
    sl_span span;           /* the sentence: byte offsets into that document's text */
    size_t n_docs;
    size_t *docs;           /* every document telling it (indexes, ascending) */
    size_t n_sources;       /* independent sources among them */
    int from_published;     /* 1: the text states no date; its publication date is used */
} sl_timeline_event;

typedef struct sl_timeline { size_t n; sl_timeline_event *events; } sl_timeline;

/* The timeline of `n` documents told as one story (docs/timeline.md): each
 * sentence stating a calendar date is an event on it (relative dates
 * resolved against the document's `published`); a document whose first
 * sentence states no date gives that sentence on its publication date
 * (from_published). The same event from several documents (same date, a
 * sentence saying the same thing) is one entry. Oldest first; SL_ENOMEM,
 * SL_ETOOLARGE. Thread-safe. */
SL_API int sl_timeline_build(const sl_story_text *docs, size_t n, sl_timeline **out);
SL_API void sl_timeline_free(sl_timeline *timeline);
/* The timeline as one JSON object {events: [{date, text, doc, start, end,
 * docs, sources, from_published}]} in `form`; `ids` as for sl_summary_json. */
SL_API int sl_timeline_json(const sl_timeline *timeline, const int64_t *ids, sl_json_form form,
                            sl_write_fn write, void *ctx);

/* ---- Web: what storyline serve reads (docs/server.md) --------------------- */

/* A read-only engine ends its snapshot and takes a new one: its reads then
 * see every commit made before the call (one snapshot per web request).
 * *changed (may be NULL) is 0 when the store is as in the previous snapshot
 * (what was read from it still holds), 1 when it changed or on the first
 * call. SL_EUSAGE on an engine that is not read-only; SL_ESTORE, also for
 * a store opened without locks (a folder the reader may not write), whose
 * commits it cannot follow. */
SL_API int sl_engine_refresh(sl_engine *engine, int *changed);

/* A page of the story listing. Every field may be 0/NULL. */
typedef struct sl_story_query {
    const char *search;   /* stories with an article matching it (as sl_search; the
                           * best SL_STORY_SEARCH_MAX articles are looked at) */
    const char *since;    /* ISO date: stories with an article since then */
    int64_t thread_id;    /* the stories of this thread */
    int offset, limit;    /* the page; limit 0 means 20, at most 100 */
} sl_story_query;

#define SL_STORY_SEARCH_MAX 1000

/* One page of stories, newest first (as sl_stories_list), as JSON (`query`
 * NULL: the first page of every story):
 * {"storyline", "json_version", "total", "offset", "limit", "stories":
 * [STORY_LINE without "articles"]} (docs/json.md). SL_EUSAGE for a bad date,
 * offset or search (the message says which). */
SL_API int sl_stories_page_json(sl_engine *engine, const sl_story_query *query,
                                sl_write_fn write, void *ctx);

/* ---- Runs on many machines: records (docs/scale.md) ------------------------
 * Ingest split in two, for python/storyline/dask.py. The map runs anywhere,
 * without the store: sl_records_read walks an input exactly as
 * sl_ingest_path would (same order, names and defaults) and turns a range of
 * its items into records, each HTML page already extracted (the costly step
 * of a web page). A record is a self-delimiting byte string; records
 * concatenate. The merge is one writer: sl_ingest_records ingests records
 * in the order given as sl_ingest_path would have ingested their inputs, so
 * a store made from the records of every item of inputs A, B, ... in order
 * equals the one `storyline ingest A B ...` makes. Records are made and read
 * by the same build (machine byte order); they are not a storage format.
 *
 * An item is an article input or a failure at its place in the walk (an
 * unreadable file, a bad JSONL line, a damaged WARC record): a failure is a
 * record too, and is reported when the merge reaches it. The map's engine
 * may be on any store (":memory:" will do); it is not written. */

/* The number of items of `path` (a file or a folder, walked as
 * sl_ingest_path walks it). `opts` may be NULL; its callbacks are not
 * called. SL_ENOMEM, SL_EUSAGE (a bad opts->published; `path` "-" or a
 * pipe, which could not be read again for the ranges). */
SL_API int sl_records_count(sl_engine *engine, const char *path, const sl_ingest_options *opts,
                            uint64_t *items);
/* Writes the records of items [first, first + count) of `path` to `write`,
 * one call per record, in order. Returns 0, SL_ENOMEM, SL_EUSAGE, or SL_EIO
 * when `write` returned non-zero (the walk stops). */
SL_API int sl_records_read(sl_engine *engine, const char *path, const sl_ingest_options *opts,
                           uint64_t first, uint64_t count, sl_write_fn write, void *ctx);
/* Ingests the records of `records` (len bytes) in order, in batches of
 * sl_options.batch_size as sl_ingest_path does, failures reported through
 * opts->on_error, the last batch committed. Pass the map's `opts` (source,
 * published). Returns as sl_ingest_path; a buffer that is not whole
 * records stops the run with SL_EUSAGE, the batch in progress rolled back
 * (the records before it in earlier batches stay). `report` adds up
 * (files, bytes and skipped are the map's and stay 0). */
SL_API int sl_ingest_records(sl_engine *engine, const void *records, size_t len,
                             const sl_ingest_options *opts, sl_ingest_report *report);

#ifdef __cplusplus
}
#endif
#endif
