/* entity_cues.c — what the words around a name say of it, for the
 * entities of entities.c (and the speaker appositions of quotes.c):
 * possessives ("Lebanon's", "Belmora's water minister"), appositions ("the
 * firm Mallory Hayes", "Novexa, a Swiss company,"), a title before a name
 * ("commission chair Ana Ruiz"), premises ("at a Harlow bakery"), the
 * nouns of kin, staff, holdings and travel before a name, an age after it,
 * a copyright mark, a work's title in quotes ("the `` Mean Girls '' star"),
 * a ship's prefix ("INS Sukanya"), a noun of the press after a title
 * ("People magazine"), a storm, a team before a player, a role's opening
 * words. Each is a test over the facts document's tokens; entities.c weighs
 * them (the shape of a word by itself is entity_shapes.c's). */
#include <string.h>
#include <strings.h>

#include "facts/entity_cues.h"
#include "facts/entity_known.h"
#include "facts/entity_titles.h"
#include "facts/entity_words.h"
#include "facts/units.h"

/* Words of travel before "to" that make the name after it a place. */
static const char *const travel_words[] = {"visit", "visits", "trip", "trips", "travel",
    "travels", "traveled", "travelled", "flew", "fly", "flies", "flight", "journey", "return",
    "returned", "returns", "headed", "heads", "went", "go", "goes", "moved", "way", "route",
    "arrival", "came", "come", "comes", "drove", "sailed", NULL};

bool sl_entities_travel_to(const sl_facts_doc *d, size_t first)
{
    return first > 1 && sl_facts_is(d, first - 1, "to") &&
           sl_facts_in(d, first - 2, travel_words) >= 0;
}

/* Bytes of the possessive ending of token i ("'s", "’s"), 0 when none. */
size_t sl_entities_possessive_len(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    return n > 2 && !strncmp(w + n - 2, "'s", 2)               ? 2
           : n > 4 && !strncmp(w + n - 4, "\xE2\x80\x99s", 4) ? 4
                                                              : 0;
}

bool sl_entities_possessive_opening(const sl_facts_doc *d, size_t first, size_t end)
{
    for (size_t i = first; i + 1 < end && sl_facts_upper(d, i); i++)
        if (sl_entities_possessive_len(d, i))
            return true;
    return false;
}

size_t sl_entities_title_words(const sl_facts_doc *d, size_t j)
{
    size_t from = j;
    while (j < d->toks.n && j - from < 3 && (d->toks.items[j].flags & SL_TOK_WORD) &&
           !sl_facts_upper(d, j))
        j++;
    return j;
}

bool sl_entities_titled_by(const sl_facts_doc *d, const sl_fact_item *it, size_t j)
{
    size_t n;
    const char *w = sl_facts_tok(d, j, &n);
    return it->role && sl_role_ends_with_word(it->role, strlen(it->role), w, n);
}

/* Whether token i follows a country's or region's possessive ("Lebanon's",
 * "Iran’s"). */
bool sl_entities_place_possessive(const sl_facts_doc *d, size_t i)
{
    if (i == 0 || d->sent_of[i - 1] != d->sent_of[i])
        return false;
    size_t n, cut = sl_entities_possessive_len(d, i - 1);
    const char *w = sl_facts_tok(d, i - 1, &n);
    return cut && sl_facts_is_place(w, n - cut);
}

/* What only a state has, after a possessive: "Belmora's water minister",
 * "Karsland's parliament" (a person's or a firm's "government" or
 * "ambassador" can be a figure of speech; these are not). */
static const char *const state_nouns[] = {"minister", "ministers", "parliament", "border", NULL};

/* Whether token i is a possessive ("Belmora's") that a state noun follows
 * within three lower-case words of the same sentence. */
bool sl_entities_state_possessive(const sl_facts_doc *d, size_t i)
{
    if (!sl_entities_possessive_len(d, i))
        return false;
    for (size_t k = i + 1; k < d->toks.n && k <= i + 3 && d->sent_of[k] == d->sent_of[i]; k++) {
        if (!(d->toks.items[k].flags & SL_TOK_WORD) || sl_facts_upper(d, k))
            return false;
        if (sl_facts_in(d, k, state_nouns) >= 0)
            return true;
    }
    return false;
}

