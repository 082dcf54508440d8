/* role_ties.c — which persons an article ties a role to, for the speaker
 * chooser (speakers.c) when a quote's speaker is a role ("the minister
 * said", "the senator said"): a person whose title or role ends in the
 * role's word ("Foreign Minister Ana Ruiz", "Sen. Tom Hale"), the person
 * the article first uses the role for: in apposition ("Ana Ruiz, the
 * minister," or "the minister, Ana Ruiz,"), else named last before it
 * ("Ruiz ... The minister ..."), and the persons that
 * other roles were first used for ("the senator" is not "the minister");
 * and for a description ("the Kansas senator") the person it was given to
 * before, and the persons whose role names another place ("Texas Sen."). */
#include <string.h>
#include <strings.h>

#include "facts/facts.h"

/* Title abbreviations (a trailing '.' aside) and the role words each
 * stands for (NULL-terminated). */
static const struct {
    const char *abbreviation;
    const char *words[4];
} abbreviations[] = {
    {"sen", {"senator"}}, {"rep", {"congressman", "congresswoman", "representative"}},
    {"gov", {"governor"}}, {"gen", {"general"}}, {"pres", {"president"}},
    {"amb", {"ambassador"}}, {"supt", {"superintendent"}}, {"cmdr", {"commander"}},
    {"adm", {"admiral"}},
};

/* Whether the last word of role r, a trailing '.' aside, is the word
 * w[0, n), ASCII case aside, or an abbreviation of it ("Sen." for
 * "senator"). */
static bool role_ends_in(const char *r, const char *w, size_t n)
{
    size_t rn = strlen(r);
    if (rn > 0 && r[rn - 1] == '.')
        rn--;
    if (sl_role_ends_with_word(r, rn, w, n))
        return true;
    for (size_t k = 0; k < sizeof abbreviations / sizeof *abbreviations; k++) {
        const char *a = abbreviations[k].abbreviation;
        if (!sl_role_ends_with_word(r, rn, a, strlen(a)))
            continue;
        for (const char *const *v = abbreviations[k].words; *v; v++)
            if (strlen(*v) == n && !strncasecmp(*v, w, n))
                return true;
    }
    return false;
}

/* The person named last before byte offset `at`, NULL when none. */
static const char *last_person(const sl_facts_doc *d, uint32_t at)
{
    const sl_fact_item *best = NULL;
    for (size_t k = 0; k < d->out->n; k++) {
        const sl_fact_item *it = &d->out->items[k];
        if (sl_facts_named_person(d, it) && it->span.end <= at &&
            (!best || it->span.start > best->span.start))
            best = it;
    }
    return best ? best->about : NULL;
}

/* The token of "the" when token j is a role used alone: a lower-case role
 * word after "the" (or "the" and one more word: "the foreign minister")
 * that heads a title of its own (sl_role_alone: "the foreign" of "the
 * foreign minister", "the state" and "the minister Ana Ruiz" are none);
 * SIZE_MAX when it is none. */
static size_t role_use(const sl_facts_doc *d, size_t j)
{
    size_t n;
    const char *w = sl_facts_tok(d, j, &n);
    if (!(w[0] >= 'a' && w[0] <= 'z') || !sl_facts_role_word(w, n))
        return SIZE_MAX;
    size_t t = j >= 1 && sl_facts_is(d, j - 1, "the") ? j - 1
               : j >= 2 && sl_facts_is(d, j - 2, "the") && !sl_facts_upper(d, j - 1) ? j - 2
                                                                                     : SIZE_MAX;
    return t != SIZE_MAX && sl_role_alone(d, t, j + 1) ? t : SIZE_MAX;
}

static bool same_word(const sl_facts_doc *d, size_t i, size_t j)
{
    size_t n, m;
    const char *a = sl_facts_tok(d, i, &n), *b = sl_facts_tok(d, j, &m);
    return n == m && !strncasecmp(a, b, n);
}

