/* entities.c — people, organisations and places named in a text: the names
 * of the text stage's finder (src/text/names.c), split into a title or role
 * ("Israeli Prime Minister") and a name, typed by titles, organisation
 * words, the iso-codes gazetteer and context; short forms ("Blinken", "Mr.
 * Blinken"), case variants and aliases resolve to the full name. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "facts/entity_chains.h"
#include "facts/entity_cues.h"
#include "facts/entity_known.h"
#include "facts/entity_titles.h"
#include "facts/entity_types.h"
#include "facts/entity_words.h"
#include "facts/facts.h"
#include "util/alloc.h"

/* Where the person's names ending the run [first, end) (end - first >= 3)
 * start: the last two ("Nigel Lawson"), three with a middle initial
 * between them ("James A. Baker"), or an initial and a surname after one
 * word or a body's word ("Treasury J. Baker", "Veldor Bank J. Baker"); a
 * generational suffix after them is theirs ("James A. Baker III"). */
static size_t person_names(const sl_facts_doc *d, size_t first, size_t end)
{
    size_t n;
    if (end - first >= 4 && sl_facts_in(d, end - 1, sl_entity_suffix_words) >= 0)
        end--;
    if (end - first < 4 || !sl_facts_is(d, end - 2, ".") || !sl_facts_upper(d, end - 3) ||
        !sl_facts_tok(d, end - 3, &n) || n != 1)
        return end - 2;
    /* not "Veldor Bank A. Castellan" */
    bool given = end - first > 4 && !sl_entities_org_word(d, end - 4);
    return given ? end - 4 : end - 3; /* "Anna K. Castellan", "A. Castellan" */
}

/* The name an entity is listed under, the same in every article: an
 * alias's name ("U.S." -> "United States"), a name in capitals written as a
 * name ("TEL AVIV" -> "Tel Aviv"; one word such as "NATO" stays), else the
 * name as read, text[0, n). Returns its length in out. */
static size_t full_name(const sl_facts_doc *d, const sl_name *nm, size_t name, const char *text,
                        size_t n, const char *fold, char *out, size_t cap)
{
    const char *alias = name == nm->first ? sl_name_alias(fold + nm->fold, nm->fold_len) : NULL;
    if (alias)
        n = strlen(alias);
    if (n >= cap)
        n = cap - 1;
    memcpy(out, alias ? alias : text, n);
    out[n] = '\0';
    bool caps = !alias && nm->end - name >= 2;
    for (size_t k = name; caps && k < nm->end; k++)
        caps = !(d->toks.items[k].flags & SL_TOK_WORD) || (d->toks.items[k].flags & SL_TOK_ALLCAPS);
    return caps ? sl_entities_title_cased(out, n, out) : n;
}

/* Makes persons of the places a preposition alone made ("to Laura Marsh")
 * whose name s[0, len) is or ends, where a mention of it speaks, is aged or
 * has a role ("Marsh said", "Mrs Marsh"). */
static void unplace(sl_known *kn, size_t n, const char *s, size_t len)
{
    for (size_t k = 0; k < n; k++) {
        sl_known *e = &kn[k];
        if (e->type == sl_entities_placed_by_preposition && e->len >= len &&
            !strncmp(e->name + e->len - len, s, len) &&
            (e->len == len || e->name[e->len - len - 1] == ' ')) {
            e->type = "person";
            e->weak = true;
        }
    }
}

/* Whether a role word stands among tokens [a, b): "Acting Mayor Roel". */
static bool role_within(const sl_facts_doc *d, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (sl_entities_is_role(d, k) && !sl_entities_connector(d, k))
            return true;
    return false;
}

/* Whether token i is capitals with their dots, up to three ("N.Z.", "H.K."). */
static bool dotted_initials(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    if (n < 4 || n > 6 || n % 2)
        return false;
    for (size_t k = 0; k < n; k += 2)
        if (w[k] < 'A' || w[k] > 'Z' || w[k + 1] != '.')
            return false;
    return true;
}

/* Whether the last word of [first, end) stands elsewhere in the text
 * without the word before it or "the", as a surname alone does ("Rahman";
 * not "the System" of "European Monetary System"). */
static bool last_word_alone_elsewhere(const sl_facts_doc *d, size_t first, size_t end)
{
    size_t n, m;
    const char *w = sl_facts_tok(d, end - 1, &n);
    for (size_t k = 1; k < d->toks.n; k++) {
        const char *v = sl_facts_tok(d, k, &m);
        if ((k < first || k >= end) && d->word_hash[k] == d->word_hash[end - 1] && m == n &&
            !memcmp(v, w, n) && d->word_hash[k - 1] != d->word_hash[end - 2] &&
            !sl_facts_is(d, k - 1, "the"))
            return true;
    }
    return false;
}

/* Texts of a nationality's names by the thousand would scan the whole text
 * for each surname (1 MB of "stopping American Hasim Rahman win." took
 * 12.5 s, 0.05 s before the test): past this many scans a text's further
 * names keep their nationality, as they did before the test. */
#define ALONE_SCANS 64

/* last_word_alone_elsewhere, asked once a name's last token, at most
 * ALONE_SCANS times a text. */
