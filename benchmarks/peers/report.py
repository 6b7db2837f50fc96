#!/usr/bin/env python3
"""Turns the peer and growth benchmark results into docs/peers.md, docs/peers.svg and
docs/growth.svg. Usage: report.py native-baseline.json native-native.json js.json growth.json
DOCS_DIR (see run.sh)."""
import json
import math
import platform
import sys
from pathlib import Path


def mean_rows(google_json):
    """Google Benchmark rows: the mean aggregate of each benchmark, or the single run."""
    rows = {}
    for b in google_json["benchmarks"]:
        if b.get("aggregate_name", "mean") != "mean":
            continue
        rows[b.get("run_name", b["name"])] = b
    return rows


def bar_chart(entries, title, unit):
    """A horizontal bar chart on a log scale (the rates span four orders of magnitude)."""
    width, left, bar, gap, top = 860, 400, 26, 12, 48
    height = top + len(entries) * (bar + gap) + 40
    top_value = max(v for _, v, _ in entries)
    low = 10 ** math.floor(math.log10(min(v for _, v, _ in entries)))
    high = 10 ** math.ceil(math.log10(top_value))
    span = math.log10(high) - math.log10(low)
    scale = (width - left - 90) / span
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="system-ui, sans-serif" font-size="13">',
           f'<rect width="{width}" height="{height}" fill="#fff"/>',
           f'<text x="12" y="24" font-size="16" font-weight="600">{title}</text>']
    decade = low
    while decade <= high:
        x = left + (math.log10(decade) - math.log10(low)) * scale
        out.append(f'<line x1="{x:.1f}" y1="{top - 8}" x2="{x:.1f}" y2="{height - 30}" '
                   f'stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{height - 12}" text-anchor="middle" fill="#555">'
                   f'{decade:g}</text>')
        decade *= 10
    for i, (name, value, colour) in enumerate(entries):
        y = top + i * (bar + gap)
        w = max(2.0, (math.log10(value) - math.log10(low)) * scale)
        out.append(f'<text x="{left - 8}" y="{y + bar * 0.7:.1f}" text-anchor="end">{name}</text>')
        out.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar}" fill="{colour}"/>')
        out.append(f'<text x="{left + w + 6:.1f}" y="{y + bar * 0.7:.1f}">{value:,.1f} {unit}'
                   '</text>')
    out.append('</svg>')
    return "\n".join(out) + "\n"


def line_chart(series, title, x_label, y_label):
    """Log-log lines: one (name, colour, [(x, y)]) per series."""
    width, height, left, right, top, bottom = 760, 320, 80, 30, 40, 50
    xs = [x for _, _, pts in series for x, _ in pts]
    ys = [y for _, _, pts in series for _, y in pts]
    lx = (math.log10(min(xs)), math.log10(max(xs)))
    ly = (math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys))))
    px = lambda x: left + (math.log10(x) - lx[0]) / (lx[1] - lx[0]) * (width - left - right)
    py = lambda y: height - bottom - (math.log10(y) - ly[0]) / (ly[1] - ly[0]) * (
        height - top - bottom)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="system-ui, sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="#fff"/>',
           f'<text x="12" y="22" font-size="15" font-weight="600">{title}</text>',
           f'<text x="{width / 2}" y="{height - 8}" text-anchor="middle">{x_label}</text>',
           f'<text x="14" y="{height / 2}" transform="rotate(-90 14 {height / 2})" '
           f'text-anchor="middle">{y_label}</text>']
    for e in range(ly[0], ly[1] + 1):
        y = py(10 ** e)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
                   'stroke="#e4e4e4"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">'
                   f'{10 ** e:g}</text>')
    for x in sorted(set(xs)):
        out.append(f'<text x="{px(x):.1f}" y="{height - bottom + 16}" text-anchor="middle" '
                   f'fill="#555">{x:g}</text>')
    for i, (name, colour, pts) in enumerate(series):
        path = " ".join(f"{'M' if j == 0 else 'L'}{px(x):.1f},{py(y):.1f}"
                        for j, (x, y) in enumerate(pts))
        out.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        for x, y in pts:
            out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{colour}"/>')
        out.append(f'<text x="{left + 12}" y="{top + 16 + i * 16}" fill="{colour}">{name}</text>')
    out.append('</svg>')
    return "\n".join(out) + "\n"


