/* copies_texts.h — what the copies unit tests share (copies_texts.c). */
#ifndef SL_TEST_COPIES_TEXTS_H
#define SL_TEST_COPIES_TEXTS_H

#include "copies/copies.h"

/* An invented wire item; the same with one phrase edited; another
 * outlet's report of the same facts; a template filled in twice. */
extern const char *const WIRE;
extern const char *const WIRE_EDITED;
extern const char *const OTHER_REPORT;
extern const char *const TEMPLATE_A;
extern const char *const TEMPLATE_B;
/* One wire's rate notice, and the same filled in for another bank. */
extern const char *const RATE_CUT_A;
extern const char *const RATE_CUT_B;

/* A text normalised, analysed and sketched. */
typedef struct sketched {
    sl_analyzer *analyzer;
    sl_analysis analysis;
    sl_sketch sketch;
    sl_buf text;
} sketched;

/* Sketches `text` into s (its analyzer made on first use); failures are
 * recorded as test failures. */
void sketch_of(sketched *s, const char *text);
void sketched_free(sketched *s);
/* The kind of copy text a is of text b (a thorough comparison into cmp). */
sl_copy_kind kind_of(const char *a, const char *b, sl_comparison *cmp);

#endif
