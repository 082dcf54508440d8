/* summary.c — an extractive summary of a set of articles told as one story:
 * the sentences that cover the most of the story's central content within a
 * budget of words or bytes, never two saying the same thing, in time and
 * discourse order, each with the articles that state it.
 *
 * Method (docs/summary.md): concept coverage in the manner of the ICSI ILP
 * summariser (Gillick & Favre 2009), solved greedily with a cost-scaled gain
 * (Lin & Bilmes 2010). A concept is a stemmed word bigram (not two stop
 * words); its weight is the number of independent sources that use it, so a
 * copy and its original count once and content many sources state ranks
 * higher. A sentence's gain is the weight of the concepts it adds. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/texts.h"
#include "text/text.h"
#include "util/alloc.h"
#include "util/sort.h"
#include "util/count_map.h"
#include "util/hash.h"
#include "util/vec.h"

/* The constants below were set on the first 15 DUC 2004 clusters (ROUGE,
 * eval/summaries_duc.py) and checked on the other 15; docs/summary.md gives
 * the figures each choice moved. */
#define LEAD_BONUS 0.5     /* extra weight of a concept a source states in its first two
                              sentences (0 -> 0.5: R-1 .390 -> .398; 1.0 hurt R-2) */
#define WEIGHT_POWER 1.5   /* concept weight = sources^1.5: shared by many counts more
                              than linearly (1.0: R-1 .392; 2.0: .390) */
#define LENGTH_POWER 0.6   /* gain / cost^0.6: 1.0 favoured fragments (R-1 -.02) */
#define POSITION_PRIOR 0.5 /* score x (1 + 0.5 / (1 + position)) */
#define MIN_WORDS 8        /* a sentence shorter says too little alone */
#define MAX_WORDS 55       /* a longer one leaves no room for a second */
typedef struct sentence {
    uint32_t doc, start, end;     /* byte span in the document's text */
    uint32_t first, n;            /* its distinct concepts: concept_of[first .. first+n) */
    uint32_t tfirst, tn;          /* its distinct content stems: stems[tfirst .. +tn), sorted */
    uint32_t words, bytes, pos;   /* pos: index of the sentence in its document */
    int eligible;
} sentence;

typedef struct summarizer {
    const sl_story_text *docs;
    size_t n_docs;
    char **texts;                 /* per document: a copy with line wraps undone */
    SL_VEC(sentence) sents;
    SL_VEC(uint32_t) concept_of;  /* per sentence, its concepts (indexes) */
    SL_VEC(uint64_t) stems;
    SL_VEC(uint64_t) pairs;       /* concept << 32 | source, to count sources */
    sl_count_map map;             /* concept key -> its index + 1 */
    double *weight;               /* per concept */
    char *covered;                /* per concept */
    size_t n_concepts;
} summarizer;

/* ---- concept ids ---- */

/* The index of concept `key` (non-zero), a new one when unseen; -1 on ENOMEM. */
static long concept_id(summarizer *s, uint64_t key)
{
    uint32_t *slot = sl_count_slot(&s->map, key, 1);
    if (!slot)
        return -1;
    if (!*slot)
        *slot = (uint32_t)++s->n_concepts;
    return *slot - 1;
}

/* ---- reading the documents ---- */

static int is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t';
}

static uint32_t tidy_length(const char *t, uint32_t start, uint32_t end)
{
    uint32_t n = 0;
    for (uint32_t i = start; i < end; i++)
        n += !is_space(t[i]) || i == start || !is_space(t[i - 1]);
    return n;
}

/* Length of a wire dateline opening the sentence ("NAIROBI, Kenya (AP) _ ",
 * "MOSCOW -- "): an upper-case place, then "_" or "--" within 60 bytes.
 * It says where the article was filed, not what happened: the summary drops
 * it and counts no words or bytes for it. */
