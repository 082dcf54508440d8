/* entity_types.h — the type of one name by the words around it
 * (entity_types.c). Tokens are those of the facts document; a name is the
 * token range [first, end). */
#ifndef SL_FACTS_ENTITY_TYPES_H
#define SL_FACTS_ENTITY_TYPES_H

#include "facts/entity_chains.h"
#include "facts/entity_known.h"
#include "facts/facts.h"

/* The type "place" as a preposition alone gives it ("a letter went to
 * Laura Marsh"): the weakest evidence of a place, told apart by its
 * address (entities.c makes a person of it where a mention speaks). */
extern const char sl_entities_placed_by_preposition[];

/* Whether the words [first, end) name a place: the gazetteer's ("United
 * Arab Emirates"), or ending in a place's or a compass word ("British
 * Virgin Islands", "Soviet Far East"). */
bool sl_entities_names_a_place(const sl_facts_doc *d, size_t first, size_t end);

/* Whether a role in apposition follows token `end`, between commas: ",
 * the American secretary of state," or ", a senior judge,". */
bool sl_entities_role_in_apposition(const sl_facts_doc *d, size_t end);

/* The type of the name [first, end): "person", "organization", "place"
 * (sl_entities_placed_by_preposition where a preposition alone says so),
 * or NULL (no entity). `has_role`: a title or role stands before it;
 * `seen`: the entity a mention before it was taken as (its type wins);
 * `starts`: the name opens its sentence; `chain`: its name chain. */
const char *sl_entities_classify(const sl_facts_doc *d, size_t first, size_t end, bool has_role,
                                 const sl_known *seen, bool starts, const sl_name_chain *chain);

#endif
