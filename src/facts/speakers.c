/* speakers.c — whom a quote's speaker mention names when it is no name
 * ("he", "she", "the candidate"): the persons named before the quote are
 * the candidates, and a linear model over their features (how recent, how
 * often named, the pronoun's gender, the last quote's speaker, ...) picks
 * one. The weights are fitted on PolNeAR train by eval/fit_speakers.py and
 * reported on dev (docs/facts.md, "Quotes"). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts/facts.h"
#include "util/alloc.h"

/* Distinct persons looked at, most recent first: in PolNeAR train the
 * person a pronoun names is among the last 8 named in 97% of the quotes
 * where it is named before at all. */
#define CANDIDATES_MAX 8
/* Distinct persons gathered before the most recent are kept (bounds the work
 * per quote). */
#define PERSONS_MAX 64

enum { F_RANK0, F_RANK1, F_FAR, F_IN_QUOTE, F_LAST_SPEAKER, F_GENDER, F_OTHER_GENDER,
       F_SUBJECT, F_COUNT, F_SAME_PARA, F_ROLE, F_SAME_SENTENCE, F_PREV_SENTENCE, F_SPOKE,
       F_SENTENCES, F_POSSESSIVE, F_OBJECT, F_TITLED, F_ANCHOR, F_OTHER_ROLE, F_N };
_Static_assert(F_N == SL_SPEAKERS_FEATURES, "facts.h counts the chooser's features");

/* Fitted by eval/fit_speakers.py on PolNeAR train (conditional logit over
 * the candidates of each quote); its output, pasted (`/usr/bin/python3
 * eval/fit_speakers.py --data ../shared/datasets/quotes/polnear`), one model
 * for pronouns ("he", "she") and one for roles ("the minister", "the
 * candidate"). Pronouns, fitted on the plain texts (main's weights, kept):
 * the top candidate is right for 0.757 of the train quotes and 0.846 of dev,
 * and for 0.758 of each outlet's quotes (pronouns and roles) when both
 * models are fitted without that outlet (eval/facts_quotes_outlets.py);
 * before a pronoun before a name made it no
 * subject 0.737, 0.817 and 0.732; before
 * the last three features (sentences
 * between, possessive, object of a preposition) 0.701, 0.771 and 0.707; the most recent
 * person, the rule this replaced: 0.539 and 0.514; the right person is
 * among the candidates for 0.910 of train. In order: most recent, second
 * most recent, log distance, named inside a quote, the previous quote's
 * speaker, gender agrees, gender disagrees, a sentence's subject, log
 * mentions, same paragraph, has a role, same sentence, named in the sentence
 * before the mention's or the quote's, the speaker of an earlier quote, log
 * sentences between it and the mention, a possessive ("Reyes's office"),
 * after a preposition ("a letter to Reyes"); and for roles only
 * (role_ties.c), a title or role ending in the role's word ("Sen." for
 * "the senator"), named last before the role's first use, named last before
 * another role's first use. */
static const double pronoun_weights[F_N] = {
    0.952, 0.813, -0.558, -0.331, 1.179, 0.512, -0.221, 1.590, -0.281, 0.470, 0.024, 0.038, 0.927,
    0.280, -1.869, -0.861, -1.093, 0, 0, 0,
};
/* Roles, fitted on the role mentions of the plain texts and of the same
 * texts in the roles style of eval/facts_quotes_styles.py (a quoted
 * person's later mentions as "the minister", "the senator"), the script's
 * output as printed: figures in docs/facts.md, "Role speakers"; refitted on
 * branch quotes8 (a title in apposition ties its person), pasted until the
 * script gave them back ("Speakers, eighth quotes round"); refitted in the
 * thirty-second round (roles qualified by capitalised words, "the Florida
 * senator", are role mentions; a description is no gold name), pasted once:
 * the next fit moved no weight by more than 0.03. */
static const double role_weights[F_N] = {
    -0.179, 0.150, 0.176, -0.496, 0.384, 0.000, 0.000, 0.981, -0.963, 0.499, -0.206, -0.083, 0.633,
    -0.028, -0.668, -0.515, -1.094, 1.238, 0.716, -0.421,
};

static const char *const he[] = {"he", "him", "his", "himself", NULL};
static const char *const she[] = {"she", "her", "hers", "herself", NULL};
/* Words that tell a person's gender where they stand before the name. */
static const char *const male_words[] = {"mr", "mr.", "spokesman", "congressman", "chairman",
    "businessman", "husband", "father", "son", "brother", "king", "prince", "sir", "lord",
    "uncle", "grandfather", "boyfriend", NULL};