/* Nouns of kin before a lone word that make it a person's name: "her husband Todd". */
static const char *const kin_nouns[] = {"husband", "wife", "son", "daughter", "brother",
    "sister", "father", "mother", "uncle", "aunt", "cousin", "nephew", "niece", "grandson",
    "granddaughter", "boyfriend", "girlfriend", "fiance", "fiancee", "partner", "widow", NULL};

bool sl_entities_kin_before(const sl_facts_doc *d, size_t first)
{
    return first > 0 && !sl_facts_upper(d, first - 1) && sl_facts_in(d, first - 1, kin_nouns) >= 0;
}

/* Nouns of firms before a name in apposition: "the ferry operator, Skerry Line,". */
static const char *const firm_nouns[] = {"operator", "company", "firm", "carrier", "airline",
    "maker", "manufacturer", "retailer", "insurer", "lender", "developer", "publisher",
    "broadcaster", "distributor", "supplier", "contractor", "subsidiary", "chain", "brand",
    NULL};

/* Nouns of bodies that name one in apposition, before it ("the journal
 * Nature Astronomy", "the firm Mallory Hayes", "his party, Forward
 * Veldoria,") or after it, as the head of a description ("Novexa, a Swiss
 * company,", "World Athletics, the sport's governing body,"): the firms'
 * nouns and these. */
static const char *const body_nouns[] = {"journal", "newspaper", "magazine", "tabloid", "party",
    "alliance", "coalition", "charity", "studio", "label", "automaker", "carmaker", "drugmaker",
    "chipmaker", "conglomerate", "startup", "bank", "body", "federation", "association",
    "agency", "organisation", "organization", "league", "club", NULL};

/* Words after a description's head noun that end the description: "a Swiss
 * company, said", "a lender based in Oslo", "a firm that". */
static const char *const head_ends[] = {",", ".", "that", "which", "whose", "based", "owned",
    "headquartered", NULL};

static bool body_noun(const sl_facts_doc *d, size_t i)
{
    return !sl_facts_upper(d, i) && (d->toks.items[i].flags & SL_TOK_WORD) &&
           (sl_facts_in(d, i, firm_nouns) >= 0 || sl_facts_in(d, i, body_nouns) >= 0);
}

/* Whether the name [first, end) is a body's by apposition: after "the" or a
 * possessive and a body's noun ("the firm Mallory Hayes", "Mirkovic's
 * party, Forward Veldoria"; not "a company Smith founded", nor "the face
 * of the party, Donald J. Trump", the head of which is "face"), or before ", a"
 * and up to three words headed by one ("Novexa, a Swiss company,"; not
 * "Smith, a company spokesman"). */
static bool body_apposition(const sl_facts_doc *d, size_t first, size_t end)
{
    size_t noun = first > 0 && sl_facts_is(d, first - 1, ",") ? first - 1 : first;
    if (noun >= 2 && body_noun(d, noun - 1)) {
        for (size_t k = noun - 1; k > 0 && k + 4 > noun; k--) {
            if (sl_facts_is(d, k - 1, "a") || sl_facts_is(d, k - 1, "an"))
                break;
            if (sl_facts_is(d, k - 1, "the") || sl_entities_possessive_len(d, k - 1))
                return (k < 2 || !sl_facts_is(d, k - 2, "of")) &&
                       (noun == first || sl_facts_is(d, end, ",") || sl_facts_is(d, end, "."));
        }
    }
    if (end + 2 >= d->toks.n || !sl_facts_is(d, end, ",") ||
        !(sl_facts_is(d, end + 1, "a") || sl_facts_is(d, end + 1, "an") ||
          sl_facts_is(d, end + 1, "the")))
        return false;
    for (size_t k = end + 2; k < d->toks.n && k < end + 5 && d->sent_of[k] == d->sent_of[end]; k++)
        if (body_noun(d, k))
            return k + 1 < d->toks.n && sl_facts_in(d, k + 1, head_ends) >= 0;
    return false;
}

