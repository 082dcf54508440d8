/* ingest.h — the ingest stage: recognise an input's format by its content,
 * turn each input (plain text, JSONL record, HTML page) into raw records, and
 * strip page chrome from their text. Nothing here touches the store; the
 * engine (src/engine/engine.c) drives these functions and stores what they return. */
#ifndef SL_INGEST_H
#define SL_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include "storyline.h"
#include "text/text.h"
#include "util/buf.h"
#include "util/vec.h"

/* ---- format.c ---- */

typedef enum sl_format {
    SL_FORMAT_EMPTY,   /* no bytes, or only white space */
    SL_FORMAT_BINARY,  /* NUL bytes, or mostly non-text bytes, or a known binary magic */
    SL_FORMAT_TEXT,
    SL_FORMAT_JSONL,   /* first non-blank line is a JSON object */
    SL_FORMAT_HTML,    /* <!doctype html, <html, or leading markup with <head>/<body>/<p> */
    SL_FORMAT_FEED,    /* RSS or Atom: <rss, <feed or <rdf:RDF after the XML prolog */
    SL_FORMAT_JSON     /* a JSON document: an array of objects, or objects over many lines */
} sl_format;

/* Decides by looking at the content (a bounded prefix), not the file name.
 * gzip data is reported as binary (compressed inputs arrive with WARC). */
sl_format sl_format_detect(const char *data, size_t len);
/* Whether the first `len` bytes of a longer input decide its format: they
 * hold all that sl_format_detect reads of it (the white space it skips
 * and the prefix after), so a file's format is known from its head. */
int sl_format_decided(const char *data, size_t len);
const char *sl_format_name(sl_format f);

/* ---- record.c ---- */

/* One article as an input carries it, before cleaning. Fields are malloc'd
 * (or NULL) and freed by sl_record_clear. */
typedef struct sl_record {
    char *text;        /* plain text, or NULL when html is set */
    size_t text_len;
    char *html;
    size_t html_len;
    char *title, *url, *source, *published, *key;
} sl_record;

void sl_record_clear(sl_record *r);

/* ---- json_fields.c ---- */

/* Whether s[0..n) is only JSON white space (space, tab, CR, LF): a blank
 * JSONL line, or what may follow a line's object. */
static inline int sl_json_only_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
            return 0;
    return 1;
}

/* What a member of a JSON object held (the last one of its name). */
typedef enum sl_json_kind {
    SL_JSON_ABSENT, SL_JSON_STRING, SL_JSON_INTEGER, SL_JSON_REAL,
    SL_JSON_TRUE, SL_JSON_FALSE, SL_JSON_NULL, SL_JSON_NESTED   /* an object or an array */
} sl_json_kind;

typedef struct sl_json_field {
    const char *name;     /* set by the caller */
    sl_json_kind kind;
    sl_buf string;        /* SL_JSON_STRING: its bytes (a "\u0000" kept as a NUL) */
    long long integer;    /* SL_JSON_INTEGER */
    double real;          /* SL_JSON_REAL */
} sl_json_field;

/* Reads the top-level members named in fields[0..n) of the JSON object
 * `line` with yajl's callback parser, decoding no other value. Returns 0,
 * SL_ENOMEM, or SL_EBADINPUT when it declines the line: whatever jansson
 * might read otherwise (invalid JSON or UTF-8, a surrogate or NUL escape,
 * \v or \f, deep nesting, no object), so that the caller reads that line
 * with jansson, its errors and all. */
int sl_json_fields_read(const char *line, size_t len, sl_json_field *fields, size_t n);

/* The same fields from an object jansson has read. Returns 0 or SL_ENOMEM. */
struct json_t;
int sl_json_fields_of(const struct json_t *obj, sl_json_field *fields, size_t n);

/* A JSONL line's fields: read by sl_json_fields_read, or, for a line it
 * declines (or, when `nested` is set, whose fields hold an object or an
 * array), by jansson (json_loadb with `flags`), whose value is then left in
 * *root for the caller to json_decref (else *root is NULL). Returns 0,
 * SL_ENOMEM, or SL_EBADINPUT: invalid JSON (*root NULL, `err` says why) or a
 * value that is not an object (*root holds it). */
struct json_error_t;
int sl_json_fields_read_line(const char *line, size_t len, size_t flags, int nested, sl_json_field *fields,
                             size_t n, struct json_t **root, struct json_error_t *err);

void sl_json_fields_free(sl_json_field *fields, size_t n);

