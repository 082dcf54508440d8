/* results.c — the _free functions of the result structs the public API
 * hands out (sl_article, sl_story, lists and hits). All accept NULL. */
#include <stdlib.h>

#include "storyline.h"

static void free_removed(sl_removed_line *lines, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(lines[i].text);
        free(lines[i].reason);
    }
    free(lines);
}

void sl_article_free(sl_article *a)
{
    if (!a)
        return;
    free(a->key);
    free(a->path);
    free(a->url);
    free(a->source);
    free(a->published);
    free(a->title);
    free(a->text);
    free(a->lang);
    free(a->sentences);
    free_removed(a->removed, a->n_removed);
    free(a);
}

void sl_copy_list_free(sl_copy_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->n; i++) {
        free(list->items[i].credit);
        free(list->items[i].evidence);
    }
    free(list->items);
    free(list);
}

static void free_story_line(sl_story_line *line)
{
    free(line->title);
    free(line->first_published);
    free(line->last_published);
}

void sl_story_list_free(sl_story_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->n; i++)
        free_story_line(&list->items[i]);
    free(list->items);
    free(list);
}

void sl_story_free(sl_story *story)
{
    if (!story)
        return;
    free_story_line(&story->line);
    for (size_t i = 0; i < story->n_articles; i++) {
        sl_story_article *a = &story->articles[i];
        free(a->title);
        free(a->source);
        free(a->published);
        free(a->url);
        free(a->path);
        free_removed(a->removed, a->n_removed);
    }
    free(story->articles);
    free(story);
}

void sl_search_hits_free(sl_search_hits *hits)
{
    if (!hits)
        return;
    for (size_t i = 0; i < hits->n; i++) {
        free(hits->items[i].title);
        free(hits->items[i].snippet);
    }
    free(hits->items);
    free(hits);
}
