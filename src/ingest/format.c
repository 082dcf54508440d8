/* format.c — recognises what an input is (empty, binary, plain text, JSONL,
 * JSON, HTML) from a bounded prefix of its content, never its name, so that the
 * engine can route each file to its reader. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/ingest.h"
#include "text/swar.h"

/* Enough for a BOM, a doctype behind a few comments, or the first key of a
 * JSONL record, and short enough to stay in L1 cache. */
#define PREFIX_MAX 4096

/* More than this share of undecodable bytes (stray UTF-8 continuation
 * bytes, C0 controls) in the prefix makes an input binary. Latin-1 prose
 * stays far below it (accented letters are a few percent of a French or
 * German text); compressed or encrypted data sits near 50%. */
#define BINARY_SHARE_NUM 3
#define BINARY_SHARE_DEN 10

/* Markup without a doctype (a fragment) counts as HTML when it has at least
 * this many known tags and one per TAG_SPACING bytes of prefix: a news story
 * in plain text may hold a stray "<" or quote one tag, never a tag per line. */
#define MIN_TAGS 4
#define TAG_SPACING 512

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int is_alnum(unsigned char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }

static size_t skip_bom(const unsigned char *s, size_t n)
{
    return n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0;
}

static size_t skip_space(const unsigned char *s, size_t i, size_t n)
{
    while (i < n && is_space(s[i]))
        i++;
    return i;
}

static int starts_with(const unsigned char *s, size_t n, const char *magic, size_t m)
{
    return n >= m && memcmp(s, magic, m) == 0;
}

static int starts_with_ci(const unsigned char *s, size_t i, size_t n, const char *word)
{
    size_t m = strlen(word);
    return n - i >= m && strncasecmp((const char *)s + i, word, m) == 0;
}

/* Containers and documents that are never articles by themselves. */
static int has_binary_magic(const unsigned char *s, size_t n)
{
    return starts_with(s, n, "\x1f\x8b", 2)               /* gzip */
        || starts_with(s, n, "PK\x03\x04", 4)             /* zip, docx, epub */
        || starts_with(s, n, "%PDF-", 5)
        || starts_with(s, n, "\x89PNG", 4)
        || starts_with(s, n, "\xff\xd8\xff", 3)           /* JPEG */
        || starts_with(s, n, "GIF8", 4)
        || starts_with(s, n, "\x7f" "ELF", 4)
        || (starts_with(s, n, "BZh", 3) && n > 3 && s[3] >= '1' && s[3] <= '9')
        || starts_with(s, n, "\xfd" "7zXZ", 5)            /* xz */
        || starts_with(s, n, "\x28\xb5\x2f\xfd", 4);      /* zstd */
}

/* Length of the UTF-8 sequence at s[i], 0 when invalid; a sequence cut by
 * the end of the prefix counts as valid (the next bytes were not read). */
static size_t utf8_len(const unsigned char *s, size_t i, size_t n)
{
    unsigned char c = s[i];
    size_t need = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!need)
        return 0;
    for (size_t k = 1; k < need; k++) {
        if (i + k >= n)
            return n - i;
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
    }
    return need;
}

/* How many of the sixteen bytes at s are ASCII text (printable or white
 * space) before the first that is not; 16 when all are. */
static size_t ascii_text16_len(const unsigned char *s)
{
    sl_bytes16 b, stop;
    sl_bytes16_load(&b, s);
    stop = (sl_bytes16)(((b < 0x20) & ((b < '\t') | (b > '\r'))) | (b >= 0x7F));
    return sl_bytes16_first(&stop);
}

/* The bytes of s[0..n) that are no text: undecodable UTF-8, C0 controls
 * other than white space, DEL and NUL. Runs of ASCII text are stepped
 * over sixteen bytes at a time (a vector compare), to their first byte
 * that is not: a byte at a time, this was 24 M instructions of `facts
 * --text` over the first 1,000 Reuters stories, each file being sniffed
 * twice (docs/history/benchmarks-rounds.md, "Twenty-eighth round"). */
