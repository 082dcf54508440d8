/* first_names.c — common given names across languages (written for the
 * project, general knowledge, no dataset text), kept sorted in ASCII order
 * for a binary search: the first word of a name that is one of them makes
 * the name a person's by its shape (entities.c). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "facts/facts.h"

static const char *const given_names[] = {
    "aaron", "abby", "abdel", "abdul", "abdullah", "abel", "abigail", "abraham", "ada", "adam",
    "addison", "adele", "adeline", "adrian", "adriana", "adrienne", "agnes", "ahmad", "ahmed",
    "aidan", "aiden", "aisha", "akira", "al", "alan", "alana", "albert", "alberto", "alec",
    "alejandro", "alex", "alexa", "alexander", "alexandra", "alexandre", "alexandros", "alexei",
    "alexis", "alfonso", "alfred", "alfredo", "ali", "alice", "alicia", "alina", "alison",
    "allen", "allison", "alma", "alvin", "amalia", "amanda", "amelia", "amina", "amir", "amit",
    "amos", "amy", "ana", "anders", "andre", "andrea", "andreas", "andrei", "andres", "andrew",
    "andy", "angela", "angelica", "angelina", "angelo", "angie", "anil", "anita", "ann", "anna",
    "anne", "annette", "annie", "anthony", "antoine", "anton", "antonia", "antonio", "antony",
    "archie", "arianna", "ariel", "arlene", "armando", "arnold", "arthur", "arturo", "ashley",
    "ashton", "audrey", "ava", "avery", "avi", "aziz", "bailey", "barack", "barbara", "barry",
    "beatrice", "becky", "belinda", "bella", "ben", "benito", "benjamin", "benny", "bernadette",
    "bernard", "bernie", "bert", "bertha", "beth", "betty", "beverly", "bianca", "billy",
    "bjorn", "blake", "blanca", "bob", "bobby", "bonnie", "boris", "boyd", "brad", "bradley",
    "brandon", "brenda", "brent", "brett", "brian", "briana", "bridget", "brittany", "brooke",
    "bruce", "bruno", "bryan", "bryce", "byron", "caleb", "calvin", "cameron", "camila",
    "camille", "candace", "cara", "carina", "carl", "carla", "carlos", "carlton", "carmela",
    "carmen", "carol", "caroline", "carolyn", "carrie", "casey", "cassandra", "catherine",
    "cathy", "cecil", "cecilia", "cedric", "celeste", "celia", "chad", "chandler", "charlene",
    "charles", "charlie", "charlotte", "chen", "cheryl", "chester", "chidi", "chloe", "chris",
    "christian", "christie", "christina", "christine", "christopher", "christy", "chuck",
    "cindy", "claire", "clara", "clarence", "claude", "claudia", "clay", "clayton", "clifford",
    "clint", "clinton", "clyde", "cody", "colin", "colleen", "connie", "connor", "conor",
    "constance", "cora", "corey", "cory", "courtney", "craig", "cristina", "curtis", "cynthia",
    "daisy", "damian", "damon", "dan", "dana", "dani", "daniel", "daniela", "daniele",
    "danielle", "danny", "daphne", "darius", "darlene", "darnell", "darren", "darryl", "daryl",
    "dave", "david", "dean", "deanna", "debbie", "deborah", "debra", "deirdre", "delia",
    "della", "dena", "denis", "denise", "dennis", "derek", "derrick", "desmond", "devin",
    "dexter", "diana", "diane", "dianne", "dick", "diego", "dieter", "dimitri", "dirk",
    "dmitry", "dolores", "dominic", "dominique", "don", "donald", "donna", "donovan", "dora",
    "doreen", "doris", "dorothy", "doug", "douglas", "duncan", "dustin", "dwayne", "dwight",
    "dylan", "earl", "ed", "eddie", "edgar", "edith", "edmund", "edna", "edward", "edwin",
    "ehud", "eileen", "elaine", "eleanor", "elena", "eli", "elijah", "elisa", "elise", "eliza",
    "elizabeth", "ella", "ellen", "ellie", "elliott", "eloise", "elsa", "elvis", "emil",
    "emilio", "emily", "emma", "emmanuel", "enrique", "eric", "erica", "erik", "erin", "ernest",
    "ernesto", "ernie", "esteban", "estelle", "esther", "ethan", "ethel", "eugene", "eugenia",
    "eunice", "eva", "evan", "evelyn", "everett", "fannie", "fatima", "faye", "felicia",
    "felix", "fernando", "fiona", "flora", "floyd", "forrest", "frances", "francesca",
    "francesco", "francis", "francisco", "franco", "frank", "frankie", "franklin", "fred",
    "freda", "freddie", "frederick", "gabriel", "gabriela", "gabrielle", "gail", "garrett",
    "gary", "gavin", "gayle", "gene", "genevieve", "geoffrey", "george", "georgios", "gerald",
    "gerard", "gerhard", "gertrude", "gilbert", "gina", "giorgio", "giovanni", "giulia",
    "giuseppe", "gladys", "glenda", "glenn", "gloria", "gordon", "grady", "graham", "greg",
    "gregory", "greta", "gretchen", "guadalupe", "gunter", "gustavo", "gwen", "gwendolyn",
    "hailey", "hal", "haley", "hank", "hannah", "hans", "harold", "harriet", "harrison",
    "harry", "harvey", "hasan", "hassan", "hattie", "heather", "hector", "heidi", "heike",
    "heinrich", "helen", "helena", "helmut", "henri", "henry", "herbert", "herman", "hilary",
    "hilda", "hillary", "hiroshi", "homer", "horace", "howard", "hubert", "hugh", "hugo",
    "hussein", "ian", "ibrahim", "ida", "ignacio", "igor", "ilya", "imogen", "ines", "ingrid",
    "ira", "irene", "irma", "isaac", "isabel", "isabella", "isaiah", "ivan", "jacek", "jack",
    "jackie", "jacob", "jacqueline", "jacques", "jada", "jaime", "jake", "jamal", "james",
    "jamie", "jan", "jane", "janet", "janice", "janie", "jared", "jasmine", "jason", "jasper",
    "javier", "jay", "jean", "jeanette", "jeanne", "jeff", "jeffery", "jeffrey", "jenna",
    "jennifer", "jenny", "jens", "jeremy", "jerome", "jerry", "jess", "jesse", "jessica",
    "jesus", "jill", "jim", "jimmy", "jin", "jiri", "jo", "joan", "joanna", "joanne", "joao",
    "jocelyn", "jodi", "jody", "joe", "joel", "joey", "johan", "johann", "john", "johnnie",
    "johnny", "jolene", "jon", "jonathan", "jorge", "jose", "joseph", "josephine", "josh",
    "joshua", "josie", "joyce", "juan", "juanita", "jude", "judith", "judy", "jules", "julia",
    "julian", "julie", "juliet", "julio", "jun", "jurgen", "justin", "kara", "kareem", "karen",
    "karina", "karl", "kate", "katelyn", "katherine", "kathleen", "kathy", "katie", "katrina",
    "kay", "kayla", "keisha", "keith", "kelley", "kellie", "kelly", "kelvin", "ken", "kendra",
    "kenji", "kenneth", "kenny", "kerry", "kevin", "khalid", "kim", "kimberly", "kirk", "klaus",
    "kofi", "kristen", "kristin", "kristina", "kristy", "kurt", "kwame", "kyle", "lacey",
    "lamar", "lana", "lance", "larry", "lars", "latoya", "laura", "lauren", "laurie", "laverne",
    "lawrence", "leah", "lee", "leila", "lena", "leo", "leon", "leonard", "leroy", "leslie",
    "lester", "leticia", "lewis", "li", "lila", "lillian", "linda", "lindsay", "lindsey",
    "lionel", "lisa", "liu", "lloyd", "lois", "lola", "lonnie", "lora", "lorenzo", "loretta",
    "lori", "lorraine", "lou", "louis", "louisa", "louise", "lowell", "luca", "lucas", "lucia",
    "lucille", "lucy", "luis", "luke", "luz", "lydia", "lyle", "lynn", "mabel", "mackenzie",
    "madeleine", "mae", "maggie", "mahmoud", "malcolm", "mamie", "mandy", "manuel", "marc",
    "marcia", "marco", "marcus", "margaret", "margarita", "margie", "marguerite", "maria",
    "mariah", "marian", "mariana", "marianne", "marie", "marilyn", "marina", "mario", "marion",
    "marjorie", "mark", "marlene", "marsha", "marta", "martha", "martin", "marty", "marvin",
    "mary", "mateo", "matt", "matteo", "matthew", "maureen", "maurice", "mavis", "max",
    "maxine", "megan", "meghan", "mehmet", "melanie", "melinda", "melissa", "melvin",
    "meredith", "mia", "michael", "micheal", "michel", "michelle", "miguel", "mike", "mikhail",
    "mildred", "millie", "milton", "min", "mindy", "minnie", "miranda", "miriam", "mitchell",
    "mitt", "mohamed", "mohammad", "mohammed", "molly", "monica", "morris", "moshe", "muhammad",
    "mustafa", "myra", "myrtle", "nadia", "nadine", "naftali", "nancy", "naomi", "natalia",
    "natalie", "nathan", "neil", "nell", "nellie", "nelson", "nettie", "nicholas", "nick",
    "nicola", "nicolas", "nicole", "nikolai", "nils", "nina", "noah", "noel", "nora", "norma",
    "norman", "olga", "olive", "oliver", "olivia", "ollie", "omar", "opal", "ora", "oscar",
    "otis", "owen", "pablo", "pamela", "paolo", "pat", "patricia", "patrick", "patsy", "patti",
    "paul", "paula", "paulo", "pavel", "pawel", "pedro", "peggy", "pekka", "percy", "perry",
    "pete", "peter", "phil", "philip", "philippe", "phyllis", "pierre", "pilar", "piotr",
    "preston", "priscilla", "priya", "quentin", "rachael", "rachel", "rafael", "rahul", "raj",
    "ralph", "ramon", "ramona", "randall", "randolph", "randy", "raquel", "rashid", "raul",
    "ravi", "ray", "raymond", "rebecca", "reggie", "regina", "reginald", "rene", "renee", "rex",
    "rhonda", "ricardo", "richard", "rick", "ricky", "riley", "rita", "rob", "robert",
    "roberta", "roberto", "robin", "rochelle", "rodney", "rogelio", "roger", "roland",
    "rolando", "ron", "ronald", "ronda", "ronnie", "rosa", "rosalie", "rosemary", "rosie",
    "ross", "roxanne", "roy", "ruben", "rudolph", "rudy", "rufus", "russ", "russell", "ruth",
    "ryan", "sabine", "sabrina", "sadie", "salim", "sally", "salvador", "sam", "samantha",
    "sammy", "samuel", "sandra", "sandy", "sanjay", "sara", "sarah", "saul", "scott", "sean",
    "selena", "seo", "serena", "sergei", "sergio", "seth", "shane", "shanna", "shannon",
    "shari", "sharon", "shaun", "shawn", "shawna", "sheila", "shelby", "shelley", "sheri",
    "sherri", "sherry", "shimon", "shirley", "silvia", "simon", "sofia", "sonia", "sonya",
    "sophie", "spencer", "stacey", "stacy", "stanley", "stefan", "stefano", "stella",
    "stephanie", "stephen", "steve", "steven", "stuart", "sue", "sunil", "susan", "suzanne",
    "sven", "svetlana", "sylvia", "tabitha", "takeshi", "tamara", "tammy", "tanya", "tara",
    "tariq", "tatiana", "taylor", "ted", "teresa", "terrance", "terrence", "terri", "terry",
    "thelma", "theodore", "theresa", "thiago", "thomas", "tiffany", "tim", "timmy", "timothy",
    "tina", "toby", "todd", "tom", "tomas", "tomasz", "tommy", "toni", "tony", "tonya",
    "tracey", "tracy", "travis", "trevor", "tricia", "trisha", "tyler", "tyrone", "ursula",
    "uwe", "valerie", "vanessa", "vera", "vernon", "veronica", "vicki", "vickie", "vicky",
    "victor", "vijay", "viktor", "vince", "vincent", "viola", "violet", "virgil", "vivian",
    "vladimir", "wallace", "walter", "wanda", "wang", "warren", "wayne", "wei", "wendy",
    "wesley", "wilbur", "willard", "william", "willie", "wilma", "winston", "wladimir",
    "wolfgang", "xavier", "yair", "yasmin", "yitzhak", "yoav", "yolanda", "yosef", "yuki",
    "yuri", "yusuf", "yvette", "yvonne", "zachary", "zhang", "zoe",
};

/* The lower-cased word w[0, n) against a listed name, as strcmp. */
static int cmp_name(const char *w, size_t n, const char *name)
{
    int c = strncasecmp(w, name, n);
    return c ? c : name[n] ? -1 : 0;
}

bool sl_facts_given_name(const char *w, size_t n)
{
    size_t lo = 0, hi = sizeof given_names / sizeof *given_names;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_name(w, n, given_names[mid]);
        if (!c)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}
