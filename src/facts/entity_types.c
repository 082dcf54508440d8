/* entity_types.c — the type of one name by the words around it
 * (person, organisation, place, or none): titles, organisation and place
 * words, the gazetteer, prepositions, verbs and appositions. entities.c
 * splits a finder's name into its role and name and asks here what it is. */
#include <stdint.h>
#include <string.h>

#include "facts/entity_chains.h"
#include "facts/entity_cues.h"
#include "facts/entity_known.h"
#include "facts/entity_titles.h"
#include "facts/entity_types.h"
#include "facts/entity_words.h"

/* Whether the name [first, end) opens with an organisation's word
 * ("Ministry of ..."), or with a firm's legal form and no person's role in
 * apposition ("NV Velden"; not the initials of "AB Marr, the coach,"). A
 * role before the name may be a firm's word ("Media General Inc"). */
static bool opens_with_org_word(const sl_facts_doc *d, size_t first, size_t end)
{
    if (sl_facts_in(d, first, sl_known_legal_forms) < 0)
        return sl_entities_org_word(d, first);
    return !sl_entities_role_in_apposition(d, end);
}

/* Whether a body's or a firm's word stands before the first "of" within
 * the name [first, end): "Talvor Group of Japan", "Kestrel Corp of Canada"
 * (a firm's name with its country; "Bank of Canada" opens with its word;
 * not "Ann Roe of Talvor Bank of Japan"). */
static bool org_word_before_of(const sl_facts_doc *d, size_t first, size_t end)
{
    for (size_t k = first + 1; k + 1 < end; k++)
        if (sl_facts_is(d, k + 1, "of"))
            return sl_entities_org_word(d, k);
    return false;
}

/* The type "place" as a preposition alone gives it ("a letter went to Laura
 * Marsh"): the weakest evidence of a place, told apart by its address. */
const char sl_entities_placed_by_preposition[] = "place";

/* Whether the words [first, end) name a place: the gazetteer's ("United
 * Arab Emirates"), or ending in a place's or a compass word ("British Virgin
 * Islands", "Soviet Far East"). */
bool sl_entities_names_a_place(const sl_facts_doc *d, size_t first, size_t end)
{
    uint32_t a = d->toks.items[first].start, b = d->toks.items[end - 1].end;
    return sl_facts_is_place(d->s + a, b - a) ||
           sl_facts_in(d, end - 1, sl_entity_place_words) >= 0 ||
           sl_facts_in(d, end - 1, sl_entity_compass) >= 0;
}

/* Whether the two words [first, end) may be a given name and a surname
 * that is a body's or a place's word ("Alex Garden", "Ann Trust"): no
 * article before them ("the High Court"), the first word no place,
 * compass, nationality, role or such word itself, the second no firm's
 * word ("Onex Capital", "Bache Corp"). */
static bool surname_a_body_word(const sl_facts_doc *d, size_t first, size_t end)
{
    if (end - first != 2 || !sl_entities_name_word(d, first) ||
        !sl_entities_name_word(d, first + 1) ||
        !(sl_entities_org_word(d, first + 1) ||
          sl_facts_in(d, first + 1, sl_entity_place_words) >= 0)) /* most names stop here */
        return false;
    size_t n, m;
    const char *w = sl_facts_tok(d, first, &n), *last = sl_facts_tok(d, first + 1, &m);
    if (sl_entities_all_capitals(d, first, end) ||
        sl_known_firm_word(last, m, d->word_hash[first + 1]) ||
        (first > 0 && (sl_facts_is(d, first - 1, "the") || sl_facts_is(d, first - 1, "a") ||
                       sl_facts_is(d, first - 1, "an"))))
        return false;
    return !sl_facts_is_place(w, n) && !sl_entities_org_word(d, first) &&
           sl_facts_in(d, first, sl_entity_place_words) < 0 &&
           sl_facts_in(d, first, sl_entity_place_heads) < 0 &&
           sl_facts_in(d, first, sl_entity_compass) < 0 && !sl_entities_demonym(d, first) &&
           !sl_entities_is_role(d, first);
}

/* Whether a role word in lower case stands right before token `first`, in
 * its sentence: "founder Alex Garden" (a title in capitals may open a
 * place's name, "Sheikh Zayed Road"). */
static bool role_word_before(const sl_facts_doc *d, size_t first)
{
    return first > 0 && d->sent_of[first - 1] == d->sent_of[first] && !sl_facts_upper(d, first - 1) &&
           sl_entities_is_role(d, first - 1) && !sl_entities_connector(d, first - 1);
}

