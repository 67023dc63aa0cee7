#!/usr/bin/env python3
"""Extract every displayed equation of the shared articles and seed pages into golden .tex files.

Usage: python3 extract.py /work/shared   (writes next to this script)

Format of a golden file: entries separated by a blank line; each entry is one `% <source> <position>`
line followed by the LaTeX exactly as written (possibly several lines). The golden files are committed:
they are the spec; this script only documents how they were made.
"""
import os, re, sys

src = sys.argv[1] if len(sys.argv) > 1 else "/work/shared"
out = os.path.dirname(os.path.abspath(__file__))

def write(path, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(f"% {label}\n{tex.strip()}" for label, tex in entries) + "\n")

total = 0
adir = os.path.join(src, "articles")
for name in sorted(os.listdir(adir)):
    if not name.endswith(".md") or name == "README.md":
        continue
    stem = name[:-3]
    lines = open(os.path.join(adir, name), encoding="utf-8").read().split("\n")
    entries, label, i = [], None, 0
    while i < len(lines):
        m = re.match(r"\*\*Eq\. (\([^)]*\)|\[[^\]]*\])\*\*", lines[i])
        if m:
            label = m.group(1)
        if lines[i].strip() == "```latex":
            j = i + 1
            while lines[j].strip() != "```":
                j += 1
            pos = label if label else f"[block #{len(entries) + 1}]"
            entries.append((f"{stem} eq {pos} (line {i + 2})", "\n".join(lines[i + 1:j])))
            label, i = None, j
        i += 1
    if entries:
        write(os.path.join(out, stem + ".tex"), entries)
        total += len(entries)

sdir = os.path.join(src, "seeds")
for name in sorted(os.listdir(sdir)):
    stem = name.rsplit(".", 1)[0]
    text = open(os.path.join(sdir, name), encoding="utf-8").read()
    entries = []
    # Displays are $$...$$ blocks and bare \begin{equation}...\end{equation} (kept whole).
    pattern = r"\$\$(.*?)\$\$|(\\begin\{equation\}.*?\\end\{equation\})"
    for k, m in enumerate(re.finditer(pattern, text, re.S), 1):
        line = text.count("\n", 0, m.start()) + 1
        entries.append((f"seeds/{name} display #{k} (line {line})", m.group(1) or m.group(2)))
    if entries:
        write(os.path.join(out, "seeds", stem + ".tex"), entries)
        total += len(entries)
print(f"{total} equations")