static bool surname_alone(sl_facts_doc *d, size_t first, size_t end)
{
    uint16_t *memo = &d->token_memo[end - 1];
    if (!(*memo & SL_MEMO_ALONE_ASKED)) {
        bool alone = d->alone_scans < ALONE_SCANS && last_word_alone_elsewhere(d, first, end);
        d->alone_scans += d->alone_scans < ALONE_SCANS;
        *memo |= SL_MEMO_ALONE_ASKED | (alone ? SL_MEMO_ALONE : 0);
    }
    return *memo & SL_MEMO_ALONE;
}

/* Whether a nationality opens the name [first, end) before a person's two
 * or three names, after a lower-case word in its sentence, the surname
 * standing alone elsewhere ("stopping American Hasim Rahman ... Rahman"):
 * no body's name ("American Home Products", "European Monetary System"),
 * nor a place's. */
static bool nationality_before_person(sl_facts_doc *d, size_t first, size_t end)
{
    if (end - first < 3 || end - first > 4 || first == 0 || !sl_entities_nationality(d, first) ||
        sl_facts_in(d, first, sl_entity_compass) >= 0 || sl_facts_upper(d, first - 1) ||
        !(d->toks.items[first - 1].flags & SL_TOK_WORD) || d->sent_of[first - 1] != d->sent_of[first] ||
        !surname_alone(d, first, end))
        return false;
    for (size_t k = first + 1; k < end; k++)
        if (!sl_entities_name_word(d, k) || sl_entities_org_word(d, k) || sl_entities_is_role(d, k))
            return false;
    size_t n;
    const char *last = sl_facts_tok(d, end - 1, &n);
    return !sl_known_firm_word(last, n, d->word_hash[end - 1]) &&
           !sl_entities_names_a_place(d, first + 1, end);
}

/* One name of the text finder (src/text/names.c): title, name, type; in
 * the `dry` pass only learnt (remembered), not added. `groups` says whether
 * the text speaks of it as a group ("the militant group Hamas"), `thing`
 * whether it qualifies a noun after "the" somewhere ("the Orlen Tannery
 * warehouse"), which no person's full name does; `all` holds the text's
 * names and the chains' memo (sl_name_chain, its root unread), whose
 * mentions of nm's chain may say what it is (NULL for a titled person's
 * "of" tail, no chain's: "Ann Roe of Kestrel Trust"). */
