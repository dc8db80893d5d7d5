package io.floe.encoding;

import io.floe.EncapsulationException;
import io.floe.MarshalException;

/**
 * Finds and skips optional values (ice-protocol.md §3.15) for an {@link InputStream}:
 *
 * <pre>
 * marker: (tag << 3) | format          tag < 30
 *         0xf0 | format, tag as a size  tag >= 30
 * end:    ff inside a slice; the end of the encapsulation for parameters
 * </pre>
 *
 * Optionals are written in increasing tag order, so a reader skips smaller tags (whatever their
 * format, a class instance included) and stops, without consuming it, at a larger one.
 */
final class OptionalValues {
    private static final int END_MARKER = 0xff;

    enum Terminator { END_OF_DATA, END_MARKER }

    private final InputStream in;

    OptionalValues(InputStream in) {
        this.in = in;
    }

    boolean find(int tag, OptionalFormat format, Terminator terminator) {
        while (true) {
            if (terminator == Terminator.END_OF_DATA && in.remaining() <= 0) {
                return false;
            }
            int mark = in.position();
            int marker = in.readByte() & 0xff;
            if (marker == END_MARKER) {
                in.buffer().readerIndex(mark); // endSlice or endEncapsulation deals with it
                return false;
            }
            int found = marker >> 3;
            if (found == 30) {
                found = in.readSize();
            }
            if (found > tag) {
                in.buffer().readerIndex(mark);
                return false;
            }
            if (found < tag) {
                skipValue(marker & 0x07);
                continue;
            }
            if ((marker & 0x07) != format.code()) {
                throw new MarshalException("optional tag " + tag + ": format "
                        + OptionalFormat.values()[marker & 0x07] + " (expected: " + format + ")");
            }
            return true;
        }
    }

    void skipAll(Terminator terminator) {
        while (true) {
            if (terminator == Terminator.END_OF_DATA && in.remaining() <= 0) {
                return;
            }
            int marker = in.readByte() & 0xff;
            if (marker == END_MARKER) {
                if (terminator == Terminator.END_MARKER) {
                    return;
                }
                // Parameters end with the encapsulation, not with ff: what follows is junk.
                throw new EncapsulationException("optional end marker ff at "
                        + (in.position() - 1) + " before the end of an encapsulation");
            }
            if ((marker >> 3) == 30) {
                in.readSize(); // the tag, in the extended form
            }
            skipValue(marker & 0x07);
        }
    }

    private void skipValue(int format) {
        switch (format) {
            case 0 -> in.skip(1);
            case 1 -> in.skip(2);
            case 2 -> in.skip(4);
            case 3 -> in.skip(8);
            case 4 -> in.readSize();
            case 5 -> in.skip(in.readSize());
            case 6 -> in.skipSize();
            default -> in.values().readReference(discarded -> { }); // read and dropped, like Ice
        }
    }
}
