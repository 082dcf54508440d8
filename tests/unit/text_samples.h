/* text_samples.h — what the text stage's unit tests share (text_samples.c:
 * test_text.c, test_text_lang.c): one news item told in three languages. */
#ifndef SL_TEST_TEXT_SAMPLES_H
#define SL_TEST_TEXT_SAMPLES_H

/* A council's vote to close a ferry terminal, in English, German, French. */
extern const char english[];
extern const char german[];
extern const char french[];

#endif