static uint32_t dateline_length(const char *t, uint32_t start, uint32_t end)
{
    uint32_t caps = 0, i = start;
    while (i < end && ((t[i] >= 'A' && t[i] <= 'Z') || t[i] == '.' || t[i] == ' ' || t[i] == '-'))
        caps += t[i] >= 'A' && t[i] <= 'Z', i++;
    if (caps < 3 || (i < end && t[i] >= 'a' && t[i] <= 'z'))
        return 0;
    for (; i + 2 < end && i < start + 60; i++) {
        if ((t[i] == '_' && t[i + 1] == ' ') || (t[i] == '-' && t[i + 1] == '-'))
            return i + 2 - start + (t[i + 2] == ' ');
        if (t[i] == '.' && t[i + 1] == ' ')
            return 0;
    }
    return 0;
}

/* Where a closing attribution starts (", the commission said Saturday."),
 * or `end` when there is none: who said it is in the sources list, and the
 * budget is better spent on what was said. Only a short clause with no other
 * comma, after a sentence long enough to stand alone. */
static uint32_t attribution_start(const char *t, uint32_t start, uint32_t end)
{
    if (end - start < 80 || (t[end - 1] != '.' && t[end - 1] != '\''))
        return end;
    uint32_t comma = end;
    for (uint32_t i = end - 1; i > start + 60 && i + 60 > end; i--) {
        if (t[i] == ',' && t[i + 1] == ' ') {
            comma = i;
            break;
        }
        if (t[i] == '"' || t[i] == '\'' || t[i] == '`')
            return end;
    }
    if (comma == end)
        return end;
    for (uint32_t i = comma; i + 5 < end; i++)
        if (!memcmp(t + i, " said", 5) || !memcmp(t + i, " says", 5) ||
            !memcmp(t + i, " according to", 13 < end - i ? 13 : end - i))
            return comma;
    return end;
}

/* One sentence: its concepts (bigrams of word stems), content stems, size. */
static int add_sentence(summarizer *s, uint32_t doc, uint32_t pos, const sl_analysis *an,
                        const char *text, sl_span span, size_t *tok)
{
    span.start += dateline_length(text, span.start, span.end);
    uint32_t cut_at = attribution_start(text, span.start, span.end);
    if (cut_at < span.end) {
        s->texts[doc][cut_at] = '.'; /* the clause goes, the full stop stays */
        span.end = cut_at + 1;
    }
    sentence se = {doc, span.start, span.end, (uint32_t)s->concept_of.n, 0,
                   (uint32_t)s->stems.n, 0, 0, 0, pos, 0};
    uint64_t prev = 0;
    int prev_stop = 1;
    uint32_t capitalised = 0;
    for (; *tok < an->tokens.n && an->tokens.items[*tok].start < span.end; (*tok)++) {
        const sl_token *t = &an->tokens.items[*tok];
        uint64_t term = an->token_terms.items[*tok];
        if (t->start < span.start || !term) {
            continue;
        }
        int stop = (t->flags & SL_TOK_STOP) != 0;
        se.words += (t->flags & SL_TOK_WORD) != 0;
        capitalised += (t->flags & SL_TOK_WORD) && (t->flags & SL_TOK_UPPER);
        if (prev && !(stop && prev_stop)) {
            long c = concept_id(s, prev * 0x9E3779B97F4A7C15ULL ^ term ^ 1);
            if (c < 0 || sl_vec_push(&s->concept_of, (uint32_t)c))
                return SL_ENOMEM;
        }
        if (sl_token_is_content(t, text)) {
            /* content words are concepts too (as much as bigrams: R-1 +.01) */
            long c = concept_id(s, term * 0xC2B2AE3D27D4EB4FULL ^ 2);
            if (c < 0 || sl_vec_push(&s->stems, term) ||
                sl_vec_push(&s->concept_of, (uint32_t)c))
                return SL_ENOMEM;
        }
        prev = term, prev_stop = stop;
    }
    /* distinct concepts and stems */
    if (s->concept_of.n > se.first)
        se.n = (uint32_t)sl_sort_u32_distinct(s->concept_of.items + se.first,
                                                s->concept_of.n - se.first);
    s->concept_of.n = se.first + se.n;
    if (s->stems.n > se.tfirst)
        se.tn = (uint32_t)sl_sort_u64_distinct(s->stems.items + se.tfirst,
                                                 s->stems.n - se.tfirst);
    s->stems.n = se.tfirst + se.tn;
    se.bytes = tidy_length(text, span.start, span.end);
    /* Too short to say anything alone, or too long to leave room for more;
     * a headline or subheading (most words capitalised) is not a sentence. */
    se.eligible = se.words >= MIN_WORDS && se.words <= MAX_WORDS && 2 * capitalised <= se.words;
    return sl_vec_push(&s->sents, se) ? SL_ENOMEM : 0;
}