static size_t undecodable(const unsigned char *s, size_t n)
{
    size_t bad = 0;
    for (size_t i = 0; i < n;) {
        size_t text = n - i >= 16 ? ascii_text16_len(s + i) : 0;
        if (text) {
            i += text;
            continue;
        }
        unsigned char c = s[i];
        if (c >= 0x80) {
            size_t k = utf8_len(s, i, n);
            if (k) {
                i += k;
                continue;
            }
            bad++;
        } else if (c < 0x20 && !is_space(c)) {
            bad++;
        } else if (c == 0x7f) {
            bad++;
        }
        i++;
    }
    return bad;
}

static int share_binary(size_t bad, size_t n) { return bad * BINARY_SHARE_DEN > n * BINARY_SHARE_NUM; }

static int mostly_binary(const unsigned char *s, size_t n)
{
    return memchr(s, 0, n) || share_binary(undecodable(s, n), n);
}

/* A JSONL file's first line (within the prefix) is text, whatever a later
 * line holds: random bytes behind a crafted `{"a":` are binary, not
 * hundreds of bad lines (read30). */
static int first_line_text(const unsigned char *s, size_t n)
{
    const unsigned char *nl = memchr(s, '\n', n);
    size_t len = nl ? (size_t)(nl - s) : n;
    return !share_binary(undecodable(s, len), len);
}

/* A JSON string starting at s[i] == '"'; returns the index after it, or n
 * when the prefix ends inside it, or 0 when it cannot be JSON. */
static size_t skip_json_string(const unsigned char *s, size_t i, size_t n)
{
    for (i++; i < n; i++) {
        if (s[i] == '\\')
            i++;
        else if (s[i] == '"')
            return i + 1;
        else if (s[i] < 0x20)
            return 0;
    }
    return n;
}

/* `{` then `}` or `"key" :`, optionally inside a leading `[`: the opening
 * of a JSON object. Prose never starts like that, while a record whose
 * later fields are broken is still routed to the JSONL reader, which then
 * reports the line and column of the fault instead of storing JSON syntax
 * as an article. */
static int looks_like_json(const unsigned char *s, size_t i, size_t n)
{
    if (s[i] == '[')
        i = skip_space(s, i + 1, n);
    if (i >= n || s[i] != '{')
        return 0;
    i = skip_space(s, i + 1, n);
    if (i >= n || s[i] == '}')
        return 1;
    if (s[i] != '"')
        return 0;
    i = skip_json_string(s, i, n);
    if (!i)
        return 0;
    i = skip_space(s, i, n);
    return i >= n || s[i] == ':';
}

/* A JSON document rather than JSONL (docs/formats.md): an array at the top
 * (`[{...}, {...}]` on one line or many, `[]`), or an object whose first
 * line leaves it open and whose next line does not open another (a
 * pretty-printed object, or jq's stream of them). A JSONL file whose first
 * line is cut stays JSONL: its next line opens the next record. So does
 * one whose first line is a whole array and whose next line opens an
 * object (read as a document, a later line cut short took every line
 * after it into its element). */
static int json_document(const unsigned char *s, size_t i, size_t n)
{
    int array = s[i] == '[';
    size_t depth = 0;
    for (; i < n && s[i] != '\n'; i++) {
        if (s[i] == '"') {
            i = skip_json_string(s, i, n);
            if (!i || i >= n || s[i] == '\n')   /* a raw newline in a string: no JSON */
                return array;
            i--;
        } else if (s[i] == '{' || s[i] == '[') {
            depth++;
        } else if ((s[i] == '}' || s[i] == ']') && !--depth) {
            if (!array)
                return 0;
            i++;
            break;
        }
    }
    if (array && depth)
        return 1;
    i = skip_space(s, i, n);
    return array ? i >= n || s[i] != '{' : i < n && s[i] != '{';
}

/* `[` and `]` with white space between: an empty JSON array. */
static int empty_array(const unsigned char *s, size_t i, size_t n)
{
    i = skip_space(s, i + 1, n);
    return i < n && s[i] == ']';
}

