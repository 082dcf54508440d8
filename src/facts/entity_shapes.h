/* entity_shapes.h — the shape of a word or a name, read by itself
 * (entity_shapes.c): a nationality, an organisation's last word, a month, a
 * call sign, capitals, an opening adverb, a surname's particle, and the
 * name as a reader writes it. Tokens are those of the facts document; a
 * name is the token range [first, end). */
#ifndef SL_FACTS_ENTITY_SHAPES_H
#define SL_FACTS_ENTITY_SHAPES_H

#include "facts/facts.h"

/* ---- the shape of words ---- */
/* Whether token i is shaped like a nationality ("Israeli", "Chinese",
 * "British") or is one of the demonym table ("American", "Greek"). */
bool sl_entities_demonym(const sl_facts_doc *d, size_t i);
/* Whether the name [name, end) is an adjective of where one is from, as
 * written before a lower-case noun: a nationality ("Israeli"), a compass
 * word before one ("West German officials", "the Central Asian nation") or
 * a compass adjective ("Western observers", "Southern"). */
bool sl_entities_origin_adjective(const sl_facts_doc *d, size_t name, size_t end);
/* Whether names a and b (in text order) are joined by "and" or "or" and b
 * or a is a country, a region or a nationality: "between Israel and Hamas",
 * "the Israeli and Hamas stances" (a person is seldom paired with one). */
bool sl_entities_paired_with_place(const sl_facts_doc *d, const sl_name *a, const sl_name *b);
/* Whether token i is a nationality of the demonym table (demonyms.c), its
 * adjective or singular noun: "Egyptian", "American"; not "Americans". */
bool sl_entities_nationality(const sl_facts_doc *d, size_t i);
/* Whether token i is the plural noun of a country's people: "Americans". */
bool sl_entities_people_of_country(const sl_facts_doc *d, size_t i);
/* Whether token i is a product's model number: a word with digits
 * ("A320") or up to four digits that are no year, score or range ("737"). */
bool sl_entities_model_number(const sl_facts_doc *d, size_t i);
/* Whether token k ends an organisation's name: "Ministry", "Co", "Group",
 * with its possessive too ("Upjohn Co's drug", "the Defence Ministry's"). */
bool sl_entities_org_word(const sl_facts_doc *d, size_t k);
/* Whether token i, after the words [first, i), is a broadcaster's call
 * sign: four capitals opened by K or W, the other three no vowel ("WCVB",
 * "WQRX") or the words before a town the gazetteer knows ("Boston WABC");
 * not a surname in capitals ("Imran KHAN", "Tom WOOD"). */
bool sl_entities_call_sign(const sl_facts_doc *d, size_t first, size_t i);
/* Whether token i, a one-word name, is a word the finder keeps that is no
 * name: a month or a day with its possessive ("December's 1.5 pct", as
 * "December" alone is none) or a firm's legal form with its possessive
 * ("Corp's" after a line break cut it from "Talvor"). */
bool sl_entities_word_no_name(const sl_facts_doc *d, size_t i);
/* Whether token i is a capitalised word that is no name (sl_entity_not_names),
 * a month written short without its dot, not in capitals ("Dec", not "DEC"),
 * or a time zone in capitals ("at 1100 EST", "p.m. EDT May 2"). */
bool sl_entities_not_name(const sl_facts_doc *d, size_t i);
/* Whether the one-word name [name, end) is the month May or January ("Jan"):
 * "in May", "May 5", "Jan. 12", "Jan 2024"; not "May said", "Jan said". */
bool sl_entities_month_name(const sl_facts_doc *d, size_t name, size_t end);
/* Whether every word of tokens [a, b) is written in capitals. */
bool sl_entities_all_capitals(const sl_facts_doc *d, size_t a, size_t b);
/* Whether token i, opening a sentence, is an adverb opening a clause
 * ("Clearly Mark", "Normally Velmora calls ..."): a word in -ly of seven
 * letters or more, which the text never capitalises after another word of
 * a sentence nor writes alone as a name ("Beverly"), before a word the text
 * writes so without it. Participles in -ing are not asked: too many firms'
 * names open so ("Boeing Co has been awarded", "Corning Glass Works is
 * raising"). Each test scans the text: a text's first 64 openings are
 * tested, the rest not (false). */
bool sl_entities_adverb_opening(sl_facts_doc *d, size_t i);

/* ---- as a reader reads it ---- */
/* The name s[0, *n) as a reader writes it, each run of blanks one space
 * ("John\nTower", a name over a wrapped line's end), in out[0, cap) with
 * its length in *n; s itself, *n unchanged, where it holds no line break. */
const char *sl_entities_as_read(const char *s, size_t *n, char *out, size_t cap);
/* Writes s[0, n), a name in capitals, as a name is written ("GARY ROSS"
 * -> "Gary Ross") to out[0, n], which may be s, NUL-terminated; returns n. */
size_t sl_entities_title_cased(const char *s, size_t n, char *out);
/* A copy of s[0, n) as read (a role: "Chancellor\nof the Exchequer" is
 * "Chancellor of the Exchequer"), owned by the caller; NULL and d->err set
 * on failure. */
char *sl_entities_dup_as_read(sl_facts_doc *d, const char *s, size_t n);

/* The doc's place openers: the tokens before a word of place_words (a
 * NULL-terminated list), sorted by word hash, made once a text (NULL and 0
 * when none); SL_ENOMEM. Freed by sl_entities_free_place_openers. */
int sl_entities_find_place_openers(sl_facts_doc *d, const char *const *place_words);
/* Whether the word of token w opens a place's name elsewhere in the text,
 * a place word after it: "the Tavel" where "Tavel River" is written. */
bool sl_entities_opens_a_place(const sl_facts_doc *d, size_t w);
void sl_entities_free_place_openers(sl_facts_doc *d);

/* Whether token i joins the words of a name: "of", "for", "and", or a
 * surname's particle ("de", "al", "bin", "van", "von"). */
bool sl_entities_connector(const sl_facts_doc *d, size_t i);
/* Whether token i is a particle opening a surname, a name word after it
 * before `end`: "De Blasio said", "Mayor de Blasio", "Van Wilder". */
bool sl_entities_particle_opens(const sl_facts_doc *d, size_t i, size_t end);
/* Whether a courtesy title comes right before token i: "Ms. Acosta", "Mr Hale". */
bool sl_entities_courtesy_before(const sl_facts_doc *d, size_t i);
/* Whether the one-word name at token `name` (of nm, whose fold is in
 * `fold`) is a country's or a body's short form written as a word, in
 * title case: "Us" of a magazine or a headline, "Un" (not "US"). */
bool sl_entities_short_form_as_word(const sl_facts_doc *d, const sl_name *nm, size_t name,
                                    const char *fold);

#endif
