/* stopword_slots.h — the stop words' hashed slots (filled by stopwords.c
 * at the first lookup) and their lookup, inline here for the language
 * profile (lang.c), which asks it for each of a text's first hundred words:
 * the call was a sixth of a lookup (docs/history/benchmarks-rounds.md,
 * "Thirty-second round: the analysis's instructions"). */
#ifndef SL_TEXT_STOPWORD_SLOTS_H
#define SL_TEXT_STOPWORD_SLOTS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "text/swar.h"

/* Longer than any word in the table (checked by test_text). */
#define SL_STOPWORD_MAX_BYTES 16
/* Open addressing: at most 766 of 2,048 slots filled. */
#define SL_STOPWORD_SLOTS 2048

/* A slot holds its word's hash, length and languages: a word under eight
 * bytes is told by hash and length (sl_swar_word_hash is one-to-one on them:
 * stem_memo.h), a longer one by its bytes. */
typedef struct sl_stop_slot {
    uint64_t hash;    /* of the word; 0: empty */
    const char *word; /* the table's entry */
    unsigned char len, langs;
} sl_stop_slot;

extern sl_stop_slot sl_stop_slots[SL_STOPWORD_SLOTS];
/* Set once the slots are filled: a lookup then reads one flag, not
 * pthread_once (a call a word). */
extern atomic_bool sl_stop_slots_filled;
/* Fills the slots, once per process (pthread_once). */
void sl_stop_slots_fill(void);

/* The languages `w` is a stop word of, as a bit set (0 when none), its
 * ASCII letters lowered first when `lower`. Forced inline: its callers
 * pass `lower` as a constant. */
static inline __attribute__((always_inline)) unsigned sl_stop_slots_langs(const char *w, size_t len,
                                                                         bool lower)
{
    if (!len || len > SL_STOPWORD_MAX_BYTES)
        return 0;
    if (!atomic_load_explicit(&sl_stop_slots_filled, memory_order_acquire))
        sl_stop_slots_fill();
    uint64_t h = sl_swar_word_hash(w, len, lower);
    for (uint32_t at = (uint32_t)h;; at++) {
        const sl_stop_slot *s = &sl_stop_slots[at & (SL_STOPWORD_SLOTS - 1)];
        if (!s->hash)
            return 0;
        if (s->hash == h && s->len == len && ((len < 8 && h != 1) || sl_swar_same(s->word, w, len, lower)))
            return s->langs;
    }
}

/* sl_stopword_langs of `w` with its ASCII letters lowered, without a copy:
 * the language profile's lookup. */
static inline unsigned sl_stopword_langs_ascii(const char *w, size_t len)
{
    return sl_stop_slots_langs(w, len, true);
}

#endif
