package io.floe.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Optional values a reader does not know are skipped by their format (ice-protocol.md §3.15):
 * at the end of an encapsulation for parameters, up to {@code ff} inside a slice.
 */
@Timeout(30)
class OptionalValuesTest {
    // §9.8, captured from Ice 3.7.8, without tag 13 (a class instance; see below).
    private static final String OPTS_PARAMS_WITHOUT_CLASS = ""
            + "08 01 | 10 07 | 19 08 00 | 23 09 00 00 00 00 00 00 00 | 2b 00 00 00 00 00 00 f8 3f"
            + " | 34 02 | 3d 06 01 00 00 00 02 00 | 46 02 00 00 00 01 76"
            + " | 4d 09 02 01 00 00 00 02 00 00 00 | 55 02 05 06 | 5e 03 00 00 00 01 01 61"
            + " | 65 09 01 01 00 00 00 02 00 00 00"
            + " | 76 1e 00 00 00 01 70 00 00 00 00 01 00 01 01 01 01 00 11 00 00 00 01 01 01 68 01 00 00 00"
            + " 60 ea 00 00 00"
            + " | f2 ff 2c 01 00 00 4d 00 00 00";

    @RegisterExtension
    final Buffers buffers = new Buffers();

    @Test
    void everyOptionalOfTheOptsCaptureIsSkippedByAReaderThatKnowsNone() {
        InputStream in = buffers.in(Hex.encaps(OPTS_PARAMS_WITHOUT_CLASS));

        in.startEncapsulation();
        in.endEncapsulation();

        assertThat(in.remaining()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "F1 bool;                          08 01",
        "F1 byte;                          10 07",
        "F2 short;                         19 08 00",
        "F4 int;                           12 0b 00 00 00",
        "F8 long;                          23 09 00 00 00 00 00 00 00",
        "F8 double;                        2b 00 00 00 00 00 00 f8 3f",
        "Size enum;                        34 02",
        "Size enum of 300;                 34 ff 2c 01 00 00",
        "VSize string;                     1d 01 78",
        "VSize string of 300 bytes;        1d ff 2c 01 00 00 REPEAT300",
        "VSize fixed-size struct;          3d 06 01 00 00 00 02 00",
        "VSize int sequence;               4d 09 02 01 00 00 00 02 00 00 00",
        "VSize byte sequence;              55 02 05 06",
        "VSize int-int dictionary;         65 09 01 01 00 00 00 02 00 00 00",
        "FSize variable-size struct;       46 02 00 00 00 01 76",
        "FSize string sequence;            5e 03 00 00 00 01 01 61",
        "FSize proxy;                      76 1e 00 00 00 01 70 00 00 00 00 01 00 01 01 01 01 00 11 00 00 00 01 01 01 68 01 00 00 00 60 ea 00 00 00",
        "extended tag 300 F4;              f2 ff 2c 01 00 00 4d 00 00 00",
        "extended tag 40 VSize;            f5 28 01 73",
        "two optionals;                    12 0b 00 00 00 | 22 0b 00 00 00",
    })
    void anUnknownOptionalAfterTheParamsIsSkippedAtTheEndOfTheEncapsulation(String format, String optional) {
        InputStream in = buffers.in(Hex.encaps("0a 00 00 00 | " + expand(optional)));
        in.startEncapsulation();
        assertThat(in.readInt()).isEqualTo(10);

        in.endEncapsulation();

        assertThat(in.remaining()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "F1;                               08 01",
        "F2;                               19 08 00",
        "F4;                               12 0b 00 00 00",
        "F8;                               23 09 00 00 00 00 00 00 00",
        "Size;                             34 ff 2c 01 00 00",
        "VSize;                            2d 02 68 69",
        "VSize of 300 bytes;               2d ff 2c 01 00 00 REPEAT300",
        "FSize;                            5e 03 00 00 00 01 01 61",
        "extended tag 300 F4;              f2 ff 2c 01 00 00 4d 00 00 00",
        "a value that looks like ff;       08 ff",
        "several;                          08 01 | 2d 02 68 69 | f2 ff 2c 01 00 00 4d 00 00 00",
    })
    void anUnknownOptionalMemberOfAnExceptionSliceIsSkippedUpToTheEndMarker(String format, String optional) {
        InputStream in = buffers.in(Hex.encaps(
                "24 0e \"::Cap::WithOpt\" 03 00 00 00 | " + expand(optional) + " | ff"));
        in.startEncapsulation();

        assertThatThrownBy(() -> in.throwException(Cap.knowing("::Cap::WithOpt")))
                .asInstanceOf(type(Cap.WithOpt.class))
                .satisfies(ex -> assertThat(ex.req).isEqualTo(3));
        in.endEncapsulation();
        assertThat(in.remaining()).isZero();
    }

    @Test
    void aSliceWithOptionalMembersButNoEndMarkerIsOutOfBounds() {
        InputStream in = buffers.in(Hex.encaps("24 0e \"::Cap::WithOpt\" 03 00 00 00 2d 02 68 69"));
        in.startEncapsulation();

        assertThatThrownBy(() -> in.throwException(Cap.knowing("::Cap::WithOpt")))
                .isInstanceOf(io.floe.UnmarshalOutOfBoundsException.class);
    }

    @Test
    void anOptionalClassValueIsSkippedByReadingTheInstance() {
        // Tag 13, format Class: the reference is read and dropped (here null).
        InputStream in = buffers.in(Hex.encaps("0a 00 00 00 | 6f 00"));
        in.startEncapsulation();
        in.readInt();

        in.endEncapsulation();

        assertThat(in.remaining()).isZero();
    }

    private static String expand(String optional) {
        return optional.replace("REPEAT300", " 61".repeat(300));
    }
}
