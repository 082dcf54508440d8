/* counted.c — what a number counts or is a value of: the noun phrase after
 * it and its unit ("10 months of war", "seven European countries"), or the
 * phrase before it that it states a value of ("the death toll rose to
 * 40,000"), a learned choice (weights from eval/fit_concepts.py). numbers.c
 * reads the number and calls these; the English word lists of that reading
 * live here. Method: docs/facts.md, "Numbers". */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "facts/numbers.h"
#include "facts/units.h"

/* Verbs and prepositions linking a counted noun phrase before the number
 * ("the death toll rose to 40,000", "net 1.2 mln vs 0.9 mln"). */
static const char *const link_words[] = {"of", "at", "to", "for", "reached", "was", "is", "were",
    "are", "stood", "stands", "rose", "climbed", "hit", "totaled", "totalled", "numbered",
    "passed", "topped", "surpassed", "exceeded", "by", "from", "nearly", "about", "around",
    "over", "more", "than", "least", "some", "roughly", "approximately", "almost", "up",
    "down", "fell", "rises", "falls", "grew", "gained", "added", "lost", "jumped", "dropped",
    "drops", "declined", "increased", "decreased", "cost", "costs", "worth", "just", "only",
    "still", "now", "currently", "be", "been", "has", "have", "had", "will", "would", "could",
    "an", "a", "the", "its", "their", "his", "her", "expected", "estimated", "reportedly",
    "slipped", "surged", "soared", "plunged", "plummeted", "tumbled", "edged", "shed", "lowered",
    "raised", "cut", "trimmed", "between", "under", "below", "above", "with", "which",
    "who", "that", "typically", "somewhere", "also", "already", "finished", "ended", "closed",
    "+", "-", "~", "higher", "lower", "marginally", "slightly", "sharply", "steady", "flat",
    "mixed", "set", "due", "poised", "forecast", "likely", "seen", "well", "far", "much", "even",
    "vs", "versus", NULL};
/* Words right after a measure that say how, not what: "90 miles wide",
 * "0.68 percent lower", "$33,790 versus", "10 cts vs 9 cts", "0.04secs
 * slower", "5% cheaper". */
static const char *const measure_enders[] = {"wide", "long", "tall", "high", "deep", "thick",
    "old", "lower", "higher", "versus", "vs", "worldwide", "early", "late", "earlier", "later",
    "up", "down", "off", "away", "apart", "ahead", "behind", "below", "above", "slower",
    "faster", "quicker", "longer", "shorter", "older", "younger", "bigger", "smaller", "larger",
    "cheaper", "dearer", "heavier", "lighter", "taller", "wider", "deeper", "better", "worse",
    NULL};
/* When a measure is had, said right after it, unless a noun follows (then
 * an adjective: "a £39.99 monthly fee", "5 daily flights"): "15,000 hectares
 * overnight", "20mg daily". */
static const char *const when_words[] = {"overnight", "daily", "weekly", "monthly", NULL};

/* States a count is in, written right after it ("three workers hurt"). */
static const char *const event_words[] = {"hurt", "injured", "killed", "wounded", "dead",
    "missing", "arrested", "detained", "evacuated", "displaced", "rescued", "trapped", NULL};

/* Auxiliaries between a counted noun and its state ("were injured"). */
static const char *const aux_words[] = {"were", "was", "are", "is", "had", "have", "has",
    "been", "be", NULL};
/* Words after a counted noun that end its phrase: verbs, adverbs and
 * prepositions a stop-word list does not hold ("14 players left", "59 users
 * mostly", "one hand behind her head", "40 hectares outside Eskmoor", "one
 * remains in hospital", "11 and 12 respectively", "7.1 mln vs 4.1 mln",
 * "5mg of the drug twice a day"). */
static const char *const phrase_enders[] = {"left", "said", "says", "say", "asks", "ask",
    "told", "took", "take", "made", "make", "went", "go", "came", "come", "got", "get",
    "mostly", "whilst", "while", "available", "ago", "earlier", "later", "each", "apiece",
    "next", "last", "this", "per", "a", "an", "year", "years", "today", "yesterday",
    "including", "according", "behind", "outside", "inside", "near", "within", "across",
    "along", "beyond", "past", "toward", "towards", "among", "despite", "remain", "remains",
    "respectively", "versus", "vs", "twice", "once", "annually", "tonight", "tomorrow", NULL};

bool sl_numbers_same_sentence(const sl_facts_doc *d, size_t a, size_t b)
{
    return b < d->toks.n && d->sent_of[a] == d->sent_of[b];
}

