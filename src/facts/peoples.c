/* peoples.c — groups named by a nationality: a country's people by their
 * plural noun ("Americans", "Israelis", "Britons"), listed as entities of
 * type "group" (the demonym table, demonyms.c). Runs after entities.c,
 * which lists no name for these words. A nationality before a plural noun
 * of people ("Palestinian negotiators") was tried as a group too and not
 * kept (docs/eval.md, "The eleventh names round"). */
#include "facts/entity_cues.h"
#include "facts/facts.h"

void sl_facts_peoples(sl_facts_doc *d)
{
    for (size_t i = 0; i < d->toks.n && !d->err; i++) {
        if (!sl_facts_upper(d, i) || !sl_entities_people_of_country(d, i))
            continue;
        uint32_t a = d->toks.items[i].start, b = d->toks.items[i].end;
        sl_fact_item *it = sl_facts_add(d, SL_FACT_ENTITY, a, b);
        if (!it)
            return;
        it->detail = sl_facts_strdup(d, "group", 5);
        it->about = sl_facts_strdup(d, d->s + a, b - a);
    }
}
