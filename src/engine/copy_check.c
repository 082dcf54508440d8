/* copy_check.c — the copies stage inside ingest: a new article's sketch is
 * compared with the stored articles the copy index proposes, each relation
 * found is oriented (which is the original) and saved with its evidence, and
 * the index learns the new article. Glue between src/copies and the store. */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "util/alloc.h"
#include "util/date.h"

struct sl_copy_state {
    sl_copy_index *index;          /* NULL until first needed */
    sl_comparer *comparer;
    sl_sketch sketch;              /* the new article's */
    sl_sketch_cache *others;       /* the candidates' (NULL until first needed) */
    sl_stored_sketch stored;
    int64_t stored_of;             /* whose sketch `stored` holds (0: none read yet) */
    bool stored_found;
    sl_comparison comparison;
    sl_buf credit, packed;
    sl_analysis headline, other_headline;   /* the new article's (when read) and a candidate's */
    bool headline_read;
    sl_copy_found found[SL_COPY_CANDIDATES];
    size_t n_found;
};

sl_copy_state *sl_copy_state_new(void)
{
    sl_copy_state *cs = sl_calloc(1, sizeof *cs);
    if (cs && !(cs->comparer = sl_comparer_new())) {
        free(cs);
        return NULL;
    }
    return cs;
}

void sl_copy_state_free(sl_copy_state *cs)
{
    if (!cs)
        return;
    sl_copy_index_free(cs->index);
    sl_comparer_free(cs->comparer);
    sl_sketch_free(&cs->sketch);
    sl_sketch_cache_free(cs->others);
    sl_stored_sketch_free(&cs->stored);
    sl_analysis_free(&cs->headline);
    sl_analysis_free(&cs->other_headline);
    sl_comparison_free(&cs->comparison);
    sl_buf_free(&cs->credit);
    sl_buf_free(&cs->packed);
    for (size_t k = 0; k < SL_COPY_CANDIDATES; k++) {
        sl_buf_free(&cs->found[k].evidence);
        sl_buf_free(&cs->found[k].other_credit);
    }
    free(cs);
}

void sl_copy_state_forget(sl_copy_state *cs)
{
    sl_copy_index_free(cs->index);
    cs->index = NULL;
}

int sl_copy_check_prepare(sl_engine *e)
{
    sl_copy_state *cs = e->copies;
    cs->n_found = 0;
    cs->stored_of = 0;   /* what was read for the last article may have changed */
    if (cs->index)
        return 0;
    cs->index = sl_copy_index_new();
    if (!cs->index)
        return SL_ENOMEM;
    /* The postings are read from the store as articles need them (when
     * it holds any: else every posting is the index's own). */
    sl_store_holds held = {0};
    if (sl_store_held(e->store, &held)) {
        sl_copy_state_forget(cs);
        return SL_ESTORE;
    }
    if (held.copy_keys)
        sl_copy_index_set_source(cs->index, sl_store_copy_keys_recent, e->store);
    return 0;
}

/* Reads stored article `id`'s sketch into cs->stored (SL_ENOTFOUND when
 * it has none), remembering whose it is. */
static int read_stored(sl_copy_state *cs, sl_engine *e, int64_t id)
{
    int rc = sl_store_sketch_get(e->store, id, &cs->stored);
    cs->stored_of = id;
    cs->stored_found = rc == 0;
    return rc;
}

/* Which of the two is the copy. Dates decide when both are dated and differ;
 * otherwise the two are of the same origin, and the one that contains the
 * other, or else the one that carries a credit line, is named the original;
 * failing that, the one stored first. */
static void orient(sl_copy_found *f, int64_t new_day, int64_t other_day, bool new_credit,
                   bool other_credit)
{
    f->same_origin = new_day == SL_NO_DAY || other_day == SL_NO_DAY || new_day == other_day;
    if (!f->same_origin)
        f->new_is_copy = new_day > other_day;
    else if (f->kind == SL_COPY_CONTAINS || f->kind == SL_COPY_EXCERPT)
        f->new_is_copy = f->kind == SL_COPY_EXCERPT;
    else if (new_credit != other_credit)
        f->new_is_copy = other_credit;
    else
        f->new_is_copy = true;
    /* CONTAINS/EXCERPT were said of the new article; say them of the copy */
    if (!f->new_is_copy && f->kind == SL_COPY_CONTAINS)
        f->kind = SL_COPY_EXCERPT;
    else if (!f->new_is_copy && f->kind == SL_COPY_EXCERPT)
        f->kind = SL_COPY_CONTAINS;
}

/* Whether the new article's headline and the candidate's (cs->stored)
 * name one item (sl_copy_headlines_agree), both read in the new article's
 * language; the new one's is read once per article. */
