#!/usr/bin/env python3
"""docs/speed.md from two runs of septet_bench (benchmarks/run.sh): the x86-64 baseline build and
the -march=native build, and the baseline build pinned to each vector path (baseline-PATH.json
beside baseline.json, when present) and the goals' benchmarks run by turns (turns-BUILD-N.json).
Usage: speed_report.py baseline.json native.json OUT.md [estimate_jobs.md]"""
import json
import platform
import re
import sys
from pathlib import Path

CLASSES = [("ascii", "ASCII"), ("gsm_extension", "GSM with extension characters"),
           ("latin1", "Latin-1 heavy (GSM)"), ("cyrillic", "Cyrillic (UCS-2)"),
           ("cjk", "CJK (UCS-2)"), ("emoji", "emoji-heavy (UCS-2)"),
           ("mixed", "mixed corpus stream")]
SIZES = [16, 160, 459, 2000, 1 << 20]


def medians(path):
    """{benchmark name: row} of the median aggregates (or the single runs), and the context."""
    data = json.loads(Path(path).read_text())
    rows = {}
    for b in data["benchmarks"]:
        if b.get("aggregate_name", "median") != "median":
            continue
        rows[b.get("run_name", b["name"])] = b
    return rows, data["context"]


def mb(row):
    return row["bytes_per_second"] / 1e6


def size_label(size):
    return "1 MiB" if size == 1 << 20 else f"{size} B"


def rate(value):
    return f"{value / 1000:.2f} GB/s" if value >= 1000 else f"{value:.0f} MB/s"


def class_table(rows, kind):
    """MB/s of `kind` (analyze or segment) per class and size, with the share of the baseline."""
    lines = ["| input | " + " | ".join(size_label(s) for s in SIZES) + " |",
             "|---|" + "---:|" * len(SIZES)]
    for key, label in CLASSES:
        cells = []
        for size in SIZES:
            row = rows.get(f"bm_{kind}<text_class::{key}>/{size}")
            base = rows.get(f"bm_baseline<text_class::{key}>/{size}")
            cells.append(f"{rate(mb(row))} ({mb(row) / mb(base):.0%})" if row and base else "—")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    base_cells = [rate(mb(rows[f"bm_baseline<text_class::ascii>/{s}"])) for s in SIZES]
    lines.append("| *byte-count baseline (ASCII)* | " + " | ".join(base_cells) + " |")
    return lines


def other_table(builds):
    """Everything else, one column per build."""
    names = sorted({n for _, rows, _ in builds for n in rows
                    if re.match(r"bm_(encode_parts|reassemble|pack|unpack|render|estimate|parse|"
                                r"counter|corpus|short)", n)})
    lines = ["| benchmark | " + " | ".join(name for name, _, _ in builds) + " |",
             "|---|" + "---:|" * len(builds)]
    for name in names:
        cells = []
        for _, rows, _ in builds:
            row = rows.get(name)
            if row is None:
                cells.append("—")
            elif "bytes_per_second" in row:
                cells.append(f"{rate(mb(row))}, {row['items_per_second']:,.0f}/s")
            else:
                cells.append(f"{row['items_per_second']:,.0f}/s")
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return lines


PATHS = ["scalar", "sse2", "avx2", "avx512bw"]
PATH_ROWS = [("bm_corpus_segment", "mixed corpus, body by body"),
             ("bm_analyze<text_class::mixed>/2000", "mixed 2000 B, `analyze()`"),
             ("bm_segment<text_class::mixed>/2000", "mixed 2000 B, `segment()`"),
             ("bm_analyze<text_class::mixed>/1048576", "mixed 1 MiB, `analyze()`")]


def path_table(baseline_json, native):
    """The baseline build pinned to each path this CPU runs (baseline-PATH.json beside the
    baseline's JSON, from run.sh), against the -march=native build."""
    runs = [(p, medians(baseline_json.with_name(f"baseline-{p}.json"))[0]) for p in PATHS
            if baseline_json.with_name(f"baseline-{p}.json").exists()]
    if not runs:
        return []
    native_name, native_rows, _ = native
    lines = ["", "## The x86-64 baseline build on each vector path", "",
             "The baseline build pinned to each path this CPU runs (`septet_bench "
             "--septet_vector_path=PATH`, median of 3), and in brackets its share of the "
             f"{native_name} build; without a pin the baseline build takes the widest:", "",
             "| path | " + " | ".join(label for _, label in PATH_ROWS) + " |",
             "|---|" + "---:|" * len(PATH_ROWS)]
    for path, rows in runs + [(native_name, native_rows)]:
        cells = []
        for key, _ in PATH_ROWS:
            row, top = rows.get(key), native_rows.get(key)
            cells.append(f"{rate(mb(row))} ({mb(row) / mb(top):.0%})" if row and top else "—")
        lines.append(f"| {path} | " + " | ".join(cells) + " |")
    return lines


