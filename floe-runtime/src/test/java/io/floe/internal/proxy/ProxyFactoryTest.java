package io.floe.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.Communicator;
import io.floe.EncodingVersion;
import io.floe.EndpointSelectionType;
import io.floe.FeatureNotSupportedException;
import io.floe.Identity;
import io.floe.NoEndpointException;
import io.floe.ObjectPrx;
import io.floe.testing.Failures;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
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
 * Proxy factory methods ({@code ice_oneway}, {@code ice_adapterId}, {@code ice_compress}...):
 * the same calls on the same proxy must give what the real Ice (Python) prints and reports.
 * A recipe is a proxy string and factory calls, tab-separated.
 */
@Timeout(60)
class ProxyFactoryTest {
    static final List<String> RECIPES = List.of(
            "x:tcp -h h -p 1\toneway",
            "x:tcp -h h -p 1\tbatchOneway",
            "x:tcp -h h -p 1\tdatagram",
            "x:tcp -h h -p 1\tbatchDatagram\ttwoway",
            "x:tcp -h h -p 1\tsecure=1",
            "x -s:tcp -h h -p 1\tsecure=0",
            "x:tcp -h h -p 1\tencoding=1.0",
            "x -e 1.0:tcp -h h -p 1\tencoding=1.1",
            "x:tcp -h h -p 1\tadapterId=Ad",
            "x:tcp -h h -p 1\tadapterId=",
            "x:tcp -h h -p 1\tadapterId=a b",
            "x@A\tendpoints=",
            "x@A\tendpoints=tcp -h a -p 2;tcp -h b -p 3",
            "x:tcp -h h -p 1\tendpoints=tcp -h a -p 2 -t infinite -z",
            "x\tendpoints=opaque -t 99 -e 1.1 -v AQID",
            "x:tcp -h h -p 1\tcompress=1",
            "x:tcp -h h -p 1 -z\tcompress=0",
            "x:tcp -h h -p 1:tcp -h g -p 2 -z\tcompress=1",
            "x@A\tcompress=1",
            "x:tcp -h h -p 1\tconnectionId=c1",
            "x:tcp -h h -p 1\tselection=Ordered",
            "x:tcp -h h -p 1\tselection=Ordered\tselection=Random",
            "x:tcp -h h -p 1\tcached=0",
            "x:tcp -h h -p 1\tinvocationTimeout=500",
            "x:tcp -h h -p 1\tfacet=f g",
            "x -f f:tcp -h h -p 1\tfacet=",
            "x:tcp -h h -p 1\tidentity=c/n",
            "x@A\tidentity=a b",
            "x:tcp -h h -p 1\tadapterId=B\tselection=Ordered\tcached=0\tinvocationTimeout=500\tsecure=1"
                    + "\tencoding=1.0\tbatchDatagram\tconnectionId=k\tcompress=1",
            "x -o -s -e 1.0 @ B\tendpoints=tcp -h h -p 9\ttwoway\tsecure=0",
            "x@A\tlocatorCacheTimeout=10",
            "x\tlocatorCacheTimeout=0",
            "x:tcp -h h -p 1\tlocatorCacheTimeout=5\tadapterId=B",
            "x@A\tlocator=",
            "x@A\tlocator=Other/Locator -e 1.0:tcp -h h -p 2");

    /** Both sides have a default locator, which every proxy they make gets. */
    static final String[] ARGS = {"--Ice.Default.Locator=Grid/Locator:tcp -h 127.0.0.1 -p 4061"};

    private static final Map<String, String> ICE = new LinkedHashMap<>();
    private static Communicator communicator;

    @BeforeAll
    static void askIce() throws Exception {
        communicator = Communicator.initialize(ARGS);
        ICE.putAll(runIce(RECIPES));
    }

    @AfterAll
    static void destroy() {
        communicator.destroy();
    }

    static List<String> recipes() {
        return RECIPES;
    }

    @ParameterizedTest
    @MethodSource("recipes")
    void givesWhatIceGives(String recipe) {
        assertThat(floe(recipe)).isEqualTo(ICE.get(recipe));
    }

    @ParameterizedTest
    @MethodSource("recipes")
    void theResultPrintsAndParsesBackToAnEqualProxyForTheEncodedSettings(String recipe) {
        ObjectPrx proxy = apply(recipe);
        ObjectPrx again = communicator.stringToProxy(proxy.ice_toString());

        assertThat(again.ice_toString()).isEqualTo(proxy.ice_toString());
        assertThat(again.ice_getIdentity()).isEqualTo(proxy.ice_getIdentity());
    }