static void entity_at(sl_facts_doc *d, const sl_name_chain *all, const sl_name *nm, size_t k_name,
                      sl_known *kn, size_t *n_known, const sl_known **by_name, const char *fold,
                      bool groups, bool thing, bool dry)
{
    const sl_name_chain chain = {all ? all->names : NULL, nm->refers, all ? all->memo : NULL,
                                 all ? all->next : NULL};
    size_t i = nm->first, end = nm->end;
    bool starts = nm->flags & SL_NAME_OPENS;
    size_t first = i;
    /* "New" is a name's first word but where it opens the sentence ("New York") */
    while (first < end && ((sl_entities_not_name(d, first) &&
                            (starts || !sl_facts_is(d, first, "new"))) ||
                           sl_facts_is(d, first, ".")))
        first++; /* "Mr. Clarke": the courtesy title and its dot are no role */
    /* an adverb opening the sentence is no part of the name after it
     * ("Normally Velmora calls ...": Velmora) */
    if (starts && first == i && end - first >= 2 && sl_entities_adverb_opening(d, first) &&
        !role_within(d, first + 1, end) && !sl_entities_org_word(d, end - 1) &&
        sl_facts_in(d, end - 1, sl_entity_place_words) < 0)
        first++; /* not a role's, a firm's or a place's first word ("Early Bird Inc") */
    if (nationality_before_person(d, first, end))
        first++; /* "the American Hasim Rahman" is Hasim Rahman */
    /* a weekday or month ends the name before it ("Coach Maurice Cheeks
     * Saturday"); "Early Friday" leaves one word, judged as any other */
    for (size_t k = first + 1; k < end; k++)
        if (sl_entities_not_name(d, k)) {
            end = k;
            break;
        }
    /* the role: title words at the start of the run, with what precedes them */
    size_t name = first;
    for (size_t k = first; k < end; k++)
        if (sl_entities_is_role(d, k) && (!sl_facts_is(d, k, "of") || name == k) &&
            !(k == end - 1 && k > first && sl_facts_is(d, k, "king") && !sl_entities_is_role(d, k - 1) &&
              !sl_entities_demonym(d, k - 1)))
            name = k + 1; /* "of" only within a title: "Secretary of State", not "Bank of
                           * England"; "King" last after a name is a surname ("Ada King") */
    /* a title's connector or dot is no part of the name; a particle before a
     * name word opens its surname ("De Blasio said", "Mayor de Blasio") */
    while (name < end && ((sl_entities_connector(d, name) &&
                           !sl_entities_particle_opens(d, name, end)) ||
                          sl_facts_is(d, name, ".")))
        name++;
    /* a title's "of the" takes what follows up to a person's two names, where
     * no organisation's word or "of" comes before them: "Chancellor of the
     * Exchequer Nigel Lawson" is Nigel Lawson, as "President of the United
     * States Ronald Reagan", "Secretary of the Treasury James A. Baker"
     * (person_names); not "Chairman of the Federation of Economic
     * Organisations" */
    if (name > first && name + 4 <= end && sl_facts_is(d, name - 1, "of") &&
        sl_facts_is(d, name, "the") && !sl_facts_upper(d, name) &&
        !sl_entities_org_word(d, end - 1)) {
        size_t given = person_names(d, name + 1, end);
        if (given > name + 1 && !sl_entities_connector(d, given - 1) && sl_facts_upper(d, given) &&
            sl_facts_upper(d, end - 1) && !sl_entities_names_a_place(d, name + 1, end))
            name = given;
    }
    /* the same where the finder left the title apart before "of the" (a
     * title opening its sentence or line: "Chancellor of the Exchequer
     * Nigel Lawson", "Governor of the Bank of England Robin Leigh-Pemberton"):
     * the run after "the" is the title's object and the person's two names */
    size_t names = end - first >= 3 ? person_names(d, first, end) : first;
    bool title_of_the = name == first && first > 2 && names > first &&
                        sl_facts_is(d, first - 1, "the") && !sl_facts_upper(d, first - 1) &&
                        sl_facts_is(d, first - 2, "of") && sl_entities_is_role(d, first - 3) &&
                        !sl_entities_connector(d, first - 3) && sl_facts_upper(d, first - 3) &&
                        d->sent_of[first - 3] == d->sent_of[first] &&
                        !sl_entities_org_word(d, end - 1) &&
                        !sl_entities_connector(d, names - 1) && sl_facts_upper(d, names) &&
                        sl_facts_upper(d, end - 1) && !sl_entities_names_a_place(d, first, end);
    if (title_of_the)
        name = names;
    bool body_title = false; /* "Chairman of Fenwick Corp": a title at the body, not its name */
    if (name > first && name < end && sl_entities_org_word(d, end - 1)) {
        body_title = name - 1 > first && sl_facts_is(d, name - 1, "of");
        if (!body_title)
            name = first; /* "Eskmoor General Hospital", "Defense Department": no title, one name */
    }
    bool has_role = name > first && !body_title;
    if (name >= end || sl_entities_month_name(d, name, end) ||
        (end - name == 1 && (sl_entities_word_no_name(d, name) ||
                             (d->toks.items[name].flags & SL_TOK_NUMBER))))
        return; /* nothing but a title; "in May", "December's", "EST"; the day of "March 31" */
    if (sl_entities_letter_class(d, name, end) || sl_entities_storm_name(d, name, end))
        return; /* "S and P said", "Class A shares", "in Game 5", "Hurricane Sandy" */
    if (end - first == 1 && sl_entities_people_of_country(d, first))
        return; /* "Americans", "Israelis": a group (peoples.c), no one's name */
    if (end - name == 1 && sl_entities_short_form_as_word(d, nm, name, fold))
        return; /* "Us" of a magazine or a headline is no "US" */
    /* lower-case title words right before: "defense minister Yoav Gallant",
     * or before a comma, the name in apposition closed by one: "Britain's
     * foreign secretary, Helen Marsh, called" */
    size_t role_start = first, role_end = first;
    if (!has_role && first > 1 && sl_facts_is(d, first - 1, ",") && !sl_facts_upper(d, first - 2) &&
        (sl_facts_is(d, end, ",") || sl_facts_is(d, end, ".")))
        role_end = first - 1;
    if (!has_role && role_end > 0 && sl_entities_is_role(d, role_end - 1) &&
        !sl_entities_connector(d, role_end - 1) &&
        d->sent_of[role_end - 1] == d->sent_of[first]) {
        role_start = role_end - 1;
        while (role_start > 0 && sl_entities_is_role(d, role_start - 1) &&
               d->sent_of[role_start - 1] == d->sent_of[first])
            role_start--;
        role_start = sl_entities_role_opening(d, role_start);
        has_role = true;
    }
    /* a title opening its sentence, which the finder leaves apart at "of"
     * ("Secretary of State Marian Coldwell" is no "State" only) */
    if (has_role && name > first && !body_title && first > 1 && sl_facts_is(d, first - 1, "of") &&
        sl_entities_is_role(d, first - 2) && sl_facts_upper(d, first - 2) &&
        d->sent_of[first - 2] == d->sent_of[first])
        role_start = first - 2;
    if (title_of_the)
        role_start = first - 3;
    uint32_t a = d->toks.items[name].start; /* "Netanyahu's": no 's */
    uint32_t b = end == nm->end ? nm->stop : d->toks.items[end - 1].end;
    char read[128];
    size_t read_len = b - a;
    const char *text = sl_entities_as_read(d->s + a, &read_len, read, sizeof read);
    /* a name seen before: as written, or as the finder's case variant or
     * alias ("TEL AVIV", "U.S." after "US") */
    const sl_known *seen = sl_known_find(kn, *n_known, text, read_len, a, true);
    if (end - name == 1 && sl_entities_courtesy_before(d, name)) /* "Ms. Acosta" */
        seen = sl_known_middle_person(kn, *n_known, text, read_len, seen);
    if (!seen && nm->refers != k_name)
        seen = by_name[nm->refers];
    bool org_ending = seen && seen->len > read_len && !seen->weak &&
                      !strcmp(seen->type, "organization") &&
                      !memcmp(seen->name + seen->len - read_len, text, read_len);
    if (seen && seen->len > read_len && (seen->weak || org_ending) &&
        (sl_facts_is_place(d->s + a, b - a) ||
         (seen->weak && end - name == 1 && sl_entities_state_possessive(d, name))))
        seen = NULL; /* no short form of a person by shape alone: "Quake Jolts Chile",
                      * "Veldoria's prime minister" after "Forward Veldoria"; nor of a
                      * body named after its country, "Canada" after "Royal Bank of Canada" */
    if (!seen && !dry && starts && name == i && end - name == 1)
        seen = sl_known_later_person(kn, *n_known, text, read_len); /* "Brell thanked" before
                                                              * "Tomas Brell" */
    bool titled_after = starts && name == i && end - name == 1 &&
                        sl_entities_role_in_apposition(d, end);
    if (!seen && starts && name == i && end - name == 1 && !titled_after &&
        ((sl_facts_in(d, end, sl_entity_speech_verbs) < 0 && !sl_entities_age_after(d, end) &&
          !sl_entities_state_possessive(d, name)) ||
         sl_entities_people_noun(d, name)))
        return; /* one capitalised word at a sentence start: no telling ("Bush said": a name;
                 * "Prosecutors said": none) */
    /* a nationality before a lower-case word modifies it ("the Israeli military",
     * "the Israeli and Hamas stances"): no entity, seen or not; nor is a
     * hyphenated compound ("US-brokered") */
    if (end < d->toks.n && d->sent_of[end] == d->sent_of[name] &&
        (d->toks.items[end].flags & SL_TOK_WORD) && !sl_facts_upper(d, end) &&
        (!seen || name == 0 || sl_facts_is(d, name - 1, "the") || sl_facts_is(d, name - 1, "an") ||
         sl_facts_is(d, name - 1, "a")) &&
        (!seen || !(d->toks.items[end].flags & SL_TOK_STOP) || sl_facts_is(d, end, "and")) &&
        sl_facts_in(d, end, sl_entity_subject_verbs) < 0 && sl_facts_in(d, end, sl_entity_day_words) < 0 &&
        sl_entities_origin_adjective(d, name, end))
        return;
    if (end - name >= 2 && sl_entities_currency_word(d, end - 1) &&
        (sl_entities_names_a_place(d, name, end - 1) || (end - name == 2 && dotted_initials(d, name))))
        return; /* a currency: "U.S. Dlrs", "Hong Kong Dollar", "N.Z. Dlrs" */
    if (!seen && end - name == 1 && memchr(d->s + d->toks.items[name].start, '-',
                                           d->toks.items[name].end - d->toks.items[name].start))
        return; /* "Gaza-Egypt", "US-brokered": compounds, not names */
    /* "the Ministry of Defence": a role word inside an organisation's name is no role */
    bool role = has_role && (title_of_the || !(name > first && sl_entities_org_word(d, name - 1)));
    /* a person by its name's shape alone that another mention shows to be an
     * organisation ("San Diego Chargers" ... "the Chargers") is one throughout;
     * a short form in capitals is no acronym ("KOVAC said" after "Andrej Kovac") */
    bool spoken = sl_facts_in(d, end, sl_entity_subject_verbs) >= 0 || sl_entities_age_after(d, end) ||
                  (sl_facts_is(d, end, ",") && sl_facts_is(d, end + 1, "who"));
    if (dry && end - name <= 3 && !sl_entities_titled_of(d, name) &&
        (role || sl_facts_in(d, end, sl_entity_speech_verbs) >= 0 || sl_entities_age_after(d, end) ||
         (sl_facts_is(d, end, ",") && sl_facts_is(d, end + 1, "who"))))
        unplace(kn, *n_known, text, read_len); /* not a tail's: "Brell of Velmora said" */
    /* nor is a surname retyped by "it" or "its" after it ("Gleske said its
     * terms", of Leonhard Gleske's accord): only a name standing alone */
    if (dry && seen && seen->weak && !role &&
        !(seen->len > read_len && sl_entities_all_capitals(d, name, end) && spoken) &&
        !(seen->len > read_len && sl_entities_said_its(d, end))) {
        const char *own =
            sl_entities_classify(d, name, end, role, NULL, starts && name == i, &chain);
        if (own && !strcmp(own, "organization")) {
            kn[seen - kn].type = "organization";
            kn[seen - kn].weak = false;
        }
    }
    const char *type = groups && !role && !seen
                           ? "organization"
                           : sl_entities_classify(d, name, end, role, seen, starts && name == i, &chain);
    bool paired = name > 0 && (sl_facts_is(d, name - 1, "and") || sl_facts_is(d, name - 1, "or"));
    const sl_known *later = type || dry || !paired ? NULL
                             : sl_known_find(kn, *n_known, text, read_len, UINT32_MAX, false);
    if (later && later->len == read_len && !strcmp(later->type, "place")) {
        type = later->type; /* nothing here types it; the same name later does ("the United
                             * States and Velmora" before "Prime Minister ... of Velmora") */
        seen = later;
    }
    if (!type && titled_after)
        type = "person"; /* "Coldwell, the secretary of state, called" */
    if (!type)
        return;
    if (thing && !role && !seen && !strcmp(type, "person"))
        type = "organization"; /* "the Orlen Tannery warehouse": a thing's name */
    if (!role && !seen && !strcmp(type, "person") && sl_entities_all_capitals(d, name, end))
        return; /* "FIRE IN THE MILL": capitals all through say nothing of a name */
    char written[128];
    size_t len = 0;
    if (!seen) {
        len = full_name(d, nm, name, text, read_len, fold, written, sizeof written);
        size_t had = *n_known;
        sl_known_remember(kn, n_known, d, written, len, a, type, !role && !strcmp(type, "person"));
        seen = *n_known > had ? &kn[had] : NULL;
    }
    by_name[k_name] = seen;
    if (dry && seen)
        sl_known_define(d, &kn[seen - kn], end); /* "European Community (EC)" */
    if (dry)
        return;
    sl_fact_item *it = sl_facts_add(d, SL_FACT_ENTITY, a, b);
    if (!it)
        return;
    it->detail = sl_facts_strdup(d, type, strlen(type));
    it->about = seen ? sl_facts_strdup(d, seen->name, seen->len) : sl_facts_strdup(d, written, len);
    if (has_role && name > role_start) {
        size_t role_last = name > first ? name - 1 : role_end - 1;
        uint32_t ra = d->toks.items[role_start].start, rb = d->toks.items[role_last].end;
        it->role = sl_entities_dup_as_read(d, d->s + ra, rb - ra);
    }
}

