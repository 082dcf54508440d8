/* units.c — the words that say what a number measures: units (SI and
 * common, singular or plural, one or several words: "km", "per cent",
 * "square feet", "miles per hour"), currencies (signs, ISO codes, "Rs",
 * national names) and scales ("million", "bn", "crore"). numbers.c reads a
 * number; this file names what is written around it. The normal forms are
 * NewsQuant's unit names, so the evaluation compares like with like. */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "facts/units.h"

/* Unit phrases: words matched token by token, case aside; a word ending in
 * '*' also matches with a final "s" ("dollar*": dollar, dollars). The
 * longest phrase at a token wins. */
static const struct { const char *words, *unit; } units[] = {
    {"%", "percentage"}, {"percent", "percentage"}, {"per cent", "percentage"},
    {"pct", "percentage"}, {"pc", "percentage"}, {"percentage point*", "percentage point"},
    {"basis point*", "basis point"}, {"bps", "basis point"}, {"point*", "point"},
    {"dollar*", "dollar"}, {"us dollar*", "dollar"}, {"u.s. dollar*", "dollar"},
    {"australian dollar*", "australian dollar"}, {"canadian dollar*", "canadian dollar"},
    {"hong kong dollar*", "hong kong dollar"}, {"singapore dollar*", "singapore dollar"},
    {"new zealand dollar*", "new zealand dollar"}, {"taiwan dollar*", "new taiwan dollar"},
    {"euro*", "euro"}, {"pound*", "pound sterling"}, {"pound* sterling", "pound sterling"},
    {"british pound*", "pound sterling"}, {"yen", "japanese yen"}, {"japanese yen", "japanese yen"},
    {"yuan", "chinese yuan"}, {"renminbi", "chinese yuan"}, {"chinese yuan", "chinese yuan"},
    {"shekel*", "shekel"}, {"ringgit", "malaysian ringgit"}, {"sen", "sen"},
    {"rupee*", "rupee"}, {"indian rupee*", "indian rupee"}, {"cent*", "cent"},
    {"cts", "cent"}, {"dlr*", "dollar"}, /* as wire copy abbreviates them */
    {"pence", "penny"}, {"penny", "penny"}, {"p", "penny"}, {"mark*", "mark"}, {"franc*", "swiss franc"},
    {"swiss franc*", "swiss franc"}, {"french franc*", "french franc"}, {"peso*", "mexican peso"},
    {"mexican peso*", "mexican peso"}, {"ruble*", "russian ruble"}, {"rouble*", "russian ruble"},
    {"won", "south korean won"}, {"rand", "south african rand"}, {"lira", "turkish lira"},
    {"reais", "brazilian real"}, {"brazilian real*", "brazilian real"},
    {"danish crown*", "danish krone"}, {"danish kroner", "danish krone"}, {"kroner", "krone"},
    {"naira", "nigerian naira"}, {"dirham*", "dirham"}, {"riyal*", "riyal"},
    {"usd", "dollar"}, {"eur", "euro"}, {"gbp", "pound sterling"}, {"jpy", "japanese yen"},
    {"cny", "chinese yuan"}, {"rmb", "chinese yuan"}, {"inr", "indian rupee"},
    {"aud", "australian dollar"}, {"cad", "canadian dollar"}, {"chf", "swiss franc"},
    {"hkd", "hong kong dollar"},
    {"sek", "swedish krone"}, {"swedish crown*", "swedish krone"}, {"swedish krona", "swedish krone"},
    {"swedish kronor", "swedish krone"}, {"nok", "norwegian krone"},
    {"norwegian crown*", "norwegian krone"}, {"norwegian krone*", "norwegian krone"},
    {"norwegian kroner", "norwegian krone"}, {"dkk", "danish krone"},
    {"pln", "polish z\xC5\x82oty"}, {"zloty*", "polish z\xC5\x82oty"}, {"z\xC5\x82oty*", "polish z\xC5\x82oty"},
    {"czk", "czech koruna"}, {"czech crown*", "czech koruna"}, {"koruna*", "czech koruna"},
    {"huf", "hungarian forint"}, {"forint*", "hungarian forint"}, {"krw", "south korean won"},
    {"sgd", "singapore dollar"}, {"nzd", "new zealand dollar"}, {"zar", "south african rand"},
    {"mxn", "mexican peso"}, {"brl", "brazilian real"}, {"sar", "saudi riyal"},
    {"saudi riyal*", "saudi riyal"}, {"aed", "united arab emirates dirham"},
    {"kes", "kenyan shilling"}, {"kenyan shilling*", "kenyan shilling"},
    {"rupiah", "indonesian rupiah"}, {"idr", "indonesian rupiah"}, {"baht", "thai baht"},
    {"thb", "thai baht"}, {"dong", "vietnamese dong"},
    /* wire copy's and older currencies: "mln stg", "mln Canadian dlrs", guilders, lire */
    {"stg", "pound sterling"}, {"canadian dlr*", "canadian dollar"},
    {"australian dlr*", "australian dollar"}, {"n.z. dlr*", "new zealand dollar"},
    {"h.k. dlr*", "hong kong dollar"}, {"hong kong dlr*", "hong kong dollar"},
    {"singapore dlr*", "singapore dollar"}, {"taiwan dlr*", "new taiwan dollar"},
    {"guilder*", "dutch guilder"}, {"dutch guilder*", "dutch guilder"}, {"lire", "italian lira"},
    {"italian lira", "italian lira"}, {"ecu*", "european currency unit"},
    {"belgian franc*", "belgian franc"}, {"peseta*", "peseta"},
    {"escudo*", "portuguese escudo"}, {"schilling*", "austrian schilling"},
    {"drachma*", "greek drachma"}, {"dinar*", "dinar"}, {"bolivar*", "venezuelan bolivar"},
    {"crown*", "krone"}, {"kronor", "swedish krone"}, {"krona", "swedish krone"},
    {"year*", "year"}, {"yr*", "year"}, {"month*", "month"}, {"week*", "week"},
    {"day*", "day"}, {"hour*", "hour"}, {"hrs", "hour"}, {"minute*", "minute"},
    {"min", "minute"}, {"mins", "minute"}, {"second*", "second"}, {"sec*", "second"}, {"decade*", "decade"},
    {"centuries", "century"}, {"century", "century"},
    {"mile*", "mile"}, {"square mile*", "square mile"}, {"mile* per hour", "mile per hour"},
    {"mph", "mile per hour"}, {"mile* per gallon", "mile per gallon"}, {"mpg", "mile per gallon"},
    {"km", "kilometre"}, {"kms", "kilometre"}, {"kilometre*", "kilometre"}, {"kilometer*", "kilometre"},
    {"km / h", "kilometre per hour"}, {"km / hr", "kilometre per hour"}, {"kph", "kilometre per hour"},
    {"kmh", "kilometre per hour"}, {"kmph", "kilometre per hour"},
    {"kilometre* per hour", "kilometre per hour"},
    {"kilometer* per hour", "kilometre per hour"}, {"square kilometre*", "square kilometre"},
    {"square kilometer*", "square kilometre"}, {"sq km", "square kilometre"},
    {"km2", "square kilometre"}, {"metre*", "metre"}, {"meter*", "metre"}, {"m", "metre"},
    {"square metre*", "square metre"}, {"square meter*", "square metre"}, {"sq m", "square metre"},
    {"m2", "square metre"}, {"sqm", "square metre"}, {"cubic metre*", "cubic metre"},
    {"cubic meter*", "cubic metre"}, {"centimetre*", "centimetre"}, {"centimeter*", "centimetre"},
    {"cm", "centimetre"}, {"millimetre*", "millimetre"}, {"millimeter*", "millimetre"},
    {"mm", "millimetre"}, {"micrometre*", "micrometre"}, {"micrometer*", "micrometre"},
    {"micron*", "micrometre"}, {"\xCE\xBCm", "micrometre"}, {"nanometre*", "nanometre"},
    {"nanometer*", "nanometre"}, {"feet", "foot"}, {"foot", "foot"}, {"ft", "foot"},
    {"square feet", "square foot"}, {"square foot", "square foot"}, {"sq ft", "square foot"},
    {"cubic feet", "cubic foot"}, {"cubic foot", "cubic foot"}, {"inch*", "inch"},
    {"inches", "inch"}, {"yard*", "yard"}, {"acre*", "acre"}, {"hectare*", "hectare"},
    {"kg", "kilogram"}, {"kgs", "kilogram"}, {"kilogram*", "kilogram"}, {"kilo*", "kilogram"},
    {"gram*", "gram"}, {"gramme*", "gram"}, {"kilogramme*", "kilogram"},
    {"milligramme*", "milligram"}, {"g", "gram"}, {"mg", "milligram"}, {"milligram*", "milligram"},
    {"ton*", "ton"}, {"tonne*", "metric ton"}, {"metric ton*", "metric ton"}, {"lb", "pound-mass"},
    {"\xCE\xBCg", "microgram"}, {"mcg", "microgram"}, {"microgram*", "microgram"},
    {"microgramme*", "microgram"}, {"dm", "decimetre"}, {"decimetre*", "decimetre"},
    {"decimeter*", "decimetre"}, {"picometre*", "picometre"}, {"picometer*", "picometre"},
    {"cup*", "cup"}, {"tablespoon*", "tablespoon"}, {"teaspoon*", "teaspoon"},
    {"rad", "radian"}, {"radian*", "radian"},
    {"lbs", "pound-mass"}, {"ounce*", "ounce"}, {"oz", "ounce"},
    {"litre*", "litre"}, {"liter*", "litre"}, {"ml", "millilitre"}, {"millilitre*", "millilitre"},
    {"gallon*", "gallon"}, {"pint*", "pint"}, {"quart*", "quart"},
    {"barrel*", "barrel"}, {"barrel* a day", "barrel per day"}, {"barrel* per day", "barrel per day"},
    {"bpd", "barrel per day"}, {"barrel* of oil", "barrel of oil"}, {"barrel-a-day", "barrel per day"},
    {"degree*", "degree"}, {"degree* celsius", "celsius"}, {"degree* fahrenheit", "fahrenheit"},
    {"celsius", "celsius"}, {"fahrenheit", "fahrenheit"}, {"\xC2\xB0" "c", "celsius"},
    {"\xC2\xB0" "f", "fahrenheit"}, {"\xC2\xB0 c", "celsius"}, {"\xC2\xB0 f", "fahrenheit"},
    {"degree* c", "celsius"}, {"degree* f", "fahrenheit"}, {"\xC2\xB0", "degree"},
    {"\xC2\xB0 celsius", "celsius"}, {"\xC2\xB0 fahrenheit", "fahrenheit"}, {"deg", "degree"},
    {"deg.", "degree"}, {"deg c", "celsius"}, {"deg f", "fahrenheit"}, {"deg celsius", "celsius"},
    {"deg fahrenheit", "fahrenheit"}, {"celcius", "celsius"}, {"centigrade", "celsius"},
    {"degree* centigrade", "celsius"}, {"farenheit", "fahrenheit"}, {"degree* farenheit", "fahrenheit"},
    {"degree* celcius", "celsius"},
    {"gb", "gigabyte"}, {"mb", "megabyte"}, {"tb", "terabyte"}, {"kb", "kilobyte"},
    {"gigabyte*", "gigabyte"}, {"megabyte*", "megabyte"}, {"terabyte*", "terabyte"},
    {"w", "watt"}, {"watt*", "watt"}, {"kw", "kilowatt"}, {"kilowatt*", "kilowatt"},
    {"mw", "megawatt"}, {"megawatt*", "megawatt"}, {"gw", "gigawatt"}, {"gigawatt*", "gigawatt"},
    {"kwh", "kilowatt hour"}, {"kilowatt hour*", "kilowatt hour"},
    {"kilowatt-hour*", "kilowatt hour"}, {"megawatt-hour*", "megawatt hour"},
    {"gigawatt-hour*", "gigawatt hour"}, {"terawatt-hour*", "terawatt hour"}, {"mwh", "megawatt hour"},
    {"megawatt hour*", "megawatt hour"}, {"gwh", "gigawatt hour"}, {"gigawatt hour*", "gigawatt hour"},
    {"twh", "terawatt hour"}, {"volt*", "volt"}, {"v", "volt"}, {"kv", "kilovolt"},
    {"mah", "milliampere-hour"}, {"hz", "hertz"}, {"hertz", "hertz"}, {"khz", "kilohertz"},
    {"mhz", "megahertz"}, {"ghz", "gigahertz"}, {"hp", "horsepower"}, {"horsepower", "horsepower"},
    {"bhp", "brake horsepower"}, {"ps", "horsepower"}, {"metric horsepower", "horsepower"}, {"rpm", "revolutions per minute"},
    {"nm", "newton metre"}, {"pound-feet", "pound-foot"}, {"lb-ft", "foot pound-force"},
    {"decibel*", "decibel"}, {"db", "decibel"}, {"ppm", "parts-per-million"},
    {"ppb", "parts-per-billion"}, {"gpa", "gigapascal"}, {"gigapascal*", "gigapascal"},
    {"mpa", "megapascal"}, {"megapascal*", "megapascal"}, {"kpa", "kilopascal"},
    {"kilopascal*", "kilopascal"}, {"pascal*", "pascal"}, {"psi", "pound per square inch"},
    {"btu", "british thermal unit"}, {"mmbtu", "mega british thermal unit"},
    {"joule*", "joule"}, {"kilojoule*", "kilojoule"}, {"kj", "kilojoule"},
    {"ampere*", "ampere"}, {"amp*", "ampere"}, {"kelvin", "kelvin"}, {"lumen*", "lumen"},
    {"farad*", "farad"}, {"newton*", "newton"},
    /* data rates and sizes, short times, and the rest of the common symbols */
    {"bit*", "bit"}, {"byte*", "byte"}, {"kbps", "kilobit per second"}, {"mbps", "megabit per second"},
    {"gbps", "gigabit per second"}, {"megabit* per second", "megabit per second"},
    {"gigabit* per second", "gigabit per second"}, {"ms", "millisecond"},
    {"millisecond*", "millisecond"}, {"microsecond*", "microsecond"},
    {"nanosecond*", "nanosecond"}, {"ha", "hectare"}, {"cc", "millilitre"},
    {"cubic centimetre*", "millilitre"}, {"cubic centimeter*", "millilitre"},
    {"nautical mile*", "mile"}, {"sq mi", "square mile"}, {"ohm*", "ohm"},
    {"wh", "watt hour"}, {"terawatt*", "terawatt"}, {"lux", "lux"},
    /* areas and volumes with a power: "48 m\xC2\xB2", "2 cm2", "5 m3" */
    {"m \xC2\xB2", "square metre"}, {"km \xC2\xB2", "square kilometre"},
    {"cm \xC2\xB2", "square centimetre"}, {"mm \xC2\xB2", "square millimetre"},
    {"ft \xC2\xB2", "square foot"}, {"m \xC2\xB3", "cubic metre"},
    {"cm \xC2\xB3", "millilitre"}, {"cm2", "square centimetre"},
    {"mm2", "square millimetre"}, {"ft2", "square foot"}, {"m3", "cubic metre"},
    {"cm3", "millilitre"}, {"btc", "bitcoin"}, {"bitcoin*", "bitcoin"},
    /* the inch and foot signs: 25.5\xE2\x80\xB3, 6\xE2\x80\xB2 */
    {"\xE2\x80\xB3", "inch"}, {"\xE2\x80\xB2", "foot"},
    {"knot*", "knot"}, {"mp", "megapixel"}, {"megapixel*", "megapixel"}, {"calorie*", "calorie"}, {"kcal", "kilocalorie"},
    {"people", "people"}, {"times", "count"}, {"annum", "year"},
    /* more of CQE's unit names (github.com/vivkaz/CQE, CQE/unit.json), which
     * NewsQuant's normal forms follow */
    {"light year*", "light-year"}, {"light-year*", "light-year"}, {"megaton*", "megaton"},
    {"megatonne*", "megaton"}, {"gigaton*", "gigaton"}, {"gigatonne*", "gigaton"},
    {"kiloton*", "kiloton"}, {"kilotonne*", "kiloton"}, {"carat*", "carat"}, {"karat*", "carat"},
    {"hpa", "hectopascal"}, {"hectopascal*", "hectopascal"}, {"millibar*", "millibar"},
    {"cubic yard*", "cubic yard"}, {"cubic inch", "cubic inch"}, {"cubic inches", "cubic inch"},
    {"square yard*", "square yard"}, {"square inch", "square inch"},
    {"square inches", "square inch"}, {"fortnight*", "fortnight"},
    {"sievert*", "sievert"}, {"becquerel*", "becquerel"},
    {"gigajoule*", "gigajoule"}, {"megajoule*", "megajoule"}, {"nit*", "candela per square metre"},
    {"point* per game", "point per game"}, {"rebound* per game", "rebound per game"},
    {"assist* per game", "assist per game"}, {"win* above replacement", "win above replacement"},
    /* CQE's unit symbols that no English word shares after a number ("47 Ω",
     * "2 tbsp", "5 µg"; not "a", "C", "F", "T", "kt" or "pt", which name
     * two units or a word: unit_kinds.c reads those by the kind their
     * sentence names); the micro sign (U+00B5) as well as the Greek mu */
    {"\xCE\xA9", "ohm"}, {"\xE2\x84\xA6", "ohm"}, {"kev", "kiloelectronvolt"},
    {"mev", "megaelectronvolt"}, {"gev", "gigaelectronvolt"}, {"tev", "teraelectronvolt"},
    {"electronvolt*", "electronvolt"}, {"gal", "gallon"}, {"tbsp", "tablespoon"},
    {"tsp", "teaspoon"}, {"lm", "lumen"}, {"lx", "lux"}, {"mol", "mole"}, {"mole*", "mole"},
    {"mmol", "millimole"}, {"bq", "becquerel"}, {"sv", "sievert"}, {"msv", "millisievert"},
    {"px", "pixel"}, {"pixel*", "pixel"}, {"nmi", "mile"}, {"ly", "light-year"},
    {"ct", "carat"}, {"qt", "quart"}, {"mi", "mile"}, {"yd", "yard"}, {"yds", "yard"},
    {"ns", "nanosecond"}, {"\xC2\xB5m", "micrometre"}, {"\xC2\xB5g", "microgram"},
    {"\xC2\xB5s", "microsecond"}, {"\xCE\xBCs", "microsecond"}, {"\xC2\xB5l", "cubic millimetre"},
    {"\xC2\xB5" "f", "microfarad"}, {"\xCE\xBC" "f", "microfarad"}, {"short ton*", "short ton"},
    {"long ton*", "long ton"}, {"petabyte*", "petabyte"}, {"pb", "petabyte"},
    {"z\xC5\x82", "polish z\xC5\x82oty"}, {"k\xC4\x8d", "czech koruna"}, {"sfr", "swiss franc"},
    {"hrk", "croatian kuna"}, {"kuna*", "croatian kuna"}, {"taka*", "bangladeshi taka"},
    {"tenge", "kazakhstani tenge"}, {"hryvnia*", "ukrainian hryvnia"}, {"cedi*", "ghanaian cedi"},
    {"birr", "ethiopian birr"}, {"quetzal*", "guatemalan quetzal"}, {"kwanza*", "angolan kwanza"},
    /* currency signs written after the amount ("15 \xE2\x82\xAC"); not "$", which
     * as often opens the next amount */
    {"\xE2\x82\xAC", "euro"}, {"\xC2\xA3", "pound sterling"}, {"\xC2\xA5", "japanese yen"},
    {"\xE5\x85\x83", "chinese yuan"}, {"\xE2\x82\xB9", "indian rupee"},
    {"\xE2\x82\xA9", "south korean won"}, {"\xE2\x82\xBA", "turkish lira"},
    {"\xE2\x82\xBD", "russian ruble"}, {"\xE2\x82\xAA", "shekel"},
    {"\xE2\x82\xA1", "costa rican col\xC3\xB3n"}, {"\xE2\x82\xBE", "georgian lari"},
    {"\xE2\x82\xAD", "lao kip"}, {"\xE2\x82\xBF", "bitcoin"}, {"\xE2\x82\xAB", "vietnamese dong"},
    {"\xE2\x82\xA6", "nigerian naira"}, {"\xE2\x82\xB1", "philippine peso"},
    {"\xE2\x82\xB4", "ukrainian hryvnia"},
};