bool sl_entities_body_by_apposition(const sl_facts_doc *d, size_t first, size_t end,
                                    bool has_role)
{
    return (first > 1 && sl_facts_is(d, first - 1, ",") &&
            sl_facts_in(d, first - 2, firm_nouns) >= 0 && sl_facts_is(d, end, ",")) ||
           (!has_role && body_apposition(d, first, end));
}

/* Whether ", <age> ," follows token `end`: "Comeaux, 49, took ...". */
bool sl_entities_age_after(const sl_facts_doc *d, size_t end)
{
    if (end + 2 >= d->toks.n || !sl_facts_is(d, end, ",") || !sl_facts_is(d, end + 2, ","))
        return false;
    size_t n;
    const char *w = sl_facts_tok(d, end + 1, &n);
    return (d->toks.items[end + 1].flags & SL_TOK_NUMBER) && n <= 3 && w[0] >= '1' && w[0] <= '9';
}

/* Tokens of a day after a verb of speech, 0 when none: "on Monday",
 * "late on Tuesday", "yesterday" ("Intel said on Monday it would"). */
static size_t day_after(const sl_facts_doc *d, size_t k)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "yesterday", "today", "tonight", NULL};
    size_t n = sl_facts_is(d, k, "late") || sl_facts_is(d, k, "early");
    n += sl_facts_is(d, k + n, "on");
    return k + n < d->toks.n && sl_facts_in(d, k + n, days) >= 0 ? n + 1 : 0;
}

bool sl_entities_said_its(const sl_facts_doc *d, size_t end)
{
    if (end + 1 >= d->toks.n || sl_facts_in(d, end, sl_entity_speech_verbs) < 0 ||
        d->sent_of[end + 1] != d->sent_of[end])
        return false;
    size_t k = end + 1 + day_after(d, end + 1);
    if (k >= d->toks.n || d->sent_of[k] != d->sent_of[end])
        return false;
    k += (sl_facts_is(d, k, "that") || sl_facts_is(d, k, "in")) && k + 1 < d->toks.n;
    return (sl_facts_is(d, k, "its") || sl_facts_is(d, k, "it")) && !sl_facts_upper(d, k);
}

bool sl_entities_currency_word(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    const char *unit = sl_units_word(w, n);
    return unit && sl_units_is_currency(unit);
}

bool sl_entities_letter_class(const sl_facts_doc *d, size_t first, size_t end)
{
    static const char *const classes[] = {"class", "series", NULL};
    static const char *const parts[] = {"game", "round", "stage", "week", "day", "match", "race",
        "heat", "leg", "phase", "episode", "season", "chapter", "section", "article", "part",
        "level", "category", "grade", "step", "class", "series", NULL};
    size_t n;
    sl_facts_tok(d, end - 1, &n);
    if (end - first == 2 && (d->toks.items[end - 1].flags & SL_TOK_NUMBER) &&
        sl_facts_in(d, first, parts) >= 0)
        return true; /* "Game 5", "Category 4" */
    if (n != 1 || !(d->toks.items[end - 1].flags & SL_TOK_WORD))
        return false;
    if (end - first == 2)
        return sl_facts_in(d, first, classes) >= 0;
    /* not an initial, nor a letter of "U. S." written apart or of "AL.N"
     * (after a dot set against it or after another letter's dot); a
     * sentence's full stop before it leaves it alone ("Shares rose. P said.") */
    if (end - first != 1 || sl_facts_is(d, end, "."))
        return false;
    if (first == 0 || !sl_facts_is(d, first - 1, "."))
        return true;
    size_t pn = 0;
    if (first >= 2)
        sl_facts_tok(d, first - 2, &pn);
    return d->toks.items[first - 1].end != d->toks.items[first].start &&
           !(pn == 1 && (d->toks.items[first - 2].flags & SL_TOK_WORD));
}

