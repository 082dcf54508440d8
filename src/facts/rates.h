/* rates.h — what quantities.c asks of rates.c: the unit per something
 * written after a number, as "unit per what" (lower-cased, cap bytes). */
#ifndef SL_FACTS_RATES_H
#define SL_FACTS_RATES_H

#include <stdbool.h>
#include <stddef.h>

#include "facts/facts.h"

/* Whether token k is a slash glued to a unit or a unit's symbol after it
 * ("/cm2", "/s", "/l"). */
bool sl_rates_slash_unit(const sl_facts_doc *d, size_t k);
/* A rate glued by hyphens to the digits of the number's last token
 * ("15-cent-a-share", "$40-per-ton") or to its unit word at token unit_tok
 * ("530 pence-a-share"; 0: none): written into per; false when none. */
bool sl_rates_glued(const sl_facts_doc *d, size_t last, size_t unit_tok, const char *unit, char *per,
                    size_t cap);
/* The rate after the number's unit, from token after ("a share", "per
 * barrel", "/l"): written into per (left empty when none); the tokens it
 * takes. */
size_t sl_rates_after(const sl_facts_doc *d, size_t after, const char *unit, char *per, size_t cap);
/* "9 billion shekels ($2.4 billion) a year": the rate said after the
 * bracketed conversion that opens at token after, written into per (left
 * empty when none). It takes no token: the amount in the bracket is read
 * on its own, as a conversion, with no rate (as NewsQuant writes it: "$2.408
 * billion" dollar, 1 of 1 on the even half). */
void sl_rates_after_conversion(const sl_facts_doc *d, size_t after, const char *unit, char *per,
                               size_t cap);
/* A count over time or space whose counted phrase ends at token
 * noun_end - 1 in a plural noun ("300 dots per inch"): that noun per what,
 * written into per; the tokens the rate takes after the noun. */
size_t sl_rates_count(const sl_facts_doc *d, size_t noun_end, char *per, size_t cap);

#endif
