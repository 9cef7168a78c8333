#!/usr/bin/env python3
"""Writes the given names of Apertium's Ukrainian-Russian dictionary as C++.

  ukrainian_given_names.py LT_PRINT AUTOBIL_BIN OUT_CPP

The dictionary (ukr-rus.autobil.bin, Debian's apertium-rus-ukr) is an
lttoolbox transducer; lt-print writes it as AT&T text, one section after
another, each from its own state 0. Its given names are the paths whose
input is a capitalized word followed by <np><ant>: Володимир<np><ant> →
Владимир<np><ant>. Those whose Russian differs from the Ukrainian and that
are one word are written, sorted, as "ukrainian<TAB>russian" lines of one
string (analysis/ukrainian_given_names.h). Read at build time, so a query
does not load the 170 KB transducer (10 ms through lttoolbox) for some
forty names.
"""
import collections
import subprocess
import sys

EPSILON = ("ε", "@0@")


def sections(att_text):
    section = []
    for line in att_text.splitlines():
        if line.startswith("--"):
            yield section
            section = []
        else:
            section.append(line.split("\t"))
    yield section


def given_names(section):
    arcs = collections.defaultdict(list)
    finals = set()
    for fields in section:
        if len(fields) >= 4 and fields[1].isdigit():
            arcs[int(fields[0])].append((int(fields[1]), fields[2], fields[3]))
        elif fields and fields[0].isdigit():
            finals.add(int(fields[0]))

    def letters(symbol):
        return "" if symbol in EPSILON or symbol.startswith("<") else symbol

    found = set()
    # Depth first from state 0: letters until the first input tag, which
    # must be <np>, then <ant>; then on to a final state, as the Russian
    # side's last letters may come out beside the tags (Лазар<np>: Лазарь).
    stack = [(0, "", "", 0, 0)]
    while stack:
        state, ukrainian, russian, tags, after = stack.pop()
        if tags == 2 and state in finals:
            found.add((ukrainian, russian))
        for target, inp, out in arcs[state]:
            inp = "" if inp in EPSILON else inp
            if tags == 2:
                if after < 12:
                    stack.append((target, ukrainian, russian + letters(out), 2, after + 1))
            elif inp.startswith("<"):
                if (tags, inp) in ((0, "<np>"), (1, "<ant>")):
                    stack.append((target, ukrainian, russian + letters(out), tags + 1, 0))
            elif not tags and len(ukrainian) < 40 and (ukrainian or inp.isupper()):
                stack.append((target, ukrainian + inp, russian + letters(out), 0, 0))
    return found


def main():
    lt_print, bidix, out_path = sys.argv[1:4]
    att = subprocess.run([lt_print, bidix], check=True, capture_output=True, text=True).stdout
    names = set()
    for section in sections(att):
        names |= given_names(section)
    lines = sorted(f"{u}\t{r}" for u, r in names if u != r and u.replace("'", "").isalpha() and r.isalpha())
    if not lines:
        sys.exit(f"ukrainian_given_names.py: no given names found in {bidix}")
    body = "".join(line.replace("\t", "\\t") + "\\n" for line in lines)
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(f"// Generated from {bidix} by cmake/ukrainian_given_names.py: do not edit.\n")
        out.write('#include "analysis/ukrainian_given_names.h"\n\n')
        out.write("namespace newsdex {\n")
        out.write(f'extern const std::string_view kUkrainianGivenNames = "{body}";\n')
        out.write("}  // namespace newsdex\n")


if __name__ == "__main__":
    main()