/* Whether token i is the word w[0, n), where a final '*' allows an "s". */
static bool word_is(const sl_facts_doc *d, size_t i, const char *w, size_t n)
{
    if (i >= d->toks.n)
        return false;
    size_t tn;
    const char *t = sl_facts_tok(d, i, &tn);
    bool plural = n > 0 && w[n - 1] == '*';
    if (plural)
        n--;
    if (tn == n + 1 && plural && (t[n] == 's' || t[n] == 'S'))
        tn = n;
    return tn == n && !strncasecmp(t, w, n);
}

/* Tokens the phrase `words` takes at token i (all within the sentence and
 * glued or spaced as written), 0 when it is not there. */
static size_t phrase_at(const sl_facts_doc *d, size_t i, const char *words)
{
    size_t k = 0;
    for (const char *w = words; *w; k++) {
        const char *sp = strchr(w, ' ');
        size_t n = sp ? (size_t)(sp - w) : strlen(w);
        if (i + k >= d->toks.n || d->sent_of[i + k] != d->sent_of[i] || !word_is(d, i + k, w, n))
            return 0;
        w += n + (sp != NULL);
    }
    return k;
}

/* The unit phrases by their first byte (lower-cased) and the length of
 * their first word (its '*' left out; LEN_CAP and over together): those of
 * key (c, l) are units[by_key[k]] for k in [key_from[key], key_from[key +
 * 1]), in table order. Made once per process; this runs at every number
 * and at the words before it: scanning the whole table there was 4% of a
 * Reuters ingest (docs/history/benchmarks-rounds.md, "The facts stage's word lists"), and
 * the first byte's bucket alone still 13.6 M instructions of the first
 * 1,000 Reuters stories' (speed15). */
