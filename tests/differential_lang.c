/* differential_lang.c — the language-id probe of tests/differential.py:
 * reads texts (a 4-byte little-endian length, then the bytes) on stdin and
 * prints for each what sl_lang_detect answers, what sl_lang_detect_prior
 * answers with a prior of "fr", and the n-gram model's best language in
 * every script, so that two builds' answers can be compared text by text. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "text/langmodel.h"
#include "text/text.h"

static void print_text_answers(sl_langid *id, const char *text, size_t len)
{
    const char *own = NULL;
    const char *prior = sl_lang_detect_prior(id, text, len, "fr", &own);
    printf("%s %s %s", sl_lang_detect(id, text, len), prior, own);
    for (int s = 0; s < SL_SCRIPT_COUNT; s++) {
        const char *best = sl_langmodel_best(&sl_langmodel_table, text, len, (sl_script)s);
        printf(" %s", best ? best : "-");
    }
    printf("\n");
}

int main(void)
{
    sl_langid *id = sl_langid_new();
    unsigned char size[4];
    while (id && fread(size, 1, sizeof size, stdin) == sizeof size) {
        size_t len = size[0] | (size_t)size[1] << 8 | (size_t)size[2] << 16 | (size_t)size[3] << 24;
        char *text = malloc(len ? len : 1);
        if (!text || fread(text, 1, len, stdin) != len)
            return 2;
        print_text_answers(id, text, len);
        free(text);
    }
    sl_langid_free(id);
    return id ? 0 : 2;
}
