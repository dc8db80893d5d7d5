"""Tests scripts/bench-table.py on testdata/bench-results.jsonl, two rounds of fixture JSON lines.

Run by scripts/test-launcher.sh (./floe test): python3 -m unittest discover -s scripts -p 'test_*.py'.
The chart test needs matplotlib (Debian python3-matplotlib) and is skipped without it.
"""
import importlib.util
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "bench-table.py")
FIXTURE = os.path.join(HERE, "testdata", "bench-results.jsonl")

spec = importlib.util.spec_from_file_location("bench_table", SCRIPT)
bench_table = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench_table)

try:
    import matplotlib  # noqa: F401
    HAVE_MATPLOTLIB = True
except ImportError:
    HAVE_MATPLOTLIB = False


def load():
    with open(FIXTURE, encoding="utf-8") as f:
        return bench_table.Results(f)


def row(rows, scenario, threads, label):
    matches = [r for r in rows if r.scenario.name == scenario and r.threads == threads and r.metric.label == label]
    assert len(matches) == 1, f"{scenario} {threads} {label}: {len(matches)} rows"
    return matches[0]


class BenchTableTest(unittest.TestCase):
    def setUp(self):
        self.results = load()
        self.rows, self.incomplete = bench_table.server_rows(self.results)

    def test_the_median_of_two_rounds_is_their_mean_and_ratios_are_of_the_medians(self):
        r = row(self.rows, "latency", 1, "median (µs)")
        self.assertEqual((r.ice, r.floe, r.floor), (45, 50, 25))
        self.assertAlmostEqual(r.floe_ice, 50 / 45)
        self.assertAlmostEqual(r.floe_floor, 2.0)
        self.assertAlmostEqual(r.floor_ice, 25 / 45)

    def test_the_one_thread_floor_is_the_floor_of_the_two_thread_rows(self):
        r = row(self.rows, "latency", 2, "median (µs)")
        self.assertEqual((r.ice, r.floe, r.floor), (45, 95, 25))
        self.assertAlmostEqual(r.floe_floor, 3.8)

    def test_every_server_row_has_its_server_cpu_per_call(self):
        for scenario, threads in (("latency", 1), ("latency", 2), ("ping8", 1), ("delay-1000", 1)):
            self.assertIsNotNone(row(self.rows, scenario, threads, "server CPU per call (µs)").floe)
        self.assertAlmostEqual(row(self.rows, "latency", 1, "server CPU per call (µs)").floe, 25)

    def test_delay_memory_per_connection_is_peak_minus_idle_over_connections_per_run(self):
        per = row(self.rows, "delay-1000", 1, "(peak − idle) per connection (KiB)")
        self.assertEqual((per.ice, per.floe, per.floor), (8, 9, 4))
        self.assertEqual(row(self.rows, "delay-1000", 1, "idle RSS, after wait (MiB)").floe, 50)
        self.assertAlmostEqual(row(self.rows, "delay-1000", 1, "wall (s, median of the loadgen's rounds)").floe, 1.25)
        self.assertFalse([r for r in self.rows if r.scenario.name == "delay-1000" and r.threads == 2])

    def test_a_failed_run_is_left_out_of_the_median_and_reported(self):
        r = row(self.rows, "ping8", 1, "calls/s")
        self.assertEqual((r.ice, r.floe, r.floor), (110000, 90000, 210000))
        self.assertEqual(self.incomplete, ["ping8 on floe (1 thread(s)): 1 of 2 rounds"])
        text = bench_table.section(self.results)
        self.assertIn("- failed: ping8 on floe (1 thread(s)), round 2: Ice::ConnectionRefusedException", text)
        self.assertIn("- skipped: upload on floe: fixture: not measured", text)

    def test_the_section_has_both_ratios_the_machine_and_the_chart(self):
        text = bench_table.section(self.results, ["nproc: 2", "git: abc1234"], "BENCHMARKS.png")
        self.assertIn("Medians over 2 round(s)", text)
        self.assertIn("- nproc: 2\n- git: abc1234\n", text)
        self.assertIn("](BENCHMARKS.png)", text)
        self.assertIn("| ping latency, one call at a time | 2 | median (µs) | lower | 45.0 | 95.0 | 25.0 | 2.11 | 3.80 | 0.56 |", text)
        self.assertIn("| ping, 64 outstanding on 8 connections | 1 | calls/s | higher | 110,000 | 90,000 | 210,000 | 0.82 | 0.43 | 1.91 |", text)
        self.assertIn("| 1,000 block(1000) over 1,000 connections: (peak − idle) per connection (KiB) | lower | 16.00 |", text)
        self.assertIn("| heap per outstanding call (bytes) | lower | 682 | 645 | 0.95 |", text)
        self.assertIn("- target: 1,000 delay(1000) over 1,000 connections, wall time no worse than Ice Java's: "
                      "Floe/Ice Java 1.09 -> **missed**", text)

    def test_an_odd_number_of_rounds_takes_the_middle_run(self):
        lines = [f'{{"server":"floe","bench_scenario":"latency","threads":1,"round":{n},"scenario":"latency","median_us":{v}}}'
                 for n, v in ((1, 70), (2, 10), (3, 40))]
        self.assertEqual(bench_table.Results(lines).median("latency", "floe", 1, bench_table.SERVER_SCENARIOS[0].metrics[0]),
                         (40, 3))

    def test_the_doc_keeps_everything_outside_the_markers(self):
        doc = f"# Title\n\nbefore\n{bench_table.BEGIN}\nold table\n{bench_table.END}\nafter\n"
        new = bench_table.replace_section(doc, "new table\n")
        self.assertEqual(new, f"# Title\n\nbefore\n{bench_table.BEGIN}\nnew table\n{bench_table.END}\nafter\n")
        with self.assertRaisesRegex(ValueError, "markers"):
            bench_table.replace_section("no markers\n", "x")
        with self.assertRaisesRegex(ValueError, "markers"):
            bench_table.replace_section(doc + doc, "x")

    @unittest.skipUnless(HAVE_MATPLOTLIB, "matplotlib missing (apt-get install python3-matplotlib)")
    def test_the_command_line_writes_the_section_into_the_doc_and_the_chart_beside_it(self):
        with tempfile.TemporaryDirectory() as tmp:
            doc = os.path.join(tmp, "BENCHMARKS.md")
            png = os.path.join(tmp, "BENCHMARKS.png")
            with open(doc, "w", encoding="utf-8") as f:
                f.write(f"intro\n{bench_table.BEGIN}\n{bench_table.END}\nrest\n")
            out = subprocess.run([sys.executable, SCRIPT, FIXTURE, "--chart", png, "--doc", doc],
                                 check=True, capture_output=True, text=True).stdout
            with open(doc, encoding="utf-8") as f:
                self.assertEqual(f.read(), f"intro\n{bench_table.BEGIN}\n{out}{bench_table.END}\nrest\n")
            with open(png, "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")


if __name__ == "__main__":
    unittest.main()