#define N_UNITS (sizeof units / sizeof *units)
#define LEN_CAP 31
#define KEY(c, l) ((size_t)(c) * (LEN_CAP + 1) + ((l) < LEN_CAP ? (l) : LEN_CAP))
static uint16_t by_key[N_UNITS];
static uint16_t key_from[256 * (LEN_CAP + 1) + 1];
/* Bytes of each phrase's first word, its '*' left out, and whether it has
 * one: a token of another length is not that word (word_is). */
static uint8_t first_len[N_UNITS];
static bool first_plural[N_UNITS];
static pthread_once_t by_key_once = PTHREAD_ONCE_INIT;

static size_t key_of(size_t k)
{
    return KEY(tolower((unsigned char)units[k].words[0]), first_len[k]);
}

static void index_by_key(void)
{
    for (size_t k = 0; k < N_UNITS; k++) {
        size_t n = strcspn(units[k].words, " ");
        first_plural[k] = units[k].words[n - 1] == '*';
        first_len[k] = (uint8_t)(n - first_plural[k]);
        key_from[key_of(k) + 1]++;
    }
    for (size_t c = 1; c < sizeof key_from / sizeof *key_from; c++)
        key_from[c] += key_from[c - 1];
    static uint16_t next[256 * (LEN_CAP + 1)];
    memcpy(next, key_from, sizeof next);
    for (size_t k = 0; k < N_UNITS; k++)
        by_key[next[key_of(k)]++] = (uint16_t)k;
}