static int headlines_agree(sl_engine *e, const sl_doc *doc, bool *agree)
{
    sl_copy_state *cs = e->copies;
    *agree = false;
    if (!doc->title || !cs->stored.title.len)
        return 0;
    if (!cs->headline_read &&
        sl_analyze_as(e->analyzer, doc->title, strlen(doc->title), doc->body.lang, &cs->headline))
        return SL_ENOMEM;
    cs->headline_read = true;
    if (sl_analyze_as(e->analyzer, cs->stored.title.ptr, cs->stored.title.len, doc->body.lang,
                      &cs->other_headline))
        return SL_ENOMEM;
    *agree = sl_copy_headlines_agree(&cs->headline, &cs->other_headline);
    return 0;
}

/* An outlet's own item of a later day that rewords its earlier one is a
 * follow-up (an update, the next step of the same affair), not a copy: the
 * wire restates what it said before and adds the news. Two dated articles
 * of one named outlet, days apart, are therefore never a rewrite (exact,
 * near and excerpt copies still are: a resent or reprinted item). Of the
 * same day (or undated), they are a rewrite only when they are one item:
 * the two texts tell one lead about one party (sl_copy_same_item) or the
 * two headlines agree (a re-issue keeps its headline); the outlet's other
 * items of the day share its wording with another subject or another
 * lead. Reuters wire stories, checked by hand: docs/copies.md
 * "Follow-ups". Sets *other (the pair is not a copy) when so. */
static int own_other_item(sl_engine *e, const sl_doc *doc, const char *source, bool *other)
{
    sl_copy_state *cs = e->copies;
    const sl_comparison *cmp = &cs->comparison;
    int64_t other_day = cs->stored.day;
    *other = false;
    if (cmp->kind != SL_COPY_REWRITE || !sl_same_outlet(source, sl_buf_cstr(&cs->stored.source)))
        return 0;
    if (doc->day != SL_NO_DAY && other_day != SL_NO_DAY && doc->day != other_day) {
        *other = true;
        return 0;
    }
    if (sl_copy_same_item(cmp))
        return 0;
    bool agree;
    int rc = headlines_agree(e, doc, &agree);
    *other = !agree;
    return rc;
}

/* The aligned pairs as stored: "copy_start copy_end of_start of_end similarity". */
static void write_evidence(const sl_comparison *cmp, const sl_span *new_spans,
                           const sl_span *other_spans, size_t n_other, bool new_is_copy,
                           sl_buf *out)
{
    sl_buf_clear(out);
    for (size_t k = 0; k < cmp->pairs.n; k++) {
        const sl_aligned_pair *p = &cmp->pairs.items[k];
        if (p->b >= n_other)
            continue;
        sl_span a = new_spans[p->a], b = other_spans[p->b];
        sl_span copy = new_is_copy ? a : b, of = new_is_copy ? b : a;
        sl_buf_printf(out, "%u %u %u %u %.3f\n", copy.start, copy.end, of.start, of.end,
                      (double)p->similarity);
    }
}

/* Compares the new article with one candidate; records a relation if any. */
static int compare_with(sl_engine *e, int64_t other, const sl_doc *doc, const char *source,
                        bool credited)
{
    sl_copy_state *cs = e->copies;
    int rc = read_stored(cs, e, other);
    if (rc == SL_ENOTFOUND)
        return 0;
    if (rc)
        return rc;
    if (!cs->others && !(cs->others = sl_sketch_cache_new()))
        return SL_ENOMEM;
    const sl_sketch *sketch;
    rc = sl_sketch_cache_unpack(cs->others, other, cs->stored.stamp, cs->stored.sentences.ptr,
                                cs->stored.sentences.len, &sketch);
    if (rc == SL_ENOMEM)
        return rc;
    if (rc)
        return 0;   /* a damaged sketch: the article is not compared (sl_store_verify reports) */
    if (sl_comparer_compare(cs->comparer, sketch, &cs->comparison))
        return SL_ENOMEM;
    bool own_other = false;
    if (cs->comparison.kind != SL_COPY_NONE && own_other_item(e, doc, source, &own_other))
        return SL_ENOMEM;
    if (cs->comparison.kind == SL_COPY_NONE || own_other)
        return 0;
    sl_copy_found *f = &cs->found[cs->n_found++];
    f->other = other;
    f->other_story = cs->stored.story_id;
    f->kind = cs->comparison.kind;
    f->score = cs->comparison.score;
    orient(f, doc->day, cs->stored.day, credited, cs->stored.credit.len > 0);
    if (!f->new_is_copy) {
        sl_buf_clear(&f->other_credit);
        sl_buf_put(&f->other_credit, cs->stored.credit.ptr, cs->stored.credit.len);
        if (f->other_credit.err)
            return SL_ENOMEM;
    }
    write_evidence(&cs->comparison, cs->sketch.spans.items, (const sl_span *)cs->stored.spans.ptr,
                   cs->stored.spans.len / sizeof(sl_span), f->new_is_copy, &f->evidence);
    return f->evidence.err;
}

