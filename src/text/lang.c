/* lang.c — which language an article is in, so the right stop list and
 * stemmer apply: cheap tests first (script, stop-word profile), then the
 * character n-gram model of langmodel.c for what they leave open. Method,
 * accuracy and cost: docs/text.md. */
#include <stdlib.h>
#include <string.h>

#include "text/langmodel.h"
#include "text/stopword_slots.h"
#include "text/swar.h"
#include "text/text.h"
#include "util/alloc.h"

/* Only a prefix is read: a few hundred bytes decide a language, and the
 * cost of an article stays bounded however long it is. */
#define PREFIX_BYTES 1000
/* Words counted for the stop-word profile. */
#define PROFILE_WORDS 100
/* Fewer words than this, "und": two words do not tell a language. */
#define MIN_WORDS 3
/* Han, kana and Thai text has no spaces; this many characters stand for MIN_WORDS. */
#define MIN_CJK_LETTERS 4
/* Stop-word profile: news paragraphs in our seven stop-list languages score
 * 40-50% on their own list, under 10% on a wrong one, except between the
 * Romance languages, whose shared words (de, a, que, se) reach 17-25%. So
 * the best language needs >= 25% of the words AND 1.5 times the runner-up's
 * hits (closest measured: fr 0.44 vs es 0.25); closer calls go to the
 * n-gram model. */
#define PROFILE_MIN_RATIO 0.25
#define PROFILE_LEAD 1.5
/* An n-gram guess from fewer words than this (a headline, a caption) does
 * not judge the text's language: sl_lang_detect_prior gives it the
 * collection's instead (docs/text.md, "A short text takes its collection's language"). */
#define JUDGE_WORDS 20

struct sl_langid {
    sl_buf fold;
};

/* Scripts that name their language outright (Greek, Armenian, ...); NULL
 * where several languages share the script and the n-gram model chooses. */
static const char *const script_language[SL_SCRIPT_COUNT] = {
    [SL_SCRIPT_GREEK] = "el", [SL_SCRIPT_ARMENIAN] = "hy", [SL_SCRIPT_BENGALI] = "bn", [SL_SCRIPT_TAMIL] = "ta",
    [SL_SCRIPT_THAI] = "th", [SL_SCRIPT_GEORGIAN] = "ka", [SL_SCRIPT_HANGUL] = "ko", [SL_SCRIPT_KANA] = "ja", [SL_SCRIPT_HAN] = "zh",
};

/* What the prefix scan found. */
typedef struct profile {
    uint32_t words, letters;
    uint32_t script[SL_SCRIPT_COUNT];
    uint32_t hits[SL_STOPWORD_LANG_BITS];  /* stop-word hits per stop-list language bit */
    uint32_t profiled; /* words looked up */
    uint32_t top;      /* the most hits of a language */
} profile;

sl_langid *sl_langid_new(void)
{
    sl_langid *id = sl_calloc(1, sizeof *id);
    if (id)
        sl_buf_init(&id->fold, 4096);
    return id;
}

void sl_langid_free(sl_langid *id)
{
    if (!id)
        return;
    sl_buf_free(&id->fold);
    free(id);
}

/* Counts one word s[0, len) (pure ASCII when `ascii`) into the profile.
 * Inline in scan, forced: GCC's -O3 called it for each of the prefix's
 * words (0.7% of dedup's instructions: docs/history/benchmarks-rounds.md,
 * "Twenty-seventh round: dedup"). */
static inline __attribute__((always_inline)) void profile_word(sl_langid *id, profile *p, const char *s,
                                                             size_t len, bool ascii)
{
    p->words++;
    if (p->profiled >= PROFILE_WORDS || len > 24)
        return;
    p->profiled++;
    unsigned langs;
    if (ascii) {
        langs = sl_stopword_langs_ascii(s, len);
    } else {
        sl_buf_clear(&id->fold);
        if (sl_token_fold(s, len, &id->fold))
            return;
        langs = sl_stopword_langs(id->fold.ptr, id->fold.len);
    }
    for (; langs; langs &= langs - 1) {  /* each language bit set */
        uint32_t hits = ++p->hits[__builtin_ctz(langs)];
        p->top = hits > p->top ? hits : p->top;
    }
}

