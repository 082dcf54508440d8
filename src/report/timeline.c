/* timeline.c — a story's timeline from the dates its articles state: every
 * sentence holding a calendar date (normalised by the timex stage against
 * its article's publication date) is an event on that date; an article whose
 * lead states no date gives its lead on the publication date, marked so.
 * The same event told by several articles (same date, a sentence saying the
 * same thing) is one entry listing them all; entries run oldest first. */
#include <stdlib.h>
#include <string.h>

#include "report/texts.h"
#include "text/text.h"
#include "util/alloc.h"
#include "util/sort.h"
#include "util/date.h"
#include "util/vec.h"

typedef struct event {
    char value[32];               /* the date: YYYY, YYYY-MM, YYYY-Www, YYYY-MM-DD */
    int64_t day;                  /* the first day it covers: the timeline's order */
    uint32_t doc, start, end;     /* the sentence */
    uint32_t tfirst, tn;          /* its content stems in stems[], sorted, distinct */
    int from_published;
    long entry;                   /* the entry it joined (index of its first event) */
} event;

typedef struct builder {
    const sl_story_text *docs;
    size_t n_docs;
    char **texts;
    SL_VEC(event) events;
    SL_VEC(uint64_t) stems;
} builder;

/* A value a timeline can place: a calendar date, week, month or year (not a
 * duration, a vague PRESENT_REF, or a date missing its year). Times of day
 * are placed on their day. */
static int datable(const sl_timex *x, char *out, size_t cap)
{
    const char *v = x->value;
    if (x->type == SL_TIMEX_DURATION || x->type == SL_TIMEX_SET)
        return 0;
    for (int i = 0; i < 4; i++)
        if (v[i] < '0' || v[i] > '9')
            return 0;
    size_t n = strcspn(v, "T");
    if (n >= cap)
        return 0;
    memcpy(out, v, n);
    out[n] = 0;
    return 1;
}

/* The first day a date value covers, for ordering: 2024-W34 is Monday
 * 2024-08-19, 2024-Q3 is 2024-07-01, 2024-SU 2024-06-01. */
static int64_t first_day(const char *v)
{
    int y = atoi(v), m = 1, d = 1;
    const char *rest = v + 4;
    if (rest[0] == '-' && rest[1] == 'W') {
        int64_t jan4 = sl_days_from_civil(y, 1, 4);
        int64_t monday = jan4 - ((jan4 % 7 + 7 + 3) % 7); /* day 0 was a Thursday */
        return monday + 7 * (atoi(rest + 2) - 1);
    }
    if (rest[0] == '-' && rest[1] == 'Q')
        m = 3 * (atoi(rest + 2) - 1) + 1;
    else if (rest[0] == '-' && (rest[1] == 'S' || rest[1] == 'F' || rest[1] == 'W'))
        m = rest[1] == 'F' ? 9 : rest[2] == 'P' ? 3 : rest[2] == 'U' ? 6 : 12;
    else if (rest[0] == '-') {
        m = atoi(rest + 1);
        if (rest[3] == '-')
            d = atoi(rest + 4);
    }
    return sl_days_from_civil(y, m >= 1 && m <= 12 ? m : 1, d >= 1 && d <= 31 ? d : 1);
}

/* Adds the sentence [span) of doc d as an event on `value`. */
static int add_event(builder *b, uint32_t d, const sl_analysis *an, const char *text,
                     sl_span span, const char *value, int from_published)
{
    event e = {{0}, first_day(value), d, span.start, span.end, (uint32_t)b->stems.n, 0,
               from_published, -1};
    strncpy(e.value, value, sizeof e.value - 1);
    for (size_t k = 0; k < an->tokens.n; k++) {
        const sl_token *t = &an->tokens.items[k];
        if (t->start >= span.start && t->end <= span.end && sl_token_is_content(t, text) &&
            an->token_terms.items[k] && sl_vec_push(&b->stems, an->token_terms.items[k]))
            return SL_ENOMEM;
    }
    if (b->stems.n > e.tfirst)
        e.tn = (uint32_t)sl_sort_u64_distinct(b->stems.items + e.tfirst, b->stems.n - e.tfirst);
    b->stems.n = e.tfirst + e.tn;
    return sl_vec_push(&b->events, e) ? SL_ENOMEM : 0;
}

/* The events of one document: its dated sentences, or its lead on the
 * publication date when the lead states no date. */
static int read_doc(builder *b, uint32_t d, sl_analyzer *a, sl_analysis *an)
{
    const sl_story_text *doc = &b->docs[d];
    sl_timex_list *dates = NULL;
    int rc = sl_analyze(a, b->texts[d], doc->len, an);
    if (!rc)
        rc = sl_timex_find(b->texts[d], doc->len, doc->published, &dates);
    size_t x = 0;
    for (size_t k = 0; !rc && k < an->sentences.n; k++) {
        sl_span s = an->sentences.items[k];
        /* the sentence's most precise date: "on Tuesday" over "this year" */
        char value[32] = "", v[32];
        for (; x < dates->n && dates->items[x].span.start < s.end; x++)
            if (dates->items[x].span.start >= s.start && datable(&dates->items[x], v, sizeof v) &&
                strlen(v) > strlen(value))
                memcpy(value, v, sizeof value);
        if (value[0])
            rc = add_event(b, d, an, b->texts[d], s, value, 0);
        else if (k == 0 && doc->published && strlen(doc->published) >= 10) {
            memcpy(value, doc->published, 10);
            value[10] = 0;
            rc = add_event(b, d, an, b->texts[d], s, value, 1);
        }
    }
    sl_timex_list_free(dates);
    return rc;
}