bool sl_entities_team_before_player(const sl_facts_doc *d, size_t first, size_t end)
{
    size_t n;
    const char *w = sl_facts_tok(d, end - 1, &n);
    if (n < 4 || w[n - 1] != 's' || sl_entities_possessive_len(d, end - 1) || end + 1 >= d->toks.n ||
        d->sent_of[end + 1] != d->sent_of[first] || sl_facts_upper(d, end) ||
        sl_facts_in(d, end, sl_entity_team_positions) < 0)
        return false;
    return sl_facts_upper(d, end + 1) && (d->toks.items[end + 1].flags & SL_TOK_WORD);
}

bool sl_entities_storm_name(const sl_facts_doc *d, size_t first, size_t end)
{
    static const char *const storms[] = {"hurricane", "typhoon", "cyclone", "superstorm",
        "tropical", "storm", NULL};
    if (end - first < 2 || sl_facts_in(d, first, storms) < 0 || !sl_facts_upper(d, first + 1))
        return false;
    /* "Storm" alone may be a given name: no storm speaks, has an age or a
     * title ("Storm Reid said", "actress Storm Reid"); "Hurricane Sandy said
     * to weaken" is still a storm */
    return !sl_facts_is(d, first, "storm") ||
           (sl_facts_in(d, end, sl_entity_speech_verbs) < 0 && !sl_entities_age_after(d, end) &&
            !(first > 0 && sl_entities_is_role(d, first - 1) &&
              !sl_entities_connector(d, first - 1)));
}

/* Whether token i marks a copyright ("©", "Copyright") or is the year
 * after one ("© 2026"). */
bool sl_entities_copyright_mark(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    if (n == 4 && w[0] >= '0' && w[0] <= '9' && i > 0)
        w = sl_facts_tok(d, --i, &n);
    return (n == 2 && !memcmp(w, "\xC2\xA9", 2)) || (n == 9 && !strncasecmp(w, "copyright", 9));
}

/* Quotation marks, one code point each ("``" is two of them). */
static const char *const quote_marks[] = {"\"", "'", "`", "\xE2\x80\x9C", "\xE2\x80\x9D",
    "\xE2\x80\x98", "\xE2\x80\x99", NULL};

/* Nouns of works before a title in quotes ("the 1999 movie `` Rope ''"). */
static const char *const work_nouns[] = {"film", "movie", "sequel", "prequel", "series",
    "miniseries", "sitcom", "show", "album", "song", "single", "novel", "book", "play",
    "musical", "documentary", "epic", "thriller", "comedy", "drama", "opera", "franchise",
    "trilogy", NULL};

/* Nouns of the people of a work after its title in quotes ("the `` Mean
 * Girls '' star"), and of its parts ("the `` Hunger Games '' sequel"). */
static const char *const work_people[] = {"star", "stars", "actress", "actor", "director",
    "creator", "cast", "sequel", "prequel", "franchise", "author", NULL};

static bool quote_mark(const sl_facts_doc *d, size_t i)
{
    return i < d->toks.n && (d->toks.items[i].flags & SL_TOK_PUNCT) &&
           sl_facts_in(d, i, quote_marks) >= 0;
}

static bool lower_in(const sl_facts_doc *d, size_t i, const char *const *list)
{
    return i < d->toks.n && !sl_facts_upper(d, i) && sl_facts_in(d, i, list) >= 0;
}

/* Tokens first..end widened over the quote marks around them: *open the
 * first opening mark (first when none), *close the token after the closing
 * marks, *inside where those marks start (a comma before them is inside:
 * "`` Australia , ''"). */
static void quoted_span(const sl_facts_doc *d, size_t first, size_t end, size_t *open,
                        size_t *inside, size_t *close)
{
    *open = first;
    while (*open > 0 && quote_mark(d, *open - 1))
        (*open)--;
    *close = end;
    if (sl_facts_is(d, *close, ",") && quote_mark(d, *close + 1))
        (*close)++;
    *inside = *close;
    while (*close < d->toks.n && quote_mark(d, *close))
        (*close)++;
}

