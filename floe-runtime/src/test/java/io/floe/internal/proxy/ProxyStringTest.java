package io.floe.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.Communicator;
import io.floe.Identity;
import io.floe.IdentityParseException;
import io.floe.LocalException;
import io.floe.ObjectPrx;
import io.floe.ProxyParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stringified proxies (ice-protocol.md §6): Floe must print what the real Ice 3.7 prints for the
 * same input. The oracle is Python Ice, run once for the whole class.
 */
@Timeout(60)
class ProxyStringTest {
    static final List<String> INPUTS = List.of(
            "model:tcp -h 127.0.0.1 -p 10000",
            "a/b -f fac -o:tcp -h h -p 1 -t infinite -z",
            "\"my id\" -f \"fa cet\":tcp -p 5",
            "\"my id\" -f \"fa cet\":default -p 5",
            "id@Adapter",
            "name @ \"Adapter Id\"",
            "'x y'@'ad a'",
            "x@\"a:b\"",
            "x@a@b",
            "x @ a\\\"b",
            "x -e 1.0:tcp -h h -p 2:tcp -h h2 -p 3",
            "x:tcp -h 127.0.0.1 -p 1:tcp -h 127.0.0.2 -p 2 -z",
            "x:tcp -h h -p 1 : tcp -h h -p 2",
            "x -s:tcp -h h -p 1",
            "x -s -s",
            "x -O:tcp -h h -p 1",
            "x -D:tcp -h h -p 1",
            "x -d:tcp -h h -p 1",
            "x -o -t",
            "x -f \"a b\" -O -s -e 1.0:tcp -h h -p 1",
            "x -e 1.1 -e 1.0",
            "x -p 1.0 -e 1.0",
            "x -e 1.2",
            "x:tcp",
            "x:tcp -h h",
            "x:tcp -h h -p 1 -t 1000",
            "x:tcp -h h -h g",
            "x:tcp -p 1 -p 2",
            "x:tcp -z -z",
            "x:tcp -t 10 -t 20",
            "x:tcp -p +5",
            "x:tcp -h h -p 65535",
            "x:tcp -h \"::1\" -p 4",
            "x:default -h h -p 1",
            "  x  ",
            "X/x",
            "/x",
            "a\\/b",
            "\"a:b\"",
            "\"a@b\"",
            "a#b",
            "a?b",
            "a\\?b",
            "id -f \"a/b\"",
            "x -f a\\/b",
            "x -f \"a:b\"",
            "x -f é",
            "\"c\\/t/né x\\x01\\/\\\"\\x27\"",
            "tab\\there",
            "\"x\\ty\"",
            "x\\tab:tcp -p 1",
            "é",
            "ab\\u00e9",
            "a\\U0001F600b",
            "n\\303\\251",
            "n\\xc3\\xa9",
            "a\\bx",
            "a\\u0007b",
            "a\\7b",
            "a\\013b",
            "x\\u0000y",
            "x\\u001fy",
            "x\\u007f",
            "x -f f\\x01",
            "x -f \"\\x7f\"",
            "a\\qb",
            "a\\\\b",
            "\"a b/c d\"",
            "'single quoted':tcp -p 1",
            "\"it's\"",
            "'say \"hi\"'",
            "a'b",
            "a\\'b",
            "-t",
            "x -f \"-o\" -o",
            "x:opaque -t 99 -e 1.1 -v AQID",
            "x:opaque -t 2 -e 1.1 -v CTEyNy4wLjAuMeouAAAQJwAAAA==",
            "x:opaque -t 1 -e 1.1 -v AWgBAAAAYOoAAAA=",
            "x:opaque -e 1.0 -t 99 -v AQID:tcp -h h -p 1",
            "x:opaque -t 99 -v AQID");

    /** Ice prints a facet that starts with '-' unquoted, so its output does not parse back. */
    static final List<String> NOT_REPARSABLE = List.of("x -f \"-o\" -o");

    private static final Map<String, String> ICE = new LinkedHashMap<>();
    private static Communicator communicator;

    @BeforeAll
    static void askIce() throws IOException, InterruptedException {
        communicator = Communicator.initialize();
        ICE.putAll(IcePython.proxyToString(INPUTS));
    }

