/* lang_bench.c — the language-id harness for bench/lang_bench.py: reads
 * "lang<TAB>kind<TAB>text" lines on stdin, prints the detected code of each
 * line on stdout, then on stderr the mean µs per sl_lang_detect call over
 * REPEAT passes of the whole sample (after a warm-up pass that loads models). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text/text.h"

#define REPEAT 5

typedef struct sample_line {
    char *text;
    size_t len;
} sample_line;

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

int main(void)
{
    SL_VEC(sample_line) lines = {0};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) > 0) {
        char *text = strchr(line, '\t');
        text = text ? strchr(text + 1, '\t') : NULL;
        if (!text)
            continue;
        text++;
        size_t len = strcspn(text, "\n");
        sample_line s = {strndup(text, len), len};
        if (!s.text || sl_vec_push(&lines, s))
            return 2;
    }
    free(line);
    sl_langid *id = sl_langid_new();
    if (!id)
        return 2;
    for (size_t k = 0; k < lines.n; k++)
        printf("%s\n", sl_lang_detect(id, lines.items[k].text, lines.items[k].len));
    double start = now_us();
    for (int r = 0; r < REPEAT; r++)
        for (size_t k = 0; k < lines.n; k++)
            sl_lang_detect(id, lines.items[k].text, lines.items[k].len);
    double us = now_us() - start;
    fprintf(stderr, "%.2f\n", lines.n ? us / (double)(REPEAT * lines.n) : 0.0);
    sl_langid_free(id);
    for (size_t k = 0; k < lines.n; k++)
        free(lines.items[k].text);
    sl_vec_free(&lines);
    return 0;
}
