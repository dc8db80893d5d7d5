package io.floe.slice.parse;

import io.floe.slice.Diagnostics;
import io.floe.slice.Location;
import io.floe.slice.parse.Token.Kind;
import io.floe.slice.parse.Tokens.SyntaxError;
import io.floe.slice.preprocess.SourceLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser for Slice definitions. A syntax error is reported where it is found
 * and the parser skips to the end of the broken definition or member, so one run reports every
 * independent error. Names are not resolved here; that is the checker's job.
 */
public final class Parser {
    private static final Set<String> BUILTIN_TYPES = Set.of("bool", "byte", "short", "int", "long",
            "float", "double", "string", "Object", "LocalObject", "Value");

    private final Tokens tokens;
    private final Diagnostics diagnostics;
    private final Map<String, List<Metadata>> fileMetadata = new LinkedHashMap<>();
    private final Members members;

    private Parser(List<Token> tokens, Diagnostics diagnostics) {
        this.tokens = new Tokens(tokens);
        this.diagnostics = diagnostics;
        this.members = new Members(this);
    }

    public static SliceUnit parse(String mainFile, List<SourceLine> lines, Diagnostics diagnostics) {
        List<Token> tokens = Lexer.tokenize(lines, diagnostics);
        Parser parser = new Parser(tokens, diagnostics);
        List<Definition> definitions = parser.definitions(true);
        UnderscoreRule.check(tokens, parser.fileMetadata, diagnostics);
        return new SliceUnit(mainFile, parser.fileMetadata, definitions);
    }

    Tokens tokens() {
        return tokens;
    }

    void report(SyntaxError error) {
        diagnostics.error(error.token.location(), error.getMessage());
    }

    private List<Definition> definitions(boolean topLevel) {
        List<Definition> definitions = new ArrayList<>();
        while (!tokens.atEnd() && (topLevel || !tokens.peek().isSymbol("}"))) {
            try {
                if (tokens.peek().isSymbol("[") && tokens.peek(1).isSymbol("[")) {
                    fileMetadata();
                    continue;
                }
                definitions.add(definition());
            } catch (SyntaxError error) {
                report(error);
                tokens.recover();
                if (topLevel && tokens.peek().isSymbol("}")) {
                    tokens.next(); // a stray brace at global scope: skip it and go on
                }
            }
        }
        return definitions;
    }

    private void fileMetadata() {
        tokens.expectSymbol("[");
        tokens.expectSymbol("[");
        List<Metadata> list = metadataStrings();
        tokens.expectSymbol("]");
        tokens.expectSymbol("]");
        for (Metadata metadata : list) {
            fileMetadata.computeIfAbsent(metadata.location().file(), f -> new ArrayList<>()).add(metadata);
        }
    }

    /** Zero or more {@code ["a", "b"]} groups. */
    List<Metadata> metadata() {
        List<Metadata> list = new ArrayList<>();
        while (tokens.peek().isSymbol("[") && !tokens.peek(1).isSymbol("[")) {
            tokens.next();
            list.addAll(metadataStrings());
            tokens.expectSymbol("]");
        }
        return list;
    }

    private List<Metadata> metadataStrings() {
        List<Metadata> list = new ArrayList<>();
        do {
            Token token = tokens.peek();
            if (token.kind() != Kind.STRING) {
                throw tokens.unexpected("a metadata string");
            }
            tokens.next();
            list.add(new Metadata(token.text(), token.location()));
        } while (tokens.acceptSymbol(","));
        return list;
    }

    private Definition definition() {
        List<Metadata> metadata = metadata();
        boolean local = tokens.acceptKeyword("local");
        Token keyword = tokens.peek();
        if (keyword.kind() != Kind.KEYWORD) {
            throw tokens.unexpected("a definition");
        }
        Definition definition = switch (keyword.text()) {
            case "module" -> module(metadata);
            case "interface" -> members.interfaceDef(metadata, local);
            case "class" -> members.classDef(metadata, local);
            case "struct" -> members.structDef(metadata, local);
            case "exception" -> members.exceptionDef(metadata, local);
            case "enum" -> enumDef(metadata, local);
            case "sequence" -> sequence(metadata, local);
            case "dictionary" -> dictionary(metadata, local);
            case "const" -> constant(metadata);
            default -> throw tokens.unexpected("a definition");
        };
        // Ice 3.7 makes the semicolon after a closing brace optional.
        if (!tokens.acceptSymbol(";") && !tokens.previous().isSymbol("}")) {
            throw tokens.unexpected("';'");
        }
        return definition;
    }

    private Module module(List<Metadata> metadata) {
        tokens.expectKeyword("module");
        List<Token> names = new ArrayList<>();
        names.add(tokens.expectIdentifier("a module name"));
        while (tokens.acceptSymbol("::")) {
            names.add(tokens.expectIdentifier("a module name"));
        }
        tokens.expectSymbol("{");
        List<Definition> body = definitions(false);
        tokens.expectSymbol("}");
        Module module = null;
        for (int i = names.size() - 1; i >= 0; i--) {
            Token name = names.get(i);
            List<Definition> content = module == null ? body : List.of(module);
            module = new Module(name.text(), name.location(), i == 0 ? metadata : List.of(), content);
        }
        return module;
    }