/* English function words, for a text whose language was detected as
 * another (a short sentence): the rules here read English, whatever the
 * stop words of the analysis. */
static const char *const function_words[] = {"a", "an", "the", "and", "or", "but", "nor", "of",
    "to", "in", "on", "at", "for", "with", "by", "from", "as", "into", "than", "is", "are",
    "was", "were", "be", "been", "has", "have", "had", "it", "its", "their", "his", "her",
    "this", "that", "these", "those", "which", "who", "while", "so", "if", "not", NULL};

bool sl_numbers_content_word(const sl_facts_doc *d, size_t i)
{
    if (i >= d->toks.n)
        return false;
    const sl_token *t = &d->toks.items[i];
    return (t->flags & SL_TOK_WORD) && !(t->flags & SL_TOK_STOP) &&
           sl_facts_in(d, i, function_words) < 0;
}

/* Whether token i ends in `suffix` (ASCII case aside) after 3 bytes or more. */
static inline bool ends_with(const sl_facts_doc *d, size_t i, const char *suffix)
{
    size_t n, k = strlen(suffix);   /* a constant where inlined */
    if (i >= d->toks.n)
        return false;
    const char *w = sl_facts_tok(d, i, &n);
    if (n <= k + 2)
        return false;
    /* strncasecmp's answer in the C locale, without its call: the suffixes
     * are two or three bytes, asked ~190,000 times in the first 1,000 */
    w += n - k;
    for (size_t j = 0; j < k; j++) {
        unsigned char a = (unsigned char)w[j], b = (unsigned char)suffix[j];
        if ((a >= 'A' && a <= 'Z' ? a | 0x20 : a) != (b >= 'A' && b <= 'Z' ? b | 0x20 : b))
            return false;
    }
    return true;
}

/* A verb form that ends a noun phrase: "-ed", "-ing" ("conducted", "including"). */
static bool verb_form(const sl_facts_doc *d, size_t i)
{
    return !sl_facts_upper(d, i) && (ends_with(d, i, "ed") || ends_with(d, i, "ing"));
}

/* A past form that ends a counted phrase ("countries conducted"); "-ing"
 * words do not, being as often nouns ("fighting", "meeting") or adjectives
 * ("sticking points"). */
static bool past_form(const sl_facts_doc *d, size_t i)
{
    return !sl_facts_upper(d, i) && ends_with(d, i, "ed");
}

bool sl_numbers_plural(const sl_facts_doc *d, size_t i)
{
    static const char *const irregular[] = {"people", "men", "women", "children", "police",
        "feet", "teeth", "mice", "geese", "staff", "personnel", "cattle", "fishermen", NULL};
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    if (sl_facts_upper(d, i) || ends_with(d, i, "'s") || ends_with(d, i, "\xE2\x80\x99s"))
        return false; /* a name, or a possessive: "the valley's electricity" */
    if (sl_facts_in(d, i, irregular) >= 0 || ends_with(d, i, "men"))
        return true;
    return n > 3 && (w[n - 1] == 's' || w[n - 1] == 'S') && !ends_with(d, i, "ss") &&
           !ends_with(d, i, "us") && !ends_with(d, i, "is");
}

/* The noun phrase after "of" at token i ("of the central sticking points",
 * "of the most dramatic finishes"): up to three content words, appended to
 * about; returns the token after it, i when there is none. */
static size_t of_phrase(const sl_facts_doc *d, size_t i, size_t anchor, sl_buf *about)
{
    if (!sl_facts_is(d, i, "of") || !sl_numbers_same_sentence(d, anchor, i + 1))
        return i;
    size_t j = i + 1, m = 0;
    while (j < d->toks.n && j < i + 4 &&
           (sl_facts_is(d, j, "the") || sl_facts_is(d, j, "a") || sl_facts_is(d, j, "its") ||
            sl_facts_is(d, j, "their") || sl_facts_is(d, j, "his") || sl_facts_is(d, j, "her") ||
            (sl_facts_is(d, j, "most") && sl_facts_is(d, j - 1, "the"))))
        j++; /* "of the most spectacular catches": the superlative's adjective */
    while (m < 3 && sl_numbers_same_sentence(d, anchor, j) && sl_numbers_content_word(d, j) &&
           !(m > 0 && (past_form(d, j) || sl_facts_in(d, j, phrase_enders) >= 0))) {
        sl_facts_put_lower(d, j++, about);
        m++;
        if (sl_numbers_plural(d, j - 1))
            break;
    }
    return m ? j : i;
}

