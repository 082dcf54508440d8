/* entities.c — `storyline entities`: the people (with roles), organisations
 * and places a story names, with how often and in which articles. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct row {
    const sl_fact_item *first;
    const char *role;
    int mentions, articles;
    int64_t last_article;
} row;

static int by_mentions(const void *a, const void *b)
{
    const row *x = a, *y = b;
    return y->mentions - x->mentions;
}

static int run(cli *c, sl_engine *e)
{
    if (c->argc != 1 || !cli_id(c->argv[0]))
        return cli_usage(&cmd_entities, "entities wants one story id");
    sl_fact_items *items = NULL;
    int rc = sl_story_fact_items(e, cli_id(c->argv[0]), SL_FACT_ENTITY, &items);
    if (rc)
        return cli_fail(e, rc);
    row *rows = calloc(items->n ? items->n : 1, sizeof *rows);
    size_t n = 0;
    for (size_t i = 0; rows && i < items->n; i++) {
        const sl_fact_item *it = &items->items[i];
        size_t k = 0;
        while (k < n && (strcmp(rows[k].first->about, it->about) ||
                         strcmp(rows[k].first->detail, it->detail)))
            k++;
        if (k == n)
            rows[n++] = (row){it, NULL, 0, 0, 0};
        rows[k].mentions++;
        if (it->role && !rows[k].role)
            rows[k].role = it->role;
        if (rows[k].last_article != it->article_id) {
            rows[k].articles++;
            rows[k].last_article = it->article_id;
        }
    }
    if (rows)
        qsort(rows, n, sizeof *rows, by_mentions);
    printf("%-13s %8s %8s  %s\n", "type", "mentions", "articles", "name (role)");
    for (size_t k = 0; k < n; k++) {
        printf("%-13s %8d %8d  %s", rows[k].first->detail, rows[k].mentions, rows[k].articles,
               rows[k].first->about);
        if (rows[k].role)
            printf(" (%s)", rows[k].role);
        putchar('\n');
    }
    int status = rows || !items->n ? EXIT_OK : cli_fail(e, SL_ENOMEM);
    free(rows);
    sl_fact_items_free(items);
    return status;
}

const command cmd_entities = {
    "entities", "STORY_ID",
    "people (with roles), organisations and places of a story, with mention counts",
    "", 1, run,
};