const char *sl_entities_classify(const sl_facts_doc *d, size_t first, size_t end, bool has_role,
                                 const sl_known *seen, bool starts, const sl_name_chain *chain)
{
    if (seen)
        return seen->type;
    if (end - first == 1 && d->toks.items[first].end - d->toks.items[first].start == 2 &&
        (d->toks.items[first].flags & SL_TOK_ALLCAPS) &&
        sl_facts_in(d, first, sl_entity_common_capitals) >= 0)
        return NULL; /* a word or a numeral in capitals: "TV", "PC", "IV" */
    if (end - first >= 2 && sl_facts_in(d, first, sl_entity_compass) >= 0 &&
        !sl_entities_org_word(d, end - 1))
        return "place"; /* "Middle East", "West Bank"; not "Northern Football League" */
    /* "Tel Aviv, Israel": a place followed by its country; not a firm
     * followed by its town ("Ostler and Co, Bravik") */
    size_t end_len;
    const char *end_word = sl_facts_tok(d, end - 1, &end_len);
    if (sl_facts_is(d, end, ",") && end + 1 < d->toks.n &&
        !sl_known_firm_word(end_word, end_len, d->word_hash[end - 1])) {
        size_t cn;
        const char *c = sl_facts_tok(d, end + 1, &cn);
        if (sl_entities_name_word(d, end + 1) && sl_facts_is_place(c, cn))
            return "place";
    }
    if (!has_role && surname_a_body_word(d, first, end) &&
        sl_entities_chain_person(d, chain) && !sl_entities_chain_said_its(d, chain))
        return "person"; /* "Alex Garden said he", "Ann Trust, 52," */
    if (has_role && role_word_before(d, first) && surname_a_body_word(d, first, end) &&
        sl_facts_in(d, end - 1, sl_entity_place_words) >= 0 && !sl_entities_chain_said_its(d, chain))
        return "person"; /* "founder Alex Garden"; not "Sheikh Zayed Road" */
    uint32_t a = d->toks.items[first].start, b = d->toks.items[end - 1].end;
    b -= (uint32_t)sl_entities_possessive_len(d, end - 1); /* "Lebanon's" is Lebanon */
    size_t last_len; /* the last word without its possessive: "the Orrin Dam's turbines" */
    const char *last = sl_facts_tok(d, end - 1, &last_len);
    last_len -= sl_entities_possessive_len(d, end - 1);
    if (sl_facts_is_place(d->s + a, b - a) ||
        sl_facts_list_find(sl_entity_place_words, last, last_len, sl_facts_word_hash(last, last_len)) >= 0 ||
        (sl_facts_in(d, first, sl_entity_place_words) >= 0 && sl_facts_is(d, first + 1, "of")))
        return "place"; /* "Gulf of Aden" */
    if (end - first >= 2 && sl_facts_in(d, first, sl_entity_place_heads) >= 0 &&
        !sl_entities_org_word(d, end - 1))
        return "place"; /* "Port Aldric"; not "Port Aldric Council" */
    if (first > 0 && sl_entities_copyright_mark(d, first - 1))
        return "organization"; /* the rights holder: "© 2026 Harbour Herald" */
    /* "the Hunger Games", "the Security Council"; not "the Biden administration",
     * where the name qualifies the noun after it */
    bool modifies = end < d->toks.n && !sl_entities_possessive_len(d, end - 1) &&
                    (d->toks.items[end].flags & SL_TOK_WORD) &&
                    !(d->toks.items[end].flags & (SL_TOK_STOP | SL_TOK_UPPER | SL_TOK_ALLCAPS)) &&
                    sl_facts_in(d, end, sl_entity_speech_verbs) < 0; /* "the FT said" */
    if ((sl_entities_press_noun_after(d, first, end) ||
         (sl_entities_press_source(d, first, end) && !sl_entities_chain_person(d, chain))) &&
        !has_role)
        return "organization"; /* "People magazine", "the Herald newspaper", ", Radar reported." */
    bool the = first > 0 && sl_facts_is(d, first - 1, "the") && !has_role;
    if (the && !modifies && end - first == 1 && sl_entities_opens_a_place(d, first))
        return "place"; /* a river's name: "the Tavel" beside "the Tavel River" */
    if (!modifies && !sl_entities_staff_at(d, first) && sl_entities_premises_named(d, first, end))
        return "place"; /* the hotel where it happened: "a fire at Marfell Hotel" */
    if (sl_entities_org_word(d, end - 1) || opens_with_org_word(d, first, end) ||
        org_word_before_of(d, first, end) || (the && !modifies))
        return "organization";
    if (sl_entities_premises_of(d, first, end))
        return "place";
    if (end < d->toks.n && d->sent_of[end] == d->sent_of[first] && !sl_facts_upper(d, end) &&
        sl_facts_in(d, end, sl_entity_place_words) >= 0)
        return "place"; /* a place's word in lower case after it: "struck Qorvik island" */
    if (the)
        return NULL; /* what it is, the noun after it says of itself, not of the name */
    if (end - first >= 2 && sl_entities_call_sign(d, first, end - 1))
        return "organization"; /* a broadcaster's after its town: "Boston WCVB" */
    if (!has_role && sl_entities_team_before_player(d, first, end) &&
        !sl_entities_chain_person(d, chain))
        return "organization"; /* "Tarvel Hawks coach Ann Roe"; not "Ada Wills coach Ann Roe"
                                * beside "Wills, 31," */
    if (sl_entities_body_by_apposition(d, first, end, has_role))
        return "organization"; /* "the ferry operator, Skerry Line, said", "the journal Nature" */
    if (has_role)
        return "person";
    size_t n;
    sl_facts_tok(d, first, &n);
    if (end - first == 1 && (d->toks.items[first].flags & SL_TOK_ALLCAPS) && n <= 6)
        return "organization"; /* an acronym: "NATO", "UN" */
    bool prep = first > 0 && (sl_facts_is(d, first - 1, "in") || sl_facts_is(d, first - 1, "from") ||
                              sl_facts_is(d, first - 1, "near") || sl_facts_is(d, first - 1, "at") ||
                              sl_facts_is(d, first - 1, "across"));
    /* "a visit to Tel Aviv", "flew to Cairo" */
    bool travel = sl_entities_travel_to(d, first);
    if (sl_entities_staff_at(d, first))
        return "organization"; /* "analysts at Goldman Sachs" */
    if (sl_entities_holding_before(d, first))
        return "organization"; /* "a stake in Lumeris Capital" */
    if ((prep || travel) && end - first <= 2)
        return sl_entities_placed_by_preposition;
    bool titled = sl_entities_titled_of(d, first);
    if (titled && (sl_facts_is(d, end, "and") || sl_facts_is(d, end, "&")) && sl_entities_name_word(d, end + 1))
        return "organization"; /* a firm of partners: "Analyst Ann Roe of Ingle and Marsh" */
    if (titled || (first > 1 && sl_facts_is(d, first - 1, "of") &&
                      sl_facts_in(d, first - 2, sl_entity_place_of) >= 0))
        return "place"; /* "the port of Velmar", "Prime Minister Tomas Brell of Velmora" */
    size_t lead;
    const char *w0 = sl_facts_tok(d, first, &lead);
    if (end - first >= 2 && lead > 2 && memchr(w0, '.', lead) && sl_facts_is_place(w0, lead))
        return "organization"; /* "U.S. Treasury", "U.K. Lines": a country's initials open no
                                * person's name */
    size_t words = 0; /* the dots of initials and a generational suffix not counted */
    for (size_t k = first; k < end; k++)
        words += (d->toks.items[k].flags & SL_TOK_WORD) &&
                 !(k == end - 1 && k > first + 1 && sl_facts_in(d, k, sl_entity_suffix_words) >= 0);
    if (words >= 2 && words <= 4 && !starts)
        return "person";
    if (words >= 2 && words <= 3)
        return "person"; /* "Ruth Ann Okafor Jr" counts three */
    if (has_role && end - first <= 4)
        return "person";
    if (sl_entities_said_its(d, end) && !sl_entities_chain_person(d, chain))
        return "organization"; /* "Intel said it would", "Intel said its profit rose"; not
                                * "Velder said it was wrong. She ..." */
    if (end < d->toks.n && sl_facts_in(d, end, sl_entity_subject_verbs) >= 0)
        return "person"; /* "Comeaux said", "Lohan was" */
    if (sl_entities_age_after(d, end) || sl_entities_kin_before(d, first))
        return "person"; /* "Comeaux, 49,", "her husband Todd" */
    if (end - first == 1 && sl_entities_place_possessive(d, first))
        return "organization"; /* "Lebanon's Hezbollah" ("Russia's Putin said": above) */
    if (end - first == 1 && sl_entities_state_possessive(d, first))
        return "place";
    return NULL;
}

/* Whether a role in apposition follows token `end`, between commas: ",
 * the American secretary of state," or ", a senior judge," (up to three
 * lower-case words before the role's word, three after it); not the
 * subject after an opening word ("Undaunted, the minister said"), nor the
 * role of the name after the second comma ("Separately, the finance
 * minister, Ann Roe, said"). */
bool sl_entities_role_in_apposition(const sl_facts_doc *d, size_t end)
{
    if (!sl_facts_is(d, end, ",") || !(sl_facts_is(d, end + 1, "the") ||
                                       sl_facts_is(d, end + 1, "a") || sl_facts_is(d, end + 1, "an")))
        return false;
    size_t k = end + 2, last = end + 9;
    bool role = false;
    for (; k < d->toks.n && k <= last && d->sent_of[k] == d->sent_of[end]; k++) {
        if (!(d->toks.items[k].flags & SL_TOK_WORD) ||
            (sl_facts_upper(d, k) && !sl_entities_demonym(d, k)))
            break; /* "the American secretary of state" */
        if (!role && sl_entities_is_role(d, k) && !sl_entities_connector(d, k))
            last = k + 3, role = true;
    }
    return role && sl_facts_is(d, k, ",") && !sl_facts_upper(d, k + 1);
}