/* Whether token i is "and" or "or" joining the words before it to a
 * plural noun within two content words ("digital and physical sales"). */
static bool joined_plural(const sl_facts_doc *d, size_t i, size_t anchor)
{
    if (!(sl_facts_is(d, i, "and") || sl_facts_is(d, i, "or")))
        return false;
    for (size_t k = i + 1; k < i + 3 && sl_numbers_same_sentence(d, anchor, k) &&
                           sl_numbers_content_word(d, k) && !past_form(d, k); k++)
        if (sl_numbers_plural(d, k))
            return true;
    return false;
}

/* The noun phrase a number counts or measures, after it (and its unit):
 * up to four content words, ended by a verb form or after the first plural
 * noun of a count ("seven European countries conducted" -> "european
 * countries"); then the state after an auxiliary ("workers were injured"),
 * or, for a measure or when nothing came, "of" and its phrase ("10 months of
 * war", "one of the best speakers"). Returns the token after the phrase. */
size_t sl_numbers_counted_after(const sl_facts_doc *d, size_t i, size_t anchor, bool measure,
                                bool one, sl_buf *about)
{
    size_t n = 0;
    if (measure && (sl_facts_in(d, i, phrase_enders) >= 0 || sl_facts_in(d, i, measure_enders) >= 0 ||
                    past_form(d, i) || sl_facts_upper(d, i) ||
                    (sl_facts_in(d, i, when_words) >= 0 &&
                     !(sl_numbers_same_sentence(d, i, i + 1) && sl_numbers_content_word(d, i + 1)))))
        return of_phrase(d, i, anchor, about); /* "1.9% next year", "90 miles wide", "$76 US" */
    if (!measure && (ends_with(d, i, "ing") || past_form(d, i)) &&
        sl_facts_in(d, i, event_words) < 0 && !(i + 1 < d->toks.n && sl_numbers_content_word(d, i + 1)))
        return i; /* a verb, not an adjective: "around 73 raising", "2,000 stayed", but
                     "517 rushing yards", "300 recorded songs", "three injured" */
    if (!measure && (sl_facts_is(d, i, "other") || sl_facts_is(d, i, "more")) &&
        sl_numbers_same_sentence(d, anchor, i + 1) && sl_numbers_content_word(d, i + 1) &&
        !past_form(d, i + 1))
        i++; /* "five other things", "nine million more workers"; not "a thousand more cheered" */
    sl_number next;
    while (n < 4 && sl_numbers_same_sentence(d, anchor, i) && sl_numbers_content_word(d, i) &&
           !sl_facts_month(d, i) && sl_facts_in(d, i, phrase_enders) < 0 &&
           !sl_numbers_read(d, i, &next) && /* "66.4 per cent four years ago" */
           !(n > 0 && past_form(d, i))) { /* "four said": no phrase */
        sl_facts_put_lower(d, i++, about);
        n++;
        if (!one && sl_numbers_plural(d, i - 1))
            break;
        if (joined_plural(d, i, anchor))
            i++; /* "4.3M digital and physical sales": over the "and" */
    }
    /* "workers were injured", "three workers hurt": the state the counted
     * are in (after an auxiliary, or one of the event words without) */
    size_t state = i;
    while (state < i + 2 && state < d->toks.n && sl_facts_in(d, state, aux_words) >= 0)
        state++;
    if (sl_numbers_same_sentence(d, anchor, state) && sl_numbers_content_word(d, state) &&
        n && ((state > i && (past_form(d, state) || sl_facts_is(d, state, "hurt"))) ||
              sl_facts_in(d, state, event_words) >= 0)) { /* not "two were treated" */
        sl_facts_put_lower(d, state, about);
        return state + 1;
    }
    if (!n || measure)
        i = of_phrase(d, i, anchor, about);
    return i;
}

/* Whether a number lies in the three tokens before token i ("9.4 per cent"). */
static bool number_before(const sl_facts_doc *d, size_t i)
{
    for (size_t k = i; k > 0 && k + 3 > i; k--)
        if (d->toks.items[k - 1].flags & SL_TOK_NUMBER)
            return true;
    return false;
}

/* The run of up to three content words ending right before token end;
 * returns its first token (end when there is none). */
