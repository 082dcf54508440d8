/* test_chrome.c — page-chrome removal and title finding (golden files in
 * tests/golden/chrome/), the interface lexicon's order, and repetition
 * across stored articles. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "text/stem_memo.h"
#include "text/text.h"
#include "util/hash.h"
#include "test.h"

int sl_chrome_lexicon_sorted(void);

static void render(const char *text, const sl_cleaned *c, sl_buf *out)
{
    sl_buf_printf(out, "title: %s\ntext:\n%s\nremoved:\n", sl_buf_cstr(&c->title), sl_buf_cstr(&c->text));
    for (size_t i = 0; i < c->removed.n; i++) {
        const sl_chrome_line *rm = &c->removed.items[i];
        sl_buf_printf(out, "%u %s: %.*s\n", rm->line_no, rm->reason, (int)(rm->end - rm->start),
                      text + rm->start);
    }
}

static void golden(const char *name)
{
    char in_path[256], out_path[256];
    snprintf(in_path, sizeof in_path, "tests/golden/chrome/%s.in", name);
    snprintf(out_path, sizeof out_path, "tests/golden/chrome/%s.out", name);
    size_t len;
    char *text = sl_test_read_file(in_path, &len);
    sl_cleaned c = {0};
    sl_buf out = SL_BUF_INIT;
    CHECK_INT(sl_chrome_clean(text, len, NULL, 1, &c), 0);
    render(text, &c, &out);
    CHECK_GOLDEN(out_path, sl_buf_cstr(&out));
    sl_buf_free(&out);
    sl_cleaned_free(&c);
    free(text);
}

TEST(chrome_site_furniture_removed_headings_kept) { golden("site-chrome"); }
TEST(chrome_paragraph_first_line_is_not_a_title) { golden("no-title"); }

TEST(chrome_lexicon_is_sorted) { CHECK(sl_chrome_lexicon_sorted()); }

static int always_seen(void *ctx, const uint64_t *hashes, size_t n, uint32_t *counts)
{
    (void)hashes;
    for (size_t i = 0; i < n; i++)
        counts[i] = *(uint32_t *)ctx;
    return 0;
}

TEST(chrome_line_repeated_across_articles_removed)
{
    const char *text =
        "Glass recycling rates in Eskmoor rose by a fifth last year, the town's waste office said on Monday in its annual report.\n\n"
        "Officials credited new bottle banks near the market.\n\n"
        "Eskmoor Daily, your town's paper since 1921\n";
    uint32_t n = 5;
    sl_line_counter counter = {always_seen, &n};
    sl_cleaned c = {0};
    CHECK_INT(sl_chrome_clean(text, strlen(text), &counter, 0, &c), 0);
    int found = 0;
    for (size_t i = 0; i < c.removed.n; i++)
        found |= !strcmp(c.removed.items[i].reason, "repeated in other articles");
    CHECK(found);
    /* The body paragraph is never removed, however often it was seen. */
    CHECK(strstr(sl_buf_cstr(&c.text), "Glass recycling") != NULL);
    sl_cleaned_free(&c);
}

TEST(chrome_short_sentence_with_one_interface_word_kept)
{
    const char *text =
        "The mayor of Lindholt announced a review of the tram timetable after weeks of complaints from commuters on the eastern line.\n\n"
        "He declined to comment further.\n";
    sl_cleaned c = {0};
    CHECK_INT(sl_chrome_clean(text, strlen(text), NULL, 0, &c), 0);
    CHECK_INT(c.removed.n, 0);
    sl_cleaned_free(&c);
}

/* A copyright notice goes wherever it stands; a short sentence about
 * copyright stays. */
