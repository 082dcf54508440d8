/* entity_known.c — the entities a text's names were taken as, remembered
 * per article (entities.c's two passes), and the lookup of a mention among
 * them: as written, a person's surname, a firm's first words or initials,
 * a person's given name. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "facts/entity_known.h"
#include "facts/entity_words.h"
#include "util/byte_table.h"

/* Generational suffixes that may end a person's full name but not its short form. */
static const char *const suffixes[] = {" Jr", " Jr.", " Sr", " Sr.", " II", " III", " IV", NULL};

/* Bytes of the generational suffix ending name[0, len) (" Jr."), 0 when none. */
static size_t suffix_len(const char *name, size_t len)
{
    for (int k = 0; suffixes[k]; k++) {
        size_t n = strlen(suffixes[k]);
        if (len > n + 1 && !strncmp(name + len - n, suffixes[k], n))
            return n;
    }
    return 0;
}

/* A firm's legal form as news agencies write it, with or without the dot
 * ("Boeing Co", "Sandoz AG", "Skanska AB", "Philips NV", "Nestle SA"). */
const char *const sl_known_legal_forms[] = {"inc", "inc.", "corp", "corp.", "co", "co.", "cos",
    "cos.", "ltd", "ltd.", "llc", "plc", "ag", "ab", "gmbh", "nv", "sa", "spa", "bhd", "l.p.", "lp", "llp", NULL};

/* Organisation words other than a legal form that end a firm's name, which
 * the firm's first words stand for ("Kestrel" of "Kestrel Motors"; a town's
 * police or council is not shortened to the town's name). */
static const char *const firm_words[] = {"group", "company", "corporation", "industries",
    "motor", "motors", "systems", "airlines", "airways", "international", "communications",
    "telecom", "telecommunications", "technologies", "networks", "holdings", "enterprises",
    "pharmaceuticals", "electronics", "partners", "studios", "pictures", "productions",
    "records", "investments", "laboratories", "petroleum", "brands", "management", "research",
    "capital", "bancorp", "bancorporation", "bancshares", NULL};

bool sl_known_firm_word(const char *w, size_t n, uint32_t hash)
{
    return sl_facts_list_find(sl_known_legal_forms, w, n, hash) >= 0 ||
           sl_facts_list_find(firm_words, w, n, hash) >= 0;
}

/* Whether s[0, len) opens the firm's name e before the words that end it:
 * "Kestrel" of "Kestrel Motors", "Tannhill Foods" of "Tannhill Foods Inc"
 * (a firm is shortened to its first words, a person to the last). */
static bool opens_org(const sl_known *e, const char *s, size_t len)
{
    if (e->len <= len + 1 || e->name[len] != ' ' || strncmp(e->name, s, len) ||
        strcmp(e->type, "organization"))
        return false;
    const char *last = strrchr(e->name, ' ') + 1;
    size_t n = e->len - (size_t)(last - e->name);
    return sl_known_firm_word(last, n, sl_facts_word_hash(last, n)) && !sl_facts_is_place(s, len);
}

/* Words of a name its initials skip: "Food and Drug Administration" is FDA. */
static const char *const initials_skip[] = {"of", "and", "for", "the", "on", "&", NULL};

/* Whether the capitals s[0, len), len <= 6, are a country's or a body's
 * short name ("US", "UK", "UN": sl_name_alias). */
static bool an_alias(const char *s, size_t len)
{
    char folded[8];
    for (size_t k = 0; k < len; k++)
        folded[k] = (char)(s[k] | 0x20);
    return sl_name_alias(folded, len) != NULL;
}

/* The last words of newspapers' names, which their two capitals stand for
 * as a firm's do: "FT" of "Financial Times". */
static const char *const press_words[] = {"times", "post", "journal", "news", "herald", "courier",
    "gazette", "tribune", "chronicle", "telegraph", "examiner", "inquirer", NULL};

/* Whether the two capitals s[0, 2) may be the initials of the
 * organisation e: e's name ends in a firm's word ("GE" of "General Electric
 * Co", "MI" of "Marshall Industries") or a newspaper's ("FT" of "Financial
 * Times"), or the text gives them to it in
 * parentheses ("European Community (EC)"); and they are no word written in
 * capitals ("TV", "PC", "km", "IV"). Two letters match too many names by
 * chance: "EC" had been "Executive Commission" in a text of the European
 * Community's. */