/* The longest of the phrases filed under `key` at token i (of tn bytes)
 * into *best, *best_k and *unit, the first in table order among equals. */
static void longest_of_key(const sl_facts_doc *d, size_t i, size_t tn, size_t key, size_t *best,
                           size_t *best_k, const char **unit)
{
    for (size_t j = key_from[key]; j < key_from[key + 1]; j++) {
        size_t k = by_key[j];
        if (tn != first_len[k] && !(first_plural[k] && tn == first_len[k] + 1u))
            continue;
        /* its first word first, whose length is known: phrase_at finds
         * each word's end (strchr, strlen) before comparing it */
        if (!word_is(d, i, units[k].words, first_len[k] + first_plural[k]))
            continue;
        size_t n = phrase_at(d, i, units[k].words);
        if (n > *best || (n == *best && n && k < *best_k)) {
            *best = n;
            *best_k = k;
            *unit = units[k].unit;
        }
    }
}

/* The first phrase in table order of one word filed under `key` that the
 * word s[0, w) is (its '*' allowing an "s"), N_UNITS when none: a unit
 * written glued to its number ("10km", "three-phase") is asked by its
 * key's phrases alone, where a scan of the whole table (strlen and strchr
 * of every phrase) cost ~14,000 instructions a call (docs/history/benchmarks-rounds.md,
 * "Twenty-third round"). */
