/* test_facts_entity_kinds.c — unit tests of names typed as a reader types
 * them on any news text (src/facts/entities.c, demonyms.c): a continent's
 * adjective after a compass word is no place. The texts are invented. */
#include <stdlib.h>
#include <string.h>

#include "facts/entity_cues.h"
#include "facts/entity_titles.h"
#include "facts_items.h"
#include "test.h"
#include "text/text.h"

/* "East Asian", "Central African" qualify the noun after them as "North
 * Korean" does: no place; the continent named, a body named after it and
 * its people stay what they were. */
TEST(facts_entities_continent_adjective_is_no_place) {
  CHECK_ENTITIES(
      "Exports from the East Asian economies fell, and the Central African "
      "republic of Varnia asked for aid.\n",
      {"East Asian", NULL, NULL, 0}, {"Central African", NULL, NULL, 0},
      {"Varnia", "place", NULL, 1});
  CHECK_ENTITIES(
      "Ministers of the African Union met in Asia on Friday, and Europeans "
      "watched.\n",
      {"African Union", "organization", NULL, 1}, {"Asia", "place", NULL, 1},
      {"Europeans", "group", NULL, 1});
}

/* A firm's name ends in "Communications", "Holdings", "Pharmaceuticals",
 * "Partners" as in "Motors": a body, and its first word stands for it. */
TEST(facts_entities_firm_words_end_a_body) {
  CHECK_ENTITIES(
      "Talvor Communications cut prices on Monday. Talvor said sales rose, "
      "and Brenmar Holdings agreed.\n",
      {"Talvor Communications", "organization", NULL, 1},
      {"Talvor", "organization", "Talvor Communications", 1},
      {"Brenmar Holdings", "organization", NULL, 1});
  CHECK_ENTITIES("Loans came from Kessing Partners and Osterby Pharmaceuticals.\n",
                 {"Kessing Partners", "organization", NULL, 1},
                 {"Osterby Pharmaceuticals", "organization", NULL, 1});
}

/* "and" joins two names into one body's before its word ("the Food and
 * Fuel Agency"), not where the second is a whole name by its "Bank of". */
TEST(facts_entities_bank_of_after_and_is_its_own_body) {
  CHECK_ENTITIES(
      "Lenders included the Bank of Varna and Bank of Communications.\n",
      {"Bank of Varna", "organization", NULL, 1},
      {"Bank of Communications", "organization", NULL, 1});
  CHECK_ENTITIES("The Food and Fuel Agency said prices rose.\n",
                 {"Food and Fuel Agency", "organization", NULL, 1});
}

/* A month or a day with its possessive is no name, as it is none alone;
 * nor is a time zone in capitals after a time. */
TEST(facts_entities_month_possessive_and_time_zone_are_no_names) {
  CHECK_ENTITIES(
      "Loans rose 2.1 pct from December's level, and Monday's trade was thin. "
      "Bids close at 1600 EST on Friday, or 2100 GMT.\n",
      {"December", NULL, NULL, 0}, {"Monday", NULL, NULL, 0},
      {"EST", NULL, NULL, 0}, {"GMT", NULL, NULL, 0});
}

/* "Latin" opens a region's name as a compass word does: "Latin America" is
 * a place, "Latin American" before a noun an adjective. */
TEST(facts_entities_latin_america_is_a_place) {
  CHECK_ENTITIES(
      "Lenders to Latin America met in Varnia. Latin America's debt and Latin "
      "American banks were on the agenda.\n",
      {"Latin America", "place", NULL, 2}, {"Latin American", NULL, NULL, 0});
}

/* A plural noun of people opening a sentence before "said" is no one's
 * name ("Dealers said", "Diplomats said"); a surname ending in "s" is. */
TEST(facts_entities_plural_people_before_said_are_no_names) {
  CHECK_ENTITIES(
      "Rates fell in Varnia. Dealers said the bank would act. Diplomats said "
      "talks stalled. Villagers said the river rose. Sanders said he agreed.\n",
      {"Dealers", NULL, NULL, 0}, {"Diplomats", NULL, NULL, 0},
      {"Villagers", NULL, NULL, 0}, {"Sanders", "person", NULL, 1});
}