    @Test
    void factoryMethodsNeverChangeTheProxyTheyAreCalledOn() {
        ObjectPrx proxy = communicator.stringToProxy("x:tcp -h h -p 1");
        String before = proxy.ice_toString();

        proxy.ice_oneway().ice_secure(true).ice_adapterId("A").ice_compress(true).ice_connectionId("c");

        assertThat(proxy.ice_toString()).isEqualTo(before);
        assertThat(proxy.ice_getConnectionId()).isEmpty();
        assertThat(proxy.ice_getCompress()).isEmpty();
    }

    @Test
    void equalityCountsEverySettingAsIceDoes() {
        ObjectPrx proxy = communicator.stringToProxy("x:tcp -h h -p 1");

        assertThat(proxy.ice_reference()).isEqualTo(communicator.stringToProxy("x:tcp -h h -p 1").ice_reference());
        assertThat(proxy.ice_connectionId("c").ice_reference()).isNotEqualTo(proxy.ice_reference());
        assertThat(proxy.ice_connectionCached(false).ice_reference()).isNotEqualTo(proxy.ice_reference());
        assertThat(proxy.ice_endpointSelection(EndpointSelectionType.ORDERED).ice_reference())
                .isNotEqualTo(proxy.ice_reference());
        assertThat(proxy.ice_invocationTimeout(10).ice_reference()).isNotEqualTo(proxy.ice_reference());
        assertThat(proxy.ice_context(Map.of("k", "v")).ice_reference()).isNotEqualTo(proxy.ice_reference());
        assertThat(proxy.ice_locatorCacheTimeout(10).ice_reference()).isNotEqualTo(proxy.ice_reference());
        assertThat(proxy.ice_locator(null).ice_reference()).isNotEqualTo(proxy.ice_reference());
        assertThat(proxy.ice_locatorCacheTimeout(-1).ice_reference()).isEqualTo(proxy.ice_reference());
        assertThat(proxy.ice_connectionId("c").ice_reference().hashCode())
                .isEqualTo(proxy.ice_connectionId("c").ice_reference().hashCode());
    }

    @Test
    void theDefaultEndpointSelectionComesFromIceDefaultEndpointSelection() {
        try (Communicator ordered = Communicator.initialize("--Ice.Default.EndpointSelection=Ordered")) {
            assertThat(ordered.stringToProxy("x:tcp -h h -p 1").ice_getEndpointSelection())
                    .isEqualTo(EndpointSelectionType.ORDERED);
        }
        assertThat(communicator.stringToProxy("x:tcp -h h -p 1").ice_getEndpointSelection())
                .isEqualTo(EndpointSelectionType.RANDOM);
    }

    @Test
    void compressIsTheProxysOverrideOrElseTheEndpoints() {
        ProxyReference plain = (ProxyReference) communicator.stringToProxy("x:tcp -h h -p 1").ice_reference();
        ProxyReference z = (ProxyReference) communicator.stringToProxy("x:tcp -h h -p 1 -z").ice_reference();

        assertThat(plain.compress()).isFalse();
        assertThat(z.compress()).isTrue();
        assertThat(z.withCompress(false).compress()).isFalse();
        assertThat(plain.withCompress(true).compress()).isTrue();
    }

    @Test
    void datagramAndBatchCallsFailClearlyAndSecureOnesFindNoEndpoint() {
        ObjectPrx proxy = communicator.stringToProxy("x:tcp -h 127.0.0.1 -p 1");

        assertThat(Failures.failureOf(proxy.ice_datagram().ice_pingAsync()))
                .isInstanceOf(FeatureNotSupportedException.class);
        assertThat(Failures.failureOf(proxy.ice_secure(true).ice_pingAsync()))
                .isInstanceOf(NoEndpointException.class).hasMessageContaining("secure");
    }

    @Test
    void theDefaultLocatorAndCacheTimeoutComeFromTheirPropertiesAndTheLocatorHasNoLocatorItself() {
        ObjectPrx proxy = communicator.stringToProxy("x@A");

        assertThat(proxy.ice_getLocator().ice_toString()).isEqualTo("Grid/Locator -t -e 1.1:tcp -h 127.0.0.1 -p 4061"
                + " -t 60000");
        assertThat(proxy.ice_getLocator().ice_getLocator()).isNull();
        assertThat(proxy.ice_getLocatorCacheTimeout()).isEqualTo(-1);
        try (Communicator other = Communicator.initialize("--Ice.Default.LocatorCacheTimeout=30")) {
            assertThat(other.stringToProxy("x@A").ice_getLocatorCacheTimeout()).isEqualTo(30);
            assertThat(other.stringToProxy("x@A").ice_getLocator()).isNull();
        }
    }

