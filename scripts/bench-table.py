#!/usr/bin/env python3
"""Turns scripts/bench.sh's results into a Markdown section of medians and ratios, and a chart.

usage: bench-table.py RESULTS.jsonl [--machine FILE] [--chart FILE.png] [--doc BENCHMARKS.md]

Each input line is one loadgen step's JSON object (or one AMI client's) with bench.sh's fields
added: "server" (floe, ice-java, floor-netty, floe-virtual; for "ami" the client), "bench_scenario"
(latency, ping1, ping8, echo, upload, delay-N, block-N, ami), "threads" (the server's dispatch
threads; floor-netty always has its one event-loop thread) and "round" (1, 2, ...). A run's "wait"
step gives the server's RSS before the load; its measured step gives the figures and the peak RSS
(VmHWM) after the load.

Every figure is computed per run, then the median over the rounds is taken (with two rounds, the
mean of the two), and ratios are ratios of those medians. floor-netty runs once per round and
scenario, with its one thread, and is the floor of both thread configurations.

Prints the section on stdout. --chart writes a PNG of the Floe/Ice Java and Floe/floor ratios (needs
matplotlib) and links it from the section by its file name; --doc replaces the text between
"<!-- bench:begin -->" and "<!-- bench:end -->" in that file with the section.
"""
import argparse
import json
import re
import statistics
import sys
from dataclasses import dataclass
from typing import Callable, Optional

BEGIN = "<!-- bench:begin -->"
END = "<!-- bench:end -->"
ICE, FLOE, FLOOR, VIRTUAL = "ice-java", "floe", "floor-netty", "floe-virtual"


@dataclass(frozen=True)
class Metric:
    label: str
    extract: Callable[[dict, Optional[dict]], Optional[float]]  # (measured step, wait step)
    digits: int
    better: str  # "lower" or "higher"


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str
    metrics: tuple
    threads: tuple = (1, 2)


def field(name):
    return lambda row, wait: row[name]


def idle_rss_mib(row, wait):
    return wait["server_vmrss_kb"] / 1024.0


def peak_rss_mib(row, wait):
    return row["server_vmhwm_kb"] / 1024.0


def kib_per_connection(row, wait):
    return (row["server_vmhwm_kb"] - wait["server_vmrss_kb"]) / row["connections"]


CPU = Metric("server CPU per call (µs)", field("server_cpu_us_per_call"), 1, "lower")
PEAK = Metric("server peak RSS (MiB)", peak_rss_mib, 1, "lower")


def throughput(unit_label, name, digits):
    return Metric(unit_label, field(name), digits, "higher")


SERVER_SCENARIOS = (
    Scenario("latency", "ping latency, one call at a time", (
        Metric("median (µs)", field("median_us"), 1, "lower"),
        Metric("p99 (µs)", field("p99_us"), 1, "lower"),
        CPU)),
    Scenario("ping1", "ping, 64 outstanding on 1 connection", (throughput("calls/s", "calls_per_s", 0), CPU)),
    Scenario("ping8", "ping, 64 outstanding on 8 connections", (throughput("calls/s", "calls_per_s", 0), CPU)),
    Scenario("echo", "1 MiB echo, one at a time", (throughput("MiB/s", "mib_per_s", 0), CPU, PEAK)),
    Scenario("upload", "1 MiB upload, one at a time", (throughput("MiB/s", "mib_per_s", 0), CPU, PEAK)),
)


def fan_out_metrics():
    return (
        Metric("wall (s, median of the loadgen's rounds)", field("wall_s"), 3, "lower"),
        Metric("idle RSS, after wait (MiB)", idle_rss_mib, 1, "lower"),
        PEAK,
        Metric("(peak − idle) per connection (KiB)", kib_per_connection, 2, "lower"),
        CPU,
    )


def delay_scenario(name):
    calls = int(name.split("-")[1])
    return Scenario(name, f"{calls:,} delay(1000) over {calls:,} connections", fan_out_metrics(), (1,))


AMI_METRICS = (
    Metric("heap per outstanding call (bytes)", field("heap_per_call_bytes"), 0, "lower"),
    Metric("RSS per outstanding call (bytes)", field("rss_per_call_bytes"), 0, "lower"),
    Metric("peak RSS (MiB)", field("peak_rss_mib"), 1, "lower"),
    Metric("time to write the requests (s)", field("sent_s"), 3, "lower"),
)


