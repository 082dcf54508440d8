/* test_names.c — unit tests of the one finder of capitalised names
 * (src/text/names.c): runs and their bounds, sentence starts, headlines,
 * possessives, keys that unify case variants and aliases, short forms. */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "text/text.h"

typedef struct found {
    sl_token_vec tokens;
    sl_span_vec sentences;
    sl_name_vec names;
    sl_buf fold;
    const char *text;
} found;

static void find(found *f, const char *text)
{
    memset(f, 0, sizeof *f);
    f->text = text;
    CHECK_INT(sl_sentences_split(text, strlen(text), &f->sentences), 0);
    CHECK_INT(sl_tokenize(text, strlen(text), "en", &f->tokens), 0);
    CHECK_INT(sl_names_find(text, f->tokens.items, f->tokens.n, f->sentences.items,
                            f->sentences.n, &f->names, &f->fold), 0);
}

static void done(found *f)
{
    sl_vec_free(&f->tokens);
    sl_vec_free(&f->sentences);
    sl_vec_free(&f->names);
    sl_buf_free(&f->fold);
}

/* The index of the name written `s`, -1 when none. */
static int named(const found *f, const char *s)
{
    for (size_t k = 0; k < f->names.n; k++) {
        const sl_name *nm = &f->names.items[k];
        if (nm->stop - nm->start == strlen(s) && !memcmp(f->text + nm->start, s, strlen(s)))
            return (int)k;
    }
    return -1;
}

TEST(names_runs_and_bounds)
{
    found f;
    find(&f, "Police said the Bank of England and The New York Times met Gov. Sarah Palin. "
             "In Gaza, Lebanon's Hezbollah fired.\n");
    CHECK(named(&f, "Police") >= 0 && (f.names.items[named(&f, "Police")].flags & SL_NAME_OPENS));
    CHECK(named(&f, "Bank of England") >= 0);
    CHECK(named(&f, "New York Times") >= 0); /* "The" is no part of it */
    CHECK(named(&f, "Gov. Sarah Palin") >= 0);
    int gaza = named(&f, "Gaza"); /* "In" opening the sentence is left out */
    CHECK(gaza >= 0 && !(f.names.items[gaza].flags & SL_NAME_OPENS));
    int lebanon = named(&f, "Lebanon"), hezbollah = named(&f, "Hezbollah");
    CHECK(lebanon >= 0 && (f.names.items[lebanon].flags & SL_NAME_POSSESSIVE));
    CHECK(hezbollah >= 0 && !(f.names.items[hezbollah].flags & SL_NAME_POSSESSIVE));
    CHECK_INT(f.names.n, 7);
    done(&f);
}

/* "do", "da", "del" join a name as "of" does, and "of the" joins one word
 * to a name ("Sons of the Delta"), not a person's name to a body ("Ada
 * Brill of the Harlow Police"). */

/* A plural possessive stays inside a body's name ("Dock Workers' Union",
 * "Harlow Magistrates’ Court"), not before a person ("the Rovers' Tom
 * Pell") nor an s-ending name's own ("Wales' Six Nations side"). */
