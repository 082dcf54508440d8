/* pipeline.c — one article through every stage, in order: read (extract
 * HTML, repair UTF-8, normalise, strip chrome, find the title), recognise an
 * unchanged re-ingest or an exact copy, analyse into the article's sl_doc,
 * then the copies, stories and facts stages, each reading the doc; last,
 * one burst of store writes (inside the caller's transaction). Until that
 * burst nothing is written; the stages only read the store. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine.h"
#include "event_day.h"
#include "facts/facts.h"
#include "util/date.h"
#include "util/hash.h"

/* What the stages decided for the article, written in one burst. */
typedef struct plan {
    int64_t existing;          /* the stored article this is a new version of, 0 when new */
    int64_t copy_of;           /* the stored article this is an exact copy of, 0 when none */
    int64_t copy_story;        /* the story a copy joins (its original's), 0 when none */
    sl_vector vector;          /* the article's term vector (stories stage) */
    sl_placement place;        /* the story found for it, or none */
    int64_t day;               /* its grouping day, the event's (SL_NO_DAY when undated) */
    const char *day_flag;      /* why that is not its date, NULL when it is */
} plan;

/* Chrome lines are judged by how many other stored articles carry them;
 * `self` (a new version's own article) never counts. */
typedef struct line_count_ctx {
    sl_store *store;
    int64_t self;
} line_count_ctx;

static int count_lines(void *ctx, const uint64_t *hashes, size_t n, uint32_t *counts)
{
    const line_count_ctx *c = ctx;
    return sl_store_lines_count(c->store, hashes, n, c->self, SL_CHROME_REPEAT_MIN, counts) ? SL_ESTORE : 0;
}

/* The input as given, before any cleaning: what "its source did not
 * change" is judged on. Cleaning depends on the other stored articles (page
 * chrome by repetition), so the clean text cannot tell a re-ingest. */
int64_t sl_pipeline_source_hash(const sl_article_input *in)
{
    uint64_t h = in->html ? sl_hash64(in->html, in->html_len) : sl_hash64(in->text, in->text_len);
    const char *extra[] = {in->title, in->charset};
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        h = h * 0x9E3779B97F4A7C15u + (extra[i] ? sl_hash64(extra[i], strlen(extra[i])) : i + 1);
    return (int64_t)h;
}

/* Identity under which new content counts as a new version, not a new
 * article: its URL, its key, or its file. A record of a file of many (a
 * JSONL line) without URL or key is identified by its file and content:
 * records are never versions of one another. */
static int set_identity(sl_engine *e, const sl_article_input *in, int64_t source_hash, sl_doc *doc)
{
    sl_buf *id = &e->scratch;
    sl_buf_clear(id);
    if (in->url && *in->url)
        sl_buf_printf(id, "url:%s", in->url);
    else if (in->key && *in->key)
        sl_buf_printf(id, "key:%s/%s", in->source ? in->source : "", in->key);
    else if (in->path && *in->path && strcmp(in->path, "-") && in->in_file)
        sl_buf_printf(id, "path:%s#%016llx", in->path, (unsigned long long)source_hash);
    else if (in->path && *in->path && strcmp(in->path, "-"))
        sl_buf_printf(id, "path:%s", in->path);
    if (id->err)
        return SL_ENOMEM; /* never stored without the identity it has */
    return sl_doc_set_identity(doc, id->len ? id->ptr : NULL);
}

/* Reading: everything up to the clean text and title, into the doc;
 * nothing touches the store but the read-only chrome line counts. */