static const char *const female_words[] = {"mrs", "mrs.", "ms", "ms.", "spokeswoman",
    "congresswoman", "chairwoman", "businesswoman", "wife", "mother", "daughter", "sister",
    "queen", "princess", "dame", "lady", "actress", "aunt", "grandmother", "girlfriend", NULL};
/* Nouns for a person a definite phrase may name: "the candidate said". */
static const char *const person_nouns[] = {"candidate", "nominee", "businessman",
    "businesswoman", "billionaire", "mogul", "host", "congressman", "congresswoman",
    "frontrunner", "front-runner", "contender", "challenger", "incumbent", "lawmaker",
    "politician", "democrat", "republican", "hopeful", "moderator", "anchor", NULL};

/* Words before a mention that make it an object, not who acts: "told
 * Smith", "a letter to Smith", "with Smith". */
static const char *const object_words[] = {"to", "by", "with", "for", "of", "against", "about",
    "from", "at", "on", "than", "toward", "towards", "like", "unlike", "over", NULL};

/* Per document: each entity item's gender vote (+1 male, -1 female, 0 none),
 * and where the paragraphs start. */
struct sl_speakers {
    signed char *gender;       /* per item of d->out at the time of sl_speakers_new */
    size_t n_items;
    uint32_t *paras;           /* byte offsets of paragraph starts, ascending */
    size_t n_paras;
};

static bool person(const sl_fact_item *it)
{
    return it->kind == SL_FACT_ENTITY && it->detail && !strcmp(it->detail, "person") && it->about;
}

/* A pronoun right after a closing quotation mark (""...," she said"): the
 * speaker of that quote, whom the chooser is to find, not evidence of the
 * gender of the person named before it. */
static bool attribution_pronoun(const sl_facts_doc *d, size_t j)
{
    static const char *const marks[] = {"\"", "\u201d", "''", "\u201c", "\u00bb", "\u2019", "'",
                                        NULL};
    return j > 0 && (sl_facts_in(d, j - 1, marks) >= 0 ||
                     (j > 1 && sl_facts_is(d, j - 1, ",") && sl_facts_in(d, j - 2, marks) >= 0));
}

/* 1 when token j is a pronoun of `he`, -1 of `she`, else 0; the words of
 * both lists open with "h" or "s", which rules out most tokens first. */
static inline signed char pronoun_gender(const sl_facts_doc *d, size_t j)
{
    if (!sl_facts_starts_in(d, j, SL_FACTS_LETTER('h') | SL_FACTS_LETTER('s')))
        return 0;
    return sl_facts_in(d, j, he) >= 0 ? 1 : sl_facts_in(d, j, she) >= 0 ? -1 : 0;
}

/* The gender an entity mention shows: a gendered word right before it, else
 * the first personal pronoun after it in its sentence or the next, before
 * any other person is named. (A list of given names was tried: train
 * 0.757 -> 0.759, dev 0.844 unchanged; dropped, docs/facts.md.) */
static signed char gender_of(const sl_facts_doc *d, size_t k)
{
    const sl_fact_item *it = &d->out->items[k];
    size_t i = sl_facts_token_at(d, it->span.start);
    for (size_t j = i; j-- > 0 && i - j <= 2;) {
        if (sl_facts_in(d, j, male_words) >= 0)
            return 1;
        if (sl_facts_in(d, j, female_words) >= 0)
            return -1;
    }
    uint32_t next_person = UINT32_MAX;
    for (size_t m = k + 1; m < d->out->n; m++)
        if (person(&d->out->items[m]) && d->out->items[m].span.start >= it->span.end) {
            next_person = d->out->items[m].span.start;
            break;
        }
    size_t s = i < d->toks.n ? d->sent_of[i] : 0;
    for (size_t j = sl_facts_token_at(d, it->span.end); j < d->toks.n && d->sent_of[j] <= s + 1 &&
                                                d->toks.items[j].start < next_person; j++) {
        signed char g = pronoun_gender(d, j);
        if (g && !attribution_pronoun(d, j))
            return g;
    }
    return 0;
}

/* The first i >= from where "\n\n" starts, d->len when none (memchr: the
 * text is long and its line breaks are few). */