/* A body's last word with its possessive still ends a body's name: "Tarvel
 * Co's drug", "the Justice Department's division". */
TEST(facts_entities_body_word_with_possessive) {
  CHECK_ENTITIES(
      "Regulators cleared Tarvel Co's new drug, and the Justice Department's "
      "antitrust division agreed.\n",
      {"Tarvel Co", "organization", NULL, 1},
      {"Justice Department", "organization", NULL, 1},
      {"Department", NULL, NULL, 0});
}

/* "Treasurer", "Adviser", "Investor" before a name are its title; "L.P."
 * and "LLP" end a firm's name. */
TEST(facts_entities_treasurer_adviser_titles_and_partnerships) {
  const char *text =
      "Treasurer Ann Velder said growth slowed. National Security Adviser "
      "Tom Ruske met Investor Cal Brandt. Orvel Partners L.P. and Hask "
      "Reid LLP sued.\n";
  CHECK_ENTITIES(text, {"Ann Velder", "person", NULL, 1},
                 {"Tom Ruske", "person", NULL, 1},
                 {"Cal Brandt", "person", NULL, 1},
                 {"Orvel Partners L.P.", "organization", NULL, 1},
                 {"Hask Reid LLP", "organization", NULL, 1});
  CHECK_INT(entities_with_role(text, "Ann Velder", "person", "Treasurer"), 1);
}

/* A broadcaster's call sign after its town is a body's name, not a
 * person's two names: "Varnton WQRX sportscaster". */
TEST(facts_entities_call_sign_after_its_town) {
  CHECK_ENTITIES(
      "The offer was first reported by Varnton WQRX sportscaster Lee Ammon.\n",
      {"Varnton WQRX", "organization", NULL, 1}, {"Lee Ammon", "person", NULL, 1});
}

/* A surname written in capitals is no call sign, though it has four
 * letters and opens with K or W ("Imran KHAN", results lists' "Tom WOOD
 * (USA)"): a sign's letters after its K or W have no vowel ("WQRX"), or
 * the words before it are a place the gazetteer knows ("Texas KXAS"). */
TEST(facts_entities_surname_in_capitals_is_no_call_sign) {
  CHECK_ENTITIES("Imran KHAN said on Sunday that the vote was rigged.\n",
                 {"Imran KHAN", "person", NULL, 1});
  CHECK_ENTITIES("Results: 1. Tom WOOD (Varnia) 2. Peter KERR (Ostland).\n",
                 {"Tom WOOD", "person", NULL, 1}, {"Peter KERR", "person", NULL, 1});
  CHECK_ENTITIES("The fire was first reported by Boston WCVB and by Texas KXAS on Monday.\n",
                 {"Boston WCVB", "organization", NULL, 1}, {"Texas KXAS", "organization", NULL, 1});
}

/* A firm's legal form with its possessive, cut from the firm's name by a
 * line break ("Talvor\nCorp's"), is no name of its own: a body's word
 * with a possessive ends a body's name, but "Corp" alone names none. */
TEST(facts_entities_legal_form_with_possessive_alone_is_no_name) {
  CHECK_ENTITIES("Traders said Talvor\nCorp's Talvor unit reduced the price it charges contract",
                 {"Corp", NULL, NULL, 0});
  CHECK_ENTITIES("Regulators cleared Tarvel Co's new drug.\n",
                 {"Tarvel Co", "organization", NULL, 1}, {"Co", NULL, NULL, 0});
}

/* One word before "said it", "said its" or "said in its" is a body's
 * name, as no person speaks of himself as "it"; a surname of a person's
 * full name stays the person's ("Velsk said its terms", of the accord). */