/* ---- jsonl.c ---- */

/* Parses one JSONL line into `out` (cleared first). Accepts an object with
 * `text` or `html` (strings), optional `id` (string or number), `url`,
 * `source`, `published` (also `date`), `title`. Returns 0, or SL_EBADINPUT
 * with a one-line reason in `why` (e.g. "invalid JSON at column 17: ...",
 * "no text or html field"). */
int sl_jsonl_parse_line(const char *line, size_t len, sl_record *out, sl_buf *why);

/* What a line filter passing lines on (dedup) needs of a line beyond its
 * record: whether it is a JSON object, a record or not (passed on), and its
 * "id" as the line gives it, any JSON value (a reference of its own, NULL
 * when absent; the next parse or the caller json_decrefs it). The line is
 * accepted or refused as sl_jsonl_parse_line does it, with its words, its
 * bytes that are not UTF-8 included; `out` gets text (or html) only (no
 * key: the id is shape->id; the optional members are not read), and a nested text, html or id
 * sends the line to jansson. Start `shape` zeroed; sl_jsonl_line_free it. */
enum { SL_JSONL_MEMBERS = 8 };   /* the members a record is read from */
typedef struct sl_jsonl_line {
    int is_object;
    struct json_t *id;
    sl_json_field members[SL_JSONL_MEMBERS];   /* kept from line to line, their buffers reused */
} sl_jsonl_line;
int sl_jsonl_parse_line_shaped(const char *line, size_t len, sl_record *out, sl_jsonl_line *shape, sl_buf *why);
void sl_jsonl_line_free(sl_jsonl_line *shape);

/* The same for one element of a JSON document (json_doc.c) that starts on
 * line `line` of its file: the reasons say "element" for "line", and a
 * fault's place is "line L, column C" of the file. */
int sl_jsonl_parse_element(const char *element, size_t len, size_t line, sl_record *out, sl_buf *why);

/* ---- json_doc.c ---- */

/* A reader of a JSON document's elements, over the document's bytes. */
typedef struct sl_json_doc {
    const char *data;
    size_t len, pos;
    size_t line;       /* 1-based line of pos */
    size_t index;      /* elements found so far */
    int in_array;      /* inside a top-level array */
    int after_value;   /* an element of the array was just read */
} sl_json_doc;

/* One element: its bytes in the document, its 1-based number and the line it starts on. */
typedef struct sl_json_element {
    const char *start;
    size_t len, index, line;
} sl_json_element;

void sl_json_doc_init(sl_json_doc *d, const char *data, size_t len);
/* The next element: 1 with `el` set, 0 at the end, or SL_EBADINPUT with the
 * reason in `why` and el->index and el->line saying where (an element cut
 * short by the end of the data, a missing ',', an array never closed, text
 * after the last element); call again to go on. */
int sl_json_doc_next(sl_json_doc *d, sl_json_element *el, sl_buf *why);

/* ---- html.c ---- */

/* The largest real article pages weigh a few MB; the cap keeps the parsed
 * tree (about ten times the page) and the decoded copy well inside memory. */
#define SL_PAGE_MAX_MB 50
#define SL_PAGE_MAX ((size_t)SL_PAGE_MAX_MB << 20)

/* Appends the page decoded to valid UTF-8 (BOM, the HTTP header's `charset`
 * when not NULL, the page's declared charset, or a guess; charset.c).
 * Returns 0 or an SL_E* code. */
int sl_html_decode(const char *html, size_t len, const char *charset, sl_buf *out);

/* What the first HTML extractor finds in a page. Strings malloc'd or NULL. */
typedef struct sl_extracted {
    char *title;
    char *text;         /* body paragraphs separated by blank lines */
    char *published;    /* ISO-8601 from <meta>/<time>/JSON-LD, when found */
    char *author;
    char *lang;         /* <html lang>, when given */
} sl_extracted;

/* Extracts title and body text from a page with libxml2's HTML parser
 * (never fails on broken markup; SL_EBADINPUT with a reason in `why` when
 * there is no text at all, `out` then holding the page's metadata with text
 * NULL; SL_ETOOLARGE over the size cap, `out` cleared). Clear `out` after
 * any result. */
int sl_html_extract(const char *html, size_t len, const char *charset, sl_extracted *out, sl_buf *why);
void sl_extracted_clear(sl_extracted *e);

/* ---- extract.c ---- */