TEST(names_plural_possessive_inside_a_body)
{
    found f;
    find(&f, "The Dock Workers' Union met on Monday. Tom Pell appeared at Harlow "
             "Magistrates\xE2\x80\x99 Court. The Rovers' Tom Pell scored twice for Wales' Six "
             "Nations side.\n");
    CHECK(named(&f, "Dock Workers' Union") >= 0);
    CHECK(named(&f, "Harlow Magistrates\xE2\x80\x99 Court") >= 0);
    CHECK(named(&f, "Rovers") >= 0);
    CHECK(named(&f, "Rovers' Tom Pell") < 0);
    CHECK(named(&f, "Wales") >= 0);
    done(&f);
}
TEST(names_foreign_connectors_and_of_the)
{
    found f;
    find(&f, "The band Sons of the Delta played at the Estadio do Mar, and Ada Brill of the "
             "Harlow Police watched.\n");
    CHECK(named(&f, "Sons of the Delta") >= 0);
    CHECK(named(&f, "Estadio do Mar") >= 0);
    CHECK(named(&f, "Ada Brill") >= 0);
    CHECK(named(&f, "Harlow Police") >= 0);
    CHECK_INT(f.names.n, 4);
    done(&f);
    /* "des", "della", "ibn" and "bint" too ("the Palais des Nations" gave "Nations") */
    find(&f, "Envoys met at the Palais des Nations. The scholar Idris ibn Tamar praised a fresco "
             "by Piero della Corvina, and Layla bint Haroun agreed.\n");
    CHECK(named(&f, "Palais des Nations") >= 0);
    CHECK(named(&f, "Idris ibn Tamar") >= 0);
    CHECK(named(&f, "Piero della Corvina") >= 0);
    CHECK(named(&f, "Layla bint Haroun") >= 0);
    CHECK(named(&f, "Nations") < 0);
    done(&f);
}

/* "of" after a person's name written with a short title ends the name
 * ("Sen. Tom Hale of Ohio"); an organisation's name keeps it ("Bank of
 * England", "University of Chicago"), and the short form ends the name
 * ("Hale" is Tom Hale). */
TEST(names_no_of_after_a_titled_person)
{
    found f;
    find(&f, "Sen. Tom Hale of Ohio met the Bank of England and the University of Chicago. "
             "Hale left early.\n");
    int hale = named(&f, "Sen. Tom Hale"), alone = -1;
    CHECK(hale >= 0);
    CHECK(named(&f, "Ohio") >= 0);
    CHECK(named(&f, "Bank of England") >= 0);
    CHECK(named(&f, "University of Chicago") >= 0);
    for (size_t k = 0; k < f.names.n; k++)
        if (f.names.items[k].stop - f.names.items[k].start == 4 &&
            !memcmp(f.text + f.names.items[k].start, "Hale", 4))
            alone = (int)k;
    CHECK_INT(alone >= 0 ? (int)f.names.items[alone].refers : -1, hale);
    done(&f);
}

/* A family name with lower-case particles: two connectors join ("Ursula
 * von der Heide", opening its sentence too; "Fernández de la Vega"), a
 * hyphened particle name stands alone and refers to the full name
 * ("el-Masri" after "Abdel Karim el-Masri"); sl_name_particle_start says
 * where such a family name opens. */
TEST(names_family_name_particles)
{
    found f;
    find(&f, "Ursula von der Heide met Carmen Fern\xC3\xA1ndez de la Vega and Abdel Karim "
             "el-Masri. They talked, and el-Masri left.\n");
    CHECK(named(&f, "Ursula von der Heide") >= 0);
    CHECK(named(&f, "Carmen Fern\xC3\xA1ndez de la Vega") >= 0);
    int full = named(&f, "Abdel Karim el-Masri"), alone = -1;
    for (size_t k = 0; full >= 0 && k < f.names.n; k++)
        if (f.names.items[k].start > f.names.items[full].start &&
            f.names.items[k].stop - f.names.items[k].start == strlen("el-Masri"))
            alone = (int)k;
    CHECK(full >= 0 && alone >= 0);
    CHECK_INT(alone >= 0 ? (int)f.names.items[alone].refers : -1, full);
    size_t von = 0;
    while (von < f.tokens.n && strncmp(f.text + f.tokens.items[von].start, "von", 3))
        von++;
    CHECK(sl_name_particle_start(f.text, f.tokens.items, von, f.tokens.n));
    CHECK(!sl_name_particle_start(f.text, f.tokens.items, 0, f.tokens.n)); /* "Ursula" */
    done(&f);
}

