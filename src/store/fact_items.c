/* fact_items.c (store) — the packed form of an article's facts, the blob
 * of its row in table facts (facts.c): per schema version, how the items
 * are written (varints, raw doubles, strings with their length, words of a
 * frozen list by their place; from schema 27 a head an item saying what
 * follows) and read back, each item bit for bit (docs/store.md, `facts`). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "util/alloc.h"
#include "util/mem_find.h"

/* ---- the packed form of an article's items ---- */

/* The forms by schema: each offset a varint of itself before 13, the
 * offsets as differences from 13 (offsets_put), from 16 also the whole
 * values as varints and the words of fact_words by their place, from 27 a
 * head an item (heads_put). */
typedef enum { FORM_PLAIN, FORM_DIFFERENCES, FORM_WORDS, FORM_HEADS } form;

static form form_of(int schema)
{
    return schema >= SL_STORE_FACT_HEADS_SINCE ? FORM_HEADS
           : schema >= SL_STORE_WORDS_SINCE    ? FORM_WORDS
           : schema >= SL_STORE_PACKED_SINCE   ? FORM_DIFFERENCES
                                               : FORM_PLAIN;
}

/* A word and its length. */
typedef struct word {
    const char *text;
    size_t len;
} word;
#define WORD(s) {s, sizeof s - 1}

/* The `detail` and `role` strings used 20 times or more in the facts of
 * the first 5,000 Reuters stories, most used first (the entity types, the
 * units, the date forms, the speech verbs, the speakers' titles): 117 of
 * their 137 bytes an article (bench/fact_words.py, which prints this list).
 * Stored as its place here (one byte), any other string as itself. Frozen:
 * stores hold these places, so the list may only grow at its end, to 63
 * words (the places that take one byte). */
static const word fact_words[] = {
#define W WORD
   W("organization"), W("person"), W("place"), W("dollar"),
   W("percentage"), W("absolute"), W("relative"), W("cent"),
   W("said"), W("year"), W("metric ton"), W("ordinal"),
   W("month"), W("dollar per share"), W("swiss franc"), W("cent per share"),
   W("barrel per day"), W("day"), W("mark"), W("week"),
   W("President"), W("chairman"), W("japanese yen"), W("told"),
   W("added"), W("penny"), W("manager"), W("basis point"),
   W("barrel"), W("president"), W("point"), W("dollar per barrel"),
   W("analyst"), W("hectare"), W("ton"), W("Finance Minister"),
   W("people"), W("hour"), W("ounce"), W("General"),
   W("acre"), W("spokesman"), W("pound-mass"), W("count"),
   W("official"), W("year of age"), W("."), W("foot"),
   W("Prime Minister"), W("director"), W("Chairman"), W("kilometre"),
   W("Minister"), W("percentage point"), W("dollar per metric ton"), W("Sen."),
   W("percentage per year"), W("Rep."), W("dollar per year"), W("governor"),
   W("mile"), W("mexican peso"), W("riyal"),
#undef W
};
#define N_FACT_WORDS (sizeof fact_words / sizeof *fact_words)

/* A double as its 8 bytes, or nothing when they are all zero (most items
 * have no value); `flags` records which. */
static void put_double(sl_buf *b, double v)
{
    sl_buf_put(b, &v, sizeof v);
}

static int double_is_zero(double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return bits == 0;
}

/* Whether v is a whole number a varint holds exactly (not -0, which reads
 * back as 0). */
static int is_whole(double v)
{
    return v >= -9007199254740992.0 && v <= 9007199254740992.0 && v == (double)(int64_t)v &&
           !(v == 0 && signbit(v));
}

/* A value as its 8 bytes, or from schema 16, when whole, as a varint of its
 * zigzag (`whole`: is_whole said so). */
static void put_value(sl_buf *b, double v, int whole)
{
    if (!whole) {
        put_double(b, v);
        return;
    }
    int64_t n = (int64_t)v;
    sl_buf_put_varint(b, ((uint64_t)n << 1) ^ (uint64_t)-(int64_t)(n < 0));
}

