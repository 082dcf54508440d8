/* demonyms.c — the words that name a country's people ("Egyptian",
 * "Americans", "Britons"), each with the country it names, so that the
 * entity typer reads a nationality as a group linked to its country and a
 * title across it ("the Egyptian president"). The table is written by
 * hand from general knowledge (iso-codes has no demonyms): no evaluation
 * data. Country names are those the gazetteer knows or their common form;
 * a continent's adjective names its continent ("Asian": "East Asian
 * economies" is no place, as "North Korean" is none). */
#include <pthread.h>
#include <string.h>

#include "facts/facts.h"

typedef struct {
    const char *word; /* the adjective or singular noun, capitalised */
    const char *country;
} demonym;

/* Sorted by word (strcmp), so that no word is listed twice (a unit test checks). */
static const demonym demonyms[] = {
    {"Afghan", "Afghanistan"},
    {"African", "Africa"},
    {"Albanian", "Albania"},
    {"Algerian", "Algeria"},
    {"American", "United States"},
    {"Angolan", "Angola"},
    {"Argentine", "Argentina"},
    {"Argentinian", "Argentina"},
    {"Armenian", "Armenia"},
    {"Asian", "Asia"},
    {"Australian", "Australia"},
    {"Austrian", "Austria"},
    {"Azerbaijani", "Azerbaijan"},
    {"Bahraini", "Bahrain"},
    {"Bangladeshi", "Bangladesh"},
    {"Belarusian", "Belarus"},
    {"Belgian", "Belgium"},
    {"Bolivian", "Bolivia"},
    {"Bosnian", "Bosnia and Herzegovina"},
    {"Brazilian", "Brazil"},
    {"British", "United Kingdom"},
    {"Briton", "United Kingdom"},
    {"Bulgarian", "Bulgaria"},
    {"Burmese", "Myanmar"},
    {"Cambodian", "Cambodia"},
    {"Cameroonian", "Cameroon"},
    {"Canadian", "Canada"},
    {"Chadian", "Chad"},
    {"Chilean", "Chile"},
    {"Chinese", "China"},
    {"Colombian", "Colombia"},
    {"Congolese", "Congo"},
    {"Croat", "Croatia"},
    {"Croatian", "Croatia"},
    {"Cuban", "Cuba"},
    {"Cypriot", "Cyprus"},
    {"Czech", "Czechia"},
    {"Danish", "Denmark"},
    {"Dominican", "Dominican Republic"},
    {"Dutch", "Netherlands"},
    {"Ecuadorian", "Ecuador"},
    {"Egyptian", "Egypt"},
    {"Emirati", "United Arab Emirates"},
    {"English", "England"},
    {"Eritrean", "Eritrea"},
    {"Estonian", "Estonia"},
    {"Ethiopian", "Ethiopia"},
    {"European", "Europe"},
    {"Fijian", "Fiji"},
    {"Filipino", "Philippines"},
    {"Finnish", "Finland"},
    {"French", "France"},
    {"Georgian", "Georgia"},
    {"German", "Germany"},
    {"Ghanaian", "Ghana"},
    {"Greek", "Greece"},
    {"Guatemalan", "Guatemala"},
    {"Guinean", "Guinea"},
    {"Haitian", "Haiti"},
    {"Honduran", "Honduras"},
    {"Hungarian", "Hungary"},
    {"Icelandic", "Iceland"},
    {"Indian", "India"},
    {"Indonesian", "Indonesia"},
    {"Iranian", "Iran"},
    {"Iraqi", "Iraq"},
    {"Irish", "Ireland"},
    {"Israeli", "Israel"},
    {"Italian", "Italy"},
    {"Ivorian", "Côte d'Ivoire"},
    {"Jamaican", "Jamaica"},
    {"Japanese", "Japan"},
    {"Jordanian", "Jordan"},
    {"Kazakh", "Kazakhstan"},
    {"Kenyan", "Kenya"},
    {"Korean", "Korea"},
    {"Kosovar", "Kosovo"},
    {"Kuwaiti", "Kuwait"},
    {"Kyrgyz", "Kyrgyzstan"},
    {"Lankan", "Sri Lanka"}, /* "Sri Lankan": its last word */
    {"Laotian", "Laos"},
    {"Latvian", "Latvia"},
    {"Lebanese", "Lebanon"},
    {"Liberian", "Liberia"},
    {"Libyan", "Libya"},
    {"Lithuanian", "Lithuania"},
    {"Luxembourgish", "Luxembourg"},
    {"Macedonian", "North Macedonia"},
    {"Malagasy", "Madagascar"},
    {"Malawian", "Malawi"},
    {"Malaysian", "Malaysia"},
    {"Malian", "Mali"},
    {"Maltese", "Malta"},
    {"Mauritanian", "Mauritania"},
    {"Mexican", "Mexico"},
    {"Moldovan", "Moldova"},
    {"Mongolian", "Mongolia"},
    {"Montenegrin", "Montenegro"},
    {"Moroccan", "Morocco"},
    {"Mozambican", "Mozambique"},
    {"Namibian", "Namibia"},
    {"Nepalese", "Nepal"},
    {"Nepali", "Nepal"},
    {"Nicaraguan", "Nicaragua"},
    {"Nigerian", "Nigeria"},
    {"Nigerien", "Niger"},
    {"Norwegian", "Norway"},
    {"Omani", "Oman"},
    {"Pakistani", "Pakistan"},
    {"Palestinian", "Palestine"},
    {"Panamanian", "Panama"},
    {"Paraguayan", "Paraguay"},
    {"Peruvian", "Peru"},
    {"Pole", "Poland"},
    {"Polish", "Poland"},
    {"Portuguese", "Portugal"},
    {"Qatari", "Qatar"},
    {"Romanian", "Romania"},
    {"Russian", "Russia"},
    {"Rwandan", "Rwanda"},
    {"Saudi", "Saudi Arabia"},
    {"Scot", "Scotland"},
    {"Scottish", "Scotland"},
    {"Senegalese", "Senegal"},
    {"Serb", "Serbia"},
    {"Serbian", "Serbia"},
    {"Sierra", "Leonean Sierra Leone"},
    {"Singaporean", "Singapore"},
    {"Slovak", "Slovakia"},
    {"Slovenian", "Slovenia"},
    {"Somali", "Somalia"},
    {"Somalian", "Somalia"},
    {"South", "African South Africa"},
    {"Spaniard", "Spain"},
    {"Spanish", "Spain"},
    {"Sudanese", "Sudan"},
    {"Swede", "Sweden"},
    {"Swedish", "Sweden"},
    {"Swiss", "Switzerland"},
    {"Syrian", "Syria"},
    {"Taiwanese", "Taiwan"},
    {"Tajik", "Tajikistan"},
    {"Tanzanian", "Tanzania"},
    {"Thai", "Thailand"},
    {"Tibetan", "Tibet"},
    {"Togolese", "Togo"},
    {"Tunisian", "Tunisia"},
    {"Turk", "Turkey"},
    {"Turkish", "Turkey"},
    {"Turkmen", "Turkmenistan"},
    {"Ugandan", "Uganda"},
    {"Ukrainian", "Ukraine"},
    {"Uruguayan", "Uruguay"},
    {"Uzbek", "Uzbekistan"},
    {"Venezuelan", "Venezuela"},
    {"Vietnamese", "Viet Nam"},
    {"Welsh", "Wales"},
    {"Yemeni", "Yemen"},
    {"Zambian", "Zambia"},
    {"Zimbabwean", "Zimbabwe"},
};

