"""make eval for the facts stage: quotes (PolNeAR dev, by outlet with
each outlet left out of the speaker chooser's fit, and rewritten into other
outlets' styles), numbers (NewsQuant),
entities (ECB+ and the seeds), and the seeds' cross-check. Prints findings and
`SCORE name value` lines. Usage: facts.py --bin B --db D --data DATASETS
[--only quotes,outlets,styles,numbers,entities,seeds]"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from facts_common import make_store  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--only", default="quotes,outlets,styles,numbers,entities,seeds")
    ap.add_argument("--split", default="dev",
                    help="dev: the reported splits; train: the tuning ones (PolNeAR train, "
                         "NewsQuant's even sentences)")
    args = ap.parse_args()
    make_store(args.bin, args.db)
    scores = {}
    parts = args.only.split(",")
    if "quotes" in parts:
        import facts_quotes
        print("--- quotes: quotes/polnear (%s split)" % args.split)
        scores.update(facts_quotes.evaluate(args.bin, args.db,
                                            os.path.join(args.data, "quotes/polnear"), args.split))
    if "outlets" in parts and args.split == "dev":
        import facts_quotes_outlets
        print("--- quotes: quotes/polnear by outlet")
        scores.update(facts_quotes_outlets.evaluate(args.bin,
                                                           os.path.join(args.data, "quotes/polnear")))
    if "styles" in parts:
        import facts_quotes_styles
        print("--- quotes: quotes/polnear (%s split) in other outlets' styles" % args.split)
        scores.update(facts_quotes_styles.evaluate(
            args.bin, args.db, os.path.join(args.data, "quotes/polnear"), args.split,
            out_dir=os.path.join(os.path.dirname(os.path.abspath(args.db)), "quote_styles")))
    if "numbers" in parts:
        import facts_numbers
        print("--- numbers: numbers/newsquant")
        scores.update(facts_numbers.evaluate(args.bin, args.db,
                                             os.path.join(args.data, "numbers/newsquant"),
                                             "dev" if args.split == "train" else "test"))
    if "entities" in parts:
        import facts_entities
        print("--- entities: clustering/ecbplus and seeds")
        scores.update(facts_entities.evaluate(args.bin, args.db, args.data,
                                              "dev" if args.split == "dev" else "train"))
    if "seeds" in parts:
        import facts_seeds
        print("--- seeds: quotes, repeated facts, conflicts, chrome counters")
        scores.update(facts_seeds.evaluate(args.bin, args.db, os.path.join(args.data, "seeds")))
    for k, v in scores.items():
        print("SCORE %s %.3f" % (k, v))


if __name__ == "__main__":
    main()