def best_of_turns(folder, build):
    """{benchmark name: row} of the fastest of the turns-BUILD-N.json runs (run.sh), or {}."""
    best = {}
    for path in sorted(folder.glob(f"turns-{build}-*.json")):
        for b in json.loads(path.read_text())["benchmarks"]:
            name = b.get("run_name", b["name"])
            if "bytes_per_second" not in b:
                continue  # a benchmark that stopped with an error
            if name not in best or b["bytes_per_second"] > best[name]["bytes_per_second"]:
                best[name] = b
    return best


def goal_rows(base_name, base, native_name, native):
    """(measure, build, value, goal, format) of each speed goal, from rows of one run each."""
    share = lambda rows, name, of: mb(rows[name]) / mb(rows[of])
    return [
        ("mixed corpus, `segment()` / byte scan", base_name,
         share(base, "bm_corpus_segment", "bm_corpus_baseline"), 0.60, "{:.0%}"),
        ("mixed corpus, `segment()` / byte scan", native_name,
         share(native, "bm_corpus_segment", "bm_corpus_baseline"), 0.25, "{:.0%}"),
        ("mixed corpus, `encode_parts` / byte scan", base_name,
         share(base, "bm_corpus_encode_parts", "bm_corpus_baseline"), 0.30, "{:.0%}"),
    ] + ([
        ("mixed corpus, `segment()` / SSE2 byte scan", base_name,
         share(base, "bm_corpus_segment", "bm_corpus_scan_sse2"), None, "{:.0%}"),
        ("mixed corpus, `encode_parts` / SSE2 byte scan", base_name,
         share(base, "bm_corpus_encode_parts", "bm_corpus_scan_sse2"), None, "{:.0%}"),
    ] if "bm_corpus_scan_sse2" in base else []) + [  # x86-64 only
        ("mixed corpus, `segment()`: baseline build / native build", "both",
         mb(base["bm_corpus_segment"]) /
         mb(native["bm_corpus_segment"]), 0.90, "{:.0%}"),
        ("short GSM messages, `encode_parts`, million messages/s", base_name,
         base["bm_short_gsm_encode_parts"]["items_per_second"] / 1e6, 15, "{:.1f}"),
        ("short messages (a third UCS-2), `encode_parts`, million messages/s", base_name,
         base["bm_short_encode_parts"]["items_per_second"] / 1e6, None, "{:.1f}"),
        ("short messages, the byte scan alone, million messages/s", base_name,
         base["bm_short_scan"]["items_per_second"] / 1e6, None, "{:.1f}"),
    ]


def limit_table(builds, folder):
    """The speed goals, each a ratio within one run (or messages/s), where the medians stand and
    where the best of the builds' turns stand."""
    (base_name, base, _), (native_name, native, _) = builds
    turns = best_of_turns(folder, "baseline"), best_of_turns(folder, "native")
    lines = ["", "## Against the limit", "",
             "Each figure a ratio within this run (or messages per second on one core), beside the "
             "goal set for it; the byte scan is `bm_corpus_baseline`, a count of UTF-8 lead "
             "bytes over the same bodies in a plain loop, compiled with the build's flags: "
             "GCC leaves it a byte at a time at -O2 and vectorises it at -O3. The SSE2 byte scan "
             "(`bm_corpus_scan_sse2`) is that count written for vectors, whatever the flags: "
             "the stricter limit, against which no goal was set. Messages per second move with the machine (this "
             "one, shared, runs up to twice as slow at times): the byte scan of the short "
             "messages, last, says how fast it ran. The medians come from the two builds' runs, "
             "minutes apart; the last column from the same benchmarks run with the builds "
             "taking turns, 5 rounds, the best of each build, so that a slow spell falls on "
             "both.", "",
             "| measure | build | medians | turns, best of 5 | goal |", "|---|---|---:|---:|---:|"]
    by_turns = {}
    if all(turns):
        by_turns = {(label, build): value for label, build, value, _, _ in
                    goal_rows(base_name, turns[0], native_name, turns[1])}
    for label, build, value, goal, fmt in goal_rows(base_name, base, native_name, native):
        goal_cell = "—" if goal is None else (">= " + fmt.format(goal))
        turn = by_turns.get((label, build))
        turn_cell = "—" if turn is None else fmt.format(turn)
        lines.append(f"| {label} | {build} | {fmt.format(value)} | {turn_cell} | {goal_cell} |")
    return lines


