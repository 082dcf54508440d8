"""Writes a fitted model into a C source file: the lines between its
/* BEGIN MODEL */ and /* END MODEL */ markers are replaced (fit_extraction.py,
fit_titles.py)."""
import re


def wrap(items):
    """C initialiser lines of at most 100 columns."""
    lines, line = [], "   "
    for item in items:
        if len(line) + len(item) + 2 > 100:
            lines.append(line.rstrip())
            line = "   "
        line += " " + item + ","
    return lines + [line.rstrip()]


def replace_model(path, body):
    """Puts `body` (the model's lines, without the markers) between the markers of `path`."""
    lines = ["/* BEGIN MODEL */"] + body + ["/* END MODEL */"]
    src = open(path).read()
    src = re.sub(r"/\* BEGIN MODEL \*/.*?/\* END MODEL \*/", lambda m: "\n".join(lines), src, flags=re.S)
    open(path, "w").write(src)