TEST(facts_entities_one_word_saying_its_is_a_body) {
  CHECK_ENTITIES(
      "Markets were calm. Brovik said its profit rose, and Lestra said in "
      "its review that sales fell. Tolvex said it would cut jobs.\n",
      {"Brovik", "organization", NULL, 1}, {"Lestra", "organization", NULL, 1},
      {"Tolvex", "organization", NULL, 1});
  CHECK_ENTITIES(
      "Anton Velsk signed the accord on Monday. Velsk said its terms were "
      "fair.\n",
      {"Anton Velsk", "person", NULL, 1}, {"Velsk", "person", "Anton Velsk", 1});
}

/* "Daily" ends a newspaper's name and "Relations" a department's: the
 * title word before them ("Investor") makes no person of them. */
TEST(facts_entities_daily_and_relations_end_a_body) {
  CHECK_ENTITIES(
      "Investor Daily said the shares rose. The Investor Relations chief, "
      "Ola Penn, declined to comment.\n",
      {"Investor Daily", "organization", NULL, 1},
      {"Investor Relations", "organization", NULL, 1}, {"Ola Penn", "person", NULL, 1});
}

/* A place's name before a currency's word is the currency's, no person's
 * nor a body's ("U.S. Dlrs", "Hong Kong Dollar"); a person named like a
 * currency keeps his name. */
TEST(facts_entities_currency_after_a_place_is_no_name) {
  CHECK_ENTITIES(
      "Reserves rose to 50 billion U.S. Dlrs in May. The Hong Kong Dollar "
      "fell, and Ezra Pound wrote from Hong Kong.\n",
      {"U.S. Dlrs", NULL, NULL, 0}, {"Hong Kong Dollar", NULL, NULL, 0},
      {"Ezra Pound", "person", NULL, 1}, {"Hong Kong", "place", NULL, 1});
}

/* "Conference", "Trust", "United" end a body's name, "Capital",
 * "Management", "Research" a firm's; "Trust" and "Management" still pair
 * with "and" into one body ("Tarn Trust and Banking Co"). */
TEST(facts_entities_trust_conference_capital_end_a_body) {
  CHECK_ENTITIES(
      "Near the bottom of the Western Conference standings, Lodmar Trust sold "
      "its stake in Velmar United to Kessing Capital Management.\n",
      {"Western Conference", "organization", NULL, 1},
      {"Lodmar Trust", "organization", NULL, 1},
      {"Velmar United", "organization", NULL, 1},
      {"Kessing Capital Management", "organization", NULL, 1});
  CHECK_ENTITIES("Loans came from Tarn Trust and Banking Co and Orvel Research.\n",
                 {"Tarn Trust and Banking Co", "organization", NULL, 1},
                 {"Orvel Research", "organization", NULL, 1});
}

/* A month written short without its dot ("Sept", "Dec", as wire tables
 * write them) is no name, and ends the name before it. */
TEST(facts_entities_short_month_without_dot_is_no_name) {
  CHECK_ENTITIES(
      "Prices for Sept fell, New York Dec rose 12 points and Oct was firm.\n",
      {"Sept", NULL, NULL, 0}, {"New York Dec", NULL, NULL, 0},
      {"New York", "place", NULL, 1}, {"Oct", NULL, NULL, 0});
}

/* A day's number left by its month ("March 31"), a letter alone ("S and
 * P"), a class of shares or a series by its letter ("Class A"), a part of
 * a sequence by its number ("Game 5") are no names. */
TEST(facts_entities_numbers_letters_and_share_classes_are_no_names) {
  CHECK_ENTITIES(
      "Interest payable March 31 will be paid, S and P said, and Class A "
      "shares of Orvel Motors rose.\n",
      {"31", NULL, NULL, 0}, {"P", NULL, NULL, 0}, {"S", NULL, NULL, 0},
      {"Class A", NULL, NULL, 0}, {"Orvel Motors", "organization", NULL, 1});
  CHECK_ENTITIES("Tolle scored twice in Game 5, and Round 2 opens in Varnton.\n",
                 {"Game 5", NULL, NULL, 0}, {"Round 2", NULL, NULL, 0},
                 {"Varnton", "place", NULL, 1});
}