static int cmp_events(const void *x, const void *y)
{
    const event *a = x, *b = y;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    int c = strcmp(a->value, b->value);
    if (c)
        return c;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* Two sentences on the same date tell the same event when they share 40% of
 * the smaller one's content words: lower than the summary's bar (50%), as the
 * shared date already says much; two reports of one meeting that each add
 * their own detail share about that much. */
#define SAME_EVENT 0.4

/* Joins each event to the first entry of its date telling the same event. */
static void merge(builder *b)
{
    event *ev = b->events.items;
    size_t n = b->events.n;
    if (n > 1)
        qsort(ev, n, sizeof *ev, cmp_events);
    for (size_t i = 0, run = 0; i < n; i++) {
        if (strcmp(ev[i].value, ev[run].value))
            run = i;
        for (size_t j = run; j < i && ev[i].entry < 0; j++)
            if (ev[j].entry == (long)j &&
                sl_report_overlap(b->stems.items + ev[i].tfirst, ev[i].tn,
                                  b->stems.items + ev[j].tfirst, ev[j].tn) >= SAME_EVENT)
                ev[i].entry = (long)j;
        if (ev[i].entry < 0)
            ev[i].entry = (long)i;
    }
}

static char *tidy(const char *t, uint32_t start, uint32_t end)
{
    char *out = sl_malloc(end - start + 1), *p = out;
    if (!out)
        return NULL;
    for (uint32_t i = start; i < end; i++) {
        int space = t[i] == ' ' || t[i] == '\n' || t[i] == '\t';
        if (!(space && p > out && p[-1] == ' '))
            *p++ = space ? ' ' : t[i];
    }
    *p = 0;
    return out;
}

/* One entry per merged group, with every document stating it. */
static int build_entries(builder *b, sl_timeline *out)
{
    const event *ev = b->events.items;
    out->events = sl_calloc(b->events.n + 1, sizeof *out->events);
    if (!out->events)
        return SL_ENOMEM;
    for (size_t i = 0; i < b->events.n; i++) {
        if (ev[i].entry != (long)i)
            continue;
        sl_timeline_event *e = &out->events[out->n++];
        memcpy(e->value, ev[i].value, sizeof e->value);
        e->doc = ev[i].doc;
        e->span = (sl_span){ev[i].start, ev[i].end};
        e->from_published = ev[i].from_published;
        e->text = tidy(b->texts[ev[i].doc], ev[i].start, ev[i].end);
        e->docs = sl_malloc(b->n_docs * sizeof *e->docs);
        if (!e->text || !e->docs)
            return SL_ENOMEM;
        for (size_t j = i; j < b->events.n && !strcmp(ev[j].value, ev[i].value); j++) {
            size_t k = 0;
            while (ev[j].entry == (long)i && k < e->n_docs && e->docs[k] != ev[j].doc)
                k++;
            if (ev[j].entry == (long)i && k == e->n_docs)
                e->docs[e->n_docs++] = ev[j].doc;
            e->from_published &= ev[j].entry != (long)i || ev[j].from_published;
        }
        e->n_sources = sl_report_count_sources(b->docs, e->docs, e->n_docs);
    }
    return 0;
}

int sl_timeline_build(const sl_story_text *docs, size_t n, sl_timeline **out)
{
    *out = NULL;
    if (!docs && n)
        return SL_EUSAGE;
    builder b = {.docs = docs, .n_docs = n};
    sl_timeline *tl = sl_calloc(1, sizeof *tl);
    b.texts = sl_calloc(n + 1, sizeof *b.texts);
    sl_analyzer *a = sl_analyzer_new();
    sl_analysis an = {0};
    int rc = tl && b.texts && a ? 0 : SL_ENOMEM;
    for (size_t d = 0; !rc && d < n; d++) {
        if (docs[d].len > UINT32_MAX)
            rc = SL_ETOOLARGE;
        else if (!(b.texts[d] = sl_report_unwrap(docs[d].text, docs[d].len)))
            rc = SL_ENOMEM;
        else
            rc = read_doc(&b, (uint32_t)d, a, &an);
    }
    if (!rc) {
        merge(&b);
        rc = build_entries(&b, tl);
    }
    sl_analysis_free(&an);
    sl_analyzer_free(a);
    for (size_t d = 0; b.texts && d < n; d++)
        free(b.texts[d]);
    free(b.texts);
    sl_vec_free(&b.events);
    sl_vec_free(&b.stems);
    if (rc) {
        sl_timeline_free(tl);
        return rc;
    }
    *out = tl;
    return 0;
}

void sl_timeline_free(sl_timeline *timeline)
{
    if (!timeline)
        return;
    for (size_t i = 0; i < timeline->n; i++) {
        free(timeline->events[i].text);
        free(timeline->events[i].docs);
    }
    free(timeline->events);
    free(timeline);
}
