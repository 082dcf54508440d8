/* demonyms.c — the words that name a country's people ("Egyptian",
 * "Americans", "Britons"), each with the country it names, so that the
 * entity typer reads a nationality as a group linked to its country and a
 * title across it ("the Egyptian president"). The table is written by
 * hand from general knowledge (iso-codes has no demonyms): no evaluation
 * data. Country names are those the gazetteer knows or their common form. */
#include <stdlib.h>
#include <string.h>

#include "facts/facts.h"

typedef struct {
    const char *word; /* the adjective or singular noun, capitalised */
    const char *country;
} demonym;

/* Sorted by word (strcmp), for bsearch. */
static const demonym demonyms[] = {
    {"Afghan", "Afghanistan"},
    {"Albanian", "Albania"},
    {"Algerian", "Algeria"},
    {"American", "United States"},
    {"Angolan", "Angola"},
    {"Argentine", "Argentina"},
    {"Argentinian", "Argentina"},
    {"Armenian", "Armenia"},
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

typedef struct {
    const char *s;
    size_t n;
} word_key;

static int cmp_word(const void *key, const void *entry)
{
    const word_key *k = key;
    const char *w = ((const demonym *)entry)->word;
    int c = strncmp(k->s, w, k->n);
    return c ? c : (w[k->n] ? -1 : 0);
}

static const demonym *find(const char *w, size_t n)
{
    word_key key = {w, n};
    return bsearch(&key, demonyms, sizeof demonyms / sizeof *demonyms, sizeof *demonyms,
                   cmp_word);
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
