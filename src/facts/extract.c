/* extract.c — reads one analysed text for facts: takes its sentences and
 * tokens from the text stage's analysis, runs the extractors (numbers,
 * dates, entities, quotes) and holds the word tests they share. Also the
 * public extraction calls, which analyse a bare text first. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "facts/facts.h"
#include "util/alloc.h"
#include "util/date.h"
#include "util/json_out.h"

void sl_fact_item_clear(sl_fact_item *it)
{
    free(it->text);
    free(it->about);
    free(it->detail);
    free(it->role);
    memset(it, 0, sizeof *it);
}

char *sl_facts_strdup(sl_facts_doc *d, const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *c = sl_malloc(n + 1);
    if (!c) {
        d->err = SL_ENOMEM;
        return NULL;
    }
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

/* The sentence holding byte offset `at` (binary search). */
static sl_span sentence_at(const sl_facts_doc *d, uint32_t at)
{
    size_t lo = 0, hi = d->sents.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->sents.items[mid].end <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < d->sents.n)
        return d->sents.items[lo];
    return (sl_span){at, at};
}

sl_fact_item *sl_facts_add(sl_facts_doc *d, sl_fact_kind kind, uint32_t start, uint32_t end)
{
    if (d->err || d->out->n >= SL_FACTS_MAX_ITEMS)
        return NULL;
    sl_fact_item it = {0};
    it.kind = kind;
    it.span = (sl_span){start, end};
    it.sentence = sentence_at(d, start);
    it.approx = '=';
    it.text = sl_facts_strdup(d, d->s + start, end - start);
    if (d->err || sl_vec_push(d->out, it)) {
        free(it.text);
        d->err = SL_ENOMEM;
        return NULL;
    }
    return &d->out->items[d->out->n - 1];
}

bool sl_facts_named_person(const sl_facts_doc *d, const sl_fact_item *it)
{
    return it->kind == SL_FACT_ENTITY && it->about && it->detail && !strcmp(it->detail, "person") &&
           sl_facts_upper(d, sl_facts_token_at(d, it->span.start));
}

void sl_facts_put_lower(const sl_facts_doc *d, size_t i, sl_buf *b)
{
    size_t n;
    const char *s = sl_facts_tok(d, i, &n);
    if (b->len)
        sl_buf_putc(b, ' ');
    for (size_t k = 0; k < n; k++)
        sl_buf_putc(b, s[k] >= 'A' && s[k] <= 'Z' ? s[k] | 0x20 : s[k]);
}

