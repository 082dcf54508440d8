/* doc.c — filling the analysed article (see doc.h). */
#include "doc/doc.h"

#include <stdlib.h>
#include <string.h>

#include "util/date.h"
#include "util/hash.h"

void sl_doc_reset(sl_doc *d)
{
    sl_arena_reset(&d->arena);
    sl_buf_clear(&d->raw);
    sl_buf_clear(&d->normalized);
    d->text = d->title = d->identity = d->published = NULL;
    d->text_len = 0;
    d->day = SL_NO_DAY;
    d->hash = 0;
    d->bad_bytes = 0;
}

void sl_doc_free(sl_doc *d)
{
    sl_arena_free(&d->arena);
    sl_buf_free(&d->raw);
    sl_buf_free(&d->normalized);
    sl_analysis_free(&d->body);
    sl_analysis_free(&d->title_analysis);
    sl_vec_free(&d->names.names);
    sl_buf_free(&d->names.fold);
}

/* The repaired input is kept for the next article up to this size; over it
 * (a 20 MB JSONL line) it is freed once normalised, not held through the
 * later stages' peak (qa6). */
#define RAW_KEEP ((size_t)1 << 20)

int sl_doc_read(sl_doc *d, const char *input, size_t len)
{
    sl_buf_clear(&d->raw);
    d->bad_bytes = (unsigned)sl_utf8_repair(input, len, &d->raw);
    sl_buf_clear(&d->normalized);
    if (d->raw.err)
        return d->raw.err;
    int rc = sl_text_normalize(sl_buf_cstr(&d->raw), d->raw.len, &d->normalized);
    if (d->raw.cap > RAW_KEEP)   /* a huge text's repaired copy is not held on */
        sl_buf_free(&d->raw);
    return rc == SL_ENOMEM ? rc : rc ? SL_ETOOLARGE : 0;
}

int sl_doc_set_text(sl_doc *d, const char *text, size_t len)
{
    d->text = sl_arena_strndup(&d->arena, text, len);
    d->text_len = d->text ? len : 0;
    d->hash = sl_hash64_signed(text, len);
    return d->text ? 0 : SL_ENOMEM;
}

/* Repairs and normalises caller-given text into the arena. */
static char *clean_field(sl_doc *d, const char *s)
{
    sl_buf repaired = SL_BUF_INIT, normalized = SL_BUF_INIT;
    sl_utf8_repair(s, strlen(s), &repaired);
    char *out = NULL;
    if (!repaired.err && !sl_text_normalize(sl_buf_cstr(&repaired), repaired.len, &normalized))
        out = sl_arena_strndup(&d->arena, sl_buf_cstr(&normalized), normalized.len);
    sl_buf_free(&repaired);
    sl_buf_free(&normalized);
    return out;
}

void sl_title_cap(char *title)
{
    static const char ellipsis[] = "…";
    if (strlen(title) <= SL_TITLE_MAX)
        return;
    size_t n = sl_utf8_grapheme_cut(title, strlen(title), SL_TITLE_MAX - (sizeof ellipsis - 1));
    memcpy(title + n, ellipsis, sizeof ellipsis);
}

int sl_doc_set_title(sl_doc *d, const char *title, int clean)
{
    char *t = clean ? sl_arena_strndup(&d->arena, title, strlen(title)) : clean_field(d, title);
    if (!t)
        return SL_ENOMEM;
    sl_title_cap(t);
    d->title = *t ? t : NULL;
    return 0;
}

int sl_doc_set_published(sl_doc *d, const char *published)
{
    d->day = sl_date_day(published);
    /* not a date we understand: stored as undated */
    d->published = published && d->day != SL_NO_DAY
                       ? sl_arena_strndup(&d->arena, published, strlen(published))
                       : NULL;
    return d->day != SL_NO_DAY && !d->published ? SL_ENOMEM : 0;
}

int sl_doc_set_identity(sl_doc *d, const char *identity)
{
    d->identity = identity ? sl_arena_strndup(&d->arena, identity, strlen(identity)) : NULL;
    return identity && !d->identity ? SL_ENOMEM : 0;
}

void sl_doc_detect_language(sl_doc *d, sl_analyzer *an, const char *prior)
{
    d->body.lang = sl_analyzer_language(an, d->text, d->text_len, prior, &d->own_lang);
}

int sl_doc_analyse(sl_doc *d, sl_analyzer *an, const sl_token_vec *tokens)
{
    if ((tokens ? sl_analyze_tokens_as(an, d->text, d->text_len, d->body.lang, tokens, &d->body)
                : sl_analyze_as(an, d->text, d->text_len, d->body.lang, &d->body)) ||
        (d->title &&
         sl_analyze_as(an, d->title, strlen(d->title), d->body.lang, &d->title_analysis)))
        return SL_ENOMEM;
    /* once for the stages that read them (stories, facts): each found them anew */
    return sl_names_find(d->text, d->body.tokens.items, d->body.tokens.n, d->body.sentences.items,
                         d->body.sentences.n, &d->names.names, &d->names.fold);
}

int sl_fallback_title(const char *text, const sl_span *sentences, size_t n, sl_buf *out)
{
    if (!n)
        return 0;
    sl_span s = sentences[0];
    size_t len = s.end - s.start;
    if (len > 90) {
        len = 90;
        while (len > 60 && text[s.start + len] != ' ')
            len--;
        len = sl_utf8_grapheme_cut(text + s.start, s.end - s.start, len);   /* as the title cap cuts */
    }
    if (sl_buf_put(out, text + s.start, len))
        return SL_ENOMEM;
    return len < s.end - s.start ? sl_buf_puts(out, "…") : 0;
}

const char *sl_doc_fallback_title(sl_doc *d)
{
    sl_buf title = {0};
    if (sl_fallback_title(d->text, d->body.sentences.items, d->body.sentences.n, &title) ||
        !title.len) {
        sl_buf_free(&title);
        return "";
    }
    char *copy = sl_arena_alloc(&d->arena, title.len + 1);
    if (copy) {
        memcpy(copy, title.ptr, title.len);
        copy[title.len] = 0;
    }
    sl_buf_free(&title);
    return copy ? copy : "";
}
