/* labels.h — counting a story's keywords and entities over its articles
 * (labels.c); the public sl_story_labels_get reads the articles and calls
 * these. */
#ifndef SL_STORIES_LABELS_H
#define SL_STORIES_LABELS_H

#include "text/text.h"

typedef struct sl_label_counter sl_label_counter;

sl_label_counter *sl_labels_new(void);
void sl_labels_free(sl_label_counter *c);
/* Counts one article (title may be NULL; lang as stored, may be NULL). */
int sl_labels_add(sl_label_counter *c, const char *title, const char *text, const char *lang);
/* Fills out's keywords and entities with the best `max` of each. */
int sl_labels_take(sl_label_counter *c, size_t max, sl_story_labels *out);

#endif
