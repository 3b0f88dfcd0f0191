#!/usr/bin/env python3
"""Turns one run's measurements (bench/work/<N>/*.json) into a Markdown table and a PNG plot.

    bench/report.py --work bench/work --results bench/results --run-id ID --sizes 10000 100000
"""
import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys

SYSTEMS = ("mahdar", "sphinx", "fts5", "floor")
ENGINES = ("mahdar", "sphinx", "fts5")  # the ones with a query side


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            mem_gib = int(f.readline().split()[1]) / 1048576
    except OSError:
        mem_gib = 0
    return f"{os.cpu_count()} cores ({cpu}), {mem_gib:.0f} GiB RAM, Linux {platform.release()}"


def revision(repo):
    try:
        head = subprocess.run(["git", "-C", repo, "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", repo, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        return head + (" + uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def collect(work, sizes):
    rows = {}
    for n in sizes:
        d = os.path.join(work, str(n))
        m = load(os.path.join(d, "manifest.json")) or {}
        rows[n] = {"manifest": m, "reindex": load(os.path.join(d, "reindex.json")),
                   "agreement": load(os.path.join(d, "agreement.json"))}
        for s in SYSTEMS:
            rows[n][s] = {"index": load(os.path.join(d, f"{s}.json")),
                          "query": load(os.path.join(d, f"{s}-query.json"))}
    return rows


def fmt(v, spec=".1f", none="–"):
    return none if v is None else format(v, spec)


def growth(values):
    """'×a → ×b' between consecutive sizes."""
    out = []
    for a, b in zip(values, values[1:]):
        out.append("–" if not a or b is None else f"×{b / a:.1f}")
    return " → ".join(out) if out else "–"


def index_table(rows, sizes):
    lines = ["| N | system | wall s | CPU s | passages/s | MB/s of text | peak RSS MB | index MB | rate vs floor | load avg "
             "| re-index 1 changed report, s |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        text_mb = rows[n]["manifest"].get("text_bytes", 0) / 1e6
        passages = rows[n]["manifest"].get("passages", n)
        floor = (rows[n]["floor"]["index"] or {}).get("wall_s")
        for s in SYSTEMS:
            ix = rows[n][s]["index"]
            if not ix:
                continue
            w = ix["wall_s"] or 1e-9
            rel = f"{floor / w:.2f}×" if floor else "–"
            ri = rows[n]["reindex"] if s == "mahdar" else None
            reindex = f"{ri['median_wall_s']:.2f} / {ri['max_wall_s']:.2f}" if ri else "–"
            lines.append(f"| {n:,} | {s} | {w:.2f} | {fmt(ix.get('cpu_s'), '.2f')} | {passages / w:,.0f} | "
                         f"{text_mb / w:.2f} | {ix['rss_peak_kb'] / 1024:.0f} | {ix['index_bytes'] / 1048576:.0f} | "
                         f"{rel} | {fmt(ix.get('loadavg_before'))} | {reindex} |")
    reports = {rows[n]["reindex"]["report"] for n in sizes if rows[n]["reindex"]}
    if reports:
        lines += ["", f"Re-index 1 changed report: median / max wall seconds of 3 re-indexings of "
                      f"`{', '.join(sorted(reports))}`, one paragraph appended each time, into mahdar's index "
                      f"of N passages, after the queries (issue 7: under a second at 1M)."]
    return lines


def query_table(rows, sizes, clients):
    head = "| N | system | p50 ms | p95 ms | p99 ms | server p50 ms | " + " | ".join(f"q/s @{c}" for c in clients) + \
           " | errors | searchd peak RSS MB | client CPU ms/q |"
    lines = [head, "|---:|---|" + "---:|" * (4 + len(clients) + 3)]
    for n in sizes:
        for s in ENGINES:
            q = rows[n][s]["query"]
            if not q:
                continue
            lat = q["latency"]
            tput = {t["clients"]: t for t in q["throughput"]}
            errors = lat["errors"] + lat.get("warmup_errors", 0) + sum(t["errors"] for t in q["throughput"])
            rss = q.get("rss_peak_kb")
            lines.append(f"| {n:,} | {s} | {fmt(lat['p50_ms'])} | {fmt(lat['p95_ms'])} | {fmt(lat['p99_ms'])} | {fmt(lat.get('server_p50_ms'))} | "
                         + " | ".join(fmt(tput.get(c, {}).get("qps"), ".0f") for c in clients)
                         + f" | {errors} | {fmt(rss / 1024 if rss else None, '.0f')} | "
                         + f"{fmt(q['throughput'][-1].get('client_cpu_ms_per_query') if q['throughput'] else None)} |")
    return lines


def engines_table(rows, sizes, clients):
    """Indexing time and size, sequential p50/p99, throughput at the most clients: value (× mahdar)."""
    top = max(clients) if clients else None
    lines = [f"| N | engine | indexing wall s | index MB | p50 ms | p99 ms | q/s @{top} | peak RSS MB (query side) |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        def figures(s):
            ix, q = rows[n][s]["index"] or {}, rows[n][s]["query"] or {}
            lat = q.get("latency", {})
            tput = {t["clients"]: t["qps"] for t in q.get("throughput", [])}
            rss = q.get("rss_peak_kb")
            return [ix.get("wall_s"), ix["index_bytes"] / 1048576 if ix else None, lat.get("p50_ms"),
                    lat.get("p99_ms"), tput.get(top), rss / 1024 if rss else None]
        base = figures("mahdar")
        for s in ENGINES:
            if not rows[n][s]["index"] and not rows[n][s]["query"]:
                continue
            cells = []
            for v, b, spec in zip(figures(s), base, (".1f", ".0f", ".1f", ".1f", ".0f", ".0f")):
                rel = f" ({v / b:.2f}×)" if s != "mahdar" and v is not None and b else ""
                cells.append(fmt(v, spec) + rel)
            name = s + (" (in-process: the client's own RSS)" if s == "fts5" else "")
            lines.append(f"| {n:,} | {name} | " + " | ".join(cells) + " |")
    return lines


def agreement_lines(rows, sizes):
    out = []
    for n in sizes:
        a = rows[n]["agreement"]
        if not a:
            continue
        out += [f"{n:,} passages: totals within {a['within_percent']:g}%, same top hit, by pair of engines "
                "(stemming differs: FTS5 stems English only, mahdar folds Arabic clitics):", "",
                "| pair | queries | same top hit | totals within | median total ratio (2nd/1st) | no hits in one only |",
                "|---|---:|---:|---:|---:|---:|"]
        for pair, per in a["pairs"].items():
            al = per.get("all")
            if not al:
                continue
            r = al["median_total_ratio"]
            out.append(f"| {pair.replace('-', ' – ')} | {al['queries']} | {100 * al['same_top'] / al['queries']:.0f}% | "
                       f"{100 * al['totals_close'] / al['queries']:.0f}% | {fmt(r, '.2f')} | {al['zero_in_one_only']} |")
        out.append("")
    return out or ["(no answers recorded)"]


def growth_table(rows, sizes):
    lines = ["| system | indexing wall s | p50 latency | p99 latency | q/s @1 client |",
             "|---|---|---|---|---|"]
    for s in SYSTEMS:
        wall = [(rows[n][s]["index"] or {}).get("wall_s") for n in sizes]
        q = [rows[n][s]["query"] for n in sizes]
        p50 = [x["latency"]["p50_ms"] if x else None for x in q]
        p99 = [x["latency"]["p99_ms"] if x else None for x in q]
        qps = [x["throughput"][0]["qps"] if x and x["throughput"] else None for x in q]
        lines.append(f"| {s} | {growth(wall)} | {growth(p50)} | {growth(p99)} | {growth(qps)} |")
    return lines


def plot(rows, sizes, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("bench: python3-matplotlib missing, no plot", file=sys.stderr)
        return False
    fig, ((a, b), (c, d)) = plt.subplots(2, 2, figsize=(11, 8.4))
    colours = {"mahdar": "tab:blue", "sphinx": "tab:orange", "fts5": "tab:green", "floor": "tab:gray"}
    for s in SYSTEMS:
        pts = [(n, rows[n]["manifest"].get("passages", n) / rows[n][s]["index"]["wall_s"])
               for n in sizes if rows[n][s]["index"]]
        if pts:
            a.plot(*zip(*pts), marker="o", color=colours[s], label=s + (" (plain Xapian)" if s == "floor" else ""))
    a.set(xscale="log", yscale="log", xlabel="passages (N)", ylabel="passages indexed per second",
          title="Indexing rate")
    a.legend()
    for s in ENGINES:
        for key, style, mark in (("p50_ms", "-", "o"), ("p99_ms", ":", "s")):
            pts = [(n, rows[n][s]["query"]["latency"][key]) for n in sizes
                   if rows[n][s]["query"] and rows[n][s]["query"]["latency"][key] is not None]
            if pts:
                b.plot(*zip(*pts), marker=mark, linestyle=style, color=colours[s], label=f"{s} {key[:3]}")
    b.set(xscale="log", yscale="log", xlabel="passages (N)", ylabel="ms (1 client)",
          title="Faceted query latency, 10 hits + snippets")
    b.legend()
    for s in SYSTEMS:
        pts = [(n, rows[n][s]["index"]["index_bytes"] / 1048576) for n in sizes if rows[n][s]["index"] and s != "floor"]
        if pts:
            c.plot(*zip(*pts), marker="o", color=colours[s], label=s)
    c.set(xscale="log", yscale="log", xlabel="passages (N)", ylabel="MB on disk", title="Index size")
    c.legend()
    for s in ENGINES:
        pts = [(n, max(rows[n][s]["query"]["throughput"], key=lambda t: t["clients"])["qps"]) for n in sizes
               if rows[n][s]["query"] and rows[n][s]["query"]["throughput"]]
        if pts:
            d.plot(*zip(*pts), marker="o", color=colours[s], label=s)
    top = max((t["clients"] for n in sizes for s in ENGINES if rows[n][s]["query"]
               for t in rows[n][s]["query"]["throughput"]), default=0)
    d.set(xscale="log", xlabel="passages (N)", ylabel="queries/s", title=f"Throughput, {top} clients (2 cores)")
    d.set_ylim(bottom=0)
    d.legend()
    for ax in (a, b, c, d):
        ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return True


def engines_plot(rows, sizes, clients, path):
    """The three engines side by side at each N: bars of the engines table's figures."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    top = max(clients) if clients else None
    colours = {"mahdar": "tab:blue", "sphinx": "tab:orange", "fts5": "tab:green"}
    panels = [("indexing wall s", lambda ix, q: ix.get("wall_s")),
              ("index MB on disk", lambda ix, q: ix["index_bytes"] / 1048576 if ix else None),
              ("p50 ms, 1 client", lambda ix, q: q.get("latency", {}).get("p50_ms")),
              ("p99 ms, 1 client", lambda ix, q: q.get("latency", {}).get("p99_ms")),
              (f"q/s @{top} clients", lambda ix, q: {t["clients"]: t["qps"] for t in q.get("throughput", [])}.get(top))]
    fig, axes = plt.subplots(1, len(panels), figsize=(15, 3.8))
    width = 0.8 / len(ENGINES)
    for ax, (title, get) in zip(axes, panels):
        for k, s in enumerate(ENGINES):
            xs, ys = [], []
            for i, n in enumerate(sizes):
                v = get(rows[n][s]["index"] or {}, rows[n][s]["query"] or {})
                if v is not None:
                    xs.append(i + (k - 1) * width)
                    ys.append(v)
            ax.bar(xs, ys, width, color=colours[s], label=s)
        ax.set_xticks(range(len(sizes)), [f"{n:,}" for n in sizes])
        ax.set(title=title, xlabel="passages (N)")
        ax.grid(True, axis="y", alpha=0.3)
    axes[0].legend()
    fig.suptitle("mahdar, Sphinx 2.2, SQLite FTS5: same data, same query mix, same machine (2 cores, shared)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--run-id", required=True)
    ap.add_argument("--sizes", type=int, nargs="+", required=True)
    ap.add_argument("--duration", default="10")
    ap.add_argument("--revision", default="", help="what the measured binaries were built from")
    ap.add_argument("--note", default="", help="a sentence added under the header")
    args = ap.parse_args()
    rows = collect(args.work, args.sizes)
    clients = []
    for n in args.sizes:
        for s in ENGINES:
            for t in (rows[n][s]["query"] or {}).get("throughput", []):
                if t["clients"] not in clients:
                    clients.append(t["clients"])
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    png = f"{args.run_id}.png"
    os.makedirs(args.results, exist_ok=True)
    has_plot = plot(rows, args.sizes, os.path.join(args.results, png))
    engines_png = f"{args.run_id}-engines.png"
    has_engines_plot = engines_plot(rows, args.sizes, clients, os.path.join(args.results, engines_png))
    md = [f"# Benchmark {args.run_id}", "",
          f"Machine: {machine()}. mahdar revision {args.revision or revision(repo)}. "
          f"Sphinx 2.2.11 (Debian sphinxsearch), SQLite {sqlite3.sqlite_version} FTS5 (in the client processes). One run of `bench/run --sizes \"{' '.join(map(str, args.sizes))}\"`; "
          f"throughput phases of {args.duration} s. {args.note}".rstrip(), "",
          "## Indexing", "", *index_table(rows, args.sizes), "",
          "## Querying (faceted, 10 hits with snippets; latency with 1 client)", "",
          *query_table(rows, args.sizes, clients), "",
          "## Three engines (issue 20): ratios to mahdar in the same run", "", *engines_table(rows, args.sizes, clients), "",
          *([f"![the three engines side by side]({engines_png})", ""] if has_engines_plot else []),
          "## Do they answer alike? (`agree.py`)", "", *agreement_lines(rows, args.sizes), "",
          "## Growth (each step is the ratio to the previous N)", "", *growth_table(rows, args.sizes), ""]
    if has_plot:
        md += [f"![indexing rate, latency, index size and throughput vs N]({png})", ""]
    errs = []
    for n in args.sizes:
        for s in ENGINES:
            q = rows[n][s]["query"]
            if q:
                samples = q["latency"].get("error_samples", []) + [e for t in q["throughput"] for e in t["error_samples"]]
                errs += [f"- {n:,} {s}: `{e}`" for e in samples[:3]]
    if errs:
        md += ["## Error samples", "", *errs, ""]
    text = "\n".join(md)
    out = os.path.join(args.results, f"{args.run_id}.md")
    with open(out, "w") as f:
        f.write(text)
    print(text)
    print(f"bench: wrote {out}" + (f" and {os.path.join(args.results, png)}" if has_plot else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