static size_t next_break(const sl_facts_doc *d, size_t from)
{
    for (size_t i = from; i + 1 < d->len;) {
        const char *nl = memchr(d->s + i, '\n', d->len - 1 - i);
        if (!nl)
            break;
        i = (size_t)(nl - d->s);
        if (d->s[i + 1] == '\n')
            return i;
        i++;
    }
    return d->len;
}

sl_speakers *sl_speakers_new(const sl_facts_doc *d)
{
    sl_speakers *sp = sl_calloc(1, sizeof *sp);
    if (!sp)
        return NULL;
    sp->n_items = d->out->n;
    size_t breaks = 1;
    for (size_t i = 0; (i = next_break(d, i)) < d->len; i++)
        breaks++;
    sp->gender = sl_calloc(sp->n_items + 1, 1);
    sp->paras = sl_malloc(breaks * sizeof *sp->paras);
    if (!sp->gender || !sp->paras) {
        sl_speakers_free(sp);
        return NULL;
    }
    sp->paras[sp->n_paras++] = 0;
    for (size_t i = 0; (i = next_break(d, i)) < d->len; i++)
        sp->paras[sp->n_paras++] = (uint32_t)i + 2;
    for (size_t k = 0; k < sp->n_items; k++)
        if (person(&d->out->items[k]))
            sp->gender[k] = gender_of(d, k);
    return sp;
}

void sl_speakers_free(sl_speakers *sp)
{
    if (!sp)
        return;
    free(sp->gender);
    free(sp->paras);
    free(sp);
}

