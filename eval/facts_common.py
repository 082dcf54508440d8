"""Shared helpers of the facts evaluations: run `storyline facts --text` on
files and turn its byte offsets into character offsets."""
import json
import os
import subprocess
import tempfile


def make_store(binary, db):
    """A store for the read-only facts command (extraction does not use it)."""
    if os.path.exists(db):
        return
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("An empty store for the facts evaluations.\n")
    subprocess.run([binary, "--quiet", "--db", db, "ingest", f.name], check=True)
    os.unlink(f.name)


def extract(binary, db, paths, published=None, batch=200):
    """Facts JSON per path, in order."""
    out = []
    for i in range(0, len(paths), batch):
        cmd = [binary, "--db", db, "facts"]
        if published:
            cmd += ["--published", published]
        cmd += ["--text"] + paths[i:i + batch]
        res = subprocess.run(cmd, check=True, capture_output=True)
        for line in res.stdout.decode("utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line))
    if len(out) != len(paths):
        raise SystemExit("facts --text gave %d results for %d files" % (len(out), len(paths)))
    return out


def char_offsets(data):
    """Maps byte offsets of UTF-8 `data` (bytes) to character offsets."""
    table = [0] * (len(data) + 1)
    chars = 0
    for i, b in enumerate(data):
        table[i] = chars
        if b & 0xC0 != 0x80:
            chars += 1
    table[len(data)] = chars
    return table


def prf(matched, predicted, gold):
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
