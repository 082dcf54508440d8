/* langmodel_table.h — the layout of the n-gram model's table: what
 * scripts/langmodel_table.c makes of libexttextcat's lists at build time
 * (the Makefile runs it into BUILD/gen/langmodel.c) and langmodel.c scores
 * text with, read-only. */
#ifndef SL_TEXT_LANGMODEL_TABLE_H
#define SL_TEXT_LANGMODEL_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "text/langmodel.h"
#include "text/swar.h"

#define SL_LM_MAX_MODELS 255
#define SL_LM_NO_ROW UINT32_MAX
#define SL_LM_ROW_STEP 4 /* a dense row's weights are added four at a time */
#define SL_LM_MAX_DENSE 1024 /* dense rows of one script at most (a text's tally of them: langmodel.c) */

/* The n-grams filed under one script: a posting of each language of that
 * script that lists it. */
typedef struct sl_lm_posting {
    uint16_t model; /* its place among the models of its script (sl_langmodel.local) */
    /* log of P(n-gram | language) / P(an n-gram not listed), rounded to a
     * float as it always was and kept as that float's double, so that the
     * scoring loop adds it without a conversion (the same sums). */
    double weight;
} sl_lm_posting;

/* One n-gram of one script (open addressing, linear probing). */
typedef struct sl_lm_slot {
    uint64_t key; /* sl_lm_hash of the folded n-gram, mixed with its script (sl_lm_key); 0: empty */
    uint32_t first, n; /* postings[first, first + n) */
    uint32_t row;      /* its dense row: rows[row, row + script_models rounded up to SL_LM_ROW_STEP); SL_LM_NO_ROW */
    uint32_t dense;    /* that row's place among its script's dense rows, below SL_LM_MAX_DENSE; SL_LM_NO_ROW */
} sl_lm_slot;

struct sl_langmodel {
    size_t n_models;
    uint8_t code[SL_LM_MAX_MODELS];          /* a model's language, by its place in sl_lang_codes */
    uint8_t script[SL_LM_MAX_MODELS];
    uint16_t local[SL_LM_MAX_MODELS];        /* a model's place among its script's */
    uint16_t script_models[SL_SCRIPT_COUNT]; /* the models of each script */
    const sl_lm_slot *slots;
    size_t mask;
    const sl_lm_posting *postings;
    const double *rows;
};

/* The scores sl_langmodel_best compares: adds to score[place] the log odds of
 * text[0, len) (its first bytes) under each model written in `script`, by its
 * place among them (sl_langmodel.local); `score` holds SL_LM_SCORES doubles,
 * the places past the script's models are scratch. */
#define SL_LM_SCORES (SL_LM_MAX_MODELS + SL_LM_ROW_STEP)
void sl_langmodel_scores(const sl_langmodel *m, const char *text, size_t len, sl_script script, double *score);

/* The hash of a folded n-gram: swar.h's inline word hash (a call to XXH3
 * cost more than the rest of a lookup), one-to-one on n-grams of up to
 * eight bytes, which most are. */
static inline uint64_t sl_lm_hash(const char *ngram, size_t len) { return sl_swar_word_hash(ngram, len, false); }

/* The table's key of an n-gram's hash in the lists of one script: each
 * n-gram is filed once per script, with the postings of that script's
 * languages only, so that a lookup reads no posting the text's script
 * rules out (Latin text met the postings of every script's "a" and "_"). */
static inline uint64_t sl_lm_key(uint64_t ngram_hash, uint8_t script)
{
    uint64_t key = ngram_hash ^ (uint64_t)(script + 1) * 0x9E3779B97F4A7C15u;
    return key ? key : 1;
}

#endif
