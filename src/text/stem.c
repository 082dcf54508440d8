/* stem.c — Snowball stemmers (libstemmer) behind ISO 639-1 codes, so that
 * "protests", "protested" and "protesting" become one term for the copy and
 * story stages. Each word's stem is remembered (stem_memo.c): Snowball runs
 * once per distinct word. */
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "text/swar.h"
#include "text/text.h"
#include "util/alloc.h"

/* Longer "words" (URLs, run-together junk) are not stemmed: Snowball would
 * only waste time on them and they match nothing either way. */
#define STEM_MAX_BYTES 64

struct sl_stemmer {
    struct sb_stemmer *sb;
    struct sb_stemmer *bytes; /* the algorithm in a one-byte encoding, for ASCII words; may be NULL */
    sl_stem_memo *memo;   /* NULL when memory ran short: every word is stemmed */
};

/* The one-byte encodings libstemmer builds its algorithms in (each has
 * one or none of them; all three are ASCII below 0x80). On a folded word
 * all ASCII (what sl_stem is given: lower case, no '~') such a stemmer
 * gives the UTF-8 one's stem (French's capital H before e/i and
 * Portuguese's "a~" / "o~" become Latin-1 letters in the one-byte build,
 * never reached here): both are generated
 * from one Snowball source and differ only in how a letter past ASCII is
 * stepped over and spelled in their tables, which an ASCII word never
 * meets (every algorithm's answers compared on 281,414 words: the test
 * stem_ascii_words_as_utf8 and docs/history/benchmarks-rounds.md,
 * "Thirty-fifth round"). It takes about three quarters of the UTF-8
 * stemmer's instructions, which decode every letter. */
static const char *const byte_encodings[] = {"ISO_8859_1", "ISO_8859_2", "KOI8_R"};

/* The algorithm's stemmer in the first one-byte encoding it has; NULL
 * when it has none (or memory ran short: sl_stem then uses UTF-8). */
static struct sb_stemmer *byte_stemmer(const char *algorithm)
{
    struct sb_stemmer *sb = NULL;
    for (size_t k = 0; !sb && k < sizeof byte_encodings / sizeof *byte_encodings; k++)
        sb = sb_stemmer_new(algorithm, byte_encodings[k]);
    return sb;
}

/* ISO 639-1 code -> Snowball algorithm name, for the algorithms Debian's
 * libstemmer ships (sb_stemmer_list()). nb/nn are what textcat calls
 * Norwegian; sh is its Serbo-Croatian, which the Serbian stemmer serves. */
static const struct {
    const char *iso;
    const char *algorithm;
} algorithms[] = {
    {"ar", "arabic"},     {"ca", "catalan"},    {"da", "danish"},     {"de", "german"},
    {"el", "greek"},      {"en", "english"},    {"es", "spanish"},    {"eu", "basque"},
    {"fi", "finnish"},    {"fr", "french"},     {"ga", "irish"},      {"hi", "hindi"},
    {"hu", "hungarian"},  {"hy", "armenian"},   {"id", "indonesian"}, {"it", "italian"},
    {"lt", "lithuanian"}, {"nb", "norwegian"},  {"ne", "nepali"},     {"nl", "dutch"},
    {"nn", "norwegian"},  {"no", "norwegian"},  {"pt", "portuguese"}, {"ro", "romanian"},
    {"ru", "russian"},    {"sh", "serbian"},    {"sr", "serbian"},    {"sv", "swedish"},
    {"ta", "tamil"},      {"tr", "turkish"},    {"yi", "yiddish"},
};

static const char *algorithm_for(const char *lang)
{
    if (!lang)
        return NULL;
    for (size_t k = 0; k < sizeof algorithms / sizeof *algorithms; k++)
        if (!strcmp(algorithms[k].iso, lang))
            return algorithms[k].algorithm;
    return NULL;
}

bool sl_stemmer_exists(const char *lang) { return algorithm_for(lang) != NULL; }

/* NULL when the language has no algorithm (sl_stemmer_exists) and when
 * memory ran out. */
sl_stemmer *sl_stemmer_new(const char *lang)
{
    const char *algorithm = algorithm_for(lang);
    if (!algorithm)
        return NULL;
    sl_stemmer *st = sl_malloc(sizeof *st);
    if (!st)
        return NULL;
    st->sb = sb_stemmer_new(algorithm, "UTF_8");
    if (!st->sb) {
        free(st);
        return NULL;
    }
    st->bytes = byte_stemmer(algorithm);
    st->memo = sl_stem_memo_new();
    return st;
}

void sl_stemmer_free(sl_stemmer *st)
{
    if (!st)
        return;
    sb_stemmer_delete(st->sb);
    if (st->bytes)
        sb_stemmer_delete(st->bytes);
    sl_stem_memo_free(st->memo);
    free(st);
}

/* With no stemmer (st NULL) or an over-long word the word is its own stem.
 * NULL only when Snowball ran out of memory. */
const char *sl_stem(sl_stemmer *st, const char *w, size_t len, size_t *out_len)
{
    if (!st || len > STEM_MAX_BYTES) {
        *out_len = len;
        return w;
    }
    const char *known = st->memo ? sl_stem_memo_get(st->memo, w, len, out_len) : NULL;
    if (known)
        return known;
    struct sb_stemmer *sb = st->bytes && sl_swar_all_ascii(w, len) ? st->bytes : st->sb;
    const sb_symbol *stem = sb_stemmer_stem(sb, (const sb_symbol *)w, (int)len);
    if (!stem)
        return NULL;
    *out_len = (size_t)sb_stemmer_length(sb);
    if (st->memo)
        sl_stem_memo_put(st->memo, w, len, (const char *)stem, *out_len);
    return (const char *)stem;
}