TEST(chrome_copyright_notice_removed)
{
    const char *text =
        "The Lindholt library will lend e-books to every resident from March, the city council said on Tuesday after a vote.\n\n"
        "Copyright rules for e-books were eased.\n\n"
        "\xC2\xA9 2026 Eskmoor Daily. All rights reserved.\n\n"
        "Copyright 2026 Eskmoor Daily\n";
    sl_cleaned c = {0};
    CHECK_INT(sl_chrome_clean(text, strlen(text), NULL, 0, &c), 0);
    CHECK_INT(c.removed.n, 2);
    for (size_t i = 0; i < c.removed.n; i++)
        CHECK_STR(c.removed.items[i].reason, "copyright notice");
    CHECK(strstr(sl_buf_cstr(&c.text), "Copyright rules") != NULL);
    sl_cleaned_free(&c);
}

/* A line that is one web address alone goes (where a saved page came
 * from), and the headline under it is the title; an address inside a
 * sentence stays. */
TEST(chrome_bare_web_address_removed_headline_kept)
{
    const char *text =
        "https://news.example.org/2026/03/ferry-strike.html\n"
        "Ferry workers walk out over pay\n\n"
        "Ferry workers in Harlow walked out on Monday over a pay offer they called an insult, the union said in a statement.\n\n"
        "Timetables are at www.example.org/ferries until further notice.\n";
    sl_cleaned c = {0};
    CHECK_INT(sl_chrome_clean(text, strlen(text), NULL, 1, &c), 0);
    CHECK_INT(c.removed.n, 1);
    CHECK_STR(c.removed.items[0].reason, "a web address alone");
    CHECK_STR(sl_buf_cstr(&c.title), "Ferry workers walk out over pay");
    CHECK(strstr(sl_buf_cstr(&c.text), "www.example.org/ferries") != NULL);
    sl_cleaned_free(&c);
}

/* Lines are numbered as the input splits them at its line feeds, empty and
 * blank ones too, and a removed line's bounds are its trimmed bytes, the
 * last line's too when no line feed ends the input. */
TEST(chrome_removed_lines_numbered_and_bounded_as_given)
{
    const char *text =
        "Copyright 2026 Eskmoor Daily\n"
        "\n \t\n"
        "The Lindholt library will lend e-books to every resident from March, the city council said on Tuesday after a vote.\n\n"
        "  \xC2\xA9 2026 Eskmoor Daily. All rights reserved. ";
    size_t len = strlen(text), last = strstr(text, "\xC2\xA9") - text;
    sl_cleaned c = {0};
    CHECK_INT(sl_chrome_clean(text, len, NULL, 0, &c), 0);
    CHECK_INT(c.removed.n, 2);
    CHECK(c.removed.items[0].line_no == 1 && c.removed.items[0].start == 0 &&
          c.removed.items[0].end == 28);
    CHECK(c.removed.items[1].line_no == 6 && c.removed.items[1].start == last &&
          c.removed.items[1].end == len - 1);
    sl_cleaned_free(&c);
}

TEST(chrome_empty_and_blank_input)
{
    sl_cleaned c = {0};
    CHECK_INT(sl_chrome_clean("", 0, NULL, 1, &c), 0);
    CHECK_INT(c.text.len, 0);
    CHECK_INT(sl_chrome_clean("\n\n  \n", 5, NULL, 1, &c), 0);
    CHECK_INT(c.text.len, 0);
    CHECK_INT(c.title.len, 0);
    sl_cleaned_free(&c);
}

TEST(chrome_line_hash_ignores_case_and_spacing)
{
    CHECK(sl_chrome_line_hash("Leave a  Reply", 14) == sl_chrome_line_hash("leave a reply", 13));
    CHECK(sl_chrome_line_countable("Leave a Reply", 13));
    CHECK(!sl_chrome_line_countable("", 0));
}

/* The hash is of the line folded (ASCII lower case, each run of spaces and
 * tabs one space, none at either end), NUL bytes kept, its first 512 bytes
 * only: also where the 512th is a space or the line is longer. */
/* The line's fold and word count by their definitions, a byte at a time:
 * what the eight-bytes-at-a-time paths must give. */