static size_t run_before(const sl_facts_doc *d, size_t end, size_t anchor)
{
    size_t start = end;
    while (start > 0 && end - start < 3 && sl_numbers_same_sentence(d, anchor, start - 1) &&
           sl_numbers_content_word(d, start - 1) && !past_form(d, start - 1) &&
           !(d->toks.items[start - 1].flags & SL_TOK_NUMBER))
        start--;
    return start;
}

/* The noun phrase ending right before token end, with the head before a
 * short prepositional phrase ("the flow at Stell" -> "flow stell", "the pace
 * of price increases"): NewsQuant's concepts name both, and so did the best
 * choice on its even half (the head alone: 0.529, the complement alone:
 * 0.540, both: 0.542 partial F1). Its first token; its content words run to
 * end. */
static size_t words_before(const sl_facts_doc *d, size_t end, size_t anchor)
{
    static const char *const preps[] = {"of", "at", "in", "on", "for", "from", "across", NULL};
    size_t start = run_before(d, end, anchor), p = start;
    if (p > 0 && p < end && (sl_facts_is(d, p - 1, "the") || sl_facts_is(d, p - 1, "a")))
        p--;
    if (p < end && p >= 2 && sl_facts_in(d, p - 1, preps) >= 0 && sl_numbers_same_sentence(d, anchor, p - 2))
        start = run_before(d, p - 1, anchor) < p - 1 ? run_before(d, p - 1, anchor) : start;
    return start;
}

/* Whether token k, a word in "-s" and no unit ("weeks"), is a verb in the
 * present by its place: after "it", "he" or "she" ("it orbits the sun"),
 * before "that" or a determiner after "this" ("this means that"), or
 * before a determiner after a singular noun ("LaLiga expects the total
 * value"; "the law threatens to" stays a phrase, as "exports to China",
 * and "trigger defaults that" too). */
static bool present_place(const sl_facts_doc *d, size_t k)
{
    static const char *const subjects[] = {"it", "he", "she", NULL};
    static const char *const after[] = {"the", "its", "their", "his", "her", NULL};
    const char *unit;
    if (k == 0 || k + 1 >= d->toks.n || !sl_numbers_plural(d, k) || sl_units_at(d, k, &unit) ||
        sl_facts_upper(d, k + 1))
        return false; /* "Music veterans The Who" */
    if (sl_facts_in(d, k - 1, subjects) >= 0)
        return true;
    if (sl_facts_is(d, k - 1, "this"))
        return sl_facts_is(d, k + 1, "that") || sl_facts_in(d, k + 1, after) >= 0;
    return sl_facts_in(d, k + 1, after) >= 0 && sl_numbers_content_word(d, k - 1) &&
           !sl_numbers_plural(d, k - 1) && !ends_with(d, k - 1, "'s") &&
           !ends_with(d, k - 1, "\xE2\x80\x99s");
}

/* Whether token k is a verb by its place: right after a modal or a
 * relative pronoun ("we will believe 385", "who farms 60 hectares"), or a
 * verb in the present (present_place). */
static bool verb_place(const sl_facts_doc *d, size_t k)
{
    static const char *const before[] = {"will", "would", "could", "can", "may", "might",
        "should", "must", "shall", "who", "which", NULL};
    return k > 0 && (sl_facts_in(d, k - 1, before) >= 0 || present_place(d, k));
}

/* Whether token k is a verb form to step over going back from a number:
 * "-ed", or "-ing" not after a determiner ("a building of" is a noun). */
static bool verb_before(const sl_facts_doc *d, size_t k)
{
    static const char *const determiners[] = {"a", "an", "the", "its", "his", "her", "their",
        "this", "that", NULL};
    return verb_form(d, k) && !(ends_with(d, k, "ing") && k > 0 && sl_facts_in(d, k - 1, determiners) >= 0);
}

/* The phrase that opens the sentence of token `first` (within 40 tokens
 * before token j), after an opening "According to X,": up to three content
 * words before a verb form or linking word, as tokens [*from, *to). */
static void opening_phrase(const sl_facts_doc *d, size_t first, size_t j, size_t *from, size_t *to)
{
    if (j == 0)
        return;
    size_t s = j - 1;
    while (s > 0 && sl_numbers_same_sentence(d, first, s - 1) && s + 40 > j)
        s--;
    if (s > 0 && sl_numbers_same_sentence(d, first, s - 1))
        return;
    if (sl_facts_is(d, s, "according"))
        while (s < j && !sl_facts_is(d, s, ","))
            s++;
    while (s < j && !sl_numbers_content_word(d, s))
        s++;
    size_t e = s;
    while (e < j && e < s + 3 && sl_numbers_content_word(d, e) && !verb_form(d, e) &&
           sl_facts_in(d, e, link_words) < 0)
        e++;
    *from = s;
    *to = e;
}