    private EnumDef enumDef(List<Metadata> metadata, boolean local) {
        tokens.expectKeyword("enum");
        Token name = tokens.expectIdentifier("an enum name");
        tokens.expectSymbol("{");
        List<Enumerator> enumerators = new ArrayList<>();
        while (!tokens.peek().isSymbol("}")) {
            Token enumerator = tokens.expectIdentifier("an enumerator");
            ConstValue value = tokens.acceptSymbol("=") ? constValue() : null;
            enumerators.add(new Enumerator(enumerator.text(), enumerator.location(), value));
            if (!tokens.acceptSymbol(",")) {
                break;
            }
        }
        tokens.expectSymbol("}");
        return new EnumDef(name.text(), name.location(), metadata, local, List.copyOf(enumerators));
    }

    private SequenceDef sequence(List<Metadata> metadata, boolean local) {
        tokens.expectKeyword("sequence");
        tokens.expectSymbol("<");
        metadata();
        TypeRef element = type();
        tokens.expectSymbol(">");
        Token name = tokens.expectIdentifier("a sequence name");
        return new SequenceDef(name.text(), name.location(), metadata, local, element);
    }

    private DictionaryDef dictionary(List<Metadata> metadata, boolean local) {
        tokens.expectKeyword("dictionary");
        tokens.expectSymbol("<");
        metadata();
        TypeRef key = type();
        tokens.expectSymbol(",");
        metadata();
        TypeRef value = type();
        tokens.expectSymbol(">");
        Token name = tokens.expectIdentifier("a dictionary name");
        return new DictionaryDef(name.text(), name.location(), metadata, local, key, value);
    }

    private ConstDef constant(List<Metadata> metadata) {
        tokens.expectKeyword("const");
        metadata();
        TypeRef type = type();
        Token name = tokens.expectIdentifier("a constant name");
        tokens.expectSymbol("=");
        return new ConstDef(name.text(), name.location(), metadata, type, constValue());
    }

    /** A builtin type or a scoped name, then {@code *} for a proxy. */
    TypeRef type() {
        Token start = tokens.peek();
        String name;
        if (start.kind() == Kind.KEYWORD && BUILTIN_TYPES.contains(start.text())) {
            name = tokens.next().text();
        } else if (start.kind() == Kind.IDENTIFIER || start.isSymbol("::")) {
            name = scopedName();
        } else {
            throw tokens.unexpected("a type");
        }
        return new TypeRef(name, tokens.acceptSymbol("*"), start.location());
    }

    private String scopedName() {
        StringBuilder name = new StringBuilder();
        if (tokens.acceptSymbol("::")) {
            name.append("::");
        }
        name.append(tokens.expectIdentifier("a name").text());
        while (tokens.acceptSymbol("::")) {
            name.append("::").append(tokens.expectIdentifier("a name").text());
        }
        return name.toString();
    }

    /** A literal, a signed number or a (scoped) enumerator or constant name. */
    ConstValue constValue() {
        Token token = tokens.peek();
        Location location = token.location();
        String sign = "";
        if (token.isSymbol("-") || token.isSymbol("+")) {
            sign = tokens.next().text();
            token = tokens.peek();
        }
        if (token.kind() == Kind.INTEGER || token.kind() == Kind.FLOAT) {
            tokens.next();
            ConstValue.Kind kind = token.kind() == Kind.INTEGER
                    ? ConstValue.Kind.INTEGER : ConstValue.Kind.FLOAT;
            return new ConstValue(kind, sign + token.text(), location);
        }
        if (!sign.isEmpty()) {
            throw tokens.unexpected("a number after '" + sign + "'");
        }
        if (token.kind() == Kind.STRING) {
            return new ConstValue(ConstValue.Kind.STRING, tokens.next().text(), location);
        }
        if (token.isKeyword("true") || token.isKeyword("false")) {
            return new ConstValue(ConstValue.Kind.BOOLEAN, tokens.next().text(), location);
        }
        if (token.kind() == Kind.IDENTIFIER || token.isSymbol("::")) {
            return new ConstValue(ConstValue.Kind.NAME, scopedName(), location);
        }
        throw tokens.unexpected("a constant value");
    }

    /** A non-negative integer literal that fits an int (tags and compact ids). */
    int smallInteger(String what) {
        Token token = tokens.peek();
        if (token.kind() != Kind.INTEGER) {
            throw tokens.unexpected(what);
        }
        tokens.next();
        try {
            long value = Long.decode(token.text().replaceAll("[lL]+$", ""));
            if (value >= 0 && value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SyntaxError(token, what + " out of range: " + token.text()
                + " (expected: 0 to " + Integer.MAX_VALUE + ")");
    }
}
