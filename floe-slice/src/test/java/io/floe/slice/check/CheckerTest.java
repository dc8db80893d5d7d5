package io.floe.slice.check;

import static io.floe.slice.TestFiles.errors;
import static io.floe.slice.TestFiles.slice;
import static io.floe.slice.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.floe.slice.Compilation;
import io.floe.slice.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckerTest {
    @TempDir
    Path dir;

    @Test
    void namesResolveThroughEnclosingModulesAndAbsolutely() {
        Path file = write(dir, "ok.ice", """
                module A {
                    struct S { int x; };
                    module B {
                        struct T { S s; A::S t; ::A::S u; };
                        interface I;
                        interface J { I* get(); };
                        interface I extends J { T make(); };
                    };
                    sequence<B::T> Ts;
                };
                module A::B { struct U { T t; I* i; Ts ts; }; };
                """);

        assertThat(errors(file)).isEmpty();
    }

    @Test
    void everyErrorOfOneFileIsReportedWithItsLocation() {
        Path file = write(dir, "bad.ice", """
                module M {
                  struct S { int a; string a; };
                  struct T { Foo f; };
                  interface I { void op() throws S; void op(); void x(int a, int a); };
                  interface J extends S {};
                  interface K extends L {};
                  exception X extends Y {};
                  exception Z extends Z {};
                  sequence<float> FS;
                  dictionary<FS, int> D1;
                  dictionary<double, int> D2;
                  struct KS { int a; string b; Color c; };
                  enum Color { A, B = 0, C };
                  dictionary<KS, int> D3;
                  enum C2 { P = -1 };
                  const int N = 3000000000;
                  const string STR = 5;
                  struct S { int b; };
                  interface F;
                  interface G extends F {};
                  interface H extends H {};
                  interface O { void op(out int a, int b); };
                };
                """);

        assertThat(errors(file)).containsExactly(
                file + ":2:28: redefinition of data member 'a'",
                file + ":3:14: 'Foo' is not defined",
                file + ":4:34: 'S' is not an exception",
                file + ":4:42: redefinition of operation 'op'",
                file + ":4:66: redefinition of parameter 'a'",
                file + ":5:23: 'S' is not an interface",
                file + ":6:23: 'L' is not defined",
                file + ":7:23: 'Y' is not defined",
                file + ":8:23: exception 'Z' cannot extend itself",
                file + ":10:14: dictionary 'D1' has illegal key type '::M::FS' (expected: bool, an"
                        + " integral type, string, an enum, or a struct of such members)",
                file + ":11:14: dictionary 'D2' has illegal key type 'double' (expected: bool, an"
                        + " integral type, string, an enum, or a struct of such members)",
                file + ":12:32: 'Color' is not defined",
                file + ":13:19: enumerator 'B' has the same value as enumerator 'A': 0",
                file + ":15:17: enumerator 'P' has value -1, out of range (expected: 0 to 2147483647)",
                file + ":16:17: constant 'N' has initializer 3000000000, out of range for int"
                        + " (expected: -2147483648 to 2147483647)",
                file + ":17:22: constant 'STR' has initializer 5 (expected: a string)",
                file + ":18:10: redefinition of struct 'S' (first defined at " + file + ":2:10)",
                file + ":20:23: interface 'F' is declared but not defined",
                file + ":21:23: interface 'H' cannot extend itself",
                file + ":22:40: in parameter 'b' follows an out parameter");
    }

    @Test
    void structKeysMustHoldOnlyLegalKeyTypes() {
        Path file = write(dir, "keys.ice", """
                module M {
                    enum E { a };
                    struct Good { int i; string s; E e; bool b; long l; };
                    struct Nested { Good g; short s; };
                    struct Bad { float f; };
                    interface I {};
                    dictionary<Good, int> D1;
                    dictionary<Nested, int> D2;
                    dictionary<E, int> D3;
                    dictionary<Bad, int> D4;
                    dictionary<I*, int> D5;
                    dictionary<Object, int> D6;
                };
                """);

        assertThat(errors(file)).extracting(e -> e.substring(file.toString().length()))
                .containsExactly(
                        ":10:16: dictionary 'D4' has illegal key type '::M::Bad' (expected: bool, an"
                                + " integral type, string, an enum, or a struct of such members)",
                        ":11:16: dictionary 'D5' has illegal key type '::M::I*' (expected: bool, an"
                                + " integral type, string, an enum, or a struct of such members)",
                        ":12:16: dictionary 'D6' has illegal key type 'Object' (expected: bool, an"
                                + " integral type, string, an enum, or a struct of such members)");
    }

    @Test
    void definitionsOutsideModulesAndWrongUsesOfTypesAreErrors() {
        Path file = write(dir, "uses.ice", """
                struct G { int a; };
                module M {
                    struct S { int a; };
                    exception E {};
                    interface I { void a(S* p); E b(); };
                    struct R { R r; };
                    const bool B = 1;
                    struct D { int a = 1.5; S s = 1; };
                };
                """);

        assertThat(errors(file)).containsExactly(
                file + ":1:8: struct 'G' must be defined inside a module",
                file + ":5:26: 'S*' is not a proxy: S is a struct (expected: an interface)",
                file + ":5:33: exception 'E' cannot be used as a type (only in throws clauses)",
                file + ":6:16: struct 'R' cannot contain itself",
                file + ":7:20: constant 'B' has initializer 1 (expected: true or false)",
                file + ":8:24: data member 'a' has initializer 1.5 (expected: an integer)",
                file + ":8:35: data member 's' of type ::M::S cannot have a default value");
    }

    @Test
    void interopPassesTheChecks() {
        assertThat(errors(slice("Interop.ice"))).isEmpty();
    }

    @Test
    void classesAndOptionalsOfAnIncludedFileCanBeUsed() {
        write(dir, "classes.ice", "#pragma once\nmodule C { class Node { Node next; }; struct P { int x; }; };\n");
        Path user = write(dir, "user.ice", """
                #include "classes.ice"
                module U {
                    struct Uses { C::P p; C::Node n; };
                    sequence<C::Node> Nodes;
                    interface I { void take(optional(1) int x, optional(2) C::Node n); };
                };
                """);

        assertThat(errors(user)).isEmpty();
    }

    @Test
    void operationsOfClassesAreRefusedWhereGenerated() {
        Path file = write(dir, "ops.ice", """
                module M {
                    interface I { void f(); };
                    class C implements I { int x; void op(); };
                };
                """);

        assertThat(errors(file)).containsExactly(
                file + ":3:40: operations of classes are not supported yet",
                file + ":3:24: classes implementing interfaces are not supported yet");
    }

    @Test
    void optionalTagsCompactIdsAndConstantInitializersAreChecked() {
        Path file = write(dir, "opt.ice", """
                module M {
                    class C { optional(1) int a; optional(1) int b; };
                    exception E { optional(2) string s; optional(2) int t; };
                    struct S { optional(1) int a; };
                    interface I { optional(1) int op(optional(2) int a, out optional(1) int b); };
                    class A(3) {};
                    class B(3) {};
                    const long Big = 5000000000;
                    const int Small = 5;
                    const int Bad = Big;
                    struct D { int x = Small; long y = Big; int z = Big; };
                    enum Color { red, green };
                    const Color Favourite = green;
                    struct P { Color c = Favourite; Color d = blue; };
                };
                """);

        assertThat(errors(file)).containsExactly(
                file + ":2:50: tag 1 of optional data member 'b' is already used by 'a'",
                file + ":3:57: tag 2 of optional data member 't' is already used by 's'",
                file + ":4:32: struct 'S' cannot have optional data member 'a' (only classes and"
                        + " exceptions can)",
                file + ":5:77: tag 1 of optional parameter 'b' is already used by the return value",
                file + ":7:11: compact id 3 of class 'B' is already used by class '::M::A'",
                file + ":10:21: constant 'Bad' has initializer 5000000000, out of range for int"
                        + " (expected: -2147483648 to 2147483647)",
                file + ":11:53: data member 'z' has initializer 5000000000, out of range for int"
                        + " (expected: -2147483648 to 2147483647)",
                file + ":14:47: data member 'd' has initializer blue (expected: an enumerator of"
                        + " ::M::Color)");
    }

    @Test
    void everyZerocSliceFilePassesTheChecks() throws Exception {
        Path corpus = Path.of("/usr/share/ice/slice");
        assumeTrue(Files.isDirectory(corpus), "zeroc-ice-slice is not installed (no " + corpus + ")");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".ice")).sorted().toList();
        }

        for (Path file : files) {
            Compilation.Result result = Compilation.run(
                    new Compilation.Options(List.of(file), List.of(corpus), Map.of()));
            assertThat(result.errors()).as(file.toString()).extracting(Diagnostic::message).isEmpty();
        }
        assertThat(files).hasSizeGreaterThan(50);
    }
}