/* The rule's pick of the noun phrase before the number that it states a
 * value of, one feature of the chooser below ("the death toll rose to
 * 40,000", "the figure drops to just 87 mph", "Blackmores up 9.4 per cent
 * to $84"): back over linking words, verbs, other quantities and a
 * bracket (at most ten tokens), then up to three content words. A relative
 * clause takes its antecedent ("the building, which covered 1,800 square
 * metres"). When that gives no word ("Tesla shares have been on a tear, up
 * 57%"), the phrase that opens the sentence. Tokens [*from, *to): their
 * content words are the phrase. */
static void rule_pick(const sl_facts_doc *d, size_t first, size_t *from, size_t *to)
{
    size_t j = first, steps = 0;
    bool relative = false;
    const char *unit;
    while (j > 0 && steps < 10 && sl_numbers_same_sentence(d, first, j - 1)) {
        size_t k = j - 1;
        if (sl_facts_in(d, k, link_words) >= 0 || verb_before(d, k) || verb_place(d, k) ||
            (k > 0 && sl_facts_is(d, k - 1, "to") && !sl_facts_upper(d, k)) || /* "to close at" */
            (d->toks.items[k].flags & SL_TOK_NUMBER) || sl_facts_is(d, k, "$") ||
            ((sl_units_at(d, k, &unit) || sl_facts_is(d, k, "cent") || sl_units_scale_word(d, k) > 0) &&
             number_before(d, k))) {
            relative = sl_facts_is(d, k, "which") || sl_facts_is(d, k, "who");
            j--;
        } else if (sl_facts_is(d, k, ")")) {
            while (j > 0 && j + 6 > k && sl_numbers_same_sentence(d, first, j - 1) && !sl_facts_is(d, j - 1, "("))
                j--; /* "Ford (F) which has" */
            if (j > 0)
                j--;
        } else {
            break;
        }
        steps++;
    }
    if (steps && j > 1 && sl_facts_is(d, j - 1, ",") && (relative || sl_facts_upper(d, j - 2)))
        j--; /* an antecedent or a name before the comma: "Unite Group, down 68p" */
    *from = *to = j;
    if (steps)
        *from = words_before(d, j, first);
    for (size_t k = *from; k < *to; k++)
        if (sl_numbers_content_word(d, k))
            return;
    opening_phrase(d, first, j, from, to);
}

/* ---- the learned choice: which phrase of the sentence a number is a value of ---- */

/* A candidate phrase: tokens [a, b) of content words. */
typedef struct { size_t a, b; } phrase;

/* The features of a candidate ("none": no phrase at all; "none_bare" and
 * "none_time": no phrase for a number without unit, for a duration;
 * "nearest": no candidate between; "plural": its last word a plural noun,
 * as the things a number counts or measures often are, "the migrants
 * numbered 3,000", and not a verb before its object, "the treaty sets a
 * flow"), in eval/fit_concepts.py's order. */
enum { F_NONE, F_NONE_BARE, F_NONE_TIME, F_DIST, F_BETWEEN, F_FIRST, F_NEAREST, F_PREP, F_DET,
       F_VERB_AFTER, F_CAPITAL, F_COMMA, F_RULE, F_LEN, F_PLURAL, N_FEATURES };

/* Fitted by eval/fit_concepts.py on NewsQuant's even half (`/usr/bin/python3
 * eval/fit_concepts.py`): the top candidate is right for 0.716 of the even
 * numbers and 0.728 of the odd, held-out ones (0.709 / 0.720 before the
 * "plural" feature, 2026-12-04, branch numbers8; 0.698 / 0.697 before the
 * clause bound; the rule alone: 0.694 / 0.665). A noun naming a measure
 * ("price", "rate", "toll" ...) as a feature was tried beside it and
 * dropped: fitted, even 0.716 / odd 0.732 with it, 0.712 / 0.736 without
 * (it helps the tuned half only). The rule's pick and
 * subject-like phrases (a verb after, a name, a determiner before, the
 * sentence's first) weigh most; phrases between, a comma between, a
 * preposition before and distance count against; a duration most often
 * is a value of no phrase. */
static const double weights[N_FEATURES] = {
    -0.034, -0.267, 0.603, -0.182, -0.708, 0.176, 0.124, -0.467,
    0.347, 1.129, 0.991, -0.346, 1.263, 0.638, 1.031,
};