static size_t para_of(const sl_speakers *sp, uint32_t at)
{
    size_t lo = 0, hi = sp->n_paras;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (sp->paras[mid] <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether byte offset `at` lies inside a quote item, or in [qa, qb). */
static bool quoted(const sl_facts_doc *d, uint32_t at, uint32_t qa, uint32_t qb)
{
    if (at >= qa && at < qb)
        return true;
    for (size_t k = 0; k < d->out->n; k++) {
        const sl_fact_item *it = &d->out->items[k];
        if (it->kind == SL_FACT_QUOTE && at >= it->span.start && at < it->span.end)
            return true;
    }
    return false;
}

static const char *const subject_pronouns[] = {"he", "she", "they", "i", "we", NULL};

/* A mention the sentence is about: its sentence's first person (no personal
 * pronoun before it), or right before a verb of saying. */
static bool subject(const sl_facts_doc *d, size_t k)
{
    const sl_fact_item *it = &d->out->items[k];
    for (size_t m = k; m-- > 0;) {
        const sl_fact_item *o = &d->out->items[m];
        if (o->span.start < it->sentence.start)
            break;
        if (person(o))
            goto verb;
    }
    /* "He said that Reyes's office ...": the pronoun before it is the subject */
    size_t at = sl_facts_token_at(d, it->span.start);
    for (size_t j = sl_facts_token_at(d, it->sentence.start); j < at; j++)
        if (sl_facts_in(d, j, subject_pronouns) >= 0)
            goto verb;
    return true;
verb:;
    size_t j = sl_facts_token_at(d, it->span.end);
    return sl_facts_is(d, j, "said") || sl_facts_is(d, j, "says") || sl_facts_is(d, j, "told");
}

/* Whether a mention is a possessive ("Trump's plan"): the entity's span
 * leaves the "'s" out. */
static bool possessive(const sl_facts_doc *d, const sl_fact_item *it)
{
    const char *e = d->s + it->span.end;
    size_t left = d->len - it->span.end;
    return (left >= 2 && !strncmp(e, "'s", 2)) || (left >= 4 && !strncmp(e, "\xE2\x80\x99s", 4));
}

/* Whether a mention is the object of a preposition ("a letter to Reyes").
 * Skipping a title before the name ("by Governor Tom Reyes") was tried:
 * train 0.728 -> 0.730, dev 0.817 -> 0.807, dropped. */
static bool object(const sl_facts_doc *d, const sl_fact_item *it)
{
    size_t i = sl_facts_token_at(d, it->span.start);
    return i > 0 && sl_facts_in(d, i - 1, object_words) >= 0;
}

typedef struct candidate {
    long item;                 /* its last mention before the speaker mention */
    int count;                 /* its mentions before */
    int gender;                /* sum of its mentions' gender votes */
} candidate;

static int by_recency(const void *a, const void *b, void *items)
{
    const sl_fact_item *it = items;
    uint32_t x = it[((const candidate *)a)->item].span.start;
    uint32_t y = it[((const candidate *)b)->item].span.start;
    return x < y ? 1 : x > y ? -1 : 0;
}

/* The candidates, most recent first (by their last mention); returns how
 * many, at most CANDIDATES_MAX. */
static size_t gather(const sl_facts_doc *d, const sl_speakers *sp, uint32_t before,
                     candidate *c, size_t cap)
{
    size_t n = 0;
    for (size_t k = 0; k < sp->n_items; k++) {
        const sl_fact_item *it = &d->out->items[k];
        if (!person(it) || it->span.start >= before)
            continue;
        size_t j = 0;
        while (j < n && strcmp(d->out->items[c[j].item].about, it->about))
            j++;
        if (j == n) {
            if (n == cap)
                continue;
            c[n++] = (candidate){(long)k, 0, 0};
        }
        if (it->span.start > d->out->items[c[j].item].span.start)
            c[j].item = (long)k;
        c[j].count++;
        c[j].gender += sp->gender[k];
    }
    qsort_r(c, n, sizeof *c, by_recency, d->out->items);
    return n;
}

/* Whether the person named `about` is the speaker of a quote before `qa`. */
static bool spoke(const sl_facts_doc *d, const char *about, uint32_t qa)
{
    for (size_t k = 0; k < d->out->n; k++) {
        const sl_fact_item *it = &d->out->items[k];
        if (it->kind == SL_FACT_QUOTE && it->span.start < qa && it->about &&
            !strcmp(it->about, about))
            return true;
    }
    return false;
}

/* The features of candidate c for the speaker mention at tokens
 * [first, end) of a quote at [qa, qb). */
static void features(const sl_facts_doc *d, const sl_speakers *sp, const candidate *c,
                     size_t rank, size_t first, const sl_role_ties *ties, uint32_t qa,
                     uint32_t qb, const char *last_speaker, double *f)
{
    const sl_fact_item *it = &d->out->items[c->item];
    uint32_t at = d->toks.items[first].start;
    int want = pronoun_gender(d, first);
    memset(f, 0, F_N * sizeof *f);
    f[F_RANK0] = rank == 0;
    f[F_RANK1] = rank == 1;
    f[F_FAR] = log1p(at > it->span.end ? at - it->span.end : 0) / 10.0;
    f[F_IN_QUOTE] = quoted(d, it->span.start, qa, qb);
    f[F_LAST_SPEAKER] = last_speaker && !strcmp(last_speaker, it->about);
    f[F_GENDER] = want * c->gender > 0;
    f[F_OTHER_GENDER] = want * c->gender < 0;
    f[F_SUBJECT] = subject(d, (size_t)c->item);
    f[F_COUNT] = log1p(c->count) / 3.0;
    f[F_SAME_PARA] = para_of(sp, it->span.start) == para_of(sp, at);
    f[F_ROLE] = !want && it->role != NULL;
    f[F_SAME_SENTENCE] = it->sentence.start <= at && at < it->sentence.end;
    size_t s_at = d->sent_of[first], s_it = d->sent_of[sl_facts_token_at(d, it->span.start)];
    size_t s_q = d->sent_of[sl_facts_token_at(d, qa)];
    f[F_PREV_SENTENCE] = s_it + 1 == s_at || s_it + 1 == s_q;
    f[F_SPOKE] = spoke(d, it->about, qa);
    f[F_SENTENCES] = log1p((double)(s_at > s_it ? s_at - s_it : 0)) / 3.0;
    f[F_POSSESSIVE] = possessive(d, it);
    f[F_OBJECT] = object(d, it);
    f[F_TITLED] = sl_role_ties_titled(d, ties, it->about);
    f[F_ANCHOR] = ties->anchor && !strcmp(ties->anchor, it->about);
    f[F_OTHER_ROLE] = sl_role_ties_other(ties, it->about);
}

bool sl_speakers_resolvable(const sl_facts_doc *d, size_t first, size_t end)
{
    if (end == first + 1)
        return sl_facts_is(d, first, "he") || sl_facts_is(d, first, "she");
    if (!sl_facts_is(d, first, "the") || end - first > 5 || sl_facts_upper(d, end - 1))
        return false;
    /* the words before the role may be a place's or a party's ("the Florida
     * senator", "the Republican nominee"): the role is still a person's */
    for (size_t i = first + 1; i < end; i++)
        if (!(d->toks.items[i].flags & SL_TOK_WORD))
            return false;
    size_t n;
    const char *w = sl_facts_tok(d, end - 1, &n);
    return sl_facts_role_word(w, n) || sl_facts_in(d, end - 1, person_nouns) >= 0;
}

/* Words for someone on a body's staff: "the Velmar Times reporter" works
 * for the paper and speaks for it, and is none of the persons named. */
static const char *const staff_words[] = {"reporter", "correspondent", "columnist", "editor",
    "writer", "spokesman", "spokeswoman", "spokesperson", "official", "employee", "staffer",
    "aide", "analyst", "economist", "researcher", "lawyer", "attorney", NULL};

/* Whether an organisation's name qualifies a staff word ending [first,
 * end): the speaker is someone else's employee ("the Velmar Times
 * reporter"). (Any role so qualified, "the Senate minority leader", lost
 * right answers on train.) */
static bool organisation_staff(const sl_facts_doc *d, size_t first, size_t end)
{
    if (sl_facts_in(d, end - 1, staff_words) < 0)
        return false;
    uint32_t a = d->toks.items[first].end, b = d->toks.items[end - 1].start;
    for (size_t k = 0; k < d->out->n; k++) {
        const sl_fact_item *it = &d->out->items[k];
        if (it->kind == SL_FACT_ENTITY && it->span.start >= a && it->span.end <= b &&
            it->detail && !strcmp(it->detail, "organization"))
            return true;
    }
    return false;
}

/* Of the candidates c[0, n), the one the description [first, end) was
 * given to before ("Ana Ruiz, the Labour Party leader,"), else -1; and
 * in `fit` how each fits the role (sl_role_ties_fit), returning the best. */
static long described_candidate(const sl_facts_doc *d, const candidate *c, size_t n,
                                size_t first, size_t end, const sl_role_ties *ties, int *fit,
                                int *best_fit)
{
    const char *who = sl_role_ties_described(d, first, end);
    *best_fit = -1;
    for (size_t r = 0; r < n; r++) {
        const char *about = d->out->items[c[r].item].about;
        if (who && !strcmp(who, about))
            return c[r].item;
        fit[r] = r < CANDIDATES_MAX ? sl_role_ties_fit(d, ties, first, about) : -2;
        if (fit[r] > *best_fit)
            *best_fit = fit[r];
    }
    return -1;
}

long sl_speakers_choose(const sl_facts_doc *d, const sl_speakers *sp, size_t first, size_t end,
                        uint32_t qa, uint32_t qb, const char *last_speaker)
{
    candidate c[PERSONS_MAX];
    int fit[PERSONS_MAX] = {0}, best_fit = 0;
    uint32_t at = d->toks.items[first].start;
    size_t n = gather(d, sp, at < qa ? at : qa, c, PERSONS_MAX);
    long best = -1;
    double best_score = -INFINITY, f[F_N];
    sl_role_ties ties;
    sl_role_ties_find(d, first, end, &ties);
    /* a description ("the Kansas senator") is the person it was given to
     * before, else one whose role names no other place ("Texas Sen."); an
     * organisation's staff no one was described as is none of them. */
    if (ties.head != SIZE_MAX && sl_role_ties_qualified(d, first, end)) {
        long who = described_candidate(d, c, n, first, end, &ties, fit, &best_fit);
        if (who >= 0)
            return who;
        if (best_fit < 0 || organisation_staff(d, first, end))
            return -1;
    }
    if (n > CANDIDATES_MAX)
        n = CANDIDATES_MAX;
    const double *fitted = ties.head == SIZE_MAX
                               ? (d->pronoun_weights ? d->pronoun_weights : pronoun_weights)
                               : (d->role_weights ? d->role_weights : role_weights);
    for (size_t r = 0; r < n; r++) {
        features(d, sp, &c[r], r, first, &ties, qa, qb, last_speaker, f);
        double score = 0;
        for (int k = 0; k < F_N; k++)
            score += fitted[k] * f[k];
        if (d->speaker_trace) {
            fprintf(d->speaker_trace, "%u\t%u\t%s\t", qa, qb,
                    ties.head == SIZE_MAX ? "pronoun" : "role");
            for (const char *w = d->out->items[c[r].item].about; *w; w++)
                fputc(*w == '\n' || *w == '\t' ? ' ' : *w, d->speaker_trace);
            for (int k = 0; k < F_N; k++)
                fprintf(d->speaker_trace, "\t%g", f[k]);
            fputc('\n', d->speaker_trace);
        }
        if (score > best_score && fit[r] == best_fit) {
            best_score = score;
            best = c[r].item;
        }
    }
    return best;
}