/* A name ending in a plural before a player's or a coach's post and a
 * name is a team's; a name not ending in "s" before a post stays a
 * person's. (A person's name ending in "s", "Serena Williams coach X",
 * is read as a team where nothing else in the text says it is a person's:
 * the rule has no list of given names; see the next test.) */
TEST(facts_entities_team_before_a_player) {
  const char *text =
      "Velmar Hawks quarterback Ian Tolle threw two passes, and Tarvel Rovers "
      "coach Ann Roe was fined.\n";
  CHECK_ENTITIES(text, {"Velmar Hawks", "organization", NULL, 1},
                 {"Ian Tolle", "person", NULL, 1},
                 {"Tarvel Rovers", "organization", NULL, 1}, {"Ann Roe", "person", NULL, 1});
  CHECK_INT(entities_with_role(text, "Ann Roe", "person", "coach"), 1);
  CHECK_ENTITIES("Dana Moore coach Pat Reed thanked the crowd.\n",
                 {"Dana Moore", "person", NULL, 1}, {"Pat Reed", "person", NULL, 1});
}

/* A storm's name is no person's; "Sports" and "Online" end an outlet's
 * name; an acronym and an outlet joined by "and" stay two bodies. */
TEST(facts_entities_storms_and_outlets) {
  CHECK_ENTITIES(
      "Hurricane Velma hit Varnia, and Tropical Storm Orla soaked Ostland, "
      "Tarvel Sports and Velmar Online said, citing TMZ and Radar Online.\n",
      {"Hurricane Velma", NULL, NULL, 0}, {"Tropical Storm Orla", NULL, NULL, 0},
      {"Velma", NULL, NULL, 0},
      {"Tarvel Sports", "organization", NULL, 1}, {"Velmar Online", "organization", NULL, 1},
      {"TMZ", "organization", NULL, 1}, {"Radar Online", "organization", NULL, 1});
}

/* Titles in quotes in a list, after "star of", or with their comma inside
 * the quotes are works, no persons or places; a person's name quoted
 * alone stays the person's. */
TEST(facts_entities_quoted_titles_in_lists) {
  CHECK_ENTITIES(
      "Ryan, the star of \"Velmar Pie\", \"Tom Vell\" and \"The Big Ostrow\", "
      "rested. Jackman, star of the epic \"Varnia,\" will host.\n",
      {"Velmar Pie", "organization", NULL, 1}, {"Tom Vell", "organization", NULL, 1},
      {"Varnia", "place", NULL, 0});
  CHECK_ENTITIES("Mr. Hale said \"Ann Roe\" was a fine name, and Ann Roe agreed.\n",
                 {"Ann Roe", "person", NULL, 2});
}

/* "Garden" and "Gardens" end a place's name: "Velmar Square Garden",
 * "Tarvel Gardens" are no persons. */
TEST(facts_entities_gardens_end_a_place) {
  CHECK_ENTITIES("Fans met at Velmar Square Garden before a Tarvel Gardens man spoke.\n",
                 {"Velmar Square Garden", "place", NULL, 1}, {"Tarvel Gardens", "place", NULL, 1});
}

/* A country's initials with their dots open no person's name: "U.S.
 * Tarvel" is a body's, the title's person keeps his name. */
TEST(facts_entities_country_initials_open_no_person) {
  const char *text =
      "Shares of U.S. Tarvel rose after U.S. Treasury Secretary Ann Vell spoke.\n";
  CHECK_ENTITIES(text, {"U.S. Tarvel", "organization", NULL, 1}, {"Ann Vell", "person", NULL, 1});
}

/* A letter alone opening a sentence after a full stop is no name either:
 * only a dot set against it ("<AL.N>") or after another letter ("U. S")
 * keeps it as it was. */