/* Whether token k may be in a candidate phrase: a content word that is no
 * number, no linking word, no verb (a past form, or after a modal), no day
 * ("said on Monday that") and no unit after a number. */
static bool phrase_word_test(const sl_facts_doc *d, size_t k)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "today", "yesterday", "tomorrow", "tonight", NULL};
    const char *unit;
    return sl_numbers_content_word(d, k) && !(d->toks.items[k].flags & SL_TOK_NUMBER) &&
           !verb_place(d, k) && sl_facts_in(d, k, days) < 0 &&
           sl_facts_in(d, k, link_words) < 0 && !past_form(d, k) && !sl_facts_month(d, k) &&
           !(number_before(d, k) && (sl_units_at(d, k, &unit) || sl_units_scale_word(d, k) > 0));
}

/* phrase_word_test of token k, asked once an article (d->token_memo): the
 * candidates of each number of a sentence walk the same tokens again. */
static bool phrase_word(const sl_facts_doc *d, size_t k)
{
    if (!(d->token_memo[k] & SL_MEMO_PHRASE_ASKED))
        d->token_memo[k] |= SL_MEMO_PHRASE_ASKED | (phrase_word_test(d, k) ? SL_MEMO_PHRASE : 0);
    return d->token_memo[k] & SL_MEMO_PHRASE;
}

/* Whether token k, after a singular noun and right before the number at
 * token first (or before "for" and it), is a verb in the present ("the
 * treaty runs for 25 years", "the mill employs about 140 people"). */
static bool present_verb(const sl_facts_doc *d, size_t k, size_t first)
{
    return sl_numbers_plural(d, k) && !sl_numbers_plural(d, k - 1) &&
           (k + 1 == first || (sl_facts_is(d, k + 1, "for") && k + 2 == first));
}

/* Whether token k is a quotation mark. */
static bool quote_mark(const sl_facts_doc *d, size_t k)
{
    static const char *const marks[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB",
        "\xC2\xBB", NULL};
    return sl_facts_in(d, k, marks) >= 0;
}

/* Whether a number item read so far ends with token k ("four" in "four
 * said": the count says, and the attribution is no boundary). */
static bool number_ends(const sl_facts_doc *d, size_t k)
{
    uint32_t end = d->toks.items[k].end;
    for (size_t i = d->out->n; i > 0 && d->out->items[i - 1].span.end >= end; i--)
        if (d->out->items[i - 1].kind == SL_FACT_NUMBER && d->out->items[i - 1].span.end == end)
            return true;
    return false;
}

/* Whether token k starts a new clause after "and" or "but": a pronoun,
 * "that", "there" or a distributive after it ("and that it could reopen",
 * "but they said", "and every one of them was found within 30 minutes"). */
static bool new_clause(const sl_facts_doc *d, size_t k)
{
    static const char *const openers[] = {"that", "it", "he", "she", "they", "we", "i", "you",
        "every", "each", "there", NULL};
    return k > 0 && (sl_facts_is(d, k - 1, "and") || sl_facts_is(d, k - 1, "but")) &&
           sl_facts_in(d, k, openers) >= 0;
}

/* What token k is to a clause (SL_MEMO_CLAUSE_BREAK, SL_MEMO_ATTRIBUTION or 0),
 * asked once an article: a quotation mark or a new clause's opening ends
 * the clause before it; an attribution may. */
static uint8_t clause_mark(const sl_facts_doc *d, size_t k)
{
    static const char *const attributions[] = {"said", "says", "say", "told", "tells", "added",
        "according", NULL};
    if (!(d->token_memo[k] & SL_MEMO_CLAUSE_ASKED))
        d->token_memo[k] |= SL_MEMO_CLAUSE_ASKED |
                              (quote_mark(d, k) || new_clause(d, k) ? SL_MEMO_CLAUSE_BREAK
                               : sl_facts_in(d, k, attributions) >= 0 ? SL_MEMO_ATTRIBUTION
                                                                       : 0);
    return d->token_memo[k] & (SL_MEMO_CLAUSE_BREAK | SL_MEMO_ATTRIBUTION);
}

/* The first token of the clause of the number at token first, from token s
 * on: after the last quotation mark (a number does not count what a quote
 * next to it names, nor the other way round), after "and"/"but" opening a
 * new clause, and after the last attribution with the name it gives ("said
 * Tove Lindqvist, who farms", "Peter Brennick said that"): the speaker is
 * never what a number counts. */