bool sl_entities_work_title(const sl_facts_doc *d, size_t first, size_t end)
{
    size_t open, inside, close;
    quoted_span(d, first, end, &open, &inside, &close);
    if (open == first || close == inside)
        return false;
    /* one of a list of titles in quotes ("star of `` Pie '' , `` Wilder ''") */
    bool listed = (close + 1 < d->toks.n &&
                   (sl_facts_is(d, close, ",") || sl_facts_is(d, close, "and")) &&
                   quote_mark(d, close + 1)) ||
                  (open > 1 && (sl_facts_is(d, open - 1, ",") || sl_facts_is(d, open - 1, "and")) &&
                   quote_mark(d, open - 2));
    return listed ||
           (lower_in(d, close, work_people) && d->sent_of[close] == d->sent_of[first]) ||
           (open > 0 && lower_in(d, open - 1, work_nouns) &&
            d->sent_of[open - 1] == d->sent_of[first]) ||
           (open > 1 && sl_facts_is(d, open - 1, "of") && lower_in(d, open - 2, work_people));
}

/* Whether token k is a work's noun in lower case after "the" ("the
 * sequel"), no person's noun or role after it ("the film director"). */
static bool the_work_noun(const sl_facts_doc *d, size_t k)
{
    return k > 0 && sl_facts_is(d, k - 1, "the") && lower_in(d, k, work_nouns) &&
           !lower_in(d, k + 1, work_people) && !sl_entities_is_role(d, k + 1);
}

bool sl_entities_work_by_apposition(const sl_facts_doc *d, size_t first, size_t end)
{
    size_t open, inside, close; /* "`` New Moon , ''" or New Moon alone */
    quoted_span(d, first, end, &open, &inside, &close);
    size_t sent = d->sent_of[first];
    bool after = close + 2 < d->toks.n && sl_facts_is(d, close, ",") &&
                 d->sent_of[close + 2] == sent && the_work_noun(d, close + 2);
    bool before = open > 2 && sl_facts_is(d, open - 1, ",") && d->sent_of[open - 2] == sent &&
                  the_work_noun(d, open - 2) &&
                  (sl_facts_is(d, close, ",") || sl_facts_is(d, close, ".")) &&
                  sl_facts_in(d, close + 1, sl_entity_speech_verbs) < 0;
    return after || before;
}

/* Nouns of the press after its title ("People magazine", "the Herald
 * newspaper", "the Fox network"). */
static const char *const press_nouns[] = {"magazine", "newspaper", "tabloid", "weekly",
    "website", "blog", "network", "channel", "broadcaster", NULL};

/* "weekly" is an adverb too ("visited Ana Ruiz weekly"): a paper only after
 * an article ("the Harlow weekly") or before the paper's name in its
 * sentence ("Paris weekly Le Point"). */
bool sl_entities_press_noun_after(const sl_facts_doc *d, size_t first, size_t end)
{
    if (!(end < d->toks.n && lower_in(d, end, press_nouns) && d->sent_of[end] == d->sent_of[first]))
        return false;
    if (!sl_facts_is(d, end, "weekly"))
        return true;
    return (first > 0 && (sl_facts_is(d, first - 1, "the") || sl_facts_is(d, first - 1, "a") ||
                          sl_facts_is(d, first - 1, "an"))) ||
           (sl_facts_upper(d, end + 1) && d->sent_of[end + 1] == d->sent_of[end]);
}

bool sl_entities_press_source(const sl_facts_doc *d, size_t first, size_t end)
{
    static const char *const reports[] = {"reported", "reports", "confirmed", "learned", NULL};
    if (end - first < 2 || first == 0 || !sl_facts_is(d, first - 1, ",") ||
        d->sent_of[first - 1] != d->sent_of[first])
        return false;
    size_t k = end + (sl_facts_is(d, end, "has") || sl_facts_is(d, end, "first"));
    return k + 1 < d->toks.n && lower_in(d, k, reports) && sl_facts_is(d, k + 1, ".");
}

/* Prefixes of a ship's name: "INS Sukanya", "USS Cole", "HMS Belfast". */
static const char *const vessel_prefixes[] = {"ins", "uss", "hms", "hmas", "hmcs", "hmnzs",
    "rms", "mv", "usns", NULL};