/* The place of s in fact_words, or N_FACT_WORDS. */
static size_t word_place(const char *s, size_t len)
{
    size_t k = 0;
    while (k < N_FACT_WORDS && (fact_words[k].len != len || memcmp(fact_words[k].text, s, len)))
        k++;
    return k;
}

/* NULL as 0, else the length + 1 and the bytes; from schema 16 (`words`)
 * 2 × (the length + 1), the odd numbers being the words of fact_words. */
static void put_string(sl_buf *b, const char *s, int words)
{
    size_t len = s ? strlen(s) : 0;
    sl_buf_put_varint(b, s ? ((uint64_t)len + 1) << words : 0);
    if (len)
        sl_buf_put(b, s, len);
}

/* A detail or role: from schema 16 a word of fact_words as 2 × its place
 * + 1, else as put_string. (An item's text and about, mostly names, are
 * not looked for in the list: it would cost more than it saves.) */
static void put_word(sl_buf *b, const char *s, int words)
{
    size_t place = s && words ? word_place(s, strlen(s)) : N_FACT_WORDS;
    if (place < N_FACT_WORDS)
        sl_buf_put_varint(b, 2 * (uint64_t)place + 1);
    else
        put_string(b, s, words);
}

/* The article text an item's words are read from (`text` of `len` bytes). */
typedef struct article_text {
    const char *text;
    size_t len;
} article_text;

enum {
    HAS_VALUE = 1,
    HAS_VALUE_HI = 2,
    TEXT_IS_SPAN = 4,
    ABOUT_IS_TEXT = 8,
    VALUE_WHOLE = 16,   /* from schema 16: the value as a varint (put_value) */
    VALUE_HI_WHOLE = 32 /* and the high one */
};

/* Whether the item's words are the article's text at its span. */
static int text_is_span(const sl_fact_item *it, article_text at)
{
    size_t n = it->span.end >= it->span.start ? it->span.end - it->span.start : 0;
    return it->text && at.text && it->span.end <= at.len && it->span.end > it->span.start &&
           strlen(it->text) == n && !memcmp(it->text, at.text + it->span.start, n);
}

/* An int32 difference as an unsigned number, small when near 0 either way. */
static uint32_t zigzag(uint32_t d)
{
    return (d << 1) ^ (uint32_t)-(int32_t)(d >> 31);
}

static uint32_t unzigzag(uint32_t v)
{
    return (v >> 1) ^ (uint32_t)-(int32_t)(v & 1);
}

/* An item's six offsets (span, sentence, source: start and end of each) as
 * stored. Before schema 13 each was a varint of itself (about 10 bytes an
 * item); since, as differences that are mostly small (about 6 bytes): the
 * span's start from the previous item's, its end from its start, the
 * sentence's start and end from the span's, the source's end from its start
 * (its start as itself: most items have none, 0). All in uint32
 * arithmetic, so that any offsets read back exactly. */
static void offsets_put(const uint32_t o[6], uint32_t *prev_start, form f, uint32_t out[6])
{
    if (f == FORM_PLAIN) {
        memcpy(out, o, 6 * sizeof *o);
        return;
    }
    out[0] = zigzag(o[0] - *prev_start);
    out[1] = o[1] - o[0];
    out[2] = zigzag(o[0] - o[2]);
    out[3] = zigzag(o[3] - o[1]);
    out[4] = o[4];
    out[5] = o[5] - o[4];
    *prev_start = o[0];
}

static void offsets_get(const uint32_t v[6], uint32_t *prev_start, form f, uint32_t o[6])
{
    if (f == FORM_PLAIN) {
        memcpy(o, v, 6 * sizeof *o);
        return;
    }
    o[0] = *prev_start + unzigzag(v[0]);
    o[1] = o[0] + v[1];
    o[2] = o[0] - unzigzag(v[2]);
    o[3] = o[1] + unzigzag(v[3]);
    o[4] = v[4];
    o[5] = o[4] + v[5];
    *prev_start = o[0];
}