/* The words by hash (sl_facts_word_hash), made once a process: open
 * addressing, a word's index + 1 in its slot (0: empty). The entity typer
 * asks at capitalised tokens, some twice (the plural): a bsearch of
 * strncmp's there was 0.9% of a Reuters ingest's instructions
 * (docs/history/benchmarks-rounds.md, "Seventeenth round: CPU outside the store"). */
#define N_DEMONYMS (sizeof demonyms / sizeof *demonyms)
#define DEMONYM_SLOTS 512
static uint16_t demonym_slot[DEMONYM_SLOTS];
static uint8_t demonym_len[N_DEMONYMS];
static pthread_once_t demonym_once = PTHREAD_ONCE_INIT;

static void index_demonyms(void)
{
    for (size_t k = 0; k < N_DEMONYMS; k++) {
        size_t n = strlen(demonyms[k].word);
        uint32_t at = sl_facts_word_hash(demonyms[k].word, n) & (DEMONYM_SLOTS - 1);
        while (demonym_slot[at])
            at = (at + 1) & (DEMONYM_SLOTS - 1);
        demonym_slot[at] = (uint16_t)(k + 1);
        demonym_len[k] = (uint8_t)n;
    }
}

/* The entry whose word is w[0, n) exactly (case and all); `hash` is
 * sl_facts_word_hash(w, n). */
static const demonym *find_hashed(const char *w, size_t n, uint32_t hash)
{
    pthread_once(&demonym_once, index_demonyms);
    for (uint32_t at = hash & (DEMONYM_SLOTS - 1); demonym_slot[at];
         at = (at + 1) & (DEMONYM_SLOTS - 1)) {
        size_t k = demonym_slot[at] - 1u;
        if (demonym_len[k] == n && !memcmp(demonyms[k].word, w, n))
            return &demonyms[k];
    }
    return NULL;
}

static const demonym *find(const char *w, size_t n)
{
    return find_hashed(w, n, sl_facts_word_hash(w, n));
}

/* Exposed for the unit test: every word found, and each once (sorted). */
int sl_facts_demonyms_sorted(void);
int sl_facts_demonyms_sorted(void)
{
    for (size_t k = 0; k < N_DEMONYMS; k++)
        if ((k && strcmp(demonyms[k - 1].word, demonyms[k].word) >= 0) ||
            find(demonyms[k].word, strlen(demonyms[k].word)) != &demonyms[k])
            return 0;
    return 1;
}

const char *sl_facts_demonym_country(const char *w, size_t n, bool *plural)
{
    const demonym *hit = find(w, n);
    *plural = false;
    if (!hit && n > 3 && w[n - 1] == 's') { /* "Americans", "Israelis", "Britons", "Swedes" */
        hit = find(w, n - 1);
        *plural = hit != NULL;
    }
    return hit ? hit->country : NULL;
}

bool sl_facts_demonym(const char *w, size_t n, uint32_t hash)
{
    return find_hashed(w, n, hash) != NULL;
}
