/* stage_clock.c — turning the stage clock on and writing its totals (see
 * stage_clock.h): "articles N", then one line per stage, "stage wall_seconds
 * cpu_seconds". */
#include "stage_clock.h"
#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const stage_names[SL_STAGE_COUNT_] = {
    "extraction", "text", "language", "chrome", "copies", "stories", "facts", "store",
};

void sl_stage_clock_init(sl_stage_clock *c)
{
    memset(c, 0, sizeof *c);
    const char *path = getenv("SL_STAGE_TIMES");
    if (path && *path)
        c->path = sl_strdup(path);
}

void sl_stage_clock_finish(sl_stage_clock *c)
{
    if (!c->path)
        return;
    FILE *f = fopen(c->path, "a");
    if (f) {
        fprintf(f, "articles %llu\n", (unsigned long long)c->articles);
        for (int s = 0; s < SL_STAGE_COUNT_; s++)
            fprintf(f, "%s %.6f %.6f\n", stage_names[s], c->wall[s], c->cpu[s]);
        fclose(f);
    }
    free(c->path);
    c->path = NULL;
}