static size_t clause_start(const sl_facts_doc *d, size_t s, size_t first)
{
    for (size_t k = s; k < first; k++) {
        uint8_t mark = clause_mark(d, k);
        if (mark == SL_MEMO_CLAUSE_BREAK) {
            s = k + 1;
        } else if (mark == SL_MEMO_ATTRIBUTION && !(k > s && number_ends(d, k - 1))) {
            s = k + 1;
            while (s < first && (sl_facts_upper(d, s) || sl_facts_is(d, s, "to")))
                s++; /* "said Tove Lindqvist", "according to Station Commander Hanna Roek" */
            k = s - 1;
        }
    }
    return s;
}

#define CANDIDATE_REACH 64

/* The candidate phrases before the number at token first, in its clause
 * (clause_start) and within CANDIDATE_REACH tokens of it (a sentence of
 * many numbers stays linear):
 * runs of phrase words, at most four words each (a longer run is cut into
 * fours). A phrase after the number is counted_after's. Returns how many
 * were stored (at most cap); *opening tells whether the first one may open
 * the sentence. */
static size_t candidates(const sl_facts_doc *d, size_t first, phrase *out, size_t cap, bool *opening)
{
    size_t s0 = first, n = 0;
    while (s0 > 0 && sl_numbers_same_sentence(d, first, s0 - 1) && s0 + CANDIDATE_REACH > first)
        s0--;
    *opening = !(s0 > 0 && sl_numbers_same_sentence(d, first, s0 - 1));
    size_t c0 = clause_start(d, s0, first);
    for (size_t k = s0; k < c0 && *opening; k++)
        *opening = !sl_numbers_content_word(d, k); /* only a mark before: "\"At 385" */
    for (size_t k = c0; k < first && n < cap;) {
        if (!phrase_word(d, k)) {
            k++;
            continue;
        }
        size_t a = k;
        while (k < first && k - a < 4 && phrase_word(d, k))
            k++;
        if (k - a >= 2 && present_verb(d, k - 1, first))
            out[n++] = (phrase){a, k - 1}; /* "the treaty runs for 25 years" -> treaty */
        else if (n > 0 && out[n - 1].b + 1 == a && sl_numbers_plural(d, out[n - 1].b - 1) && sl_numbers_plural(d, k - 1) &&
                 (sl_facts_is(d, a - 1, "and") || sl_facts_is(d, a - 1, "or")))
            out[n - 1].b = k; /* "apples and pears": one phrase */
        else
            out[n++] = (phrase){a, k};
    }
    return n;
}

/* Whether a comma lies in tokens [a, b). */
static bool comma_between(const sl_facts_doc *d, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (sl_facts_is(d, k, ","))
            return true;
    return false;
}

/* The features of candidate ci of the n in `all` for the number at token
 * first, the rule's pick being [ra, rb); `opening`: all[0] may open the
 * sentence. */
static void features(const sl_facts_doc *d, const phrase *all, size_t ci, size_t n, bool opening,
                     size_t first, size_t ra, size_t rb, double *f)
{
    static const char *const preps[] = {"of", "in", "for", "on", "at", "from", "with", "by",
        "to", "against", "versus", NULL};
    static const char *const dets[] = {"the", "a", "an", "its", "their", "his", "her", "this",
        "these", "our", NULL};
    const phrase *c = &all[ci];
    memset(f, 0, N_FEATURES * sizeof *f);
    f[F_DIST] = log1p((double)(first - c->b));
    f[F_BETWEEN] = n - 1 - ci > 4 ? 1 : (double)(n - 1 - ci) / 4;
    f[F_FIRST] = ci == 0 && opening;
    f[F_NEAREST] = ci + 1 == n;
    f[F_PREP] = c->a > 0 && sl_facts_in(d, c->a - 1, preps) >= 0;
    f[F_DET] = c->a > 0 && sl_facts_in(d, c->a - 1, dets) >= 0;
    f[F_VERB_AFTER] = sl_numbers_same_sentence(d, c->a, c->b) &&
                      ((sl_facts_in(d, c->b, link_words) >= 0 && sl_facts_in(d, c->b, preps) < 0 &&
                        sl_facts_in(d, c->b, dets) < 0) || verb_form(d, c->b));
    for (size_t k = c->a; k < c->b; k++)
        if (sl_facts_upper(d, k) && !(k > 0 && !sl_numbers_same_sentence(d, k, k - 1)))
            f[F_CAPITAL] = 1;
    f[F_COMMA] = comma_between(d, c->b, first);
    f[F_RULE] = c->a < rb && ra < c->b;
    f[F_LEN] = (double)(c->b - c->a) / 4;
    f[F_PLURAL] = sl_numbers_plural(d, c->b - 1) && sl_facts_in(d, c->b, dets) < 0;
}

