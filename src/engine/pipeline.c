/* pipeline.c — one article through every stage: extract (HTML), repair
 * UTF-8, normalise, strip chrome and find the title, recognise an unchanged
 * re-ingest, a new version or an exact copy, analyse, group into a story,
 * and store it all (inside the caller's transaction). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine.h"
#include "util/date.h"
#include "util/hash.h"

/* Chrome lines are judged against how often the store has seen them. */
static uint32_t count_line(void *ctx, uint64_t hash)
{
    uint32_t n = 0;
    sl_store_line_seen(ctx, (int64_t)hash, 0, &n);
    return n;
}

/* Identity under which new content counts as a new version, not a new article. */
static const char *identity_of(sl_engine *e, const sl_article_input *in)
{
    sl_buf *id = &e->identity;
    sl_buf_clear(id);
    if (in->url && *in->url)
        sl_buf_printf(id, "url:%s", in->url);
    else if (in->key && *in->key)
        sl_buf_printf(id, "key:%s/%s", in->source ? in->source : "", in->key);
    else if (in->path && *in->path && strcmp(in->path, "-"))
        sl_buf_printf(id, "path:%s", in->path);
    return id->len && !id->err ? id->ptr : NULL;
}

/* Repairs and normalises caller-given text (title, fields) into `out`. */
static int clean_field(const char *s, sl_buf *tmp, sl_buf *out)
{
    sl_buf_clear(tmp);
    sl_buf_clear(out);
    sl_utf8_repair(s, strlen(s), tmp);
    if (tmp->err)
        return tmp->err;
    return sl_text_normalize(sl_buf_cstr(tmp), tmp->len, out);
}

typedef struct prepared {
    const char *text;          /* clean body */
    size_t text_len;
    const char *title;         /* may be NULL */
    const char *published;
    int64_t day;
    int64_t hash;
    unsigned bad_bytes;
    sl_extracted extracted;
    sl_buf title_buf;
} prepared;

/* Everything up to the clean text and title; nothing touches the store but
 * the read-only chrome line counts. */
static int prepare(sl_engine *e, const sl_article_input *in, prepared *p)
{
    const char *src = in->text;
    size_t len = in->text_len;
    const char *title = in->title;
    p->published = in->published;
    int from_html = 0;
    if (in->html) {
        int rc = sl_html_extract(in->html, in->html_len, in->charset, &p->extracted, &e->scratch);
        if (rc)
            return sl_seterr(e, rc, "%s", sl_buf_cstr(&e->scratch));
        src = p->extracted.text;
        len = strlen(src);
        if (!title)
            title = p->extracted.title;
        if (!p->published)
            p->published = p->extracted.published ? p->extracted.published : in->fetched;
        from_html = 1;
    }
    if (!src || !len)
        return sl_seterr(e, SL_EBADINPUT, "no text");
    sl_buf_clear(&e->raw);
    p->bad_bytes = (unsigned)sl_utf8_repair(src, len, &e->raw);
    sl_buf_clear(&e->normalized);
    if (e->raw.err || sl_text_normalize(sl_buf_cstr(&e->raw), e->raw.len, &e->normalized))
        return sl_seterr(e, e->raw.err ? e->raw.err : SL_ETOOLARGE, "text too large to normalise");
    sl_line_counter counter = {count_line, e->store};
    int rc = sl_chrome_clean(e->normalized.ptr, e->normalized.len, &counter, !title && !from_html,
                             &e->cleaned);
    if (rc)
        return sl_seterr(e, rc, "cleaning text failed");
    if (!e->cleaned.text.len)
        return sl_seterr(e, SL_EBADINPUT, "no article text (%zu lines, all page chrome)",
                         e->cleaned.removed.n);
    p->text = e->cleaned.text.ptr;
    p->text_len = e->cleaned.text.len;
    if (title) {
        if (clean_field(title, &e->scratch, &p->title_buf))
            return sl_seterr(e, SL_ENOMEM, "out of memory");
        p->title = p->title_buf.len ? p->title_buf.ptr : NULL;
    } else if (e->cleaned.title.len) {
        p->title = e->cleaned.title.ptr;
    }
    p->day = sl_date_day(p->published);
    if (p->published && p->day == SL_NO_DAY)
        p->published = NULL; /* not a date we understand: stored as undated */
    p->hash = sl_hash64_signed(p->text, p->text_len);
    return 0;
}

