/* entity_words.h — the word lists of entities.c (entity_words.c): lower
 * case, each ended by NULL, read with sl_facts_in / sl_facts_list_find. */
#ifndef SL_FACTS_ENTITY_WORDS_H
#define SL_FACTS_ENTITY_WORDS_H

/* Words of a role or a title before a person's name: "Prime Minister", "Mr.". */
extern const char *const sl_entity_role_words[];

/* Words that end (or start) an organisation's name, besides those that end
 * a firm's (sl_known_firm_word: "Co", "AG", "Group", "Motors"). */
extern const char *const sl_entity_org_words[];

/* Words that end a place name. */
extern const char *const sl_entity_place_words[];

/* Words that open a place's name: "Port Aldric", "Lake Varna", "Mount Elbrus". */
extern const char *const sl_entity_place_heads[];

/* Capitalised words that are not names (sentence starts, days, months, pronouns). */
extern const char *const sl_entity_not_names[];
/* Months written short without their dot ("Sept", "Dec", as wire tables
 * write them): no names but in capitals ("DEC", Digital Equipment's
 * initials; "AUG Capital"): entity_cues.c's sl_entities_not_name. */
extern const char *const sl_entity_short_months[];

/* Words and numerals of two letters written in capitals that are no
 * body's initials: "TV", "PC", "CD", "KM", "IV". */
extern const char *const sl_entity_common_capitals[];

/* Nouns before "of" that make the name after it a place: "the port of Velmar". */
extern const char *const sl_entity_place_of[];

/* A person's name's suffixes as words: "Jr.", "III". */
extern const char *const sl_entity_suffix_words[];

/* Words after a lone capitalised word that make it a person's surname. */
extern const char *const sl_entity_subject_verbs[];

/* Of those, the ones that make a lone word opening a sentence a person's
 * name, where its capital says nothing: "Comeaux said", not "Arson is" or
 * "Entry will". */
extern const char *const sl_entity_speech_verbs[];

/* Words of the compass and of position that open a region's name:
 * "Middle East", "West Bank", "Latin America". */
extern const char *const sl_entity_compass[];

/* Lower-case words of time after a name: "felt in Dubai today" (no
 * nationality qualifies them). */
extern const char *const sl_entity_day_words[];

/* Nouns before a name that make it a group's: "the militant group Hamas". */
extern const char *const sl_entity_group_nouns[];

/* Nouns after a name that make it a group's: "Hezbollah fighters", "Hamas leader". */
extern const char *const sl_entity_member_nouns[];
/* A team's players and staff, lower-case after its name ("quarterback",
 * "coach"): entity_cues.c's team test. */
extern const char *const sl_entity_team_positions[];

#endif
