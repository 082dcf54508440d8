/* numbers.h — what numbers.c (reading a number) asks of counted.c (what it
 * counts): the noun phrase of a number, and the two word tests both read.
 * Phrases are appended lower-cased to `about`; tokens are those of the
 * facts document. */
#ifndef SL_FACTS_NUMBERS_H
#define SL_FACTS_NUMBERS_H

#include "facts/facts.h"

/* Whether token b exists and is in the sentence of token a. */
bool sl_numbers_same_sentence(const sl_facts_doc *d, size_t a, size_t b);
/* Whether token i is a word that is neither a stop word of the text's
 * language nor an English function word. */
bool sl_numbers_content_word(const sl_facts_doc *d, size_t i);
/* The phrase after a number (its last token `anchor`) and its unit, from
 * token i: what a count counts or a measure measures ("measure": the number
 * has a unit; "one": its value is 1). Returns the token after the phrase. */
size_t sl_numbers_counted_after(const sl_facts_doc *d, size_t i, size_t anchor, bool measure,
                                bool one, sl_buf *about);
/* The phrase before the number starting at token `first` (`unit` its
 * normal form, NULL when none) that it states a value of ("the death toll
 * rose to 40,000"): a learned choice among the noun phrases of its
 * sentence, or none. */
void sl_numbers_value_of(const sl_facts_doc *d, size_t first, const char *unit, sl_buf *about);
/* What an ordinal in apposition counts ("her mission, her ninth"). */
void sl_numbers_apposition(const sl_facts_doc *d, size_t first, sl_buf *about);
/* An amount in brackets right after the last number item: that item's
 * phrase; false when it is not one. */
bool sl_numbers_conversion(sl_facts_doc *d, size_t first, sl_buf *about);

#endif