TEST(names_keys_aliases_and_short_forms)
{
    found f;
    find(&f, "Officials in the United States and Antony Blinken spoke. The U.S. and TEL AVIV "
             "and Tel Aviv agreed, Blinken said, and the US did too.\n");
    int us = named(&f, "United States"), dotted = named(&f, "U.S."), bare = named(&f, "US");
    CHECK(us >= 0 && dotted >= 0 && bare >= 0);
    CHECK(f.names.items[us].key == f.names.items[dotted].key &&
          f.names.items[us].key == f.names.items[bare].key);
    CHECK_INT(f.names.items[bare].refers, us);
    int caps = named(&f, "TEL AVIV"), tel = named(&f, "Tel Aviv");
    CHECK(caps >= 0 && tel >= 0 && f.names.items[caps].key == f.names.items[tel].key);
    CHECK_INT(f.names.items[tel].refers, caps);
    int full = named(&f, "Antony Blinken"), short_form = named(&f, "Blinken");
    CHECK(full >= 0 && short_form >= 0);
    CHECK_INT(f.names.items[short_form].refers, full);
    CHECK_INT(f.names.items[full].refers, full);
    done(&f);
}

TEST(names_headlines)
{
    found f;
    find(&f, "Minister Signs Water Deal With Rival Neighbour\n\nThe minister signed a deal "
             "with Karsland.\n");
    int deal = named(&f, "Minister Signs Water Deal With Rival Neighbour");
    CHECK(deal >= 0 && (f.names.items[deal].flags & SL_NAME_HEADLINE));
    int karsland = named(&f, "Karsland");
    CHECK(karsland >= 0 && !(f.names.items[karsland].flags & SL_NAME_HEADLINE));
    done(&f);
    /* a title without a full stop runs into the next line's sentence: the
     * title line is a headline on its own, the next line opens, and no name
     * runs over the line's end */
    find(&f, "Minister Signs Water Deal With Rival Neighbour\nIlse Varnholt signed it in "
             "Karsland\nFri Aug 2 .\n");
    deal = named(&f, "Minister Signs Water Deal With Rival Neighbour");
    CHECK(deal >= 0 && (f.names.items[deal].flags & SL_NAME_HEADLINE));
    int ilse = named(&f, "Ilse Varnholt");
    CHECK(ilse >= 0 && (f.names.items[ilse].flags & SL_NAME_OPENS) &&
          !(f.names.items[ilse].flags & SL_NAME_HEADLINE));
    CHECK(named(&f, "Karsland") >= 0);
    done(&f);
    /* a sentence with a full stop and a content word in lower case is no
     * headline, however many capitals it holds */
    find(&f, "Deputy Water Minister Ilse Varnholt spoke on Friday.\n");
    ilse = named(&f, "Deputy Water Minister Ilse Varnholt");
    CHECK(ilse >= 0 && !(f.names.items[ilse].flags & SL_NAME_HEADLINE));
    done(&f);
}

TEST(names_stop_at_a_line_end_whatever_the_blanks_around_it)
{
    /* A name runs over spaces but no line end, whether the line feed is
     * the whole gap or sits among blanks and a carriage return; a name
     * glued by a hyphen (no gap) stays one. The text is given as one
     * sentence, so that only the line end can part the names. */
    static const char *const gaps[] = {"\n", " \n", "\n ", "\r\n", "  \n\t", " "};
    char text[160], both[80];
    for (size_t g = 0; g < sizeof gaps / sizeof *gaps; g++) {
        found f;
        snprintf(text, sizeof text, "They met Ilse Varnholt%sOdile Marchetti-Brune there", gaps[g]);
        find(&f, text);
        sl_span whole = {0, (uint32_t)strlen(text)};
        CHECK_INT(sl_names_find(text, f.tokens.items, f.tokens.n, &whole, 1, &f.names, &f.fold), 0);
        snprintf(both, sizeof both, "Ilse Varnholt%sOdile Marchetti-Brune", gaps[g]);
        bool parted = named(&f, "Ilse Varnholt") >= 0 && named(&f, "Odile Marchetti-Brune") >= 0;
        if (strchr(gaps[g], '\n') ? !parted : named(&f, both) < 0)
            sl_test_fail(__FILE__, __LINE__, "gap %zu: the names %s", g,
                         parted ? "were parted" : "ran over the line end");
        done(&f);
    }
}