/* In a title-case headline, only names already known from the body (or
 * places of the gazetteer) are taken: up to three words at a time. */
static size_t headline_name_at(sl_facts_doc *d, const sl_name *nm, size_t i, const sl_known *kn,
                               size_t n_known)
{
    for (size_t len = 3; len >= 1; len--) {
        size_t end = i + len;
        if (end > nm->end)
            continue;
        bool names = true;
        for (size_t k = i; k < end; k++)
            names &= sl_entities_name_word(d, k);
        if (!names)
            continue;
        uint32_t a = d->toks.items[i].start;
        uint32_t b = end == nm->end ? nm->stop : d->toks.items[end - 1].end;
        /* the body's names, wherever met: a headline precedes its body */
        const sl_known *seen = sl_known_find(kn, n_known, d->s + a, b - a, UINT32_MAX, false);
        char title[128];
        if (!seen && sl_entities_all_capitals(d, i, end) && b - a < sizeof title)
            seen = sl_known_find(kn, n_known, title, sl_entities_title_cased(d->s + a, b - a, title),
                                 UINT32_MAX, false);
        const char *type = seen ? seen->type : sl_facts_is_place(d->s + a, b - a) ? "place" : NULL;
        if (!type)
            continue;
        sl_fact_item *it = sl_facts_add(d, SL_FACT_ENTITY, a, b);
        if (it) {
            it->detail = sl_facts_strdup(d, type, strlen(type));
            it->about = seen ? sl_facts_strdup(d, seen->name, seen->len)
                             : sl_facts_strdup(d, d->s + a, b - a);
        }
        return end;
    }
    return i + 1;
}

