/* entity_known.h — the entities a text's names were taken as
 * (entity_known.c), remembered per article so that a later mention finds
 * its entity: as written, by its surname, a firm's first words or
 * initials, or a given name. Used by entities.c. */
#ifndef SL_FACTS_ENTITY_KNOWN_H
#define SL_FACTS_ENTITY_KNOWN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "facts/facts.h"

/* Most entities remembered per article for short-form resolution. */
#define SL_KNOWN_MAX 256

typedef struct sl_known {
    char *name;          /* full name */
    size_t len;
    size_t full;         /* len less a generational suffix ("Comeaux" of "... Comeaux Jr") */
    uint32_t at;         /* byte offset of its first mention */
    const char *type;
    bool weak;           /* a person by the shape of its name alone (no role) */
    char defined[8];     /* the capitals the text gives it in parentheses: "EC" of
                          * "European Community (EC)"; "" when none */
} sl_known;

/* A firm's legal forms, folded ("co", "inc.", "ag"), NULL-terminated: words
 * that end a firm's name. */
extern const char *const sl_known_legal_forms[];
/* Whether w[0, n), whose sl_facts_word_hash is `hash`, is a word that ends a
 * firm's name: its legal form ("Co", "Inc.", "AG") or a word such as
 * "Group", "Motors", "Airlines". */
bool sl_known_firm_word(const char *w, size_t n, uint32_t hash);
/* The entity the mention s[0, len) at byte `at` names (see entity_known.c);
 * `firms`: also a firm by its first words. NULL when none. */
const sl_known *sl_known_find(const sl_known *kn, size_t n, const char *s, size_t len, uint32_t at,
                              bool firms);
/* Remembers the entity name[0, len) first met at `at` in kn[*n] (up to
 * SL_KNOWN_MAX). */
void sl_known_remember(sl_known *kn, size_t *n, sl_facts_doc *d, const char *name, size_t len,
                       uint32_t at, const char *type, bool weak);
/* Records the capitals the text writes in parentheses after a mention of
 * the entity e ending before token `end` ("European Community (EC)"), if
 * any: two capitals stand for it only so, or where its name ends in a
 * firm's word (entity_known.c); a person by its name's shape alone whose
 * initials they are becomes an organisation. */
void sl_known_define(const sl_facts_doc *d, sl_known *e, size_t end);
/* The person of the text, learnt by the first pass, whose full name ends
 * with the one word s[0, len): "Brell" opening a sentence before a verb
 * other than of speech, where the text names "Tomas Brell" later. */
const sl_known *sl_known_later_person(const sl_known *kn, size_t n, const char *s, size_t len);
/* For a short form s[0, len) after a courtesy title ("Ms. Acosta"), where
 * `seen` (the lookup's answer, or NULL) is no longer name: the one person
 * known whose name has three words, the middle one s ("Melba Acosta
 * Febo"); else `seen`. */
const sl_known *sl_known_middle_person(const sl_known *kn, size_t n, const char *s, size_t len,
                                       const sl_known *seen);

#endif