/* The flags of the values of `it` (whole ones only from schema 16). */
static int value_flags(const sl_fact_item *it, form f)
{
    int flags = 0;
    if (!double_is_zero(it->value))
        flags |= HAS_VALUE | (f == FORM_WORDS && is_whole(it->value) ? VALUE_WHOLE : 0);
    if (!double_is_zero(it->value_hi))
        flags |= HAS_VALUE_HI | (f == FORM_WORDS && is_whole(it->value_hi) ? VALUE_HI_WHOLE : 0);
    return flags;
}

/* ---- the form of schema 27: a head an item ---- */

/* An item from schema 27 opens with a head, a varint of these bits (one
 * byte for most items), saying what follows and what is left out:
 * the span (its start from the previous item's, its length), the sentence
 * when it is not the previous item's (its start and end from the span's),
 * the source when it is not {0, 0} (its start, its length), the values,
 * the text when it is not the article's at the span, the about as a
 * string or a span of the article's text (its start from the item's, its
 * length) when not the text, the detail, the role when not NULL. */
enum {
    H_KIND = 3,              /* the kind's low two bits (its others from H_KIND_HIGH) */
    H_ABOUT = 2,             /* 2 bits, about: */
    ABOUT_TEXT = 0,          /*   the item's text */
    ABOUT_STRING = 1,        /*   a string (put_string) */
    ABOUT_SPAN = 2,          /*   a span of the article's text */
    H_VALUE = 4,             /* 2 bits, value and (H_HI) value_hi: */
    VALUE_ZERO = 0,          /*   its bits all zero (value_hi: the value's bits) */
    VALUE_INT = 1,           /*   whole, a varint of its zigzag */
    VALUE_DECIMAL = 2,       /*   m / 10^e, a varint of zigzag(m) << 4 | e (value only) */
    VALUE_RAW = 3,           /*   its 8 bytes */
    HI_ZERO = 2,             /*   value_hi's place of VALUE_DECIMAL: its bits all zero */
    H_NEW_SENTENCE = 1 << 6, /* the sentence is not the previous item's */
    H_TEXT_WRITTEN = 1 << 7, /* the text is not the article's at the span */
    H_HI = 8,                /* 2 bits, value_hi, as H_VALUE */
    H_APPROX = 10,           /* 2 bits: 0 '=' (or none), 1 '~', 2 '>', 3 a byte follows */
    H_SOURCE = 1 << 12,      /* the source is not {0, 0} */
    H_ROLE = 1 << 13,        /* a role */
    H_KIND_HIGH = 14
};

static const double powers_of_ten[10] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

static int same_bits(double a, double b)
{
    return !memcmp(&a, &b, sizeof a);
}

/* The zigzag of a whole number, a signed difference small either way. */
static uint64_t zigzag64(int64_t n)
{
    return ((uint64_t)n << 1) ^ (uint64_t)-(int64_t)(n < 0);
}

static int64_t unzigzag64(uint64_t v)
{
    return (int64_t)((v >> 1) ^ (uint64_t)-(int64_t)(v & 1));
}

/* How value v is stored (VALUE_*), and into *code what follows the head:
 * a decimal is m / 10^e read back to the same bits (e from 1 to 9). */
static unsigned value_form(double v, uint64_t *code)
{
    if (double_is_zero(v))
        return VALUE_ZERO;
    if (is_whole(v)) {
        *code = zigzag64((int64_t)v);
        return VALUE_INT;
    }
    for (unsigned e = 1; e < 10; e++) {
        double x = v * powers_of_ten[e];
        if (!(x > -9007199254740992.0 && x < 9007199254740992.0))
            break;
        int64_t m = llround(x);
        if (same_bits((double)m / powers_of_ten[e], v)) {
            *code = zigzag64(m) << 4 | e;
            return VALUE_DECIMAL;
        }
    }
    return VALUE_RAW;
}

