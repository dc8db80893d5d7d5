package io.floe.slice.check;

import static io.floe.slice.TestFiles.errors;
import static io.floe.slice.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The name rules of Slice: each file was given to slice2java 3.7.8, which reports the same
 * lines (without columns, in its own words; see the comments for where it says more or less).
 */
class NameRulesTest {
    @TempDir
    Path dir;

    /** Used in a scope to denote one definition, a name cannot then denote another there. */
    @Test
    void aNameKeepsItsMeaningWithinAScope() {
        Path file = write(dir, "meaning.ice", """
                module M {
                    struct Foo { int x; };
                    interface Bar {};
                    exception Ex {};
                    const int K = 1;
                    module N {
                        sequence<Foo> Foos;
                        struct Foo { int y; };
                        sequence<Bar*> Bars;
                        interface bar {};
                        exception E2 extends Ex {};
                        interface I { Foo make(); void Foo(); void op() throws Ex; void Ex(); };
                        const int K2 = K;
                        enum K { a };
                        struct S { Foo f; Foo Foo; };
                        interface J { void op(Foo Foo, Foo x); Foo Foo2(int foo2); };
                    };
                    module N {
                        struct Ex { int z; };
                    };
                    module P {
                        sequence<N::Foo> Fs;
                        module N {};
                        sequence<::M::Foo> Gs;
                        struct M { int w; };
                    };
                };
                """);

        assertThat(errors(file)).containsExactly(
                file + ":8:16: 'Foo' has changed meaning",
                file + ":10:19: 'bar' has changed meaning",
                file + ":12:40: 'Foo' has changed meaning",
                file + ":12:73: 'Ex' has changed meaning",
                file + ":14:14: 'K' has changed meaning",
                file + ":23:16: 'N' has changed meaning",
                file + ":25:16: struct name 'M' must differ from the name of enclosing module"
                        + " 'M' (first defined at " + file + ":1:8)");
    }

    /** Slice compares names ignoring case: in a scope, in bases, at the use of a name. */
    @Test
    void namesThatDifferOnlyInCapitalizationClash() {
        Path file = write(dir, "capitals.ice", """
                module M {
                    struct Foo { int x; };
                    exception foo {};
                    sequence<int> FOO;
                    interface Bar;
                    interface bar {};
                    module bAr {};
                    struct Uses { foo f; m::Foo g; };
                    struct S { int a; string A; };
                    exception E { int b; };
                    exception F extends E { int B; };
                    class C { int c; };
                    class D extends C { int C; };
                    interface I { void op(); void OP(); void i(); void I(int a, int A); };
                    interface J extends I { void Op(); };
                    enum Color { red, Red };
                };
                module m {};
                """);

        assertThat(errors(file)).containsExactly(
                file + ":3:15: exception 'foo' differs only in capitalization from struct"
                        + " 'Foo' (first defined at " + file + ":2:12)",
                file + ":4:19: sequence 'FOO' differs only in capitalization from struct 'Foo'"
                        + " (first defined at " + file + ":2:12)",
                file + ":6:15: interface 'bar' differs only in capitalization from interface"
                        + " 'Bar' (first defined at " + file + ":5:15)",
                file + ":7:12: module 'bAr' differs only in capitalization from interface"
                        + " 'Bar' (first defined at " + file + ":5:15)",
                file + ":8:19: struct name 'foo' is capitalized inconsistently with its"
                        + " previous name: '::M::Foo'",
                file + ":8:26: struct name 'm::Foo' is capitalized inconsistently with its"
                        + " previous name: '::M::Foo'",
                file + ":9:30: data member 'A' differs only in capitalization from data member 'a'",
                file + ":11:33: data member 'B' differs only in capitalization from data"
                        + " member 'b', which is defined in base exception '::M::E'",
                file + ":13:29: data member 'C' differs only in capitalization from data"
                        + " member 'c', which is defined in base class '::M::C'",
                file + ":14:35: operation 'OP' differs only in capitalization from operation 'op'",
                file + ":14:46: operation 'i' differs only in capitalization from enclosing"
                        + " interface name 'I'",
                file + ":14:56: operation 'I' differs only in capitalization from operation 'i'",
                file + ":14:69: parameter 'A' differs only in capitalization from parameter 'a'",
                file + ":15:34: operation 'Op' differs only in capitalization from operation"
                        + " 'op', which is defined in base interface '::M::I'",
                file + ":16:23: enumerator 'Red' differs only in capitalization from"
                        + " enumerator 'red'",
                file + ":18:8: module 'm' is capitalized inconsistently with its previous"
                        + " name: 'M'");
    }