static int read_article(sl_engine *e, const sl_article_input *in, int64_t self,
                        const sl_pre_extracted *pre, sl_extracted *extracted, sl_doc *doc)
{
    const char *src = in->text;
    size_t len = in->text_len;
    const char *title = in->title;
    const char *published = in->published;
    int from_html = 0;
    sl_stage_clock *clock = &e->clock;
    if (in->html || pre) {
        sl_stage_start(clock);
        int rc = pre ? pre->rc : sl_html_extract(in->html, in->html_len, in->charset, extracted, &e->scratch);
        sl_stage_stop(clock, SL_STAGE_EXTRACTION);
        if (rc)
            return sl_seterr(e, rc, "%s", pre ? pre->why : sl_buf_cstr(&e->scratch));
        const sl_extracted *page = pre ? &pre->page : extracted;
        src = page->text;
        len = strlen(src);
        if (!title)
            title = page->title;
        if (!published)
            published = page->published ? page->published : in->fetched;
        from_html = 1;
    }
    if (!src || !len)
        return sl_seterr(e, SL_EBADINPUT, "no text");
    sl_stage_start(clock);
    int rc = sl_doc_read(doc, src, len);
    sl_stage_stop(clock, SL_STAGE_TEXT);
    if (rc)
        return sl_seterr(e, rc,
                         rc == SL_ENOMEM ? "out of memory normalising the text" : "text too large to normalise");
    line_count_ctx lines = {e->store, self};
    sl_line_counter counter = {count_lines, &lines};
    sl_stage_start(clock);
    rc = sl_chrome_clean(doc->normalized.ptr, doc->normalized.len, &counter, !title && !from_html,
                         &e->cleaned);
    sl_stage_stop(clock, SL_STAGE_CHROME);
    if (rc == SL_ESTORE)
        return sl_seterr_store(e, "counting the article's repeated lines");
    if (rc)
        return sl_seterr(e, rc, "cleaning text failed");
    if (!e->cleaned.text.len)
        return sl_seterr(e, SL_EBADINPUT, "no article text (%zu %s, all page chrome)",
                         e->cleaned.removed.n, e->cleaned.removed.n == 1 ? "line" : "lines");
    if (sl_doc_set_text(doc, e->cleaned.text.ptr, e->cleaned.text.len) ||
        (title && sl_doc_set_title(doc, title, 0)) ||
        (!title && e->cleaned.title.len && sl_doc_set_title(doc, e->cleaned.title.ptr, 1)) ||
        sl_doc_set_published(doc, published))
        return sl_seterr(e, SL_ENOMEM, "out of memory");
    return 0;
}

/* ---- the stages, each reading the doc; none writes to the store ---- */

static int analyse(sl_engine *e, sl_doc *doc)
{
    sl_stage_clock *clock = &e->clock;
    sl_stage_start(clock);
    int rc = sl_copy_check_prepare(e);
    sl_stage_stop(clock, SL_STAGE_COPIES);
    if (rc)
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "copy index");
    sl_stage_start(clock);
    sl_doc_detect_language(doc, e->analyzer, sl_grouper_language(e->grouper));
    sl_stage_stop(clock, SL_STAGE_LANGUAGE);
    sl_stage_start(clock);
    rc = sl_doc_analyse(doc, e->analyzer, &e->cleaned.tokens);
    sl_stage_stop(clock, SL_STAGE_TEXT);
    if (!rc) {
        sl_stage_start(clock);
        rc = sl_copy_check_sketch(e, doc);
        sl_stage_stop(clock, SL_STAGE_COPIES);
    }
    return rc ? sl_seterr(e, SL_ENOMEM, "out of memory analysing text") : 0;
}

/* The copies stage: relations with stored articles, and the story a copy
 * joins (its original's). */
static int find_copies(sl_engine *e, const sl_article_input *in, const sl_doc *doc, plan *p)
{
    const char *source = in->source ? in->source : in->default_source;
    int rc = p->copy_of ? sl_copy_check_original(e, p->copy_of, &p->copy_story)
                        : sl_copy_check_find(e, doc, source, p->existing);
    if (rc)
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "copies");
    const sl_copy_found *best = sl_copy_check_best(e);
    if (best)
        p->copy_story = best->other_story;
    return 0;
}

static const char *const day_flags[] = {NULL, "undated", "date clamped"};

/* The stories stage: the article's terms and vector, its grouping day, and
 * the story it belongs in (a copy goes to its original's). */
