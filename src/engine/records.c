/* records.c — ingest split in two for a run on many machines (docs/scale.md):
 * the map turns a range of an input's items into compact records, each HTML
 * page already extracted (no store needed, any machine); the merge, one
 * writer, replays records through the pipeline in the order given, exactly
 * as sl_ingest_path would have ingested the same inputs.
 *
 * A record is self-delimiting, so records concatenate into one buffer:
 *   u32 size of what follows | u8 kind ('A' article, 'F' failure) |
 *   u8 flags (1 in_file, 2 page extracted) | u16 0 | i32 extraction result |
 *   i64 source hash | NSTR strings, each u32 length (NONE for NULL), the
 *   bytes and a NUL (so a decoded string points into the buffer).
 * Integers are in the machine's byte order: records are made and read by
 * the same build on one cluster, not kept. */
#include <stdint.h>
#include <string.h>

#include "engine.h"

enum { KIND_ARTICLE = 'A', KIND_FAILURE = 'F' };
enum { FLAG_IN_FILE = 1, FLAG_PAGE = 2 };
enum { STOP = 1 };   /* past the range: the walk stops (never an SL_E* code) */
#define NONE UINT32_MAX
#define HEAD 20      /* bytes after the size field before the strings */

/* The strings of a record, in order. */
enum {
    S_NAME, S_FAILURE, S_TEXT, S_TITLE, S_URL, S_SOURCE, S_PUBLISHED, S_KEY, S_PATH,
    S_CHARSET, S_FETCHED, S_DEFAULT_SOURCE, S_PAGE_TITLE, S_PAGE_TEXT, S_PAGE_PUBLISHED,
    S_WHY, NSTR
};

/* ---- the map: items of a walk into records ---- */

typedef struct reader {
    sl_engine *e;
    uint64_t first, end;     /* the range of items wanted */
    uint64_t index;          /* the item the walk is at */
    sl_write_fn write;       /* NULL: only counting */
    void *ctx;
    sl_buf record;
    sl_buf why;
    int rc;                  /* the first failure to write */
} reader;

static void put_u32(sl_buf *b, uint32_t v) { sl_buf_put(b, &v, sizeof v); }

static void put_str(sl_buf *b, const char *s, size_t len)
{
    put_u32(b, s ? (uint32_t)len : NONE);
    if (s) {
        sl_buf_put(b, s, len);
        sl_buf_putc(b, 0);
    }
}

static void put_cstr(sl_buf *b, const char *s) { put_str(b, s, s ? strlen(s) : 0); }

/* Encodes one item, its page extracted when it is an HTML input. */
static int encode(reader *r, const sl_input_item *item)
{
    const sl_article_input *in = &item->in;
    sl_extracted page = {0};
    sl_buf *b = &r->record;
    sl_buf_clear(b);
    sl_buf_clear(&r->why);
    int32_t page_rc = in->html ? sl_html_extract(in->html, in->html_len, in->charset, &page, &r->why) : 0;
    uint8_t head[HEAD] = {item->failure ? KIND_FAILURE : KIND_ARTICLE,
                          (uint8_t)((in->in_file ? FLAG_IN_FILE : 0) | (in->html ? FLAG_PAGE : 0))};
    int64_t source_hash = item->failure ? 0 : sl_pipeline_source_hash(in);
    memcpy(head + 4, &page_rc, sizeof page_rc);
    memcpy(head + 8, &source_hash, sizeof source_hash);
    put_u32(b, 0); /* the size, set below */
    sl_buf_put(b, head, sizeof head);
    put_cstr(b, item->name);
    put_cstr(b, item->failure);
    put_str(b, in->text, in->text_len);
    const char *fields[] = {in->title, in->url, in->source, in->published, in->key, in->path,
                            in->charset, in->fetched, in->default_source, page.title, page.text,
                            page.published, page_rc ? sl_buf_cstr(&r->why) : NULL};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        put_cstr(b, fields[i]);
    sl_extracted_clear(&page);
    if (b->err)
        return sl_seterr(r->e, b->err, "%s: record too large", item->name);
    uint32_t size = (uint32_t)(b->len - sizeof size);
    memcpy(b->ptr, &size, sizeof size);
    return r->write(r->ctx, b->ptr, b->len) ? sl_seterr(r->e, SL_EIO, "%s: writing the record failed", item->name) : 0;
}

static int on_item(void *ctx, const sl_input_item *item)
{
    reader *r = ctx;
    uint64_t i = r->index++;
    if (!r->write || i < r->first || r->rc)
        return 0;
    if (i >= r->end)
        return STOP;
    return r->rc = encode(r, item);
}

