/* test.h — the project's tiny test runner: TEST(name) registers a test,
 * CHECK* record failures without stopping the test. Run all tests, or name
 * some on the command line (build/san/unit-tests utf8_repair_basic). The
 * runner closes with "N passed, N failed". Fixture paths are relative to the
 * repository root, where tests run. */
#ifndef SL_TEST_H
#define SL_TEST_H

#include <stdio.h>
#include <string.h>

void sl_test_register(const char *name, void (*fn)(void));
void sl_test_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Reads a whole file (NUL-terminated, malloc'd); aborts the run if missing. */
char *sl_test_read_file(const char *path, size_t *len);
/* Compares `got` with the golden file at `path`; with SL_UPDATE_GOLDEN=1 in
 * the environment it rewrites the file instead. */
void sl_test_golden(const char *file, int line, const char *path, const char *got);
/* CPU seconds this process has used: the bounds of the complexity tests
 * (twice the input, about twice the time) hold on a loaded machine, where
 * wall time does not. Divided by SL_TEST_TIME_SCALE when it is set, for
 * runs under an instrumenting tool (tests/memcheck.sh: valgrind, ~50x). */
double sl_test_cpu_seconds(void);

#define TEST(name) \
    static void name(void); \
    __attribute__((constructor)) static void register_##name(void) { sl_test_register(#name, name); } \
    static void name(void)

#define CHECK(cond) \
    do { if (!(cond)) sl_test_fail(__FILE__, __LINE__, "%s", #cond); } while (0)
#define CHECK_INT(a, b) \
    do { long long a_ = (long long)(a), b_ = (long long)(b); \
         if (a_ != b_) sl_test_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", #a, a_, b_); } while (0)
#define CHECK_STR(a, b) \
    do { const char *a_ = (a), *b_ = (b); \
         if (!a_ || !b_ || strcmp(a_, b_)) \
             sl_test_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); } while (0)
#define CHECK_GOLDEN(path, got) sl_test_golden(__FILE__, __LINE__, (path), (got))

#endif