bool sl_entities_vessel(const sl_facts_doc *d, size_t first, size_t end)
{
    if (sl_facts_in(d, end, sl_entity_speech_verbs) >= 0)
        return false; /* a person's initials: "MV Ravi Menon said" */
    for (size_t k = first; k + 1 < end; k++)
        if ((d->toks.items[k].flags & SL_TOK_ALLCAPS) && sl_facts_in(d, k, vessel_prefixes) >= 0 &&
            sl_facts_upper(d, k + 1) && !(d->toks.items[k + 1].flags & SL_TOK_ALLCAPS) &&
            sl_facts_in(d, k + 1, sl_entity_role_words) < 0) /* not "INS Commissioner" */
            return true;
    return false;
}

/* Nouns of buildings, premises and streets: "at a Harlow bakery". */
static const char *const premises[] = {"prison", "jail", "courthouse", "bank", "branch",
    "office", "offices", "firm", "building", "street", "hospital", "store", "shop", "home",
    "house", "school", "church", "hotel", "restaurant", "apartment", "neighborhood",
    "neighbourhood", "suburb", "business", "plant", "factory", "warehouse", "mall",
    "supermarket", "center", "centre", "clinic", "facility", "station", "airport", "park",
    "campus", "bar", "nightclub", "theater", "theatre", "stadium", "arena", "road", "highway",
    "area", "residence", "motel", "cafe", "market", "mosque", "temple", "synagogue", "port",
    "wholesaler", "retailer", "dealership", "club", NULL};

/* Nouns of people who work for a body, before "at" and its name: "analysts
 * at Goldman Sachs" (a firm, not a place). */
static const char *const staff_nouns[] = {"analyst", "analysts", "economist", "economists",
    "researcher", "researchers", "scientist", "scientists", "executive", "executives",
    "engineer", "engineers", "employee", "employees", "staff", "strategist", "strategists",
    "trader", "traders", "banker", "bankers", "partner", "partners", NULL};

bool sl_entities_staff_at(const sl_facts_doc *d, size_t first)
{
    return first > 1 && sl_facts_is(d, first - 1, "at") &&
           sl_facts_in(d, first - 2, staff_nouns) >= 0;
}

/* Nouns of owning a firm, before "in", "of" or "with" and its name: "a
 * stake in Lumeris Capital", "the takeover of Baxley Labs". */
static const char *const holding_nouns[] = {"stake", "stakes", "shares", "takeover",
    "acquisition", "merger", "shareholders", "shareholder", NULL};

bool sl_entities_holding_before(const sl_facts_doc *d, size_t first)
{
    return first > 1 && (sl_facts_is(d, first - 1, "in") || sl_facts_is(d, first - 1, "of") ||
                         sl_facts_is(d, first - 1, "with")) &&
           sl_facts_in(d, first - 2, holding_nouns) >= 0;
}

/* Prepositions of place and motion before a description: "at a Harlow
 * bakery", "fled from an Eskby jail". */
static const char *const place_preps[] = {"at", "in", "near", "outside", "inside", "on", "into",
    "from", "to", "across", "behind", "toward", "towards", NULL};

/* The end of the run of up to three lower-case words from token `from` in
 * sentence `sent`: the noun a name qualifies is among them ("accounting
 * firm", "gang member"; "inmate fled": the verb after it comes too). */
static size_t lower_run_end(const sl_facts_doc *d, size_t from, size_t sent)
{
    size_t k = from;
    while (k < d->toks.n && k < from + 3 && d->sent_of[k] == sent &&
           (d->toks.items[k].flags & SL_TOK_WORD) &&
           !(d->toks.items[k].flags & (SL_TOK_STOP | SL_TOK_UPPER | SL_TOK_ALLCAPS)))
        k++;
    return k;
}

/* Whether the name [first, end) qualifies premises in a place's description:
 * a preposition of place or motion, an article, up to two lower-case words,
 * the name, then up to three lower-case words holding a noun of premises
 * ("at a suburban Harlow accounting firm", "in an Eskby courthouse"). */
