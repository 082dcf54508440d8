/* entity_titles.h — titles and roles before a name (entity_titles.c):
 * role words and a titled person's "of" tail. Tokens are those of the facts
 * document; a name is the token range [first, end). */
#ifndef SL_FACTS_ENTITY_TITLES_H
#define SL_FACTS_ENTITY_TITLES_H

#include "facts/facts.h"

/* Whether token i is a capitalised word. */
bool sl_entities_name_word(const sl_facts_doc *d, size_t i);
/* Whether token i is a role word ("minister", "Gov.", "Vice-President",
 * "Senior Trooper"), asked once an article (d->token_memo); false for i
 * past the last token (d->toks.n and on). */
bool sl_entities_is_role(const sl_facts_doc *d, size_t i);
/* Whether the name at token `first` is a titled person's "of" tail: its
 * home, not its speaker ("Prime Minister Tomas Brell of Velmora said"). */
bool sl_entities_titled_of(const sl_facts_doc *d, size_t first);
/* Splits a titled person's name nm at its "of" tail into nm and *tail
 * ("Prime Minister Tomas Brell" and "Velmora"); false, nm untouched, when
 * it has none. `fold` is the names' folded text. */
bool sl_entities_titled_tail(const sl_facts_doc *d, sl_name *nm, sl_name *tail, const char *fold);

#endif