/* The story's title when its first article has none: its first sentence, cut. */
static void fallback_title(const sl_analysis *an, const char *text, sl_buf *out)
{
    sl_buf_clear(out);
    if (!an->sentences.n)
        return;
    sl_span s = an->sentences.items[0];
    size_t len = s.end - s.start;
    if (len > 90) {
        len = 90;
        while (len > 60 && text[s.start + len] != ' ')
            len--;
        while (len > 0 && ((unsigned char)text[s.start + len] & 0xC0) == 0x80)
            len--; /* never cut inside a UTF-8 sequence */
    }
    sl_buf_put(out, text + s.start, len);
    if (len < s.end - s.start)
        sl_buf_puts(out, "…");
}

static int record_lines(sl_engine *e, int64_t id)
{
    const char *norm = e->normalized.ptr;
    for (size_t i = 0; i < e->cleaned.removed.n; i++) {
        const sl_chrome_line *rm = &e->cleaned.removed.items[i];
        if (sl_store_removed_insert(e->store, id, rm->line_no, norm + rm->start, rm->end - rm->start,
                                    rm->reason))
            return SL_ESTORE;
    }
    /* Count every short line of the input, kept or not, for later articles. */
    size_t pos = 0, len = e->normalized.len;
    while (pos < len) {
        size_t end = pos;
        while (end < len && norm[end] != '\n')
            end++;
        uint32_t before;
        if (sl_chrome_line_countable(norm + pos, end - pos) &&
            sl_store_line_seen(e->store, (int64_t)sl_chrome_line_hash(norm + pos, end - pos), 1,
                               &before))
            return SL_ESTORE;
        pos = end + 1;
    }
    return 0;
}

static const char *const day_flags[] = {NULL, "undated", "date clamped"};

/* A new story for the article: titled by it (or its first sentence), in
 * the thread of its nearest story or in a thread of its own. */
static int new_story(sl_engine *e, const prepared *p, int64_t day, int64_t thread, int64_t *id)
{
    const char *title = p->title;
    if (!title) {
        fallback_title(&e->body, p->text, &e->scratch);
        title = sl_buf_cstr(&e->scratch);
    }
    if (sl_store_story_new(e->store, 0, title, day, id) ||
        sl_store_story_thread(e->store, *id, thread ? thread : *id))
        return SL_ESTORE;
    return 0;
}

/* Gives the story this article's headline when it matches the story best. */
static int retitle(sl_engine *e, const prepared *p, int64_t story, const sl_placement *place)
{
    int what = sl_grouper_retitle(e->grouper, story, place->story ? place->similarity : -1);
    if (what == SL_RETITLE_NONE)
        return 0;
    return sl_store_story_retitle(e->store, story, what == SL_RETITLE_TITLE ? p->title : NULL,
                                  sl_grouper_title_score(e->grouper, story));
}

/* Picks (or starts) the story and updates it. A copy goes to its original's
 * story and counts once there. */
static int group(sl_engine *e, const prepared *p, int64_t copy_of_story, int64_t *story_id,
                 const char **day_flag)
{
    sl_grouper *g = e->grouper;
    const sl_analysis *title = p->title ? &e->title : NULL;
    if (sl_grouper_find_entities(g, &e->body, p->text, title, p->title))
        return SL_ENOMEM;
    sl_vector v;
    sl_grouper_vectorize(g, &e->body, title, &v);
    if (sl_grouper_count_terms(g, &e->body, title))
        return SL_ENOMEM;
    sl_day_flag flag;
    int64_t day = sl_grouper_day(g, p->day, (int64_t)(time(NULL) / 86400), &flag);
    *day_flag = day_flags[flag];
    sl_placement place = {.story = copy_of_story};
    if (!copy_of_story)
        sl_grouper_place(g, &v, day, &place);
    *story_id = place.story;
    if (!*story_id && new_story(e, p, day, place.thread, story_id))
        return SL_ESTORE;
    const void *centroid;
    size_t len;
    int rc = sl_grouper_add(g, *story_id, place.story ? 0 : place.thread, &v, day, !copy_of_story,
                            &centroid, &len);
    if (rc)
        return rc == SL_ENOMEM ? rc : SL_ESTORE;
    if (p->title && !copy_of_story && retitle(e, p, *story_id, &place))
        return SL_ESTORE;
    return sl_store_story_update(e->store, *story_id, centroid, len, day) ? SL_ESTORE : 0;
}

/* The copies stage before grouping: relations with stored articles, and the
 * story a copy joins (its original's). */
static int find_copies(sl_engine *e, const prepared *p, int64_t existing, int64_t copy_of,
                       int64_t *copy_story)
{
    *copy_story = 0;
    int rc = copy_of ? sl_copy_check_original(e, copy_of, copy_story)
                     : sl_copy_check_find(e, p->day, existing);
    if (rc)
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "copies");
    const sl_copy_found *best = sl_copy_check_best(e);
    if (best)
        *copy_story = best->other_story;
    return 0;
}

