/* lang.c — which language an article is in, so the right stop list and
 * stemmer apply: cheap tests first (script, stop-word profile), libexttextcat
 * only for what they leave open. Method and bounds: docs/text.md. */
#include <libexttextcat/textcat.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text/text.h"

#ifndef SL_TEXTCAT_DIR
#define SL_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

/* Only a prefix is read: a few hundred bytes decide a language, and the
 * cost of an article stays bounded however long it is. */
#define PREFIX_BYTES 1000
/* textcat costs ~0.5 µs per byte (measured: 300-500 µs on 100-char
 * sentences, 163 language models); its docs say a few hundred bytes suffice. */
#define TEXTCAT_BYTES 400
/* Words counted for the stop-word profile. */
#define PROFILE_WORDS 100
/* Fewer words than this, "und": two words do not tell a language. */
#define MIN_WORDS 3
/* Han/kana text has no spaces; this many characters stand for MIN_WORDS. */
#define MIN_CJK_LETTERS 4
/* Stop-word profile: news paragraphs in our seven stop-list languages score
 * 40-50% on their own list, under 10% on a wrong one, except between the
 * Romance languages, whose shared words (de, a, que, se) reach 17-25%. So
 * the best language needs >= 25% of the words AND 1.5 times the runner-up's
 * hits (closest measured: fr 0.44 vs es 0.25); closer calls go to textcat. */
#define PROFILE_MIN_RATIO 0.25
#define PROFILE_LEAD 1.5

struct sl_langid {
    void *textcat;   /* created on first need */
    bool textcat_failed;
    sl_buf fold;
};

/* Every code we may answer: textcat's languages (fpdb.conf, region and
 * script suffixes cut, nb/nn as "no"), so that answers are static strings. */
static const char *const codes[] = {
    "ab", "ace", "ada", "af", "ak", "alt", "am", "ar", "arn", "ast", "ay", "az", "ban", "be",
    "bem", "bg", "bho", "bi", "bik", "bm", "bn", "bo", "br", "bs", "ca", "ckb", "cs", "cy",
    "da", "de", "dv", "ee", "el", "emk", "en", "eo", "es", "et", "eu", "fa", "fi", "fj", "fo",
    "fr", "fur", "fy", "ga", "gd", "gl", "grc", "gu", "gug", "gv", "ha", "haw", "he", "hi",
    "hil", "hr", "hsb", "ht", "hu", "hy", "ia", "id", "is", "it", "ja", "ka", "kk", "kl", "km",
    "kn", "kng", "ko", "ktu", "ky", "la", "lb", "lg", "ln", "lo", "lt", "lv", "mai", "mi", "mk",
    "ml", "mn", "mos", "mr", "ms", "mt", "my", "nds", "ne", "nl", "no", "nr", "nso", "ny", "oc",
    "om", "pa", "pl", "plt", "pt", "quz", "qxa", "rm", "ro", "ru", "rue", "rw", "sa", "sc",
    "sco", "sd", "se", "sg", "sh", "shs", "si", "sk", "sl", "so", "sq", "sr", "ss", "st", "sv",
    "sw", "ta", "tet", "tg", "th", "ti", "tk", "tl", "tn", "tpi", "tr", "ts", "tt", "ty", "tzm",
    "ug", "uk", "ur", "uz", "ve", "vep", "vi", "wa", "xh", "yi", "yo", "zh", "zu",
};

enum script {
    S_LATIN, S_GREEK, S_CYRILLIC, S_ARMENIAN, S_HEBREW, S_ARABIC, S_DEVANAGARI, S_BENGALI,
    S_TAMIL, S_THAI, S_GEORGIAN, S_HANGUL, S_KANA, S_HAN, S_OTHER, S_COUNT
};

/* Scripts that name their language outright (Greek, Armenian, ...); NULL
 * where several languages share the script and textcat must choose. */
static const char *const script_language[S_COUNT] = {
    [S_GREEK] = "el", [S_ARMENIAN] = "hy", [S_BENGALI] = "bn", [S_TAMIL] = "ta",
    [S_THAI] = "th", [S_GEORGIAN] = "ka", [S_HANGUL] = "ko", [S_KANA] = "ja", [S_HAN] = "zh",
};

static enum script script_of(int32_t cp)
{
    static const struct { int32_t lo, hi; enum script script; } ranges[] = {
        {0x0000, 0x024F, S_LATIN},      {0x0370, 0x03FF, S_GREEK},     {0x0400, 0x052F, S_CYRILLIC},
        {0x0530, 0x058F, S_ARMENIAN},   {0x0590, 0x05FF, S_HEBREW},    {0x0600, 0x06FF, S_ARABIC},
        {0x0750, 0x077F, S_ARABIC},     {0x0900, 0x097F, S_DEVANAGARI}, {0x0980, 0x09FF, S_BENGALI},
        {0x0B80, 0x0BFF, S_TAMIL},      {0x0E00, 0x0E7F, S_THAI},      {0x10A0, 0x10FF, S_GEORGIAN},
        {0x1100, 0x11FF, S_HANGUL},     {0x1E00, 0x1EFF, S_LATIN},     {0x1F00, 0x1FFF, S_GREEK},
        {0x3040, 0x30FF, S_KANA},       {0x3130, 0x318F, S_HANGUL},    {0x3400, 0x4DBF, S_HAN},
        {0x4E00, 0x9FFF, S_HAN},        {0xAC00, 0xD7AF, S_HANGUL},    {0xFB50, 0xFDFF, S_ARABIC},
        {0xFE70, 0xFEFF, S_ARABIC},
    };
    for (size_t k = 0; k < sizeof ranges / sizeof *ranges; k++)
        if (cp >= ranges[k].lo && cp <= ranges[k].hi)
            return ranges[k].script;
    return S_OTHER;
}