int sl_copy_check_sketch(sl_engine *e, const sl_doc *doc)
{
    sl_copy_state *cs = e->copies;
    /* the normalised text first (a credit may stand alone, like chrome),
     * then the clean one (a dateline under several lines of page chrome) */
    sl_credit_find_either(sl_buf_cstr(&doc->normalized), doc->normalized.len, doc->text,
                          doc->text_len, &cs->credit);
    if (cs->credit.err)
        return SL_ENOMEM;
    return sl_sketch_build(&doc->body, doc->text, &cs->sketch);
}

int sl_copy_check_find(sl_engine *e, const sl_doc *doc, const char *source, int64_t self)
{
    sl_copy_state *cs = e->copies;
    cs->n_found = 0;
    cs->headline_read = false;
    if (!cs->index)
        return SL_EUSAGE;   /* sl_copy_check_prepare first */
    int64_t candidates[SL_COPY_CANDIDATES];
    size_t n = 0;
    int rc = sl_copy_index_candidates(cs->index, &cs->sketch, candidates, &n);
    if (rc)
        return rc;
    rc = n ? sl_comparer_set_a(cs->comparer, &cs->sketch) : 0;
    for (size_t k = 0; k < n && !rc; k++)
        if (candidates[k] != self)
            rc = compare_with(e, candidates[k], doc, source, cs->credit.len > 0);
    return rc;
}

const sl_copy_found *sl_copy_check_best(const sl_engine *e)
{
    const sl_copy_state *cs = e->copies;
    const sl_copy_found *best = NULL;
    for (size_t k = 0; k < cs->n_found; k++)
        if (!best || cs->found[k].score > best->score)
            best = &cs->found[k];
    return best;
}

int sl_copy_check_record(sl_engine *e, int64_t id)
{
    sl_copy_state *cs = e->copies;
    for (size_t k = 0; k < cs->n_found; k++) {
        const sl_copy_found *f = &cs->found[k];
        const char *credit = f->new_is_copy ? sl_buf_cstr(&cs->credit) : sl_buf_cstr(&f->other_credit);
        sl_copy_row row = {
            .article_id = f->new_is_copy ? id : f->other,
            .of_id = f->new_is_copy ? f->other : id,
            .kind = sl_copy_kind_name(f->kind), .score = f->score,
            .same_origin = f->same_origin, .credit = *credit ? credit : NULL,
            .evidence = sl_buf_cstr(&f->evidence),
        };
        if (sl_store_copy_insert(e->store, &row))
            return SL_ESTORE;
    }
    return 0;
}

int sl_copy_check_original(sl_engine *e, int64_t original, int64_t *story)
{
    sl_copy_state *cs = e->copies;
    cs->n_found = 0;
    int rc = read_stored(cs, e, original);
    *story = rc ? 0 : cs->stored.story_id;
    return rc == SL_ENOTFOUND ? 0 : rc;
}

int sl_copy_check_exact(sl_engine *e, int64_t id, int64_t original, int64_t day)
{
    sl_copy_state *cs = e->copies;
    sl_copy_found f = {.kind = SL_COPY_EXACT};
    int rc = cs->stored_of == original ? 0 : read_stored(cs, e, original);
    if (rc && rc != SL_ENOTFOUND)
        return rc;
    bool found = cs->stored_found;
    orient(&f, day, found ? cs->stored.day : SL_NO_DAY, cs->credit.len > 0,
           found && cs->stored.credit.len > 0);
    const char *credit = f.new_is_copy ? sl_buf_cstr(&cs->credit)
                                       : found ? sl_buf_cstr(&cs->stored.credit) : "";
    sl_copy_row row = {
        .article_id = f.new_is_copy ? id : original, .of_id = f.new_is_copy ? original : id,
        .kind = "exact", .score = 1.0, .same_origin = f.same_origin,
        .credit = *credit ? credit : NULL,
    };
    return sl_store_copy_insert(e->store, &row) ? SL_ESTORE : 0;
}

int sl_copy_check_save(sl_engine *e, int64_t id)
{
    sl_copy_state *cs = e->copies;
    if (sl_sketch_pack(&cs->sketch, &cs->packed))
        return SL_ENOMEM;
    unsigned char keys[4 * SL_COPY_KEYS];
    size_t keys_len = sl_sketch_keys_pack(&cs->sketch, keys);
    if (sl_store_copy_keys_put(e->store, id, cs->sketch.keys, cs->sketch.n_keys) ||
        sl_store_sketch_put(e->store, id, keys, keys_len, cs->packed.ptr, cs->packed.len,
                            sl_buf_cstr(&cs->credit)))
        return SL_ESTORE;
    return cs->index ? sl_copy_index_add(cs->index, id, cs->sketch.keys, cs->sketch.n_keys) : 0;
}
