/* entity_shapes.c — the shape of a word or a name, read by itself for the
 * entities of entities.c: a nationality and its adjective, a model number,
 * the month May, an organisation's last word, a call sign, a word the
 * finder keeps that is no name, capitals, an adverb opening a sentence, a
 * surname's particle, a courtesy title, a country's short form written as
 * a word ("Us"), a word written elsewhere before a place word ("the Tavel"
 * of "Tavel River"), and the name as a reader writes it. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "facts/entity_cues.h"
#include "facts/entity_known.h"
#include "facts/entity_shapes.h"
#include "facts/entity_titles.h"
#include "facts/entity_words.h"
#include "util/alloc.h"

/* A word shaped like a nationality ("Israeli", "Palestinian", "Chinese",
 * "British") or one of the demonym table ("American", "German", "Greek"),
 * not its plural noun ("Americans", a group). */
bool sl_entities_demonym(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    return (n > 4 && w[n - 1] == 'i') || (n > 5 && !strncmp(w + n - 3, "ian", 3)) ||
           (n > 5 && !strncmp(w + n - 3, "ean", 3)) || (n > 5 && !strncmp(w + n - 3, "ese", 3)) ||
           (n > 5 && !strncmp(w + n - 3, "ish", 3)) || sl_entities_nationality(d, i);
}

bool sl_entities_origin_adjective(const sl_facts_doc *d, size_t name, size_t end)
{
    size_t n;
    if (end - name == 2) { /* "-i" a nationality of the table: not "Central Mississippi" */
        const char *w = sl_facts_tok(d, name + 1, &n);
        return (sl_facts_in(d, name, sl_entity_compass) >= 0 ||
                sl_entities_nationality(d, name)) && /* "Saudi Arabian oil minister" */
               sl_entities_demonym(d, name + 1) &&
               (w[n - 1] != 'i' || sl_entities_nationality(d, name + 1));
    }
    const char *w = sl_facts_tok(d, name, &n);
    bool compass_adjective = n > 5 && !strncasecmp(w + n - 3, "ern", 3) &&
                             sl_facts_in(d, name, sl_entity_compass) >= 0; /* "Western" */
    return end - name == 1 && (sl_entities_demonym(d, name) || compass_adjective);
}

bool sl_entities_paired_with_place(const sl_facts_doc *d, const sl_name *a, const sl_name *b)
{
    if (b->first != a->end + 1 || !(sl_facts_is(d, a->end, "and") || sl_facts_is(d, a->end, "or")))
        return false;
    bool pa = sl_facts_is_place(d->s + a->start, a->stop - a->start) ||
              (a->end - a->first == 1 && sl_entities_demonym(d, a->first));
    bool pb = sl_facts_is_place(d->s + b->start, b->stop - b->start) ||
              (b->end - b->first == 1 && sl_entities_demonym(d, b->first));
    return pa != pb;
}

/* Whether token i is a nationality of the demonym table, its adjective or
 * singular noun ("Egyptian", "American"; not "Americans"). */
bool sl_entities_nationality(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    return sl_facts_demonym(w, n, d->word_hash[i]);
}

/* Whether token i is a plural noun of a country's people: "Americans",
 * "Israelis", "Britons" (the demonym table). */
bool sl_entities_people_of_country(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    bool plural;
    return sl_facts_demonym_country(w, n, &plural) && plural;
}

/* Whether token i holds a digit and a letter ("A320", "F-35"), or is a
 * model's number: up to four digits, no year ("Boeing 737"; not "London
 * 2012"), no score or range ("Lakers 102-98", "Lakers 102, Celtics 98"). */
bool sl_entities_model_number(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    bool digit = false, letter = false;
    for (size_t k = 0; k < n; k++) {
        digit |= w[k] >= '0' && w[k] <= '9';
        letter |= (w[k] | 0x20) >= 'a' && (w[k] | 0x20) <= 'z';
    }
    if (!digit)
        return false;
    if (letter)
        return true;
    if (!(d->toks.items[i].flags & SL_TOK_NUMBER) || n > 4 || strspn(w, "0123456789") < n)
        return false;
    long v = strtol(w, NULL, 10);
    bool year = n == 4 && v >= 1800 && v <= 2099;
    bool score = i + 2 < d->toks.n && (sl_facts_is(d, i + 1, "-") || sl_facts_is(d, i + 1, "–") ||
                                       sl_facts_is(d, i + 1, ",")) &&
                 ((d->toks.items[i + 2].flags & SL_TOK_NUMBER) ||
                  (sl_facts_upper(d, i + 2) && i + 3 < d->toks.n &&
                   (d->toks.items[i + 3].flags & SL_TOK_NUMBER)));
    return !year && !score;
}

