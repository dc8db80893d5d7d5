package io.floe.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.floe.EncapsulationException;
import io.floe.EncodingVersion;
import io.floe.MarshalException;
import io.floe.UnmarshalOutOfBoundsException;
import io.floe.UnsupportedEncodingException;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing read from the wire is trusted (ice-protocol.md §2.10, §3.1, §3.7). */
@Timeout(30)
class MalformedInputTest {
    @RegisterExtension
    final Buffers buffers = new Buffers();

    static Stream<Arguments> truncatedValues() {
        return Stream.of(
                Arguments.of("bool", "", (Consumer<InputStream>) InputStream::readBool),
                Arguments.of("byte", "", (Consumer<InputStream>) InputStream::readByte),
                Arguments.of("short", "01", (Consumer<InputStream>) InputStream::readShort),
                Arguments.of("int", "01 02 03", (Consumer<InputStream>) InputStream::readInt),
                Arguments.of("long", "01 02 03 04 05 06 07", (Consumer<InputStream>) InputStream::readLong),
                Arguments.of("float", "00 00 80", (Consumer<InputStream>) InputStream::readFloat),
                Arguments.of("double", "00 00 00 00 00 00 04", (Consumer<InputStream>) InputStream::readDouble),
                Arguments.of("size", "", (Consumer<InputStream>) InputStream::readSize),
                Arguments.of("five-byte size", "ff 2c 01", (Consumer<InputStream>) InputStream::readSize),
                Arguments.of("enum", "ff 2c", (Consumer<InputStream>) InputStream::readEnum),
                Arguments.of("string", "05 68 65", (Consumer<InputStream>) InputStream::readString),
                Arguments.of("300-byte string", "ff 2c 01 00 00" + " 61".repeat(299),
                        (Consumer<InputStream>) InputStream::readString),
                Arguments.of("bool sequence", "03 01 00", (Consumer<InputStream>) InputStream::readBoolSeq),
                Arguments.of("byte sequence", "03 01 00", (Consumer<InputStream>) InputStream::readByteSeq),
                Arguments.of("short sequence", "02 01 00 02", (Consumer<InputStream>) InputStream::readShortSeq),
                Arguments.of("int sequence", "02 01 00 00 00 02", (Consumer<InputStream>) InputStream::readIntSeq),
                Arguments.of("long sequence", "01 01 00 00 00", (Consumer<InputStream>) InputStream::readLongSeq),
                Arguments.of("float sequence", "01 00 00", (Consumer<InputStream>) InputStream::readFloatSeq),
                Arguments.of("double sequence", "01 00 00 00 00", (Consumer<InputStream>) InputStream::readDoubleSeq),
                Arguments.of("string sequence", "02 01 61 02 62", (Consumer<InputStream>) InputStream::readStringSeq),
                Arguments.of("identity", "05 \"hello\"", (Consumer<InputStream>) InputStream::readIdentity),
                Arguments.of("encapsulation header", "06 00 00 00 01",
                        (Consumer<InputStream>) InputStream::startEncapsulation),
                Arguments.of("encapsulation size", "06 00",
                        (Consumer<InputStream>) InputStream::startEncapsulation));
    }

    @ParameterizedTest(name = "a truncated {0}")
    @MethodSource("truncatedValues")
    void aTruncatedValueIsOutOfBounds(String what, String dump, Consumer<InputStream> read) {
        InputStream in = buffers.in(dump);

        assertThatThrownBy(() -> read.accept(in)).isInstanceOf(UnmarshalOutOfBoundsException.class);
    }

    @Test
    void aTruncatedFixedSizeValueLeavesThePositionAlone() {
        InputStream in = buffers.in("01 02 03");

        assertThatThrownBy(in::readInt).isInstanceOf(UnmarshalOutOfBoundsException.class);
        assertThat(in.remaining()).isEqualTo(3);
    }

    @Test
    void everyTruncationOfTheSayHelloRequestBodyIsOutOfBounds() {
        byte[] body = Hex.parse("06 00 00 00 | 05 \"hello\" 00 | 00 | 08 \"sayHello\" | 00"
                + " | 01 01 6b 01 76 | 09 00 00 00 01 01 02 41 6c");

        for (int length = 0; length < body.length; length++) {
            InputStream in = buffers.in(Arrays.copyOf(body, length));

            assertThatThrownBy(() -> {
                in.readInt();
                in.readIdentity();
                in.readStringSeq();
                in.readString();
                in.readByte();
                for (int n = in.readAndCheckSeqSize(2); n > 0; n--) {
                    in.readString();
                    in.readString();
                }
                in.startEncapsulation();
                in.readString();
                in.endEncapsulation();
            }).as("first %d bytes", length).isInstanceOf(UnmarshalOutOfBoundsException.class);
        }
    }

