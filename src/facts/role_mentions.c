/* role_mentions.c — a title standing alone for the one person the article
 * gives it: "the Egyptian president said" after "the Egyptian president
 * Abdel Fattah el-Sissi" is a mention of el-Sissi. Runs after entities.c
 * has listed the article's names, over its entity items. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "facts/entity_cues.h"
#include "facts/facts.h"

/* Role words that qualify the noun after them and so head no title:
 * "the foreign minister", "the vice president". */
static const char *const qualifiers[] = {"foreign", "defense", "defence", "prime", "interior",
    "finance", "health", "state", "of", "vice", "deputy", "crown", "senior", "chief", "head",
    "executive", "officials", "official", "mr.", "mrs.", "ms.", "dr.", NULL};

bool sl_role_ends_with_word(const char *s, size_t len, const char *w, size_t n)
{
    return len >= n && !strncasecmp(s + len - n, w, n) && (len == n || s[len - n - 1] == ' ');
}

/* Whether role s has a word that is w[0, n) (ASCII case aside), or, for
 * w NULL, a nationality of the demonym table or a country of the
 * gazetteer ("US President"). */
static bool has_word(const char *s, const char *w, size_t n)
{
    for (const char *p = s; *p;) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        bool plural;
        if (w ? len == n && !strncasecmp(p, w, n)
              : (sl_facts_demonym_country(p, len, &plural) && !plural) ||
                    sl_facts_is_place(p, len))
            return true;
        p += len + (sp != NULL);
    }
    return false;
}

/* Whether the person's role agrees with the title's word at token i, no
 * role word: a word of the role ("trade" of "trade minister"), or a
 * nationality where the role names none ("the Egyptian president" is
 * "President Abdel Fattah el-Sissi", not "US President Joe Biden"). */
static bool agrees(const sl_facts_doc *d, const char *role, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    return has_word(role, w, n) || (sl_entities_nationality(d, i) && !has_word(role, NULL, 0));
}

/* The one person of the listed entities (out[0, n_listed)) whose role
 * ends in the title's last word, token end - 1, and agrees with its other
 * words, tokens [first, head) (agrees); NULL when none, or when two
 * persons differ. */
static const sl_fact_item *titled_person(const sl_facts_doc *d, size_t n_listed, size_t first,
                                         size_t head, size_t end)
{
    size_t hn;
    const char *hw = sl_facts_tok(d, end - 1, &hn);
    const sl_fact_item *found = NULL;
    for (size_t k = 0; k < n_listed; k++) {
        const sl_fact_item *it = &d->out->items[k];
        if (it->kind != SL_FACT_ENTITY || !it->role || !it->about || !it->detail ||
            strcmp(it->detail, "person") || !sl_role_ends_with_word(it->role, strlen(it->role), hw, hn))
            continue;
        bool all = true;
        for (size_t i = first; i < head && all; i++)
            all = agrees(d, it->role, i);
        if (!all)
            continue;
        if (found && strcmp(found->about, it->about))
            return NULL;
        found = it;
    }
    return found;
}

/* Whether the title "the" [t + 1, end) stands for a person of its own:
 * no name after it ("the president Joe Biden": entities.c's), no
 * possessive qualifying a noun ("the director's chair", where the title
 * may be anyone's), no compound ("the governor-general"). */
static bool stands_alone(const sl_facts_doc *d, size_t t, size_t end)
{
    if (end >= d->toks.n || d->sent_of[end] != d->sent_of[t])
        return true;
    return !sl_facts_upper(d, end) && !sl_entities_possessive_len(d, end - 1) &&
           !sl_facts_is(d, end, "'") && !sl_facts_is(d, end, "’") && !sl_facts_is(d, end, "-");
}

bool sl_role_alone(const sl_facts_doc *d, size_t t, size_t end)
{
    return sl_facts_in(d, end - 1, qualifiers) < 0 && stands_alone(d, t, end);
}

static bool role_at(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    return sl_facts_role_word(w, n);
}

void sl_facts_role_mentions(sl_facts_doc *d)
{
    size_t n_listed = d->out->n;
    for (size_t t = 0; t + 1 < d->toks.n && !d->err; t++) {
        if (!sl_facts_is(d, t, "the"))
            continue;
        /* up to three words before the role words: a nationality, "trade" */
        size_t head = t + 1;
        while (head < d->toks.n && head < t + 4 && d->sent_of[head] == d->sent_of[t] &&
               (d->toks.items[head].flags & SL_TOK_WORD) && !(d->toks.items[head].flags & SL_TOK_STOP) &&
               (sl_entities_nationality(d, head) || !sl_facts_upper(d, head)) && !role_at(d, head))
            head++;
        size_t end = head;
        while (end < d->toks.n && d->sent_of[end] == d->sent_of[t] && !sl_facts_upper(d, end) &&
               role_at(d, end))
            end++;
        if (end == head || !sl_role_alone(d, t, end))
            continue;
        const sl_fact_item *who = titled_person(d, n_listed, t + 1, head, end);
        if (!who)
            continue;
        char *about = sl_facts_strdup(d, who->about, strlen(who->about));
        uint32_t a = d->toks.items[t + 1].start, b = d->toks.items[end - 1].end;
        sl_fact_item *it = sl_facts_add(d, SL_FACT_ENTITY, a, b);
        if (!it) {
            free(about);
            return;
        }
        it->detail = sl_facts_strdup(d, "person", 6);
        it->about = about;
        it->role = sl_facts_strdup(d, d->s + a, b - a);
        t = end - 1;
    }
}
