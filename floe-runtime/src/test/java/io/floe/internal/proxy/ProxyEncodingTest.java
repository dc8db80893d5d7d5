package io.floe.internal.proxy;

import static io.floe.testing.HexBytes.format;
import static io.floe.testing.HexBytes.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.Communicator;
import io.floe.EncodingVersion;
import io.floe.MarshalException;
import io.floe.ObjectPrx;
import io.floe.encoding.FormatType;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Proxies as parameters (ice-protocol.md §3.9, §3.10), byte-exact against the §9.10 captures. */
@Timeout(30)
class ProxyEncodingTest {
    private static Communicator communicator;

    @BeforeAll
    static void start() {
        communicator = Communicator.initialize();
    }

    @AfterAll
    static void destroy() {
        communicator.destroy();
    }

    static List<List<String>> captures() {
        return List.of(
                List.of("id1 -f fc -o -s -e 1.0:tcp -h 127.0.0.1 -p 10000 -t 60000 -z",
                        "03 \"id1\" 00 | 01 02 \"fc\" | 01 | 01 | 01 00 | 01 00 | 01 | 01 00"
                                + " | 19 00 00 00 01 01 09 \"127.0.0.1\" 10 27 00 00 60 ea 00 00 01"),
                List.of("cat/id2@MyAdapter",
                        "03 \"id2\" 03 \"cat\" | 00 | 00 | 00 | 01 00 | 01 01 | 00 | 09 \"MyAdapter\""),
                List.of("id3",
                        "03 \"id3\" 00 | 00 | 00 | 00 | 01 00 | 01 01 | 00 | 00"),
                // §9.8, tag 14: the proxy inside the FSize.
                List.of("p:tcp -h h -p 1",
                        "01 70 00 00 00 00 01 00 01 01 01 01 00 11 00 00 00 01 01 01 68 01 00 00 00 60 ea 00 00 00"),
                // §3.10: infinite timeout, and two endpoints in order.
                List.of("x -O:tcp -h h1 -p 1 -t infinite:tcp -h h3 -p 3",
                        "01 \"x\" 00 | 00 | 02 | 00 | 01 00 | 01 01 | 02"
                                + " | 01 00 | 12 00 00 00 01 01 | 02 \"h1\" | 01 00 00 00 | ff ff ff ff | 00"
                                + " | 01 00 | 12 00 00 00 01 01 | 02 \"h3\" | 03 00 00 00 | 60 ea 00 00 | 00"),
                List.of("x -D -s", "01 \"x\" 00 | 00 | 04 | 01 | 01 00 | 01 01 | 00 | 00"),
                List.of("x -d", "01 \"x\" 00 | 00 | 03 | 00 | 01 00 | 01 01 | 00 | 00"),
                // §3.10: a transport Floe lacks is kept opaque and written back unchanged.
                List.of("x:opaque -t 99 -e 1.1 -v AQID",
                        "01 \"x\" 00 | 00 | 00 | 00 | 01 00 | 01 01 | 01 | 63 00 | 09 00 00 00 01 01 | 01 02 03"),
                // §6: ssl (type 2), then tcp; the opaque one keeps its place.
                List.of("x:opaque -t 2 -e 1.1 -v CTEyNy4wLjAuMeouAAAQJwAAAA==:tcp -h h -p 1",
                        "01 \"x\" 00 | 00 | 00 | 00 | 01 00 | 01 01 | 02"
                                + " | 02 00 | 19 00 00 00 01 01 | 09 \"127.0.0.1\" ea 2e 00 00 10 27 00 00 00"
                                + " | 01 00 | 11 00 00 00 01 01 01 68 01 00 00 00 60 ea 00 00 00"),
                // An opaque body in another encoding is kept with its version.
                List.of("x:opaque -t 99 -e 1.0 -v AQID",
                        "01 \"x\" 00 | 00 | 00 | 00 | 01 00 | 01 01 | 01 | 63 00 | 09 00 00 00 01 00 | 01 02 03"));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void writesTheCapturedBytes(List<String> capture) {
        assertThat(written(communicator.stringToProxy(capture.get(0)))).isEqualTo(format(parse(capture.get(1))));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void readsTheCapturedBytesBackToTheSameProxy(List<String> capture) {
        ObjectPrx expected = communicator.stringToProxy(capture.get(0));

        ObjectPrx read = read(parse(capture.get(1)));

        assertThat(read.ice_reference()).isEqualTo(expected.ice_reference());
        assertThat(communicator.proxyToString(read)).isEqualTo(communicator.proxyToString(expected));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void readsTheCapturedBytesFedOneByteAtATimeOnlyWhenAllAreThere(List<String> capture) {
        byte[] bytes = parse(capture.get(1));
        for (int n = 0; n < bytes.length; n++) {
            byte[] prefix = java.util.Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> read(prefix)).as("first %d bytes", n).isInstanceOf(MarshalException.class);
        }
        assertThat(read(bytes)).isNotNull();
    }

    @Test
    void aProxyWithOnlyOpaqueEndpointsCannotBeInvoked() {
        ObjectPrx proxy = communicator.stringToProxy("x:opaque -t 99 -e 1.1 -v AQID");

        assertThatThrownBy(proxy::ice_ping)
                .isInstanceOf(io.floe.NoEndpointException.class)
                .hasMessageContaining("no tcp endpoint");
    }

    @Test
    void anOpaqueTcpEndpointIsReadAsTcp() {
        assertThat(communicator.proxyToString(communicator.stringToProxy("x:opaque -t 1 -e 1.1 -v AWgBAAAAYOoAAAA=")))
                .isEqualTo("x -t -e 1.1:tcp -h h -p 1 -t 60000");
    }

    @Test
    void writesAndReadsTheNullProxyAsTwoZeroBytes() {
        assertThat(written(null)).isEqualTo("00 00");
        assertThat(read(parse("00 00"))).isNull();
    }

    @Test
    void refusesACategoryWithoutAName() {
        assertThatThrownBy(() -> read(parse("00 03 \"cat\" 00 00 00 01 00 01 01 00 00")))
                .isInstanceOf(MarshalException.class)
                .hasMessageContaining("'cat'");
    }

    @Test
    void refusesAnUnknownModeByte() {
        assertThatThrownBy(() -> read(parse("01 \"x\" 00 | 00 | 05 | 00 | 01 00 | 01 01 | 00 | 00")))
                .isInstanceOf(MarshalException.class)
                .hasMessage("proxy mode: 5 (expected: 0 to 4)");
    }

    @Test
    void insideAnEncodingOneZeroEncapsulationOmitsTheVersionsAndNestsEndpointsInOneZero() {
        ObjectPrx proxy = communicator.stringToProxy("id1 -e 1.0:tcp -h h -p 1");
        ByteBuf buf = Unpooled.buffer();
        try {
            OutputStream out = new OutputStream(buf);
            out.startEncapsulation(EncodingVersion.V1_0, FormatType.DEFAULT);
            out.writeProxy(proxy);
            out.endEncapsulation();

            // §3.9: no protocol/encoding bytes in 1.0; §3.10: the endpoint encapsulation takes the
            // enclosing stream's version.
            assertThat(format(ByteBufUtil.getBytes(buf))).isEqualTo(format(parse(
                    "22 00 00 00 01 00 | 03 \"id1\" 00 | 00 | 00 | 00 | 01"
                            + " | 01 00 | 11 00 00 00 01 00 01 \"h\" 01 00 00 00 60 ea 00 00 00")));

            InputStream in = new InputStream(buf, communicator._instance().proxyDecoder());
            in.startEncapsulation();
            ObjectPrx read = in.readProxy();
            in.endEncapsulation();
            assertThat(communicator.proxyToString(read)).isEqualTo("id1 -t -e 1.0:tcp -h h -p 1 -t 60000");
        } finally {
            buf.release();
        }
    }

    private static String written(ObjectPrx proxy) {
        ByteBuf buf = Unpooled.buffer();
        try {
            new OutputStream(buf).writeProxy(proxy);
            return format(ByteBufUtil.getBytes(buf));
        } finally {
            buf.release();
        }
    }

    private static ObjectPrx read(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            InputStream in = new InputStream(buf, communicator._instance().proxyDecoder());
            ObjectPrx proxy = in.readProxy();
            assertThat(in.remaining()).isZero();
            return proxy;
        } finally {
            buf.release();
        }
    }
}
