/* langmodel.h — the writing systems lang.c sorts text by (script.c), and the
 * character n-gram model (langmodel.c) that names a language within one of
 * them. */
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

/* The script of a code point, and whether it is a letter or mark (script.c). */
sl_script sl_script_of(int32_t cp);
bool sl_letter_cp(int32_t cp);

typedef struct sl_langmodel sl_langmodel;

/* The model: libexttextcat's n-gram lists (per language, its 400 most
 * frequent n-grams of 1-5 characters), case-folded and indexed at build
 * time by scripts/langmodel_table.c into a read-only table
 * (BUILD/gen/langmodel.c); without the data package then, it has no models
 * and names no language. */
extern const sl_langmodel sl_langmodel_table;

/* The most likely language of text[0, len) among the models written in
 * `script`, as a static ISO 639 code; NULL when no model of that script
 * matches any of its n-grams, or none leads the others clearly. Reads at most a bounded prefix. Thread-safe:
 * the model is not changed. */
const char *sl_langmodel_best(const sl_langmodel *m, const char *text, size_t len, sl_script script);

/* True when `code` has a model written in `script`. */
bool sl_langmodel_writes(const sl_langmodel *m, const char *code, sl_script script);

#endif
