/* cli.h — what the storyline command's subcommands share: the parsed global
 * options, exit codes, and output helpers. The command uses only the public
 * header storyline.h. */
#ifndef SL_CLI_H
#define SL_CLI_H

#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "storyline.h"
#include "util/buf.h"

/* How a command uses the store (command.read_only, cli_open's mode). */
enum {
    CLI_WRITE = 0,          /* read and write; made when missing (ingest) */
    CLI_READ = 1,           /* read-only; must exist */
    CLI_NO_STORE = 2,       /* none, or opened by the command itself (serve) */
    CLI_WRITE_EXISTING = 3  /* read and write where allowed, else read-only (it tells
                             * sl_engine_read_only); must exist (check) */
};
enum { CLI_MIN_WIDTH = 80 };  /* human output fits this many columns at least */
enum { EXIT_OK = 0, EXIT_PARTIAL = 1, EXIT_USAGE = 2, EXIT_STORE = 3 };
enum { EXIT_NOT_COPY = 1, EXIT_TROUBLE = 2 };  /* compare's, like cmp(1) */

typedef struct cli {
    const char *db;       /* --db PATH, else $STORYLINE_DB, else ./storyline.db */
    int quiet;            /* --quiet: no progress, no summaries */
    int json;             /* --json */
    int help;             /* --help on the command */
    const char *granularity; /* --granularity X: finer (>1) or coarser (<1) stories */
    int argc;             /* the command's own arguments */
    char **argv;
    int options_end;      /* argv[options_end..] came after "--" (argc when none) */
    int store_mode;       /* the command's: how cli_store opens the store */
    sl_engine *engine;    /* opened by cli_store, closed by main; NULL before */
} cli;

typedef struct command {
    const char *name;
    const char *usage;    /* one line of arguments */
    const char *summary;  /* one line */
    const char *help;     /* the rest of --help */
    int read_only;        /* CLI_READ, CLI_WRITE, CLI_WRITE_EXISTING or CLI_NO_STORE */
    int (*run)(cli *c);   /* reads its arguments, then calls cli_store if it needs the store */
} command;

/* The subcommands, each in its own file. */
extern const command cmd_ingest, cmd_stories, cmd_show, cmd_article, cmd_search, cmd_export,
    cmd_copies, cmd_check, cmd_compare, cmd_dedup, cmd_facts, cmd_quotes, cmd_entities,
    cmd_threads, cmd_extract;
extern const command cmd_timex, cmd_summarize, cmd_summary, cmd_timeline;
extern const command cmd_serve;

/* Prints "storyline: <msg>" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Opens the store at c->db as `mode` says (CLI_READ, CLI_WRITE or
 * CLI_WRITE_EXISTING); on failure says why and returns EXIT_STORE, else
 * EXIT_OK. Only CLI_WRITE makes a missing store; otherwise the message says
 * how to make one. Also for commands that need a store only sometimes (they
 * are CLI_NO_STORE and open it themselves). */
int cli_open(cli *c, int mode, sl_engine **out);
/* The command's store, opened at the first call as its entry in the table
 * says (command.read_only), with --granularity applied: a command calls it
 * once its arguments are read, so that a usage error is said before the
 * store is touched (`show abc` with no store is a usage error, exit 2).
 * EXIT_OK, or the exit status of the failure, said (EXIT_STORE, or
 * EXIT_USAGE for a bad --granularity). main closes it (cli_close). */
int cli_store(cli *c, sl_engine **out);
/* Closes what cli_open opened (e may be NULL) and returns `rc`, or
 * EXIT_STORE, saying why, when the command succeeded on a store read
 * without locks that changed meanwhile (sl_engine_check_snapshot). */
int cli_close(sl_engine *e, int rc);
/* A progress line on stderr for long work: shown only on a terminal and
 * without --quiet, at most five times a second; cleared before messages. */
typedef struct cli_progress {
    int show, shown;
    double start, last;
} cli_progress;
void cli_progress_init(cli_progress *p, const cli *c);
/* "WHAT: N ITEMS, X MB, R ITEMS/s  NAME": `one` for 1 item, `items` for the
 * rest; X the MB read so far. */
void cli_progress_show(cli_progress *p, const char *what, const char *one, const char *items,
                       uint64_t n, uint64_t bytes, const char *name);
void cli_progress_clear(cli_progress *p);
/* Seconds since cli_progress_init. */
double cli_progress_seconds(const cli_progress *p);
/* Reports an engine failure and gives the exit code it deserves. */
int cli_fail(sl_engine *e, int rc);
/* "usage: storyline CMD ARGS", one line per alternative of cmd->usage (split
 * at " | "), wrapped within 80 columns. */