static void value_put(sl_buf *b, unsigned how, uint64_t code, double v)
{
    if (how == VALUE_RAW)
        put_double(b, v);
    else if (how != VALUE_ZERO)
        sl_buf_put_varint(b, code);
}

static unsigned varint_len(uint64_t v)
{
    unsigned n = 1;
    for (; v >= 0x80; v >>= 7)
        n++;
    return n;
}

/* Where `about` is in the article's text, when a span there takes fewer
 * bytes than the string: 1 and its start in *start, else 0. */
static int about_in_text(const char *about, uint32_t span_start, article_text at, uint32_t *start)
{
    size_t len = about ? strlen(about) : 0;
    if (!len || !at.text || len > UINT32_MAX)
        return 0;
    const char *found = sl_mem_find(at.text, at.len, about, len);
    if (!found)
        return 0;
    *start = (uint32_t)(found - at.text);
    return varint_len(zigzag(*start - span_start)) + varint_len(len) < varint_len(2 * (len + 1)) + len;
}

/* How value_hi is stored: the value's bits (VALUE_ZERO), zero (HI_ZERO,
 * the place of VALUE_DECIMAL, which is for the value only), whole or its 8
 * bytes. */
static unsigned hi_form(const sl_fact_item *it, uint64_t *code)
{
    if (same_bits(it->value_hi, it->value))
        return VALUE_ZERO;
    if (double_is_zero(it->value_hi))
        return HI_ZERO;
    unsigned how = value_form(it->value_hi, code);
    return how == VALUE_DECIMAL ? VALUE_RAW : how;
}

static unsigned approx_code(char approx)
{
    return !approx || approx == '=' ? 0 : approx == '~' ? 1 : approx == '>' ? 2 : 3;
}

/* The head of item `it` (prev: the previous item's span start and
 * sentence), with its values' codes and the about's start. */
static uint64_t head_of(const sl_fact_item *it, article_text at, const uint32_t prev[3],
                        uint64_t codes[2], uint32_t *about_start)
{
    unsigned value = value_form(it->value, &codes[0]), hi = hi_form(it, &codes[1]);
    unsigned about = it->about && it->text && !strcmp(it->about, it->text) ? ABOUT_TEXT
                     : about_in_text(it->about, it->span.start, at, about_start) ? ABOUT_SPAN
                                                                                 : ABOUT_STRING;
    uint64_t kind = (uint32_t)it->kind;
    return (kind & H_KIND) | (uint64_t)about << H_ABOUT | (uint64_t)value << H_VALUE |
           (it->sentence.start != prev[1] || it->sentence.end != prev[2] ? H_NEW_SENTENCE : 0) |
           (text_is_span(it, at) ? 0 : H_TEXT_WRITTEN) | (uint64_t)hi << H_HI |
           (uint64_t)approx_code(it->approx) << H_APPROX |
           (it->source.start || it->source.end ? H_SOURCE : 0) | (it->role ? H_ROLE : 0) |
           (kind >> 2) << H_KIND_HIGH;
}

/* Item `it` in the form of schema 27; prev: the previous item's span
 * start and sentence, then this one's. */
