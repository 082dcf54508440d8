/* quotes.c — direct quotes with their speaker and cue verb: for each quoted
 * stretch of marks.c, the attribution attribution.c finds, the speaker it
 * names (pronouns resolved by the speaker chooser, a spokesperson's
 * principal), quotes running over paragraphs or split by their
 * attribution joined, and scare quotes and titles left out. */
#include <stdlib.h>
#include <string.h>

#include "facts/attribution.h"
#include "facts/entity_cues.h"
#include "util/alloc.h"

/* Fewest words for a quote without attribution (shorter: a scare quote). */
#define UNATTRIBUTED_MIN_WORDS 6
/* Most bytes between a quote and an unattributed quote in the next paragraph
 * taken to continue it (its attribution and the paragraph break fit in it),
 * and taken to have at least its speaker. Tuned on PolNeAR train. */
#define MERGE_GAP 60
#define SPEAKER_GAP 200
/* A quote merged from pieces stops growing here: the longest real quotes run
 * a few paragraphs (under 4 KB), and without a bound 8,000 quoted fragments
 * in one paragraph became one quote copied (and measured) 8,000 times. */
#define QUOTE_TEXT_MAX 8192

/* The role stated with any mention of the person named `name`, or NULL. */
static const char *role_of(const sl_facts_doc *d, const char *name)
{
    for (size_t k = 0; name && k < d->out->n; k++) {
        const sl_fact_item *it = &d->out->items[k];
        if (it->kind == SL_FACT_ENTITY && it->role && it->about && !strcmp(it->about, name))
            return it->role;
    }
    return NULL;
}

/* The entity item inside the speaker span, or -1: its first person where
 * the span names one beside a body ("Kestrel Tool Co economist Ada Marr",
 * "Ada Marr of Kestrel Tool Co"), else its first entity. */
static long entity_in(const sl_facts_doc *d, uint32_t a, uint32_t b)
{
    long first = -1;
    for (size_t k = 0; k < d->out->n; k++) {
        const sl_fact_item *it = &d->out->items[k];
        if (it->kind != SL_FACT_ENTITY || it->span.start < a || it->span.end > b)
            continue;
        if (it->detail && !strcmp(it->detail, "person"))
            return (long)k;
        if (first < 0)
            first = (long)k;
    }
    return first;
}

static size_t words_in(const sl_facts_doc *d, uint32_t a, uint32_t b, size_t *upper)
{
    size_t n = 0;
    *upper = 0;
    for (size_t i = sl_facts_token_at(d, a); i < d->toks.n && d->toks.items[i].end <= b; i++)
        if (d->toks.items[i].flags & SL_TOK_WORD) {
            n++;
            *upper += (d->toks.items[i].flags & SL_TOK_UPPER) != 0;
        }
    return n;
}

/* Trims a speaker phrase of the adverbs and auxiliaries at its end ("Mills
 * then", "He also") and of the conjunctions, prepositions and dashes at its
 * start ("But Ms. Capito", "- and", "On Friday"), and of a closing
 * parenthesis. False when nothing is left. */
static bool trim_speaker(const sl_facts_doc *d, sl_attribution *a)
{
    while (a->sp_end > a->sp_first && sl_attr_trailer(d, a->sp_end - 1))
        a->sp_end--;
    while (a->sp_first < a->sp_end &&
           (sl_attr_punct(d, a->sp_first) || sl_attr_np_stop(d, a->sp_first)))
        a->sp_first++;
    /* "Harry M. Reid (D-Nev.)": the party and state are no part of the name */
    if (a->sp_end - a->sp_first > 2 && sl_facts_is(d, a->sp_end - 1, ")"))
        for (size_t k = a->sp_end - 1; k-- > a->sp_first + 1;)
            if (sl_facts_is(d, k, "(")) {
                a->sp_end = k;
                break;
            }
    return a->sp_first < a->sp_end;
}

/* The person an apposition right after a speaker phrase that is no name
 * names ("the assailant, John McGraw, told"; "Her spokesman, Nick Merrill,
 * said"; "Alder's spokesman, John Roe, said"; "Velmar's port minister, Ana
 * Ruiz, said"; "The mediator, commission chair Ana Ruiz, called"): the
 * phrase is a determiner or a name's possessive and
 * lower-case words, or holds a spokesperson's word, a comma follows
 * it, then a person's name and a comma, a cue or the clause's end (`spokes`:
 * the phrase holds a spokesperson's word). -1 when there is none. */
