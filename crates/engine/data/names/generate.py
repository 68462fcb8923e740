#!/usr/bin/env python3
"""Writes given-names.txt: the first names discovery uses to recognise a person's name.

Source: nam_dict.txt from the PyPI package gender-guesser 0.4.0 (Jörg Michael's name
dictionary, GNU Free Documentation License 1.2 or later). Kept: every name that is at least
fairly common (frequency 3 of 13 or more) in some country. Left out: names whose lower-case
form is an ordinary German word in Debian's wngerman list (`Will`: `will`), so that a word
that only starts a sentence never starts a name.

Usage (from this folder):
    pip download gender-guesser==0.4.0 --no-deps -d /tmp/gg && unzip -o /tmp/gg/*.whl -d /tmp/gg
    apt-get install -y wngerman
    python3 generate.py /tmp/gg/gender_guesser/data/nam_dict.txt /usr/share/dict/ngerman
"""
import sys

nam_dict, ngerman = sys.argv[1], sys.argv[2]
lower_words = {w.strip() for w in open(ngerman, encoding="utf-8", errors="replace") if w[:1].islower()}
names = set()
for line in open(nam_dict, encoding="utf-8"):
    if line.startswith("#") or len(line) < 31:
        continue
    name = line[3:29].strip()
    freqs = line[30:86]
    best = max((int(c, 16) for c in freqs if c.strip() and c in "0123456789abcdefABCDEF"), default=0)
    if best < 3 or not name or " " in name:
        continue
    forms = [name.replace("+", "-"), name.replace("+", "")] if "+" in name else [name]
    for form in forms:
        if form.lower() in lower_words or len(form) < 2:
            continue
        names.add(form)
out = open("given-names.txt", "w", encoding="utf-8")
out.write("# Given names for name discovery, one per line. Derived from nam_dict.txt (gender-guesser 0.4.0,\n")
out.write("# (c) 2007-2008 Jörg Michael), GNU Free Documentation License 1.2 or later; see generate.py.\n")
for n in sorted(names):
    out.write(n + "\n")
print(len(names), "names")