class Results:
    """The runs of one results.jsonl: (scenario, server, threads) -> {round: {step: row}}."""

    def __init__(self, lines):
        self.runs = {}
        self.errors = []   # (scenario, server, threads, round, message)
        self.skipped = []  # (scenario, server, why)
        for number, line in enumerate(lines, 1):
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
                scenario, server = row["bench_scenario"], row["server"]
            except (ValueError, KeyError) as e:
                raise ValueError(f"results line {number}: {e} (expected: a JSON object with "
                                 f"bench_scenario and server): {line[:120]}") from e
            if "skipped" in row:
                self.skipped.append((scenario, server, row["skipped"]))
                continue
            threads, round_ = int(row.get("threads", 1)), int(row.get("round", 1))
            if "error" in row:
                self.errors.append((scenario, server, threads, round_, row["error"]))
            steps = self.runs.setdefault((scenario, server, threads), {}).setdefault(round_, {})
            steps[row.get("scenario", "?")] = row
        self.rounds = max((r for by_round in self.runs.values() for r in by_round), default=0)

    def scenarios(self):
        return {scenario for scenario, _, _ in self.runs}

    def values(self, scenario, server, threads, metric):
        """The metric of each round's run that produced it, in round order."""
        out = []
        for _, steps in sorted(self.runs.get((scenario, server, threads), {}).items()):
            if any("error" in row for row in steps.values()):
                continue
            measured = [row for name, row in steps.items() if name != "wait"]
            if not measured:
                continue
            try:
                value = metric.extract(measured[0], steps.get("wait"))
            except (KeyError, TypeError, ZeroDivisionError):
                continue
            if value is not None and value == value:  # NaN: the loadgen had no /proc entry
                out.append(value)
        return out

    def median(self, scenario, server, threads, metric):
        values = self.values(scenario, server, threads, metric)
        return (statistics.median(values) if values else None), len(values)


@dataclass
class Row:
    scenario: Scenario
    threads: int
    metric: Metric
    ice: Optional[float]
    floe: Optional[float]
    floor: Optional[float]

    @property
    def floe_ice(self):
        return ratio(self.floe, self.ice)

    @property
    def floe_floor(self):
        return ratio(self.floe, self.floor)

    @property
    def floor_ice(self):
        return ratio(self.floor, self.ice)


def ratio(a, b):
    return a / b if a is not None and b else None


def server_scenarios(results):
    delays = sorted((s for s in results.scenarios() if re.fullmatch(r"delay-\d+", s)),
                    key=lambda s: int(s.split("-")[1]))
    return list(SERVER_SCENARIOS) + [delay_scenario(s) for s in delays]


def server_rows(results):
    """One Row per scenario, thread configuration and metric that has any figure."""
    rows = []
    incomplete = []
    for scenario in server_scenarios(results):
        for threads in scenario.threads:
            for metric in scenario.metrics:
                figures = {}
                # floor-netty has one thread whatever the configuration: its one run per round
                # is the floor of every row.
                for server, server_threads in ((ICE, threads), (FLOE, threads), (FLOOR, 1)):
                    value, n = results.median(scenario.name, server, server_threads, metric)
                    figures[server] = value
                    if 0 < n < results.rounds and metric is scenario.metrics[0]:
                        incomplete.append(f"{scenario.name} on {server} ({server_threads} thread(s)): "
                                          f"{n} of {results.rounds} rounds")
                if figures[ICE] is not None or figures[FLOE] is not None:  # not the floor alone
                    rows.append(Row(scenario, threads, metric, figures[ICE], figures[FLOE], figures[FLOOR]))
    return rows, sorted(set(incomplete))


def fmt(value, digits):
    return "-" if value is None else f"{value:,.{digits}f}"


def fmt_ratio(value):
    return "-" if value is None else f"{value:.2f}"


