/* text_samples.c — three short texts of one news item, in English, German
 * and French, that the text stage's unit tests share (text_samples.h). */
#include "text_samples.h"

const char english[] =
    "The regional council voted on Tuesday to close the old ferry terminal, saying the "
    "repairs it needs would cost more than a new building. Residents who use the ferry "
    "every day said they had not been told about the plan.";
const char german[] =
    "Der Stadtrat hat am Dienstag beschlossen, das alte F\xC3\xA4hrterminal zu schlie\xC3\x9F" "en, "
    "weil die n\xC3\xB6tigen Reparaturen teurer w\xC3\xA4ren als ein Neubau. Viele Anwohner, die "
    "jeden Tag mit der F\xC3\xA4hre fahren, wussten nichts von dem Plan.";
const char french[] =
    "Le conseil r\xC3\xA9gional a vot\xC3\xA9 mardi la fermeture de l'ancien terminal des ferries, "
    "estimant que les r\xC3\xA9parations co\xC3\xBBteraient plus cher qu'un nouveau b\xC3\xA2timent. "
    "Les habitants qui prennent le ferry chaque jour n'avaient pas \xC3\xA9t\xC3\xA9 inform\xC3\xA9s.";
