package io.floe.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.floe.EncodingVersion;
import io.floe.MarshalException;
import io.floe.UnknownUserException;
import io.floe.UserException;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** User exceptions as slices, ice-protocol.md §3.11, §3.12 and the captures of §9.4. */
@Timeout(30)
class UserExceptionEncodingTest {
    // §9.4, captured from Ice 3.7.8: Derived("worse", 42) in the compact format.
    private static final String DERIVED_COMPACT = "2d 00 00 00 01 01"
            + " | 00 0e \"::Cap::Derived\" | 2a 00 00 00"
            + " | 20 0b \"::Cap::Base\" | 05 \"worse\"";

    // The same in the sliced format: flag 0x10 and an int32 size counting itself and the members.
    private static final String DERIVED_SLICED = "35 00 00 00 01 01"
            + " | 10 0e \"::Cap::Derived\" 08 00 00 00 | 2a 00 00 00"
            + " | 30 0b \"::Cap::Base\" 0a 00 00 00 | 05 \"worse\"";

    // What the Ice 3.7.8 C++11 mapping sends: no slice carries the 0x20 last flag (§3.12).
    private static final String DERIVED_COMPACT_WITHOUT_LAST_FLAG = "2d 00 00 00 01 01"
            + " | 00 0e \"::Cap::Derived\" | 2a 00 00 00"
            + " | 00 0b \"::Cap::Base\" | 05 \"worse\"";

    private static final String DERIVED_SLICED_WITHOUT_LAST_FLAG = "35 00 00 00 01 01"
            + " | 10 0e \"::Cap::Derived\" 08 00 00 00 | 2a 00 00 00"
            + " | 10 0b \"::Cap::Base\" 0a 00 00 00 | 05 \"worse\"";

    @RegisterExtension
    final Buffers buffers = new Buffers();

    private OutputStream write(UserException ex, FormatType format) {
        OutputStream out = buffers.out();
        out.startEncapsulation(EncodingVersion.V1_1, format);
        out.writeException(ex);
        out.endEncapsulation();
        return out;
    }

    private static void assertBytes(OutputStream out, String expected) {
        assertThat(Hex.of(out.buffer())).isEqualTo(Hex.canonical(expected));
    }

    /** Reads the exception in {@code in} as a generated proxy does and returns what it throws. */
    private static Throwable thrownBy(InputStream in, UserExceptionFactory factory) {
        in.startEncapsulation();
        Throwable thrown = null;
        try {
            in.throwException(factory);
        } catch (Throwable t) {
            thrown = t;
        }
        assertThat(thrown).as("throwException always throws").isNotNull();
        return thrown;
    }

    @Test
    void aCompactDerivedExceptionMatchesTheCapture() {
        assertBytes(write(new Cap.Derived("worse", 42), FormatType.COMPACT), DERIVED_COMPACT);
    }

    @Test
    void theDefaultFormatIsCompact() {
        assertBytes(write(new Cap.Derived("worse", 42), FormatType.DEFAULT), DERIVED_COMPACT);
    }

    @Test
    void aSlicedDerivedExceptionSizesEverySlice() {
        assertBytes(write(new Cap.Derived("worse", 42), FormatType.SLICED), DERIVED_SLICED);
    }

    @Test
    void aStreamWhoseDefaultIsSlicedWritesDefaultEncapsulationsSliced() {
        OutputStream out = new OutputStream(buffers.empty(), FormatType.SLICED);

        out.startEncapsulation();
        out.writeException(new Cap.Derived("worse", 42));
        out.endEncapsulation();

        assertBytes(out, DERIVED_SLICED);
    }

    @Test
    void anExplicitCompactFormatWinsOverASlicedDefault() {
        OutputStream out = new OutputStream(buffers.empty(), FormatType.SLICED);

        out.startEncapsulation(EncodingVersion.V1_1, FormatType.COMPACT);
        out.writeException(new Cap.Derived("worse", 42));
        out.endEncapsulation();

        assertBytes(out, DERIVED_COMPACT);
    }

    @Test
    void anUndeclaredRootExceptionMatchesTheCapture() {
        UserException undeclared = new UserException() {
            private static final long serialVersionUID = 1L;

            @Override
            public String ice_id() {
                return "::Cap::Undeclared";
            }

            @Override
            public void _write(OutputStream out) {
                out.startLastSlice("::Cap::Undeclared");
                out.writeInt(7);
                out.endSlice();
            }

            @Override
            public void _read(InputStream in) {
                throw new AssertionError("not read");
            }
        };

        assertBytes(write(undeclared, FormatType.COMPACT),
                "1d 00 00 00 01 01 | 20 11 \"::Cap::Undeclared\" 07 00 00 00");
    }

    @Test
    void aRootExceptionWithoutMembersIsJustItsLastSlice() {
        OutputStream out = buffers.out();
        out.startEncapsulation();
        out.startLastSlice("::Ice::AdapterNotFoundException");
        out.endSlice();
        out.endEncapsulation();

        assertBytes(out, "27 00 00 00 01 01 | 20 1f \"::Ice::AdapterNotFoundException\"");
    }