/* Whether the stop-word profile names its language whatever its words yet
 * to be profiled are, the script being Latin: the leader has PROFILE_WORDS
 * * PROFILE_MIN_RATIO hits (the most words profiled can ask), and leads
 * PROFILE_LEAD times the runner-up's hits plus one for each word left,
 * which no later word can undo (a word adds at most one hit a language).
 * detect then answers the leader, as it would after all of them. */
static bool profile_settled(const profile *p)
{
    uint32_t best = 0, second = 0, left = PROFILE_WORDS - p->profiled;
    if (p->top < PROFILE_MIN_RATIO * PROFILE_WORDS || p->top < PROFILE_LEAD * left)
        return false;
    for (unsigned k = 0; k < SL_STOPWORD_LANG_BITS; k++) {
        if (p->hits[k] > best)
            second = best, best = p->hits[k];
        else if (p->hits[k] > second)
            second = p->hits[k];
    }
    return best >= PROFILE_MIN_RATIO * PROFILE_WORDS && best >= PROFILE_LEAD * (second + left);
}

/* The end of the run of ASCII letters s[i, ...) within len: eight bytes
 * a step (the prefix's words are runs of five letters on average, one step
 * each, where a byte a step took about twice the instructions). */
static size_t letters_end(const char *s, size_t i, size_t len)
{
    for (; i + 8 <= len; i += 8) {
        uint64_t others = ~sl_swar_ascii_letters(sl_swar_load(s + i)) & SL_SWAR_HIGHS;
        if (others)
            return i + sl_swar_first(others);
    }
    while (i < len && sl_ascii_letter(s[i]))
        i++;
    return i;
}

/* One pass over the prefix: words (letters with inner apostrophes),
 * letters per script, stop-word hits. Once PROFILE_WORDS words are
 * profiled, or the profile is settled before, all of the words Latin
 * letters, an ASCII rest can only add Latin letters and words past every
 * threshold (MIN_WORDS, JUDGE_WORDS) and hits that change no answer: the
 * scan stops there, with the same answer (a third of the scan of an
 * English text, and the last words of the profile of most). */
static void scan(sl_langid *id, const char *s, size_t len, profile *p)
{
    size_t i = 0, word = 0;
    bool in_word = false, ascii = true, rest_checked = false;
    while (i < len) {
        size_t at = i;
        if (sl_ascii_letter(s[i])) {   /* a run of ASCII letters in one step, as letter by letter */
            i = letters_end(s, i + 1, len);
            if (!in_word)
                word = at, ascii = true;
            in_word = true;
            p->letters += (uint32_t)(i - at);
            p->script[SL_SCRIPT_LATIN] += (uint32_t)(i - at);
            continue;
        }
        int32_t cp = (unsigned char)s[i] < 0x80 ? (unsigned char)s[i++] : sl_utf8_next(s, len, &i);
        bool apostrophe = (cp == '\'' || cp == 0x2019) && in_word && i < len &&
                          (s[i] & 0x80 || sl_ascii_letter(s[i]));
        if (cp >= 0x80 && sl_letter_cp(cp)) {   /* ASCII letters took the branch above */
            if (!in_word)
                word = at;
            in_word = true;
            ascii = false;
            p->letters++;
            p->script[sl_script_of(cp)]++;
        } else if (!apostrophe) {
            if (in_word) {
                profile_word(id, p, s + word, at - word, ascii);
                /* the profile changes at a word's end only: asked there,
                 * not again at each space or mark after it */
                if (!rest_checked && (p->profiled == PROFILE_WORDS || profile_settled(p))) {
                    rest_checked = true;
                    if (p->script[SL_SCRIPT_LATIN] == p->letters && sl_swar_all_ascii(s + i, len - i))
                        return;
                }
            }
            in_word = false;
        }
    }
    if (in_word)
        profile_word(id, p, s + word, len - word, ascii);
}

