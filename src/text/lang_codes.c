/* lang_codes.c — every language code the engine may answer, as static
 * strings: those of the n-gram model's lists (langmodel.c's table names its
 * languages by their place here) and the stores' per-language counts. */
#include "text/text.h"

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

const char *const *sl_lang_codes(size_t *n)
{
    *n = sizeof codes / sizeof *codes;
    return codes;
}