static uint64_t folded_hash_by_bytes(const char *line, size_t len)
{
    char small[512];
    size_t n = 0;
    bool space = false;
    for (size_t i = 0; i < len && n < sizeof small; i++) {
        unsigned char c = (unsigned char)line[i];
        if (c == ' ' || c == '\t') {
            space = n > 0;
            continue;
        }
        if (space) {
            small[n++] = ' ';
            space = false;
            if (n == sizeof small)
                break;
        }
        small[n++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    }
    return sl_hash64(small, n);
}

static int countable_by_bytes(const char *line, size_t len)
{
    int words = 1;
    for (size_t i = 0; i + 1 < len; i++)
        words += line[i] == ' ' && line[i + 1] != ' ';
    return len > 0 && len <= 160 && words <= 20;
}

/* Lines of words, single and double spaces, tabs, capitals, bytes above
 * 0x7F and NULs, of 0 to 600 bytes (either side of 8, 9, 160 and 512);
 * every other line of words and single spaces alone (the eight-bytes path). */
TEST(chrome_line_hash_and_count_as_byte_by_byte)
{
    static const char *const pieces[] = {"Leave", "a", "REPLY", "Ein", "\xC3\x9C" "ber", "x", "Qz0",
                                         "Reuters", "said", " ", " ", " ", "  ", "\t", " \t "};
    enum { WORDS = 9, SINGLE = 12 };   /* pieces[0, WORDS) words, then single spaces */
    uint64_t state = 0x2545F4914F6CDD1Du;
    char line[640];
    size_t plain = 0, counted = 0;
    for (int round = 0; round < 20000; round++) {
        state ^= state << 13, state ^= state >> 7, state ^= state << 17;
        size_t want = state % 601, len = 0, of = round % 2 ? SINGLE : sizeof pieces / sizeof *pieces;
        uint64_t pick = state;
        bool space = true;
        while (len < want) {
            pick = pick * 6364136223846793005u + 1442695040888963407u;
            size_t k = (pick >> 33) % of;
            if (of == SINGLE && (k >= WORDS) == space)   /* words and single spaces in turn */
                k = k >= WORDS ? k % WORDS : WORDS;
            space = k >= WORDS;
            const char *p = (pick >> 20) % 97 == 0 ? "\0" : pieces[k];
            size_t n = *p ? strlen(p) : 1;
            for (size_t b = 0; b < n && len < want; b++)
                line[len++] = p[b];
        }
        CHECK(sl_chrome_line_hash(line, len) == folded_hash_by_bytes(line, len));
        CHECK(sl_chrome_line_countable(line, len) == countable_by_bytes(line, len));
        plain += len > 9 && line[0] != ' ' && line[len - 1] != ' ' && !memchr(line, '\t', len) &&
                 !memmem(line, len, "  ", 2);
        counted += (size_t)countable_by_bytes(line, len);
    }
    CHECK(plain > 2000 && counted > 1000); /* both paths and both answers met */
}

TEST(chrome_line_hash_of_the_folded_line_cut_at_512)
{
    CHECK(sl_chrome_line_hash("\t Leave\tA  REPLY \t", 18) == sl_hash64("leave a reply", 13));
    CHECK(sl_chrome_line_hash("Q\0R", 3) == sl_hash64("q\0r", 3));
    CHECK(sl_chrome_line_hash("  ", 2) == sl_hash64("", 0));
    char line[700], want[512];
    memset(line, 'K', 600);
    memset(want, 'k', 512);
    CHECK(sl_chrome_line_hash(line, 600) == sl_hash64(want, 512));
    memcpy(line + 511, " \t Z", 4); /* 511 letters, then a space as the 512th byte kept */
    want[511] = ' ';
    CHECK(sl_chrome_line_hash(line, 515) == sl_hash64(want, 512));
    for (size_t i = 0; i < 700; i++) /* "Ab  Ab  ...": each "Ab" kept as "ab " */
        line[i] = "Ab  "[i % 4];
    for (size_t i = 0; i < 512; i++)
        want[i] = "ab "[i % 3];
    CHECK(sl_chrome_line_hash(line, 700) == sl_hash64(want, 512));
}

/* The counter is asked once an article, for all its short lines, and
 * each line's count decides for that line alone. */
typedef struct counter_calls {
    int calls;
    size_t asked;
} counter_calls;

static int seen_if_footer(void *ctx, const uint64_t *hashes, size_t n, uint32_t *counts)
{
    counter_calls *c = ctx;
    c->calls++;
    c->asked += n;
    uint64_t footer = sl_chrome_line_hash("Eskmoor Daily, your town's paper since 1921",
                                          strlen("Eskmoor Daily, your town's paper since 1921"));
    for (size_t i = 0; i < n; i++)
        counts[i] = hashes[i] == footer ? 5 : 0;
    return 0;
}

static int store_unreadable(void *ctx, const uint64_t *hashes, size_t n, uint32_t *counts)
{
    (void)ctx, (void)hashes, (void)n, (void)counts;
    return SL_ESTORE;
}

/* Counts that could not be read fail the cleaning: an article is never
 * cleaned as if no other article carried its lines. */
TEST(chrome_counts_not_read_fail_the_cleaning)
{
    const char *text = "Officials credited new bottle banks near the market.\n\n"
                       "Eskmoor Daily, your town's paper since 1921\n";
    sl_line_counter counter = {store_unreadable, NULL};
    sl_cleaned out = {0};
    CHECK_INT(sl_chrome_clean(text, strlen(text), &counter, 0, &out), SL_ESTORE);
    sl_cleaned_free(&out);
}

TEST(chrome_lines_counted_once_an_article)
{
    const char *text =
        "Glass recycling rates in Eskmoor rose by a fifth last year, the town's waste office said on Monday in its annual report.\n\n"
        "Bottle banks\n\n"
        "Officials credited new bottle banks near the market.\n\n"
        "Eskmoor Daily, your town's paper since 1921\n";
    counter_calls calls = {0, 0};
    sl_line_counter counter = {seen_if_footer, &calls};
    sl_cleaned c = {0};
    CHECK_INT(sl_chrome_clean(text, strlen(text), &counter, 0, &c), 0);
    CHECK_INT(calls.calls, 1);
    CHECK(calls.asked >= 2);
    CHECK(strstr(sl_buf_cstr(&c.text), "Eskmoor Daily") == NULL);
    CHECK(strstr(sl_buf_cstr(&c.text), "Glass recycling") != NULL);
    sl_cleaned_free(&c);
}

/* A notice made only of lines other articles carry (a dividend template) is
 * the article itself: repetition alone never empties it. Interface text
 * around it still goes. */
TEST(chrome_repetition_alone_never_empties_an_article)
{
    const char *text = "Qtly div eight cts vs eight cts prior\n"
                       "Pay May One\n"
                       "Record April 10\n"
                       "Share this article\n";
    uint32_t n = 5;
    sl_line_counter counter = {always_seen, &n};
    sl_cleaned c = {0};
    CHECK_INT(sl_chrome_clean(text, strlen(text), &counter, 0, &c), 0);
    CHECK(strstr(sl_buf_cstr(&c.text), "Qtly div eight cts") != NULL);
    CHECK(strstr(sl_buf_cstr(&c.text), "Record April 10") != NULL);
    CHECK(strstr(sl_buf_cstr(&c.text), "Share this") == NULL);
    CHECK_INT(c.removed.n, 1);
    sl_cleaned_free(&c);
}

/* Above the article, a line is judged by the body paragraphs alone: a
 * forum's label that shares a word with a short line after it ("Members"
 * over "Members can post replies.") still goes as unrelated, while the
 * headline that shares the body's words stays. */
TEST(chrome_label_above_the_article_judged_by_the_body_alone)
{
    const char *text =
        "Members\n"
        "Fire at Harlow mill in Eskmoor\n"
        "Members can post replies.\n"
        "A fire badly damaged the Harlow mill in Eskmoor on Sunday, and crews from three towns fought the blaze through the night while the owners watched.\n";
    sl_cleaned c = {0};
    CHECK_INT(sl_chrome_clean(text, strlen(text), NULL, 0, &c), 0);
    CHECK(strstr(sl_buf_cstr(&c.text), "Fire at Harlow mill in Eskmoor") != NULL);
    CHECK(strstr(sl_buf_cstr(&c.text), "Members\n") == NULL);
    CHECK_INT(c.removed.n ? c.removed.items[0].line_no : 0, 1);
    CHECK_STR(c.removed.n ? c.removed.items[0].reason : "", "before the article, unrelated to it");
    sl_cleaned_free(&c);
}

static int seen_if_listed(void *ctx, const uint64_t *hashes, size_t n, uint32_t *counts)
{
    const char *const *listed = ctx;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; listed[k]; k++)
            if (hashes[i] == sl_chrome_line_hash(listed[k], strlen(listed[k])))
                counts[i] = 5;
    return 0;
}