/* In strcmp order, for the binary search of is_known_tag. */
static const char *const html_tags[] = {
    "a", "abbr", "article", "aside", "b", "blockquote", "body", "br", "button", "caption",
    "center", "cite", "code", "dd", "div", "dl", "dt", "em", "figcaption", "figure", "font",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i",
    "iframe", "img", "input", "label", "li", "link", "main", "meta", "nav", "noscript", "ol",
    "p", "pre", "script", "section", "small", "span", "strong", "style", "sub", "sup", "svg",
    "table", "tbody", "td", "th", "thead", "time", "title", "tr", "u", "ul",
};

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether s[i] == '<' opens or closes a known HTML element ("<p>", "</div",
 * "<a href"); "<5%" or "<<<" are not tags. */
static int is_known_tag(const unsigned char *s, size_t i, size_t n)
{
    i++;
    if (i < n && s[i] == '/')
        i++;
    size_t start = i;
    while (i < n && is_alnum(s[i]) && i - start < 12)
        i++;
    size_t len = i - start;
    if (!len || !is_alpha(s[start]) || i >= n)
        return 0;
    if (!(s[i] == '>' || s[i] == '/' || is_space(s[i])))
        return 0;
    /* lowered, then a binary search: a case-blind compare with each of
     * the 66 tags was 3 M instructions of `facts --text` over the first
     * 1,000 Reuters stories, whose "<ABC>" company codes it met */
    char name[16];
    for (size_t k = 0; k < len; k++)
        name[k] = (char)(s[start + k] | (is_alpha(s[start + k]) ? 0x20 : 0));
    name[len] = '\0';
    return bsearch(&(const char *){name}, html_tags, sizeof html_tags / sizeof *html_tags,
                   sizeof *html_tags, compare_names) != NULL;
}

/* Skips white space, comments and an XML declaration before the first tag. */
static size_t skip_prolog(const unsigned char *s, size_t i, size_t n)
{
    for (;;) {
        i = skip_space(s, i, n);
        const char *end = NULL;
        if (starts_with_ci(s, i, n, "<!--"))
            end = "-->";
        else if (starts_with_ci(s, i, n, "<?xml"))
            end = "?>";
        if (!end)
            return i;
        const unsigned char *hit = memmem(s + i, n - i, end, strlen(end));
        if (!hit)
            return n;
        i = (size_t)(hit - s) + strlen(end);
    }
}

static int document_start(const unsigned char *s, size_t i, size_t n)
{
    static const char *const starts[] = {"<!doctype html", "<html", "<head", "<body"};
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
        size_t m = strlen(starts[k]);
        if (starts_with_ci(s, i, n, starts[k]) && (i + m == n || !is_alnum(s[i + m])))
            return 1;
    }
    return 0;
}

static int looks_like_html(const unsigned char *s, size_t i, size_t n)
{
    size_t first = i;
    i = skip_prolog(s, i, n);
    /* Comments filling the whole prefix are markup too (prose never opens
     * with "<!--"). */
    if (i >= n || document_start(s, i, n) || (s[i] == '<' && is_known_tag(s, i, n)))
        return 1;
    size_t tags = 0;
    for (const unsigned char *p = s + i; (p = memchr(p, '<', (size_t)(s + n - p))); p++)
        tags += (size_t)is_known_tag(s, (size_t)(p - s), n);
    return tags >= MIN_TAGS && tags * TAG_SPACING >= n - first;
}

/* A document type declaration other than HTML's ("<!DOCTYPE rss PUBLIC
 * ...>", with an internal subset in [ ]); the index after it, else i. */
static size_t skip_doctype(const unsigned char *s, size_t i, size_t n)
{
    if (!starts_with_ci(s, i, n, "<!doctype") || starts_with_ci(s, i, n, "<!doctype html"))
        return i;
    int depth = 0;
    for (size_t k = i + 9; k < n; k++) {
        if (s[k] == '[')
            depth++;
        else if (s[k] == ']' && depth)
            depth--;
        else if (s[k] == '>' && !depth)
            return skip_prolog(s, k + 1, n);
    }
    return n;
}

/* RSS 2.0 (<rss>), RSS 1.0 (<rdf:RDF>) and Atom (<feed>) after the prolog
 * and a doctype (RSS 0.91 feeds carry one). */
static int looks_like_feed(const unsigned char *s, size_t i, size_t n)
{
    i = skip_doctype(s, skip_prolog(s, i, n), n);
    return starts_with_ci(s, i, n, "<rss") || starts_with_ci(s, i, n, "<feed") ||
           starts_with_ci(s, i, n, "<rdf:RDF");
}

