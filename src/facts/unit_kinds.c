/* unit_kinds.c — unit symbols that are also words, letters or another
 * unit's symbol ("12 C", "40 N", "2.5 F", "150 kn", "12 bar"): a unit where
 * the sentence names the kind of quantity it measures ("temperatures down
 * to 12 C", "a force of 40 N", "the capacitor holds 2.5 F", "the ticket
 * cost 150 kn"), or where a slash and a unit follow ("1.3 A/cm2"). A few
 * symbols that only their case tells from a word or another unit ("kN",
 * "mA", "MJ") are units wherever they stand. unit_after.c asks here when
 * units.c's table has no unit after a number. */
#include <stdint.h>
#include <string.h>

#include "facts/numbers.h"
#include "facts/rates.h"
#include "facts/units.h"

/* The kinds of quantity, and the words that name them in a sentence. A
 * cue is a word a reader takes to say what is measured, on any text: not
 * "high" or "low", which any measure has. */
enum kind { ALWAYS, TEMPERATURE, PRESSURE, FORCE, CURRENT, CAPACITANCE, ENERGY, MAGNETIC, MASS,
            VOLUME, SPEED, MONEY, DATA, ASTRONOMY, N_KINDS };

static const char *const temperature[] = {"temperature", "temperatures", "degrees", "hot", "hotter",
    "cold", "colder", "heat", "heated", "warm", "warmer", "cool", "cooler", "melt", "melts",
    "melting", "boil", "boils", "boiling", "freeze", "freezes", "freezing", "thermometer",
    "weather", "forecast", "fever", "thermostat", NULL};
static const char *const pressure[] = {"pressure", "pressures", "pressurised", "pressurized",
    "inflated", "tyre", "tyres", "tire", "tires", "compressed", "compressor", "atmospheric",
    "vacuum", NULL};
static const char *const force[] = {"force", "forces", "thrust", "load", "loads", "tension",
    "traction", "punch", NULL};
static const char *const current[] = {"current", "currents", "amperage", "fuse", "fuses",
    "charger", "charging", "circuit", "circuits", NULL};
static const char *const capacitance[] = {"capacitor", "capacitors", "capacitance",
    "supercapacitor", NULL};
static const char *const energy[] = {"energy", "work", "heat", "kinetic", "blast", "explosion",
    NULL};
static const char *const magnetic[] = {"magnet", "magnets", "magnetic", "magnetism", "mri",
    "flux", NULL};
static const char *const mass[] = {"weigh", "weighs", "weighed", "weighing", "weight",
    "weights", "mass", "cargo", "payload", "load", "loads", "freight", "tonnage", NULL};
static const char *const volume[] = {"volume", "capacity", "tank", "tanks", "bottle", "bottles",
    "fuel", "water", "liquid", "drink", "drinks", "milk", NULL};
static const char *const speed[] = {"speed", "speeds", "wind", "winds", "gust", "gusts", "boat",
    "boats", "ship", "ships", "vessel", "vessels", "sail", "sailed", "sailing", "yacht",
    "ferry", "ferries", "cruise", "cruised", "cruising", NULL};
static const char *const money[] = {"cost", "costs", "price", "prices", "priced", "paid", "pay",
    "pays", "ticket", "tickets", "worth", "fee", "fees", "fine", "salary", "spent", "spend",
    "bought", "buy", "sold", "sell", "budget", NULL};
static const char *const data[] = {"file", "files", "data", "memory", "storage", "download",
    "downloads", "upload", "disk", "drive", "bandwidth", NULL};
static const char *const astronomy[] = {"orbit", "orbits", "sun", "planet", "planets", "star",
    "stars", "astronomical", "asteroid", "comet", NULL};

static const char *const *const cues[N_KINDS] = {
    [TEMPERATURE] = temperature, [PRESSURE] = pressure, [FORCE] = force, [CURRENT] = current,
    [CAPACITANCE] = capacitance, [ENERGY] = energy, [MAGNETIC] = magnetic, [MASS] = mass,
    [VOLUME] = volume, [SPEED] = speed, [MONEY] = money, [DATA] = data, [ASTRONOMY] = astronomy,
};

/* Symbols, case as written, with the unit (NewsQuant's name) each is of
 * where its kind is named; of a symbol's kinds named, the one named
 * nearest it wins, and on a tie the first listed, so the narrower kind is
 * listed first ("F" of a capacitor before the "F" of a temperature). */