/* A wrapped sentence's tail that many articles carry ("the company said.")
 * shares its words with the sentences after it and stays; a sign-off after
 * the last sentence shares words only with those before it and still goes
 * as repeated (no line here is a body paragraph: no zone rule applies). */
TEST(chrome_repeated_line_sharing_words_with_later_sentences_kept)
{
    const char *text = "Harlow Mill cut its forecast for the year on Tuesday,\n"
                       "the company said.\n"
                       "The company will report its results in May.\n"
                       "Company news\n";
    const char *const listed[] = {"the company said.", "Company news", NULL};
    sl_line_counter counter = {seen_if_listed, (void *)listed};
    sl_cleaned c = {0};
    CHECK_INT(sl_chrome_clean(text, strlen(text), &counter, 0, &c), 0);
    CHECK(strstr(sl_buf_cstr(&c.text), "the company said.") != NULL);
    CHECK(strstr(sl_buf_cstr(&c.text), "Company news") == NULL);
    CHECK_INT(c.removed.n, 1);
    CHECK_STR(c.removed.n ? c.removed.items[0].reason : "", "repeated in other articles");
    sl_cleaned_free(&c);
}

/* A sentence between body paragraphs that other articles carry too is a
 * syndicated story's text ("The two men then fled in a second van."), not a page's
 * furniture: repetition does not remove it. After the article, the same
 * sentence is a notice and goes. */
