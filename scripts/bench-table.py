#!/usr/bin/env python3
"""Prints scripts/bench.sh's results (target/bench/results.jsonl) as a Markdown table of Floe/Ice ratios.

Each line of the input is one loadgen step's JSON object with "server" (ice-java, floe,
floe-virtual) and "bench_scenario" added by bench.sh. A scenario's "wait" step gives the server's
RSS before the load; the measured step gives its peak (VmHWM) after the load.
"""
import json
import sys


def load(path):
    steps = {}
    skipped = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            row = json.loads(line)
            key = (row["bench_scenario"], row["server"])
            if "skipped" in row:
                skipped[key] = row["skipped"]
                continue
            steps.setdefault(key, {})[row.get("scenario", "?")] = row
    return steps, skipped


def measured(steps, scenario, server):
    """The scenario's measured step (not "wait") and its wait step, or (None, None)."""
    rows = steps.get((scenario, server), {})
    for name, row in rows.items():
        if name != "wait":
            return row, rows.get("wait")
    return None, rows.get("wait")


def mib(kb):
    return kb / 1024.0


def fmt(value, digits):
    if value is None:
        return "-"
    return f"{value:,.{digits}f}"


# (scenario, label, extractor, digits, better): better is "lower" or "higher", for the reader.
def per_pending_kib(row, wait):
    if row is None or wait is None or "error" in row:
        return None
    return (row["server_vmhwm_kb"] - wait["server_vmrss_kb"]) / row["calls"]


METRICS = [
    ("latency", "ping latency median (µs)", lambda r, w: r.get("median_us"), 1, "lower"),
    ("latency", "ping latency p99 (µs)", lambda r, w: r.get("p99_us"), 1, "lower"),
    ("latency", "server CPU per call (µs)", lambda r, w: r.get("server_cpu_us_per_call"), 1, "lower"),
    ("ping", "calls/s, 64 outstanding on 8 connections", lambda r, w: r.get("calls_per_s"), 0, "higher"),
    ("ping", "server CPU per call (µs)", lambda r, w: r.get("server_cpu_us_per_call"), 1, "lower"),
    ("echo", "1 MiB echo (MiB/s)", lambda r, w: r.get("mib_per_s"), 0, "higher"),
    ("echo", "server CPU per call (µs)", lambda r, w: r.get("server_cpu_us_per_call"), 0, "lower"),
    ("echo", "server peak RSS (MiB)", lambda r, w: mib(r["server_vmhwm_kb"]), 1, "lower"),
    ("delay", "10,000 delay(1000) / 10,000 conns: wall (s, median of 3)", lambda r, w: r.get("wall_s"), 3, "lower"),
    ("delay", "server peak RSS (MiB)", lambda r, w: mib(r["server_vmhwm_kb"]), 1, "lower"),
    ("delay", "server RSS before the load (MiB)", lambda r, w: mib(w["server_vmrss_kb"]) if w else None, 1, "lower"),
    ("delay", "peak RSS delta per pending call (KiB)", per_pending_kib, 2, "lower"),
    ("delay", "server CPU, 3 rounds (s)", lambda r, w: r.get("server_cpu_s"), 2, "lower"),
    ("delay", "last round latency max (ms)", lambda r, w: r.get("last_round_latency_max_ms"), 0, "lower"),
    ("ami", "client: 100,000 outstanding AMI calls, heap per call (bytes)", lambda r, w: r.get("heap_per_call_bytes"), 0, "lower"),
    ("ami", "client: RSS per outstanding call (bytes)", lambda r, w: r.get("rss_per_call_bytes"), 0, "lower"),
    ("ami", "client: peak RSS (MiB)", lambda r, w: r.get("peak_rss_mib"), 1, "lower"),
    ("ami", "client: time to write the 100,000 requests (s)", lambda r, w: r.get("sent_s"), 3, "lower"),
]


def value(steps, scenario, server, extract):
    row, wait = measured(steps, scenario, server)
    if row is None or "error" in row:
        return None
    try:
        return extract(row, wait)
    except (KeyError, TypeError, ZeroDivisionError):
        return None


def main(path):
    steps, skipped = load(path)
    out = ["| scenario | metric | Ice Java | Floe | Floe/Ice |", "| --- | --- | ---: | ---: | ---: |"]
    for scenario, label, extract, digits, better in METRICS:
        ice = value(steps, scenario, "ice-java", extract)
        floe = value(steps, scenario, "floe", extract)
        if ice is None and floe is None:
            continue
        ratio = f"{floe / ice:.2f}" if ice and floe is not None else "-"
        out.append(f"| {scenario} | {label} ({better} is better) | {fmt(ice, digits)} | {fmt(floe, digits)} | {ratio} |")
    print("\n".join(out))

    for (scenario, server), rows in sorted(steps.items()):
        for row in rows.values():
            if "error" in row:
                print(f"\n{scenario} on {server} failed: {row['error']}")

    delay_ice = measured(steps, "delay", "ice-java")[0]
    delay_floe = measured(steps, "delay", "floe")[0]
    if delay_ice and delay_floe and "error" not in delay_ice and "error" not in delay_floe:
        wall = delay_floe["wall_s"] / delay_ice["wall_s"]
        peak = delay_floe["server_vmhwm_kb"] / delay_ice["server_vmhwm_kb"]
        print()
        print(f"target: delay wall time <= Ice Java's: Floe/Ice {wall:.2f} -> {'met' if wall <= 1.0 else 'MISSED'}")
        print(f"target: delay peak RSS <= 0.7 x Ice Java's: Floe/Ice {peak:.2f} -> {'met' if peak <= 0.7 else 'MISSED'}")

    block, block_wait = measured(steps, "block", "floe-virtual")
    if block and "error" not in block:
        print()
        print("| Floe only (JDK 25, Ice.ThreadPool.Server.Virtual=1) | value |")
        print("| --- | ---: |")
        print(f"| 10,000 block(1000) / 10,000 conns: wall (s, median of 3) | {block['wall_s']:.3f} |")
        print(f"| server peak RSS (MiB) | {mib(block['server_vmhwm_kb']):.1f} |")
        if block_wait:
            print(f"| server RSS before the load (MiB) | {mib(block_wait['server_vmrss_kb']):.1f} |")
            print(f"| peak RSS delta per pending call (KiB) | {per_pending_kib(block, block_wait):.2f} |")
        print(f"| server CPU, 3 rounds (s) | {block.get('server_cpu_s', 0):.2f} |")
    elif block:
        print(f"\nblock on floe-virtual failed: {block['error']}")
    for (scenario, server), why in skipped.items():
        print(f"\n{scenario} on {server}: skipped: {why}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/bench/results.jsonl")