/* What the prefix scan found. */
typedef struct profile {
    uint32_t words, letters;
    uint32_t script[S_COUNT];
    uint32_t hits[8];  /* stop-word hits per stop-list language bit */
    uint32_t profiled; /* words looked up */
} profile;

sl_langid *sl_langid_new(void)
{
    sl_langid *id = calloc(1, sizeof *id);
    if (id)
        sl_buf_init(&id->fold, 4096);
    return id;
}

void sl_langid_free(sl_langid *id)
{
    if (!id)
        return;
    if (id->textcat)
        textcat_Done(id->textcat);
    sl_buf_free(&id->fold);
    free(id);
}

static const char *intern(const char *code, size_t len)
{
    size_t lo = 0, hi = sizeof codes / sizeof *codes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t clen = strlen(codes[mid]);
        int c = memcmp(code, codes[mid], len < clen ? len : clen);
        if (!c)
            c = len < clen ? -1 : len > clen;
        if (!c)
            return codes[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

static bool letter_cp(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

/* Counts one word s[0, len) (pure ASCII when `ascii`) into the profile. */
static void profile_word(sl_langid *id, profile *p, const char *s, size_t len, bool ascii)
{
    p->words++;
    if (p->profiled >= PROFILE_WORDS || len > 24)
        return;
    p->profiled++;
    unsigned langs;
    if (ascii) {
        char lower[24];
        for (size_t k = 0; k < len; k++)
            lower[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] | 0x20 : s[k]);
        langs = sl_stopword_langs(lower, len);
    } else {
        sl_buf_clear(&id->fold);
        if (sl_token_fold(s, len, &id->fold))
            return;
        langs = sl_stopword_langs(id->fold.ptr, id->fold.len);
    }
    for (unsigned k = 0; k < 8; k++)
        p->hits[k] += (langs >> k) & 1;
}

/* One pass over the prefix: words (letters with inner apostrophes),
 * letters per script, stop-word hits. */
static void scan(sl_langid *id, const char *s, size_t len, profile *p)
{
    size_t i = 0, word = 0;
    bool in_word = false, ascii = true;
    while (i < len) {
        size_t at = i;
        int32_t cp = (unsigned char)s[i] < 0x80 ? (unsigned char)s[i++] : sl_utf8_next(s, len, &i);
        bool apostrophe = (cp == '\'' || cp == 0x2019) && in_word && i < len &&
                          (s[i] & 0x80 || ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'));
        if (letter_cp(cp)) {
            if (!in_word)
                word = at, ascii = true;
            in_word = true;
            ascii &= cp < 0x80;
            p->letters++;
            p->script[script_of(cp)]++;
        } else if (!apostrophe) {
            if (in_word)
                profile_word(id, p, s + word, at - word, ascii);
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
    for (unsigned k = 0; k < 8; k++) {
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

/* textcat's answer ("[de--utf8][lb--utf8]": best first) as our code. */
static const char *ask_textcat(sl_langid *id, const char *s, size_t len)
{
    if (!id->textcat && !id->textcat_failed) {
        id->textcat = special_textcat_Init(SL_TEXTCAT_DIR "fpdb.conf", SL_TEXTCAT_DIR);
        id->textcat_failed = !id->textcat;
    }
    if (!id->textcat)
        return NULL;
    if (len > TEXTCAT_BYTES) {
        len = TEXTCAT_BYTES;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--;
    }
    const char *answer = textcat_Classify(id->textcat, s, len);
    if (!answer || answer[0] != '[')
        return NULL; /* "UNKNOWN" or "SHORT" */
    const char *code = answer + 1;
    size_t n = strcspn(code, "-]");
    if (n == 2 && code[0] == 'n' && (code[1] == 'b' || code[1] == 'n'))
        return "no";
    return intern(code, n);
}

static enum script dominant_script(const profile *p)
{
    enum script best = S_LATIN;
    for (int k = 0; k < S_COUNT; k++)
        if (p->script[k] > p->script[best])
            best = (enum script)k;
    return best;
}

const char *sl_lang_detect(sl_langid *id, const char *text, size_t len)
{
    if (len > PREFIX_BYTES) {
        len = PREFIX_BYTES;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--; /* cut on a character boundary */
    }
    profile p;
    memset(&p, 0, sizeof p);
    scan(id, text, len, &p);
    enum script script = dominant_script(&p);
    bool cjk = script == S_HAN || script == S_KANA;
    if (!p.letters || (cjk ? p.letters < MIN_CJK_LETTERS : p.words < MIN_WORDS))
        return "und";
    if (script == S_HAN && p.script[S_KANA] * 20 >= p.script[S_HAN])
        return "ja"; /* Japanese mixes kana into Han; 5% kana is plenty */
    if (script_language[script])
        return script_language[script];
    uint32_t best, second;
    const char *lang = profile_best(&p, &best, &second);
    if (script == S_LATIN && lang && best >= PROFILE_MIN_RATIO * p.profiled &&
        best >= PROFILE_LEAD * second)
        return lang;
    /* Few stop words but all of one language (tables, notices, headlines in
     * capitals): as good an answer as textcat gives such text, at a tiny
     * fraction of its cost (textcat was 14% of ingest time on Reuters). */
    if (script == S_LATIN && lang && best >= 2 && best >= 3 * second)
        return lang;
    const char *answer = ask_textcat(id, text, len);
    if (answer)
        return answer;
    /* textcat unsure: a weaker stop-word lead still beats nothing */
    return lang && best >= 2 && best > second ? lang : "und";
}