static size_t first_word_unit(const char *s, size_t w, size_t key)
{
    for (size_t j = key_from[key]; j < key_from[key + 1]; j++) {
        size_t k = by_key[j], un = first_len[k];
        if (units[k].words[un + first_plural[k]])
            continue; /* a phrase of more words */
        if ((w == un || (first_plural[k] && w == un + 1 && (s[un] == 's' || s[un] == 'S'))) &&
            !strncasecmp(s, units[k].words, un))
            return k;
    }
    return N_UNITS;
}

/* sl_units_at's answer at token i: the words the unit takes (0 for none)
 * and the unit's place in the table (N_UNITS for none; a unit is set even
 * when the words are not taken, a sign glued to a word). */
static void unit_of_token(const sl_facts_doc *d, size_t i, size_t *words, size_t *k)
{
    size_t best = 0, tn;
    *k = N_UNITS;
    const char *unit;
    int c = tolower((unsigned char)*sl_facts_tok(d, i, &tn));
    /* a first word of tn bytes, or a plural one of tn - 1 and its "s" */
    longest_of_key(d, i, tn, KEY(c, tn), &best, k, &unit);
    if (tn > 0 && KEY(c, tn - 1) != KEY(c, tn))
        longest_of_key(d, i, tn, KEY(c, tn - 1), &best, k, &unit);
    if (best == 1 && (d->toks.items[i].flags & SL_TOK_PUNCT) && i + 1 < d->toks.n &&
        d->toks.items[i].end == d->toks.items[i + 1].start &&
        (d->toks.items[i + 1].flags & SL_TOK_WORD))
        best = 0; /* a sign glued to a word: the apostrophe of "2022\xE2\x80\xB2s", "45\xC2\xB0N" */
    *words = best;
}