static int read_docs(summarizer *s)
{
    sl_analyzer *a = sl_analyzer_new();
    sl_analysis an = {0};
    int rc = a ? 0 : SL_ENOMEM;
    for (size_t d = 0; !rc && d < s->n_docs; d++) {
        const sl_story_text *doc = &s->docs[d];
        if (doc->len > UINT32_MAX) {
            rc = SL_ETOOLARGE;
            break;
        }
        s->texts[d] = sl_report_unwrap(doc->text, doc->len);
        if (!s->texts[d] || (rc = sl_analyze(a, s->texts[d], doc->len, &an)))
            rc = rc ? rc : SL_ENOMEM;
        size_t tok = 0;
        for (size_t k = 0; !rc && k < an.sentences.n; k++)
            rc = add_sentence(s, (uint32_t)d, (uint32_t)k, &an, s->texts[d],
                              an.sentences.items[k], &tok);
    }
    sl_analysis_free(&an);
    sl_analyzer_free(a);
    return rc;
}

/* ---- concept weights: independent sources using each concept ---- */

static int weigh_concepts(summarizer *s, size_t *n_sources)
{
    s->weight = sl_calloc(s->n_concepts + 1, sizeof *s->weight);
    s->covered = sl_calloc(s->n_concepts + 1, 1);
    uint32_t *source = sl_malloc((s->n_docs + 1) * sizeof *source);
    if (!s->weight || !s->covered || !source) {
        free(source);
        return SL_ENOMEM;
    }
    *n_sources = 0;
    for (size_t d = 0; d < s->n_docs; d++) {
        source[d] = (uint32_t)sl_report_source(s->docs, d);
        *n_sources += source[d] == d;
    }
    for (size_t i = 0; i < s->sents.n; i++) {
        const sentence *se = &s->sents.items[i];
        for (uint32_t k = 0; k < se->n; k++) {
            uint32_t c = s->concept_of.items[se->first + k];
            uint64_t pair = (uint64_t)c << 32 | (uint64_t)source[se->doc] << 1 | (se->pos < 2);
            if (sl_vec_push(&s->pairs, pair)) {
                free(source);
                return SL_ENOMEM;
            }
        }
    }
    free(source);
    sl_sort_u64(s->pairs.items, s->pairs.n);
    /* each source counts once per concept, more when it puts the concept
     * in its lead (pairs sort lead last within a source) */
    for (size_t i = 0; i < s->pairs.n; i++) {
        uint64_t p = s->pairs.items[i];
        int last_of_source = i + 1 == s->pairs.n || s->pairs.items[i + 1] >> 1 != p >> 1;
        if (last_of_source)
            s->weight[p >> 32] += 1 + (double)(p & 1) * LEAD_BONUS;
    }
    /* A concept one source alone uses is that source's detail, not the
     * story's (ICSI keeps concepts in 3 of 10 documents); with one or two
     * sources every concept counts. */
    double floor = *n_sources >= 6 ? 3 : *n_sources >= 3 ? 2 : 1;
    for (size_t c = 0; c < s->n_concepts; c++)
        if (s->weight[c] < floor) /* lead bonus included: leads matter more */
            s->weight[c] = 0;
        else
            s->weight[c] = pow(s->weight[c], WEIGHT_POWER);
    return 0;
}

/* ---- selection ---- */

static double overlap(const summarizer *s, const sentence *a, const sentence *b)
{
    return sl_report_overlap(s->stems.items + a->tfirst, a->tn, s->stems.items + b->tfirst, b->tn);
}

static double gain(const summarizer *s, const sentence *se)
{
    double g = 0;
    for (uint32_t k = 0; k < se->n; k++) {
        uint32_t c = s->concept_of.items[se->first + k];
        if (!s->covered[c])
            g += s->weight[c];
    }
    return g;
}