TEST(chrome_repeated_sentence_inside_the_article_kept)
{
    const char *text =
        "Two men robbed a jeweller on Harlow Street in Eskmoor on Friday morning and drove off with watches worth a fortune, police said.\n"
        "The two men then fled in a second van.\n"
        "Officers found the burnt vehicle near the ring road an hour later and asked witnesses to come forward with what they had seen.\n"
        "The two men then fled in a second van.\n";
    const char *const listed[] = {"The two men then fled in a second van.", NULL};
    sl_line_counter counter = {seen_if_listed, (void *)listed};
    sl_cleaned c = {0};
    CHECK_INT(sl_chrome_clean(text, strlen(text), &counter, 0, &c), 0);
    CHECK(strstr(sl_buf_cstr(&c.text), "The two men then fled in a second van.") != NULL);
    CHECK_INT(c.removed.n, 1);
    CHECK_INT(c.removed.n ? c.removed.items[0].line_no : 0, 4);
    CHECK_STR(c.removed.n ? c.removed.items[0].reason : "", "repeated in other articles");
    sl_cleaned_free(&c);
}

#define HARBOUR_FIRE                                                                          \
    "A fire broke out at the Kerrow harbour warehouse late on Tuesday, firefighters said "    \
    "after a long night of work on the quay.\n"

/* Cleans `text` with `repeated` carried by other articles: `gone` is not
 * in the clean text, n lines are removed, the first for `reason`. */
