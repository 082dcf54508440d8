/* entity_chains.c — whether the mentions of a name chain say it is a
 * person's (a pronoun referring back, an age, a courtesy title) or a
 * body's ("said its"), for the rules of entities.c that type a name by a
 * word of its own or the words after it: a body's or a place's last word,
 * a team's plural, "said it" (entity_chains.h). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "facts/entity_chains.h"
#include "facts/entity_cues.h"
#include "facts/entity_titles.h"
#include "facts/entity_words.h"
#include "util/alloc.h"

/* Pronouns of a person, which refer back to one named before them. */
static const char *const personal_pronouns[] = {"he", "she", "his", "her", "him", NULL};

/* Whether token i is a capitalised word but a stop word ("The", "But", "He"). */
static bool capitalised_word(const sl_facts_doc *d, size_t i)
{
    return sl_facts_upper(d, i) && (d->toks.items[i].flags & SL_TOK_WORD) &&
           !(d->toks.items[i].flags & SL_TOK_STOP);
}

/* The token of a person's pronoun after the verb at token `end` ("said",
 * "was": sl_entity_subject_verbs), in its sentence or the next, before any
 * other capitalised word, role word, "its" or "their"; 0 when none. */
static size_t pronoun_after(const sl_facts_doc *d, size_t end)
{
    if (sl_facts_in(d, end, sl_entity_subject_verbs) < 0)
        return 0;
    for (size_t k = end + 1; k < d->toks.n && d->sent_of[k] <= d->sent_of[end] + 1; k++) {
        if (sl_facts_in(d, k, personal_pronouns) >= 0)
            return k;
        if (capitalised_word(d, k) || sl_entities_is_role(d, k) || sl_facts_is(d, k, "its") ||
            sl_facts_is(d, k, "their"))
            return 0; /* another name, a role or a body's pronoun came first */
    }
    return 0;
}

/* Whether name `other` may be the person a pronoun after mention nm (of
 * the chain) refers to, rather than nm: of another chain, in nm's sentence,
 * or in the one before with two words or more or after a role; not a
 * headline's, nor a one-word name that is no name (a sentence's opening
 * word, a weekday). */
static bool other_person(const sl_facts_doc *d, const sl_name_chain *chain, const sl_name *nm,
                         const sl_name *other)
{
    if (other->sentence + 1 < nm->sentence || other->refers == chain->root ||
        (other->flags & SL_NAME_HEADLINE) ||
        (other->end - other->first == 1 && sl_entities_not_name(d, other->first)))
        return false;
    return other->sentence == nm->sentence || other->end - other->first >= 2 ||
           (other->first > 0 && sl_entities_is_role(d, other->first - 1));
}

/* Whether the pronoun after mention k's verb refers back to it: no name of
 * another chain before it in the mention's sentence, nor a person's in the
 * sentence before (other_person). The names are in text order: those from
 * the sentence before the mention's (found by halving) to the pronoun are
 * read, in order, as the first that may be the pronoun's ends the search. */
static bool pronoun_back(const sl_facts_doc *d, const sl_name_chain *chain, size_t k)
{
    const sl_name *names = chain->names->items, *nm = &names[k];
    size_t pronoun = pronoun_after(d, nm->end);
    if (!pronoun)
        return false;
    size_t lo = 0, hi = k; /* the first name of the sentence before nm's, or nm */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (names[mid].sentence + 1 < nm->sentence)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t j = lo; j < chain->names->n && names[j].first < pronoun; j++)
        if (other_person(d, chain, nm, &names[j]))
            return false;
    return true;
}

/* Whether a courtesy title not in capitals comes right before token w:
 * "Ms. Wills", "Mr Hale"; not a ship's "MS Columbus". */
static bool courtesy_titled(const sl_facts_doc *d, size_t w)
{
    size_t after = w > 0 && sl_facts_is(d, w - 1, ".") ? w - 1 : w; /* the token after the title */
    return sl_entities_courtesy_before(d, w) && !(d->toks.items[after - 1].flags & SL_TOK_ALLCAPS);
}

/* Whether tokens i and j are the same word. */
static bool same_word(const sl_facts_doc *d, size_t i, size_t j)
{
    size_t n, m;
    const char *a = sl_facts_tok(d, i, &n), *b = sl_facts_tok(d, j, &m);
    return n == m && !memcmp(a, b, n);
}

/* The bits of a name's memo byte: each answer of the chain it roots, and
 * whether it is known; COURTESY: a courtesy-titled name ends in its last
 * word (sl_entities_chain_index). */
enum { PERSON_KNOWN = 1, PERSON = 2, SAID_ITS_KNOWN = 4, SAID_ITS = 8, COURTESY = 16 };

/* Whether a courtesy-titled name ("Ms. Wills") ends in the chain's surname:
 * the memo's bit, or every name read where there is no index. */