static bool in_keys(const uint64_t *keys, size_t n, uint64_t key)
{
    for (size_t k = 0; k < n; k++)
        if (keys[k] == key)
            return true;
    return false;
}

/* The keys of the titled persons' "of" tails of the text ("Velmora" of
 * "Prime Minister Tomas Brell of Velmora"), into keys[0, names->n): each
 * name split once, not once for every name paired with a place. */
static size_t tail_keys(const sl_facts_doc *d, const sl_name_vec *names, const char *fold,
                        uint64_t *keys)
{
    size_t n = 0;
    for (size_t k = 0; k < names->n; k++) {
        sl_name head = names->items[k], tail;
        if (sl_entities_titled_tail(d, &head, &tail, fold))
            keys[n++] = tail.key;
    }
    return n;
}

/* Whether a name of that key follows "in", "at" or "near" somewhere in
 * the text, is a titled person's "of" tail (`tails`), or has what only a
 * state has ("Varnholm's prime minister"): a place, even where it is
 * paired with one ("between Al Ain and Dubai" after "felt in Dubai", "the
 * United States and Varnholm"). */
static bool placed_somewhere(const sl_facts_doc *d, const sl_name_vec *names, uint64_t key,
                             const uint64_t *tails, size_t n_tails)
{
    if (in_keys(tails, n_tails, key))
        return true; /* "Prime Minister Tomas Brell of Velmora" */
    for (size_t k = 0; k < names->n; k++) {
        const sl_name *nm = &names->items[k];
        if (nm->key == key && nm->end - nm->first == 1 &&
            sl_entities_state_possessive(d, nm->first))
            return true;
        if (nm->key == key && nm->first > 0 &&
            (sl_facts_is(d, nm->first - 1, "in") || sl_facts_is(d, nm->first - 1, "at") ||
             sl_facts_is(d, nm->first - 1, "near")))
            return true;
    }
    return false;
}

/* The keys of the names the text speaks of as groups, anywhere in it: after
 * a group noun, before a member noun, or paired with a country (unless it is
 * a place elsewhere). */