def server_table(rows):
    out = ["| scenario | threads | metric | better | Ice Java | Floe | floor | Floe/Ice Java | Floe/floor | floor/Ice Java |",
           "| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        d = r.metric.digits
        out.append(f"| {r.scenario.title} | {r.threads} | {r.metric.label} | {r.metric.better} | "
                   f"{fmt(r.ice, d)} | {fmt(r.floe, d)} | {fmt(r.floor, d)} | "
                   f"{fmt_ratio(r.floe_ice)} | {fmt_ratio(r.floe_floor)} | {fmt_ratio(r.floor_ice)} |")
    return out


def block_table(results):
    names = sorted((s for s in results.scenarios() if re.fullmatch(r"block-\d+", s)),
                   key=lambda s: int(s.split("-")[1]))
    out = []
    for name in names:
        calls = int(name.split("-")[1])
        figures = [(m, results.median(name, VIRTUAL, 1, m)[0]) for m in fan_out_metrics()]
        if all(v is None for _, v in figures):
            continue
        if not out:
            out += ["| Floe only: JDK 25, `Ice.ThreadPool.Server.Virtual=1` | better | Floe |",
                    "| --- | --- | ---: |"]
        for m, v in figures:
            out.append(f"| {calls:,} block(1000) over {calls:,} connections: {m.label} | {m.better} | {fmt(v, m.digits)} |")
    return out


def ami_table(results):
    figures = [(m, results.median("ami", ICE, 1, m)[0], results.median("ami", FLOE, 1, m)[0]) for m in AMI_METRICS]
    if all(i is None and f is None for _, i, f in figures):
        return [], []
    calls = next((row.get("calls") for by_round in results.runs.get(("ami", FLOE, 1), {}).values()
                  for row in by_round.values() if "calls" in row), None)
    title = f"client: {calls:,} delayAsync calls outstanding on one connection" if calls else "client: AMI calls outstanding"
    out = [f"| {title} | better | Ice Java client | Floe client | Floe/Ice Java |",
           "| --- | --- | ---: | ---: | ---: |"]
    rows = []
    for m, ice, floe in figures:
        out.append(f"| {m.label} | {m.better} | {fmt(ice, m.digits)} | {fmt(floe, m.digits)} | {fmt_ratio(ratio(floe, ice))} |")
        rows.append(Row(Scenario("ami", "AMI client", AMI_METRICS, (1,)), 1, m, ice, floe, None))
    return out, rows


def targets(rows):
    delay = [r for r in rows if r.scenario.name.startswith("delay-")]
    if not delay:
        return []
    largest = max(delay, key=lambda r: int(r.scenario.name.split("-")[1])).scenario
    wall = next((r for r in delay if r.scenario is largest and r.metric.label.startswith("wall")), None)
    peak = next((r for r in delay if r.scenario is largest and r.metric is PEAK), None)
    out = []
    if wall and wall.floe_ice is not None:
        out.append(f"- target: {largest.title}, wall time no worse than Ice Java's: Floe/Ice Java "
                   f"{wall.floe_ice:.2f} -> {'met' if wall.floe_ice <= 1.0 else '**missed**'}")
    if peak and peak.floe_ice is not None:
        out.append(f"- target: {largest.title}, peak RSS at most 0.7 × Ice Java's: Floe/Ice Java "
                   f"{peak.floe_ice:.2f} -> {'met' if peak.floe_ice <= 0.7 else '**missed**'}"
                   + (f" (floor/Ice Java {peak.floor_ice:.2f})" if peak.floor_ice is not None else ""))
    return out


def section(results, machine_lines=(), chart_name=None):
    rows, incomplete = server_rows(results)
    ami, _ = ami_table(results)
    out = ["<!-- Generated by scripts/bench.sh (scripts/bench-table.py); a new run replaces it. -->", ""]
    out.append(f"Medians over {results.rounds} round(s); in each round every scenario ran each server once, "
               "in a fresh JVM, in an order that alternates between rounds. floor-netty has one "
               "event-loop thread: it ran once per round and scenario and is the floor of both the "
               "1-thread and the 2-thread rows. Ratios are ratios of the medians; *better* says "
               "whether lower or higher figures are better.")
    if machine_lines:
        out.append("")
        out += [f"- {line}" for line in machine_lines]
    if chart_name:
        out += ["", f"![Floe/Ice Java and Floe/floor ratios of every row below]({chart_name})"]
    if rows:
        out += [""] + server_table(rows)
    more = targets(rows)
    if more:
        out += [""] + more
    block = block_table(results)
    if block:
        out += [""] + block
    if ami:
        out += [""] + ami
    notes = [f"- incomplete: {n}" for n in incomplete]
    notes += [f"- failed: {s} on {srv} ({t} thread(s)), round {r}: {why}"
              for s, srv, t, r, why in sorted(results.errors)]
    notes += [f"- skipped: {s} on {srv}: {why}" for s, srv, why in results.skipped]
    if notes:
        out += [""] + notes
    return "\n".join(out) + "\n"


def replace_section(doc, text):
    """doc with the text between the bench markers replaced by text; the markers stay."""
    start, end = doc.find(BEGIN), doc.find(END)
    if doc.count(BEGIN) != 1 or doc.count(END) != 1 or end < start:
        raise ValueError(f"markers: {BEGIN} ... {END} not found in order (expected: both, once)")
    return doc[:start + len(BEGIN)] + "\n" + text + doc[end:]


def chart(results, path):
    """A PNG of grouped horizontal bars, Floe/Ice Java and Floe/floor per row, with a line at 1.0."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    rows, _ = server_rows(results)
    rows += ami_table(results)[1]
    rows = [r for r in rows if r.floe_ice is not None or r.floe_floor is not None]
    if not rows:
        raise ValueError("no ratios to chart")
    labels = [f"{r.scenario.title}, {r.threads} thr: {r.metric.label} ({r.metric.better} is better)"
              if r.scenario.name != "ami" else f"{r.scenario.title}: {r.metric.label} ({r.metric.better} is better)"
              for r in rows]
    height = 0.36
    fig, ax = plt.subplots(figsize=(13, 1.4 + 0.42 * len(rows)))
    ys = range(len(rows))
    for offset, name, values, color in (
            (-height / 2, "Floe / Ice Java", [r.floe_ice for r in rows], "#1f77b4"),
            (height / 2, "Floe / floor-netty", [r.floe_floor for r in rows], "#ff7f0e")):
        bars = [(y + offset, v) for y, v in zip(ys, values) if v is not None]
        if bars:
            # Each bar runs from the 1.0 line to the ratio, to the left when Floe's figure is the smaller.
            ax.barh([y for y, _ in bars], [v - 1 for _, v in bars], height, left=1, label=name, color=color)
            for y, v in bars:
                ax.text(v, y, f" {v:.2f} " if v >= 1 else f"{v:.2f} ", va="center",
                        ha="left" if v >= 1 else "right", fontsize=7)
    ax.axvline(1.0, color="black", linewidth=1)
    ax.set_yticks(list(ys))
    ax.set_yticklabels(labels, fontsize=8)
    ax.invert_yaxis()
    # A log scale: 0.5 is as far from 1.0 as 2.0, and one outlier does not flatten the others.
    values = [v for r in rows for v in (r.floe_ice, r.floe_floor) if v is not None and v > 0]
    ax.set_xscale("log", base=2)
    ax.set_xlim(min(min(values), 0.8) / 1.6, max(max(values), 1.25) * 1.6)
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda x, _: f"{x:g}"))
    ax.set_xlabel("ratio, log scale (1.0 = same as the other server)")
    ax.set_title(f"Floe's ratios, medians over {results.rounds} round(s)", loc="right")
    ax.grid(axis="x", linestyle=":", linewidth=0.5)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, frameon=False)  # above the bars
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def main(argv):
    parser = argparse.ArgumentParser(description="scripts/bench.sh's results as a Markdown section and a chart")
    parser.add_argument("results", nargs="?", default="target/bench/results.jsonl")
    parser.add_argument("--machine", help="lines describing the machine and the run, one a bullet")
    parser.add_argument("--chart", help="write the ratio chart to this PNG and link it by its file name")
    parser.add_argument("--doc", help="replace the section between the bench markers of this file")
    args = parser.parse_args(argv)
    with open(args.results, encoding="utf-8") as f:
        results = Results(f)
    machine = []
    if args.machine:
        with open(args.machine, encoding="utf-8") as f:
            machine = [line.rstrip("\n") for line in f if line.strip()]
    if args.chart:
        chart(results, args.chart)
    text = section(results, machine, args.chart.rsplit("/", 1)[-1] if args.chart else None)
    if args.doc:
        with open(args.doc, encoding="utf-8") as f:
            doc = f.read()
        with open(args.doc, "w", encoding="utf-8") as f:
            f.write(replace_section(doc, text))
    sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