/* Words before "May" or "Jan" that make it the month: "in May", "the end of May". */
static const char *const may_before[] = {"in", "of", "until", "till", "since", "by", "from",
    "through", "early", "late", "mid", "last", "next", "this", "before", "after", "during",
    NULL};

/* Whether the one-word name [name, end) is the month May, January ("Jan")
 * or March ("Mar"), which are also given names or words the finder cannot
 * drop as it does the other months ("Theresa May", "May said", "Jan said",
 * "Estadio do Mar"): after a word of time, before a day's number, a year or
 * a table's figure ("Feb 32.9, Mar 6.8"), or "Jan" with its dot ("Jan. 12"). */
bool sl_entities_month_name(const sl_facts_doc *d, size_t name, size_t end)
{
    size_t n;
    const char *w = sl_facts_tok(d, name, &n);
    if (end - name != 1 || n != 3 || (memcmp(w, "May", 3) && memcmp(w, "Jan", 3) && memcmp(w, "Mar", 3)))
        return false;
    const char *next = end < d->toks.n ? sl_facts_tok(d, end, &n) : "";
    return (name > 0 && sl_facts_in(d, name - 1, may_before) >= 0) ||
           (end < d->toks.n && next[0] >= '0' && next[0] <= '9') ||
           (w[0] == 'J' && end < d->toks.n && next[0] == '.' &&
            d->toks.items[end].start == d->toks.items[name].end);
}

bool sl_entities_org_word(const sl_facts_doc *d, size_t k)
{
    if (k >= d->toks.n)
        return false;
    size_t n, cut = sl_entities_possessive_len(d, k);
    const char *w = sl_facts_tok(d, k, &n);
    if (cut) {
        uint32_t hash = sl_facts_word_hash(w, n - cut);
        return sl_facts_list_find(sl_entity_org_words, w, n - cut, hash) >= 0 ||
               sl_known_firm_word(w, n - cut, hash);
    }
    return sl_facts_in(d, k, sl_entity_org_words) >= 0 || sl_known_firm_word(w, n, d->word_hash[k]);
}

bool sl_entities_call_sign(const sl_facts_doc *d, size_t first, size_t i)
{
    const sl_token *t = &d->toks.items[i];
    if (!(t->flags & SL_TOK_ALLCAPS) || t->end - t->start != 4 ||
        (d->s[t->start] != 'K' && d->s[t->start] != 'W'))
        return false;
    /* letters no word has ("WQRX", "WCVB"), else a town the gazetteer
     * knows before them ("Boston WABC"): "Imran KHAN", "Tom WOOD" are a
     * person's names with the surname in capitals */
    if (!memchr("AEIOUY", d->s[t->start + 1], 6) && !memchr("AEIOUY", d->s[t->start + 2], 6) &&
        !memchr("AEIOUY", d->s[t->start + 3], 6))
        return true;
    if (first >= i)
        return false;
    uint32_t a = d->toks.items[first].start, b = d->toks.items[i - 1].end;
    return sl_facts_is_place(d->s + a, b - a);
}

/* Time zones in capitals, no names: "at 1100 EST", "0100 GMT". */
static const char *const time_zones[] = {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
    "gmt", "utc", "bst", "cet", "cest", NULL};

bool sl_entities_word_no_name(const sl_facts_doc *d, size_t i)
{
    size_t n, cut = sl_entities_possessive_len(d, i);
    if (!cut)
        return false;
    /* "Corp's" cut from its firm by a line break: sl_entities_org_word takes it */
    const char *w = sl_facts_tok(d, i, &n);
    uint32_t hash = sl_facts_word_hash(w, n - cut);
    return sl_facts_list_find(sl_entity_not_names, w, n - cut, hash) >= 0 ||
           (sl_facts_list_find(sl_entity_short_months, w, n - cut, hash) >= 0 &&
            !(w[1] >= 'A' && w[1] <= 'Z')) || /* "Dec's", not "DEC's" */
           sl_facts_list_find(sl_known_legal_forms, w, n - cut, hash) >= 0;
}