static void check_removed_with_repeated(const char *text, const char *repeated, const char *gone,
                                        size_t n, const char *reason)
{
    const char *const listed[] = {repeated, NULL};
    sl_line_counter counter = {seen_if_listed, (void *)listed};
    sl_cleaned c = {0};
    CHECK_INT(sl_chrome_clean(text, strlen(text), &counter, 0, &c), 0);
    CHECK(strstr(sl_buf_cstr(&c.text), gone) == NULL);
    CHECK_INT(c.removed.n, n);
    CHECK_STR(c.removed.n ? c.removed.items[0].reason : "", reason);
    sl_cleaned_free(&c);
}

/* A site's prompt written as a sentence between body paragraphs ("Sign up
 * for our newsletter ...": two interface words) is furniture still: many
 * articles carry it, and it goes as repeated. */
TEST(chrome_repeated_prompt_between_paragraphs_removed)
{
    check_removed_with_repeated(
        HARBOUR_FIRE "Sign up for our newsletter to get the news every morning.\n"
                     "The owner of the warehouse told reporters that the damage would run to "
                     "several million crowns and that insurers had been called.\n",
        "Sign up for our newsletter to get the news every morning.", "newsletter", 1,
        "repeated in other articles");
}

/* A line above the article that shares its words only with a later line
 * that goes itself (a shop's notice repeated on its pages) shares nothing
 * with the article and goes: only kept prose lines count as the article's. */
TEST(chrome_line_sharing_words_with_a_removed_later_line_removed)
{
    check_removed_with_repeated(
        "Shipping and returns\n" HARBOUR_FIRE "Shipping and returns are free on all orders.\n",
        "Shipping and returns are free on all orders.", "Shipping", 2,
        "before the article, unrelated to it");
}

/* The lines an article carries are its countable lines as given: an
 * indented line is counted by its own words and length (one more word for
 * its indent), a blank one by its blanks, and each line's fingerprint is
 * the one its trimmed form has. */
TEST(chrome_carried_lines_are_the_countable_lines_as_given)
{
    char wide[] = "    A B C D E F G H I J K L M N O P Q R S T\n"; /* 20 words, 21 as given */
    const char *text[] = {
        "Glass recycling rates in Eskmoor rose by a fifth last year, the town's waste office said on Monday in its annual report.\n",
        "\tBottle banks \n",
        "   \n",
        "\n",
        wide,
        "Officials credited new bottle banks near the market.\n",
        " Eskmoor  Daily",
    };
    sl_buf all = SL_BUF_INIT;
    for (size_t i = 0; i < sizeof text / sizeof *text; i++)
        sl_buf_puts(&all, text[i]);
    uint32_t n = 0;
    sl_line_counter counter = {always_seen, &n};
    sl_cleaned c = {0};
    CHECK_INT(sl_chrome_clean(all.ptr, all.len, &counter, 0, &c), 0);
    size_t k = 0;
    for (size_t i = 0; i < sizeof text / sizeof *text; i++) {
        size_t len = strcspn(text[i], "\n");
        if (!sl_chrome_line_countable(text[i], len))
            continue;
        CHECK(k < c.carried.n && c.carried.items[k] == sl_chrome_line_hash(text[i], len));
        k++;
    }
    CHECK_INT(k, 4); /* the indented bottle banks, the blanks, the market, the daily; not `wide` */
    CHECK_INT(c.carried.n, k);
    CHECK(c.carried.items[0] == sl_chrome_line_hash("bottle banks", 12));
    CHECK(c.carried.items[1] == sl_hash64("", 0));
    /* without a counter, nothing is carried */
    CHECK_INT(sl_chrome_clean(all.ptr, all.len, NULL, 0, &c), 0);
    CHECK_INT(c.carried.n, 0);
    sl_cleaned_free(&c);
    sl_buf_free(&all);
}

