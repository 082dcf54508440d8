/* entities.c — `storyline entities`: the people (with roles), organisations
 * and places a story names, with how often and in which articles. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util/alloc.h"

typedef cli_entity_row row;

static int by_mentions(const void *a, const void *b)
{
    const row *x = a, *y = b;
    return y->mentions - x->mentions;
}

static void count_type(row *r, const sl_fact_item *it)
{
    const char *type = it->detail ? it->detail : "";
    r->places += !strcmp(type, "place");
    r->organizations += !strcmp(type, "organization");
    r->persons += !strcmp(type, "person");
    r->titled += !strcmp(type, "person") && it->role;
}

/* One type for a name the articles type differently (cli.h says why). */
static const char *row_type(const row *r)
{
    if (r->titled || (!r->places && !r->organizations))
        return r->persons ? "person" : r->first->detail;
    return r->places >= r->organizations ? "place" : "organization";
}

int cli_entity_rows(const sl_fact_items *items, cli_entity_row **out, size_t *n_out)
{
    row *rows = sl_calloc(items->n ? items->n : 1, sizeof *rows);
    size_t n = 0;
    for (size_t i = 0; rows && i < items->n; i++) {
        const sl_fact_item *it = &items->items[i];
        size_t k = 0;
        while (k < n && strcmp(rows[k].first->about, it->about))
            k++;
        if (k == n)
            rows[n++] = (row){.first = it};
        rows[k].mentions++;
        count_type(&rows[k], it);
        if (it->role && !rows[k].role)
            rows[k].role = it->role;
        if (rows[k].last_article != it->article_id) {
            rows[k].articles++;
            rows[k].last_article = it->article_id;
        }
    }
    for (size_t k = 0; rows && k < n; k++)
        rows[k].type = row_type(&rows[k]);
    if (rows)
        qsort(rows, n, sizeof *rows, by_mentions);
    *out = rows;
    *n_out = n;
    return rows ? 0 : SL_ENOMEM;
}

static int print_json(int64_t story, const row *rows, size_t n)
{
    json_t *doc = cli_json_document(), *list = json_array();
    for (size_t k = 0; list && k < n; k++)
        json_array_append_new(list, json_pack("{s:s?,s:s?,s:s?,s:i,s:i}", "name",
                                              rows[k].first->about, "type", rows[k].type,
                                              "role", rows[k].role, "mentions", rows[k].mentions,
                                              "articles", rows[k].articles));
    if (doc && (!list || json_object_set_new(doc, "story", json_integer(story)) ||
                json_object_set(doc, "entities", list))) {
        json_decref(doc);
        doc = NULL;
    }
    json_decref(list);
    return cli_json_print(doc, 0);
}

static void print_rows(const row *rows, size_t n)
{
    int width = cli_width();
    printf("%-13s %8s %8s  %s\n", "type", "mentions", "articles", "name (role)");
    for (size_t k = 0; k < n; k++) {
        char name[512];
        snprintf(name, sizeof name, "%s%s%s%s", rows[k].first->about, rows[k].role ? " (" : "",
                 rows[k].role ? rows[k].role : "", rows[k].role ? ")" : "");
        int used = printf("%-13s %8d %8d  ", rows[k].type, rows[k].mentions,
                          rows[k].articles);
        cli_print_cut(name, width - used);
        putchar('\n');
    }
}

static int run(cli *c)
{
    int64_t story;
    sl_engine *e;
    int rc = cli_one_story(&cmd_entities, c, &story, &e);
    if (rc)
        return rc;
    sl_fact_items *items = NULL;
    sl_story *s = NULL;
    rc = sl_story_get(e, story, &s);
    sl_story_free(s);
    if (!rc)
        rc = sl_story_fact_items(e, story, SL_FACT_ENTITY, &items);
    if (rc)
        return cli_fail(e, rc);
    row *rows = NULL;
    size_t n = 0;
    int status = EXIT_OK;
    if (cli_entity_rows(items, &rows, &n))
        status = cli_fail(e, SL_ENOMEM);
    else if (c->json)
        status = print_json(story, rows, n);
    else
        print_rows(rows, n);
    free(rows);
    sl_fact_items_free(items);
    return status;
}

const command cmd_entities = {
    "entities", "STORY_ID [--json]",
    "people (with roles), organisations and places of a story, counted",
    "Most mentioned first: each name with its type, how often the story's\n"
    "articles mention it and in how many articles.\n",
    1, run,
};