TEST(facts_entities_letter_alone_after_a_full_stop) {
  CHECK_ENTITIES("Orvel Motors shares rose. P said the rise would last.\n",
                 {"P", NULL, NULL, 0}, {"Orvel Motors", "organization", NULL, 1});
  CHECK_ENTITIES("Orvel Motors shares rose.\n\nQ said the rise would last.\n",
                 {"Q", NULL, NULL, 0}, {"Orvel Motors", "organization", NULL, 1});
}

/* A month written short is no name, but in capitals it is a body's
 * initials ("DEC", Digital Equipment's; "AUG Capital"), as before the short
 * months were read. */
TEST(facts_entities_short_month_in_capitals_stays_a_name) {
  CHECK_ENTITIES("DEC said its profit rose, and DEC's shares fell at AUG Capital. Dec was firm.\n",
                 {"DEC", "organization", NULL, 2}, {"AUG Capital", "organization", NULL, 1},
                 {"Dec", NULL, NULL, 0});
}

/* The team rule is no person's name where another mention of it says it
 * is a person's: an age, a courtesy title or a pronoun referring back
 * ("Dara Wills coach Pat Reed", then "Wills, 31," or "Ms. Wills"). */
TEST(facts_entities_person_before_a_coach_is_no_team) {
  CHECK_ENTITIES(
      "Dara Wills coach Pat Reed praised the serve. Wills, 31, said the wind was "
      "strong. Tarvel Rovers guard Ian Tolle watched.\n",
      {"Dara Wills", "person", NULL, 1}, {"Wills", "person", "Dara Wills", 1},
      {"Pat Reed", "person", NULL, 1}, {"Tarvel Rovers", "organization", NULL, 1});
  CHECK_ENTITIES("Dara Wills coach Pat Reed left early. Ms. Wills stayed on court.\n",
                 {"Dara Wills", "person", NULL, 1}, {"Pat Reed", "person", NULL, 1});
  CHECK_ENTITIES("Velmar Hawks coach Pat Reed left early. The Hawks said he was ill.\n",
                 {"Velmar Hawks", "organization", NULL, 1}, {"Pat Reed", "person", NULL, 1});
}

/* A storm's first word opening a person's name that speaks, has an age or
 * a title is no storm: "Storm Ardel said", "actress Storm Ardel". */
TEST(facts_entities_person_named_storm) {
  CHECK_ENTITIES("Storm Ardel said she liked the script, while Hurricane Velma neared Varnia.\n",
                 {"Storm Ardel", "person", NULL, 1}, {"Hurricane Velma", NULL, NULL, 0});
  CHECK_ENTITIES("The film opens in May with actress Storm Ardel in the lead.\n",
                 {"Storm Ardel", "person", NULL, 1});
}

/* A given name and a surname that is a body's or a place's word ("Garden",
 * "Trust") make a person's name where a pronoun after its verb refers back
 * to it; not where a person named just before may be the pronoun's, where
 * "the" stands before it, or where the name says "its" of itself. */
TEST(facts_entities_surname_a_body_word_with_a_pronoun) {
  CHECK_ENTITIES("Tam Garden said he would leave the studio in June.\n",
                 {"Tam Garden", "person", NULL, 1});
  CHECK_ENTITIES("Ann Trust said she would stand for mayor. Her team agreed.\n",
                 {"Ann Trust", "person", NULL, 1});
  CHECK_ENTITIES("Chief executive Tom Hale resigned. Lodmar Trust said he would go in May.\n",
                 {"Tom Hale", "person", NULL, 1}, {"Lodmar Trust", "organization", NULL, 1});
  CHECK_ENTITIES("Chair Ann Roe of Lodmar Trust said she would stay.\n",
                 {"Ann Roe", "person", NULL, 1}, {"Lodmar Trust", "organization", NULL, 1});
  CHECK_ENTITIES("Lodmar Trust said its profit fell. Lodmar Trust said he would stay.\n",
                 {"Lodmar Trust", "organization", NULL, 2});
  CHECK_ENTITIES("In Varnia, the High Court said he must pay.\n",
                 {"High Court", "organization", NULL, 1});
}