/* A memo entry: asked, the words, the unit's place. */
#define UNIT_ASKED (1u << 31)
_Static_assert(N_UNITS < (1u << 16), "a unit's place in 16 bits");

/* The unit of symbol s[0, n) where its case tells two apart: "nm" is the
 * nanometre ("a 5nm chip"), "Nm" the newton metre ("400 Nm of torque"). */
static const char *unit_by_case(const char *s, size_t n, const char *unit)
{
    return n == 2 && s[0] == 'n' && s[1] == 'm' && !strcmp(unit, "newton metre") ? "nanometre" : unit;
}

size_t sl_units_at(const sl_facts_doc *d, size_t i, const char **unit)
{
    if (i >= d->toks.n)
        return 0;
    pthread_once(&by_key_once, index_by_key);
    /* asked once a token: an article's numbers ask again at the same
     * tokens (the first 1,000 Reuters stories: 24,002 calls at 13,640
     * tokens) */
    uint32_t memo = d->units_memo ? d->units_memo[i] : 0;
    size_t words, k;
    if (memo & UNIT_ASKED) {
        words = (memo >> 16) & 0x7FFF;
        k = memo & 0xFFFF;
    } else {
        unit_of_token(d, i, &words, &k);
        if (d->units_memo && words <= 0x7FFF)
            d->units_memo[i] = UNIT_ASKED | (uint32_t)words << 16 | (uint32_t)k;
    }
    if (k < N_UNITS) {
        size_t tn;
        const char *t = sl_facts_tok(d, i, &tn);
        *unit = words == 1 ? unit_by_case(t, tn, units[k].unit) : units[k].unit;
    }
    return words;
}

const char *sl_units_word(const char *s, size_t n)
{
    if (n && *s == '-') {
        s++;
        n--;
    }
    static const char *const ages[][2] = {{"year-old", "year of age"},
        {"years-old", "year of age"}, {"month-old", "month of age"}, {"week-old", "week of age"},
        {"day-old", "day of age"}};
    for (size_t k = 0; k < sizeof ages / sizeof *ages; k++)
        if (n >= strlen(ages[k][0]) && !strncasecmp(s, ages[k][0], strlen(ages[k][0])))
            return ages[k][1];
    size_t w = 0;
    while (w < n && s[w] != '-')
        w++;
    if (w + 1 < n && isdigit((unsigned char)s[w + 1]) && isupper((unsigned char)s[0]))
        return NULL; /* a model's name: "F-16", "C-130", "T-72" */
    if (w == 1 && (s[0] == 'F' || s[0] == 'C'))
        return s[0] == 'F' ? "fahrenheit" : "celsius"; /* "70F", "21C" */
    if (w == 1 && !islower((unsigned char)s[0]) && s[0] != 'W' && s[0] != 'V')
        return NULL; /* "5G", "3D": names, not grams; but "10W", "5V" */
    if (!w)
        return NULL;
    pthread_once(&by_key_once, index_by_key);
    int c = tolower((unsigned char)s[0]);
    size_t k = first_word_unit(s, w, KEY(c, w));
    if (KEY(c, w - 1) != KEY(c, w)) {
        size_t plural = first_word_unit(s, w, KEY(c, w - 1));
        k = plural < k ? plural : k;
    }
    return k < N_UNITS ? unit_by_case(s, w, units[k].unit) : NULL;
}

size_t sl_units_rate_suffix(const char *s, size_t n)
{
    static const char *const joins[] = {"-a-", "-an-", "-per-"};
    for (size_t k = 0; k < sizeof joins / sizeof *joins; k++) {
        size_t jn = strlen(joins[k]);
        if (n > jn && !strncasecmp(s, joins[k], jn) && isalpha((unsigned char)s[jn]))
            return jn;
    }
    return 0;
}

