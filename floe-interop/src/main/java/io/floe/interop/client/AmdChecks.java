package io.floe.interop.client;

import static io.floe.interop.client.Expect.equal;
import static io.floe.interop.client.Expect.isTrue;

import Interop.AmdTesterPrx;
import Interop.Level;
import Interop.TesterPrx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * client.py's AMD checks (many delayed calls at once on one dispatch thread, replies out of
 * order) and its comparison of Tester and AmdTester, here through the typed AmdTesterPrx.
 */
final class AmdChecks {
    private final CheckRunner run;
    private final TesterPrx tester;
    private final AmdTesterPrx amd;

    AmdChecks(CheckRunner run, TesterPrx tester, AmdTesterPrx amd) {
        this.run = run;
        this.tester = tester;
        this.amd = amd;
    }

    void run() {
        run.check("amdTester.50 concurrent delay(300)", () -> {
            long start = System.nanoTime();
            List<CompletableFuture<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(amd.delayAsync(300, i));
            }
            int[] results = new int[50];
            for (int i = 0; i < 50; i++) {
                results[i] = futures.get(i).get(30, TimeUnit.SECONDS);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            equal("results of 50 concurrent delay(300)", CallChecks.range(50), results);
            isTrue(elapsed < 5.0, String.format("50 concurrent delay(300) calls took %.1f s: "
                    + "the AMD dispatch does not free the dispatch thread", elapsed));
        });
        run.check("amdTester.replies out of order", () -> {
            List<CompletableFuture<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(amd.delayAsync(200 - 4 * i, i));
            }
            for (int i = 0; i < 40; i++) {
                equal("delay(" + (200 - 4 * i) + ", " + i + ")", i, futures.get(i).get(30, TimeUnit.SECONDS));
            }
        });
        run.check("tester/amdTester give identical results", () -> {
            equal("AmdTester vs Tester for describe(makeChain(6, true))",
                    tester.describe(tester.makeChain(6, true)), amd.describe(amd.makeChain(6, true)));
            equal("AmdTester vs Tester for opMixed", tester.opMixed(Fixtures.sampleMixed(5)),
                    amd.opMixed(Fixtures.sampleMixed(5)));
            equal("AmdTester vs Tester for opOptionalParams",
                    tester.opOptionalParams(1, Optional.of("s"), OptionalInt.of(2), Optional.empty(),
                            Optional.of(new String[] {"a"}), Optional.empty()),
                    amd.opOptionalParams(1, Optional.of("s"), OptionalInt.of(2), Optional.empty(),
                            Optional.of(new String[] {"a"}), Optional.empty()));
            // Beyond client.py: results with classes, optionals and dictionaries.
            equal("AmdTester vs Tester for opOptionals", tester.opOptionals(ClassChecks.fullOptionals(7)),
                    amd.opOptionals(ClassChecks.fullOptionals(7)));
            equal("AmdTester vs Tester for makeChain(4, false)", tester.makeChain(4, false), amd.makeChain(4, false));
            equal("AmdTester vs Tester for opLevelSeq", tester.opLevelSeq(new Level[] {Level.High, Level.Low}),
                    amd.opLevelSeq(new Level[] {Level.High, Level.Low}));
        });
        run.check("tester.one dispatch thread: 4 concurrent delay(150) take at least 600 ms", () -> {
            long start = System.nanoTime();
            List<CompletableFuture<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(tester.delayAsync(150, i));
            }
            for (int i = 0; i < 4; i++) {
                equal("delay(150, " + i + ")", i, futures.get(i).get(30, TimeUnit.SECONDS));
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            isTrue(elapsedMs >= 590, "4 concurrent synchronous delay(150) took " + elapsedMs
                    + " ms: more than one dispatch thread (Ice.ThreadPool.Server.Size=1 expected)");
        });
    }
}