def main():
    builds = [json.loads(Path(p).read_text()) for p in sys.argv[1:3]]
    js = json.loads(Path(sys.argv[3]).read_text())
    growth = json.loads(Path(sys.argv[4]).read_text())
    docs = Path(sys.argv[5])
    base_rows, native_rows = (mean_rows(b) for b in builds)
    # Both languages must have measured the same bytes.
    fingerprints = {int(r["corpus_fnv"]) for rows in (base_rows, native_rows) for r in rows.values()}
    if fingerprints != {js["fingerprint"]}:
        sys.exit(f"the native and JavaScript corpora differ: {fingerprints} vs {js['fingerprint']}")
    code = lambda b: b["context"].get("septet_vector_code", "?").upper()
    base_name = f"x86-64 baseline, {code(builds[0])}"
    native_name = f"-march=native, {code(builds[1])}"
    mb = lambda r: r["bytes_per_second"] / 1e6
    msgs = lambda r: r["items_per_second"]
    entries = [
        ("byte-count baseline", base_rows["bm_corpus_baseline"], "#999999"),
    ] + ([("byte count, SSE2", base_rows["bm_corpus_scan_sse2"], "#bbbbbb")]
         if "bm_corpus_scan_sse2" in base_rows else []) + [  # x86-64 only
        (f"septet: analyze + segment ({native_name})",
         native_rows["bm_corpus_segment"], "#0b57d0"),
        (f"septet: analyze + segment ({base_name})", base_rows["bm_corpus_segment"],
         "#3d78d8"),
        (f"septet: encode parts, wire ({base_name})", base_rows["bm_corpus_encode_parts"],
         "#7aa0e6"),
        ("libgammu: multipart encode", base_rows["bm_gammu_encode_multipart"], "#c0392b"),
    ]
    base_segment = f"septet: analyze + segment ({base_name})"
    table = []
    septet_rate = mb(base_rows["bm_corpus_segment"])
    for name, row, colour in entries:
        table.append((name, mb(row), msgs(row), int(row.get("parts", 0)), colour))
    js_colours = {"septet (WebAssembly)": "#9dbdf0", "split-sms": "#e67e22",
                  "sms-segments-calculator": "#8e44ad"}
    for r in js["results"]:
        table.append((f"{r['name']} (node)", r["mbps"], r["msgs"], r["total"],
                      js_colours.get(r["name"], "#555")))
    baseline = mb(base_rows["bm_corpus_baseline"])
    native_rate = mb(native_rows["bm_corpus_segment"])
    lines = ["# septet against its peers", "",
             f"One run of `bash benchmarks/peers/run.sh` on this machine ({platform.machine()}, "
             f"{builds[0]['context'].get('num_cpus', '?')} CPUs; Google Benchmark mean of 3 for "
             f"the native rows, node {js.get('node', '')} for the JavaScript rows), over the same "
             f"{js['messages']} generated bodies ({js['bytes'] / js['messages']:.0f} bytes on "
             "average, half GSM and half UCS-2; `benchmarks/peers/corpus.mjs`, made body for body "
             "by its C++ twin in `benchmarks/bench_data.hpp`: both runs print the same "
             f"fingerprint, {js['fingerprint']}). septet is compiled twice: for the x86-64 "
             "baseline as Debian builds a package (`dpkg-buildflags`, -O2: what a distribution "
             "ships; the loops that read text are then compiled once per vector path, and each "
             "call takes the widest path the CPU runs, chosen at run time) and in Release (-O3) "
             "with `-march=native` (all the code then uses what this CPU has). The byte-count "
             "baseline is a count of UTF-8 lead bytes in a plain loop, which GCC leaves a byte at "
             "a time at -O2; the SSE2 byte count is the same count written for vectors.", "",
             f"| library | MB/s | messages/s | septet ({base_name}) is | parts |",
             "|---|---:|---:|---:|---:|"]
    for name, rate, per_s, parts, _ in table:
        ratio = "" if name == base_segment else (
            f"{septet_rate / rate:,.1f}× faster" if rate < septet_rate else
            f"{rate / septet_rate:,.2f}× slower")
        lines.append(f"| {name} | {rate:,.1f} | {per_s:,.0f} | {ratio} | {parts or '—'} |")
    counted = {parts for name, _, _, parts, _ in table if parts}
    agreement = (f"All of them count the same {counted.pop()} parts for the corpus."
                 if len(counted) == 1 else
                 "They do not all count the same parts: " +
                 ", ".join(f"{n}: {p}" for n, _, _, p, _ in table if p) + ".")
    lines += ["", f"septet's analysis and segmentation runs at {septet_rate:,.0f} MB/s on the "
              f"x86-64 baseline build ({septet_rate / baseline:.1%} of the byte-count baseline) "
              f"and {native_rate:,.0f} MB/s with `-march=native`. The parts column is one pass "
              f"over the corpus. {agreement} Every input class and size: "
              "[speed.md](speed.md).", "", "![septet and its peers](peers.svg)",
              "", "Cost growth (`bm_growth_*` in `septet_bench`): time per body is linear in its "
              "length, and estimating a list is linear in its recipients.", "",
              "![cost growth](growth.svg)", ""]
    (docs / "peers.md").write_text("\n".join(lines))
    (docs / "peers.svg").write_text(bar_chart(
        [(n, r, c) for n, r, _, _, c in table], "SMS part counting, MB/s (log scale)", "MB/s"))
    growth_rows = mean_rows(growth)
    by_length = {"ascii": [], "cyrillic": []}
    recipients = []
    for name, row in growth_rows.items():
        arg = int(name.split("/")[-1])
        seconds = row["real_time"] * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1}[row["time_unit"]]
        if name.startswith("bm_growth_body_length<text_class::ascii>"):
            by_length["ascii"].append((arg, seconds * 1e6))
        elif name.startswith("bm_growth_body_length<text_class::cyrillic>"):
            by_length["cyrillic"].append((arg, seconds * 1e6))
        elif name.startswith("bm_growth_recipients"):
            recipients.append((arg, seconds * 1e3))
    svg_a = line_chart([("GSM (ASCII) body", "#0b57d0", sorted(by_length["ascii"])),
                        ("UCS-2 (Cyrillic) body", "#c0392b", sorted(by_length["cyrillic"]))],
                       "analyze + segment: time against body length", "body bytes",
                       "microseconds")
    svg_b = line_chart([("estimate a list", "#2e7d32", sorted(recipients))],
                       "estimate: time against recipients", "recipients", "milliseconds")
    # Two charts stacked in one file.
    inner_a = svg_a.split("\n", 1)[1].rsplit("</svg>", 1)[0]
    inner_b = svg_b.split("\n", 1)[1].rsplit("</svg>", 1)[0]
    (docs / "growth.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="760" height="640" '
        'font-family="system-ui, sans-serif" font-size="12">\n' + inner_a +
        '<g transform="translate(0 320)">\n' + inner_b + "</g>\n</svg>\n")


if __name__ == "__main__":
    main()
