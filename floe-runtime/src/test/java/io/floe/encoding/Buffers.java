package io.floe.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Hands out heap buffers for one test and releases them afterwards. The streams do not own their
 * buffers, so each one must still hold exactly the reference the test gave it.
 */
final class Buffers implements AfterEachCallback {
    private final List<ByteBuf> buffers = new ArrayList<>();

    ByteBuf empty() {
        ByteBuf buf = Unpooled.buffer();
        buffers.add(buf);
        return buf;
    }

    ByteBuf of(String dump) {
        return empty().writeBytes(Hex.parse(dump));
    }

    ByteBuf of(byte[] bytes) {
        return empty().writeBytes(bytes);
    }

    OutputStream out() {
        return new OutputStream(empty());
    }

    InputStream in(String dump) {
        return new InputStream(of(dump));
    }

    InputStream in(byte[] bytes) {
        return new InputStream(of(bytes));
    }

    /** A reader over what {@code out} wrote, sharing nothing with it. */
    InputStream in(OutputStream out) {
        return new InputStream(of(io.netty.buffer.ByteBufUtil.getBytes(out.buffer())));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            for (ByteBuf buf : buffers) {
                assertThat(buf.refCnt()).as("reference count of a buffer given to a stream").isEqualTo(1);
            }
        } finally {
            for (ByteBuf buf : buffers) {
                if (buf.refCnt() > 0) {
                    buf.release(buf.refCnt());
                }
            }
            buffers.clear();
        }
    }
}