static size_t group_keys(const sl_facts_doc *d, const sl_name_vec *names, const uint64_t *tails,
                         size_t n_tails, uint64_t *keys, size_t cap)
{
    size_t n = 0;
    for (size_t k = 0; k < names->n && n < cap; k++) {
        const sl_name *nm = &names->items[k];
        bool before = nm->first > 0 && !sl_facts_upper(d, nm->first - 1) &&
                      sl_facts_in(d, nm->first - 1, sl_entity_group_nouns) >= 0;
        bool after = !(nm->flags & SL_NAME_POSSESSIVE) && sl_facts_in(d, nm->end, sl_entity_member_nouns) >= 0;
        bool paired = nm->end - nm->first == 1 &&
                      !sl_facts_is_place(d->s + nm->start, nm->stop - nm->start) &&
                      ((k > 0 && sl_entities_paired_with_place(d, &names->items[k - 1], nm)) ||
                       (k + 1 < names->n && sl_entities_paired_with_place(d, nm, &names->items[k + 1]))) &&
                      /* last: it reads every name */
                      !placed_somewhere(d, names, nm->key, tails, n_tails);
        if (nm->end - nm->first <= 3 && (before || after || paired))
            keys[n++] = nm->key;
    }
    return n;
}

/* Whether name nm qualifies the lower-case noun after it, after "the", "a"
 * or "an" ("the Orlen Tannery warehouse", "a Golden Lantern nomination"):
 * of two or more words, a thing's name, not a person's ("a"/"an" since
 * branch names6: ECB+ held out P 0.819 -> 0.827, R 0.869 -> 0.868,
 * docs/eval.md "The sixth names round"). */
static bool modifies_noun(const sl_facts_doc *d, const sl_name *nm)
{
    if (nm->end - nm->first < 2 || nm->end >= d->toks.n || (nm->flags & SL_NAME_POSSESSIVE) ||
        d->sent_of[nm->end] != d->sent_of[nm->first])
        return false;
    const sl_token *next = &d->toks.items[nm->end];
    if (!(next->flags & SL_TOK_WORD) || (next->flags & (SL_TOK_STOP | SL_TOK_UPPER | SL_TOK_ALLCAPS)))
        return false;
    size_t article = nm->first - 1;
    return nm->first > 0 && (sl_facts_is(d, article, "the") || sl_facts_is(d, article, "a") ||
                             sl_facts_is(d, article, "an"));
}

/* Whether name nm is a thing's by its mention: it qualifies a noun, or
 * ", which" follows it, as no person's name does ("Marlow Hale, which
 * opened in 1990"; a person's takes "who"), or the words around it make it
 * a work's title ("the `` Mean Girls '' star") or it is a ship's ("INS
 * Sukanya"). */
static bool thing_mention(const sl_facts_doc *d, const sl_name *nm)
{
    return modifies_noun(d, nm) ||
           (sl_facts_is(d, nm->end, ",") && sl_facts_is(d, nm->end + 1, "which")) ||
           sl_entities_work_title(d, nm->first, nm->end) ||
           sl_entities_work_by_apposition(d, nm->first, nm->end) ||
           sl_entities_vessel(d, nm->first, nm->end);
}

/* Whether a name of that key qualifies premises somewhere in the text: a
 * place ("outside a Hawaiian Gardens apartment"), though it qualifies other
 * nouns too ("a Hawaiian Gardens gang member"). */
static bool premises_somewhere(const sl_facts_doc *d, const sl_name_vec *names, uint64_t key)
{
    for (size_t k = 0; k < names->n; k++) {
        const sl_name *nm = &names->items[k];
        if (nm->key == key && sl_entities_premises_of(d, nm->first, nm->end))
            return true;
    }
    return false;
}

/* Whether mention nm is the surname of the name chain's first mention
 * `head`: one word, its last ("Tolland" of "Rhea Tolland"; a firm is
 * shortened to its first words, "Wells" of "Wells Fargo"). */
static bool surname_of(const sl_facts_doc *d, const sl_name *nm, const sl_name *head)
{
    size_t n, m;
    const char *w = sl_facts_tok(d, nm->first, &n), *last = sl_facts_tok(d, head->end - 1, &m);
    return nm->end - nm->first == 1 && head->end - head->first >= 2 && n == m &&
           !memcmp(w, last, n);
}

/* Whether a mention of the name chain `root` (the finder's `refers`: the
 * name, its repeats and short forms) says it is a person's: a role or a
 * player's post before it ("first baseman Mark Teixeira"), "who" or an age
 * after it, or a verb of speech after its surname ("a
 * Rhea Tolland tweet" beside "Tolland said"; a firm speaks too, "Wells
 * Fargo said"). */
