/* cli.h — what the storyline command's subcommands share: the parsed global
 * options, exit codes, and output helpers. The command uses only the public
 * header storyline.h. */
#ifndef SL_CLI_H
#define SL_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "storyline.h"

enum { CLI_NO_STORE = 2 };
enum { EXIT_OK = 0, EXIT_PARTIAL = 1, EXIT_USAGE = 2, EXIT_STORE = 3 };

typedef struct cli {
    const char *db;       /* --db PATH, default ./storyline.db */
    int quiet;            /* --quiet: no progress, no summaries */
    int json;             /* --json */
    int help;             /* --help on the command */
    const char *granularity; /* --granularity X: finer (>1) or coarser (<1) stories */
    int argc;             /* the command's own arguments */
    char **argv;
} cli;

typedef struct command {
    const char *name;
    const char *usage;    /* one line of arguments */
    const char *summary;  /* one line */
    const char *help;     /* the rest of --help */
    int read_only;        /* 1: the store opened read-only; CLI_NO_STORE: none (e is NULL) */
    int (*run)(cli *c, sl_engine *e);
} command;

/* The subcommands, each in its own file. */
extern const command cmd_ingest, cmd_stories, cmd_show, cmd_article, cmd_search, cmd_export,
    cmd_copies, cmd_check, cmd_compare, cmd_dedup, cmd_facts, cmd_quotes, cmd_entities,
    cmd_threads, cmd_extract;
extern const command cmd_timex, cmd_summarize, cmd_summary, cmd_timeline;

/* Prints "storyline: <msg>" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Opens the store at c->db (read-only or not); on failure says why and
 * returns EXIT_STORE, else EXIT_OK. For commands that need a store only
 * sometimes (they are CLI_NO_STORE and open it themselves). */
int cli_open(cli *c, int read_only, sl_engine **out);
/* A progress line on stderr for long work: shown only on a terminal and
 * without --quiet, at most five times a second; cleared before messages. */
typedef struct cli_progress {
    int show, shown;
    double start, last;
} cli_progress;
void cli_progress_init(cli_progress *p, const cli *c);
/* "WHAT: N ITEMS, X MB, R ITEMS/s  NAME" */
void cli_progress_show(cli_progress *p, const char *what, const char *items, uint64_t n,
                       uint64_t bytes, const char *name);
void cli_progress_clear(cli_progress *p);
/* Seconds since cli_progress_init. */
double cli_progress_seconds(const cli_progress *p);
/* Reports an engine failure and gives the exit code it deserves. */
int cli_fail(sl_engine *e, int rc);
/* Usage error for command `cmd` with a message. */
int cli_usage(const command *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Parses a positive article/story id; 0 when it is not one. */
int64_t cli_id(const char *s);
/* Takes "--name VALUE" or "--name=VALUE" at argv[*i]; NULL when argv[*i] is not it. */
const char *cli_option(cli *c, int *i, const char *name);
/* A sink for the JSON functions writing to stdout. */
int cli_write_stdout(void *ctx, const char *data, size_t len);
/* Terminal width for human output (0 when stdout is not a terminal: no cut). */
int cli_width(void);
/* Prints s cut to `width` display columns (UTF-8 aware), or whole when width is 0. */
void cli_print_cut(const char *s, int width);
/* Prints text wrapped to the terminal, each line indented by `indent` spaces. */
void cli_print_wrapped(const char *text, int indent);
/* The whole of a file, NUL-terminated (malloc'd; the caller frees), its size
 * in *len; NULL when it cannot be read (or is over 256 MB). */
char *cli_read_file(const char *path, size_t *len);

/* A stored story's articles as texts for sl_summarize / sl_timeline_build
 * (story_texts.c): ids[i] is docs[i]'s article id; copies share their
 * original's source. */
typedef struct cli_story_texts {
    size_t n;
    sl_story_text *docs;
    int64_t *ids;
    sl_article **articles;    /* owning the texts */
} cli_story_texts;
/* Story `story_id`, or with thread_id > 0 every story of that thread. */
int cli_story_texts_load(sl_engine *e, int64_t story_id, int64_t thread_id, cli_story_texts *t);
void cli_story_texts_free(cli_story_texts *t);
/* Human output of a summary (summary.c) and of a timeline's first `max`
 * events (timeline.c), article ids from `t`. */
void cli_summary_print(const sl_summary *sum, const cli_story_texts *t);
void cli_timeline_print(const sl_timeline *tl, const cli_story_texts *t, size_t max);
/* `show`'s opening: the story's summary and the start of its timeline
 * (story_texts.c). Returns 0 or an SL_E* code. */
int cli_story_report(sl_engine *e, int64_t story_id);

#endif