static int place(sl_engine *e, const sl_doc *doc, plan *p)
{
    sl_grouper *g = e->grouper;
    const sl_analysis *title = doc->title ? &doc->title_analysis : NULL;
    if (sl_grouper_find_entities(g, &doc->body, doc->text, &doc->names.names, title, doc->title))
        return sl_seterr(e, SL_ENOMEM, "out of memory");
    int rc = sl_grouper_fetch_df(g, &doc->body, title);
    if (rc)
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "term counts");
    sl_grouper_vectorize(g, &doc->body, title, &p->vector);
    sl_grouper_kind(g, &doc->body, doc->text);
    if (sl_grouper_count_terms(g, &doc->body, title) || sl_grouper_count_language(g, doc->own_lang))
        return sl_seterr(e, SL_ENOMEM, "out of memory");
    /* Grouped on the day its event happened, as its text states it. */
    int64_t event_day;
    if (sl_event_day(doc->text, doc->text_len, doc->day, &event_day))
        return sl_seterr(e, SL_ENOMEM, "out of memory");
    sl_day_flag flag;
    p->day = sl_grouper_day(event_day, (int64_t)(time(NULL) / 86400), &flag);
    p->day_flag = day_flags[flag];
    p->place = (sl_placement){.story = p->copy_story};
    if (!p->copy_story)
        sl_grouper_place(g, &p->vector, p->day, &p->place);
    else
        rc = sl_grouper_fetch_story(g, p->copy_story);   /* the original's story, to add to */
    if (!rc)
        rc = sl_grouper_source_error(g);
    if (rc)
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "stories");
    return 0;
}

/* The facts stage: the items of the clean text. */
static int extract_facts(sl_engine *e, const sl_doc *doc)
{
    int rc = sl_facts_run(doc->text, doc->text_len, &doc->body, &doc->names, doc->published, &e->facts);
    return rc ? sl_seterr(e, rc, "out of memory extracting facts") : 0;
}

/* ---- the store writes, in one burst ---- */

/* Saves the lines chrome removal took out of the article. */
static int record_removed(sl_engine *e, const sl_doc *doc, int64_t id)
{
    const char *norm = doc->normalized.ptr;
    for (size_t i = 0; i < e->cleaned.removed.n; i++) {
        const sl_chrome_line *rm = &e->cleaned.removed.items[i];
        if (sl_store_removed_insert(e->store, id, rm->line_no, norm + rm->start, rm->end - rm->start,
                                    rm->reason))
            return SL_ESTORE;
    }
    return 0;
}

/* A new story for the article: titled by it (or its first sentence), in
 * the thread of its nearest story or in a thread of its own. */
static int new_story(sl_engine *e, sl_doc *doc, const plan *p, int64_t *id)
{
    const char *title = doc->title ? doc->title : sl_doc_fallback_title(doc);
    int64_t thread = p->place.thread;
    if (sl_store_story_new(e->store, 0, title, p->day, id) ||
        sl_store_story_thread(e->store, *id, thread ? thread : *id))
        return SL_ESTORE;
    return 0;
}

/* The story's title and score when this article's headline matches the
 * story best (or scores its title): 1 and *out set, else 0. */
static int retitle(sl_engine *e, const sl_doc *doc, int64_t story, const sl_placement *place,
                   sl_story_title *out)
{
    int what = sl_grouper_retitle(e->grouper, story, place->story ? place->similarity : -1);
    if (what == SL_RETITLE_NONE)
        return 0;
    out->title = what == SL_RETITLE_TITLE ? doc->title : NULL;
    out->score = sl_grouper_title_score(e->grouper, story);
    return 1;
}

/* Files the article in its story (a new one when none was found) and
 * updates the story. A copy counts once, in its original's story. Sets
 * *merged_into to the story that took in another (the last, if several). */
