/* numbers.h — what the files of numbers share: a number as numbers.c reads
 * it, which quantities.c judges and packs as a fact (unit_after.c: the
 * unit written after it), and what counted.c
 * finds it counts (the noun phrase of a number, and the two word tests).
 * Phrases are appended lower-cased to `about`; tokens are those of the
 * facts document. */
#ifndef SL_FACTS_NUMBERS_H
#define SL_FACTS_NUMBERS_H

#include "facts/facts.h"

/* A number as written, before it is judged a fact. */
typedef struct sl_number {
    size_t first, last;      /* token range of the number words */
    double value, value_hi;  /* value_hi > value for an order of magnitude ("dozens") */
    bool ordinal, word_form, scaled;
    double glued_scale;      /* a scale glued to the token ("eight-mln-dlr": 1e6) or to the
                              * unit or noun after it ("500 mln-dlr"); 0 when none */
    char approx;             /* from a prefix glued to the digits ("sub-7"); 0 when none */
    const char *glued_unit;  /* unit glued to the digits ("10km", "12-year-old", "$US5") */
    const char *glued_noun;  /* noun glued to a number word ("three-phase") */
    size_t glued_noun_len;
} sl_number;

/* ---- numbers.c ---- */
/* The number starting at token i, in digits or words, with the scale words
 * after it ("1.2 million") and a "minus" before it; false when none. */
bool sl_numbers_read(const sl_facts_doc *d, size_t i, sl_number *nb);
/* Whether tokens a and b touch (no space between); false when b is past the end. */
bool sl_numbers_glued(const sl_facts_doc *d, size_t a, size_t b);

/* ---- glued.c ---- */
/* Reads what is glued after the digits of token i, rest[0, rn) ("M",
 * "bn-euro", "km", "th", "-plus", "-strong") into nb: its scale, unit,
 * approximation, ordinal or noun; `currency`: a currency is said with the
 * number, `money`: it or the words after make "m" and "k" scales. False
 * when the letters make the token a name ("3D", "5G") or a decade. */
bool sl_numbers_glued_rest(const sl_facts_doc *d, size_t i, const char *rest, size_t rn, bool currency,
                           bool money, sl_number *nb);
/* A scale then a unit or a noun glued by hyphens in s[0, n) ("bn-euro",
 * "-mln-share", "-mln-plus"): the unit, or NULL with the noun's offset in
 * *noun or the approximation of "-plus" / "-odd" in *approx; the scale in
 * *k. NULL, *noun 0 and *approx 0 when none. */
const char *sl_numbers_scale_then_unit(const char *s, size_t n, bool money, double *k, size_t *noun,
                                       char *approx);
/* A scale glued to a unit or a noun in the token after the number ("1.8
 * billion-mile", "500 mln-dlr loan", "5 million-strong"): applied to nb,
 * unless the scale word before it (`said`, 0 when none) is as large ("5
 * mln mln-dlr": the scale said twice). */
void sl_numbers_dashed_scale(const sl_facts_doc *d, sl_number *nb, double said);

/* ---- counters.c ---- */
/* Whether the number of tokens [first, last] is a web page's counter: a
 * counter word after it ("12 comments", "41 shares"), unless it is a count
 * of stock said in prose ("sold 200,000 shares"). */
bool sl_numbers_counter(const sl_facts_doc *d, size_t first, size_t last);
/* Whether the sentence of token i is a line of bare numbers ("12 4 87"),
 * page chrome, and no wire table's row ("Net 807,000 vs 2,858,000"). */
bool sl_numbers_bare_line(const sl_facts_doc *d, size_t i);

/* ---- counted.c ---- */

/* Whether token b exists and is in the sentence of token a. */
bool sl_numbers_same_sentence(const sl_facts_doc *d, size_t a, size_t b);
/* Whether token i is a word that is neither a stop word of the text's
 * language nor an English function word. */
bool sl_numbers_content_word(const sl_facts_doc *d, size_t i);
/* Whether token i is a plural noun: "-s" but not "-ss", "-us", "-is"; or an
 * irregular plural. Not a capitalised word: "Hamas", "Brothers" are names. */
bool sl_numbers_plural(const sl_facts_doc *d, size_t i);
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

/* ---- unit_after.c ---- */
/* The unit at token i (*unit NULL when none) and the tokens it takes. */
size_t sl_numbers_unit_at(const sl_facts_doc *d, size_t i, const char **unit);
/* The unit written after the number whose last token is `anchor`, from
 * token *after (moved past it): a unit word or phrase, qualified ("US fluid
 * ounce", "517 rushing yards"), an age ("40 years old"); NULL when none. */
const char *sl_numbers_unit_after(const sl_facts_doc *d, size_t anchor, size_t *after);
/* As sl_numbers_unit_after for the number nb, and before it the unit a
 * fraction is a share of ("a third of a mile") or an order of magnitude is
 * of ("millions of dollars"); after a currency word, the cents ("12 dollars
 * 40") or a scale ("75 USD million") said after it, applied to nb. */
const char *sl_numbers_measure_after(const sl_facts_doc *d, sl_number *nb, size_t *after);

/* ---- parts.c ---- */
/* Number items from `first_item` on: each one flagged in part_item (no unit,
 * no counted phrase) and followed by "of the|its|their ..." and a number
 * item with a unit or a counted phrase takes that unit and phrase ("sold
 * 500,000 of its 2.5 mln shares"); its bare_item flag is then cleared.
 * scaled_item flags the items written with a scale word ("2.5 mln"). */
void sl_numbers_parts(sl_facts_doc *d, size_t first_item, const bool *part_item,
                      const bool *scaled_item, bool *bare_item);

/* ---- said_once.c ---- */
/* Number items from `first_item` on: each bare one (bare_item) takes the
 * unit of the last number before it in its sentence that lends one, when
 * both are values of one thing or a parallel clause holds it. */
void sl_numbers_said_once(sl_facts_doc *d, size_t first_item, const bool *bare_item);

#endif
