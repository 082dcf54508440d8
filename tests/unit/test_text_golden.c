/* test_text_golden.c — data-driven tests of the text stage: every
 * tests/golden/text/<mode>-<name>.in is repaired and normalised, then run
 * through <mode> (normalize, sentences, tokens), and compared with <name>.out.
 * Add a case by adding a file; SL_UPDATE_GOLDEN=1 rewrites the .out files. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "text/text.h"

#define GOLDEN_DIR "tests/golden/text"

/* Appends s[0, len) with newlines shown as "\n", so one item is one line. */
static void put_escaped(sl_buf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n')
            sl_buf_puts(out, "\\n");
        else
            sl_buf_putc(out, s[i]);
    }
}

static void render_sentences(const char *text, size_t len, sl_buf *out)
{
    sl_span_vec spans = {0};
    CHECK_INT(sl_sentences_split(text, len, &spans), 0);
    for (size_t k = 0; k < spans.n; k++) {
        put_escaped(out, text + spans.items[k].start, spans.items[k].end - spans.items[k].start);
        sl_buf_putc(out, '\n');
    }
    sl_vec_free(&spans);
}

static void render_tokens(const char *text, size_t len, sl_buf *out)
{
    static const struct { uint32_t flag; const char *name; } names[] = {
        {SL_TOK_WORD, "WORD"},   {SL_TOK_NUMBER, "NUMBER"},   {SL_TOK_PUNCT, "PUNCT"},
        {SL_TOK_UPPER, "UPPER"}, {SL_TOK_ALLCAPS, "ALLCAPS"}, {SL_TOK_STOP, "STOP"},
    };
    sl_token_vec tokens = {0};
    sl_buf folded = SL_BUF_INIT;
    CHECK_INT(sl_tokenize(text, len, "en", &tokens), 0);
    for (size_t k = 0; k < tokens.n; k++) {
        const sl_token *t = &tokens.items[k];
        sl_buf_printf(out, "%u %u ", t->start, t->end);
        const char *sep = "";
        for (size_t f = 0; f < sizeof names / sizeof *names; f++) {
            if (t->flags & names[f].flag) {
                sl_buf_printf(out, "%s%s", sep, names[f].name);
                sep = ",";
            }
        }
        sl_buf_putc(out, ' ');
        sl_buf_put(out, text + t->start, t->end - t->start);
        if (t->flags & SL_TOK_WORD) {
            sl_buf_clear(&folded);
            sl_token_fold(text + t->start, t->end - t->start, &folded);
            sl_buf_printf(out, " -> %s", sl_buf_cstr(&folded));
        }
        sl_buf_putc(out, '\n');
    }
    sl_buf_free(&folded);
    sl_vec_free(&tokens);
}

static void run_case(const char *name)
{
    char path[512];
    size_t in_len;
    snprintf(path, sizeof path, GOLDEN_DIR "/%s", name);
    char *in = sl_test_read_file(path, &in_len);
    sl_buf repaired = SL_BUF_INIT, text = SL_BUF_INIT, got = SL_BUF_INIT;
    sl_utf8_repair(in, in_len, &repaired);
    CHECK_INT(sl_text_normalize(sl_buf_cstr(&repaired), repaired.len, &text), 0);
    if (!strncmp(name, "normalize-", 10)) {
        sl_buf_put(&got, sl_buf_cstr(&text), text.len);
        sl_buf_putc(&got, '\n');
    } else if (!strncmp(name, "sentences-", 10)) {
        render_sentences(sl_buf_cstr(&text), text.len, &got);
    } else if (!strncmp(name, "tokens-", 7)) {
        render_tokens(sl_buf_cstr(&text), text.len, &got);
    } else {
        sl_test_fail(__FILE__, __LINE__, "golden case %s: unknown mode", name);
    }
    size_t n = strlen(path);
    memcpy(path + n - 3, ".out", 5);
    CHECK_GOLDEN(path, sl_buf_cstr(&got));
    sl_buf_free(&repaired);
    sl_buf_free(&text);
    sl_buf_free(&got);
    free(in);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

TEST(text_golden)
{
    DIR *dir = opendir(GOLDEN_DIR);
    CHECK(dir != NULL);
    if (!dir)
        return;
    char *names[256];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) && n < 256) {
        size_t len = strlen(e->d_name);
        if (len > 3 && !strcmp(e->d_name + len - 3, ".in"))
            names[n++] = strdup(e->d_name);
    }
    closedir(dir);
    qsort(names, n, sizeof *names, compare_names);
    CHECK(n >= 6);
    for (size_t k = 0; k < n; k++) {
        if (names[k])
            run_case(names[k]);
        free(names[k]);
    }
}