/* sl_input_article of an input whose format `f` the caller has detected
 * (sl_format_detect; sl_input_read needs it too): the input is read once. */
int sl_input_article_as(sl_format f, const char *data, size_t len, sl_page *out);

/* ---- chrome.c ---- */

/* A line taken out of an article as page chrome. */
typedef struct sl_chrome_line {
    uint32_t line_no;        /* 1-based, in the input text */
    uint32_t start, end;     /* byte offsets in the input text */
    const char *reason;      /* static string */
} sl_chrome_line;

typedef SL_VEC(sl_chrome_line) sl_chrome_vec;

/* Reasons of removal (sl_chrome_line.reason) for furniture wherever it
 * stands: a copyright notice, a line mostly of interface words. */
extern const char sl_chrome_notice[];
extern const char sl_chrome_interface[];

/* A short line carried by this many distinct other articles is site chrome. */
#define SL_CHROME_REPEAT_MIN 3

/* How many distinct stored articles, other than the one being cleaned and
 * its exact copies, carry each of an article's n short lines (by
 * sl_chrome_line_hash): counts[i] for hashes[i], asked once an article so
 * that the store answers all of them by one statement. Counting may stop
 * at SL_CHROME_REPEAT_MIN. The engine answers from the store; NULL means
 * "none". count returns 0, or an error code (SL_ESTORE when the store
 * could not be read), which cleaning returns: an article is never cleaned
 * on counts that were not read. */
typedef struct sl_line_counter {
    int (*count)(void *ctx, const uint64_t *hashes, size_t n, uint32_t *counts);
    void *ctx;
} sl_line_counter;

/* Line fingerprints (sl_chrome_line_hash), in the order of the lines. */
typedef SL_VEC(uint64_t) sl_line_hashes;

/* The result of cleaning one article's text. */
typedef struct sl_cleaned {
    sl_buf text;             /* kept lines, paragraphs separated by one blank line */
    sl_chrome_vec removed;
    int title_line;          /* 1-based line taken as the title (plain text only), 0 if none */
    sl_buf title;
    /* With a line counter: the fingerprints of the input's countable lines
     * as given (sl_chrome_line_countable untrimmed, sl_chrome_line_hash), in
     * order: the lines the store records as carried by this article, for
     * the judgement of later ones. Empty without a counter. */
    sl_line_hashes carried;
    /* The tokens of text, as sl_tokenize (lang NULL) gives them: each kept
     * line's own, as the judgement read them. */
    sl_token_vec tokens;
    /* The judgement's word features by word as written, kept from article
     * to article (made at the first; NULL when memory ran short), or, with
     * words_lent, the analyser's memo of English words (sl_analyzer_words,
     * the engine's): one memo of the same words, not two, not freed here. */
    sl_stem_memo *words;
    bool words_lent;
    struct sl_chrome_scratch *scratch; /* the judgement's working memory, kept likewise */
} sl_cleaned;

/* Removes page chrome from normalised text by line features (length, final
 * punctuation, stop-word and interface-word ratios, digits only, position
 * before the first or after the last body paragraph, overlap with the rest
 * of the article, repetition across stored articles). With `find_title`, the
 * first kept line that looks like a headline becomes the title and leaves the
 * body. `out` is cleared first. */
int sl_chrome_clean(const char *text, size_t len, const sl_line_counter *lines, int find_title,
                    sl_cleaned *out);
void sl_cleaned_free(sl_cleaned *c);

/* Fingerprint of a line as the repetition counter sees it (folded, spaces
 * squeezed), and whether a line is short enough to be counted at all. */
uint64_t sl_chrome_line_hash(const char *line, size_t len);
int sl_chrome_line_countable(const char *line, size_t len);

/* ---- warc.c ---- */

typedef struct sl_warc sl_warc;

/* A response or resource record. body points into the reader's buffer and
 * stays valid until the next call. */
typedef struct sl_warc_record {
    uint64_t number;          /* 1-based position in the file */
    int status;               /* HTTP status of a response; 0 for a resource */
    char uri[2048];           /* WARC-Target-URI */
    char date[64];            /* WARC-Date */
    char content_type[128];   /* the HTTP Content-Type without parameters */
    char charset[64];         /* its charset parameter, when given */
    const char *body;         /* the payload (HTTP headers taken off) */
    size_t body_len;
} sl_warc_record;

/* Opens a WARC file, plain or gzip (detected by content). On failure *out is
 * still set so that sl_warc_why explains; close it either way. */