    /** As slice2java: the immediately enclosing module, then every enclosing one. */
    @Test
    void definitionsAreNotNamedLikeTheirEnclosingModules() {
        Path file = write(dir, "modules.ice", """
                module M {
                    struct M { int x; };
                    enum m { a };
                    module N {
                        interface M {};
                        sequence<int> n;
                    };
                };
                """);

        assertThat(errors(file)).containsExactly(
                file + ":2:12: struct name 'M' must differ from the name of its immediately"
                        + " enclosing module",
                file + ":3:10: enum 'm' differs only in capitalization from struct 'M' (first"
                        + " defined at " + file + ":2:12)",
                file + ":5:19: interface name 'M' must differ from the name of enclosing"
                        + " module 'M' (first defined at " + file + ":1:8)",
                file + ":6:23: sequence name 'n' cannot differ only in capitalization from its"
                        + " immediately enclosing module name 'N'");
    }

    /** A shared base is no ambiguity; two paths through the bases defining one name are. */
    @Test
    void unrelatedBasesMustNotDefineTheSameOperation() {
        Path file = write(dir, "ambiguous.ice", """
                module M {
                    interface Base { void shared(); };
                    interface L extends Base { void op(); void left(); };
                    interface R extends Base { void op(); void LEFT(); };
                    interface Diamond extends L, R {};
                    interface Fine extends Base, L {};
                };
                """);

        assertThat(errors(file)).containsExactly(
                file + ":5:15: ambiguous multiple inheritance: 'Diamond' inherits operation"
                        + " 'op' from two or more unrelated base interfaces",
                file + ":5:15: ambiguous multiple inheritance: 'Diamond' inherits operations"
                        + " 'left' and 'LEFT', which differ only in capitalization, from"
                        + " unrelated base interfaces");
    }

    /**
     * Operations against data members, the enclosing class or interface and its bases; a
     * return type named like its operation; parameters (slice2java also says "'B' has changed
     * meaning" for the parameter, which we leave to the first error).
     */
    @Test
    void operationsAndParametersFollowTheSameRules() {
        Path file = write(dir, "ops.ice", """
                module M {
                    struct Foo { int x; };
                    class B { int x; };
                    class C extends B { int y; void Y(); void y(); void X(); void C(); };
                    interface I { Foo Foo(); void I(); void op(Foo Foo, Foo x); Foo Foo2(int foo2); };
                    interface J { void op(int a, out int b, out int B); };
                };
                """);

        assertThat(errors(file)).containsExactly(
                file + ":4:37: operation 'Y' differs only in capitalization from data member 'y'",
                file + ":4:47: redefinition of data member 'y' as operation 'y'",
                file + ":4:57: operation 'X' differs only in capitalization from data member"
                        + " 'x', which is defined in base class '::M::B'",
                file + ":4:67: class name 'C' cannot be used as operation name",
                file + ":5:23: 'Foo' has changed meaning",
                file + ":5:35: interface name 'I' cannot be used as operation name",
                file + ":5:65: 'Foo' has changed meaning",
                file + ":6:53: parameter 'B' differs only in capitalization from parameter 'b'",
                file + ":4:37: operations of classes are not supported yet");
    }
}