static bool two_capitals_stand_for(const sl_known *e, const char *s)
{
    if (sl_facts_list_find(sl_entity_common_capitals, s, 2, sl_facts_word_hash(s, 2)) >= 0)
        return false;
    if (!strncmp(e->defined, s, 2) && !e->defined[2])
        return true;
    const char *last = strrchr(e->name, ' ');
    last = last ? last + 1 : e->name;
    size_t n = e->len - (size_t)(last - e->name);
    uint32_t hash = sl_facts_word_hash(last, n);
    return sl_known_firm_word(last, n, hash) || sl_facts_list_find(press_words, last, n, hash) >= 0;
}

/* Whether s[0, len), two to six capitals, is the initials of the
 * organisation's name e: "FTC" of "Federal Trade Commission", "AMI" of
 * "American Medical International Inc" or "AMC" of "American Motors Corp"
 * (a legal form ending it may give its initial or not; not where the
 * capitals are a country's short name: "UK" of "Union Kraft Ltd"). */
static bool initials_of(const sl_known *e, const char *s, size_t len)
{
    if (len < 2 || len > 6 || strcmp(e->type, "organization"))
        return false;
    if (len == 2 && !two_capitals_stand_for(e, s))
        return false;
    size_t k = 0;
    for (const char *w = e->name; *w;) {
        size_t n = strcspn(w, " ");
        uint32_t hash = sl_facts_word_hash(w, n);
        if (!w[n] && k == len && k >= 2 && sl_facts_list_find(sl_known_legal_forms, w, n, hash) >= 0)
            return !an_alias(s, len);
        if (sl_facts_list_find(initials_skip, w, n, hash) < 0) {
            if (k >= len || w[0] != s[k] || s[k] < 'A' || s[k] > 'Z' || memchr(w, '.', n) ||
                (n >= 2 && w[1] >= 'A' && w[1] <= 'Z'))
                return false; /* "U.S. Navy" is no "UN"; "EC Commission" no "EC" */
            k++;
        }
        w += n + (w[n] == ' ');
    }
    return k == len && k >= 2;
}

/* Whether the one word s[0, len) is the given name, or a short form of it,
 * of the person e: its letters in order from the same first letter
 * ("Thomas", "Tom", "Kate" of "Katherine"; no place: "Jordan"). */
static bool given_name_of(const sl_known *e, const char *s, size_t len)
{
    if (len < 3 || e->name[0] != s[0]) /* before the search for a space: most pairs stop here */
        return false;
    const char *space = strchr(e->name, ' ');
    if (!space || (size_t)(space - e->name) < len || memchr(s, ' ', len) ||
        strcmp(e->type, "person"))
        return false;
    size_t k = 1;
    for (const char *c = e->name + 1; c < space && k < len; c++)
        k += *c == s[k];
    return k == len && !sl_facts_is_place(s, len);
}

/* Whether the one word s[0, len) is the middle word of the person e's name
 * of three words of three letters or more: the paternal surname of a
 * Spanish name ("Acosta" of "Melba Acosta Febo"; not the initial of "Anna
 * K. Castellan", nor "de" of "Bill de Blasio"). */
static bool middle_name_of(const sl_known *e, const char *s, size_t len)
{
    const char *a = memchr(e->name, ' ', e->len);
    if (!a || strcmp(e->type, "person") || e->full != e->len || a - e->name < 3 ||
        a[1] != s[0] || strncmp(a + 1, s, len) || a[1 + len] != ' ' || memchr(s, ' ', len))
        return false;
    const char *last = a + 2 + len;
    return len >= 3 && !memchr(last, ' ', e->len - (size_t)(last - e->name)) &&
           e->len - (size_t)(last - e->name) >= 3;
}

const sl_known *sl_known_middle_person(const sl_known *kn, size_t n, const char *s, size_t len,
                                       const sl_known *seen)
{
    if (seen && seen->len > len)
        return seen; /* a longer name it ends or opens */
    const sl_known *hit = NULL;
    for (size_t k = 0; k < n; k++)
        if (middle_name_of(&kn[k], s, len)) {
            if (hit && strcmp(hit->name, kn[k].name))
                return seen; /* two persons fit: neither */
            hit = &kn[k];
        }
    return hit ? hit : seen;
}

