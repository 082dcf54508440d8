/* stopword_list.h — the stop-word table (stopword_list.c) that
 * stopwords.c hashes into slots: each word with its languages, one bit per
 * language with a list. Seen by those two files only. */
#ifndef SL_TEXT_STOPWORD_LIST_H
#define SL_TEXT_STOPWORD_LIST_H

#include <stddef.h>

/* One bit per language with a list. */
enum { EN = 1, DE = 2, FR = 4, ES = 8, IT = 16, PT = 32, NL = 64 };

/* A folded word and the languages it is a stop word of. */
typedef struct sl_stopword {
    const char *word;
    unsigned char len;
    unsigned char langs;
} sl_stopword;

/* The words in byte order (stopword_list.c), and how many there are. */
extern const sl_stopword sl_stopwords[];
extern const size_t sl_n_stopwords;

#endif