bool sl_entities_not_name(const sl_facts_doc *d, size_t i)
{
    bool caps = d->toks.items[i].flags & SL_TOK_ALLCAPS;
    return sl_facts_in(d, i, sl_entity_not_names) >= 0 ||
           (sl_facts_in(d, i, sl_entity_short_months) >= 0 && !caps) ||
           (caps && sl_facts_in(d, i, time_zones) >= 0); /* "EST", "p.m. EDT May 2" */
}

/* Whether every word of tokens [a, b) is written in capitals. */
bool sl_entities_all_capitals(const sl_facts_doc *d, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++) {
        const sl_token *t = &d->toks.items[k];
        bool letter = t->end - t->start == 1 && sl_facts_upper(d, k) && !sl_facts_is(d, k + 1, ".");
        if ((t->flags & SL_TOK_WORD) && !(t->flags & SL_TOK_ALLCAPS) && !letter)
            return false; /* a capital alone is as much capitals as lower case: "A FIRE" */
    }
    return true;
}

/* Whether the word of token i stands elsewhere in the text after another
 * word of its sentence, capitalised as at i, other than right after the
 * word `before` (NULL: after any). */
static bool capitalised_within(const sl_facts_doc *d, size_t i, const char *before, size_t n_before)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    for (size_t k = 1; k < d->toks.n; k++) {
        size_t m, p;
        const char *v = sl_facts_tok(d, k, &m), *prev = sl_facts_tok(d, k - 1, &p);
        if (k != i && m == n && !memcmp(v, w, n) && d->sent_of[k - 1] == d->sent_of[k] &&
            (d->toks.items[k - 1].flags & SL_TOK_WORD) &&
            !(before && p == n_before && !memcmp(prev, before, p)))
            return true;
    }
    return false;
}

/* Whether the word of token i stands elsewhere in the text capitalised
 * with no capitalised word after it: a name of its own ("Corning said"
 * beside "Corning Glass Works"). */
static bool standing_alone(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    for (size_t k = 0; k + 1 < d->toks.n; k++) {
        size_t m;
        const char *v = sl_facts_tok(d, k, &m);
        const sl_token *next = &d->toks.items[k + 1];
        if (k != i && m == n && !memcmp(v, w, n) &&
            !((next->flags & SL_TOK_WORD) && (next->flags & (SL_TOK_UPPER | SL_TOK_ALLCAPS))))
            return true;
    }
    return false;
}

/* Texts whose sentences open with adverbs by the thousand would scan the
 * whole text for each: past this many openings a text's further ones keep
 * their word in the name, as they did before the test. */
#define ADVERB_SCANS 64

static bool adverb_test(sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    if (n < 7 || strncmp(w + n - 2, "ly", 2) || !(d->toks.items[i].flags & SL_TOK_UPPER) ||
        d->adverb_scans >= ADVERB_SCANS)
        return false;
    d->adverb_scans++;
    if (capitalised_within(d, i, NULL, 0) || standing_alone(d, i))
        return false; /* a name's word: "actress Beverly Ames", "Kimberly said" */
    /* where the name after it stands elsewhere without it ("producer
     * Laurence Mark" beside "Clearly Mark"): not "Internationally Recognised
     * Transit Corridor" */
    return i + 1 < d->toks.n && capitalised_within(d, i + 1, w, n);
}

bool sl_entities_adverb_opening(sl_facts_doc *d, size_t i)
{
    if (!(d->token_memo[i] & SL_MEMO_ADVERB_ASKED))
        d->token_memo[i] |= SL_MEMO_ADVERB_ASKED | (adverb_test(d, i) ? SL_MEMO_ADVERB : 0);
    return d->token_memo[i] & SL_MEMO_ADVERB;
}

/* A token written before a place word ("Tavel" of "Tavel River"), keyed
 * by its word hash: the doc's place_openers, sorted, made once a text. */
struct sl_place_opener { uint32_t hash, tok; };

/* The name as a reader writes it: a name run over a wrapped line's end
 * ("John\nTower", src/text/names.c) read with one space for each run of
 * blanks, in out[0, cap); returns s itself where it holds no line break. */
const char *sl_entities_as_read(const char *s, size_t *n, char *out, size_t cap)
{
    if (!memchr(s, '\n', *n))
        return s;
    size_t len = 0;
    for (size_t k = 0; k < *n && len + 1 < cap; k++) {
        bool blank = s[k] == ' ' || s[k] == '\n' || s[k] == '\r' || s[k] == '\t';
        if (!blank || !len || out[len - 1] != ' ')
            out[len++] = blank ? ' ' : s[k];
    }
    *n = len;
    return out;
}