static void heads_put(const sl_fact_item *it, article_text at, uint32_t prev[3], sl_buf *out)
{
    uint64_t codes[2] = {0, 0};
    uint32_t about_start = 0;
    uint64_t head = head_of(it, at, prev, codes, &about_start);
    sl_buf_put_varint(out, head);
    sl_buf_put_varint(out, zigzag(it->span.start - prev[0]));
    sl_buf_put_varint(out, it->span.end - it->span.start);
    if (head & H_NEW_SENTENCE) {
        sl_buf_put_varint(out, zigzag(it->span.start - it->sentence.start));
        sl_buf_put_varint(out, zigzag(it->sentence.end - it->span.end));
    }
    if (head & H_SOURCE) {
        sl_buf_put_varint(out, it->source.start);
        sl_buf_put_varint(out, it->source.end - it->source.start);
    }
    if ((head >> H_APPROX & 3) == 3)
        sl_buf_putc(out, it->approx);
    value_put(out, head >> H_VALUE & 3, codes[0], it->value);
    if ((head >> H_HI & 3) != HI_ZERO)
        value_put(out, head >> H_HI & 3, codes[1], it->value_hi);
    if (head & H_TEXT_WRITTEN)
        put_string(out, it->text, 1);
    if ((head >> H_ABOUT & 3) == ABOUT_SPAN) {
        sl_buf_put_varint(out, zigzag(about_start - it->span.start));
        sl_buf_put_varint(out, strlen(it->about));
    } else if ((head >> H_ABOUT & 3) == ABOUT_STRING) {
        put_string(out, it->about, 1);
    }
    put_word(out, it->detail, 1);
    if (head & H_ROLE)
        put_word(out, it->role, 1);
    prev[0] = it->span.start;
    prev[1] = it->sentence.start;
    prev[2] = it->sentence.end;
}

static int pack(const sl_fact_item *items, size_t n, article_text at, form f, sl_buf *out)
{
    sl_buf_clear(out);
    uint32_t prev[3] = {0, 0, 0}; /* the previous item's span start and sentence */
    if (f == FORM_HEADS) {
        for (size_t i = 0; i < n; i++)
            heads_put(&items[i], at, prev, out);
        return out->err;
    }
    uint32_t prev_start = 0;
    for (size_t i = 0; i < n; i++) {
        const sl_fact_item *it = &items[i];
        int flags = value_flags(it, f) | (text_is_span(it, at) ? TEXT_IS_SPAN : 0) |
                    (it->about && it->text && !strcmp(it->about, it->text) ? ABOUT_IS_TEXT : 0);
        sl_buf_put_varint(out, (uint64_t)it->kind);
        sl_buf_put_varint(out, (uint64_t)flags);
        sl_buf_putc(out, it->approx ? it->approx : '=');
        const uint32_t spans[6] = {it->span.start, it->span.end, it->sentence.start,
                                   it->sentence.end, it->source.start, it->source.end};
        uint32_t stored[6];
        offsets_put(spans, &prev_start, f, stored);
        for (size_t k = 0; k < 6; k++)
            sl_buf_put_varint(out, stored[k]);
        int words = f == FORM_WORDS;
        if (flags & HAS_VALUE)
            put_value(out, it->value, flags & VALUE_WHOLE);
        if (flags & HAS_VALUE_HI)
            put_value(out, it->value_hi, flags & VALUE_HI_WHOLE);
        if (!(flags & TEXT_IS_SPAN))
            put_string(out, it->text, words);
        if (!(flags & ABOUT_IS_TEXT))
            put_string(out, it->about, words);
        put_word(out, it->detail, words);
        put_word(out, it->role, words);
    }
    return out->err;
}

/* A reader over one packed blob and its article's text; `bad` is set on a
 * truncated or corrupt one. */
typedef struct reader {
    const unsigned char *p, *end;
    article_text at;
    form f;                  /* the blob's form (form_of) */
    uint32_t prev_start;     /* the last item's span start */
    sl_span prev_sentence;   /* and its sentence (FORM_HEADS) */
    int bad;
} reader;

static uint64_t get_varint(reader *r)
{
    uint64_t v;
    if (!sl_varint_get(&r->p, r->end, &v))
        return v;
    r->bad = 1;
    return 0;
}

static double get_double(reader *r)
{
    double v = 0;
    if ((size_t)(r->end - r->p) < sizeof v) {
        r->bad = 1;
        return 0;
    }
    memcpy(&v, r->p, sizeof v);
    r->p += sizeof v;
    return v;
}

