/* entity_titles.c — titles and roles before a name: whether a word is a
 * role ("minister", "Gov.", "Vice-President"), and a titled person's "of"
 * tail ("Prime Minister Tomas Brell of Velmora"). Used by entities.c. */
#include <stdint.h>
#include <string.h>

#include "facts/entity_cues.h"
#include "facts/entity_titles.h"
#include "facts/entity_words.h"
#include "facts/facts.h"

bool sl_facts_role_word(const char *w, size_t n)
{
    return n && sl_facts_list_find(sl_entity_role_words, w, n, sl_facts_word_hash(w, n)) >= 0;
}

/* Whether token i is a capitalised word. */
bool sl_entities_name_word(const sl_facts_doc *d, size_t i)
{
    if (i >= d->toks.n)
        return false;
    const sl_token *t = &d->toks.items[i];
    return (t->flags & SL_TOK_WORD) && (t->flags & (SL_TOK_UPPER | SL_TOK_ALLCAPS));
}

/* Whether token i is a role word ("minister", "Gov.", "Vice-President"). */
static bool role_test(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *s = sl_facts_tok(d, i, &n);
    /* "Senior Trooper", but not "a senior Biden administration official" */
    if (sl_facts_is(d, i, "senior"))
        return i + 1 < d->toks.n && sl_entities_is_role(d, i + 1);
    if (sl_facts_in(d, i, sl_entity_role_words) >= 0)
        return true;
    /* "Secretary-General", "Vice-President": role words joined by hyphens */
    const char *dash = memchr(s, '-', n);
    if (dash) {
        for (const char *w = s, *stop = s + n; w < stop;) {
            const char *cut = memchr(w, '-', (size_t)(stop - w));
            size_t len = (size_t)((cut ? cut : stop) - w);
            if (!sl_facts_role_word(w, len))
                return false;
            w += len + 1;
        }
        return true;
    }
    /* "Gov" of "Gov.": the abbreviation with its dot */
    char abbr[16];
    if (n + 1 >= sizeof abbr || !sl_facts_is(d, i + 1, ".") ||
        d->toks.items[i + 1].start != d->toks.items[i].end)
        return false;
    memcpy(abbr, s, n);
    abbr[n] = '.';
    return sl_facts_role_word(abbr, n + 1);
}

/* role_test of token i, asked once an article (d->token_memo): a name's
 * words are asked again at each of its tokens. None past the last token
 * (the token after a name or a noun that ends the text: d->token_memo has
 * d->toks.n entries). */
bool sl_entities_is_role(const sl_facts_doc *d, size_t i)
{
    if (i >= d->toks.n)
        return false;
    if (!(d->token_memo[i] & SL_MEMO_ROLE_ASKED))
        d->token_memo[i] |= SL_MEMO_ROLE_ASKED | (role_test(d, i) ? SL_MEMO_ROLE : 0);
    return d->token_memo[i] & SL_MEMO_ROLE;
}

/* Whether the tokens before token `at` are a titled person's name: name
 * words back to a role word ("Prime Minister Tomas Brell" before "of"). */
static bool titled_name_before(const sl_facts_doc *d, size_t at)
{
    size_t k = at;
    while (k > 0 && sl_entities_name_word(d, k - 1) && !sl_entities_is_role(d, k - 1))
        k--;
    return k < at && k > 0 && sl_entities_is_role(d, k - 1) && d->sent_of[k - 1] == d->sent_of[at];
}

/* Whether the name at token `first` is a titled person's "of" tail: its
 * home, not its speaker ("Prime Minister Tomas Brell of Velmora said"). */
bool sl_entities_titled_of(const sl_facts_doc *d, size_t first)
{
    return first > 1 && sl_facts_is(d, first - 1, "of") && titled_name_before(d, first - 1);
}

/* Splits a titled person's name at its "of" tail: "Prime Minister Tomas
 * Brell of Velmora" is the person "Tomas Brell" and the place "Velmora",
 * "Chairman Ann Roe of Fenwick Corp" the person and the firm (the finder
 * joins over "of" as in "Bank of England"; an abbreviated title it splits
 * itself, "Sen. Tom Hale of Ohio"). Not a title's own "of" ("Secretary of
 * State"), nor a body's ("Police Department of Orlov"). The tail's fold is
 * the end of nm's. */
bool sl_entities_titled_tail(const sl_facts_doc *d, sl_name *nm, sl_name *tail, const char *fold)
{
    if (!sl_entities_is_role(d, nm->first))
        return false;
    size_t k = nm->end - 1;
    while (k > nm->first + 1 && !sl_facts_is(d, k, "of"))
        k--;
    if (k <= nm->first + 2 || !titled_name_before(d, k) || sl_entities_is_role(d, k - 2) ||
        !sl_entities_name_word(d, k + 1) || sl_entities_org_word(d, k - 1))
        return false; /* a given name and a surname: not "General Agreement of Tariffs" */
    const char *f = fold + nm->fold, *of = NULL;
    for (const char *p = f; (p = strstr(p, " of ")) && p < f + nm->fold_len; p++)
        of = p;
    if (!of)
        return false;
    *tail = *nm;
    tail->first = (uint32_t)k + 1;
    tail->start = d->toks.items[k + 1].start;
    tail->flags &= ~(uint32_t)SL_NAME_OPENS;
    tail->fold = (uint32_t)(of + 4 - fold);
    tail->fold_len = nm->fold_len - (uint32_t)(of + 4 - f);
    tail->key = sl_name_key(fold + tail->fold, tail->fold_len);
    nm->end = (uint32_t)k;
    nm->stop = d->toks.items[k - 1].end;
    nm->flags &= ~(uint32_t)SL_NAME_POSSESSIVE;
    nm->fold_len = (uint32_t)(of - f);
    nm->key = sl_name_key(f, nm->fold_len);
    return true;
}