void sl_role_ties_find(const sl_facts_doc *d, size_t first, size_t end, sl_role_ties *t)
{
    *t = (sl_role_ties){.head = SIZE_MAX};
    if (end < first + 2)
        return; /* a pronoun */
    t->head = end - 1;
    bool anchored = false;
    for (size_t j = 0; j < first; j++) {
        size_t the = role_use(d, j);
        if (the == SIZE_MAX)
            continue;
        bool same = same_word(d, j, t->head);
        if (same && anchored)
            continue;
        bool seen = false;
        for (size_t k = 0; k < t->n_others && !same && !seen; k++)
            seen = same_word(d, t->other_words[k], j);
        if (seen || (!same && t->n_others == SL_ROLE_OTHERS))
            continue;
        /* the person in apposition ("the minister, Ana Ruiz,"), else the one named before */
        const char *who = sl_role_apposed(d, the, j + 1);
        if (!who)
            who = last_person(d, d->toks.items[j].start);
        if (same) {
            t->anchor = who;
            anchored = true;
        } else if (who) {
            t->other_words[t->n_others] = j;
            t->others[t->n_others++] = who;
        }
    }
}

bool sl_role_ties_titled(const sl_facts_doc *d, const sl_role_ties *t, const char *about)
{
    if (t->head == SIZE_MAX)
        return false;
    size_t n;
    const char *w = sl_facts_tok(d, t->head, &n);
    for (size_t k = 0; k < d->out->n; k++) {
        const sl_fact_item *it = &d->out->items[k];
        if (sl_facts_named_person(d, it) && it->role && !strcmp(it->about, about) &&
            role_ends_in(it->role, w, n))
            return true;
    }
    return false;
}

bool sl_role_ties_other(const sl_role_ties *t, const char *about)
{
    for (size_t k = 0; k < t->n_others; k++)
        if (!strcmp(t->others[k], about) && !(t->anchor && !strcmp(t->anchor, about)))
            return true;
    return false;
}

/* Whether role r names a place the words [first, end) do not ("Texas
 * Sen." for "the Kansas senator"). */
static bool other_place(const sl_facts_doc *d, const char *r, size_t first, size_t end)
{
    for (const char *p = r; *p;) {
        size_t n = strcspn(p, " ");
        bool named = false;
        for (size_t k = first; k < end && !named; k++) {
            size_t m;
            const char *w = sl_facts_tok(d, k, &m);
            named = m == n && !strncasecmp(w, p, n);
        }
        if (!named && sl_facts_is_place(p, n))
            return true;
        p += n + (p[n] == ' ');
    }
    return false;
}

int sl_role_ties_fit(const sl_facts_doc *d, const sl_role_ties *t, size_t first,
                     const char *about)
{
    if (t->head == SIZE_MAX)
        return 0;
    for (size_t k = 0; k < d->out->n; k++) {
        const sl_fact_item *it = &d->out->items[k];
        if (sl_facts_named_person(d, it) && it->role && !strcmp(it->about, about) &&
            other_place(d, it->role, first, t->head))
            return -1;
    }
    return 0;
}

/* Whether tokens [a, a + n) and [b, b + n) are the same words. */
static bool same_words(const sl_facts_doc *d, size_t a, size_t b, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!same_word(d, a + k, b + k))
            return false;
    return true;
}

bool sl_role_ties_qualified(const sl_facts_doc *d, size_t first, size_t end)
{
    for (size_t k = first + 1; k + 1 < end; k++)
        if (sl_facts_upper(d, k))
            return true;
    return false;
}

const char *sl_role_ties_described(const sl_facts_doc *d, size_t first, size_t end)
{
    const char *who = NULL;
    size_t n = end - first;
    uint32_t a = d->toks.items[first + 1].start, b = d->toks.items[end - 1].end;
    for (size_t k = 0; k < d->out->n; k++) { /* "Labour Party leader Ana Ruiz" */
        const sl_fact_item *it = &d->out->items[k];
        if (sl_facts_named_person(d, it) && it->role && it->span.end <= a &&
            strlen(it->role) == b - a && !strncasecmp(it->role, d->s + a, b - a))
            who = it->about;
    }
    for (size_t j = 0; j + n <= first; j++) /* "Ana Ruiz, the Labour Party leader," */
        if (same_words(d, j, first, n)) {
            const char *p = sl_role_apposed(d, j, j + n);
            if (p)
                who = p;
        }
    return who;
}