static char *string_dup(const char *s, int *err)
{
    char *copy = s ? sl_strdup(s) : NULL;
    if (s && !copy)
        *err = SL_ENOMEM;
    return copy;
}

/* A value as put_value wrote it. */
static double get_value(reader *r, int whole)
{
    if (!whole)
        return get_double(r);
    uint64_t v = get_varint(r);
    return (double)(int64_t)((v >> 1) ^ (uint64_t)-(int64_t)(v & 1));
}

/* A string as put_string wrote it (malloc'd), NULL for NULL. */
static char *get_string(reader *r, int *err)
{
    uint64_t n = get_varint(r);
    if (!n || r->bad)
        return NULL;
    if (r->f >= FORM_WORDS && (n & 1)) {
        if (n / 2 >= N_FACT_WORDS) {
            r->bad = 1;
            return NULL;
        }
        return string_dup(fact_words[n / 2].text, err);
    }
    if (r->f >= FORM_WORDS)
        n /= 2;
    if (n - 1 > (uint64_t)(r->end - r->p)) {
        r->bad = 1;
        return NULL;
    }
    char *s = sl_malloc((size_t)n);
    if (!s) {
        *err = SL_ENOMEM;
        return NULL;
    }
    memcpy(s, r->p, (size_t)(n - 1));
    s[n - 1] = 0;
    r->p += n - 1;
    return s;
}

/* The article's text at the item's span, as a malloc'd string. */
static char *span_text(reader *r, sl_span span, int *err)
{
    if (span.end > r->at.len || span.end <= span.start || !r->at.text) {
        r->bad = 1;
        return NULL;
    }
    char *s = sl_strndup(r->at.text + span.start, span.end - span.start);
    if (!s)
        *err = SL_ENOMEM;
    return s;
}

void sl_store_fact_strings_free(sl_fact_item *it)
{
    free(it->text);
    free(it->about);
    free(it->detail);
    free(it->role);
}

/* A value as value_put wrote it in `how` (VALUE_*; for value_hi,
 * VALUE_ZERO is the value's bits and HI_ZERO zero). */
static double value_get(reader *r, unsigned how, int hi, double value)
{
    if (how == VALUE_ZERO)
        return hi ? value : 0;
    if (how == VALUE_RAW)
        return get_double(r);
    if (hi && how == HI_ZERO)
        return 0;
    uint64_t v = get_varint(r);
    if (how == VALUE_INT)
        return (double)unzigzag64(v);
    unsigned e = v & 15;
    if (!e || e >= 10 || (v >> 4) > (uint64_t)1 << 54) {
        r->bad = 1;
        return 0;
    }
    return (double)unzigzag64(v >> 4) / powers_of_ten[e];
}

/* An about stored as a span of the article's text: its start from the
 * item's span start, its length. */
static char *about_span(reader *r, uint32_t span_start, int *err)
{
    uint32_t start = span_start + unzigzag((uint32_t)get_varint(r));
    uint64_t len = get_varint(r);
    if (!len || start > r->at.len || len > r->at.len - start)
        r->bad = 1;
    return r->bad ? NULL : span_text(r, (sl_span){start, start + (uint32_t)len}, err);
}

/* The next item of a blob of schema 27 (heads_put) into *it, but its
 * article id; its strings malloc'd. */