size_t sl_entities_title_cased(const char *s, size_t n, char *out)
{
    for (size_t k = 0; k < n; k++) {
        bool opens = k == 0 || s[k - 1] == ' ' || s[k - 1] == '-';
        out[k] = (char)(!opens && s[k] >= 'A' && s[k] <= 'Z' ? s[k] | 0x20 : s[k]);
    }
    out[n] = '\0';
    return n;
}

char *sl_entities_dup_as_read(sl_facts_doc *d, const char *s, size_t n)
{
    char *c = sl_facts_strdup(d, s, n);
    size_t len = n;
    if (c && sl_entities_as_read(s, &len, c, n + 1) == c)
        c[len] = '\0'; /* "Chancellor\nof the Exchequer" is "Chancellor of the Exchequer" */
    return c;
}

static int opener_order(const void *a, const void *b)
{
    const struct sl_place_opener *x = a, *y = b;
    return x->hash != y->hash ? (x->hash < y->hash ? -1 : 1) : (x->tok > y->tok) - (x->tok < y->tok);
}

int sl_entities_find_place_openers(sl_facts_doc *d, const char *const *place_words)
{
    struct sl_place_opener *o = NULL;
    size_t n = 0;
    for (size_t k = 0; k + 1 < d->toks.n; k++) {
        if (sl_facts_in(d, k + 1, place_words) < 0)
            continue;
        if (!o && !(o = sl_malloc((d->toks.n - 1) * sizeof *o)))
            return SL_ENOMEM;
        o[n++] = (struct sl_place_opener){d->word_hash[k], (uint32_t)k};
    }
    if (n)
        qsort(o, n, sizeof *o, opener_order);
    d->place_openers = o;
    d->n_place_openers = n;
    return 0;
}

bool sl_entities_opens_a_place(const sl_facts_doc *d, size_t w)
{
    size_t n, m, lo = 0, hi = d->n_place_openers;
    const char *word = sl_facts_tok(d, w, &n);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->place_openers[mid].hash < d->word_hash[w])
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < d->n_place_openers && d->place_openers[lo].hash == d->word_hash[w]; lo++) {
        size_t k = d->place_openers[lo].tok;
        const char *other = sl_facts_tok(d, k, &m);
        if (k != w && m == n && !memcmp(other, word, n))
            return true;
    }
    return false;
}

void sl_entities_free_place_openers(sl_facts_doc *d)
{
    free(d->place_openers);
    d->place_openers = NULL;
    d->n_place_openers = 0;
}

static bool particle(const sl_facts_doc *d, size_t i)
{
    return sl_facts_is(d, i, "de") || sl_facts_is(d, i, "al") || sl_facts_is(d, i, "bin") ||
           sl_facts_is(d, i, "van") || sl_facts_is(d, i, "von");
}

bool sl_entities_connector(const sl_facts_doc *d, size_t i)
{
    return sl_facts_is(d, i, "of") || sl_facts_is(d, i, "for") || sl_facts_is(d, i, "and") ||
           particle(d, i);
}

bool sl_entities_particle_opens(const sl_facts_doc *d, size_t i, size_t end)
{
    return i + 1 < end && particle(d, i) && (d->toks.items[i + 1].flags & SL_TOK_WORD) &&
           (d->toks.items[i + 1].flags & (SL_TOK_UPPER | SL_TOK_ALLCAPS));
}

bool sl_entities_courtesy_before(const sl_facts_doc *d, size_t i)
{
    size_t k = i > 0 && sl_facts_is(d, i - 1, ".") ? i - 1 : i;
    return k > 0 && (sl_facts_is(d, k - 1, "mr") || sl_facts_is(d, k - 1, "mrs") ||
                     sl_facts_is(d, k - 1, "ms") || sl_facts_is(d, k - 1, "sr") ||
                     sl_facts_is(d, k - 1, "sra"));
}

bool sl_entities_short_form_as_word(const sl_facts_doc *d, const sl_name *nm, size_t name,
                                    const char *fold)
{
    return name == nm->first && nm->fold_len <= 3 &&
           !(d->toks.items[name].flags & SL_TOK_ALLCAPS) &&
           sl_name_alias(fold + nm->fold, nm->fold_len) != NULL;
}