/* Currency signs and codes written before the amount. */
static const struct { const char *sign, *unit; } currencies[] = {
    {"$", "dollar"}, {"us$", "dollar"}, {"$us", "dollar"}, {"us", "dollar"},
    {"a$", "australian dollar"}, {"$a", "australian dollar"}, {"au$", "australian dollar"},
    {"c$", "canadian dollar"}, {"ca$", "canadian dollar"}, {"hk$", "hong kong dollar"},
    {"nz$", "new zealand dollar"}, {"s$", "singapore dollar"}, {"nt$", "new taiwan dollar"},
    {"\xE2\x82\xAC", "euro"}, {"\xC2\xA3", "pound sterling"}, {"\xC2\xA5", "japanese yen"},
    {"\xE2\x82\xAA", "shekel"}, {"\xE2\x82\xB9", "indian rupee"}, {"\xE2\x82\xA9", "south korean won"},
    {"usd", "dollar"}, {"eur", "euro"}, {"gbp", "pound sterling"}, {"jpy", "japanese yen"},
    {"cny", "chinese yuan"}, {"rmb", "chinese yuan"}, {"inr", "indian rupee"},
    {"rs", "rupee"}, {"rs.", "rupee"}, {"rm", "malaysian ringgit"},
    {"ksh", "kenyan shilling"}, {"kshs", "kenyan shilling"}, {"kshs.", "kenyan shilling"},
    {"aud", "australian dollar"}, {"cad", "canadian dollar"}, {"chf", "swiss franc"},
    {"hkd", "hong kong dollar"}, {"r$", "brazilian real"}, {"sek", "swedish krone"},
    {"nok", "norwegian krone"}, {"dkk", "danish krone"}, {"pln", "polish z\xC5\x82oty"},
    {"czk", "czech koruna"}, {"huf", "hungarian forint"}, {"krw", "south korean won"},
    {"sgd", "singapore dollar"}, {"nzd", "new zealand dollar"}, {"zar", "south african rand"},
    {"mxn", "mexican peso"}, {"brl", "brazilian real"}, {"aed", "united arab emirates dirham"},
    {"y=", "japanese yen"}, /* how ASCII transliteration (unidecode) writes "\xC2\xA5" */
    {"\xE2\x82\xA1", "costa rican col\xC3\xB3n"}, {"\xE2\x82\xBE", "georgian lari"},
    {"\xE2\x82\xAD", "lao kip"}, {"\xE2\x82\xBF", "bitcoin"}, {"\xE2\x82\xAB", "vietnamese dong"},
    {"\xE2\x82\xA6", "nigerian naira"}, {"\xE2\x82\xB1", "philippine peso"},
    {"\xE2\x82\xB4", "ukrainian hryvnia"}, {"mx$", "mexican peso"}, {"mxn$", "mexican peso"},
    {"mex$", "mexican peso"}, {"aud$", "australian dollar"}, {"cad$", "canadian dollar"},
    {"nzd$", "new zealand dollar"}, {"hkd$", "hong kong dollar"}, {"sgd$", "singapore dollar"},
};

#define N_CURRENCIES (sizeof currencies / sizeof *currencies)
_Static_assert(N_CURRENCIES < 256, "a sign's place and the end of a chain fit a byte");

/* The signs by their first byte, in table order: sign_first[b] is the
 * first of byte b (N_CURRENCIES: none), sign_next[k] the next after sign
 * k; and each sign's length. Made once per process: a scan of the whole
 * table at every number was 5.3 M instructions of the first 1,000 Reuters
 * stories (9,485 calls, ~70 signs each). */
static uint8_t sign_first[256], sign_next[N_CURRENCIES], sign_len[N_CURRENCIES];
static pthread_once_t signs_once = PTHREAD_ONCE_INIT;

static void index_signs(void)
{
    memset(sign_first, N_CURRENCIES, sizeof sign_first);
    for (size_t k = N_CURRENCIES; k-- > 0;) { /* from the last: each chain in table order */
        unsigned char b = (unsigned char)currencies[k].sign[0];
        sign_next[k] = sign_first[b];
        sign_first[b] = (uint8_t)k;
        sign_len[k] = (uint8_t)strlen(currencies[k].sign);
    }
}

/* The currency of the text s[0, n) (a sign or code, case aside), NULL when
 * none: the first in table order. The signs are written in lower case, so
 * only those of s's first byte, lowered, are compared (this runs before
 * every number). */
static const char *currency_of(const char *s, size_t n)
{
    unsigned char first = n ? (unsigned char)s[0] : 0;
    if (first >= 'A' && first <= 'Z')
        first |= 0x20;
    pthread_once(&signs_once, index_signs);
    for (size_t k = sign_first[first]; k < N_CURRENCIES; k = sign_next[k])
        if (sign_len[k] == n && !strncasecmp(s, currencies[k].sign, n))
            return currencies[k].unit;
    return NULL;
}

/* Signs glued to an amount that are also a road's, a grade's or a model's
 * letters ("the R2", "an R18 film"): a currency only before an amount as
 * money is written (amount_shape). */
static const struct { const char *sign, *unit; } shaped[] = {
    {"R", "south african rand"}, {"Sh", "shilling"}, {"KSh", "kenyan shilling"},
    {"Ksh", "kenyan shilling"}, {"Kshs", "kenyan shilling"}, {"TSh", "tanzanian shilling"},
    {"USh", "ugandan shilling"},
};

/* Whether the digits s[0, n) (what follows a glued sign) are written as an
 * amount of money: grouped ("50,000"), with decimals ("2.5"), with a glued
 * scale ("300m", "4bn"), or with a scale word after (scale_after: "R50
 * billion"). */
static bool amount_shape(const char *s, size_t n, bool scale_after)
{
    size_t k = 0;
    bool mark = false; /* a "," or "." between digits */
    while (k < n && (isdigit((unsigned char)s[k]) || ((s[k] == ',' || s[k] == '.') && k > 0 &&
                                                      k + 1 < n && isdigit((unsigned char)s[k + 1]))))
        mark |= !isdigit((unsigned char)s[k++]);
    return k > 0 && (mark || scale_after || sl_units_glued_scale(s + k, n - k, true) > 0);
}

/* The unit of the shaped sign s[0, k) glued to the amount s[k, n), NULL
 * when none or not so written. */
static const char *shaped_currency(const char *s, size_t k, size_t n, bool scale_after)
{
    for (size_t j = 0; j < sizeof shaped / sizeof *shaped; j++)
        if (strlen(shaped[j].sign) == k && !strncmp(s, shaped[j].sign, k))
            return amount_shape(s + k, n - k, scale_after) ? shaped[j].unit : NULL;
    return NULL;
}