static int walk(reader *r, const char *path, const sl_ingest_options *opts)
{
    int rc = sl_inputs_each(r->e, path, opts, on_item, r);
    sl_buf_free(&r->record);
    sl_buf_free(&r->why);
    if (r->rc)
        return r->rc;
    return rc == STOP ? 0 : rc;
}

int sl_records_count(sl_engine *e, const char *path, const sl_ingest_options *opts, uint64_t *items)
{
    reader r = {.e = e};
    int rc = walk(&r, path, opts);
    *items = r.index;
    return rc;
}

int sl_records_read(sl_engine *e, const char *path, const sl_ingest_options *opts, uint64_t first,
                    uint64_t count, sl_write_fn write, void *ctx)
{
    if (!write)
        return sl_seterr(e, SL_EUSAGE, "records need a writer");
    reader r = {.e = e, .first = first, .end = count > UINT64_MAX - first ? UINT64_MAX : first + count,
                .write = write, .ctx = ctx, .record = SL_BUF_INIT, .why = SL_BUF_INIT};
    return walk(&r, path, opts);
}

/* ---- the merge: records replayed through the pipeline ---- */

typedef struct replay {
    sl_engine *e;
    const unsigned char *data;
    size_t len, pos;
    sl_pre_extracted pre;
} replay;

static int damaged(replay *p)
{
    return sl_seterr(p->e, SL_EUSAGE, "records: damaged record at byte %zu", p->pos);
}

/* Decodes the strings of the record at data[at, end) into s[]. */
static int decode_strings(const unsigned char *data, size_t at, size_t end, const char *s[NSTR],
                          size_t n[NSTR])
{
    for (int i = 0; i < NSTR; i++) {
        uint32_t len;
        if (end - at < sizeof len)
            return -1;
        memcpy(&len, data + at, sizeof len);
        at += sizeof len;
        s[i] = NULL;
        n[i] = 0;
        if (len == NONE)
            continue;
        if (end - at < (size_t)len + 1 || data[at + len])
            return -1;
        s[i] = (const char *)data + at;
        n[i] = len;
        at += (size_t)len + 1;
    }
    return at == end ? 0 : -1;
}

static int next_record(void *ctx, sl_input_item *item)
{
    replay *p = ctx;
    uint32_t size;
    if (p->pos == p->len)
        return 0;
    if (p->len - p->pos < sizeof size + HEAD)
        return damaged(p);
    memcpy(&size, p->data + p->pos, sizeof size);
    size_t at = p->pos + sizeof size, end = at + size;
    if (size < HEAD || size > p->len - at)
        return damaged(p);
    const unsigned char *head = p->data + at;
    const char *s[NSTR];
    size_t n[NSTR];
    if ((head[0] != KIND_ARTICLE && head[0] != KIND_FAILURE) ||
        decode_strings(p->data, at + HEAD, end, s, n) || !s[S_NAME] ||
        (head[0] == KIND_FAILURE && !s[S_FAILURE]) || ((head[1] & FLAG_PAGE) && !s[S_PAGE_TEXT] && !s[S_WHY]))
        return damaged(p);
    p->pos = end;
    memset(item, 0, sizeof *item);
    item->name = s[S_NAME];
    item->failure = head[0] == KIND_FAILURE ? s[S_FAILURE] : NULL;
    item->in = (sl_article_input){
        .text = s[S_TEXT], .text_len = n[S_TEXT], .title = s[S_TITLE], .url = s[S_URL],
        .source = s[S_SOURCE], .published = s[S_PUBLISHED], .key = s[S_KEY], .path = s[S_PATH],
        .charset = s[S_CHARSET], .fetched = s[S_FETCHED], .in_file = head[1] & FLAG_IN_FILE,
        .default_source = s[S_DEFAULT_SOURCE],
    };
    if (head[1] & FLAG_PAGE) {
        sl_pre_extracted *pre = &p->pre;
        memcpy(&pre->rc, head + 4, sizeof pre->rc);
        memcpy(&pre->source_hash, head + 8, sizeof pre->source_hash);
        pre->why = s[S_WHY];
        /* The pipeline only reads the page; the strings stay in the buffer. */
        pre->page = (sl_extracted){.title = (char *)s[S_PAGE_TITLE], .text = (char *)s[S_PAGE_TEXT],
                                   .published = (char *)s[S_PAGE_PUBLISHED]};
        item->pre = pre;
    }
    return 1;
}

int sl_ingest_records(sl_engine *e, const void *records, size_t len, const sl_ingest_options *opts,
                      sl_ingest_report *report)
{
    if (!records && len)
        return sl_seterr(e, SL_EUSAGE, "no records");
    replay p = {.e = e, .data = records, .len = len};
    return sl_inputs_replay(e, opts, report, next_record, &p);
}
