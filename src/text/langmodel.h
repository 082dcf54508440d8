/* langmodel.h — the writing systems lang.c sorts text by, and the character
 * n-gram model (langmodel.c) that names a language within one of them. */
#ifndef SL_TEXT_LANGMODEL_H
#define SL_TEXT_LANGMODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum sl_script {
    SL_SCRIPT_LATIN, SL_SCRIPT_GREEK, SL_SCRIPT_CYRILLIC, SL_SCRIPT_ARMENIAN, SL_SCRIPT_HEBREW,
    SL_SCRIPT_ARABIC, SL_SCRIPT_DEVANAGARI, SL_SCRIPT_BENGALI, SL_SCRIPT_TAMIL, SL_SCRIPT_THAI,
    SL_SCRIPT_GEORGIAN, SL_SCRIPT_HANGUL, SL_SCRIPT_KANA, SL_SCRIPT_HAN, SL_SCRIPT_OTHER,
    SL_SCRIPT_COUNT
} sl_script;

/* The script of a code point, and whether it is a letter or mark (lang.c). */
sl_script sl_script_of(int32_t cp);
bool sl_letter_cp(int32_t cp);

typedef struct sl_langmodel sl_langmodel;

/* Where libexttextcat's data package puts the rank lists. */
#ifndef SL_LANGMODEL_DIR
#define SL_LANGMODEL_DIR "/usr/share/libexttextcat"
#endif

/* Loads the n-gram rank lists that libexttextcat's data package ships
 * (`dir`/fpdb.conf and its .lm files), case-folded, into one hash table.
 * Errors: SL_EIO (no fpdb.conf), SL_ENOMEM. */
int sl_langmodel_load(const char *dir, sl_langmodel **out);
void sl_langmodel_free(sl_langmodel *m);

/* The most likely language of text[0, len) among the models written in
 * `script`, as a static ISO 639 code; NULL when no model of that script
 * matches any of its n-grams, or none leads the others clearly. Reads at most a bounded prefix. Thread-safe:
 * the model is not changed. */
const char *sl_langmodel_best(const sl_langmodel *m, const char *text, size_t len, sl_script script);

/* True when `code` has a model written in `script`. */
bool sl_langmodel_writes(const sl_langmodel *m, const char *code, sl_script script);

#endif