/* One word before "said it" is a body's, but not where a pronoun refers
 * back to it ("Velder said it was a mistake, and she ...") or an age or a
 * courtesy title elsewhere says it is a person's. */
TEST(facts_entities_said_it_with_a_person_cue) {
  CHECK_ENTITIES("The singer was fined again. Velder said it was a mistake and she was sorry.\n",
                 {"Velder", "person", NULL, 1});
  CHECK_ENTITIES("Velder said it was a mistake. Ms. Velder paid the fine.\n",
                 {"Velder", "person", NULL, 2});
  CHECK_ENTITIES("Orvel said it would cut 300 jobs. Its shares fell.\n",
                 {"Orvel", "organization", NULL, 1});
}

/* "Hurricane" or "Typhoon" never opens a person's name, whatever follows
 * it; "Storm" may ("Storm Ardel said": facts_entities_person_named_storm). */
TEST(facts_entities_storm_that_is_said_to_move) {
  CHECK_ENTITIES("Hurricane Velma said to be weakening as it neared the coast.\n",
                 {"Hurricane Velma", NULL, NULL, 0});
  CHECK_ENTITIES("Forecasters said Typhoon Orla, 3 days old, was turning north.\n",
                 {"Typhoon Orla", NULL, NULL, 0});
}

/* A role in lower case before a given name and a surname that is a place's
 * word makes a person ("founder Tam Garden"); a title in capitals opening a
 * place's name does not ("Sheikh Varo Road"). */
TEST(facts_entities_role_before_a_surname_place_word) {
  CHECK_ENTITIES("The studio was started in 1999 by founder Tam Garden.\n",
                 {"Tam Garden", "person", NULL, 1});
  CHECK_ENTITIES("The bus stops on Sheikh Varo Road.\n", {"Varo Road", "place", NULL, 1});
}

/* "Capitol" opens a place's name as "Port" does, but not a body's. */
TEST(facts_entities_capitol_hill_is_a_place) {
  CHECK_ENTITIES("Talks on Capitol Hill resumed on Monday. Capitol Records said it would appeal.\n",
                 {"Capitol Hill", "place", NULL, 1}, {"Capitol Records", "organization", NULL, 1});
}

/* A community, an agreement or a treaty ends a body's name, and a bank's
 * or a firm's word in French, Spanish or Italian opens one. */
TEST(facts_entities_community_agreement_and_foreign_banks) {
  CHECK_ENTITIES("European Community steelmakers met on Monday. Farmers blocked roads.\n",
                 {"European Community", "organization", NULL, 1});
  CHECK_ENTITIES("Credit Varnia said profit rose. Banque Ostland lent more. Societe Velmar fell.\n",
                 {"Credit Varnia", "organization", NULL, 1},
                 {"Banque Ostland", "organization", NULL, 1},
                 {"Societe Velmar", "organization", NULL, 1});
}

/* A country alone is the country, not the short form of a body named after
 * it ("Canada" after "Bank of Canada"). */
TEST(facts_entities_country_after_a_body_named_for_it) {
  CHECK_ENTITIES("The loan came from Bank of Canada, which said rates would rise. Exports from "
                 "Canada fell in May.\n",
                 {"Bank of Canada", "organization", "Bank of Canada", 1},
                 {"Canada", "place", "Canada", 1});
}

/* A capital alone counts as capitals: "A FIRE" opening a line in capitals
 * says nothing of a name, as "FIRE IN THE MILL" does not; an initial with
 * its dot still opens a person's name in capitals ("J. HALE, 41,"). */
TEST(facts_entities_article_in_capitals_opens_no_name) {
  CHECK_ENTITIES("A FIRE - BOMB attack on a bank in Varnia left three people dead on Monday.\n",
                 {"A FIRE", NULL, NULL, 0});
  CHECK_ENTITIES("Officers said J. HALE, 41, was held.\n", {"J. HALE", "person", NULL, 1});
}