static long apposition_person(const sl_facts_doc *d, const sl_attribution *a, bool spokes)
{
    if (a->sp_end - a->sp_first < 2 || !sl_facts_is(d, a->sp_end, ","))
        return -1;
    if (!spokes && !sl_attr_np_start(d, a->sp_first) &&
        !sl_entities_possessive_opening(d, a->sp_first, a->sp_end))
        return -1;
    /* capitalised words may qualify the description ("the White House press
     * secretary, Josh Earnest,"), but it ends in a lower-case word */
    for (size_t i = a->sp_first + 1; i < a->sp_end && !spokes; i++)
        if ((i + 1 == a->sp_end && sl_facts_upper(d, i)) ||
            !(d->toks.items[i].flags & SL_TOK_WORD))
            return -1;
    size_t name = sl_entities_title_words(d, a->sp_end + 1);
    uint32_t at = name < d->toks.n ? d->toks.items[name].start : UINT32_MAX;
    for (size_t k = 0; k < d->out->n; k++) {
        const sl_fact_item *it = &d->out->items[k];
        if (it->kind != SL_FACT_ENTITY || it->span.start != at || !it->detail ||
            strcmp(it->detail, "person") || !it->about ||
            (name > a->sp_end + 1 && !sl_entities_titled_by(d, it, name - 1)))
            continue;
        size_t after = sl_facts_token_at(d, it->span.end);
        return after >= d->toks.n || sl_attr_punct(d, after) || sl_attr_is_cue(d, after) ? (long)k : -1;
    }
    return -1;
}

/* The spokesperson of the apposition beside a speaker's name ("Jane Roe, a
 * spokeswoman for Velmar Port, said"; "A spokeswoman for Velmar Port, Jane
 * Roe, said"): its phrase up to the next comma, cue or clause end, within
 * the window of an attribution. */
static void spokes_beside(const sl_facts_doc *d, const sl_attribution *a, sl_spokes *out)
{
    out->word = SIZE_MAX;
    size_t c = a->sp_end + 1;
    while (c < d->toks.n && c < a->sp_end + SL_ATTRIBUTION_WINDOW && !sl_facts_is(d, c, ",") &&
           !sl_attr_is_cue(d, c) && !sl_attr_clause_end(d, c))
        c++;
    if (sl_facts_is(d, a->sp_end, ",") && c > a->sp_end + 1 && c < d->toks.n)
        sl_spokes_find(d, a->sp_end + 1, c, out);
    if (out->word != SIZE_MAX || a->sp_first < 2 || !sl_facts_is(d, a->sp_first - 1, ","))
        return;
    c = a->sp_first - 1;
    while (c > 0 && a->sp_first - c < SL_ATTRIBUTION_WINDOW && !sl_facts_is(d, c - 1, ",") &&
           !sl_attr_clause_end(d, c - 1) && d->sent_of[c - 1] == d->sent_of[a->sp_first])
        c--;
    sl_spokes_find(d, c, a->sp_first - 1, out);
}

/* Fills the item's speaker from an attribution; false when it has none. A
 * mention that is no name ("he", "the candidate") names the person the
 * speaker chooser picks (speakers.c), `last` being the previous quote. A
 * spokesperson speaks for someone ("Alder's spokesman", "Jane Roe, a
 * spokeswoman for Velmar Port"): the quote is theirs, by name where the
 * text gives one, and its role says for whom (spokespersons.c). */
