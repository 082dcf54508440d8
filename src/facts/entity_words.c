/* entity_words.c — the word lists entities.c types names by: roles and
 * titles, the words that end an organisation's or a place's name, the
 * capitalised words that are no names, the verbs after a person's name,
 * the nouns that make a name a group's (entity_words.h). Lower case; a
 * list ends with NULL. */
#include <stddef.h>

#include "facts/entity_words.h"

const char *const sl_entity_role_words[] = {"president", "minister", "secretary", "senator",
    "sen.", "rep.", "representative", "gov.", "governor", "mayor", "chancellor", "king",
    "queen", "prince", "princess", "pope", "general", "gen.", "col.", "colonel", "lt.",
    "captain", "capt.", "sgt.", "admiral", "adm.", "commander", "chief", "director", "chairman",
    "chairwoman", "chair", "ceo", "spokesman", "spokeswoman", "spokesperson", "ambassador",
    "envoy", "judge", "justice", "attorney", "prosecutor", "leader", "premier", "speaker",
    "mr.", "mrs.", "ms.", "dr.", "prof.", "professor", "sir", "dame", "lord", "lady", "rabbi",
    "reverend", "rev.", "rev", "ayatollah", "imam", "archbishop", "sheikh", "coach", "officer",
    "officials", "official", "head",
    "founder", "executive", "vice", "deputy", "foreign", "defense", "defence", "prime",
    "interior", "finance", "health", "state", "of", "lawyer", "actor", "actress", "singer",
    "player", "star", "detective", "inspector", "sheriff", "chief", "manager", "analyst",
    "economist", "author", "editor", "reporter", "correspondent", "emir", "sultan", "crown",
    "master", "commissioner", "superintendent", "councillor", "councilor", "chief", "champion",
    "trooper", "marshal", "gm", "sergeant", "lieutenant", "corporal", "constable", "senior",
    "treasurer", "adviser", "advisor", "investor", NULL};

const char *const sl_entity_org_words[] = {"party", "ministry", "department", "agency", "council",
    "committee", "commission", "court", "army", "forces", "force", "police", "university",
    "college", "school", "bank", "organization", "organisation", "union", "association",
    "institute", "foundation", "news", "times", "post", "journal", "press", "network", "office",
    "senate", "congress", "parliament", "assembly", "board", "federation", "fund", "authority",
    "service", "services", "church", "hospital", "team", "club", "league", "movement",
    "brigades", "front", "nations", "reuters", "house", "pentagon", "cabinet", "government",
    "administration", "program", "media", "society", "tribunal", "guard", "navy", "herald",
    "courier", "gazette", "tribune", "chronicle", "telegraph", "examiner", "inquirer",
    "magazine", "tv", "channel", "radio", "television", "command", "survey",
    "weekly", "daily", "relations", "entertainment", "advisors", "rescue", "conference", "trust",
    "sports", "online",
    "united", "community", "agreement", "treaty", "accord", "pact", "societe", "banque", "banco",
    "banca", "credit", "exchange", "departments", "ministries", "agencies", "committees", NULL};

const char *const sl_entity_place_words[] = {"city", "county", "province", "state", "street",
    "river", "strip", "valley", "island", "islands", "mountains", "mountain", "sea", "ocean",
    "lake", "bay", "coast", "region", "district", "square", "airport", "border", "desert",
    "beach", "hills", "peninsula", "gulf", "avenue", "road", "park", "bridge", "center",
    "centre", "clinic", "prison", "jail", "courthouse", "facility", "stadium", "arena", "hotel",
    "highway", "boulevard", "heights", "village", "town", "county", "reservoir", "dam", "canal",
    "creek", "forest", "harbour", "harbor", "estuary", "garden", "gardens", "ave", "ave.", "blvd",
    "blvd.", "rd",
    "rd.", "st",
    "st.", NULL};

const char *const sl_entity_short_months[] = {"feb", "aug", "sep", "sept", "oct", "nov", "dec",
    NULL};

const char *const sl_entity_place_heads[] = {"port", "fort", "mount", "mt.", "lake", "cape",
    "capitol", NULL};

const char *const sl_entity_not_names[] = {"i", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july",
    "august", "september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.",
    "oct.", "nov.", "dec.", "mr", "mrs", "ms", "dr", "photo", "image", "read", "watch",
    "advertisement", "click", "share", "related", "subscribe", "updated", "copyright", "sign",
    "however", "meanwhile", "still", "yet", "also", "now", "today", "yesterday", "tomorrow",
    "according", "after", "before", "during", "while", "since", "although", "despite",
    "earlier", "later", "last", "next", "many", "some", "several", "most", "more", "other",
    "another", "both", "each", "every", "all", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "new", "first", "by", "he", "she", "it", "we", "they", "you",
    NULL};

const char *const sl_entity_common_capitals[] = {"tv", "pc", "cd", "km", "kg", "am", "pm", "ok",
    "id", "iq", "hq", "uv", "ii", "iv", "vi", "ix", "xi", NULL};

const char *const sl_entity_place_of[] = {"port", "city", "town", "village", "province", "state",
    "region", "capital", "island", "republic", "kingdom", "county", "district", "hometown",
    NULL};

const char *const sl_entity_suffix_words[] = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", NULL};

const char *const sl_entity_subject_verbs[] = {"said", "says", "told", "added", "was", "is", "has",
    "had", "will", "would", "'s", "\xE2\x80\x99s", "who", "testified", "pleaded", NULL};

const char *const sl_entity_speech_verbs[] = {"said", "says", "told", "added", "who", "testified",
    "pleaded", NULL};

const char *const sl_entity_compass[] = {"north", "south", "east", "west", "middle", "central",
    "northern", "southern", "eastern", "western", "upper", "lower", "latin", NULL};

const char *const sl_entity_day_words[] = {"today", "yesterday", "tonight", "tomorrow", NULL};

const char *const sl_entity_group_nouns[] = {"group", "groups", "movement", "militia", "faction",
    "organization", "organisation", "outfit", "network", NULL};

const char *const sl_entity_member_nouns[] = {"militants", "fighters", "combatants", "gunmen",
    "members", "militia", "militias", "leader", "leaders", "leadership", "operatives",
    "commanders", NULL};

const char *const sl_entity_team_positions[] = {"quarterback", "receiver", "linebacker",
    "cornerback", "lineman", "kicker", "punter", "guard", "forward", "center", "centre",
    "pitcher", "catcher", "outfielder", "infielder", "shortstop", "striker", "midfielder",
    "defender", "goalkeeper", "goalie", "winger", "coach", "manager", "owner", "captain",
    "rookie", "teammate", "skipper", "baseman", "slugger", "reliever", "tailback", "halfback",
    "fullback", "defenseman", "defenceman", "batsman", NULL};