static bool personal_somewhere(const sl_facts_doc *d, const sl_name_vec *names, uint32_t root)
{
    for (size_t k = 0; k < names->n; k++) {
        const sl_name *nm = &names->items[k];
        if (nm->refers != root)
            continue;
        if ((sl_entities_is_role(d, nm->first) && !sl_entities_org_word(d, nm->end - 1)) ||
            (nm->first > 0 && sl_entities_is_role(d, nm->first - 1) &&
             !sl_entities_connector(d, nm->first - 1)) ||
            (nm->first > 0 && !sl_facts_upper(d, nm->first - 1) &&
             sl_facts_in(d, nm->first - 1, sl_entity_team_positions) >= 0 &&
             !sl_entities_org_word(d, nm->end - 1)) || /* "first baseman Mark Teixeira" */
            sl_entities_age_after(d, nm->end) ||
            (sl_facts_is(d, nm->end, ",") && sl_facts_is(d, nm->end + 1, "who")) ||
            (sl_facts_in(d, nm->end, sl_entity_speech_verbs) >= 0 &&
             surname_of(d, nm, &names->items[root])))
            return true;
    }
    return false;
}


static size_t modifier_keys(const sl_facts_doc *d, const sl_name_vec *names, uint64_t *keys,
                            size_t cap)
{
    size_t n = 0;
    for (size_t k = 0; k < names->n && n < cap; k++)
        if (thing_mention(d, &names->items[k]) &&
            !premises_somewhere(d, names, names->items[k].key) &&
            !personal_somewhere(d, names, names->items[k].refers))
            keys[n++] = names->items[k].key;
    return n;
}

/* Whether the name of key `key` stands anywhere in the text but at index `k`. */
static bool named_elsewhere(const sl_name_vec *names, size_t k, uint64_t key)
{
    for (size_t j = 0; j < names->n; j++)
        if (j != k && names->items[j].key == key)
            return true;
    return false;
}

/* Whether names k and k + 1 are one firm's, joined by an ampersand:
 * "Brandt & Sons", "Procter & Gamble". */
static bool joined_firm(const sl_facts_doc *d, const sl_name_vec *names, size_t k)
{
    const sl_name *a = &names->items[k], *b = &names->items[k + 1];
    return b->first == a->end + 1 && sl_facts_is(d, a->end, "&") &&
           d->sent_of[a->end] == d->sent_of[b->first] && !(a->flags & SL_NAME_POSSESSIVE);
}

/* Whether the name b of two words or more opens with a gazetteer place
 * ("Cornwall Police"). */
static bool place_opens(const sl_facts_doc *d, const sl_name *b)
{
    size_t n;
    const char *w = sl_facts_tok(d, b->first, &n);
    return b->end - b->first >= 2 && sl_facts_is_place(w, n);
}

/* Whether names k and k + 1 are one body's, joined by "and" before an
 * organisation word: "the Food and Drug Administration", "the Securities
 * and Exchange Commission"; neither named on its own elsewhere, nor the
 * first a place (but before a body's name opening with another: "Devon and
 * Cornwall Police"), an acronym or a body's whole name ("Kestrel and Vantor
 * Group" after "Kestrel said", "the New York Times and Los Angeles Times",
 * "TMZ and Radar Online": two), nor the
 * second a body's whole name by its "X of" ("the Bank of Varna and Bank of
 * Communications"; not "American Telephone and Telegraph Co"). */
static bool joined_body(const sl_facts_doc *d, const sl_name_vec *names, size_t k)
{
    /* a body's words that open a pair with "and" as well: "Sumitomo Trust
     * and Banking Co", "the Management and Coordination Agency" */
    static const char *const pairing[] = {"trust", "management", NULL};
    const sl_name *a = &names->items[k], *b = &names->items[k + 1];
    return b->first == a->end + 1 && sl_facts_is(d, a->end, "and") &&
           !(a->flags & SL_NAME_POSSESSIVE) && a->end - a->first <= 3 &&
           sl_entities_org_word(d, b->end - 1) &&
           (!sl_entities_org_word(d, a->end - 1) || sl_facts_in(d, a->end - 1, pairing) >= 0) &&
           !(a->end - a->first == 1 && sl_entities_all_capitals(d, a->first, a->end) &&
             !sl_entities_all_capitals(d, b->first, b->end)) && /* "TMZ and Radar Online" */
           !(sl_facts_in(d, b->first, sl_entity_org_words) >= 0 &&
             sl_facts_is(d, b->first + 1, "of")) &&
           (!sl_facts_is_place(d->s + a->start, a->stop - a->start) || place_opens(d, b)) &&
           !named_elsewhere(names, k, a->key) && !named_elsewhere(names, k + 1, b->key);
}

/* Whether name nm (names->items[*k]) is a product's, by a model number in
 * it ("Airbus A320") or right after it ("Boeing 737", "Boeing 737 MAX"),
 * which it then takes in, with one name word after the number (*k moves
 * past that name). A product is a thing, never a person. */
static bool with_model(const sl_facts_doc *d, sl_name *nm, const sl_name_vec *names, size_t *k)
{
    for (size_t i = nm->first; i < nm->end; i++)
        if (sl_entities_model_number(d, i))
            return true;
    size_t num = nm->end;
    if (num >= d->toks.n || (nm->flags & SL_NAME_POSSESSIVE) ||
        d->sent_of[num] != d->sent_of[nm->first] || d->toks.items[num].start != nm->stop + 1 ||
        !(d->toks.items[num].flags & SL_TOK_NUMBER) || !sl_entities_model_number(d, num))
        return false;
    nm->end = num + 1;
    nm->stop = d->toks.items[num].end;
    const sl_name *next = *k + 1 < names->n ? &names->items[*k + 1] : NULL;
    if (next && next->first == num + 1 && next->end - next->first == 1 &&
        d->toks.items[num + 1].start == nm->stop + 1) {
        nm->end = next->end; /* "737 MAX" */
        nm->stop = next->stop;
        (*k)++;
    }
    return true;
}