    @AfterAll
    static void destroy() {
        communicator.destroy();
    }

    static List<String> inputs() {
        return INPUTS;
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void printsWhatIcePrints(String input) {
        assertThat(floe(input)).isEqualTo(ICE.get(input));
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void parsesItsOwnOutputBackToTheSameProxy(String input) {
        org.junit.jupiter.api.Assumptions.assumeFalse(NOT_REPARSABLE.contains(input));
        ObjectPrx proxy = communicator.stringToProxy(input);
        String printed = communicator.proxyToString(proxy);

        ObjectPrx again = communicator.stringToProxy(printed);

        assertThat(again.ice_reference()).isEqualTo(proxy.ice_reference());
        assertThat(communicator.proxyToString(again)).isEqualTo(printed);
    }

    @Test
    void parsesIdentityCategoryFacetAndAdapterId() {
        ProxyReference r = reference("\"c\\/t/né x\\x01\\/\\\"\\x27\" -f \"fa cet\" @ \"Ad ap\"");

        assertThat(r.identity()).isEqualTo(new Identity("né x\u0001/\"'", "c/t"));
        assertThat(r.facet()).isEqualTo("fa cet");
        assertThat(r.adapterId()).isEqualTo("Ad ap");
        assertThat(r.endpoints()).isEmpty();
    }

    @Test
    void octalAndHexEscapesAreUtf8Bytes() {
        assertThat(reference("n\\303\\251").identity().name()).isEqualTo("né");
        assertThat(reference("n\\xc3\\xa9").identity().name()).isEqualTo("né");
        assertThat(reference("a\\7b").identity().name()).isEqualTo("a\u0007b");
    }

    @Test
    void theEmptyStringAndAQuotedEmptyStringAreTheNullProxy() {
        assertThat(communicator.stringToProxy("")).isNull();
        assertThat(communicator.stringToProxy("  ")).isNull();
        assertThat(communicator.stringToProxy("\"\"")).isNull();
        assertThat(communicator.proxyToString(null)).isEmpty();
    }

    static List<List<String>> badStrings() {
        // input, exception, a fragment of the message that names the offending token
        return List.of(
                List.of("model -x", "ProxyParseException", "'-x'"),
                List.of("model -t -x", "ProxyParseException", "'-x'"),
                List.of("model -oo", "ProxyParseException", "'-oo'"),
                List.of("x -f fac extra", "ProxyParseException", "'extra'"),
                List.of("x \"y\"", "ProxyParseException", "'\"y\"'"),
                List.of("model:tcp -p notaport", "ProxyParseException", "'notaport'"),
                List.of("model:tcp -p 70000", "ProxyParseException", "70000"),
                List.of("model:tcp -p -1", "ProxyParseException", "-p"),
                List.of("model:tcp -p 0x10", "ProxyParseException", "'0x10'"),
                List.of("model:tcp -h", "ProxyParseException", "-h"),
                List.of("model:tcp -t", "ProxyParseException", "-t"),
                List.of("model:tcp -t abc", "ProxyParseException", "'abc'"),
                List.of("model:tcp -t 0", "ProxyParseException", "'0'"),
                List.of("model:tcp -t -1", "ProxyParseException", "-t"),
                List.of("model:tcp -t INFINITE", "ProxyParseException", "'INFINITE'"),
                List.of("model:tcp -q", "ProxyParseException", "'-q'"),
                List.of("model:tcp -p 1 extra", "ProxyParseException", "'extra'"),
                List.of("model:foo -h h", "ProxyParseException", "'foo'"),
                List.of("x:opaque -t 99", "ProxyParseException", "no -v option"),
                List.of("x:opaque -v AQID", "ProxyParseException", "no -t option"),
                List.of("x:opaque -t 99 -v !!", "ProxyParseException", "'!!'"),
                List.of("x:opaque -t 70000 -v AQID", "ProxyParseException", "'70000'"),
                List.of("x:opaque -t 99 -v", "ProxyParseException", "-v"),
                List.of("x:", "ProxyParseException", "empty endpoint"),
                List.of("x :tcp -h h -p 1:", "ProxyParseException", "empty endpoint"),
                List.of("\"model", "ProxyParseException", "quote"),
                List.of("'a b", "ProxyParseException", "quote"),
                List.of("x -f 'f", "ProxyParseException", "quote"),
                List.of("x:tcp -h \"h", "ProxyParseException", "quote"),
                List.of("model -f", "ProxyParseException", "-f"),
                List.of("x -f -o", "ProxyParseException", "-f"),
                List.of("model -e", "ProxyParseException", "-e"),
                List.of("model -e 1", "ProxyParseException", "'1'"),
                List.of("model -e x.y", "ProxyParseException", "'x.y'"),
                List.of("x -e 1.1.1", "ProxyParseException", "'1.1.1'"),
                List.of("x -f \"\" @ ad", "ProxyParseException", "-f"),
                List.of("x @ ", "ProxyParseException", "adapter id"),
                List.of("x@a:tcp -p 1", "ProxyParseException", "x@a:tcp -p 1"),
                List.of("a/b/c", "IdentityParseException", "'a/b/c'"),
                List.of("x/", "ProxyParseException", "'x/'"),
                List.of("x\\u12", "IdentityParseException", "\\u12"),
                List.of("x\\xZZ", "IdentityParseException", "\\xZZ"),
                List.of("x\\400", "IdentityParseException", "\\400"),
                List.of("x\\U00110000", "IdentityParseException", "\\U00110000"),
                List.of("x\\uD800", "IdentityParseException", "\\uD800"));
    }

    @ParameterizedTest
    @MethodSource("badStrings")
    void refusesABadStringNamingTheOffendingToken(List<String> bad) {
        Class<? extends LocalException> type = bad.get(1).equals("ProxyParseException")
                ? ProxyParseException.class : IdentityParseException.class;

        assertThatThrownBy(() -> communicator.stringToProxy(bad.get(0)))
                .isInstanceOf(type)
                .hasMessageContaining(bad.get(2));
    }

    @Test
    void theBadStringsAreBadForIceToo() throws IOException, InterruptedException {
        List<String> inputs = badStrings().stream().map(b -> b.get(0)).toList();

        Map<String, String> ice = IcePython.errors(inputs);

        assertThat(ice).allSatisfy((input, outcome) -> assertThat(outcome).as(input).startsWith("!"));
    }

    private static String floe(String input) {
        return communicator.proxyToString(communicator.stringToProxy(input));
    }

    private static ProxyReference reference(String input) {
        return (ProxyReference) communicator.stringToProxy(input).ice_reference();
    }

    /** Runs the real Ice (Python) once over many lines. */
    static final class IcePython {
        static final String PRINT = "import Ice,sys; c=Ice.initialize();"
                + " [print(c.proxyToString(c.stringToProxy(l.strip()))) for l in sys.stdin]";
        static final String TRY = "import Ice,sys\nc=Ice.initialize()\nfor l in sys.stdin:\n"
                + "    try: print(c.proxyToString(c.stringToProxy(l.strip())))\n"
                + "    except Exception as e: print('!' + type(e).__name__)\nc.destroy()\n";

        static Map<String, String> proxyToString(List<String> inputs) throws IOException, InterruptedException {
            return run(PRINT, inputs);
        }

        static Map<String, String> errors(List<String> inputs) throws IOException, InterruptedException {
            return run(TRY, inputs);
        }

        private static Map<String, String> run(String script, List<String> inputs)
                throws IOException, InterruptedException {
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "-c", script);
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            Process p = pb.start();
            try {
                p.getOutputStream().write((String.join("\n", inputs) + "\n").getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().close();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("python3 did not finish within 30 s");
                }
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                List<String> lines = out.lines().toList();
                if (lines.size() != inputs.size()) {
                    throw new IllegalStateException("Ice printed " + lines.size() + " lines for "
                            + inputs.size() + " inputs (exit " + p.exitValue() + "): " + err);
                }
                Map<String, String> result = new LinkedHashMap<>();
                for (int i = 0; i < inputs.size(); i++) {
                    result.put(inputs.get(i), lines.get(i));
                }
                return result;
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
