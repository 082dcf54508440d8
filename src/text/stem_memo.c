/* stem_memo.c — the stems a stemmer has given, remembered by word. Snowball
 * spends about 1,800 instructions on an English word, and news repeats its
 * words (the first 1,000 Reuters stories: 130,000 stemmed tokens, under
 * 10,000 distinct words), so stem.c asks this table first. The analyser
 * keeps one more per language, of words as written and their terms
 * (terms.c): any bytes up to 255 serve as a "stem". */
#include <stdint.h>
#include <string.h>

#include "text/stem_memo.h"
#include "text/swar.h"
#include "text/text.h"
#include "util/alloc.h"

/* The table has MEMO_FIRST slots, doubled up to MEMO_MAX, at most half full:
 * at most 768 KB of slots and 1 MB of words and stems (all of Reuters has
 * ~43,000 distinct words). */
#define MEMO_FIRST 1024
#define MEMO_MAX 65536
#define MEMO_BYTES ((size_t)MEMO_MAX * 16)
_Static_assert(MEMO_BYTES < SL_STEM_MEMO_PLACES, "a stem's offset fits a slot's place");

sl_stem_memo *sl_stem_memo_new(void)
{
    sl_stem_memo *m = sl_calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->slots = sl_calloc(MEMO_FIRST, sizeof *m->slots);
    if (!m->slots) {
        sl_free(m);
        return NULL;
    }
    m->cap = MEMO_FIRST;
    sl_buf_init(&m->bytes, MEMO_BYTES);
    return m;
}

void sl_stem_memo_free(sl_stem_memo *m)
{
    if (!m)
        return;
    sl_free(m->slots);
    sl_buf_free(&m->bytes);
    sl_free(m);
}

static uint64_t word_hash(const char *w, size_t len) { return sl_swar_word_hash(w, len, false); }

const char *sl_stem_memo_get(const sl_stem_memo *m, const char *w, size_t len, size_t *stem_len)
{
    return sl_stem_memo_lookup(m, w, len, stem_len);
}

static void empty(sl_stem_memo *m)
{
    memset(m->slots, 0, m->cap * sizeof *m->slots);
    m->n = 0;
    sl_buf_clear(&m->bytes);
}

/* The memo's entries moved to a table of twice the slots; false when out
 * of memory. */
static bool grow(sl_stem_memo *m)
{
    size_t cap = m->cap * 2;
    sl_memo_slot *larger = sl_calloc(cap, sizeof *larger);
    if (!larger)
        return false;
    for (size_t i = 0; i < m->cap; i++) {
        size_t k = m->slots[i].hash & (cap - 1);
        while (m->slots[i].hash && larger[k].hash)
            k = (k + 1) & (cap - 1);
        if (m->slots[i].hash)
            larger[k] = m->slots[i];
    }
    sl_free(m->slots);
    m->slots = larger;
    m->cap = cap;
    return true;
}

/* Room for one more entry of `bytes` bytes. A memo half full doubles its
 * table up to MEMO_MAX slots, so that one of a language with a few
 * hundred words stays small (a table of MEMO_MAX slots from the first
 * growth on was 1 MB a language: docs/history/benchmarks-rounds.md, "Twenty-eighth
 * round"); past it, or when its bytes are used up, it starts again empty
 * in the same table. */
static void make_room(sl_stem_memo *m, size_t bytes)
{
    bool full = 2 * (m->n + 1) > m->cap;
    if (!full && m->bytes.len + bytes <= MEMO_BYTES)
        return;
    if (full && m->bytes.len + bytes <= MEMO_BYTES && m->cap < MEMO_MAX && grow(m))
        return;
    empty(m);
}

char *sl_stem_memo_put(sl_stem_memo *m, const char *w, size_t len, const char *stem,
                       size_t stem_len)
{
    if (!len || len > UINT8_MAX || stem_len > UINT8_MAX)
        return NULL;
    uint64_t h = word_hash(w, len);
    size_t kept = sl_stem_memo_by_hash(h, len) ? 0 : len;
    make_room(m, kept + 1 + stem_len);
    unsigned char stem_byte = (unsigned char)stem_len;
    if ((kept && sl_buf_put(&m->bytes, w, len)) || sl_buf_put(&m->bytes, &stem_byte, 1) ||
        sl_buf_put(&m->bytes, stem, stem_len)) {
        empty(m);   /* out of memory: the memo forgets, stemming goes on */
        return NULL;
    }
    uint32_t at = (uint32_t)(m->bytes.len - stem_len);
    sl_memo_slot *s = sl_stem_memo_find(m->slots, m->cap, m->bytes.ptr, h, w, len);
    *s = (sl_memo_slot){h, at << 8 | (uint32_t)len};
    m->n++;
    return m->bytes.ptr + at;
}

void sl_word_memo_put_part(sl_stem_memo *m, char *entry, const char *w, size_t len, int part,
                           const char *bytes)
{
    char made[SL_WORD_ENTRY];   /* the other parts' bytes unknown, and never read */
    char *e = entry ? entry : made;
    memcpy(e + part * SL_WORD_PART, bytes, SL_WORD_PART);
    if (!entry && !(e = sl_stem_memo_put(m, w, len, made, sizeof made)))
        return;
    e[-1] = (char)((entry ? (unsigned char)e[-1] : 0u) | 1u << part);
}