bool sl_units_is_currency(const char *unit)
{
    for (size_t k = 0; k < sizeof currencies / sizeof *currencies; k++)
        if (currencies[k].unit[0] == unit[0] && !strcmp(currencies[k].unit, unit))
            return true;
    for (size_t k = 0; k < sizeof shaped / sizeof *shaped; k++)
        if (!strcmp(shaped[k].unit, unit))
            return true;
    return false;
}

const char *sl_units_currency_prefix(const char *s, size_t n, bool dollar_before, bool scale_after)
{
    size_t k = 0;
    while (k < n && !isdigit((unsigned char)s[k]))
        k++;
    if (k == 0 || k == n || k > 4)
        return NULL;
    /* "PS2.7m", "PS21,700": "\xC2\xA3" as ASCII transliteration writes it; not
     * a console ("PS5") */
    if (k == 2 && !strncmp(s, "PS", 2) && n - k > 1)
        return "pound sterling";
    const char *glued = shaped_currency(s, k, n, scale_after);
    if (glued)
        return glued; /* "R2.5 billion", "Sh50,000", "KSh1.2m" */
    char sign[8] = "$";
    memcpy(sign + 1, s, k);
    const char *unit = dollar_before ? currency_of(sign, k + 1) : NULL;
    /* a code glued to digits is a currency only in capitals ("USD1,700") */
    return unit ? unit : isupper((unsigned char)s[0]) && isupper((unsigned char)s[k - 1])
                             ? currency_of(s, k) : NULL;
}

const char *sl_units_currency_before(const sl_facts_doc *d, size_t i, size_t *first)
{
    if (i == 0 || d->sent_of[i - 1] != d->sent_of[i])
        return NULL;
    size_t n, m;
    const char *s = sl_facts_tok(d, i - 1, &n);
    const char *unit = currency_of(s, n);
    if (unit && n == 2 && !strncasecmp(s, "us", 2))
        unit = NULL; /* "US" alone names the country */
    if (unit && isalpha((unsigned char)s[0]) && i > 1 && (d->toks.items[i - 2].flags & SL_TOK_NUMBER))
        return NULL; /* "10 rmb 20": the code ends the amount before */
    *first = i - 1;
    if (i < 2 || d->sent_of[i - 2] != d->sent_of[i])
        return unit;
    /* "US$", "HK$", "Rs.", and with a space "US $58", "HK $5" */
    const char *p = sl_facts_tok(d, i - 2, &m);
    static const char *const spaced[] = {"us", "hk", "nz", "c", "ca", "au", "nt", NULL};
    bool joined = d->toks.items[i - 2].end == d->toks.items[i - 1].start ||
                  (n == 1 && s[0] == '$' && sl_facts_in(d, i - 2, spaced) >= 0);
    char sign[16];
    if (joined && m + n < sizeof sign) {
        memcpy(sign, p, m);
        memcpy(sign + m, s, n);
        const char *u = currency_of(sign, m + n);
        if (u) {
            unit = u;
            *first = i - 2;
        }
    }
    return unit;
}

double sl_units_scale_word(const sl_facts_doc *d, size_t i)
{
    static const struct { const char *w; double v; } scales[] = {
        {"dozen", 12}, {"hundred", 1e2}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9},
        {"trillion", 1e12}, {"bn", 1e9}, {"bln", 1e9}, {"mln", 1e6}, {"mn", 1e6}, {"tn", 1e12},
        {"trn", 1e12}, {"crore", 1e7}, {"crores", 1e7}, {"lakh", 1e5}, {"lakhs", 1e5},
    };
    for (size_t k = 0; k < sizeof scales / sizeof *scales; k++)
        if (sl_facts_is(d, i, scales[k].w))
            return scales[k].v;
    return 0;
}

const char *sl_units_scaled_code(const char *s, size_t n, double *scale)
{
    if (n != 4 || !(s[0] == 'M' || s[0] == 'T' || s[0] == 'K'))
        return NULL;
    for (size_t k = 1; k < 4; k++)
        if (!isupper((unsigned char)s[k]))
            return NULL;
    *scale = s[0] == 'M' ? 1e6 : 1e3;
    return currency_of(s + 1, 3);
}

double sl_units_glued_scale(const char *s, size_t n, bool money)
{
    static const struct { const char *w; double v; } hyphened[] = {
        {"-thousand", 1e3}, {"-million", 1e6}, {"-billion", 1e9}, {"-trillion", 1e12}};
    for (size_t k = 0; k < sizeof hyphened / sizeof *hyphened; k++)
        if (n == strlen(hyphened[k].w) && !strncasecmp(s, hyphened[k].w, n))
            return hyphened[k].v; /* "$5.5-million", as North American papers write it */
    if ((n == 2 && !strncasecmp(s, "bn", 2)) || (n == 3 && !strncasecmp(s, "bln", 3)) ||
        (n == 1 && s[0] == 'B' && money))
        return 1e9;
    if ((n == 2 && !strncasecmp(s, "mn", 2)) || (n == 3 && !strncasecmp(s, "mln", 3)) ||
        (n == 1 && s[0] == 'M') || (n == 1 && s[0] == 'm' && money))
        return 1e6;
    if ((n == 2 && !strncasecmp(s, "tn", 2)) || (n == 3 && !strncasecmp(s, "trn", 3)))
        return 1e12;
    if (n == 1 && (s[0] == 'k' || s[0] == 'K') && money)
        return 1e3;
    return 0;
}
