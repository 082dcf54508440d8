/* runner.c — main() of the unit tests: runs the registered tests (all, or
 * those named on the command line) and prints "N passed, N failed". */
#include <stdarg.h>
#include <stdlib.h>
#include <time.h>

#include "test.h"

#define MAX_TESTS 1024

static struct { const char *name; void (*fn)(void); } tests[MAX_TESTS];
static int n_tests;
static int current_failed;

void sl_test_register(const char *name, void (*fn)(void))
{
    if (n_tests < MAX_TESTS) {
        tests[n_tests].name = name;
        tests[n_tests].fn = fn;
        n_tests++;
    }
}

void sl_test_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "  %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    current_failed = 1;
}

char *sl_test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "missing fixture %s\n", path);
        exit(2);
    }
    size_t cap = 4096, n = 0;
    char *data = malloc(cap);
    size_t got;
    while (data && (got = fread(data + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n < 2) {
            char *bigger = realloc(data, cap *= 2);
            if (!bigger) {
                free(data);
                data = NULL;
            } else {
                data = bigger;
            }
        }
    }
    fclose(f);
    if (!data)
        exit(2);
    data[n] = '\0';
    if (len)
        *len = n;
    return data;
}

double sl_test_cpu_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    static double scale;
    if (scale == 0) {
        const char *s = getenv("SL_TEST_TIME_SCALE");
        scale = s && atof(s) >= 1 ? atof(s) : 1;
    }
    return ((double)t.tv_sec + (double)t.tv_nsec / 1e9) / scale;
}

void sl_test_golden(const char *file, int line, const char *path, const char *got)
{
    const char *update = getenv("SL_UPDATE_GOLDEN");
    if (update && *update == '1') {
        FILE *f = fopen(path, "wb");
        if (f) {
            fputs(got, f);
            fclose(f);
        }
        return;
    }
    char *want = sl_test_read_file(path, NULL);
    if (strcmp(want, got))
        sl_test_fail(file, line, "output differs from golden file %s:\n--- got ---\n%s--- end ---", path, got);
    free(want);
}

static int wanted(const char *name, int argc, char **argv)
{
    if (argc < 2)
        return 1;
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], name))
            return 1;
    return 0;
}

/* A name on the command line that no test has is an error, not a silent 0 run. */
static int unknown_names(int argc, char **argv)
{
    int unknown = 0;
    for (int a = 1; a < argc; a++) {
        int i = 0;
        while (i < n_tests && strcmp(tests[i].name, argv[a]))
            i++;
        if (i == n_tests) {
            fprintf(stderr, "unit: no test named %s\n", argv[a]);
            unknown++;
        }
    }
    return unknown;
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    if (unknown_names(argc, argv))
        return 2;
    for (int i = 0; i < n_tests; i++) {
        if (!wanted(tests[i].name, argc, argv))
            continue;
        current_failed = 0;
        tests[i].fn();
        if (current_failed) {
            fprintf(stderr, "FAIL %s\n", tests[i].name);
            failed++;
        } else {
            passed++;
        }
    }
    printf("unit: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
