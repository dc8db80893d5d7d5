package io.floe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.encoding.Encoder;
import io.floe.encoding.FormatType;
import io.floe.encoding.InputStream;
import io.floe.encoding.OutputStream;
import io.floe.encoding.ValueHolder;
import io.floe.fixture.Cap.Node;
import io.floe.testing.LoopbackServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Class parameters through a real server: the communicator's ValueFactory and depth limit apply
 * to dispatched parameters, and a malformed graph is answered with reply status 5.
 */
@Timeout(30)
class ClassParamsDispatchTest {
    @RegisterExtension
    static final LoopbackServer server = LoopbackServer.with(
            "Ice.Package.Cap", "io.floe.fixture", "Ice.ClassGraphDepthMax", "10")
            .client("Ice.Package.Cap", "io.floe.fixture");

    /** {@code string length(Node n)}: the length of the chain it receives. */
    static final class Lengths implements Servant {
        @Override
        public void _dispatch(IncomingRequest request) throws UserException {
            if (!request.current().operation().equals("length")) {
                Servant._dispatchBuiltin(this, request);
                return;
            }
            InputStream in = request.startReadParams();
            ValueHolder<Node> n = new ValueHolder<>();
            in.readValue(n, Node.class);
            request.endReadParams();
            int length = 0;
            for (Node at = n.value; at != null && length < 1000; at = at.next) {
                length++;
            }
            OutputStream out = request.startWriteResult();
            out.writeInt(length);
            request.sendResult(out);
        }
    }

    private static int length(FormatType format, Encoder params) {
        server.add("lengths", new Lengths());
        ObjectPrx proxy = server.proxy("lengths", p -> p);
        return ObjectPrx.awaitLocal(proxy.ice_reference().invoke("length", OperationMode.NORMAL, format, params,
                InputStream::readInt, null, null));
    }

    private static Node chain(int n) {
        Node head = null;
        for (int i = 0; i < n; i++) {
            head = new Node(i, head);
        }
        return head;
    }

    @Test
    void aClassParameterIsMadeByTheServersValueFactory() {
        assertThat(length(FormatType.COMPACT, out -> out.writeValue(chain(10)))).isEqualTo(10);
        assertThat(length(FormatType.SLICED, out -> out.writeValue(chain(10)))).isEqualTo(10);
    }

    @Test
    void aGraphDeeperThanTheServersLimitIsReplyStatus5() {
        assertThatThrownBy(() -> length(FormatType.COMPACT, out -> out.writeValue(chain(11))))
                .isInstanceOf(UnknownLocalException.class)
                .hasMessageContaining("Ice.ClassGraphDepthMax");
    }

    @Test
    void aBackReferenceToNothingIsReplyStatus5() {
        assertThatThrownBy(() -> length(FormatType.COMPACT, out -> out.writeSize(7)))
                .isInstanceOf(UnknownLocalException.class)
                .hasMessageContaining("class instance id: 7");
    }

    @Test
    void anUnknownTypeInTheCompactFormatIsReplyStatus5() {
        assertThatThrownBy(() -> length(FormatType.COMPACT, out -> {
            out.writeSize(1);
            out.writeByte((byte) 0x21);
            out.writeString("::Cap::Nobody");
        })).isInstanceOf(UnknownLocalException.class).hasMessageContaining("NoValueFactoryException");
    }
}