static double dot(const double *f)
{
    double s = 0;
    for (size_t k = 0; k < N_FEATURES; k++)
        s += weights[k] * f[k];
    return s;
}

/* Prints a candidate's features to the trace: the item's first byte, the
 * candidate's words (none: "-") and the features. */
static void trace(const sl_facts_doc *d, size_t first, const phrase *c, const double *f)
{
    fprintf(d->concept_trace, "%u\t", d->toks.items[first].start);
    if (!c)
        fputc('-', d->concept_trace);
    for (size_t k = c ? c->a : 0; c && k < c->b; k++) {
        size_t n;
        const char *w = sl_facts_tok(d, k, &n);
        fprintf(d->concept_trace, "%s%.*s", k > c->a ? " " : "", (int)n, w);
    }
    for (size_t k = 0; k < N_FEATURES; k++)
        fprintf(d->concept_trace, "\t%g", f[k]);
    fputc('\n', d->concept_trace);
}

void sl_numbers_value_of(const sl_facts_doc *d, size_t first, const char *unit, sl_buf *about)
{
    static const char *const times[] = {"year", "month", "week", "day", "hour", "minute",
        "second", "decade", "century", NULL};
    bool duration = false;
    for (size_t k = 0; unit && times[k] && !duration; k++)
        duration = !strcmp(unit, times[k]);
    phrase cands[64];
    bool opening;
    size_t ra, rb, n = candidates(d, first, cands, sizeof cands / sizeof *cands, &opening);
    rule_pick(d, first, &ra, &rb);
    double f[N_FEATURES] = {0}, best;
    f[F_NONE] = 1; /* no phrase at all */
    f[F_NONE_BARE] = !unit;
    f[F_NONE_TIME] = duration;
    best = dot(f);
    const phrase *choice = NULL;
    if (d->concept_trace)
        trace(d, first, NULL, f);
    for (size_t k = 0; k < n; k++) {
        features(d, cands, k, n, opening, first, ra, rb, f);
        if (d->concept_trace)
            trace(d, first, &cands[k], f);
        if (dot(f) > best) {
            best = dot(f);
            choice = &cands[k];
        }
    }
    for (size_t k = choice ? choice->a : 0; choice && k < choice->b; k++)
        if (!sl_facts_is(d, k, "and") && !sl_facts_is(d, k, "or"))
            sl_facts_put_lower(d, k, about);
}

/* "Blinken's recent diplomatic mission to the region, his ninth": what an
 * ordinal in apposition counts, the first lower-case words (up to three) of
 * the phrase before the comma (at most twelve tokens back). */
void sl_numbers_apposition(const sl_facts_doc *d, size_t first, sl_buf *about)
{
    static const char *const possessives[] = {"his", "her", "its", "their", "our", "the", NULL};
    if (first < 2 || sl_facts_in(d, first - 1, possessives) < 0 || !sl_facts_is(d, first - 2, ","))
        return;
    size_t comma = first - 2, s = comma;
    while (s > 0 && s + 12 > comma && sl_numbers_same_sentence(d, comma, s - 1) && !sl_facts_is(d, s - 1, ","))
        s--;
    while (s < comma && !(sl_numbers_content_word(d, s) && !sl_facts_upper(d, s)))
        s++;
    for (size_t k = s; k < comma && k < s + 3 && sl_numbers_content_word(d, k) && !sl_facts_upper(d, k); k++)
        sl_facts_put_lower(d, k, about);
}

/* "a fine of 10.5 million Australian dollars ($7.5 million)": an amount in
 * brackets right after another is the same thing converted, and counts what
 * that one counts (copied into about); false when it is not one. */
bool sl_numbers_conversion(sl_facts_doc *d, size_t first, sl_buf *about)
{
    if (first == 0 || !sl_facts_is(d, first - 1, "(") || d->out->n == 0)
        return false;
    const sl_fact_item *prev = &d->out->items[d->out->n - 1];
    const sl_token *open = &d->toks.items[first - 1];
    if (prev->kind != SL_FACT_NUMBER || !prev->about || prev->span.end > open->start ||
        open->start - prev->span.end > 2 || prev->sentence.end <= open->start)
        return false;
    sl_buf_puts(about, prev->about);
    return true;
}