/* Most names spoken of as groups remembered per article. */
#define MAX_GROUPS 64

void sl_facts_entities(sl_facts_doc *d)
{
    sl_known kn[SL_KNOWN_MAX];
    size_t n_known = 0;
    sl_text_names found = {.fold = SL_BUF_INIT};
    const sl_name_vec *given = d->names ? &d->names->names : NULL;
    if (!given && sl_names_find(d->s, d->toks.items, d->toks.n, d->sents.items, d->sents.n,
                                &found.names, &found.fold))
        d->err = SL_ENOMEM;
    if (!d->err && sl_entities_find_place_openers(d, sl_entity_place_words))
        d->err = SL_ENOMEM;
    const sl_name_vec names = given ? *given : found.names;
    const sl_buf fold = given ? d->names->fold : found.fold;
    const sl_known **by_name = NULL; /* per name, the entity it was taken as */
    uint64_t *tails = NULL;       /* the titled persons' "of" tails */
    uint8_t *memo = NULL;         /* per chain root, what its mentions say (entity_chains.h) */
    uint32_t *links = NULL;       /* per name, its chain's next mention */
    if (!d->err && names.n && (!(by_name = sl_calloc(names.n, sizeof *by_name)) ||
                               !(tails = sl_calloc(names.n, sizeof *tails)) ||
                               !(memo = sl_calloc(names.n, sizeof *memo)) ||
                               !(links = sl_calloc(names.n, sizeof *links)) ||
                               !sl_entities_chain_index(d, &names, memo, links)))
        d->err = SL_ENOMEM;
    const sl_name_chain chains = {&names, 0, memo, links};
    size_t n_tails = d->err ? 0 : tail_keys(d, &names, fold.ptr, tails);
    uint64_t groups[MAX_GROUPS];
    size_t n_groups = d->err ? 0 : group_keys(d, &names, tails, n_tails, groups, MAX_GROUPS);
    uint64_t things[MAX_GROUPS];
    size_t n_things = d->err ? 0 : modifier_keys(d, &names, things, MAX_GROUPS);
    /* two passes: the first learns the names of the whole text, so that a
     * name is typed and listed the same before its fullest mention as after */
    for (int dry = 1; dry >= 0 && !d->err; dry--) {
        if (!dry && names.n)
            memset(by_name, 0, names.n * sizeof *by_name);
        for (size_t k = 0; k < names.n && !d->err; k++) {
            size_t at = k;
            sl_name nm = names.items[k];
            if (nm.flags & SL_NAME_HEADLINE)
                continue;
            /* the finder ends a name at a possessive; an organisation's name
             * holds one: "the Sheriff's Department", "City Attorney's Office" */
            const sl_name *next = k + 1 < names.n ? &names.items[k + 1] : NULL;
            bool firm = next && joined_firm(d, &names, k);
            if (((nm.flags & SL_NAME_POSSESSIVE) && next && next->first == nm.end &&
                 sl_entities_org_word(d, next->end - 1)) ||
                firm || (next && joined_body(d, &names, k))) {
                nm.end = next->end;
                nm.stop = next->stop;
                k++;
            }
            bool model = with_model(d, &nm, &names, &k);
            sl_name tail;
            if (!model && sl_entities_titled_tail(d, &nm, &tail, fold.ptr)) {
                tail.refers = (uint32_t)at; /* its own: the head's entity is not its */
                entity_at(d, NULL, &tail, at, kn, &n_known, by_name, fold.ptr,
                          in_keys(groups, n_groups, tail.key), false, dry);
            }
            entity_at(d, &chains, &nm, at, kn, &n_known, by_name, fold.ptr,
                      firm || in_keys(groups, n_groups, nm.key),
                      model || in_keys(things, n_things, nm.key), dry);
            /* the chain's head was no name ("GENEVA (Reuters) -" opening the
             * text): its case variants take this mention's entity; not a
             * mention joined to the next name ("Poland's National Bank"), nor
             * one of another key (a surname's chain) */
            if (!by_name[nm.refers] && nm.end == names.items[at].end &&
                names.items[nm.refers].key == nm.key)
                by_name[nm.refers] = by_name[at];
        }
    }
    for (size_t k = 0; k < names.n && !d->err; k++) {
        const sl_name *nm = &names.items[k];
        for (size_t i = nm->first; (nm->flags & SL_NAME_HEADLINE) && i < nm->end && !d->err;)
            i = sl_entities_name_word(d, i) ? headline_name_at(d, nm, i, kn, n_known) : i + 1;
    }
    for (size_t k = 0; k < n_known; k++)
        free(kn[k].name);
    free(by_name);
    free(tails);
    free(memo);
    free(links);
    sl_entities_free_place_openers(d);
    sl_vec_free(&found.names);
    sl_buf_free(&found.fold);
}