static bool set_speaker(sl_facts_doc *d, const sl_speakers *sp, sl_attribution *a,
                        const sl_fact_item *last, sl_fact_item *it)
{
    if (a->cue == SIZE_MAX || a->sp_first >= a->sp_end || !trim_speaker(d, a))
        return false;
    uint32_t sa = d->toks.items[a->sp_first].start, sb = d->toks.items[a->sp_end - 1].end;
    it->source = (sl_span){sa, sb};
    size_t cn;
    const char *cue = sl_facts_tok(d, a->cue, &cn);
    it->detail = sl_facts_strdup(d, cue, cn);
    sl_spokes spokes;
    sl_spokes_find(d, a->sp_first, a->sp_end, &spokes);
    bool within = spokes.word != SIZE_MAX; /* the phrase is the spokesperson */
    long e = apposition_person(d, a, within); /* a description the apposition names */
    if (!within)
        spokes_beside(d, a, &spokes);
    else if (spokes.body >= 0 && e < 0)
        e = spokes.named;
    bool spoken_for = spokes.word != SIZE_MAX && spokes.body >= 0;
    if (spoken_for && within && e < 0) {
        it->about = sl_spokes_speaker(d, &spokes);
        it->role = sl_spokes_role(d, &spokes);
        return true;
    }
    if (e < 0 && sl_speakers_resolvable(d, a->sp_first, a->sp_end))
        e = sl_speakers_choose(d, sp, a->sp_first, a->sp_end, it->span.start, it->span.end,
                               last ? last->about : NULL);
    else if (e < 0 && !(a->sp_end - a->sp_first == 1 && sl_attr_pronoun(d, a->sp_first)))
        e = entity_in(d, sa, sb);
    if (e >= 0) {
        const sl_fact_item *en = &d->out->items[e];
        it->about = sl_facts_strdup(d, en->about, strlen(en->about));
        const char *role = role_of(d, en->about);
        if (spoken_for)
            it->role = sl_spokes_role(d, &spokes);
        else if (role)
            it->role = sl_facts_strdup(d, role, strlen(role));
    } else {
        it->about = sl_facts_strdup(d, d->s + sa, sb - sa);
    }
    return true;
}

/* A title or scare quote: short, or every word capitalised. */
static bool scare_or_title(size_t words, size_t upper, bool attributed)
{
    return (words >= 2 && upper == words && words <= 8) ||
           (attributed ? words < 2 : words < UNATTRIBUTED_MIN_WORDS);
}

static void copy_speaker(sl_facts_doc *d, const sl_fact_item *from, sl_fact_item *to)
{
    to->source = from->source;
    if (from->about)
        to->about = sl_facts_strdup(d, from->about, strlen(from->about));
    if (from->detail)
        to->detail = sl_facts_strdup(d, from->detail, strlen(from->detail));
    if (from->role)
        to->role = sl_facts_strdup(d, from->role, strlen(from->role));
}

/* Gives quote `it` the speaker of attribution `a` in place of the one it
 * had (none, or one copied from the quote before); false, and it keeps
 * that one, when `a` names none. */
static bool resay(sl_facts_doc *d, const sl_speakers *sp, sl_attribution *a, const sl_fact_item *last,
                  sl_fact_item *it)
{
    sl_fact_item said = *it;
    said.about = said.detail = said.role = NULL;
    if (!set_speaker(d, sp, a, last, &said))
        return false;
    free(it->about);
    free(it->detail);
    free(it->role);
    it->source = said.source;
    it->about = said.about;
    it->detail = said.detail;
    it->role = said.role;
    return true;
}

/* Paragraph breaks in s[a, b). */
static int paragraphs_between(const sl_facts_doc *d, uint32_t a, uint32_t b)
{
    int n = 0;
    for (uint32_t i = a; i + 1 < b; i++)
        n += d->s[i] == '\n' && d->s[i + 1] == '\n';
    return n;
}

/* Extends quote item `k`, whose text is `old` bytes long, over the next half
 * [start, end) of the same quote ("A," she said. "B."): the span covers
 * both, the text joins the quoted words with " … "; returns its length. */
static size_t extend(sl_facts_doc *d, size_t k, size_t old, uint32_t start, uint32_t end)
{
    sl_fact_item *it = &d->out->items[k];
    size_t add = end - start;
    char *text = sl_realloc(it->text, old + sizeof " \xE2\x80\xA6 " + add);
    if (!text) {
        d->err = SL_ENOMEM;
        return old;
    }
    memcpy(text + old, " \xE2\x80\xA6 ", sizeof " \xE2\x80\xA6 " - 1);
    memcpy(text + old + sizeof " \xE2\x80\xA6 " - 1, d->s + start, add);
    text[old + sizeof " \xE2\x80\xA6 " - 1 + add] = '\0';
    it->text = text;
    it->span.end = end;
    return old + sizeof " \xE2\x80\xA6 " - 1 + add;
}

