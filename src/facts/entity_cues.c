/* entity_cues.c — what the words around a name say of it, for the
 * entities of entities.c (and the speaker appositions of quotes.c):
 * possessives ("Lebanon's", "Belmora's water minister"), appositions ("the
 * firm Mallory Hayes", "Novexa, a Swiss company,"), a title before a name
 * ("commission chair Ana Ruiz"), premises ("at a Harlow bakery"), the
 * nouns of kin, staff, holdings and travel before a name, an age after it,
 * a copyright mark, a work's title in quotes ("the `` Mean Girls '' star"),
 * a ship's prefix ("INS Sukanya"), a noun of the press after a title
 * ("People magazine"), a surname's particle ("De Blasio"), a courtesy
 * title, a country's short form written as a word ("Us"), and
 * the shape of a word (a nationality, the month May, capitals), a word
 * written elsewhere before a place word ("the Tavel" of "Tavel River"). Each
 * is a test over the facts document's tokens; entities.c weighs them. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "facts/entity_cues.h"
#include "facts/entity_known.h"
#include "facts/entity_titles.h"
#include "facts/entity_words.h"
#include "facts/units.h"
#include "util/alloc.h"

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

bool sl_entities_said_its(const sl_facts_doc *d, size_t end)
{
    if (end + 1 >= d->toks.n || sl_facts_in(d, end, sl_entity_speech_verbs) < 0 ||
        d->sent_of[end + 1] != d->sent_of[end])
        return false;
    size_t k = end + 1 +
               ((sl_facts_is(d, end + 1, "that") || sl_facts_is(d, end + 1, "in")) && end + 2 < d->toks.n);
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
    /* no storm speaks, has an age or a title: "Storm Reid said", "actress Storm Reid" */
    return end - first >= 2 && sl_facts_in(d, first, storms) >= 0 && sl_facts_upper(d, first + 1) &&
           sl_facts_in(d, end, sl_entity_speech_verbs) < 0 && !sl_entities_age_after(d, end) &&
           !(first > 0 && sl_entities_is_role(d, first - 1) &&
             !sl_entities_connector(d, first - 1));
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