    @Test
    void aCompactDerivedExceptionIsReadBackWithAllItsMembers() {
        Throwable thrown = thrownBy(buffers.in(DERIVED_COMPACT), Cap.knowing("::Cap::Derived", "::Cap::Base"));

        assertThat(thrown).asInstanceOf(type(Cap.Derived.class)).satisfies(ex -> {
            assertThat(ex.code).isEqualTo(42);
            assertThat(ex.msg).isEqualTo("worse");
        });
    }

    @Test
    void aSlicedDerivedExceptionIsReadBackWithAllItsMembers() {
        Throwable thrown = thrownBy(buffers.in(DERIVED_SLICED), Cap.knowing("::Cap::Derived", "::Cap::Base"));

        assertThat(thrown).asInstanceOf(type(Cap.Derived.class)).satisfies(ex -> {
            assertThat(ex.code).isEqualTo(42);
            assertThat(ex.msg).isEqualTo("worse");
        });
    }

    @Test
    void aKnownExceptionIsConsumedToTheEndOfItsEncapsulation() {
        for (String capture : new String[] {DERIVED_COMPACT, DERIVED_SLICED}) {
            InputStream in = buffers.in(capture);

            thrownBy(in, Cap.knowing("::Cap::Derived"));
            in.endEncapsulation();

            assertThat(in.remaining()).as(capture).isZero();
        }
    }

    @Test
    void anExceptionRoundTripsInBothFormats() {
        for (FormatType format : FormatType.values()) {
            OutputStream out = write(new Cap.Derived("é ok", -7), format);

            Throwable thrown = thrownBy(buffers.in(out), Cap.knowing("::Cap::Derived"));

            assertThat(thrown).as(format.name()).asInstanceOf(type(Cap.Derived.class)).satisfies(ex -> {
                assertThat(ex.code).isEqualTo(-7);
                assertThat(ex.msg).isEqualTo("é ok");
            });
        }
    }

    @Test
    void aCompactDerivedExceptionThatOnlyItsBaseIsKnownForIsUnknown() {
        Throwable thrown = thrownBy(buffers.in(DERIVED_COMPACT), Cap.knowing("::Cap::Base"));

        assertThat(thrown).isExactlyInstanceOf(UnknownUserException.class)
                .hasMessage("::Cap::Derived");
    }

    @Test
    void aSlicedDerivedExceptionIsSlicedDownToTheBaseTheReaderKnows() {
        InputStream in = buffers.in(DERIVED_SLICED);

        Throwable thrown = thrownBy(in, Cap.knowing("::Cap::Base"));

        assertThat(thrown).isExactlyInstanceOf(Cap.Base.class);
        assertThat(((Cap.Base) thrown).msg).isEqualTo("worse");
        in.endEncapsulation();
    }

    @Test
    void anExceptionOfNoKnownTypeIsUnknownNamingTheMostDerivedTypeInEitherFormat() {
        for (String capture : new String[] {DERIVED_COMPACT, DERIVED_SLICED}) {
            Throwable thrown = thrownBy(buffers.in(capture), UserExceptionFactory.NONE);

            assertThat(thrown).as(capture).isExactlyInstanceOf(UnknownUserException.class)
                    .hasMessage("::Cap::Derived");
        }
    }

    @Test
    void anUndeclaredExceptionIsUnknownNamingItsType() {
        InputStream in = buffers.in("1d 00 00 00 01 01 | 20 11 \"::Cap::Undeclared\" 07 00 00 00");

        assertThat(thrownBy(in, Cap.knowing("::Cap::Base", "::Cap::Derived")))
                .isExactlyInstanceOf(UnknownUserException.class)
                .hasMessage("::Cap::Undeclared");
    }

    @Test
    void aKnownExceptionWithoutTheLastSliceFlagStillDecodesAsCpp11SendsIt() {
        for (String capture : new String[] {DERIVED_COMPACT_WITHOUT_LAST_FLAG, DERIVED_SLICED_WITHOUT_LAST_FLAG}) {
            InputStream in = buffers.in(capture);

            Throwable thrown = thrownBy(in, Cap.knowing("::Cap::Derived"));

            assertThat(thrown).as(capture).asInstanceOf(type(Cap.Derived.class)).satisfies(ex -> {
                assertThat(ex.code).isEqualTo(42);
                assertThat(ex.msg).isEqualTo("worse");
            });
            in.endEncapsulation();
        }
    }

    @Test
    void aCpp11RootExceptionWithoutTheLastSliceFlagDecodes() {
        // ice-protocol.md §3.12: 00 07 "::CT::E" 05 "early", read here as a Base.
        InputStream in = buffers.in("19 00 00 00 01 01 | 00 0b \"::Cap::Base\" 05 \"early\"");

        Throwable thrown = thrownBy(in, Cap.knowing("::Cap::Base"));

        assertThat(thrown).asInstanceOf(type(Cap.Base.class))
                .satisfies(ex -> assertThat(ex.msg).isEqualTo("early"));
    }