/* The stop-list language with the most hits and the runner-up's hits. */
static const char *profile_best(const profile *p, uint32_t *best, uint32_t *second)
{
    const char *lang = NULL;
    *best = *second = 0;
    for (unsigned k = 0; k < SL_STOPWORD_LANG_BITS; k++) {
        const char *name = sl_stopword_lang(1u << k);
        if (!name)
            continue;
        if (p->hits[k] > *best) {
            *second = *best;
            *best = p->hits[k];
            lang = name;
        } else if (p->hits[k] > *second) {
            *second = p->hits[k];
        }
    }
    return lang;
}

/* The n-gram model's answer for text in `script`; NULL when nothing
 * matched (or the build found no lists: the table has no models). */
static const char *ask_model(const char *s, size_t len, sl_script script)
{
    return sl_langmodel_best(&sl_langmodel_table, s, len, script);
}

/* The script the text is written in. Latin names, acronyms and code run
 * through text in other scripts ("INSERT トリガーの WHEN 条件"), so another
 * script wins from half as many letters as Latin has; a Han or kana
 * character, about a word, counts as three letters. */
static sl_script dominant_script(const profile *p)
{
    sl_script best = SL_SCRIPT_LATIN;
    uint32_t best_weight = 0;
    for (int k = 0; k < SL_SCRIPT_COUNT; k++) {
        uint32_t weight = p->script[k] * (k == SL_SCRIPT_HAN || k == SL_SCRIPT_KANA ? 3 : 1);
        if (k != SL_SCRIPT_LATIN && k != SL_SCRIPT_OTHER && weight > best_weight)
            best = (sl_script)k, best_weight = weight;
    }
    if (best_weight && best_weight * 2 >= p->script[SL_SCRIPT_LATIN])
        return best;
    return p->script[SL_SCRIPT_OTHER] > p->script[SL_SCRIPT_LATIN] ? SL_SCRIPT_OTHER : SL_SCRIPT_LATIN;
}

/* What the text alone says of its language; *judged false when that is an
 * n-gram guess (or "und") on fewer than JUDGE_WORDS words. */
static const char *detect(sl_langid *id, const char *text, size_t len, bool *judged,
                          sl_script *script_out)
{
    len = sl_utf8_cut(text, len, PREFIX_BYTES);
    profile p;
    memset(&p, 0, sizeof p);
    scan(id, text, len, &p);
    sl_script script = dominant_script(&p);
    *script_out = script;
    *judged = true;
    bool unspaced = script == SL_SCRIPT_HAN || script == SL_SCRIPT_KANA || script == SL_SCRIPT_THAI;
    if (!p.letters || (unspaced ? p.letters < MIN_CJK_LETTERS : p.words < MIN_WORDS)) {
        *judged = false;
        return "und";
    }
    if (script == SL_SCRIPT_HAN && p.script[SL_SCRIPT_KANA] * 20 >= p.script[SL_SCRIPT_HAN])
        return "ja"; /* Japanese mixes kana into Han; 5% kana is plenty */
    if (script_language[script])
        return script_language[script];
    uint32_t best, second;
    const char *lang = profile_best(&p, &best, &second);
    if (script == SL_SCRIPT_LATIN && lang && best >= PROFILE_MIN_RATIO * p.profiled &&
        best >= PROFILE_LEAD * second)
        return lang;
    /* Few stop words but all of one language (tables, notices, headlines in
     * capitals): as good an answer as the n-gram model gives such text. */
    if (script == SL_SCRIPT_LATIN && lang && best >= 2 && best >= 3 * second)
        return lang;
    *judged = p.words >= JUDGE_WORDS;
    const char *answer = ask_model(text, len, script);
    if (answer)
        return answer;
    /* no model: a weaker stop-word lead still beats nothing */
    return lang && best >= 2 && best > second ? lang : "und";
}

const char *sl_lang_detect(sl_langid *id, const char *text, size_t len)
{
    bool judged;
    sl_script script;
    return detect(id, text, len, &judged, &script);
}

const char *sl_lang_detect_prior(sl_langid *id, const char *text, size_t len, const char *prior,
                                 const char **own)
{
    bool judged;
    sl_script script;
    const char *lang = detect(id, text, len, &judged, &script);
    if (own)
        *own = lang;
    if (judged || !prior || !strcmp(prior, lang))
        return lang;
    return sl_langmodel_writes(&sl_langmodel_table, prior, script) ? prior : lang;
}
