/* stem_memo.h — the stem memo's table (stem_memo.c) and its lookup,
 * inline for the analyser (terms.c) and the chrome's word features
 * (ingest/chrome.c), which ask it for every word: the call cost about a
 * fifth of the lookup; and the parts of a memo those two share. */
#ifndef SL_TEXT_STEM_MEMO_H
#define SL_TEXT_STEM_MEMO_H

#include <stdbool.h>
#include <stdint.h>

#include "text/swar.h"
#include "text/text.h"

/* A slot: 12 bytes, where a 64-bit hash beside a 32-bit offset and two
 * lengths took 16. The memo's bytes hold each entry as [the word, kept
 * only when sl_stem_memo_by_hash cannot tell it] [the stem's length]
 * [the stem]; `place` is the stem's offset there (below
 * SL_STEM_MEMO_PLACES) times 256 plus the word's length. */
typedef struct __attribute__((packed, aligned(4))) sl_memo_slot {
    uint64_t hash;       /* of the word, never 0; 0 marks an empty slot */
    uint32_t place;
} sl_memo_slot;
_Static_assert(sizeof(sl_memo_slot) == 12, "a memo slot is 12 bytes");
#define SL_STEM_MEMO_PLACES ((size_t)1 << 24)

struct sl_stem_memo {
    sl_memo_slot *slots;
    size_t cap, n;       /* slots, and how many are taken */
    sl_buf bytes;
};

/* Whether a word of hash h and length len is told by its hash alone, so
 * that the memo need not keep its bytes: a word under eight bytes is, as
 * sl_swar_word_hash maps its one-to-one sl_swar_short value through an
 * xor with the length, an odd multiply and an xor-shift, each one-to-one,
 * so two words of one length and hash are the same word; save the hash 1,
 * which 0 is remapped to. */
static inline bool sl_stem_memo_by_hash(uint64_t h, size_t len) { return len < 8 && h != 1; }

/* Whether the slot s, of w's hash h and length, holds w. */
static inline bool sl_stem_memo_holds(const sl_memo_slot *s, const char *bytes, uint64_t h,
                                      const char *w, size_t len)
{
    return s->hash == h && (s->place & 0xff) == len &&
           (sl_stem_memo_by_hash(h, len) ||
            sl_swar_same(bytes + (s->place >> 8) - 1 - len, w, len, false));
}

/* The slot holding `w`, or the empty slot where it would go. */
static inline sl_memo_slot *sl_stem_memo_find(const sl_memo_slot *slots, size_t cap,
                                              const char *bytes, uint64_t h, const char *w,
                                              size_t len)
{
    for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1)) {
        const sl_memo_slot *s = &slots[i];
        if (!s->hash || sl_stem_memo_holds(s, bytes, h, w, len))
            return (sl_memo_slot *)s;
    }
}

/* sl_stem_memo_get, inline. */
static inline const char *sl_stem_memo_lookup(const sl_stem_memo *m, const char *w, size_t len,
                                              size_t *stem_len)
{
    const sl_memo_slot *s =
        sl_stem_memo_find(m->slots, m->cap, m->bytes.ptr, sl_swar_word_hash(w, len, false), w, len);
    if (!s->hash)
        return NULL;
    const char *stem = m->bytes.ptr + (s->place >> 8);
    *stem_len = (unsigned char)stem[-1];
    return stem;
}

/* A memo of words as written that two stages share (the analyser's terms
 * of English words, the chrome's word features: one table, not two, and
 * each word's bytes kept once): its "stem" is SL_WORD_PARTS parts of
 * SL_WORD_PART bytes, each a stage's own (sl_word_memo_put_part), and its
 * "stem length" byte a bit for each part known, so that a lookup tells a
 * part known by that byte alone. Such a memo holds no other entries. */
enum { SL_WORD_TERM, SL_WORD_CHROME, SL_WORD_PARTS };
#define SL_WORD_PART 9
#define SL_WORD_ENTRY (SL_WORD_PARTS * SL_WORD_PART)

/* The bytes of `part` remembered for w, or NULL when that part is not;
 * then *entry is w's entry (NULL: none), for sl_word_memo_put_part. */
static inline const char *sl_word_memo_part(const sl_stem_memo *m, const char *w, size_t len,
                                            int part, char **entry)
{
    size_t known = 0;
    char *e = (char *)sl_stem_memo_lookup(m, w, len, &known);
    if (e && (known >> part & 1))
        return e + part * SL_WORD_PART;
    *entry = e;
    return NULL;
}

#endif