/* An exchange, a bank holding's "Bancorp" and a plural body word end a
 * body's name, whose first words stand for it ("Norvel" of "Norvel
 * Bancorp"); two nationalities before a lower-case noun qualify it. */
TEST(facts_entities_exchanges_bancorps_and_two_nationalities) {
  CHECK_ENTITIES("Shares of Norvel Bancorp rose on the Varnia Stock Exchange. Norvel said it "
                 "would buy Tarn Bancshares.\n",
                 {"Norvel Bancorp", "organization", NULL, 1},
                 {"Varnia Stock Exchange", "organization", NULL, 1},
                 {"Norvel", "organization", "Norvel Bancorp", 1},
                 {"Tarn Bancshares", "organization", NULL, 1});
  CHECK_ENTITIES("The weather office of the Agriculture and Commerce Departments said rain fell.\n",
                 {"Agriculture and Commerce Departments", "organization", NULL, 1});
  CHECK_ENTITIES("Saudi Arabian oil minister Hisham Varo spoke on Monday.\n",
                 {"Saudi Arabian", NULL, NULL, 0}, {"Hisham Varo", "person", NULL, 1});
}

/* A work's noun after "the" in apposition makes a title of the name beside
 * it, quoted or not; not a role after the noun, nor a speaker after it. */
TEST(facts_entities_work_in_apposition) {
  CHECK_ENTITIES("Ross is in talks to direct the sequel, Tarn Hill. Weitz will direct Velmar "
                 "Moon, the sequel to the hit film.\n",
                 {"Tarn Hill", "organization", NULL, 1}, {"Velmar Moon", "organization", NULL, 1});
  CHECK_ENTITIES("He loved the series, Ann Roe said. Tom Hale, the film director, left.\n",
                 {"Ann Roe", "person", NULL, 1}, {"Tom Hale", "person", NULL, 1});
}

/* A player's post before a name says a person's, though another mention
 * qualifies a noun after "the" ("out of the Tam Varo derby"). */
TEST(facts_entities_player_post_says_a_person) {
  CHECK_ENTITIES("The Hawks made an offer to first baseman Tam Varo. The Hawks are now out of "
                 "the Tam Varo derby.\n",
                 {"Tam Varo", "person", NULL, 2});
}

/* A time zone in capitals opens no name, alone or before a month. */
TEST(facts_entities_time_zone_before_a_month) {
  CHECK_ENTITIES("Posted 12:52 p.m. EDT May 2, 2013. The talks ended at 1100 EST on Friday.\n",
                 {"EDT May", NULL, NULL, 0}, {"EST", NULL, NULL, 0});
}

/* A work's noun that ends the text ("New Moon, the sequel") has no token
 * after it to be a role: sl_entities_is_role is false there and reads no
 * memo past the article's tokens (d->token_memo has d->toks.n; a memo
 * planted one past them, as heap bytes there may be, is not read). */
TEST(facts_entities_work_noun_ending_the_text_reads_no_token_after_it) {
  const char *text = "Hardwicke will not direct New Moon, the sequel";
  facts_doc_fixture f;
  sl_facts_doc *d = &f.d;
  size_t n = facts_doc_open(&f, text) ? 0 : d->toks.n;
  CHECK(n > 6 && sl_facts_is(d, n - 1, "sequel") && sl_facts_is(d, n - 4, "Moon"));
  uint16_t *memo = calloc(n + 1, sizeof *memo);
  CHECK(memo != NULL);
  if (n > 6 && memo) {
    memcpy(memo, d->token_memo, n * sizeof *memo);
    memo[n] = SL_MEMO_ROLE_ASKED | SL_MEMO_ROLE;
    free(d->token_memo);
    d->token_memo = memo;
    CHECK(!sl_entities_is_role(d, n));
    CHECK(sl_entities_work_by_apposition(d, n - 5, n - 3)); /* "New Moon" */
  } else {
    free(memo);
  }
  facts_doc_close(&f);
  CHECK_ENTITIES(text, {"New Moon", NULL, NULL, 1}); /* under ASan: no read past the memo */
}