static const struct { const char *symbol, *unit; enum kind kind; } symbols[] = {
    {"kN", "kilonewton", ALWAYS}, {"MN", "meganewton", ALWAYS}, {"mA", "milliampere", ALWAYS},
    {"kA", "kiloampere", ALWAYS}, {"MJ", "megajoule", ALWAYS}, {"GJ", "gigajoule", ALWAYS},
    {"mbar", "millibar", ALWAYS}, {"mmHg", "millimetre of mercury", ALWAYS},
    {"kbit", "kilobit", ALWAYS}, {"Mbit", "megabit", ALWAYS}, {"Gbit", "gigabit", ALWAYS},
    {"mV", "millivolt", ALWAYS}, {"uF", "microfarad", ALWAYS}, {"nF", "nanofarad", ALWAYS},
    {"pF", "picofarad", ALWAYS}, {"mT", "millitesla", ALWAYS},
    {"F", "farad", CAPACITANCE}, {"F", "fahrenheit", TEMPERATURE}, {"C", "celsius", TEMPERATURE},
    {"K", "kelvin", TEMPERATURE}, {"N", "newton", FORCE}, {"J", "joule", ENERGY},
    {"T", "tesla", MAGNETIC}, {"T", "metric ton", MASS}, {"t", "metric ton", MASS},
    {"L", "litre", VOLUME}, {"l", "litre", VOLUME}, {"A", "ampere", CURRENT},
    {"Pa", "pascal", PRESSURE}, {"bar", "bar", PRESSURE}, {"kn", "knot", SPEED},
    {"kt", "knot", SPEED}, {"kt", "kiloton", ENERGY}, {"kn", "croatian kuna", MONEY},
    {"st", "stone", MASS}, {"pt", "pint", VOLUME}, {"b", "bit", DATA},
    {"B", "byte", DATA}, {"AU", "astronomical unit", ASTRONOMY},
};

/* How far from token i the nearest word of its sentence, other than token
 * i, that names `kind` stands, in tokens; SIZE_MAX when none does. */
static size_t kind_named(const sl_facts_doc *d, size_t i, enum kind kind)
{
    size_t s = d->sent_of[i], k = i, best = SIZE_MAX;
    while (k > 0 && d->sent_of[k - 1] == s)
        k--;
    for (; k < d->toks.n && d->sent_of[k] == s; k++)
        if (k != i && sl_facts_in(d, k, cues[kind]) >= 0 && (k < i ? i - k : k - i) < best)
            best = k < i ? i - k : k - i;
    return best;
}

/* Whether token i + 1 is a plural noun of token i's sentence that names
 * no quantity of `kind`: what a letter before it names ("3 A grades", "500
 * T cells", "4 B shares", "3 bar owners"), where a unit's would be of its
 * kind ("40 C temperatures", "13 A fuses", "60 kn winds"). */
static bool before_a_plural(const sl_facts_doc *d, size_t i, enum kind kind)
{
    return sl_numbers_same_sentence(d, i, i + 1) && sl_numbers_content_word(d, i + 1) &&
           sl_numbers_plural(d, i + 1) && sl_facts_in(d, i + 1, cues[kind]) < 0;
}

/* Whether token i + 1 exists and touches token i. */
static bool glued_to(const sl_facts_doc *d, size_t i)
{
    return i + 1 < d->toks.n && d->toks.items[i].end == d->toks.items[i + 1].start;
}

const char *sl_units_by_kind(const sl_facts_doc *d, size_t i)
{
    if (i >= d->toks.n || !(d->toks.items[i].flags & SL_TOK_WORD))
        return NULL;
    size_t n;
    const char *t = sl_facts_tok(d, i, &n);
    bool slash = glued_to(d, i) && sl_rates_slash_unit(d, i + 1);
    if (glued_to(d, i) && !slash &&
        (!(d->toks.items[i + 1].flags & SL_TOK_PUNCT) || sl_facts_is(d, i + 1, "-") ||
         sl_facts_is(d, i + 1, "'") || glued_to(d, i + 1)))
        return NULL; /* "F-16", "A.D.", "C'mon"; but "at 660 C." */
    const char *unit = NULL;
    size_t nearest = SIZE_MAX, far;
    for (size_t k = 0; k < sizeof symbols / sizeof *symbols; k++) {
        if (strlen(symbols[k].symbol) != n || memcmp(t, symbols[k].symbol, n))
            continue;
        if (symbols[k].kind == ALWAYS || slash)
            return symbols[k].unit;
        /* of two kinds named, the one named nearer ("the ferry ticket cost
         * 150 kn": kuna, not knots); on a tie the one listed first */
        if ((far = kind_named(d, i, symbols[k].kind)) < nearest &&
            !before_a_plural(d, i, symbols[k].kind)) {
            nearest = far;
            unit = symbols[k].unit;
        }
    }
    return unit;
}
