/* entity_chains.h — what the mentions of a name chain (the finder's
 * `refers`: a name, its repeats and short forms) say of it against the
 * words of a name (entity_chains.c): a person's pronoun referring back, an
 * age, a courtesy title, or "said it" of a body. entities.c asks them
 * where a rule would type a person's name as a body's, a team's or a
 * place's ("Alex Garden said he", "Ada Wills coach ...", "Velder said it"). */
#ifndef SL_FACTS_ENTITY_CHAINS_H
#define SL_FACTS_ENTITY_CHAINS_H

#include <stdbool.h>
#include <stdint.h>

#include "facts/facts.h"

/* A name chain: the text's names and the index of the chain's first
 * mention; names NULL for a name of no chain (a titled person's "of" tail).
 * `memo` and `next`, NULL or one per name as sl_entities_chain_index sets
 * them, keep the two answers below per chain root (every mention of a chain
 * asks them: a text of 30,000 "Kestrel Trust said he" took 27 s without)
 * and link a chain's mentions (40,000 names of as many chains read every
 * name each: 9 s). */
typedef struct sl_name_chain {
    const sl_name_vec *names;
    uint32_t root;
    uint8_t *memo;
    const uint32_t *next;
} sl_name_chain;

/* Sets memo (names->n bytes) and next (names->n: the chain's next mention,
 * UINT32_MAX after its last) for the text's names, and marks in memo the
 * names whose last word a courtesy-titled name ends in; false when out of
 * memory. */
bool sl_entities_chain_index(const sl_facts_doc *d, const sl_name_vec *names, uint8_t *memo,
                             uint32_t *next);

/* Whether a mention of the chain says it is a person's by what no body or
 * place has: an age after it ("Wills, 36,"), a courtesy title not in
 * capitals ("Ms. Wills"; not a ship's "MS Tarn"), or a person's pronoun
 * that refers back to it after its verb ("Wills said she would"): one
 * follows in its sentence or the next before any other capitalised word
 * (a sentence's opening stop word aside), role word, "its" or "their", and
 * no name of another chain stands before that pronoun in the mention's
 * sentence ("Ann Roe of Kestrel Trust said he") nor a person's in the
 * sentence before (two words or more, or after a role: "Tom Hale resigned.
 * Kestrel Trust said he"). Not a verb of speech alone ("Wells Fargo
 * said"), a role before it, which a body's name may hold ("the Farmers
 * State Bank"), nor ", who", as of a person before it ("a professor at
 * Duke University, who"). */
bool sl_entities_chain_person(const sl_facts_doc *d, const sl_name_chain *chain);

/* Whether a mention of the chain says "it" or "its" of itself ("Kestrel
 * Trust said its profit rose", sl_entities_said_its): a body's, whatever
 * else says he. */
bool sl_entities_chain_said_its(const sl_facts_doc *d, const sl_name_chain *chain);

#endif