/* The clean text's tokens are what tokenizing it gives: each kept line's
 * own, moved to where it now stands, whatever ends the line (an acronym's
 * dot, a hyphen, a number's comma, blanks) and whatever was removed or
 * taken as the title around it. */
TEST(chrome_clean_text_tokens_are_its_tokens)
{
    const char *text = "  Skerrow Harbour Board Backs Ferry Plan\n"
                       "Share this article\n"
                       "\tThe harbour board of Skerrow met the ferry firm on Tuesday and agreed to new terms, the board's chair, Mara Quell, told the Skerrow Gazette.\n"
                       "It signed with the U.S.\n"
                       "firm for 12-\n"
                       "year terms worth 40,\n\n"
                       "000 crowns were set aside by the board for the ferry terms, its chair said on Tuesday after the vote. \n"
                       "   Caf\xc3\xa9 owners near the pier said they welcomed the news, as did the island councils and the fishermen.\n"
                       "Leave a Reply\n";
    sl_cleaned c = {0};
    sl_token_vec want = {0};
    for (int find_title = 0; find_title <= 1; find_title++) {
        CHECK_INT(sl_chrome_clean(text, strlen(text), NULL, find_title, &c), 0);
        CHECK(c.removed.n >= 2);
        CHECK_INT(find_title ? c.title.len > 0 : c.title.len == 0, 1);
        CHECK_INT(sl_tokenize(c.text.ptr, c.text.len, NULL, &want), 0);
        CHECK(want.n > 40);
        CHECK_INT(c.tokens.n, want.n);
        for (size_t k = 0; k < want.n && k < c.tokens.n; k++)
            CHECK(c.tokens.items[k].start == want.items[k].start &&
                  c.tokens.items[k].end == want.items[k].end &&
                  c.tokens.items[k].flags == want.items[k].flags);
    }
    sl_vec_free(&want);
    sl_cleaned_free(&c);
}

/* The judgement remembers each word's features from article to article
 * (sl_cleaned.words) and keeps its working memory (sl_cleaned.scratch): an
 * article cleaned after another is cleaned as it is alone, whatever case,
 * dots or length its words have, in either order: after a longer article
 * (its prefix table bigger: set_init clears the part it reuses, or the
 * short article's "Calloway yard winter repairs" would share the long one's
 * body words and stay) and after a shorter one (the table grows). */
TEST(chrome_words_remembered_judge_as_the_first_time)
{
    char *longword = malloc(301);
    memset(longword, 'x', 300);
    longword[300] = '\0';
    sl_buf texts[2] = {SL_BUF_INIT, SL_BUF_INIT};
    sl_buf_printf(&texts[0], "Share this article\nTHE U.S. BOARD SAID\nLeave a Reply\n"
                             "The harbour board of Skerrow met on Tuesday and said the ferry will sail again in May, its chair said.\n"
                             "The ferry firm said its two boats had been repaired over the winter at the yard in Calloway and were ready.\n"
                             "Island councils welcomed the news, saying shops and schools on the outer islands had waited since October.\n"
                             "Fares will stay as they were last year, the firm said, and a third sailing will be added on Saturdays.\n"
                             "Follow us\n%s\n", longword);
    sl_buf_printf(&texts[1], "Skerrow ferry to sail in May\n"
                             "Calloway yard winter repairs\n"
                             "The U.S. firm and the board of Skerrow agreed on Tuesday that the ferry will sail from May, the chair said.\n"
                             "THE BOARD will meet again.\nthe board will meet again\n%s\nShare this article\nFollow us\n", longword);
    CHECK(texts[0].len > texts[1].len);
    for (int order = 0; order < 2; order++) {
        const sl_buf *before = &texts[order], *after = &texts[1 - order];
        sl_cleaned warm = {0}, fresh = {0};
        sl_buf a = SL_BUF_INIT, b = SL_BUF_INIT;
        CHECK_INT(sl_chrome_clean(before->ptr, before->len, NULL, 1, &warm), 0);
        CHECK(warm.words != NULL);
        CHECK_INT(sl_chrome_clean(after->ptr, after->len, NULL, 1, &warm), 0);
        CHECK_INT(sl_chrome_clean(after->ptr, after->len, NULL, 1, &fresh), 0);
        render(after->ptr, &warm, &a);
        render(after->ptr, &fresh, &b);
        CHECK_STR(sl_buf_cstr(&a), sl_buf_cstr(&b));
        CHECK(strstr(sl_buf_cstr(&a), "interface text: Share this article") != NULL);
        if (after == &texts[1])
            CHECK(strstr(sl_buf_cstr(&a), "title: Skerrow ferry to sail in May") != NULL);
        sl_buf_free(&a);
        sl_buf_free(&b);
        sl_cleaned_free(&warm);
        sl_cleaned_free(&fresh);
    }
    sl_buf_free(&texts[0]);
    sl_buf_free(&texts[1]);
    free(longword);
}