static int write_story(sl_engine *e, sl_doc *doc, const plan *p, int64_t *story_id,
                       int64_t *merged_into)
{
    *story_id = p->place.story;
    if (!*story_id && new_story(e, doc, p, story_id))
        return SL_ESTORE;
    const void *centroid;
    size_t len;
    int rc = sl_grouper_add(e->grouper, *story_id, p->place.story ? 0 : p->place.thread, &p->vector,
                            p->day, !p->copy_story, &centroid, &len);
    if (rc)
        return rc == SL_ENOMEM ? rc : SL_ESTORE;
    /* The new title goes in with the story's update, one write of its row,
     * unless a story merge comes first: then before it, as it was made. */
    sl_story_title title;
    int titled = doc->title && !p->copy_story && retitle(e, doc, *story_id, &p->place, &title);
    int64_t from, into; /* a story grown enough to be linked again (grouper.c) */
    sl_grouper_take_merge(e->grouper, &from, &into);
    if (from && sl_store_threads_merge(e->store, from, into))
        return SL_ESTORE;
    *merged_into = 0;
    while (sl_grouper_take_story_merge(e->grouper, &from, &into)) { /* a short text's story */
        if (titled && sl_store_story_retitle(e->store, *story_id, title.title, title.score))
            return SL_ESTORE;
        titled = 0;
        if (sl_store_stories_merge(e->store, from, into))
            return SL_ESTORE;
        *merged_into = into;
        if (*story_id == from)
            *story_id = into;
    }
    return sl_store_story_update(e->store, *story_id, centroid, len, p->day,
                                 titled ? &title : NULL) ? SL_ESTORE : 0;
}

/* A story that has just passed the split's last checkpoint, by this
 * article or by taking in another story, drops its full reports' vectors:
 * they are never read again (and a new full report of it stores none).
 * Short texts' vectors stay, for the story's revisits (story_revisit.c). */
static int drop_vectors(sl_engine *e, int64_t story, int64_t merged_into)
{
    uint32_t keep = SL_SHORT_TERMS;
    if (sl_grouper_split_past(e->grouper, story) == SL_SPLIT_PASSED &&
        sl_store_story_vectors_drop(e->store, story, keep))
        return SL_ESTORE;
    if (merged_into && sl_grouper_split_past(e->grouper, merged_into) &&
        sl_store_story_vectors_drop(e->store, merged_into, keep))
        return SL_ESTORE;
    return 0;
}

/* Whether the article's vector is stored: a short text's always, a full
 * report's while its story may still split. */
static bool keeps_vector(sl_engine *e, int64_t story, const sl_vector *v)
{
    return v->n < SL_SHORT_TERMS || !sl_grouper_split_past(e->grouper, story);
}

/* A new version's old one leaves its story, in the store and in the
 * grouper alike: a continuing run then counts the articles a reopened
 * store does (the collection's and the story's). */
static int leave_story(sl_engine *e, int64_t article)
{
    int64_t story = 0;
    int rc = sl_store_story_leave(e->store, article, &story);
    if (!rc)
        sl_grouper_leave(e->grouper, story);
    return rc;
}

static int write_article(sl_engine *e, const sl_article_input *in, sl_doc *doc, const plan *p,
                         int64_t source_hash, sl_ingest_result *res)
{
    /* A new version is grouped and compared afresh: it leaves the story and
     * the copy relations of the old one. */
    if (p->existing && (leave_story(e, p->existing) ||
                        sl_store_copies_clear(e->store, p->existing)))
        return sl_seterr_store(e, "story");
    int64_t story = 0, merged_into = 0;
    int rc = write_story(e, doc, p, &story, &merged_into);
    if (!rc)
        rc = drop_vectors(e, story, merged_into);
    if (rc)
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "story");
    /* The short lines of the input (kept or not), recorded as carried by
     * this article for the chrome judgement of later articles; an exact
     * copy adds none: copies of one article are one article. */
    const sl_line_hashes *lines = &e->cleaned.carried;
    unsigned char packed[SL_MEMBER_PACK_MAX];
    size_t packed_len = sl_member_pack(&p->vector, p->day, !p->copy_story, packed);
    sl_article_row row = {
        .identity = doc->identity, .key = in->key, .path = in->path, .url = in->url,
        .source = in->source ? in->source : in->default_source, .published = doc->published, .title = doc->title, .text = doc->text,
        .lang = doc->body.lang, .published_day = doc->day, .content_hash = doc->hash,
        .story_id = story, .bad_bytes = doc->bad_bytes,
        .sentences = doc->body.sentences.items, .n_sentences = doc->body.sentences.n,
        .terms = keeps_vector(e, story, &p->vector) ? packed : NULL, .terms_len = packed_len,
        .source_hash = source_hash, .lines = p->copy_of ? NULL : (const int64_t *)lines->items,
        .n_lines = p->copy_of ? 0 : lines->n,
    };
    int64_t id = p->existing;
    int version = 1;
    rc = p->existing ? sl_store_article_replace(e->store, p->existing, &row, &version)
                     : sl_store_article_insert(e->store, &row, &id);
    if (rc || record_removed(e, doc, id) ||
        ((p->day_flag || p->existing) && sl_store_article_flag(e->store, id, p->day_flag)))
        return sl_seterr_store(e, "storing article");
    rc = p->copy_of ? sl_copy_check_exact(e, id, p->copy_of, doc->day) : sl_copy_check_record(e, id);
    if (!rc)
        rc = sl_copy_check_save(e, id);
    if (rc)
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "storing copies");
    rc = sl_store_facts_put(e->store, id, doc->text, doc->text_len, e->facts.items, e->facts.n);
    if (rc)
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "storing facts");
    rc = sl_story_split_check(e, story, id, &story);
    if (rc)
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "story split");
    rc = sl_story_revisit_check(e, story, id, &story);
    if (rc)
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "story revisit");
    res->article_id = id;
    res->story_id = story;
    res->exact_copy_of = p->copy_of;
    res->outcome = p->existing ? SL_INGEST_NEW_VERSION : SL_INGEST_NEW;
    return 0;
}