/* Items in text order, so that every reader sees them the same way. */
static int by_start(const void *a, const void *b)
{
    const sl_fact_item *x = a, *y = b;
    if (x->span.start != y->span.start)
        return x->span.start < y->span.start ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

int sl_facts_doc_init(sl_facts_doc *d, const char *text, size_t len, const sl_analysis *an,
                      int64_t pub_day, sl_fact_vec *out)
{
    *d = (sl_facts_doc){.s = text, .len = len, .out = out, .pub_day = pub_day};
    d->toks.items = an->tokens.items;
    while (d->toks.n < an->tokens.n && an->tokens.items[d->toks.n].end <= len)
        d->toks.n++;
    d->sents.items = an->sentences.items;
    while (d->sents.n < an->sentences.n && an->sentences.items[d->sents.n].start < len)
        d->sents.n++;
    if (d->toks.n && (!(d->sent_of = sl_malloc(d->toks.n * sizeof *d->sent_of)) ||
                      !(d->word_hash = sl_malloc(d->toks.n * sizeof *d->word_hash)) ||
                      !(d->token_memo = sl_calloc(d->toks.n, sizeof *d->token_memo)) ||
                      !(d->units_memo = sl_calloc(d->toks.n, sizeof *d->units_memo))))
        return SL_ENOMEM;
    for (size_t i = 0; i < d->toks.n; i++) {
        size_t n;
        const char *w = sl_facts_tok(d, i, &n);
        d->word_hash[i] = sl_facts_word_hash(w, n);
    }
    size_t s = 0;
    for (size_t i = 0; i < d->toks.n; i++) {
        while (s + 1 < d->sents.n && d->sents.items[s].end <= d->toks.items[i].start)
            s++;
        d->sent_of[i] = s;
    }
    return 0;
}

size_t sl_facts_token_at(const sl_facts_doc *d, uint32_t at)
{
    size_t lo = 0, hi = d->toks.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->toks.items[mid].start < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void sl_facts_doc_clear(sl_facts_doc *d)
{
    free(d->sent_of);
    free(d->word_hash);
    free(d->token_memo);
    free(d->units_memo);
    d->sent_of = NULL;
    d->word_hash = NULL;
    d->token_memo = NULL;
    d->units_memo = NULL;
}

void sl_facts_run_extractors(sl_facts_doc *d)
{
    sl_facts_numbers(d);
    sl_facts_dates(d);
    sl_facts_entities(d);
    sl_facts_role_mentions(d);
    sl_facts_peoples(d);
    sl_facts_quotes(d);
}

int sl_facts_run(const char *text, size_t len, const sl_analysis *an, const sl_text_names *names,
                 const char *published, sl_fact_vec *out)
{
    sl_facts_vec_clear(out);
    len = sl_utf8_cut(text, len, SL_FACTS_MAX_TEXT);
    sl_facts_doc d;
    int rc = sl_facts_doc_init(&d, text, len, an, published ? sl_date_day(published) : SL_NO_DAY, out);
    /* the given names are of all of `an`: they serve when all of it is read */
    if (names && d.toks.n == an->tokens.n && d.sents.n == an->sentences.n)
        d.names = names;
    if (!rc) {
        sl_facts_run_extractors(&d);
        rc = d.err;
        if (out->n)
            qsort(out->items, out->n, sizeof *out->items, by_start);
    }
    sl_facts_doc_clear(&d);
    return rc;
}

void sl_facts_vec_clear(sl_fact_vec *v)
{
    for (size_t i = 0; i < v->n; i++)
        sl_fact_item_clear(&v->items[i]);
    v->n = 0;
}

void sl_facts_vec_free(sl_fact_vec *v)
{
    sl_facts_vec_clear(v);
    sl_vec_free(v);
}

void sl_fact_items_free(sl_fact_items *items)
{
    if (!items)
        return;
    for (size_t i = 0; i < items->n; i++)
        sl_fact_item_clear(&items->items[i]);
    free(items->items);
    free(items);
}

/* The analyser of bare texts, one per thread, kept between calls: a fresh
 * one per text started its stem memos empty and stemmed every text's words
 * again, a quarter of `facts --text`'s instructions over the first 1,000
 * Reuters stories (docs/history/benchmarks-rounds.md, "Twenty-seventh round: the facts
 * stage's instructions"). The memos remember what depends on a word and
 * its language alone, so the analyses are the same; a thread's analyser is
 * freed when the thread ends (by analyzer_destroy, which is why the
 * shared library is linked nodelete: Makefile). */
static pthread_key_t analyzer_key;
static pthread_once_t analyzer_once = PTHREAD_ONCE_INIT;
static int analyzer_key_rc = -1;

static void analyzer_destroy(void *analyzer)
{
    sl_analyzer_free(analyzer);
}

static void analyzer_key_make(void)
{
    analyzer_key_rc = pthread_key_create(&analyzer_key, analyzer_destroy);
}

/* This thread's analyser, made on its first use; NULL when out of memory.
 * *kept tells whether it stays the thread's (else the caller frees it). */
static sl_analyzer *thread_analyzer(bool *kept)
{
    pthread_once(&analyzer_once, analyzer_key_make);
    *kept = !analyzer_key_rc;
    sl_analyzer *a = *kept ? pthread_getspecific(analyzer_key) : NULL;
    if (a)
        return a;
    a = sl_analyzer_new();
    if (a && *kept && pthread_setspecific(analyzer_key, a))
        *kept = false;
    return a;
}

/* Done with a text: an analyser not kept is freed, and so is a kept one
 * after a failed analysis (its buffers may hold a sticky error), the next
 * text then getting a fresh one. */
static void analyzer_release(sl_analyzer *a, bool kept, bool failed)
{
    if (kept && !failed)
        return;
    if (kept)
        pthread_setspecific(analyzer_key, NULL);
    sl_analyzer_free(a);
}

int sl_facts_extract(const char *text, size_t len, const char *published, sl_fact_items **out)
{
    *out = NULL;
    if (!text)
        return SL_EUSAGE;
    /* Bare texts may be anything: repaired to valid UTF-8 first (the same
     * bytes, so the same offsets, for valid UTF-8 without control characters). */
    sl_buf clean = SL_BUF_INIT;
    sl_utf8_repair(text, len, &clean);
    const char *s = clean.ptr ? clean.ptr : "";
    bool kept;
    sl_analyzer *analyzer = thread_analyzer(&kept);
    sl_analysis an = {0};
    sl_fact_vec v = {0};
    int rc = clean.err ? clean.err : analyzer ? sl_analyze(analyzer, s, clean.len, &an) : SL_ENOMEM;
    analyzer_release(analyzer, kept, rc != 0);
    if (!rc)
        rc = sl_facts_run(s, clean.len, &an, NULL, published, &v);
    sl_analysis_free(&an);
    sl_buf_free(&clean);
    sl_fact_items *items = sl_calloc(1, sizeof *items);
    if (rc || !items) {
        sl_facts_vec_free(&v);
        free(items);
        return rc ? rc : SL_ENOMEM;
    }
    items->n = v.n;
    items->items = v.items;
    *out = items;
    return 0;
}