/* The notice's word and an address's opening are told in either case
 * ("COPYRIGHT", "HTTPS://", "Www."); a line that opens with the same
 * letters as them but is neither stays. */
TEST(chrome_notice_and_address_in_capitals)
{
    const char *text =
        "The Lindholt ferry will run a winter timetable from November, the harbour office said on Friday in a short statement.\n\n"
        "COPYRIGHT 2026 Eskmoor Daily\n\n"
        "HTTPS://NEWS.EXAMPLE.ORG/FERRY.HTML\n\n"
        "Www.example.org/winter\n\n"
        "Copyrighted maps were left out.\n\n"
        "Whatever the weather, the crossing takes an hour.\n";
    sl_cleaned c = {0};
    CHECK_INT(sl_chrome_clean(text, strlen(text), NULL, 0, &c), 0);
    CHECK_INT(c.removed.n, 3);
    if (c.removed.n == 3) {
        CHECK_STR(c.removed.items[0].reason, "copyright notice");
        CHECK_STR(c.removed.items[1].reason, "a web address alone");
        CHECK_STR(c.removed.items[2].reason, "a web address alone");
    }
    CHECK(strstr(sl_buf_cstr(&c.text), "Copyrighted maps") != NULL);
    CHECK(strstr(sl_buf_cstr(&c.text), "Whatever the weather") != NULL);
    sl_cleaned_free(&c);
}

/* The chrome's word features lent the analyser's memo of English words
 * (as the engine does) fill the entries the analysis then reads its terms
 * from: the analysis adds no word the cleaning met, and freeing the
 * cleaned text leaves the memo to the analyser (ASan: no double free). */
TEST(chrome_shares_the_analysers_memo_of_words)
{
    sl_analyzer *a = sl_analyzer_new();
    CHECK(a != NULL);
    if (!a)
        return;
    sl_cleaned c = {0};
    c.words = sl_analyzer_words(a);
    c.words_lent = true;
    CHECK(c.words != NULL);
    const char *text = "The harbour pilots guided the tanker past the breakwater at dawn.\n\n"
                       "Weather delayed the second tanker until the tide turned in the evening.\n";
    CHECK_INT(sl_chrome_clean(text, strlen(text), NULL, 0, &c), 0);
    size_t words = c.words ? c.words->n : 0;
    CHECK(words > 10);
    sl_analysis an = {0};
    CHECK_INT(sl_analyze_as(a, c.text.ptr, c.text.len, "en", &an), 0);
    CHECK_INT(c.words ? c.words->n : 0, words);
    char *entry = NULL;
    CHECK(c.words && sl_word_memo_part(c.words, "breakwater", 10, SL_WORD_TERM, &entry) &&
          sl_word_memo_part(c.words, "breakwater", 10, SL_WORD_CHROME, &entry));
    sl_analysis_free(&an);
    sl_cleaned_free(&c);
    CHECK(sl_analyzer_words(a) != NULL);
    sl_analyzer_free(a);
}