/* The facts of a stored article anew, when its date changed (relative
 * dates are resolved against it): the text is analysed again in the doc. */
static int refacts(sl_engine *e, int64_t id, const char *published)
{
    sl_article *a = NULL;
    int rc = sl_store_article_get(e->store, id, &a);
    if (rc)
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "updating article");
    sl_doc *doc = &e->doc;
    sl_doc_reset(doc);
    sl_fact_vec v = {0};
    rc = sl_doc_set_text(doc, a->text, strlen(a->text));
    if (!rc) {
        sl_doc_detect_language(doc, e->analyzer, sl_grouper_language(e->grouper));
        rc = sl_doc_analyse(doc, e->analyzer, NULL);
    }
    if (!rc)
        rc = sl_facts_run(doc->text, doc->text_len, &doc->body, &doc->names, published, &v);
    sl_article_free(a);
    if (rc)
        rc = sl_seterr(e, rc, "out of memory extracting facts");
    else if ((rc = sl_store_facts_put(e->store, id, doc->text, doc->text_len, v.items, v.n)))
        rc = rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "storing facts");
    sl_facts_vec_free(&v);
    return rc;
}

/* An input already stored: nothing changes but the metadata given anew
 * (source, date). A new date moves the article's facts, its date flag and
 * its story's span of days. */
static int unchanged(sl_engine *e, const sl_article_input *in, int64_t id, sl_ingest_result *res)
{
    res->article_id = id;
    res->outcome = SL_INGEST_UNCHANGED;
    const char *source = in->source ? in->source : in->default_source;
    const char *published = in->published;
    int64_t day = sl_date_day(published);
    if (day == SL_NO_DAY)
        published = NULL; /* not a date we understand: as when first stored */
    if (!source && !published)
        return 0;
    int changed = 0;
    if (sl_store_article_meta(e->store, id, source, published, day, &changed))
        return sl_seterr_store(e, "updating article");
    if (!changed)
        return 0;
    res->outcome = SL_INGEST_UPDATED;
    if (!published)
        return 0;
    sl_day_flag flag;
    sl_grouper_day(day, (int64_t)(time(NULL) / 86400), &flag);
    if (sl_store_article_flag(e->store, id, day_flags[flag]))
        return sl_seterr_store(e, "updating article");
    e->grouper_stale = 1; /* a story's days changed in the store */
    return refacts(e, id, published);
}

/* Whether the input is stored already, judged before any cleaning: its
 * identity (or, without one, its source hash) names a stored article whose
 * source is the same. Sets p->existing to the article it may replace. */
static int recognise_source(sl_engine *e, const sl_doc *doc, int64_t source_hash, plan *p,
                            int64_t *existing_hash, int64_t *existing_source, int64_t *seen)
{
    int version = 0;
    int rc = doc->identity ? sl_store_find_identity(e->store, doc->identity, &p->existing,
                                                    existing_hash, &version, existing_source)
                           : sl_store_find_source(e->store, source_hash, seen);
    if (rc)
        return sl_seterr_store(e, "lookup");
    if (p->existing && *existing_source == source_hash)
        *seen = p->existing;
    return 0;
}

