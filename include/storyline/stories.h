/* storyline/stories.h — stories and threads: listing, reading and labelling
 * stories, their independent sources, threads and granularity. */
#ifndef STORYLINE_STORIES_H
#define STORYLINE_STORIES_H

#include "common.h"
#include "article.h"
#include "copies.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Stories -------------------------------------------------------------- */

typedef struct sl_story_line {
    int64_t id;
    int64_t thread_id;
    char *title;
    int n_articles;
    int n_sources;
    char *first_published, *last_published;   /* ISO dates or NULL */
} sl_story_line;

typedef struct sl_story_list { size_t n; sl_story_line *items; } sl_story_list;

/* Stories, newest first (by their last article; undated last; then the larger
 * first). `since` (ISO date) may be NULL. */
SL_API int sl_stories_list(sl_engine *engine, const char *since, sl_story_list **out);
SL_API void sl_story_list_free(sl_story_list *list);

/* One article as seen from its story. */
typedef struct sl_story_article {
    int64_t id;
    char *title, *source, *published, *url, *path;
    int64_t copy_of;          /* the original this article copies, or 0 */
    sl_copy_kind copy_kind;   /* kind of that relation, SL_COPY_NONE when none */
    size_t n_removed;
    sl_removed_line *removed;
} sl_story_article;

typedef struct sl_story {
    sl_story_line line;
    size_t n_articles;
    sl_story_article *articles;   /* in publication (then arrival) order */
} sl_story;

SL_API int sl_story_get(sl_engine *engine, int64_t id, sl_story **out);
SL_API void sl_story_free(sl_story *story);
/* The independent source of each of the story's articles: out[i] (room for
 * story->n_articles) is the article that story->articles[i] counts as. A
 * copy counts as its original (the root of its copy chain, within the story
 * when it is there), and the articles of one outlet (`source`, ASCII case
 * aside) as one: the outlet's first article that copies no one. */
SL_API void sl_story_source_ids(const sl_story *story, int64_t *out);

/* ---- Stories and threads ------------------------------------------------------ */

/* A story's thread is a looser grouping: stories that share entities and
 * terms across weeks ("the cease-fire talks" holding "the ninth trip").
 * sl_story_line.thread_id names it by its first story. */

/* How alike an article must be to a story to join it, for the articles this
 * handle ingests from now on: 1 is the default, 2 asks for twice the
 * similarity (finer stories), 0.5 for half (coarser). Clamped to [0.25, 4].
 * Use one value for a whole store: stories already made do not change. */
SL_API int sl_stories_set_granularity(sl_engine *engine, double granularity);

/* The stories of thread `thread_id` in date order (first article), or, for
 * thread_id 0, every story ordered by thread then date. */
SL_API int sl_thread_stories(sl_engine *engine, int64_t thread_id, sl_story_list **out);

typedef struct sl_thread {
    int64_t id;
    int n_articles;               /* over its stories */
    sl_story_list *stories;       /* in date order */
} sl_thread;

typedef struct sl_thread_list { size_t n; sl_thread *items; } sl_thread_list;

/* Threads with at least `min_stories` stories, most articles first. */
SL_API int sl_threads_list(sl_engine *engine, int min_stories, sl_thread_list **out);
SL_API void sl_thread_list_free(sl_thread_list *list);

/* What a story is about, read from its articles (copies left out): keywords
 * (content words of its titles and leads that most of its articles use) and
 * main entities (capitalised multiword names, by the number of articles
 * naming them). At most 8 of each, best first. */
typedef struct sl_story_labels {
    size_t n_keywords, n_entities;
    char **keywords, **entities;
} sl_story_labels;

SL_API int sl_story_labels_get(sl_engine *engine, int64_t story_id, sl_story_labels **out);
SL_API void sl_story_labels_free(sl_story_labels *labels);

/* Why an article was not grouped on its own date: "undated" (no date given,
 * grouped by its content alone), "date clamped" (far future or before
 * 1900); *out NULL when it was. Free *out with free(). */
SL_API int sl_article_date_flag(sl_engine *engine, int64_t article_id, char **out);

/* Threads as JSON: {"threads": [{"id", "size", "stories": [STORY_LINE...]}]} */
SL_API int sl_threads_json(sl_engine *engine, int min_stories, sl_write_fn write, void *ctx);

#ifdef __cplusplus
}
#endif
#endif
