/* given_names.c — the gender a person's given name tells ("Elena Marsh" is a
 * woman, "Tomas Brandt" a man), for the speaker chooser's gender vote
 * (speakers.c): without it a person named without a gendered title or a
 * pronoun after the name had no gender, and "she" could take the last man
 * quoted. Common given names of English-language news, written here from
 * general knowledge (no dataset's names); names worn by both sexes
 * (Jordan, Taylor, Chris, Lee, ...) are left out. */
#include "facts/facts.h"

static const char *const male_names[] = {"aaron", "adam", "alan", "albert", "alexander",
    "andrew", "anthony", "antonio", "arthur", "barry", "ben", "benjamin", "bernard",
    "bill", "bob", "bobby", "brad", "brandon", "brian", "bruce", "carl", "carlos",
    "charles", "chuck", "craig", "dan", "daniel", "david", "dennis", "dick", "donald", "doug",
    "douglas", "ed", "edward", "eric", "frank", "fred", "gary", "george", "gerald", "greg",
    "gregory", "harold", "harry", "henry", "howard", "ian", "jack", "jacob", "jake", "james",
    "jason", "jeff", "jeffrey", "jeremy", "jerry", "jim", "jimmy", "joe", "john", "johnny",
    "jon", "jonathan", "jose", "joseph", "josh", "joshua", "juan", "justin", "keith", "ken",
    "kenneth", "kevin", "larry", "louis", "luis", "mark", "martin", "matt", "matthew",
    "michael", "mike", "nathan", "neil", "nicholas", "nick", "patrick", "paul",
    "peter", "phil", "philip", "ralph", "randy", "raymond", "richard", "rick", "robert",
    "roger", "ron", "ronald", "roy", "russell", "ryan", "sam", "samuel", "scott", "sean",
    "stephen", "steve", "steven", "ted", "thomas", "tim", "timothy", "todd", "tom", "tony",
    "victor", "walter", "wayne", "william", "willie", NULL};
static const char *const female_names[] = {"alice", "alison", "amanda", "amy", "andrea",
    "angela", "ann", "anna", "anne", "barbara", "betty", "beverly", "brenda", "carol",
    "caroline", "catherine", "cheryl", "christina", "christine", "cynthia", "deborah",
    "debbie", "debra", "denise", "diana", "diane", "donna", "dorothy", "elizabeth", "ellen",
    "emily", "emma", "evelyn", "frances", "gloria", "hannah", "heather", "helen", "hillary",
    "jane", "janet", "janice", "jean", "jennifer", "jessica", "joan", "joyce", "judith", "judy",
    "julia", "julie", "karen", "katherine", "kathleen", "kathy", "laura", "lauren", "linda",
    "lisa", "lori", "louise", "margaret", "maria", "marie", "marilyn", "martha", "mary",
    "megan", "melissa", "michelle", "nancy", "nicole", "pamela", "patricia",
    "rachel", "rebecca", "rose", "ruth", "sandra", "sarah", "sharon", "shirley", "stephanie",
    "susan", "teresa", "theresa", "virginia", "wendy", NULL};

int sl_facts_given_name_gender(const sl_facts_doc *d, size_t i)
{
    if (!sl_facts_upper(d, i) || !sl_facts_upper(d, i + 1))
        return 0; /* a given name is followed by the family name */
    return sl_facts_in(d, i, male_names) >= 0 ? 1 : sl_facts_in(d, i, female_names) >= 0 ? -1 : 0;
}