/* After cleaning: an unchanged re-ingest (the same clean text under the
 * same identity), or an exact copy of a stored article. *seen is set to the
 * stored article when the input is one already stored. */
static int recognise(sl_engine *e, const sl_doc *doc, int64_t source_hash, int64_t existing_hash,
                     int64_t existing_source, plan *p, int64_t *seen)
{
    if (p->existing && existing_hash == doc->hash) {
        /* Stored before source hashes were: from now on it is known by its source. */
        if (!existing_source && sl_store_source_set(e->store, p->existing, source_hash))
            return sl_seterr_store(e, "updating article");
        *seen = p->existing;
        return 0;
    }
    if (!p->existing) {
        if (sl_store_find_hash(e->store, doc->hash, &p->copy_of, &e->scratch))
            return sl_seterr_store(e, "lookup");
        /* The same content with no identity of its own is a re-ingest, not a copy. */
        if (p->copy_of && !doc->identity)
            *seen = p->copy_of;
    }
    return 0;
}

int sl_pipeline_ingest(sl_engine *e, const sl_article_input *in, sl_ingest_result *out)
{
    return sl_pipeline_ingest_extracted(e, in, NULL, out);
}

int sl_pipeline_ingest_extracted(sl_engine *e, const sl_article_input *in,
                                 const sl_pre_extracted *pre, sl_ingest_result *out)
{
    sl_ingest_result local;
    sl_ingest_result *res = out ? out : &local;
    memset(res, 0, sizeof *res);
    if (!in || (!in->text && !in->html && !pre))
        return sl_seterr(e, SL_EUSAGE, "an article needs text or html");
    sl_doc *doc = &e->doc;
    sl_doc_reset(doc);
    sl_extracted extracted = {0};
    plan p = {0};
    int64_t source_hash = pre ? pre->source_hash : sl_pipeline_source_hash(in), existing_hash = 0, existing_source = 0, seen = 0;
    sl_stage_clock *clock = &e->clock;
    int rc = set_identity(e, in, source_hash, doc);
    if (rc) {
        rc = sl_seterr(e, SL_ENOMEM, "out of memory");
        goto out;
    }
    sl_stage_start(clock);
    rc = recognise_source(e, doc, source_hash, &p, &existing_hash, &existing_source, &seen);
    sl_stage_stop(clock, SL_STAGE_STORE);
    if (!rc && seen) {
        rc = unchanged(e, in, seen, res);
        goto out;
    }
    if (rc || (rc = read_article(e, in, p.existing, pre, &extracted, doc)))
        goto out;
    res->bad_bytes = doc->bad_bytes;
    res->removed_lines = (unsigned)e->cleaned.removed.n;
    sl_stage_start(clock);
    rc = recognise(e, doc, source_hash, existing_hash, existing_source, &p, &seen);
    sl_stage_stop(clock, SL_STAGE_STORE);
    if (!rc && seen) {
        rc = unchanged(e, in, seen, res);
        goto out;
    }
    if (rc || (e->grouper_stale && (rc = sl_engine_reload_grouper(e))) || (rc = analyse(e, doc)))
        goto out;
    sl_stage_start(clock);
    rc = find_copies(e, in, doc, &p);
    sl_stage_stop(clock, SL_STAGE_COPIES);
    if (rc)
        goto out;
    sl_stage_start(clock);
    rc = place(e, doc, &p);
    sl_stage_stop(clock, SL_STAGE_STORIES);
    if (rc)
        goto out;
    sl_stage_start(clock);
    rc = extract_facts(e, doc);
    sl_stage_stop(clock, SL_STAGE_FACTS);
    if (rc)
        goto out;
    sl_stage_start(clock);
    rc = write_article(e, in, doc, &p, source_hash, res);
    sl_stage_stop(clock, SL_STAGE_STORE);
    clock->articles += !rc;
out:
    sl_extracted_clear(&extracted);
    sl_facts_vec_clear(&e->facts);
    return rc;
}
