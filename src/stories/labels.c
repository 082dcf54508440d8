/* labels.c — what a story is about, in words a reader can scan: keywords
 * (content words its titles and leads share, outside its multiword names)
 * and main entities (multiword names of the text finder,
 * src/text/names.c), counted over the story's
 * articles. Read at show time from at most LABEL_ARTICLES articles and
 * LABEL_BYTES of each, so the work is bounded whatever the story's size. */
#include "labels.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/hash.h"

#define LEAD_SENTENCES 2    /* keywords come from the title and the first sentences */
#define MAX_ENTITY_WORDS 4

/* One candidate label: its text, in how many articles, how often in all. */
typedef struct label {
    char *text;
    uint64_t hash;
    int articles, count;
    int last_article;       /* the last article that counted it (counts each article once) */
} label;

typedef SL_VEC(label) label_vec;

struct sl_label_counter {
    label_vec keywords, entities;
    int article;
    sl_token_vec tokens;
    sl_span_vec sentences;
    sl_buf fold;
    sl_name_vec names;
    sl_buf name_folds;
    sl_span_vec name_spans; /* bytes of the last text's names of two words or more */
};

sl_label_counter *sl_labels_new(void) { return sl_calloc(1, sizeof(sl_label_counter)); }

static void free_labels(label *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(items[i].text);
}

void sl_labels_free(sl_label_counter *c)
{
    if (!c)
        return;
    free_labels(c->keywords.items, c->keywords.n);
    free_labels(c->entities.items, c->entities.n);
    sl_vec_free(&c->keywords);
    sl_vec_free(&c->entities);
    sl_vec_free(&c->tokens);
    sl_vec_free(&c->sentences);
    sl_buf_free(&c->fold);
    sl_vec_free(&c->names);
    sl_buf_free(&c->name_folds);
    sl_vec_free(&c->name_spans);
    free(c);
}

static bool has_lower(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z')
            return true;
    return false;
}

/* Counts `text` (len bytes, key h) once more in `set`, once per article.
 * Of the forms of one name, a written-out one is shown before capitals.
 * Linear search: a story's label set stays small (bounded input). */
static int count(sl_label_counter *c, label_vec *set, const char *text, size_t len, uint64_t h,
                 int weight)
{
    for (size_t i = 0; i < set->n; i++) {
        label *l = &set->items[i];
        if (l->hash != h)
            continue;
        l->count += weight;
        if (!has_lower(l->text, strlen(l->text)) && has_lower(text, len)) {
            char *better = sl_strndup(text, len); /* "Tel Aviv" shown, not "TEL AVIV" */
            if (!better)
                return SL_ENOMEM;
            free(l->text);
            l->text = better;
        }
        if (l->last_article != c->article) {
            l->articles++;
            l->last_article = c->article;
        }
        return 0;
    }
    char *copy = sl_strndup(text, len);
    if (!copy || sl_vec_push(set, ((label){copy, h, 1, weight, c->article}))) {
        free(copy);
        return SL_ENOMEM;
    }
    return 0;
}

/* Content words (not stop words, 3+ letters) of `text`, folded and without
 * a possessive, but for the words of its multiword names (c->name_spans, of
 * the same text): the name is an entity label, and a part of it alone says
 * less ("aviv" of "Tel Aviv", "antony" of "Antony Blinken"; "Blinken"
 * written alone counts). */
static int count_keywords(sl_label_counter *c, const char *text, size_t len, const char *lang,
                          int weight)
{
    if (sl_tokenize(text, len, lang, &c->tokens))
        return SL_ENOMEM;
    size_t span = 0;
    for (size_t i = 0; i < c->tokens.n; i++) {
        const sl_token *t = &c->tokens.items[i];
        while (span < c->name_spans.n && c->name_spans.items[span].end <= t->start)
            span++;
        if (span < c->name_spans.n && c->name_spans.items[span].start <= t->start)
            continue;
        if (!(t->flags & SL_TOK_WORD) || (t->flags & SL_TOK_STOP) || t->end - t->start < 3)
            continue;
        sl_buf_clear(&c->fold);
        if (sl_token_fold(text + t->start, t->end - t->start, &c->fold))
            return SL_ENOMEM;
        size_t n = c->fold.len; /* "blinken's" is the keyword "blinken" */
        if (n > 2 && !strncmp(c->fold.ptr + n - 2, "'s", 2))
            n -= 2;
        if (count(c, &c->keywords, c->fold.ptr, n, sl_hash64(c->fold.ptr, n), weight))
            return SL_ENOMEM;
    }
    return 0;
}

