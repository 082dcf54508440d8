/* entity_cues.h — what entities.c asks of the words around a name
 * (entity_cues.c): possessives, appositions, premises, the nouns before a
 * name; the shapes of words, which the cues read too, are entity_shapes.h's
 * (included here for every reader of cues). Tokens are those of the facts
 * document; a name is the token range [first, end). */
#ifndef SL_FACTS_ENTITY_CUES_H
#define SL_FACTS_ENTITY_CUES_H

#include "facts/entity_shapes.h"
#include "facts/facts.h"

/* ---- possessives ---- */
/* Bytes of the possessive ending of token i ("'s", "’s"), 0 when none. */
size_t sl_entities_possessive_len(const sl_facts_doc *d, size_t i);
/* Whether tokens [first, end) open with a name's possessive, capitalised
 * words ending in "'s" before a lower-case word: "Velmar's port minister". */
bool sl_entities_possessive_opening(const sl_facts_doc *d, size_t first, size_t end);
/* The first token from j that is no lower-case word, at most three words on:
 * where a name after its title starts ("commission chair Ana Ruiz"). */
size_t sl_entities_title_words(const sl_facts_doc *d, size_t j);
/* Whether person item `it` is given a role ending in the word of token j
 * (the title before its name: "chair" of "commission chair Ana Ruiz"). */
bool sl_entities_titled_by(const sl_facts_doc *d, const sl_fact_item *it, size_t j);
/* Whether token i follows a country's or region's possessive ("Lebanon's Hezbollah"). */
bool sl_entities_place_possessive(const sl_facts_doc *d, size_t i);
/* Whether token i is a possessive that what only a state has ("minister",
 * "parliament", "border") follows within three lower-case words of its
 * sentence: "Belmora's water minister". */
bool sl_entities_state_possessive(const sl_facts_doc *d, size_t i);

/* ---- what stands before or after a name ---- */
/* Whether a word of travel and "to" precede token `first`: "a visit to Tel Aviv". */
bool sl_entities_travel_to(const sl_facts_doc *d, size_t first);
/* Whether a lower-case noun of kin precedes token `first`: "her husband Todd". */
bool sl_entities_kin_before(const sl_facts_doc *d, size_t first);
/* Whether a noun of staff and "at" precede token `first`: "analysts at Goldman Sachs". */
bool sl_entities_staff_at(const sl_facts_doc *d, size_t first);
/* Whether a noun of owning a firm and "in", "of" or "with" precede token
 * `first`: "a stake in Lumeris Capital". */
bool sl_entities_holding_before(const sl_facts_doc *d, size_t first);
/* Whether the name [first, end) is a body's by apposition: between commas
 * after a firm's noun ("the ferry operator, Skerry Line,"), or, for a name
 * without a role, after "the" or a possessive and a body's noun ("the
 * journal Nature Astronomy") or before ", a" and a description headed by
 * one ("Novexa, a Swiss company,"). */
bool sl_entities_body_by_apposition(const sl_facts_doc *d, size_t first, size_t end,
                                    bool has_role);
/* Whether the name [first, end) is a work's title by the words around
 * it: in quotation marks after a noun of works ("the sequel `` Catching
 * Fire ''", "the epic `` Velmora , ''"), before a noun of its people or
 * parts ("the `` Mean Girls '' star", "the "Hunger Games" sequel"), after
 * one and "of" ("star of "Tarn Hill""), or one of a list of titles in
 * quotes ("`` Tarn Hill '' , `` Ada Vell '' and"). */
bool sl_entities_work_title(const sl_facts_doc *d, size_t first, size_t end);
/* Whether the name [first, end), in quotes or not, is a work's title by a
 * work's noun in apposition: "directs New Moon, the sequel to ...", "the
 * sequel, Catching Fire." (not "the film director", nor a speaker after a
 * comma: "the show, Ann Roe said"). */
bool sl_entities_work_by_apposition(const sl_facts_doc *d, size_t first, size_t end);
/* Whether a noun of the press follows the name [first, end) in lower case:
 * the title of a magazine, a paper or a channel ("People magazine"). */
bool sl_entities_press_noun_after(const sl_facts_doc *d, size_t first, size_t end);
/* Whether the name [first, end), two words or more, closes its sentence as
 * the source of what came before the comma: ", Access Hollywood has
 * confirmed.", ", Radar Online reported." (an outlet's words; not "Ann Roe
 * reported him missing", nor a surname alone: ", Lynch reported."). */
bool sl_entities_press_source(const sl_facts_doc *d, size_t first, size_t end);
/* Whether the name [first, end) is a ship's: a prefix in capitals before a
 * name word ("INS Sukanya", "the warship USS Cole"; not "USS" alone). */
bool sl_entities_vessel(const sl_facts_doc *d, size_t first, size_t end);
/* Whether ", <age> ," follows token `end`: "Comeaux, 49, took ...". */
bool sl_entities_age_after(const sl_facts_doc *d, size_t end);
/* Whether a verb of speech at token `end` has "it" or "its" after it, or
 * "that"/"in" before them: "Intel said it would cut jobs", "Hale said in
 * its review", a body's words, as no person says of himself. */
bool sl_entities_said_its(const sl_facts_doc *d, size_t end);
/* Whether token i is a currency's word ("Dollar", "Dlrs", "Yen"). */
bool sl_entities_currency_word(const sl_facts_doc *d, size_t i);
/* Whether the name [first, end) is one letter alone ("P" of "S and P"), a
 * class of shares or a series by its letter ("Class A", "Series C"), or a
 * part of a sequence by its number ("Game 5", "Round 2", "Category 4"). */
bool sl_entities_letter_class(const sl_facts_doc *d, size_t first, size_t end);
/* Whether the name [first, end) is a storm's: "Hurricane Sandy",
 * "Tropical Storm Debby" (a thing, no person), "Hurricane Sandy said to
 * weaken"; "Storm" first not where a verb of speech or an age follows it
 * or a role precedes it ("Storm Reid said", a given name). */
bool sl_entities_storm_name(const sl_facts_doc *d, size_t first, size_t end);
/* Whether the name [first, end), its last word a plural, stands before a
 * player's or a coach's post and a name: a team's ("Velmar Rovers
 * goalkeeper Ian Tolle", "Tarvel Hawks coach Ann Roe"). */
bool sl_entities_team_before_player(const sl_facts_doc *d, size_t first, size_t end);
/* Whether token i marks a copyright ("©", "Copyright") or is the year after one. */
bool sl_entities_copyright_mark(const sl_facts_doc *d, size_t i);
/* Whether the name [first, end) qualifies premises after a preposition of
 * place or motion and an article: "at a suburban Harlow accounting firm". */
bool sl_entities_premises_of(const sl_facts_doc *d, size_t first, size_t end);
/* Whether the name [first, end) is premises where something happens: a
 * word of premises ends it, after a word of its own, and "at", "in",
 * "inside", "outside", "near" or "into" is before it ("a fire at Marfell
 * Hotel", "in the Orlen Tannery"); not a bank, market or club, bodies as
 * often ("at the World Bank"), nor the word alone ("in the House"). */
bool sl_entities_premises_named(const sl_facts_doc *d, size_t first, size_t end);

/* ---- roles ---- */
/* The first token of the role whose role words start at token `start`,
 * with up to two lower-case words before them where a determiner or a
 * possessive precedes those: "Belmora's water minister". */
size_t sl_entities_role_opening(const sl_facts_doc *d, size_t start);
/* Whether token i is a plural noun of people ("Prosecutors", "Witnesses"). */
bool sl_entities_people_noun(const sl_facts_doc *d, size_t i);

#endif
