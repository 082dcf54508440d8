"""Seeds (five web reports of one story): the facts stage end to end.

- quotes: every quote found has a speaker, and none is a scare quote (fewer
  than three words);
- the five reports' story repeats facts (the visit number, the months of
  war, the death toll, the number of phases, the date the war began): the
  cross-check must group at least five facts stated by two or more reports,
  counting a copy and its original as one source (the reworded pair states
  facts the others do not: those facts have fewer sources than reports);
- no conflict where none exists (the reports agree on all of these);
- the page chrome of the raw files (share and view counters on lines of
  their own) yields no number."""
import glob
import json
import os
import re
import subprocess

from facts_common import extract

BARE = re.compile(r"^[\d\s.,:/|·-]*$")


def run(binary, db, *args):
    res = subprocess.run([binary, "--db", db] + list(args), check=True, capture_output=True)
    return res.stdout.decode("utf-8")


def evaluate(binary, db, seeds_dir):
    files = sorted(glob.glob(os.path.join(seeds_dir, "*.txt")))
    store = db + ".seeds"
    if os.path.exists(store):
        os.unlink(store)
    subprocess.run([binary, "--quiet", "--db", store, "ingest"] + files, check=True)
    stories = json.loads(run(binary, store, "--json", "stories"))
    largest = max(stories["stories"], key=lambda s: len(s["articles"]))
    story = largest["id"]
    facts = json.loads(run(binary, store, "--json", "facts", str(story)))["facts"]
    repeated = [f for f in facts if len(f["agree"]) >= 2]
    collapsed = [f for f in repeated if len(f["sources"]) < len(f["agree"])]
    conflicts = [f for f in facts if f["conflict"]]
    for f in repeated:
        print("  repeated: %-22s %-12s %d reports, %d sources"
              % (f["about"], f["text"][:30], len(f["agree"]), len(f["sources"])))
    for f in conflicts:
        print("  CONFLICT: %s" % f["about"])
    raw = extract(binary, db, files)
    quotes = [q for r in raw for q in r["quotes"]]
    unattributed = [q for q in quotes if not q.get("speaker")]
    scare = [q for q in quotes if len(q["text"].split()) < 3]
    chrome = 0
    for path, r in zip(files, raw):
        data = open(path, "rb").read()
        for n in r["numbers"]:
            a, b = n["sentence"]
            if BARE.match(data[a:b].decode("utf-8", "replace")):
                chrome += 1
    for q in quotes:
        print("  quote of %d words: %s (%s)" % (len(q["text"].split()), q.get("speaker"), q.get("cue")))
    print("  %d quotes, %d without speaker, %d scare quotes; %d numbers from chrome lines"
          % (len(quotes), len(unattributed), len(scare), chrome))
    return {"seeds_facts_repeated": len(repeated), "seeds_facts_conflicts": len(conflicts),
            "seeds_facts_copies_as_one_source": len(collapsed),
            "seeds_quotes": len(quotes), "seeds_quotes_unattributed": len(unattributed),
            "seeds_quotes_scare": len(scare), "seeds_chrome_numbers": chrome}
