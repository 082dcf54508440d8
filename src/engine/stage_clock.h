/* stage_clock.h — time spent in each stage of the pipeline, per article, for
 * `make bench` (bench/run.sh). Off unless SL_STAGE_TIMES names a file when
 * the engine opens; then each stage is timed with clock_gettime, wall
 * clock and CPU time (the CPU figure is steadier on a shared machine; the
 * wall figure also holds waits, such as the store's fsync at commit), and
 * the totals are appended to that file when the engine closes. Off, a
 * stage costs one branch. */
#ifndef SL_ENGINE_STAGE_CLOCK_H
#define SL_ENGINE_STAGE_CLOCK_H

#include <stdint.h>
#include <time.h>

typedef enum sl_stage {
    SL_STAGE_EXTRACTION,  /* HTML to text */
    SL_STAGE_TEXT,        /* UTF-8 repair, normalisation, sentences, tokens, stems, terms */
    SL_STAGE_LANGUAGE,    /* language of the text */
    SL_STAGE_CHROME,      /* page chrome removal and title */
    SL_STAGE_COPIES,      /* sketch, candidates, comparison */
    SL_STAGE_STORIES,     /* vector, grouping */
    SL_STAGE_FACTS,       /* numbers, quotes, entities, dates */
    SL_STAGE_STORE,       /* lookups and the article's writes */
    SL_STAGE_COUNT_
} sl_stage;

typedef struct sl_stage_clock {
    char *path;           /* where the totals go; NULL: the clock is off */
    double wall[SL_STAGE_COUNT_], cpu[SL_STAGE_COUNT_];
    uint64_t articles;
    struct timespec wall_start, cpu_start;
} sl_stage_clock;

/* Turns the clock on when SL_STAGE_TIMES is set. */
void sl_stage_clock_init(sl_stage_clock *c);
/* Appends the totals to the file (when on) and frees the clock. */
void sl_stage_clock_finish(sl_stage_clock *c);

static inline void sl_stage_start(sl_stage_clock *c)
{
    if (!c->path)
        return;
    clock_gettime(CLOCK_MONOTONIC, &c->wall_start);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c->cpu_start);
}

static inline double sl_stage_since(clockid_t clock, const struct timespec *start)
{
    struct timespec now;
    clock_gettime(clock, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Adds the time since sl_stage_start to `stage`. */
static inline void sl_stage_stop(sl_stage_clock *c, sl_stage stage)
{
    if (!c->path)
        return;
    c->wall[stage] += sl_stage_since(CLOCK_MONOTONIC, &c->wall_start);
    c->cpu[stage] += sl_stage_since(CLOCK_PROCESS_CPUTIME_ID, &c->cpu_start);
}

#endif
