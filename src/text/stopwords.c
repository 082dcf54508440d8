/* stopwords.c — function words of the languages we know, so that terms are
 * content words and the language detector has something cheap to count. The
 * table (stopword_list.c), hashed into slots once, at the first lookup. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "text/stopword_list.h"
#include "text/stopword_slots.h"
#include "text/swar.h"
#include "text/text.h"

static const struct {
    const char *lang;
    unsigned char bit;
} languages[] = {
    {"de", DE}, {"en", EN}, {"es", ES}, {"fr", FR}, {"it", IT}, {"nl", NL}, {"pt", PT},
};

static unsigned char language_bit(const char *lang)
{
    if (!lang)
        return 0;
    for (size_t k = 0; k < sizeof languages / sizeof *languages; k++)   /* codes of two letters */
        if (languages[k].lang[0] == lang[0] && languages[k].lang[1] == lang[1] && !lang[2])
            return languages[k].bit;
    return 0;
}

/* The lookup runs for every short word of every article (twice: language,
 * tokens), so the table is also hashed (stopword_slots.h), once per process
 * (a binary search took 2.5% of a Reuters ingest: docs/benchmarks.md "Stop
 * words"). Words are unique (test_text checks the table's strcmp order). */
sl_stop_slot sl_stop_slots[SL_STOPWORD_SLOTS];
atomic_bool sl_stop_slots_filled;
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;

static void fill_slots(void)
{
    for (size_t i = 0; i < sl_n_stopwords; i++) {
        uint64_t h = sl_swar_word_hash(sl_stopwords[i].word, sl_stopwords[i].len, false);
        uint32_t at = (uint32_t)h;
        while (sl_stop_slots[at & (SL_STOPWORD_SLOTS - 1)].hash)
            at++;
        sl_stop_slots[at & (SL_STOPWORD_SLOTS - 1)] =
            (sl_stop_slot){h, sl_stopwords[i].word, sl_stopwords[i].len, sl_stopwords[i].langs};
    }
    atomic_store_explicit(&sl_stop_slots_filled, true, memory_order_release);
}

void sl_stop_slots_fill(void) { pthread_once(&slots_once, fill_slots); }

bool sl_is_stopword(const char *lang, const char *w, size_t len)
{
    unsigned langs = sl_stop_slots_langs(w, len, false);   /* most words are in no list: no language lookup */
    return langs && (langs & language_bit(lang));
}

unsigned sl_stopword_langs(const char *w, size_t len)
{
    return sl_stop_slots_langs(w, len, false);
}

const char *sl_stopword_lang(unsigned bit)
{
    for (size_t k = 0; k < sizeof languages / sizeof *languages; k++)
        if (languages[k].bit == bit)
            return languages[k].lang;
    return NULL;
}