static bool courtesy_surname(const sl_facts_doc *d, const sl_name_chain *chain)
{
    if (chain->memo)
        return chain->memo[chain->root] & COURTESY;
    size_t surname = chain->names->items[chain->root].end - 1;
    for (size_t k = 0; k < chain->names->n; k++) {
        const sl_name *nm = &chain->names->items[k];
        if (nm->end - nm->first >= 2 && courtesy_titled(d, nm->end - 1) &&
            same_word(d, nm->end - 1, surname))
            return true;
    }
    return false;
}

/* The chain's mention after mention k: by the index's links, else the next
 * name that refers to the root; names->n after the last. */
static size_t next_mention(const sl_name_chain *chain, size_t k)
{
    if (chain->next && chain->names->items[chain->root].refers == chain->root)
        return chain->next[k] == UINT32_MAX ? chain->names->n : chain->next[k];
    for (k++; k < chain->names->n && chain->names->items[k].refers != chain->root; k++)
        ;
    return k;
}

static bool chain_person(const sl_facts_doc *d, const sl_name_chain *chain)
{
    /* the finder keeps a courtesy title in the name ("Ms. Wills"), which
     * its chain of "Dara Wills" then does not hold: the surname tells */
    if (courtesy_surname(d, chain))
        return true;
    for (size_t k = chain->root; k < chain->names->n; k = next_mention(chain, k))
        if (chain->names->items[k].refers == chain->root &&
            (sl_entities_age_after(d, chain->names->items[k].end) || pronoun_back(d, chain, k)))
            return true;
    return false;
}

bool sl_entities_chain_person(const sl_facts_doc *d, const sl_name_chain *chain)
{
    if (!chain->names)
        return false;
    uint8_t *memo = chain->memo ? &chain->memo[chain->root] : NULL;
    if (memo && (*memo & PERSON_KNOWN))
        return *memo & PERSON;
    bool person = chain_person(d, chain);
    if (memo)
        *memo |= PERSON_KNOWN | (person ? PERSON : 0);
    return person;
}

bool sl_entities_chain_said_its(const sl_facts_doc *d, const sl_name_chain *chain)
{
    if (!chain->names)
        return false;
    uint8_t *memo = chain->memo ? &chain->memo[chain->root] : NULL;
    if (memo && (*memo & SAID_ITS_KNOWN))
        return *memo & SAID_ITS;
    bool said = false;
    for (size_t k = chain->root; !said && k < chain->names->n; k = next_mention(chain, k))
        said = chain->names->items[k].refers == chain->root &&
               sl_entities_said_its(d, chain->names->items[k].end);
    if (memo)
        *memo |= SAID_ITS_KNOWN | (said ? SAID_ITS : 0);
    return said;
}

/* A name's last word, and whether it is a courtesy-titled name's. */
typedef struct surname_entry {
    const char *s;
    size_t n;
    uint32_t k;
    bool titled;
} surname_entry;

static int by_surname(const void *pa, const void *pb)
{
    const surname_entry *a = pa, *b = pb;
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    int c = memcmp(a->s, b->s, a->n);
    return c ? c : (int)a->titled - (int)b->titled;
}

bool sl_entities_chain_index(const sl_facts_doc *d, const sl_name_vec *names, uint8_t *memo,
                             uint32_t *next)
{
    uint32_t *last = sl_calloc(names->n ? names->n : 1, sizeof *last); /* per root, its last mention */
    surname_entry *e = sl_calloc(names->n ? 2 * names->n : 1, sizeof *e);
    if (!last || !e) {
        free(last);
        free(e);
        return false;
    }
    size_t n = 0;
    memset(last, 0xff, names->n * sizeof *last);
    for (size_t k = 0; k < names->n; k++) {
        const sl_name *nm = &names->items[k];
        memo[k] = 0;
        next[k] = UINT32_MAX;
        if (nm->refers <= k && last[nm->refers] != UINT32_MAX) /* linked after the last so far */
            next[last[nm->refers]] = (uint32_t)k;
        if (nm->refers <= k)
            last[nm->refers] = (uint32_t)k;
        e[n].s = sl_facts_tok(d, nm->end - 1, &e[n].n);
        e[n].k = (uint32_t)k;
        e[n++].titled = false;
        if (nm->end - nm->first >= 2 && courtesy_titled(d, nm->end - 1)) {
            e[n] = e[n - 1];
            e[n++].titled = true;
        }
    }
    qsort(e, n, sizeof *e, by_surname);
    for (size_t a = 0, b; a < n; a = b) { /* a run of one surname, its titled ones last */
        for (b = a + 1; b < n && e[b].n == e[a].n && !memcmp(e[b].s, e[a].s, e[a].n); b++)
            ;
        if (e[b - 1].titled)
            for (size_t j = a; j < b; j++)
                memo[e[j].k] |= COURTESY;
    }
    free(last);
    free(e);
    return true;
}
