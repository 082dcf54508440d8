/* labels.c — what a story is about, in words a reader can scan: keywords
 * (content words its titles and leads share) and main entities (capitalised
 * multiword names), counted over the story's articles. Read at show time
 * from at most LABEL_ARTICLES articles and LABEL_BYTES of each, so the work
 * is bounded whatever the story's size. */
#include "labels.h"

#include <stdlib.h>
#include <string.h>

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
};

sl_label_counter *sl_labels_new(void) { return calloc(1, sizeof(sl_label_counter)); }

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
    free(c);
}

/* Counts `text` (len bytes) once more in `set`, once per article. Linear
 * search: a story's label set stays small (bounded input). */
static int count(sl_label_counter *c, label_vec *set, const char *text, size_t len, int weight)
{
    uint64_t h = sl_hash64(text, len);
    for (size_t i = 0; i < set->n; i++) {
        label *l = &set->items[i];
        if (l->hash != h)
            continue;
        l->count += weight;
        if (l->last_article != c->article) {
            l->articles++;
            l->last_article = c->article;
        }
        return 0;
    }
    char *copy = strndup(text, len);
    if (!copy || sl_vec_push(set, ((label){copy, h, 1, weight, c->article}))) {
        free(copy);
        return SL_ENOMEM;
    }
    return 0;
}

/* Content words (not stop words, 3+ letters) of `text`, folded. */
static int count_keywords(sl_label_counter *c, const char *text, size_t len, const char *lang,
                          int weight)
{
    if (sl_tokenize(text, len, lang, &c->tokens))
        return SL_ENOMEM;
    for (size_t i = 0; i < c->tokens.n; i++) {
        const sl_token *t = &c->tokens.items[i];
        if (!(t->flags & SL_TOK_WORD) || (t->flags & SL_TOK_STOP) || t->end - t->start < 3)
            continue;
        sl_buf_clear(&c->fold);
        if (sl_token_fold(text + t->start, t->end - t->start, &c->fold) ||
            count(c, &c->keywords, c->fold.ptr, c->fold.len, weight))
            return SL_ENOMEM;
    }
    return 0;
}

/* Runs of 2..MAX_ENTITY_WORDS capitalised words ("Antony Blinken", "Tel
 * Aviv"), leading stop words ("The") dropped. */
static int count_entities(sl_label_counter *c, const char *text, size_t len, const char *lang)
{
    if (sl_tokenize(text, len, lang, &c->tokens))
        return SL_ENOMEM;
    size_t i = 0;
    while (i < c->tokens.n) {
        size_t j = i;
        while (j < c->tokens.n && (c->tokens.items[j].flags & SL_TOK_UPPER) &&
               !(c->tokens.items[j].flags & SL_TOK_STOP) &&
               (j == i || c->tokens.items[j].start == c->tokens.items[j - 1].end + 1))
            j++;
        size_t words = j - i;
        if (words >= 2 && words <= MAX_ENTITY_WORDS) {
            uint32_t start = c->tokens.items[i].start, end = c->tokens.items[j - 1].end;
            if (count(c, &c->entities, text + start, end - start, 1))
                return SL_ENOMEM;
        }
        i = j > i ? j : i + 1;
    }
    return 0;
}

int sl_labels_add(sl_label_counter *c, const char *title, const char *text, const char *lang)
{
    c->article++;
    if (title && count_keywords(c, title, strlen(title), lang, 2))
        return SL_ENOMEM;
    size_t len = text ? strlen(text) : 0;
    if (!len)
        return 0;
    if (sl_sentences_split(text, len, &c->sentences))
        return SL_ENOMEM;
    size_t lead = c->sentences.n > LEAD_SENTENCES ? c->sentences.items[LEAD_SENTENCES - 1].end : len;
    if (count_keywords(c, text, lead, lang, 1) || count_entities(c, text, len, lang) ||
        (title && count_entities(c, title, strlen(title), lang)))
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
    if (set->n > 1) /* an empty set has no items array: qsort(NULL) is undefined */
        qsort(set->items, set->n, sizeof *set->items, by_support);
    *n = 0;
    *out = calloc(max, sizeof **out);
    if (!*out)
        return SL_ENOMEM;
    for (size_t i = 0; i < set->n && *n < max; i++) {
        if (set->items[i].articles < min_articles)
            break;
        if (!((*out)[(*n)++] = strdup(set->items[i].text)))
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