static uint32_t cost(const sentence *se, const sl_summary_options *o)
{
    return o->bytes ? se->bytes + 1 : se->words;
}

/* The best sentence to add: most new concept weight per unit of cost (the
 * cost to the power 0.6 lets a long sentence that adds much beat a short
 * one that adds a little; 1.0 favoured fragments), with a lead prior: news
 * puts the story's core in each article's first sentences. */
static long pick(const summarizer *s, const uint32_t *chosen, size_t n_chosen, uint32_t room,
                 const sl_summary_options *o, int ignore_room)
{
    long best = -1;
    double best_score = 0;
    for (size_t i = 0; i < s->sents.n; i++) {
        const sentence *se = &s->sents.items[i];
        if (!se->eligible || (!ignore_room && cost(se, o) > room))
            continue;
        int same = 0;
        for (size_t k = 0; k < n_chosen && !same; k++)
            same = chosen[k] == i ||
                   overlap(s, se, &s->sents.items[chosen[k]]) > SL_REPORT_SAME_THING;
        if (same)
            continue;
        double score = gain(s, se) / pow(cost(se, o), LENGTH_POWER) *
                       (1 + POSITION_PRIOR / (1 + se->pos));
        if (score > best_score)
            best_score = score, best = (long)i;
    }
    return best;
}

/* ---- output ---- */

static char *tidy_text(const char *t, uint32_t start, uint32_t end)
{
    char *out = sl_malloc(end - start + 1), *p = out;
    if (!out)
        return NULL;
    for (uint32_t i = start; i < end; i++) {
        if (is_space(t[i]) && p > out && p[-1] == ' ')
            continue;
        *p++ = is_space(t[i]) ? ' ' : t[i];
    }
    *p = 0;
    return out;
}

/* Cuts tidy `text` to at most `room` bytes, or words, at a word boundary. */
static void cut_to(char *text, size_t room, int bytes)
{
    size_t n = 0;
    if (bytes) {
        if (strlen(text) <= room)
            return;
        for (n = room; n > 0 && text[n] != ' ';)
            n--;
    } else {
        for (size_t words = 0; text[n] && words < room; n++)
            words += text[n] == ' ';
        if (!text[n])
            return;
        n--;
    }
    text[n] = 0;
}

/* Every document stating the sentence: its own and those with a sentence
 * saying the same thing. */
static int statements(const summarizer *s, const sentence *se, sl_summary_sentence *out)
{
    char *seen = sl_calloc(s->n_docs, 1);
    if (!seen)
        return SL_ENOMEM;
    seen[se->doc] = 1;
    for (size_t i = 0; i < s->sents.n; i++) {
        const sentence *o = &s->sents.items[i];
        if (!seen[o->doc] && o->tn >= 4 && overlap(s, se, o) >= 0.6)
            seen[o->doc] = 1;
    }
    out->docs = sl_malloc(s->n_docs * sizeof *out->docs);
    if (!out->docs) {
        free(seen);
        return SL_ENOMEM;
    }
    for (size_t d = 0; d < s->n_docs; d++)
        if (seen[d])
            out->docs[out->n_docs++] = d;
    free(seen);
    out->n_sources = sl_report_count_sources(s->docs, out->docs, out->n_docs);
    return 0;
}

/* Time order (the documents' dates), then discourse order. */
static int cmp_story_order(const void *x, const void *y, void *ctx)
{
    const summarizer *s = ctx;
    const sentence *a = &s->sents.items[*(const uint32_t *)x];
    const sentence *b = &s->sents.items[*(const uint32_t *)y];
    const char *pa = s->docs[a->doc].published, *pb = s->docs[b->doc].published;
    int c = pa && pb ? strncmp(pa, pb, 10) : 0;
    if (c)
        return c;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    return a->start < b->start ? -1 : a->start > b->start;
}