static void read_heads(reader *r, sl_fact_item *it, int *err)
{
    uint64_t head = get_varint(r);
    it->kind = (sl_fact_kind)((head & H_KIND) | (head >> H_KIND_HIGH) << 2);
    it->span.start = r->prev_start + unzigzag((uint32_t)get_varint(r));
    it->span.end = it->span.start + (uint32_t)get_varint(r);
    it->sentence = r->prev_sentence;
    if (head & H_NEW_SENTENCE) {
        it->sentence.start = it->span.start - unzigzag((uint32_t)get_varint(r));
        it->sentence.end = it->span.end + unzigzag((uint32_t)get_varint(r));
    }
    if (head & H_SOURCE) {
        it->source.start = (uint32_t)get_varint(r);
        it->source.end = it->source.start + (uint32_t)get_varint(r);
    }
    static const char approx[3] = {'=', '~', '>'};
    unsigned a = head >> H_APPROX & 3;
    if (a < 3)
        it->approx = approx[a];
    else if (r->p < r->end)
        it->approx = (char)*r->p++;
    else
        r->bad = 1;
    it->value = value_get(r, head >> H_VALUE & 3, 0, 0);
    it->value_hi = value_get(r, head >> H_HI & 3, 1, it->value);
    it->text = head & H_TEXT_WRITTEN ? get_string(r, err) : span_text(r, it->span, err);
    unsigned about = head >> H_ABOUT & 3;
    it->about = about == ABOUT_TEXT    ? string_dup(it->text, err)
                : about == ABOUT_SPAN ? about_span(r, it->span.start, err)
                : about == ABOUT_STRING ? get_string(r, err)
                                        : (r->bad = 1, NULL);
    it->detail = get_string(r, err);
    it->role = head & H_ROLE ? get_string(r, err) : NULL;
    r->prev_start = it->span.start;
    r->prev_sentence = it->sentence;
}

/* The next item of a blob of schemas before 27 into *it, but its article
 * id; its strings malloc'd. */
static void read_flagged(reader *r, sl_fact_item *it, int *err)
{
    it->kind = (sl_fact_kind)get_varint(r);
    int flags = (int)get_varint(r);
    if (r->p < r->end)
        it->approx = (char)*r->p++;
    else
        r->bad = 1;
    uint32_t stored[6], spans[6];
    for (size_t k = 0; k < 6; k++)
        stored[k] = (uint32_t)get_varint(r);
    offsets_get(stored, &r->prev_start, r->f, spans);
    it->span = (sl_span){spans[0], spans[1]};
    it->sentence = (sl_span){spans[2], spans[3]};
    it->source = (sl_span){spans[4], spans[5]};
    it->value = flags & HAS_VALUE ? get_value(r, flags & VALUE_WHOLE) : 0;
    it->value_hi = flags & HAS_VALUE_HI ? get_value(r, flags & VALUE_HI_WHOLE) : 0;
    it->text = flags & TEXT_IS_SPAN ? span_text(r, it->span, err) : get_string(r, err);
    it->about = flags & ABOUT_IS_TEXT ? string_dup(it->text, err) : get_string(r, err);
    it->detail = get_string(r, err);
    it->role = get_string(r, err);
}

/* The next item of the blob into *it (its strings malloc'd). */
static int read_item(reader *r, int64_t article_id, sl_fact_item *it)
{
    int err = 0;
    memset(it, 0, sizeof *it);
    it->article_id = article_id;
    if (r->f == FORM_HEADS)
        read_heads(r, it, &err);
    else
        read_flagged(r, it, &err);
    if (!err && r->bad)
        err = SL_ESTORE;
    if (err)
        sl_store_fact_strings_free(it);
    return err;
}

int sl_store_fact_items_pack(const sl_fact_item *items, size_t n, const char *text, size_t len,
                             int schema, sl_buf *out)
{
    return pack(items, n, (article_text){text, len}, form_of(schema), out);
}

int sl_store_fact_items_read(const void *blob, size_t len, const char *text, size_t text_len,
                             int schema, int64_t article_id, int kind,
                             int (*fn)(void *ctx, sl_fact_item *it), void *ctx)
{
    const unsigned char *p = blob;
    reader r = {.p = p, .end = p + len, .at = {text, text_len}, .f = form_of(schema)};
    int err = 0;
    while (!err && r.p < r.end) {
        sl_fact_item it;
        err = read_item(&r, article_id, &it);
        if (err)
            break;
        if (kind < 0 || (int)it.kind == kind)
            err = fn(ctx, &it);
        else
            sl_store_fact_strings_free(&it);
    }
    return err;
}