bool sl_entities_premises_of(const sl_facts_doc *d, size_t first, size_t end)
{
    size_t k = first, lower = 0;
    while (k > 0 && lower < 2 && (d->toks.items[k - 1].flags & SL_TOK_WORD) &&
           !(d->toks.items[k - 1].flags & (SL_TOK_STOP | SL_TOK_UPPER | SL_TOK_ALLCAPS)))
        k--, lower++;
    if (k < 2 || !(sl_facts_is(d, k - 1, "a") || sl_facts_is(d, k - 1, "an") ||
                   sl_facts_is(d, k - 1, "the")) || sl_facts_in(d, k - 2, place_preps) < 0)
        return false;
    size_t head = lower_run_end(d, end, d->sent_of[first]);
    for (size_t j = end; j < head; j++)
        if (sl_facts_in(d, j, premises) >= 0)
            return true;
    return false;
}

/* Words of premises that name a body as often as its building: "talks at
 * the World Bank", "sales in the U.S. Market", "at the Paris Club". */
static const char *const bodies_too[] = {"bank", "market", "club", NULL};

bool sl_entities_premises_named(const sl_facts_doc *d, size_t first, size_t end)
{
    size_t k = first;
    if (k > 0 && sl_facts_is(d, k - 1, "the"))
        k--;
    return k > 0 && end - first >= 2 && sl_facts_in(d, end - 1, premises) >= 0 &&
           sl_facts_in(d, end - 1, bodies_too) < 0 &&
           (sl_facts_is(d, k - 1, "at") || sl_facts_is(d, k - 1, "in") ||
            sl_facts_is(d, k - 1, "inside") || sl_facts_is(d, k - 1, "outside") ||
            sl_facts_is(d, k - 1, "near") || sl_facts_is(d, k - 1, "into"));
}

/* Words before a role that say whose it is and so end its description. */
static const char *const role_owners[] = {"the", "a", "an", "his", "her", "its", "their", "our",
    NULL};

/* The first token of the role whose role words start at token `start`:
 * up to two lower-case words before them belong to it where a determiner
 * or a possessive precedes those ("Belmora's water minister", "an
 * ambulance service spokesman"; not "said minister"), and so does a
 * nationality ("the Egyptian president"). */
size_t sl_entities_role_opening(const sl_facts_doc *d, size_t start)
{
    for (size_t k = start, words = 0; k > 0 && words <= 2; k--, words++) {
        if (sl_facts_in(d, k - 1, role_owners) >= 0 || sl_entities_possessive_len(d, k - 1))
            return k;
        if (sl_entities_nationality(d, k - 1) && d->sent_of[k - 1] == d->sent_of[start])
            continue; /* "the Egyptian president" */
        if (!(d->toks.items[k - 1].flags & SL_TOK_WORD) || sl_facts_upper(d, k - 1) ||
            (d->toks.items[k - 1].flags & SL_TOK_STOP) || d->sent_of[k - 1] != d->sent_of[start])
            break;
    }
    return start;
}

/* Plural nouns of people that open a sentence before a verb of speech
 * ("Witnesses said"), besides the plurals of role words ("Prosecutors"). */
static const char *const people_plurals[] = {"authorities", "witnesses", "residents",
    "investigators", "experts", "critics", "protesters", "neighbours", "neighbors", "rescuers",
    "doctors", "lawyers", "troops", "soldiers", "firefighters", "officers", "relatives",
    "dealers", "brokers", "diplomats", "sources", "villagers", "passengers", "students",
    "survivors", "activists", "friends", "fans", "parents", "teachers", "workers", "farmers",
    "voters", "victims", "families", "locals", "observers", "organisers", "organizers",
    "members", "customers", "shoppers", "guests", "medics", "paramedics", "nurses",
    "teammates", "colleagues", "supporters", "opponents", "demonstrators", "campaigners",
    "lawmakers", "legislators", "insiders", "militants", "rebels", "gunmen", NULL};

/* Whether token i is a plural noun of people: a role word's plural or one
 * of people_plurals. */
bool sl_entities_people_noun(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    return sl_facts_in(d, i, people_plurals) >= 0 || sl_facts_in(d, i, staff_nouns) >= 0 ||
           (n > 3 && w[n - 1] == 's' && sl_facts_role_word(w, n - 1));
}