static int build_output(summarizer *s, uint32_t *chosen, size_t n, int cut_last,
                        size_t last_room, int bytes, sl_summary *out)
{
    size_t n_sorted = cut_last ? n - 1 : n;
    if (n_sorted > 1)
        qsort_r(chosen, n_sorted, sizeof *chosen, cmp_story_order, s);
    out->sentences = sl_calloc(n ? n : 1, sizeof *out->sentences);
    if (!out->sentences)
        return SL_ENOMEM;
    for (size_t k = 0; k < n; k++) {
        const sentence *se = &s->sents.items[chosen[k]];
        sl_summary_sentence *o = &out->sentences[out->n++];
        o->doc = se->doc;
        o->span = (sl_span){se->start, se->end};
        o->text = tidy_text(s->texts[se->doc], se->start, se->end);
        if (!o->text || statements(s, se, o))
            return SL_ENOMEM;
        if (cut_last && k + 1 == n) {
            cut_to(o->text, last_room, bytes);
            o->cut = 1;
        }
    }
    return 0;
}

static void summarizer_free(summarizer *s)
{
    for (size_t d = 0; s->texts && d < s->n_docs; d++)
        free(s->texts[d]);
    free(s->texts);
    sl_vec_free(&s->sents);
    sl_vec_free(&s->concept_of);
    sl_vec_free(&s->stems);
    sl_vec_free(&s->pairs);
    sl_count_free(&s->map);
    free(s->weight);
    free(s->covered);
}

static void cover(summarizer *s, const sentence *se)
{
    for (uint32_t k = 0; k < se->n; k++)
        s->covered[s->concept_of.items[se->first + k]] = 1;
}

static int select_sentences(summarizer *s, const sl_summary_options *o, sl_summary *out)
{
    uint32_t budget = (uint32_t)(o->bytes ? o->bytes : o->words), used = 0;
    uint32_t *chosen = sl_malloc((s->sents.n + 1) * sizeof *chosen);
    if (!chosen)
        return SL_ENOMEM;
    size_t n = 0;
    long i;
    while ((i = pick(s, chosen, n, budget - used, o, 0)) >= 0) {
        chosen[n++] = (uint32_t)i;
        used += cost(&s->sents.items[i], o);
        cover(s, &s->sents.items[i]);
    }
    /* The budget filled to the last word, as DUC scores summaries: the best
     * sentence left, cut, closes the summary; a remainder of 20 bytes or 3
     * words is too short for a fragment worth reading, unless nothing else
     * fits: a budget shorter than every sentence still gives one, cut. */
    int cut_last = 0;
    if (o->cut && (n == 0 || budget - used > (o->bytes ? 20u : 3u)) &&
        (i = pick(s, chosen, n, budget - used, o, 1)) >= 0) {
        chosen[n++] = (uint32_t)i;
        cut_last = 1;
    }
    /* `used` counts a separator after each sentence: the one before the cut
     * sentence, so what is left is all its own */
    int rc = build_output(s, chosen, n, cut_last, budget - used, o->bytes > 0, out);
    free(chosen);
    return rc;
}

int sl_summarize(const sl_story_text *docs, size_t n, const sl_summary_options *opts,
                 sl_summary **out)
{
    *out = NULL;
    if ((!docs && n) || !opts || (opts->bytes <= 0 && opts->words <= 0))
        return SL_EUSAGE;
    summarizer s = {.docs = docs, .n_docs = n};
    sl_summary *sum = sl_calloc(1, sizeof *sum);
    s.texts = sl_calloc(n ? n : 1, sizeof *s.texts);
    size_t n_sources = 0;
    int rc = sum && s.texts ? 0 : SL_ENOMEM;
    if (!rc)
        rc = read_docs(&s);
    if (!rc)
        rc = weigh_concepts(&s, &n_sources);
    if (!rc)
        rc = select_sentences(&s, opts, sum);
    summarizer_free(&s);
    if (rc) {
        sl_summary_free(sum);
        return rc;
    }
    *out = sum;
    return 0;
}

void sl_summary_free(sl_summary *summary)
{
    if (!summary)
        return;
    for (size_t i = 0; i < summary->n; i++) {
        free(summary->sentences[i].text);
        free(summary->sentences[i].docs);
    }
    free(summary->sentences);
    free(summary);
}