    @Test
    void aCacheTimeoutBelowMinusOneIsRefusedAsByIce() {
        ObjectPrx proxy = communicator.stringToProxy("x@A");

        assertThatThrownBy(() -> proxy.ice_locatorCacheTimeout(-2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid value passed to ice_locatorCacheTimeout: -2");
    }

    @Test
    void anIndirectProxyWithoutALocatorFindsNoEndpoint() {
        ObjectPrx proxy = communicator.stringToProxy("x@A").ice_locator(null);

        assertThat(Failures.failureOf(proxy.ice_pingAsync())).isInstanceOf(NoEndpointException.class)
                .hasMessageContaining("no locator");
    }

    @Test
    void aBadEndpointIsRefusedAndAnEmptyIdentityToo() {
        ObjectPrx proxy = communicator.stringToProxy("x:tcp -h h -p 1");

        assertThatThrownBy(() -> proxy.ice_endpoints("tcp -p notaport")).hasMessageContaining("notaport");
        assertThatThrownBy(() -> proxy.ice_identity(new Identity("", "c"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static ObjectPrx apply(String recipe) {
        String[] parts = recipe.split("\t");
        ObjectPrx p = communicator.stringToProxy(parts[0]);
        for (String op : Arrays.asList(parts).subList(1, parts.length)) {
            int eq = op.indexOf('=');
            String name = eq < 0 ? op : op.substring(0, eq);
            String arg = eq < 0 ? "" : op.substring(eq + 1);
            p = switch (name) {
                case "twoway" -> p.ice_twoway();
                case "oneway" -> p.ice_oneway();
                case "batchOneway" -> p.ice_batchOneway();
                case "datagram" -> p.ice_datagram();
                case "batchDatagram" -> p.ice_batchDatagram();
                case "secure" -> p.ice_secure(arg.equals("1"));
                case "encoding" -> p.ice_encodingVersion(arg.equals("1.0") ? EncodingVersion.V1_0 : EncodingVersion.V1_1);
                case "adapterId" -> p.ice_adapterId(arg);
                case "endpoints" -> p.ice_endpoints(arg.isEmpty() ? new String[0] : arg.split(";"));
                case "facet" -> p.ice_facet(arg);
                case "identity" -> p.ice_identity(IdentityStrings.parseIdentity(arg));
                case "compress" -> p.ice_compress(arg.equals("1"));
                case "connectionId" -> p.ice_connectionId(arg);
                case "selection" -> p.ice_endpointSelection(EndpointSelectionType.valueOf(arg.toUpperCase()));
                case "cached" -> p.ice_connectionCached(arg.equals("1"));
                case "invocationTimeout" -> p.ice_invocationTimeout(Integer.parseInt(arg));
                case "locatorCacheTimeout" -> p.ice_locatorCacheTimeout(Integer.parseInt(arg));
                case "locator" -> p.ice_locator(communicator.stringToProxy(arg));
                default -> throw new IllegalArgumentException(name);
            };
        }
        return p;
    }

    private static String floe(String recipe) {
        ObjectPrx p = apply(recipe);
        return String.join("|", communicator.proxyToString(p), p.ice_getFacet(), p.ice_getAdapterId(),
                p.ice_getConnectionId(), Boolean.toString(p.ice_isConnectionCached()),
                p.ice_getEndpointSelection().name(), Boolean.toString(p.ice_isSecure()),
                p.ice_getCompress().map(String::valueOf).orElse("-"),
                Integer.toString(p.ice_getInvocationTimeout()), Integer.toString(p.ice_getEndpoints().size()),
                Integer.toString(p.ice_getLocatorCacheTimeout()),
                p.ice_getLocator() == null ? "-" : communicator.proxyToString(p.ice_getLocator()));
    }

    private static Map<String, String> runIce(List<String> recipes) throws IOException, InterruptedException,
            URISyntaxException {
        Path script = Path.of(ProxyFactoryTest.class.getResource("proxy_factory.py").toURI());
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3", script.toString()));
        command.addAll(List.of(ARGS));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Process p = pb.start();
        try {
            p.getOutputStream().write((String.join("\n", recipes) + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("python3 did not finish within 30 s");
            }
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (lines.size() != recipes.size()) {
                throw new IllegalStateException("Ice answered " + lines.size() + " lines for " + recipes.size()
                        + ": " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            Map<String, String> result = new LinkedHashMap<>();
            for (int i = 0; i < recipes.size(); i++) {
                result.put(recipes.get(i), lines.get(i));
            }
            return result;
        } finally {
            p.destroyForcibly();
        }
    }
}
