/* units.h — what numbers.c asks of units.c: the unit, currency and scale
 * words written around a number, each in its normal form (NewsQuant's unit
 * names, so that the evaluation compares like with like); entity_cues.c
 * asks whether a name's last word is a currency. */
#ifndef SL_FACTS_UNITS_H
#define SL_FACTS_UNITS_H

#include "facts/facts.h"

/* The unit written at token i ("km", "per cent", "square feet", "km/h",
 * "Australian dollars", "JPY"): its normal form in *unit and the number of
 * tokens it takes; 0 when none. */
size_t sl_units_at(const sl_facts_doc *d, size_t i, const char **unit);
/* The unit of a whole word s[0, n) glued to digits or a number word ("km" of
 * "10km", "year-old", "pc"); NULL when none. */
const char *sl_units_word(const char *s, size_t n);
/* Whether s[0, n) opens with a hyphened "a" or "per" and a word ("-a-share"
 * of "15-cent-a-share", "-per-ton"): the offset of that word, 0 when not. */
size_t sl_units_rate_suffix(const char *s, size_t n);
/* The currency written right before token i ("$", "US$", "HK $", "Rs",
 * "EUR"): its unit, and in *first the token it starts at; NULL when none. */
const char *sl_units_currency_before(const sl_facts_doc *d, size_t i, size_t *first);
/* A currency code or sign glued before digits ("USD" of "USD1,700", "RM"
 * of "RM23.50", "A" of "$A82" when dollar_before; "R" of "R2.5" or of "R50"
 * with scale_after, a scale word next: "R50 billion"): its unit, NULL when
 * none. */
const char *sl_units_currency_prefix(const char *s, size_t n, bool dollar_before, bool scale_after);
/* The value of a scale word ("million", "bn", "crore", "dozen" of "three
 * dozen"), 0 when none. */
double sl_units_scale_word(const sl_facts_doc *d, size_t i);
/* Whether a unit name (as sl_units_at gives it) is a currency's. */
bool sl_units_is_currency(const char *unit);
/* An ISO currency code with a scale's capital glued before it, as company
 * reports write them ("120 MEUR", "30 MUSD", "450 TEUR"): its unit and in
 * *scale the scale (M a million, T or K a thousand); NULL when none. */
const char *sl_units_scaled_code(const char *s, size_t n, double *scale);
/* A scale glued to digits ("bn", "-million"; "m" and "k" after a currency), 0 when none. */
double sl_units_glued_scale(const char *s, size_t n, bool money);

/* ---- unit_kinds.c ---- */
/* The unit of the symbol at token i that is also a word, a letter or
 * another unit's symbol ("12 C", "40 N", "150 kn"): the one whose kind of
 * quantity its sentence names ("temperatures down to 12 C"), any before a
 * slash and a unit ("1.3 A/cm2"); or of a symbol only its case tells from
 * a word ("40 kN"). NULL when none. */
const char *sl_units_by_kind(const sl_facts_doc *d, size_t i);

#endif