void cli_print_usage(FILE *out, const command *cmd);
/* Usage error for command `cmd` with a message. */
int cli_usage(const command *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The usage error for argv[i], which command `cmd` does not take: "unknown
 * option --x" for an option (before any "--"), else "unexpected argument x". */
int cli_unexpected(const command *cmd, const cli *c, int i);
/* A usage error for command `cmd` when `published` (an option's value, may
 * be NULL) is no ISO-8601 date (YYYY-MM-DD, a time after it ignored), as
 * ingest --date says; else EXIT_OK. */
int cli_check_date(const command *cmd, const char *option, const char *published);
/* Parses a positive article/story id, decimal digits only (as serve reads
 * one in a path); 0 when it is not one. */
int64_t cli_id(const char *s);
/* The argument at argv[i] of a command taking one id of a `noun` ("story",
 * "article") into *id: 0, or the usage error said (exit 2): an option or a
 * second argument is unexpected, anything else that is no id is "CMD wants
 * one NOUN id, not ARG". */
int cli_id_arg(const command *cmd, const cli *c, int i, const char *noun, int64_t *id);
/* A command whose only argument is one story id (show, entities, quotes):
 * every argument by cli_id_arg, "CMD wants one story id" without one; then
 * the store opened into *e (cli_store). */
int cli_one_story(const command *cmd, cli *c, int64_t *id, sl_engine **e);
/* Takes "--name VALUE" or "--name=VALUE" at argv[*i]; NULL when argv[*i] is not it
 * (or comes after "--"). */
const char *cli_option(cli *c, int *i, const char *name);
/* Whether argv[i] is the flag `name` ("--follow"), before any "--". */
int cli_flag(const cli *c, int i, const char *name);
/* Whether argv[i] is an option ("-x", "--name"; not "-", standard input), before any "--". */
int cli_is_option(const cli *c, int i);
/* A JSON document the command builds itself (not one of the library's
 * sl_*_json): it opens with "storyline" and "json_version" like theirs. */
json_t *cli_json_document(void);
/* `s` as a JSON string: invalid UTF-8 bytes (a file name may hold them)
 * become U+FFFD, as the library's JSON writes them. NULL when out of memory. */
json_t *cli_json_string(const char *s);
/* Prints `doc` on stdout (indented, or one line with `compact`) and frees it;
 * EXIT_OK, or EXIT_STORE when it is NULL (out of memory) or cannot be written. */
int cli_json_print(json_t *doc, int compact);
/* A sink for the JSON functions writing to stdout. */
int cli_write_stdout(void *ctx, const char *data, size_t len);
/* The exit status of a library writer of one result (sl_summary_json,
 * sl_timeline_json, sl_page_json; sl_timex_json and sl_facts_extract_json
 * when they return SL_EIO) that returned `rc`: EXIT_OK, or
 * EXIT_STORE, said ("cannot write output" for SL_EIO, else the reason). */
int cli_json_written(int rc);
/* Width for human output: the terminal's, else $COLUMNS, else 80; never below 80. */
int cli_width(void);
/* `one` when n is 1, else `many`: "1 story", "2 stories". */
const char *cli_noun(long long n, const char *one, const char *many);
/* Prints s cut to `width` display columns (UTF-8 aware), an ellipsis ending a cut. */
void cli_print_cut(const char *s, int width);
/* The same from the other end: "…" and the last width-1 columns of s (for
 * paths and URLs, whose end names the file). */
void cli_print_tail(const char *s, int width);
/* Prints text wrapped to the terminal, each line indented by `indent` spaces. */
void cli_print_wrapped(const char *text, int indent);
/* The whole of a file, a pipe or - (standard input), gzip undone as ingest
 * and extract undo it (one reader, util/gzfile.h), NUL-terminated (malloc'd;
 * the caller frees), its size in *len; NULL when it cannot be read, its
 * gzip data is damaged, or it is larger than `max` bytes, saying why
 * ("PATH: REASON"). */
char *cli_read_file(const char *path, size_t max, size_t *len);
/* The same for a command that reads prose (timex, summarize, facts --text,
 * compare), by sl_input_read: an input it refuses ("PATH: empty", "PATH: binary
 * data, not text", "PATH: a feed, JSON or JSONL file holds many articles:
 * use ingest"), as extract refuses it, and an HTML page (UTF-8 or UTF-16)
 * gives the article text extract gives, "PATH: no article text found" when
 * it has none. When `published` is not NULL it gets the page's publication
 * date as ingest keeps it (as sl_input_article; malloc'd), else NULL: a text
 * file states none. */
char *cli_read_text(const char *path, size_t max, size_t *len, char **published);
/* A line (`n` bytes, getline's) of white space only ("\n", "\r\n", "  \n"):
 * skipped by the readers of lines as ingest's JSONL reader skips it. */
int cli_blank_line(const char *line, ssize_t n);
/* For a command reading lines as they come (dedup, compare --pairs), whose
 * first line `line` (`n` bytes, getline's) from `path` may be gzip data,
 * which such a reader cannot undo, or open a JSON document (`[`, or `{`
 * alone: an array or a pretty-printed object), which it cannot read a line
 * at a time: 1 after saying so once, "PATH: gzip-compressed: WHO reads
 * plain JSONL (zcat PATH | storyline PIPED)" or "PATH: a JSON document, not
 * JSONL: WHO reads one object a line (jq -c '.[]' PATH | storyline PIPED)"
 * (each of its "lines" was an error of its own), clearing `progress` (or
 * NULL) first; else 0. */
int cli_not_lines(const char *path, const char *line, ssize_t n, cli_progress *progress,
                  const char *who, const char *piped);

/* One entity of a story (entities.c): its first item, its type, its role,
 * how many mentions and articles; `places`, `organizations`, `persons` and
 * `titled` count the mentions typed so (`titled`: persons with a role). */
typedef struct cli_entity_row {
    const sl_fact_item *first;
    const char *type;
    const char *role;
    int mentions, articles;
    int places, organizations, persons, titled;
    int64_t last_article;
} cli_entity_row;
/* The entities of a story's entity items (sl_story_fact_items), one row per
 * name, most mentioned first: what `entities` lists and `show` names. A
 * name the articles type differently takes one type: a person where a
 * mention gives a role, else the place or organisation most mentions say
 * (a role-less person is typed by its name's shape alone, the weakest
 * evidence), else person. Rows borrow from `items`; the caller frees
 * *rows. SL_ENOMEM. */
int cli_entity_rows(const sl_fact_items *items, cli_entity_row **rows, size_t *n);

/* Human output of a summary (summary.c) and of a timeline's first `max`
 * events (timeline.c), article ids from `t`. */
void cli_summary_print(const sl_summary *sum, const sl_story_texts *t);
void cli_timeline_print(const sl_timeline *tl, const sl_story_texts *t, size_t max);

#endif