    @Test
    void aSlicedCpp11ExceptionIsSlicedDownToAKnownBase() {
        InputStream in = buffers.in(DERIVED_SLICED_WITHOUT_LAST_FLAG);

        Throwable thrown = thrownBy(in, Cap.knowing("::Cap::Base"));

        assertThat(thrown).isExactlyInstanceOf(Cap.Base.class);
        assertThat(((Cap.Base) thrown).msg).isEqualTo("worse");
    }

    @Test
    void aSlicedCpp11ExceptionOfNoKnownTypeIsUnknownNamingTheMostDerivedType() {
        // No slice says it is the last one: the end of the encapsulation has to.
        Throwable thrown = thrownBy(buffers.in(DERIVED_SLICED_WITHOUT_LAST_FLAG), UserExceptionFactory.NONE);

        assertThat(thrown).isExactlyInstanceOf(UnknownUserException.class).hasMessage("::Cap::Derived");
    }

    @Test
    void optionalMembersOfAnExceptionSliceAreSkippedByAReaderThatKnowsOnlyTheRequiredOnes() {
        // §9.4: WithOpt(3, "hi"); flags 0x24 = last | optional members, 2d = tag 5 VSize, ff = end.
        InputStream in = buffers.in(
                "1f 00 00 00 01 01 | 24 0e \"::Cap::WithOpt\" 03 00 00 00 2d 02 68 69 ff");

        Throwable thrown = thrownBy(in, Cap.knowing("::Cap::WithOpt"));

        assertThat(thrown).asInstanceOf(type(Cap.WithOpt.class))
                .satisfies(ex -> assertThat(ex.req).isEqualTo(3));
        in.endEncapsulation();
    }

    @Test
    void optionalMembersOfASlicedExceptionSliceCountInItsSize() {
        // Size 0x0d = 4 + req (4) + 2d 02 68 69 (4) + ff (1).
        InputStream in = buffers.in(
                "23 00 00 00 01 01 | 34 0e \"::Cap::WithOpt\" 0d 00 00 00 03 00 00 00 2d 02 68 69 ff");

        Throwable thrown = thrownBy(in, Cap.knowing("::Cap::WithOpt"));

        assertThat(thrown).asInstanceOf(type(Cap.WithOpt.class))
                .satisfies(ex -> assertThat(ex.req).isEqualTo(3));
        in.endEncapsulation();
    }

    @Test
    void aSliceWhoseSizeDisagreesWithItsMembersIsRefused() {
        // The Derived slice claims 9 bytes but its member is a 4-byte int.
        InputStream in = buffers.in("36 00 00 00 01 01"
                + " | 10 0e \"::Cap::Derived\" 09 00 00 00 | 2a 00 00 00 00"
                + " | 30 0b \"::Cap::Base\" 0a 00 00 00 | 05 \"worse\"");

        assertThat(thrownBy(in, Cap.knowing("::Cap::Derived"))).isInstanceOf(MarshalException.class);
    }

    @Test
    void aSliceSizeBeyondTheEncapsulationIsOutOfBounds() {
        InputStream in = buffers.in("1c 00 00 00 01 01 | 10 0e \"::Cap::Derived\" 50 00 00 00 | 2a 00");

        assertThat(thrownBy(in, Cap.knowing("::Cap::Base")))
                .isInstanceOf(io.floe.UnmarshalOutOfBoundsException.class);
    }

    @Test
    void aTruncatedExceptionIsOutOfBounds() {
        InputStream in = buffers.in("16 00 00 00 01 01 | 00 0e \"::Cap::Derived\"");

        assertThat(thrownBy(in, Cap.knowing("::Cap::Derived")))
                .isInstanceOf(io.floe.UnmarshalOutOfBoundsException.class);
    }

    @Test
    void anExceptionSliceWithTypeIdBitsIsRefused() {
        InputStream in = buffers.in("14 00 00 00 01 01 | 21 0b \"::Cap::Base\" 00");

        assertThat(thrownBy(in, Cap.knowing("::Cap::Base"))).isInstanceOf(MarshalException.class);
    }

    @Test
    void writingASliceInsideASliceIsAProgrammingError() {
        OutputStream out = buffers.out();
        out.startEncapsulation();
        out.startSlice("::Cap::Derived");

        assertThatThrownBy(() -> out.startLastSlice("::Cap::Base")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void endingASliceThatWasNotStartedIsAProgrammingError() {
        OutputStream out = buffers.out();

        assertThatThrownBy(out::endSlice).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReplyBufferCarriesTheExceptionAfterTheStatus() {
        ByteBuf reply = buffers.of("0a 00 00 00 | 01 | " + DERIVED_COMPACT);
        InputStream in = new InputStream(reply);

        assertThat(in.readInt()).isEqualTo(10);
        assertThat(in.readByte()).isEqualTo((byte) 1);
        assertThat(thrownBy(in, Cap.knowing("::Cap::Derived"))).isInstanceOf(Cap.Derived.class);
        in.endEncapsulation();
        assertThat(in.remaining()).isZero();
    }
}