/* The known entity the name s[0, len) at byte `at` stands for: a person's
 * full name it ends ("Blinken": "Antony Blinken"; the first letter in
 * either case: "De Blasio" of "Bill de Blasio"; not "Bettie Page" of the
 * film "The Notorious Bettie Page") before an organisation's it opens
 * ("Kestrel": "Kestrel Motors") or whose initials it is ("FTC"), or a
 * person with a role of that name as written, before any other name as
 * written; of those the last introduced before `at`, else the first after
 * it (the first pass knows the whole text: "the Biden administration"
 * before "Joe Biden"); the name as written only where it was met before
 * `at`. A firm's first words stand for it only where `firms` (not in a
 * title-case headline, where "Federal" may be any word's capital). A word
 * the first pass made a person by its shape alone stands for the one person
 * whose given name it is or shortens ("Tom said": "Thomas Reilly"; none where
 * two fit). */
const sl_known *sl_known_find(const sl_known *kn, size_t n, const char *s, size_t len, uint32_t at,
                              bool firms)
{
    const sl_known *best = NULL, *first_hit = NULL;
    int best_rank = 0;
    size_t first_count = 0;
    for (size_t k = 0; k < n; k++) {
        const sl_known *e = &kn[k];
        /* the first bytes are compared first: this runs for every known
         * entity at every name, so most pairs differ there */
        size_t full = e->full;
        bool ends = full > len &&
                    sl_ascii_lower[(uint8_t)e->name[full - len]] == sl_ascii_lower[(uint8_t)s[0]] &&
                    e->name[full - len - 1] == ' ' &&
                    !strncmp(e->name + full - len + 1, s + 1, len - 1) &&
                    !strcmp(e->type, "person");
        bool same = e->len == len && e->name[0] == s[0] && !strncmp(e->name, s, len) && e->at <= at;
        bool org = !ends && !same && e->name[0] == s[0] &&
                   ((firms && opens_org(e, s, len)) || initials_of(e, s, len));
        if (!ends && !same && !org) {
            if (given_name_of(e, s, len)) {
                first_hit = e;
                first_count++;
            }
            continue;
        }
        int rank = ends ? 3 : org || (!e->weak && !strcmp(e->type, "person")) ? 2 : 1;
        bool nearer = best && (e->at <= at ? best->at > at || e->at > best->at : best->at > at &&
                                                                                  e->at < best->at);
        if (!best || rank > best_rank || (rank == best_rank && nearer)) {
            best = e;
            best_rank = rank;
        }
    }
    if (first_count == 1 && best && best_rank == 1 && best->weak && !strchr(best->name, ' '))
        return first_hit; /* "Tom said": a person of one word by its shape alone */
    return best;
}

void sl_known_remember(sl_known *kn, size_t *n, sl_facts_doc *d, const char *name, size_t len,
                       uint32_t at, const char *type, bool weak)
{
    if (*n >= SL_KNOWN_MAX || len < 2)
        return;
    kn[*n].name = sl_facts_strdup(d, name, len);
    kn[*n].len = len;
    kn[*n].full = len - suffix_len(name, len);
    kn[*n].at = at;
    kn[*n].type = type;
    kn[*n].weak = weak;
    kn[*n].defined[0] = '\0';
    if (kn[*n].name)
        (*n)++;
}

void sl_known_define(const sl_facts_doc *d, sl_known *e, size_t end)
{
    if (end + 2 >= d->toks.n || !sl_facts_is(d, end, "(") || !sl_facts_is(d, end + 2, ")") ||
        !(d->toks.items[end + 1].flags & SL_TOK_ALLCAPS))
        return;
    size_t len;
    const char *s = sl_facts_tok(d, end + 1, &len);
    if (len >= sizeof e->defined || e->defined[0])
        return;
    memcpy(e->defined, s, len);
    e->defined[len] = '\0';
    if (!e->weak || strcmp(e->type, "person"))
        return;
    /* a person by its name's shape alone given its initials is a body's
     * name: "The proposed European Community (EC) tax" */
    e->type = "organization";
    if (initials_of(e, s, len))
        e->weak = false;
    else
        e->type = "person";
}

/* The person of the text, learnt by the first pass, whose full name ends
 * with the one word s[0, len): "Brell" opening a sentence before a verb
 * other than of speech, where the text names "Tomas Brell" later. */
const sl_known *sl_known_later_person(const sl_known *kn, size_t n, const char *s, size_t len)
{
    const sl_known *e = sl_known_find(kn, n, s, len, UINT32_MAX, false);
    return e && e->len > len && !strcmp(e->type, "person") && !e->weak ? e : NULL;
}