/* A paragraph wrapped at about 65 columns, as wire copy is: the names cut
 * by its line ends ("Korvath Mining" / "Ltd", "Ilse" / "Varnholt"). */
static const char wrapped_text[] =
    "The sale of the plant to a unit of the regional lender Korvath Mining\n"
    "Ltd was approved on Tuesday after a long review, the official said,\n"
    "and the chief negotiator for the buyers, a lawyer named Ilse\n"
    "Varnholt, told the board that the terms would not change again.\n";

TEST(names_run_over_a_wrapped_line_end)
{
    found f;
    find(&f, wrapped_text);
    CHECK(named(&f, "Korvath Mining\nLtd") >= 0);
    CHECK(named(&f, "Ilse\nVarnholt") >= 0);
    CHECK(named(&f, "Ltd") < 0 && named(&f, "Ilse") < 0 && named(&f, "Varnholt") < 0);
    done(&f);
}

TEST(names_stop_at_a_line_end_that_is_no_wrap)
{
    found f;
    /* a blank line between paragraphs */
    find(&f, "The sale of the plant to a unit of the regional lender Korvath Mining\n\n"
             "Ltd shares rose after the review was approved on Tuesday morning.\n");
    CHECK(named(&f, "Korvath Mining") >= 0 && named(&f, "Ltd") >= 0);
    done(&f);
    /* a heading in title case, as long as a wrapped line, without a stop */
    find(&f, "Regional Lender Sells Its Northern Plant To Korvath Mining\n"
             "Ilse Varnholt said on Tuesday the terms would not change again and\n"
             "that the board had approved them after a long review of the deal.\n");
    CHECK(named(&f, "Ilse Varnholt") >= 0); /* the heading's run ends at its line */
    done(&f);
    /* a list of short lines */
    find(&f, "Buyers named in the filing, in the order of their bids, were Korvath,\n"
             "Ilse Varnholt\nOdile Marchetti\nTomas Brell\n");
    CHECK(named(&f, "Ilse Varnholt") >= 0 && named(&f, "Odile Marchetti") >= 0 &&
          named(&f, "Tomas Brell") >= 0);
    done(&f);
    /* a line per sentence, longer than any wrap, one without its stop */
    find(&f, "Police said the man was held at about half past two in the morning on the "
             "corner of First Street and Albany Road\n"
             "Her death sparked outrage across the city and in the towns around it.\n");
    CHECK(named(&f, "First Street") >= 0 || named(&f, "Albany Road") >= 0);
    CHECK(named(&f, "Albany Road\nHer") < 0);
    done(&f);
}

/* The list words (connectors, "the", the stops) are told in either case
 * and only whole: "The" is left out of a name and "THE" of a headline's
 * word is not "Theo"; a word that opens as a connector does ("Off", "Ofra",
 * "Dosa") joins nothing. */
TEST(names_list_words_whole_and_in_either_case)
{
    found f;
    find(&f, "Reporters said The Theo Marsh Trust and Ofra Dyke of Leeds met Dosa Fenn.\n");
    CHECK(named(&f, "Theo Marsh Trust") >= 0);
    CHECK(named(&f, "The Theo Marsh Trust") < 0);
    CHECK(named(&f, "Ofra Dyke of Leeds") >= 0);
    CHECK(named(&f, "Dosa Fenn") >= 0);
    done(&f);
    find(&f, "Crews of Anna Vell and Anna off Brill docked.\n");
    CHECK(named(&f, "Anna Vell") >= 0);
    CHECK(named(&f, "Anna") >= 0 && named(&f, "Brill") >= 0);   /* "off" is no "of" */
    CHECK(named(&f, "Anna off Brill") < 0);
    done(&f);
}