bool sl_entities_work_title(const sl_facts_doc *d, size_t first, size_t end)
{
    size_t open = first, close = end;
    while (open > 0 && quote_mark(d, open - 1))
        open--;
    if (sl_facts_is(d, close, ",") && quote_mark(d, close + 1))
        close++; /* "`` Australia , ''" */
    size_t inside = close;
    while (close < d->toks.n && quote_mark(d, close))
        close++;
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

/* A word shaped like a nationality ("Israeli", "Palestinian", "Chinese",
 * "British") or one of the demonym table ("American", "German", "Greek"),
 * not its plural noun ("Americans", a group). */
bool sl_entities_demonym(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    return (n > 4 && w[n - 1] == 'i') || (n > 5 && !strncmp(w + n - 3, "ian", 3)) ||
           (n > 5 && !strncmp(w + n - 3, "ean", 3)) || (n > 5 && !strncmp(w + n - 3, "ese", 3)) ||
           (n > 5 && !strncmp(w + n - 3, "ish", 3)) || sl_entities_nationality(d, i);
}

bool sl_entities_origin_adjective(const sl_facts_doc *d, size_t name, size_t end)
{
    size_t n;
    if (end - name == 2) { /* "-i" a nationality of the table: not "Central Mississippi" */
        const char *w = sl_facts_tok(d, name + 1, &n);
        return sl_facts_in(d, name, sl_entity_compass) >= 0 && sl_entities_demonym(d, name + 1) &&
               (w[n - 1] != 'i' || sl_entities_nationality(d, name + 1));
    }
    const char *w = sl_facts_tok(d, name, &n);
    bool compass_adjective = n > 5 && !strncasecmp(w + n - 3, "ern", 3) &&
                             sl_facts_in(d, name, sl_entity_compass) >= 0; /* "Western" */
    return end - name == 1 && (sl_entities_demonym(d, name) || compass_adjective);
}

bool sl_entities_paired_with_place(const sl_facts_doc *d, const sl_name *a, const sl_name *b)
{
    if (b->first != a->end + 1 || !(sl_facts_is(d, a->end, "and") || sl_facts_is(d, a->end, "or")))
        return false;
    bool pa = sl_facts_is_place(d->s + a->start, a->stop - a->start) ||
              (a->end - a->first == 1 && sl_entities_demonym(d, a->first));
    bool pb = sl_facts_is_place(d->s + b->start, b->stop - b->start) ||
              (b->end - b->first == 1 && sl_entities_demonym(d, b->first));
    return pa != pb;
}

/* Whether token i is a nationality of the demonym table, its adjective or
 * singular noun ("Egyptian", "American"; not "Americans"). */
bool sl_entities_nationality(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    return sl_facts_demonym(w, n, d->word_hash[i]);
}

/* Whether token i is a plural noun of a country's people: "Americans",
 * "Israelis", "Britons" (the demonym table). */
bool sl_entities_people_of_country(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    bool plural;
    return sl_facts_demonym_country(w, n, &plural) && plural;
}

/* Whether token i holds a digit and a letter ("A320", "F-35"), or is a
 * model's number: up to four digits, no year ("Boeing 737"; not "London
 * 2012"), no score or range ("Lakers 102-98", "Lakers 102, Celtics 98"). */
bool sl_entities_model_number(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    bool digit = false, letter = false;
    for (size_t k = 0; k < n; k++) {
        digit |= w[k] >= '0' && w[k] <= '9';
        letter |= (w[k] | 0x20) >= 'a' && (w[k] | 0x20) <= 'z';
    }
    if (!digit)
        return false;
    if (letter)
        return true;
    if (!(d->toks.items[i].flags & SL_TOK_NUMBER) || n > 4 || strspn(w, "0123456789") < n)
        return false;
    long v = strtol(w, NULL, 10);
    bool year = n == 4 && v >= 1800 && v <= 2099;
    bool score = i + 2 < d->toks.n && (sl_facts_is(d, i + 1, "-") || sl_facts_is(d, i + 1, "–") ||
                                       sl_facts_is(d, i + 1, ",")) &&
                 ((d->toks.items[i + 2].flags & SL_TOK_NUMBER) ||
                  (sl_facts_upper(d, i + 2) && i + 3 < d->toks.n &&
                   (d->toks.items[i + 3].flags & SL_TOK_NUMBER)));
    return !year && !score;
}

/* Words before "May" or "Jan" that make it the month: "in May", "the end of May". */
static const char *const may_before[] = {"in", "of", "until", "till", "since", "by", "from",
    "through", "early", "late", "mid", "last", "next", "this", "before", "after", "during",
    NULL};

/* Whether the one-word name [name, end) is the month May or January
 * ("Jan"), which are also given names the finder cannot drop as it does the
 * other months ("Theresa May", "May said", "Jan said"): after a word of
 * time, before a day's number or a year, or "Jan" with its dot ("Jan. 12"). */
bool sl_entities_month_name(const sl_facts_doc *d, size_t name, size_t end)
{
    size_t n;
    const char *w = sl_facts_tok(d, name, &n);
    if (end - name != 1 || n != 3 || (memcmp(w, "May", 3) && memcmp(w, "Jan", 3)))
        return false;
    const char *next = end < d->toks.n ? sl_facts_tok(d, end, &n) : "";
    return (name > 0 && sl_facts_in(d, name - 1, may_before) >= 0) ||
           (end < d->toks.n && next[0] >= '0' && next[0] <= '9') ||
           (w[0] == 'J' && end < d->toks.n && next[0] == '.' &&
            d->toks.items[end].start == d->toks.items[name].end);
}

bool sl_entities_org_word(const sl_facts_doc *d, size_t k)
{
    if (k >= d->toks.n)
        return false;
    size_t n, cut = sl_entities_possessive_len(d, k);
    const char *w = sl_facts_tok(d, k, &n);
    if (cut) {
        uint32_t hash = sl_facts_word_hash(w, n - cut);
        return sl_facts_list_find(sl_entity_org_words, w, n - cut, hash) >= 0 ||
               sl_known_firm_word(w, n - cut, hash);
    }
    return sl_facts_in(d, k, sl_entity_org_words) >= 0 || sl_known_firm_word(w, n, d->word_hash[k]);
}

bool sl_entities_call_sign(const sl_facts_doc *d, size_t first, size_t i)
{
    const sl_token *t = &d->toks.items[i];
    if (!(t->flags & SL_TOK_ALLCAPS) || t->end - t->start != 4 ||
        (d->s[t->start] != 'K' && d->s[t->start] != 'W'))
        return false;
    /* letters no word has ("WQRX", "WCVB"), else a town the gazetteer
     * knows before them ("Boston WABC"): "Imran KHAN", "Tom WOOD" are a
     * person's names with the surname in capitals */
    if (!memchr("AEIOUY", d->s[t->start + 1], 6) && !memchr("AEIOUY", d->s[t->start + 2], 6) &&
        !memchr("AEIOUY", d->s[t->start + 3], 6))
        return true;
    if (first >= i)
        return false;
    uint32_t a = d->toks.items[first].start, b = d->toks.items[i - 1].end;
    return sl_facts_is_place(d->s + a, b - a);
}

/* Time zones in capitals: "at 1100 EST", "0100 GMT". */
static const char *const time_zones[] = {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
    "gmt", "utc", "bst", "cet", "cest", NULL};

bool sl_entities_word_no_name(const sl_facts_doc *d, size_t i)
{
    size_t n, cut = sl_entities_possessive_len(d, i);
    const char *w = sl_facts_tok(d, i, &n);
    if (cut) { /* "Corp's" cut from its firm by a line break: sl_entities_org_word takes it */
        uint32_t hash = sl_facts_word_hash(w, n - cut);
        return sl_facts_list_find(sl_entity_not_names, w, n - cut, hash) >= 0 ||
               (sl_facts_list_find(sl_entity_short_months, w, n - cut, hash) >= 0 &&
                !(w[1] >= 'A' && w[1] <= 'Z')) || /* "Dec's", not "DEC's" */
               sl_facts_list_find(sl_known_legal_forms, w, n - cut, hash) >= 0;
    }
    return (d->toks.items[i].flags & SL_TOK_ALLCAPS) && sl_facts_in(d, i, time_zones) >= 0;
}

bool sl_entities_not_name(const sl_facts_doc *d, size_t i)
{
    return sl_facts_in(d, i, sl_entity_not_names) >= 0 ||
           (sl_facts_in(d, i, sl_entity_short_months) >= 0 &&
            !(d->toks.items[i].flags & SL_TOK_ALLCAPS));
}

/* Whether every word of tokens [a, b) is written in capitals. */
bool sl_entities_all_capitals(const sl_facts_doc *d, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if ((d->toks.items[k].flags & SL_TOK_WORD) && !(d->toks.items[k].flags & SL_TOK_ALLCAPS))
            return false;
    return true;
}

/* Whether the word of token i stands elsewhere in the text after another
 * word of its sentence, capitalised as at i, other than right after the
 * word `before` (NULL: after any). */
static bool capitalised_within(const sl_facts_doc *d, size_t i, const char *before, size_t n_before)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    for (size_t k = 1; k < d->toks.n; k++) {
        size_t m, p;
        const char *v = sl_facts_tok(d, k, &m), *prev = sl_facts_tok(d, k - 1, &p);
        if (k != i && m == n && !memcmp(v, w, n) && d->sent_of[k - 1] == d->sent_of[k] &&
            (d->toks.items[k - 1].flags & SL_TOK_WORD) &&
            !(before && p == n_before && !memcmp(prev, before, p)))
            return true;
    }
    return false;
}

