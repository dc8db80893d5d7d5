package io.floe.interop.client;

import Interop.AmdTesterPrx;
import Interop.CallbackPrx;
import Interop.Tester;
import Interop.AmdTester;
import Interop.TesterPrx;
import io.floe.Communicator;
import io.floe.Identity;
import io.floe.LocalException;
import io.floe.ObjectAdapter;
import io.floe.Properties;
import java.io.PrintStream;
import java.util.UUID;

/**
 * Runs every check against the {@code tester} and {@code amdTester} of one server: client.py's,
 * in its order and with its names, then the Java client's own. Prints one line per check and
 * the last line {@code N passed, M failed}.
 */
public final class Conformance {
    /** What the client's communicator needs: 8 MiB replies, and the classes only it knows. */
    static final String CLIENT_ONLY_PACKAGE = "io.floe.interop.client";

    private final Properties properties;
    private final String endpoint;
    private final CheckRunner run;

    /**
     * Checks against {@code endpoint} with the communicator {@code properties} (the client's
     * defaults are added where unset); {@code only}: just the checks whose name contains it.
     */
    public Conformance(String endpoint, Properties properties, String only, PrintStream out) {
        this.properties = withDefaults(properties);
        this.endpoint = endpoint;
        this.run = new CheckRunner(out, only);
    }

    /** Runs every check, printing a line for each, and returns the counts; not the summary line. */
    public Result run() {
        runAll();
        return progress();
    }

    /** The counts so far; any thread. */
    public Result progress() {
        return new Result(run.passed(), run.failed(), run.skipped(), run.summary());
    }

    /** The counts of one run; {@code summary} is the last line, exactly {@code N passed, M failed}. */
    public record Result(int passed, int failed, int skipped, String summary) {
    }

    static Properties withDefaults(Properties arguments) {
        Properties p = arguments.copy();
        if (!p.isSet("Ice.MessageSizeMax")) {
            p.set("Ice.MessageSizeMax", "65536"); // as client.py: replies of 8 MiB and more
        }
        // The value factory finds InteropClient's classes only here, not in the server.
        p.set("Ice.Package.InteropClient", CLIENT_ONLY_PACKAGE);
        return p;
    }

    private void runAll() {
        try (Communicator communicator = Communicator.initialize(properties)) {
            TesterPrx tester = TesterPrx.uncheckedCast(communicator.stringToProxy("tester:" + endpoint));
            AmdTesterPrx amd = AmdTesterPrx.uncheckedCast(communicator.stringToProxy("amdTester:" + endpoint));
            ObjectAdapter adapter = communicator.createObjectAdapterWithEndpoints("Callback", "tcp -h 127.0.0.1 -p 0");
            CallbackPrx callback = CallbackPrx.uncheckedCast(
                    adapter.add(new CallbackServant(), Identity.of("callback-" + UUID.randomUUID())));
            adapter.activate();
            try {
                tester.ice_ping();
            } catch (LocalException e) {
                run.fail("connect", "cannot reach tester at " + endpoint + ": " + e.ice_id());
                return;
            }
            // amdTester through a TesterPrx: the same operations, so the same requests, byte for byte.
            TesterPrx amdAsTester = TesterPrx.uncheckedCast(amd);
            dataChecks("tester", tester, callback);
            dataChecks("amdTester", amdAsTester, callback);
            new AmdChecks(run, tester, amd).run();
            // Beyond client.py.
            new ExtraChecks(run, "tester", tester, Tester.TYPE_ID).run();
            new ExtraChecks(run, "amdTester", amdAsTester, AmdTester.TYPE_ID).run();
            new ExtraChecks(run, "tester", tester, Tester.TYPE_ID).runServerChecks();
        }
    }

    /** client.py's data_checks, in its order. */
    private void dataChecks(String name, TesterPrx prx, CallbackPrx callback) {
        CallChecks calls = new CallChecks(run, name, prx, callback);
        calls.runBuiltins();
        new ValueChecks(run, name, prx).run();
        new ClassChecks(run, name, prx).run();
        calls.run();
    }
}
