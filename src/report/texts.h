/* texts.h — what the report stage's summary and timeline share: reading a
 * story's texts into sentences with their content stems, telling when two
 * sentences say the same thing, and counting independent sources. */
#ifndef SL_REPORT_TEXTS_H
#define SL_REPORT_TEXTS_H

#include <stddef.h>
#include <stdint.h>

#include "storyline.h"

/* A copy of `text` with hard line wraps undone: a line break inside a
 * paragraph becomes a space unless the line is short (a headline); and
 * valid UTF-8, each invalid byte made '#' (a bare text may hold any bytes,
 * and the sentences quoted from it go into JSON). Same length, so offsets
 * are the original's. NULL when out of memory. */
char *sl_report_unwrap(const char *text, size_t len);

/* Shared stems over the smaller set's size (sorted distinct stems): 1 when
 * one sentence's content words are all in the other. */
double sl_report_overlap(const uint64_t *x, uint32_t nx, const uint64_t *y, uint32_t ny);

/* Above this overlap two sentences say the same thing: on DUC 2004 clusters
 * reworded wire copies share 60% or more of their content words, sentences
 * on the same subject rarely above 40%. */
#define SL_REPORT_SAME_THING 0.5

/* The document standing for d's source: the first with the same source. */
size_t sl_report_source(const sl_story_text *docs, size_t d);
/* The independent sources among documents `list[0..n)`. */
size_t sl_report_count_sources(const sl_story_text *docs, const size_t *list, size_t n);

#endif