/* Whether the word of token i stands elsewhere in the text capitalised
 * with no capitalised word after it: a name of its own ("Corning said"
 * beside "Corning Glass Works"). */
static bool standing_alone(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    for (size_t k = 0; k + 1 < d->toks.n; k++) {
        size_t m;
        const char *v = sl_facts_tok(d, k, &m);
        const sl_token *next = &d->toks.items[k + 1];
        if (k != i && m == n && !memcmp(v, w, n) &&
            !((next->flags & SL_TOK_WORD) && (next->flags & (SL_TOK_UPPER | SL_TOK_ALLCAPS))))
            return true;
    }
    return false;
}

/* Texts whose sentences open with adverbs by the thousand would scan the
 * whole text for each: past this many openings a text's further ones keep
 * their word in the name, as they did before the test. */
#define ADVERB_SCANS 64

static bool adverb_test(sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    if (n < 7 || strncmp(w + n - 2, "ly", 2) || !(d->toks.items[i].flags & SL_TOK_UPPER) ||
        d->adverb_scans >= ADVERB_SCANS)
        return false;
    d->adverb_scans++;
    if (capitalised_within(d, i, NULL, 0) || standing_alone(d, i))
        return false; /* a name's word: "actress Beverly Ames", "Kimberly said" */
    /* where the name after it stands elsewhere without it ("producer
     * Laurence Mark" beside "Clearly Mark"): not "Internationally Recognised
     * Transit Corridor" */
    return i + 1 < d->toks.n && capitalised_within(d, i + 1, w, n);
}

