package io.floe.slice.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.floe.slice.Diagnostic;
import io.floe.slice.Diagnostics;
import io.floe.slice.preprocess.SourceLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {
    private final Diagnostics diagnostics = new Diagnostics();

    private SliceUnit parse(String source) {
        List<SourceLine> lines = new ArrayList<>();
        String[] texts = source.split("\n", -1);
        for (int i = 0; i < texts.length; i++) {
            lines.add(new SourceLine("t.ice", i + 1, texts[i]));
        }
        return Parser.parse("t.ice", lines, diagnostics);
    }

    private List<String> errors() {
        return diagnostics.errors().stream().map(Diagnostic::toString).toList();
    }

    private static Module module(SliceUnit unit) {
        return (Module) unit.definitions().get(0);
    }

    @Test
    void nestedModuleNamesBecomeNestedModules() {
        SliceUnit unit = parse("module A::B { struct S { int x; }; };");

        Module a = module(unit);
        Module b = (Module) a.definitions().get(0);
        assertThat(a.name()).isEqualTo("A");
        assertThat(b.name()).isEqualTo("B");
        assertThat(b.location().column()).isEqualTo(11);
        assertThat(b.definitions()).singleElement().isInstanceOf(StructDef.class);
        assertThat(errors()).isEmpty();
    }

    @Test
    void underscoresInIdentifiersFollowSlice2javasRule() {
        parse("module M { class _x {}; struct a_b { int c_d; }; };");

        assertThat(errors()).containsExactly(
                "t.ice:1:18: illegal leading underscore in identifier '_x'",
                "t.ice:1:32: illegal underscore in identifier 'a_b'",
                "t.ice:1:42: illegal underscore in identifier 'c_d'");
    }

    @Test
    void underscoreMetadataAllowsInnerUnderscoresOnly() {
        parse("[[\"underscore\"]]\nmodule M { struct a_b { int c_d; int e__f; int g_; }; };");

        assertThat(errors()).containsExactly(
                "t.ice:2:38: illegal double underscore in identifier 'e__f'",
                "t.ice:2:48: illegal trailing underscore in identifier 'g_'");
    }

    @Test
    void interfacesHaveBasesOperationsOutParamsAndThrows() {
        SliceUnit unit = parse("""
                module M {
                    interface F;
                    ["amd"] interface I extends A, ::B::C {
                        idempotent int op(string s, out Row r, out I* self) throws E1, M::E2;
                        ["format:sliced"] void v();
                    };
                };""");

        List<Definition> defs = module(unit).definitions();
        assertThat(defs.get(0)).isEqualTo(new ForwardDecl("F", new io.floe.slice.Location("t.ice", 2, 15),
                List.of(), false, true));
        InterfaceDef i = (InterfaceDef) defs.get(1);
        assertThat(i.hasMetadata("amd")).isTrue();
        assertThat(i.bases()).extracting(TypeRef::name).containsExactly("A", "::B::C");
        Operation op = i.operations().get(0);
        assertThat(op.idempotent()).isTrue();
        assertThat(op.returnType().name()).isEqualTo("int");
        assertThat(op.parameters()).extracting(Parameter::name, Parameter::out)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s", false),
                        org.assertj.core.groups.Tuple.tuple("r", true),
                        org.assertj.core.groups.Tuple.tuple("self", true));
        assertThat(op.parameters().get(2).type()).hasToString("I*");
        assertThat(op.throwsList()).extracting(TypeRef::name).containsExactly("E1", "M::E2");
        assertThat(i.operations().get(1).returnType()).isNull();
        assertThat(i.operations().get(1).hasMetadata("format:sliced")).isTrue();
        assertThat(errors()).isEmpty();
    }

    @Test
    void classesOptionalsDefaultsAndLocalDefinitionsParse() {
        SliceUnit unit = parse("""
                [["java:package:com.acme"]]
                module M {
                    class C(7) extends B implements I { int x = 3; optional(2) string s; void op(); };
                    local interface L { void f(); };
                    exception X extends Y { optional(300) int code; };
                    struct S { string name = "n\\t"; double d = -1.5e3; };
                    interface T { optional(1) int op(optional(3) string s, out optional(4) int o); };
                };""");

        assertThat(unit.fileMetadata("t.ice")).extracting(Metadata::text)
                .containsExactly("java:package:com.acme");
        List<Definition> defs = module(unit).definitions();
        ClassDef c = (ClassDef) defs.get(0);
        assertThat(c.compactId()).isEqualTo(7);
        assertThat(c.base().name()).isEqualTo("B");
        assertThat(c.members()).extracting(DataMember::tag).containsExactly(-1, 2);
        assertThat(c.members().get(0).defaultValue().text()).isEqualTo("3");
        assertThat(c.operations()).extracting(Operation::name).containsExactly("op");
        assertThat(defs.get(1).local()).isTrue();
        assertThat(((ExceptionDef) defs.get(2)).members().get(0).tag()).isEqualTo(300);
        StructDef s = (StructDef) defs.get(3);
        assertThat(s.members().get(0).defaultValue().text()).isEqualTo("n\t");
        assertThat(s.members().get(1).defaultValue().text()).isEqualTo("-1.5e3");
        Operation op = ((InterfaceDef) defs.get(4)).operations().get(0);
        assertThat(op.returnTag()).isEqualTo(1);
        assertThat(op.parameters()).extracting(Parameter::tag).containsExactly(3, 4);
        assertThat(errors()).isEmpty();
    }

    @Test
    void enumsSequencesDictionariesAndConstantsParse() {
        SliceUnit unit = parse("""
                module M {
                    enum E { a, b = 5, c, };
                    sequence<["java:type:x"] Row> Grid;
                    dictionary<string, E> D;
                    const long L = 0x7f;
                    const E K = ::M::b;
                    const bool T = true;
                };""");

        List<Definition> defs = module(unit).definitions();
        assertThat(((EnumDef) defs.get(0)).enumerators()).extracting(Enumerator::name)
                .containsExactly("a", "b", "c");
        assertThat(((EnumDef) defs.get(0)).enumerators().get(1).value().text()).isEqualTo("5");
        assertThat(((DictionaryDef) defs.get(2)).value().name()).isEqualTo("E");
        assertThat(((ConstDef) defs.get(3)).value()).isEqualTo(
                new ConstValue(ConstValue.Kind.INTEGER, "0x7f", new io.floe.slice.Location("t.ice", 5, 20)));
        assertThat(((ConstDef) defs.get(4)).value().kind()).isEqualTo(ConstValue.Kind.NAME);
        assertThat(((ConstDef) defs.get(5)).value().kind()).isEqualTo(ConstValue.Kind.BOOLEAN);
        assertThat(((SequenceDef) defs.get(1)).element().name()).isEqualTo("Row");
        assertThat(errors()).isEmpty();
    }

    @Test
    void syntaxErrorsAreReportedAndParsingGoesOnAfterEach() {
        parse("""
                module M {
                    struct S { int ; };
                    interface I { void op(int a b); void ok(); };
                    struct T { module x; };
                };
                struct""");

        assertThat(errors()).containsExactly(
                "t.ice:2:20: unexpected ';' (expected: a data member name)",
                "t.ice:3:33: unexpected 'b' (expected: ')')",
                "t.ice:4:16: unexpected 'module' (expected: a type)",
                "t.ice:6:7: unexpected end of input (expected: a struct name)");
    }

    @Test
    void keywordsNeedAnEscapeToBeNames() {
        SliceUnit unit = parse("module M { struct \\module { int \\out; }; struct module { int x; }; };");

        assertThat(((StructDef) module(unit).definitions().get(0)).name()).isEqualTo("module");
        assertThat(errors()).containsExactly(
                "t.ice:1:49: keyword 'module' cannot be used as a struct name (escape it as \\module)");
    }

    @Test
    void theSemicolonAfterAClosingBraceMayBeLeftOut() {
        SliceUnit unit = parse("module M { struct S { int x; } enum E { a } interface I {} const int K = 1; }");

        assertThat(module(unit).definitions()).extracting(Definition::name).containsExactly("S", "E", "I", "K");
        assertThat(errors()).isEmpty();
    }
}
