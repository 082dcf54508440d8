/* extract.c — `storyline extract FILE|URL|-...`: the article of each HTML
 * page or text (plain or gzipped, a URL, standard input) without a store:
 * title, author, date, language, body; with --json one JSON object per line,
 * one line per page. */
#include <string.h>

#include "cli.h"

typedef struct out_ctx {
    cli *c;
    int many, status;
} out_ctx;

/* A page without article text shows its metadata and says so. */
static void print_page(const sl_page *p, const char *path, int many, const char *error)
{
    if (many)
        printf("==> %s\n", path);
    printf("title:     %s\n", p->title ? p->title : "(none)");
    printf("author:    %s\n", p->author ? p->author : "(none)");
    printf("published: %s\n", p->published ? p->published : "(unknown)");
    printf("language:  %s\n\n", p->lang ? p->lang : "und");
    if (p->text)
        cli_print_wrapped(p->text, 0);
    else
        printf("(no article body: %s)\n", error);
    if (many)
        putchar('\n');
}

static void on_page(void *ctx, const char *name, const sl_page *page, const char *error)
{
    out_ctx *o = ctx;
    if (error) {
        cli_error("%s: %s", name, error);
        o->status = EXIT_PARTIAL;
    }
    if (page && o->c->json) {
        int rc = sl_page_json(page, name, SL_JSON_DOCUMENT, cli_write_stdout, NULL);
        if (cli_json_written(rc))
            o->status = EXIT_STORE;
    } else if (page) {
        print_page(page, name, o->many, error);
    }
}

static int run(cli *c)
{
    int n = 0, allow_private = 0;
    for (int i = 0; i < c->argc; i++) {
        if (cli_flag(c, i, "--allow-private"))
            allow_private = 1;
        else if (cli_is_option(c, i))
            return cli_unexpected(&cmd_extract, c, i);
        else
            n++;
    }
    if (!n)
        return cli_usage(&cmd_extract, "extract wants one or more HTML, text or WARC files, URLs or -");
    sl_extractor *x = NULL;
    if (sl_extractor_new(&x)) {
        cli_error("out of memory");
        return EXIT_STORE;
    }
    sl_extractor_allow_private(x, allow_private);
    out_ctx o = {c, 1, EXIT_OK};
    o.many = n > 1;
    for (int i = 0; i < c->argc && o.status != EXIT_STORE; i++)
        if (!cli_flag(c, i, "--allow-private") && sl_extract_each(x, c->argv[i], on_page, &o)) {
            cli_error("out of memory");
            o.status = EXIT_STORE;
        }
    sl_extractor_free(x);
    return o.status;
}

const command cmd_extract = {
    "extract", "[--json] [--allow-private] FILE|URL|-...",
    "print the article of pages, texts, WARC or URLs: title, date, body",
    "Each FILE is an HTML page or a plain text, plain or gzip-compressed, in any\n"
    "charset, or a WARC file (every HTML response, named FILE#RECORD (URI)); - is\n"
    "standard input; an http(s) URL is fetched as ingest fetches it (robots.txt,\n"
    "no loopback or private addresses unless --allow-private). A text loses the\n"
    "chrome lines ingest would remove (without the store's repeated lines). With\n"
    "--json each page becomes one JSON object on its own line (docs/json.md). A\n"
    "page without article text is reported on stderr, its title, author and date\n"
    "still shown (status no_body in JSON), and the others go on (exit 1).\n",
    CLI_NO_STORE, run,
};