bool sl_entities_adverb_opening(sl_facts_doc *d, size_t i)
{
    if (!(d->token_memo[i] & SL_MEMO_ADVERB_ASKED))
        d->token_memo[i] |= SL_MEMO_ADVERB_ASKED | (adverb_test(d, i) ? SL_MEMO_ADVERB : 0);
    return d->token_memo[i] & SL_MEMO_ADVERB;
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

/* A token written before a place word ("Tavel" of "Tavel River"), keyed
 * by its word hash: the doc's place_openers, sorted, made once a text. */
struct sl_place_opener { uint32_t hash, tok; };

/* The name as a reader writes it: a name run over a wrapped line's end
 * ("John\nTower", src/text/names.c) read with one space for each run of
 * blanks, in out[0, cap); returns s itself where it holds no line break. */
const char *sl_entities_as_read(const char *s, size_t *n, char *out, size_t cap)
{
    if (!memchr(s, '\n', *n))
        return s;
    size_t len = 0;
    for (size_t k = 0; k < *n && len + 1 < cap; k++) {
        bool blank = s[k] == ' ' || s[k] == '\n' || s[k] == '\r' || s[k] == '\t';
        if (!blank || !len || out[len - 1] != ' ')
            out[len++] = blank ? ' ' : s[k];
    }
    *n = len;
    return out;
}

size_t sl_entities_title_cased(const char *s, size_t n, char *out)
{
    for (size_t k = 0; k < n; k++) {
        bool opens = k == 0 || s[k - 1] == ' ' || s[k - 1] == '-';
        out[k] = (char)(!opens && s[k] >= 'A' && s[k] <= 'Z' ? s[k] | 0x20 : s[k]);
    }
    out[n] = '\0';
    return n;
}

char *sl_entities_dup_as_read(sl_facts_doc *d, const char *s, size_t n)
{
    char *c = sl_facts_strdup(d, s, n);
    size_t len = n;
    if (c && sl_entities_as_read(s, &len, c, n + 1) == c)
        c[len] = '\0'; /* "Chancellor\nof the Exchequer" is "Chancellor of the Exchequer" */
    return c;
}

static int opener_order(const void *a, const void *b)
{
    const struct sl_place_opener *x = a, *y = b;
    return x->hash != y->hash ? (x->hash < y->hash ? -1 : 1) : (x->tok > y->tok) - (x->tok < y->tok);
}

int sl_entities_find_place_openers(sl_facts_doc *d, const char *const *place_words)
{
    struct sl_place_opener *o = NULL;
    size_t n = 0;
    for (size_t k = 0; k + 1 < d->toks.n; k++) {
        if (sl_facts_in(d, k + 1, place_words) < 0)
            continue;
        if (!o && !(o = sl_malloc((d->toks.n - 1) * sizeof *o)))
            return SL_ENOMEM;
        o[n++] = (struct sl_place_opener){d->word_hash[k], (uint32_t)k};
    }
    if (n)
        qsort(o, n, sizeof *o, opener_order);
    d->place_openers = o;
    d->n_place_openers = n;
    return 0;
}

bool sl_entities_opens_a_place(const sl_facts_doc *d, size_t w)
{
    size_t n, m, lo = 0, hi = d->n_place_openers;
    const char *word = sl_facts_tok(d, w, &n);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->place_openers[mid].hash < d->word_hash[w])
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < d->n_place_openers && d->place_openers[lo].hash == d->word_hash[w]; lo++) {
        size_t k = d->place_openers[lo].tok;
        const char *other = sl_facts_tok(d, k, &m);
        if (k != w && m == n && !memcmp(other, word, n))
            return true;
    }
    return false;
}

void sl_entities_free_place_openers(sl_facts_doc *d)
{
    free(d->place_openers);
    d->place_openers = NULL;
    d->n_place_openers = 0;
}

static bool particle(const sl_facts_doc *d, size_t i)
{
    return sl_facts_is(d, i, "de") || sl_facts_is(d, i, "al") || sl_facts_is(d, i, "bin") ||
           sl_facts_is(d, i, "van") || sl_facts_is(d, i, "von");
}

bool sl_entities_connector(const sl_facts_doc *d, size_t i)
{
    return sl_facts_is(d, i, "of") || sl_facts_is(d, i, "for") || sl_facts_is(d, i, "and") ||
           particle(d, i);
}

bool sl_entities_particle_opens(const sl_facts_doc *d, size_t i, size_t end)
{
    return i + 1 < end && particle(d, i) && (d->toks.items[i + 1].flags & SL_TOK_WORD) &&
           (d->toks.items[i + 1].flags & (SL_TOK_UPPER | SL_TOK_ALLCAPS));
}

bool sl_entities_courtesy_before(const sl_facts_doc *d, size_t i)
{
    size_t k = i > 0 && sl_facts_is(d, i - 1, ".") ? i - 1 : i;
    return k > 0 && (sl_facts_is(d, k - 1, "mr") || sl_facts_is(d, k - 1, "mrs") ||
                     sl_facts_is(d, k - 1, "ms") || sl_facts_is(d, k - 1, "sr") ||
                     sl_facts_is(d, k - 1, "sra"));
}

bool sl_entities_short_form_as_word(const sl_facts_doc *d, const sl_name *nm, size_t name,
                                    const char *fold)
{
    return name == nm->first && nm->fold_len <= 3 &&
           !(d->toks.items[name].flags & SL_TOK_ALLCAPS) &&
           sl_name_alias(fold + nm->fold, nm->fold_len) != NULL;
}