    static Stream<Arguments> sequenceReaders() {
        return Stream.of(
                Arguments.of("bool", (Consumer<InputStream>) InputStream::readBoolSeq),
                Arguments.of("byte", (Consumer<InputStream>) InputStream::readByteSeq),
                Arguments.of("short", (Consumer<InputStream>) InputStream::readShortSeq),
                Arguments.of("int", (Consumer<InputStream>) InputStream::readIntSeq),
                Arguments.of("long", (Consumer<InputStream>) InputStream::readLongSeq),
                Arguments.of("float", (Consumer<InputStream>) InputStream::readFloatSeq),
                Arguments.of("double", (Consumer<InputStream>) InputStream::readDoubleSeq),
                Arguments.of("string", (Consumer<InputStream>) InputStream::readStringSeq));
    }

    @ParameterizedTest(name = "a {0} sequence")
    @MethodSource("sequenceReaders")
    void aCountOfOneBillionWithFourBytesLeftIsOutOfBoundsBeforeAnythingIsAllocated(
            String type, Consumer<InputStream> read) {
        InputStream in = buffers.in("ff 00 ca 9a 3b | 01 02 03 04");

        assertThatThrownBy(() -> read.accept(in)).isInstanceOf(UnmarshalOutOfBoundsException.class);
        assertThat(in.remaining()).as("the elements were not touched").isEqualTo(4);
    }

    @ParameterizedTest(name = "a {0} sequence")
    @MethodSource("sequenceReaders")
    void theLargestCountIsRefusedRatherThanAllocated(String type, Consumer<InputStream> read) {
        // Allocating 2^31-1 elements would fail with an OutOfMemoryError, not this.
        InputStream in = buffers.in("ff ff ff ff 7f | 00");

        assertThatThrownBy(() -> read.accept(in)).isInstanceOf(UnmarshalOutOfBoundsException.class);
    }

    @Test
    void aCountIsCheckedAgainstTheEncapsulationNotTheBuffer() {
        // 2 ints claimed, 4 bytes in the encapsulation, 4 more bytes after it.
        InputStream in = buffers.in(Hex.encaps("02 01 00 00 00") + " 02 00 00 00");
        in.startEncapsulation();

        assertThatThrownBy(in::readIntSeq).isInstanceOf(UnmarshalOutOfBoundsException.class);
    }

    @Test
    void aCountThatFitsExactlyIsAccepted() {
        InputStream in = buffers.in("02 01 00 00 00 02 00 00 00");

        assertThat(in.readAndCheckSeqSize(4)).isEqualTo(2);
    }

    @Test
    void aCountThatCannotFitIsRefusedByReadAndCheckSeqSize() {
        InputStream in = buffers.in("03 01 00 00 00 02 00 00 00");

        assertThatThrownBy(() -> in.readAndCheckSeqSize(4)).isInstanceOf(UnmarshalOutOfBoundsException.class);
    }

    @Test
    void aHugeCountTimesAHugeElementSizeDoesNotOverflow() {
        InputStream in = buffers.in("ff ff ff ff 7f | 00");

        assertThatThrownBy(() -> in.readAndCheckSeqSize(Integer.MAX_VALUE))
                .isInstanceOf(UnmarshalOutOfBoundsException.class);
    }

    @Test
    void aStringLongerThanTheDataIsOutOfBounds() {
        InputStream in = buffers.in("ff 00 ca 9a 3b | 61 62 63 64");

        assertThatThrownBy(in::readString).isInstanceOf(UnmarshalOutOfBoundsException.class);
    }

    static Stream<Arguments> sizeReaders() {
        return Stream.of(
                Arguments.of("size", (Consumer<InputStream>) InputStream::readSize),
                Arguments.of("enum", (Consumer<InputStream>) InputStream::readEnum),
                Arguments.of("string", (Consumer<InputStream>) InputStream::readString),
                Arguments.of("int sequence", (Consumer<InputStream>) InputStream::readIntSeq),
                Arguments.of("string sequence", (Consumer<InputStream>) InputStream::readStringSeq));
    }