void sl_facts_quotes(sl_facts_doc *d)
{
    sl_quote_piece_vec pieces = {0};
    sl_speakers *sp = sl_speakers_new(d);
    if (!sp || sl_quote_pieces(d, &pieces)) {
        sl_speakers_free(sp);
        d->err = SL_ENOMEM;
        return;
    }
    long prev = -1;            /* the last quote item kept */
    long before_prev = -1;     /* the one before it */
    bool prev_after = false;   /* its attribution came after it */
    bool prev_own = false;     /* it has an attribution of its own */
    uint32_t prev_end = 0;
    size_t prev_len = 0;       /* its text's length */
    for (size_t k = 0; k < pieces.n && !d->err; k++) {
        const sl_quote_piece *p = &pieces.items[k];
        sl_quote_piece cut;
        if (p->turn) {
            sl_attribution turn;
            cut = sl_attr_turn(d, p, &turn);
            if (turn.cue == SIZE_MAX)
                continue;
            p = &cut;
        }
        size_t upper, words = words_in(d, p->start, p->end, &upper);
        sl_attribution a = sl_attr_after_quote(d, p);
        bool after = a.cue != SIZE_MAX && a.sp_first < a.sp_end;
        if (!after)
            a = sl_attr_before_quote(d, p);
        if (a.cue == SIZE_MAX)
            a = sl_attr_colon_paragraph(d, p);
        if (a.cue == SIZE_MAX)
            a = sl_attr_signature_line(d, p);
        if (a.cue == SIZE_MAX)
            a = sl_attr_sentence_before(d, p);
        bool attributed = a.cue != SIZE_MAX && a.sp_first < a.sp_end;
        if (p->block && !(attributed && sl_attr_is_cue(d, a.cue)))
            continue; /* a block quote needs a verb of saying ("4:40 p.m.:" is none) */
        bool runs_on = p->from_prev_para && prev >= 0;
        /* the same paragraph's earlier quote: "A," he said. "B." */
        bool same_para = prev >= 0 && !memchr(d->s + prev_end, '\n', p->open - prev_end);
        bool next_para = prev >= 0 && !attributed && p->open - prev_end < SPEAKER_GAP &&
                         paragraphs_between(d, prev_end, p->open) <= 1 &&
                         (sl_attr_opens_paragraph(d, p) || !paragraphs_between(d, prev_end, p->open));
        bool continues = next_para && p->open - prev_end < MERGE_GAP;
        if (scare_or_title(words, upper, attributed || runs_on || same_para))
            continue;
        /* the second half of a quote whose attribution sits between the halves,
         * or its next paragraph: one quote. A quote whose marks say it runs on
         * ("…\n\n"…," she said.) and has no attribution of its own yet (no
         * speaker, or one taken from the quote before) is one even when its
         * next paragraph has the attribution, which then names the speaker
         * (after its own attribution, a new one starts a new quote, as
         * PolNeAR counts them). */
        bool unsaid = runs_on && !prev_own;
        if ((unsaid || (((same_para && prev_after) || runs_on || continues) && !after)) &&
            prev_len + (p->end - p->start) < QUOTE_TEXT_MAX) {
            prev_len = extend(d, (size_t)prev, prev_len, p->start, p->end);
            prev_end = p->end;
            sl_fact_item *whole = &d->out->items[prev];
            if (attributed && unsaid)
                prev_own = resay(d, sp, &a, before_prev >= 0 ? &d->out->items[before_prev] : NULL,
                                 whole);
            continue;
        }
        sl_fact_item *it = sl_facts_add(d, SL_FACT_QUOTE, p->start, p->end);
        if (!it)
            break;
        bool own = set_speaker(d, sp, &a, prev >= 0 ? &d->out->items[prev] : NULL, it);
        if (!own && (runs_on || same_para || next_para))
            copy_speaker(d, &d->out->items[prev], it);
        before_prev = prev;
        prev = (long)(it - d->out->items);
        prev_after = after;
        prev_own = own;
        prev_end = p->end;
        prev_len = strlen(it->text);
    }
    sl_speakers_free(sp);
    sl_vec_free(&pieces);
}