static size_t name_words(const sl_label_counter *c, const sl_name *nm)
{
    size_t words = 0;
    for (uint32_t k = nm->first; k < nm->end; k++)
        words += (c->tokens.items[k].flags & SL_TOK_WORD) != 0;
    return words;
}

/* Finds the names of `text` (c->names, on c->tokens and c->sentences) and
 * keeps the bytes of those of two words or more in c->name_spans. */
static int find_names(sl_label_counter *c, const char *text, size_t len, const char *lang)
{
    if (sl_tokenize(text, len, lang, &c->tokens) || sl_sentences_split(text, len, &c->sentences) ||
        sl_names_find(text, c->tokens.items, c->tokens.n, c->sentences.items, c->sentences.n,
                      &c->names, &c->name_folds))
        return SL_ENOMEM;
    c->name_spans.n = 0;
    for (size_t n = 0; n < c->names.n; n++) {
        const sl_name *nm = &c->names.items[n];
        if (name_words(c, nm) >= 2 && sl_vec_push(&c->name_spans, ((sl_span){nm->start, nm->stop})))
            return SL_ENOMEM;
    }
    return 0;
}

/* Names of 2..MAX_ENTITY_WORDS words ("Antony Blinken", "Tel Aviv", "Bank of
 * England") of the text find_names read last, counted by their key: "TEL
 * AVIV" counts for "Tel Aviv", the first form seen is shown. */
static int count_entities(sl_label_counter *c, const char *text)
{
    for (size_t n = 0; n < c->names.n; n++) {
        const sl_name *nm = &c->names.items[n];
        size_t words = name_words(c, nm);
        if (words >= 2 && words <= MAX_ENTITY_WORDS &&
            count(c, &c->entities, text + nm->start, nm->stop - nm->start, nm->key, 1))
            return SL_ENOMEM;
    }
    return 0;
}

int sl_labels_add(sl_label_counter *c, const char *title, const char *text, const char *lang)
{
    c->article++;
    size_t title_len = title ? strlen(title) : 0;
    if (title && (find_names(c, title, title_len, lang) ||
                  count_keywords(c, title, title_len, lang, 2)))
        return SL_ENOMEM;
    size_t len = text ? strlen(text) : 0;
    if (!len)
        return 0;
    if (find_names(c, text, len, lang) || count_entities(c, text)) /* splits its sentences */
        return SL_ENOMEM;
    size_t lead = c->sentences.n > LEAD_SENTENCES ? c->sentences.items[LEAD_SENTENCES - 1].end : len;
    if (count_keywords(c, text, lead, lang, 1) ||
        (title && (find_names(c, title, title_len, lang) || count_entities(c, title))))
        return SL_ENOMEM;
    return 0;
}

static int by_support(const void *a, const void *b)
{
    const label *x = a, *y = b;
    if (x->articles != y->articles)
        return y->articles - x->articles;
    if (x->count != y->count)
        return y->count - x->count;
    return strcmp(x->text, y->text);
}

/* The best `max` labels of a set (seen at least `min_articles` times) as strdup'd strings. */
static int best(label_vec *set, size_t max, int min_articles, char ***out, size_t *n)
{
    if (set->n) /* an empty set has no array: qsort must not see NULL */
        qsort(set->items, set->n, sizeof *set->items, by_support);
    *n = 0;
    *out = sl_calloc(max, sizeof **out);
    if (!*out)
        return SL_ENOMEM;
    for (size_t i = 0; i < set->n && *n < max; i++) {
        if (set->items[i].articles < min_articles)
            break;
        if (!((*out)[(*n)++] = sl_strdup(set->items[i].text)))
            return SL_ENOMEM;
    }
    return 0;
}

int sl_labels_take(sl_label_counter *c, size_t max, sl_story_labels *out)
{
    /* With several articles, a label must be in two of them to stand for the story. */
    int min_articles = c->article > 1 ? 2 : 1;
    int rc = best(&c->keywords, max, min_articles, &out->keywords, &out->n_keywords);
    if (!rc)
        rc = best(&c->entities, max, min_articles, &out->entities, &out->n_entities);
    return rc;
}