    @ParameterizedTest(name = "a {0}")
    @MethodSource("sizeReaders")
    void aNegativeFiveByteSizeIsAMarshalException(String what, Consumer<InputStream> read) {
        InputStream in = buffers.in("ff ff ff ff ff | 00 00 00 00");

        assertThatThrownBy(() -> read.accept(in))
                .isExactlyInstanceOf(MarshalException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void anEncapsulationLargerThanTheDataIsOutOfBounds() {
        InputStream in = buffers.in("0a 00 00 00 01 01 00 00 00");

        assertThatThrownBy(in::startEncapsulation).isInstanceOf(UnmarshalOutOfBoundsException.class);
    }

    @Test
    void anEncapsulationWithAHugeSizeIsOutOfBounds() {
        InputStream in = buffers.in("ff ff ff 7f 01 01 00 00 00");

        assertThatThrownBy(in::startEncapsulation).isInstanceOf(UnmarshalOutOfBoundsException.class);
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(strings = {"00 00 00 00", "05 00 00 00", "ff ff ff ff", "00 00 00 80"})
    void anEncapsulationSmallerThanItsHeaderIsRefused(String size) {
        InputStream in = buffers.in(size + " 01 01 00 00 00 00");

        assertThatThrownBy(in::startEncapsulation).isInstanceOf(EncapsulationException.class);
    }

    @Test
    void aNestedEncapsulationLargerThanItsOuterOneIsOutOfBounds() {
        InputStream in = buffers.in(Hex.encaps("0a 00 00 00 01 01") + " 00 00 00 00");
        in.startEncapsulation();

        assertThatThrownBy(in::startEncapsulation).isInstanceOf(UnmarshalOutOfBoundsException.class);
    }

    @ParameterizedTest(name = "encoding {1}")
    @CsvSource({"02 00, 2.0", "01 02, 1.2", "00 01, 0.1", "ff ff, 255.255"})
    void anEncapsulationInAnUnsupportedEncodingIsRefused(String bytes, String version) {
        InputStream in = buffers.in("0a 00 00 00 " + bytes + " 0a 00 00 00");

        assertThatThrownBy(in::startEncapsulation)
                .isInstanceOf(UnsupportedEncodingException.class)
                .hasMessageContaining(version);
    }

    @Test
    void skippingAnEncapsulationLargerThanTheDataIsOutOfBounds() {
        InputStream in = buffers.in("0a 00 00 00 01 01 00 00 00");

        assertThatThrownBy(in::skipEncapsulation).isInstanceOf(UnmarshalOutOfBoundsException.class);
    }

    @Test
    void skippingAnEncapsulationSmallerThanItsHeaderIsRefused() {
        InputStream in = buffers.in("02 00 00 00 01 01");

        assertThatThrownBy(in::skipEncapsulation).isInstanceOf(MarshalException.class);
    }

    @ParameterizedTest(name = "junk {0}")
    @ValueSource(strings = {
        "ff",                 // an end marker is not an optional
        "ff 00",
        "00",                 // tag 0, F1 with no byte
        "09 07 00 00",        // tag 1, F2 then a stray byte (tag 0 F1 without its byte)
        "0a 01 02",           // tag 1, F4 with 2 bytes
        "0b 00",              // tag 1, F8 with 1 byte
        "0c ff 01",           // tag 1, Size truncated
        "0d 09 01",           // tag 1, VSize 9 with 1 byte
        "0e 05 00 00 00 01",  // tag 1, FSize 5 with 1 byte
        "0e ff ff ff ff",     // tag 1, FSize -1
        "f2",                 // extended tag without its tag
        "f2 ff 2c 01",        // extended tag, truncated tag
    })
    void trailingJunkInAnEncapsulationIsRefused(String junk) {
        InputStream in = buffers.in(Hex.encaps("0a 00 00 00 " + junk));
        in.startEncapsulation();
        assertThat(in.readInt()).isEqualTo(10);

        assertThatThrownBy(in::endEncapsulation)
                .isInstanceOfAny(EncapsulationException.class, UnmarshalOutOfBoundsException.class);
    }

    @Test
    void theEncapsulationEndRuleSkipsTrailingOptionalValues() {
        // §3.16: opt(10, 11) seen by a reader that only knows the required int.
        InputStream in = buffers.in(Hex.encaps("0a 00 00 00 | 12 0b 00 00 00"));
        in.startEncapsulation();
        assertThat(in.readInt()).isEqualTo(10);

        in.endEncapsulation();

        assertThat(in.remaining()).isZero();
    }

    @Test
    void aVersion10EncapsulationHasNoOptionalsSoTrailingBytesAreRefused() {
        InputStream in = buffers.in("0f 00 00 00 01 00 | 0a 00 00 00 | 12 0b 00 00 00");
        in.startEncapsulation();
        in.readInt();

        assertThatThrownBy(in::endEncapsulation).isInstanceOf(EncapsulationException.class);
    }

    @Test
    void anEmptyEncapsulationWithDataInItIsRefused() {
        InputStream in = buffers.in(Hex.encaps("ff 01"));

        assertThatThrownBy(in::skipEmptyEncapsulation)
                .isInstanceOfAny(EncapsulationException.class, UnmarshalOutOfBoundsException.class);
    }

    @Test
    void endingAnEncapsulationThatWasNotStartedIsAProgrammingError() {
        InputStream in = buffers.in("00");

        assertThatThrownBy(in::endEncapsulation).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theOuterEncapsulationIsStillCurrentAfterANestedOneFails() {
        InputStream in = buffers.in(Hex.encaps("06 00 00 00 02 00 | 2a"));
        in.startEncapsulation();

        assertThatThrownBy(in::startEncapsulation).isInstanceOf(UnsupportedEncodingException.class);
        assertThat(in.encoding()).isEqualTo(EncodingVersion.V1_1);
    }
}