/* A page saved as UTF-16 with its BOM (Windows tools wrote them): its
 * prefix narrowed to one byte a code unit (units beyond ASCII as a letter)
 * reads as HTML or not; charset.c decodes it. Anything else in UTF-16 (text,
 * JSONL) stays binary: those readers take UTF-8 only. */
static int utf16_html(const unsigned char *s, size_t len)
{
    int be = len >= 2 && s[0] == 0xFE && s[1] == 0xFF;
    if (!be && !(len >= 2 && s[0] == 0xFF && s[1] == 0xFE))
        return 0;
    unsigned char narrow[PREFIX_MAX / 2] = {0};
    size_t n = 0;
    for (size_t i = 2; i + 1 < len && n < sizeof narrow; i += 2) {
        unsigned hi = s[i + !be], lo = s[i + be];
        narrow[n++] = hi || lo >= 0x80 || !lo ? 'x' : (unsigned char)lo;
    }
    size_t first = skip_space(narrow, 0, n);
    return first < n && looks_like_html(narrow, first, n);
}

sl_format sl_format_detect(const char *data, size_t len)
{
    const unsigned char *s = (const unsigned char *)data;
    if (!s || !len)
        return SL_FORMAT_EMPTY;
    if (utf16_html(s, len))
        return SL_FORMAT_HTML;
    size_t bom = skip_bom(s, len);
    size_t first = skip_space(s, bom, len);   /* the whole input, for a blank file */
    if (first == len)
        return SL_FORMAT_EMPTY;
    /* The prefix is read from the first byte that is not white space: a
     * server's template that wrote thousands of blank lines before the
     * doctype (includes of an older PHP or ASP site) still gives a page,
     * which read as text came out as its markup. */
    size_t n = len - first < PREFIX_MAX ? len : first + PREFIX_MAX;
    if (has_binary_magic(s, n))
        return SL_FORMAT_BINARY;
    /* JSONL before the share of binary bytes: a NUL or control bytes in a
     * line are that line's fault (the reader names it and keeps the rest),
     * where the whole file was refused as binary. */
    if ((s[first] == '{' || s[first] == '[') && looks_like_json(s, first, n)) {
        if (!first_line_text(s + first, n - first))
            return SL_FORMAT_BINARY;
        return json_document(s, first, n) ? SL_FORMAT_JSON : SL_FORMAT_JSONL;
    }
    if (s[first] == '[' && empty_array(s, first, n))
        return SL_FORMAT_JSON;
    if (mostly_binary(s + first, n - first))
        return SL_FORMAT_BINARY;
    if (looks_like_feed(s, first, n))
        return SL_FORMAT_FEED;
    if (looks_like_html(s, first, n))
        return SL_FORMAT_HTML;
    return SL_FORMAT_TEXT;
}

int sl_format_decided(const char *data, size_t len)
{
    const unsigned char *s = (const unsigned char *)data;
    size_t first = skip_space(s, skip_bom(s, len), len);
    /* utf16_html reads 2 + PREFIX_MAX bytes from the start */
    return len - first >= PREFIX_MAX + 2;
}

const char *sl_format_name(sl_format f)
{
    switch (f) {
    case SL_FORMAT_EMPTY: return "empty";
    case SL_FORMAT_BINARY: return "binary";
    case SL_FORMAT_TEXT: return "text";
    case SL_FORMAT_JSONL: return "jsonl";
    case SL_FORMAT_HTML: return "html";
    case SL_FORMAT_FEED: return "feed";
    case SL_FORMAT_JSON: return "json";
    }
    return "unknown";
}

int sl_input_is_binary(const char *data, size_t len)
{
    return sl_format_detect(data, len) == SL_FORMAT_BINARY;
}

int sl_input_utf8(const char *data, size_t len, char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    if (!data || !utf16_html((const unsigned char *)data, len))
        return 0;
    sl_buf page;
    sl_buf_init(&page, 0);
    int rc = sl_html_decode(data, len, NULL, &page);
    *out_len = rc ? 0 : page.len;
    *out = rc ? NULL : sl_buf_take(&page);
    sl_buf_free(&page);
    return rc ? rc : *out ? 0 : SL_ENOMEM;
}