ESTIMATE_HEADING = "## `septet estimate` on every core"
ESTIMATE_TEXT = (
    "1 million generated recipients (a third of them UCS-2), the whole process timed, best of 5, "
    "`--jobs 1` and `--jobs 2` alternated; both write the same bytes "
    "(`bash benchmarks/estimate_jobs.sh build/bench-baseline/tools/septet/septet`, baseline "
    "build). The process start (about 30 ms: loading libcurl and libphonenumber) is in both.")


def main():
    builds = []
    for path, flags in zip(sys.argv[1:3], ["x86-64 baseline", "-march=native"]):
        rows, context = medians(path)
        path = context.get('septet_vector_code', '?').upper()
        choice = context.get('septet_vector_choice')
        builds.append((f"{flags} ({path}, {choice})" if choice else f"{flags} ({path})", rows,
                       context))
    context = builds[0][2]
    corpus = lambda rows: rows["bm_corpus_segment"]
    corpus_base = lambda rows: rows["bm_corpus_baseline"]
    lines = [
        "# How fast septet is", "",
        f"One run of `bash benchmarks/run.sh` on this machine ({platform.machine()}, "
        f"{context.get('num_cpus', '?')} CPUs at {context.get('mhz_per_cpu', '?')} MHz): every "
        "benchmark of `septet_bench`, the median of 3 repetitions, once compiled for the x86-64 "
        "baseline as Debian builds a package (the flags of `dpkg-buildflags`, -O2 among them: "
        "what a distribution ships) and once in Release (-O3) with `-march=native` (in brackets, the vector path each build took and "
        "when it was chosen: at compile time, for the instructions the compiler targets, or at run "
        "time, the widest this CPU runs; see `<septet/vector_path.hpp>`). Inputs are made "
        "in-process "
        "(`benchmarks/bench_data.hpp`); the mixed corpus is the peers' (`benchmarks/peers`).", "",
        "## The mixed corpus, body by body", "",
        "500 bodies, half GSM and half UCS-2, one `segment()` each (analysis and parts):", "",
        "| build | analysis + segmentation | messages/s | byte-count baseline | share |",
        "|---|---:|---:|---:|---:|"]
    for name, rows, _ in builds:
        lines.append(f"| {name} | {rate(mb(corpus(rows)))} | "
                     f"{corpus(rows)['items_per_second']:,.0f} | {rate(mb(corpus_base(rows)))} | "
                     f"{mb(corpus(rows)) / mb(corpus_base(rows)):.0%} |")
    lines += limit_table(builds, Path(sys.argv[1]).parent)
    lines += path_table(Path(sys.argv[1]), builds[1])
    for name, rows, _ in builds:
        lines += ["", f"## Analysis + segmentation (`segment()`), {name}", "",
                  "MB/s, and in brackets the share of the byte-count baseline (a count of "
                  "UTF-8 lead bytes in a plain loop, compiled with the build's flags) on the "
                  "same text:", ""]
        lines += class_table(rows, "segment")
        lines += ["", f"## Analysis alone (`analyze()`), {name}", ""]
        lines += class_table(rows, "analyze")
    lines += ["", "## Everything else", "",
              "Wire format (`encode_parts`: UDH and packed septets or UTF-16BE per part), decoding "
              "(`reassemble`: user data back to UTF-8), templates and estimation:", ""]
    lines += other_table(builds)
    if len(sys.argv) > 4:
        lines += ["", ESTIMATE_HEADING, "", ESTIMATE_TEXT, ""]
        lines += Path(sys.argv[4]).read_text().rstrip("\n").split("\n")
    lines.append("")
    Path(sys.argv[3]).write_text("\n".join(lines))


if __name__ == "__main__":
    main()
