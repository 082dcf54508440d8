/* role_mentions.c — a title standing alone for the one person the article
 * gives it: "the Egyptian president said" after "the Egyptian president
 * Abdel Fattah el-Sissi" is a mention of el-Sissi, and so is a title in
 * apposition to a name ("Carlos Vela, the finance minister,"; "the finance
 * minister, Carlos Vela,"). Runs after entities.c has listed the article's
 * names, over its entity items. */
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
        if (w ? len == n && !strncasecmp(p, w, n)
              : sl_facts_demonym(p, len, sl_facts_word_hash(p, len)) ||
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

/* The one person of the entities listed so far (a title in apposition
 * counting: "Carlos Vela, the finance minister,") whose role ends in the
 * title's last word, token end - 1, and agrees with its other words,
 * tokens [first, head) (agrees); NULL when none, or when two persons
 * differ. */
static const sl_fact_item *titled_person(const sl_facts_doc *d, size_t first, size_t head,
                                         size_t end)
{
    size_t hn;
    const char *hw = sl_facts_tok(d, end - 1, &hn);
    const sl_fact_item *found = NULL;
    for (size_t k = 0; k < d->out->n; k++) {
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

/* The index of the person named (a capital first: no role mention) whose
 * span ends at byte b; -1 when none. */
static long person_named(const sl_facts_doc *d, uint32_t b)
{
    for (size_t k = 0; k < d->out->n; k++) {
        const sl_fact_item *it = &d->out->items[k];
        if (sl_facts_named_person(d, it) && it->span.end == b)
            return (long)k;
    }
    return -1;
}

/* Whether token i closes an apposition in sentence s: a comma, a full stop
 * or the sentence's end. */
static bool closes(const sl_facts_doc *d, size_t i, size_t s)
{
    return i >= d->toks.n || d->sent_of[i] != s || sl_facts_is(d, i, ",") ||
           sl_facts_is(d, i, ".");
}

/* The index of the name the title "the" [t + 1, end) is in apposition to,
 * -1 when none (sl_role_apposed). */
static long apposed(const sl_facts_doc *d, size_t t, size_t end)
{
    size_t s = d->sent_of[t];
    /* "Carlos Vela, the finance minister," */
    if (t >= 2 && sl_facts_is(d, t - 1, ",") && d->sent_of[t - 2] == s && closes(d, end, s)) {
        long k = person_named(d, d->toks.items[t - 2].end);
        if (k >= 0)
            return k;
    }
    /* "the finance minister, Carlos Vela," */
    if (end + 1 >= d->toks.n || !sl_facts_is(d, end, ",") || d->sent_of[end + 1] != s)
        return -1;
    uint32_t a = d->toks.items[end + 1].start;
    for (size_t k = 0; k < d->out->n; k++) {
        const sl_fact_item *it = &d->out->items[k];
        if (it->kind == SL_FACT_ENTITY && it->span.start == a) /* one entity starts there */
            return sl_facts_named_person(d, it) && closes(d, sl_facts_token_at(d, it->span.end), s)
                       ? (long)k : -1;
    }
    return -1;
}

const char *sl_role_apposed(const sl_facts_doc *d, size_t t, size_t end)
{
    long k = apposed(d, t, end);
    return k >= 0 ? d->out->items[k].about : NULL;
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
        uint32_t a = d->toks.items[t + 1].start, b = d->toks.items[end - 1].end;
        long k = apposed(d, t, end);
        if (k >= 0 && !d->out->items[k].role) /* the name takes the title it is given */
            d->out->items[k].role = sl_entities_dup_as_read(d, d->s + a, b - a);
        const sl_fact_item *who = k >= 0 ? &d->out->items[k] : titled_person(d, t + 1, head, end);
        if (!who)
            continue;
        char *about = sl_facts_strdup(d, who->about, strlen(who->about));
        sl_fact_item *it = sl_facts_add(d, SL_FACT_ENTITY, a, b);
        if (!it) {
            free(about);
            return;
        }
        it->detail = sl_facts_strdup(d, "person", 6);
        it->about = about;
        it->role = sl_entities_dup_as_read(d, d->s + a, b - a);
        t = end - 1;
    }
}
