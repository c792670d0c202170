#!/usr/bin/env python3
"""The heaviest frames of an async-profiler flame graph (its HTML), as text.

    flame_top.py FLAME.html [--top N] [--match SUBSTRING]

Prints the frames with the most samples of their own (self), then the frames under which the most samples fall
(total, each counted once per stack however deep it recurses), optionally only frames whose name contains
SUBSTRING. report.py uses it for the profile section; it reads the frame data the HTML embeds (async-profiler 4).
"""
import ast
import re
import sys
from collections import defaultdict


def frames(path):
    text = open(path, encoding="utf-8").read()
    pool_text = text[text.index("const cpool = [") + len("const cpool = ["):]
    pool_text = pool_text[:pool_text.index("\n];")]
    pool = [ast.literal_eval(line.rstrip(",")) for line in pool_text.strip().split("\n")]
    for i in range(1, len(pool)):
        pool[i] = pool[i - 1][:ord(pool[i][0]) - 32] + pool[i][1:]
    body = text[text.index("unpack(cpool);") + len("unpack(cpool);"):]
    level0 = left0 = width0 = 0
    out = []
    for name, args in re.findall(r"^([fun])\(([^)]*)\)$", body, re.M):
        values = [int(v) for v in args.split(",")]
        key, rest = values[0], values[1:]
        if name == "f":
            level, left = rest[0], rest[1]
            width = rest[2] if len(rest) > 2 and rest[2] else width0
        elif name == "u":
            level, left = level0 + 1, 0
            width = rest[0] if rest and rest[0] else width0
        else:
            level, left = level0, width0
            width = rest[0] if rest and rest[0] else width0
        level0, left0, width0 = level, left0 + left, width
        out.append((level, left0, width, pool[key >> 3]))
    return out


def summary(path, top=15, match=None):
    all_frames = frames(path)
    total = all_frames[0][2]
    by_level = defaultdict(list)
    for frame in all_frames:
        by_level[frame[0]].append(frame)
    self_samples = defaultdict(int)
    for level, left, width, title in all_frames:
        children = sum(w for (l2, left2, w, _) in by_level[level + 1] if left <= left2 < left + width)
        self_samples[title] += width - children
    inclusive = defaultdict(int)
    # a frame counts once per stack: skip a frame whose ancestor has the same title
    stack = []
    for level, left, width, title in sorted(all_frames, key=lambda f: (f[1], f[0])):
        while stack and not (stack[-1][1] <= left < stack[-1][1] + stack[-1][2] and stack[-1][0] < level):
            stack.pop()
        if all(t != title for (_, _, _, t) in stack):
            inclusive[title] += width
        stack.append((level, left, width, title))
    pick = (lambda t: match in t) if match else (lambda t: True)
    rows = []
    for label, table in (("self", self_samples), ("total", inclusive)):
        for title, samples in sorted(((t, s) for t, s in table.items() if pick(t)), key=lambda x: -x[1])[:top]:
            rows.append((label, samples, 100.0 * samples / total, title))
    return total, rows


def main():
    args = sys.argv[1:]
    top = int(args[args.index("--top") + 1]) if "--top" in args else 15
    match = args[args.index("--match") + 1] if "--match" in args else None
    total, rows = summary(args[0], top, match)
    print(f"{args[0]}: {total} samples")
    for label, samples, pct, title in rows:
        print(f"{label:5s} {samples:8d} {pct:5.1f}%  {title}")


if __name__ == "__main__":
    main()