int sl_warc_open(const char *path, sl_warc **out);
/* The next response or resource record (other types are skipped and
 * counted): 1 with `rec` filled, 0 at the end, SL_EBADINPUT for a damaged or
 * cut record (sl_warc_why says which and why; call again to go on). */
int sl_warc_next(sl_warc *w, sl_warc_record *rec);
const char *sl_warc_why(const sl_warc *w);
uint64_t sl_warc_other_records(const sl_warc *w);
void sl_warc_close(sl_warc *w);
/* A record worth extracting: a successful response (or a resource) whose
 * content type is HTML, or unstated and HTML by content. */
int sl_warc_record_is_html(const sl_warc_record *rec);
/* Whether decoded data starts as a WARC file does. */
int sl_warc_sniff(const char *data, size_t len);
/* Why WARC data given whole (a buffer: standard input, a pipe,
 * sl_ingest_buffer, sl_extract_page) is refused, NULL for other data: a WARC
 * file is read record by record from its path, and read whole its WARC and
 * HTTP headers were taken for the text. */
const char *sl_warc_refused(const char *data, size_t len);

/* ---- feed.c ---- */

/* One item of an RSS or Atom feed; strings malloc'd or NULL. */
typedef struct sl_feed_item {
    char *title, *link;
    char *published, *updated;   /* ISO-8601 when the feed's form was understood */
    char *content;               /* content:encoded or Atom <content> (HTML) */
    char *summary;               /* description or Atom <summary> (HTML) */
} sl_feed_item;

typedef SL_VEC(sl_feed_item) sl_feed_items;

/* Parses a feed (initialises `out`). SL_EBADINPUT with the reason in `why`
 * ("invalid feed XML at line 3: ...", "feed without items"). */
int sl_feed_parse(const char *data, size_t len, sl_feed_items *out, sl_buf *why);
/* Whether the item's content is the whole article (else fetch its link). */
int sl_feed_item_is_full(const sl_feed_item *it);
void sl_feed_item_clear(sl_feed_item *it);
void sl_feed_items_free(sl_feed_items *v);

/* ---- fetch.c ---- */

/* 0 means the default: 4 jobs, 30 s, 1 s between requests to one host
 * (delay_ms < 0: none), 2 retries (< 0: none), SL_PAGE_MAX bytes. */
typedef struct sl_fetch_options {
    int jobs, timeout_s, delay_ms, retries;
    size_t max_bytes;
    int ignore_robots;
    int allow_private;   /* connect to loopback, private and link-local addresses too */
} sl_fetch_options;

/* One URL's outcome: error NULL and body set on success (2xx after
 * redirects), else error says why in a few words. Valid during the call. */
typedef struct sl_fetch_result {
    long status;
    const char *final_url, *content_type;
    const char *charset;          /* the Content-Type's charset parameter, or NULL */
    const char *body;
    size_t len;
    const char *error;
} sl_fetch_result;

typedef void (*sl_fetched_fn)(void *ctx, size_t url_index, const sl_fetch_result *result);

/* Whether a robots.txt rule's path pattern matches a URL path ('*' any
 * run, a final '$' the end; else a prefix). Linear in pattern x path. */
int sl_robots_match(const char *pattern, const char *path);

/* Fetches every URL (http and https only), calling `done` once per URL in
 * completion order. Returns 0, or SL_ENOMEM. */
int sl_fetch_all(const char *const *urls, size_t n, const sl_fetch_options *o, sl_fetched_fn done, void *ctx);

/* ---- address.c ---- */

struct sockaddr;
/* Whether the fetcher refuses to connect to an address unless private
 * addresses are allowed: loopback, private (10/8, 172.16/12, 192.168/16,
 * fc00::/7), link-local (169.254/16 with the cloud metadata service,
 * fe80::/10), unspecified, shared (100.64/10), multicast and reserved, IPv4
 * inside IPv6 alike. `why` gets a one-line reason naming the address. */
int sl_address_refused(const struct sockaddr *sa, char *why, size_t size);

/* ---- dates.c ---- */

#define SL_ISO_DATE_SIZE 64

/* A date as pages and feeds write it, into ISO-8601 ("2031-02-14", with
 * "Thh:mm:ss" and the zone when given); ISO input is kept as it is. Numeric
 * dates that could be either order are read month first when `month_first`.
 * Returns 1, or 0 when `s` holds no date. */
int sl_date_to_iso(const char *s, int month_first, char out[SL_ISO_DATE_SIZE]);

#endif