static int analyse(sl_engine *e, const prepared *p)
{
    int rc = sl_copy_check_prepare(e);
    if (rc)
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "copy index");
    if (sl_analyze(e->analyzer, p->text, p->text_len, &e->body) ||
        (p->title && sl_analyze_as(e->analyzer, p->title, strlen(p->title), e->body.lang, &e->title)) ||
        sl_copy_check_sketch(e, p->text, e->normalized.ptr ? e->normalized.ptr : "", e->normalized.len))
        return sl_seterr(e, SL_ENOMEM, "out of memory analysing text");
    return 0;
}

static int store_article(sl_engine *e, const sl_article_input *in, const prepared *p,
                         const char *identity, int64_t existing, int64_t copy_of,
                         sl_ingest_result *res)
{
    int rc = analyse(e, p);
    if (rc)
        return rc;
    /* A new version is grouped and compared afresh: it leaves the story and
     * the copy relations of the old one. */
    if (existing && (sl_store_story_leave(e->store, existing) ||
                     sl_store_copies_clear(e->store, existing)))
        return sl_seterr_store(e, "story");
    int64_t copy_story = 0;
    rc = find_copies(e, p, existing, copy_of, &copy_story);
    if (rc)
        return rc;
    int64_t story = 0;
    const char *day_flag = NULL;
    rc = group(e, p, copy_story, &story, &day_flag);
    if (rc)
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "story");
    sl_article_row row = {
        .identity = identity, .key = in->key, .path = in->path, .url = in->url,
        .source = in->source, .published = p->published, .title = p->title, .text = p->text,
        .lang = e->body.lang, .published_day = p->day, .content_hash = p->hash,
        .story_id = story, .bad_bytes = p->bad_bytes,
        .sentences = e->body.sentences.items, .n_sentences = e->body.sentences.n,
    };
    int64_t id = existing;
    int version = 1;
    rc = existing ? sl_store_article_replace(e->store, existing, &row, &version)
                  : sl_store_article_insert(e->store, &row, &id);
    if (rc || record_lines(e, id) ||
        ((day_flag || existing) && sl_store_article_flag(e->store, id, day_flag)))
        return sl_seterr_store(e, "storing article");
    rc = copy_of ? sl_copy_check_exact(e, id, copy_of, p->day) : sl_copy_check_record(e, id);
    if (!rc)
        rc = sl_copy_check_save(e, id);
    if (rc)
        return rc == SL_ENOMEM ? sl_seterr(e, rc, "out of memory") : sl_seterr_store(e, "storing copies");
    if ((rc = sl_facts_index(e, id, p->text, p->text_len, p->published)))
        return rc;
    res->article_id = id;
    res->story_id = story;
    res->exact_copy_of = copy_of;
    res->outcome = existing ? SL_INGEST_NEW_VERSION : SL_INGEST_NEW;
    return 0;
}

int sl_pipeline_ingest(sl_engine *e, const sl_article_input *in, sl_ingest_result *out)
{
    sl_ingest_result local;
    sl_ingest_result *res = out ? out : &local;
    memset(res, 0, sizeof *res);
    if (!in || (!in->text && !in->html))
        return sl_seterr(e, SL_EUSAGE, "an article needs text or html");
    prepared p = {0};
    int rc = prepare(e, in, &p);
    if (rc)
        goto done;
    res->bad_bytes = p.bad_bytes;
    res->removed_lines = (unsigned)e->cleaned.removed.n;
    const char *identity = identity_of(e, in);
    int64_t existing = 0, existing_hash = 0, copy_of = 0;
    int version = 0;
    if (identity && sl_store_find_identity(e->store, identity, &existing, &existing_hash, &version)) {
        rc = sl_seterr_store(e, "lookup");
        goto done;
    }
    if (existing && existing_hash == p.hash) {
        res->article_id = existing;
        res->outcome = SL_INGEST_UNCHANGED;
        goto done;
    }
    if (!existing) {
        if (sl_store_find_hash(e->store, p.hash, &copy_of, &e->scratch)) {
            rc = sl_seterr_store(e, "lookup");
            goto done;
        }
        /* The same content with no identity of its own is a re-ingest, not a copy. */
        if (copy_of && !identity) {
            res->article_id = copy_of;
            res->outcome = SL_INGEST_UNCHANGED;
            goto done;
        }
    }
    rc = store_article(e, in, &p, identity, existing, copy_of, res);
done:
    sl_extracted_clear(&p.extracted);
    sl_buf_free(&p.title_buf);
    return rc;
}
