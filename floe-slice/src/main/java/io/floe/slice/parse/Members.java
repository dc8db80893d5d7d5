package io.floe.slice.parse;

import io.floe.slice.parse.Tokens.SyntaxError;
import java.util.ArrayList;
import java.util.List;

/** Parses the definitions that have bodies: interfaces, classes, structs and exceptions. */
final class Members {
    private final Parser parser;
    private final Tokens tokens;

    Members(Parser parser) {
        this.parser = parser;
        this.tokens = parser.tokens();
    }

    Definition interfaceDef(List<Metadata> metadata, boolean local) {
        tokens.expectKeyword("interface");
        Token name = tokens.expectIdentifier("an interface name");
        if (tokens.peek().isSymbol(";")) {
            return new ForwardDecl(name.text(), name.location(), metadata, local, true);
        }
        List<TypeRef> bases = tokens.acceptKeyword("extends") ? typeList() : List.of();
        tokens.expectSymbol("{");
        List<Operation> operations = new ArrayList<>();
        while (!tokens.atEnd() && !tokens.peek().isSymbol("}")) {
            try {
                List<Metadata> opMetadata = parser.metadata();
                boolean idempotent = tokens.acceptKeyword("idempotent");
                int tag = optionalTag();
                TypeRef returnType = tokens.acceptKeyword("void") ? null : parser.type();
                Token opName = tokens.expectIdentifier("an operation name");
                operations.add(operation(opMetadata, idempotent, tag, returnType, opName));
            } catch (SyntaxError error) {
                parser.report(error);
                tokens.recover();
            }
        }
        tokens.expectSymbol("}");
        return new InterfaceDef(name.text(), name.location(), metadata, local, bases,
                List.copyOf(operations));
    }

    Definition classDef(List<Metadata> metadata, boolean local) {
        tokens.expectKeyword("class");
        Token name = tokens.expectIdentifier("a class name");
        if (tokens.peek().isSymbol(";")) {
            return new ForwardDecl(name.text(), name.location(), metadata, local, false);
        }
        int compactId = -1;
        if (tokens.acceptSymbol("(")) {
            compactId = parser.smallInteger("a compact type id");
            tokens.expectSymbol(")");
        }
        TypeRef base = tokens.acceptKeyword("extends") ? parser.type() : null;
        List<TypeRef> implemented = tokens.acceptKeyword("implements") ? typeList() : List.of();
        tokens.expectSymbol("{");
        List<DataMember> dataMembers = new ArrayList<>();
        List<Operation> operations = new ArrayList<>();
        while (!tokens.atEnd() && !tokens.peek().isSymbol("}")) {
            try {
                List<Metadata> memberMetadata = parser.metadata();
                boolean idempotent = tokens.acceptKeyword("idempotent");
                int tag = optionalTag();
                boolean isVoid = tokens.acceptKeyword("void");
                TypeRef type = isVoid ? null : parser.type();
                Token memberName = tokens.expectIdentifier("a member or operation name");
                if (idempotent || isVoid || tokens.peek().isSymbol("(")) {
                    operations.add(operation(memberMetadata, idempotent, tag, type, memberName));
                } else {
                    dataMembers.add(dataMemberRest(memberMetadata, tag, type, memberName));
                }
            } catch (SyntaxError error) {
                parser.report(error);
                tokens.recover();
            }
        }
        tokens.expectSymbol("}");
        return new ClassDef(name.text(), name.location(), metadata, local, compactId, base,
                implemented, List.copyOf(dataMembers), List.copyOf(operations));
    }

    StructDef structDef(List<Metadata> metadata, boolean local) {
        tokens.expectKeyword("struct");
        Token name = tokens.expectIdentifier("a struct name");
        return new StructDef(name.text(), name.location(), metadata, local, dataMembers());
    }

    ExceptionDef exceptionDef(List<Metadata> metadata, boolean local) {
        tokens.expectKeyword("exception");
        Token name = tokens.expectIdentifier("an exception name");
        TypeRef base = tokens.acceptKeyword("extends") ? parser.type() : null;
        return new ExceptionDef(name.text(), name.location(), metadata, local, base, dataMembers());
    }

    private List<DataMember> dataMembers() {
        tokens.expectSymbol("{");
        List<DataMember> list = new ArrayList<>();
        while (!tokens.atEnd() && !tokens.peek().isSymbol("}")) {
            try {
                List<Metadata> metadata = parser.metadata();
                int tag = optionalTag();
                TypeRef type = parser.type();
                Token name = tokens.expectIdentifier("a data member name");
                list.add(dataMemberRest(metadata, tag, type, name));
            } catch (SyntaxError error) {
                parser.report(error);
                tokens.recover();
            }
        }
        tokens.expectSymbol("}");
        return List.copyOf(list);
    }

    private DataMember dataMemberRest(List<Metadata> metadata, int tag, TypeRef type, Token name) {
        ConstValue defaultValue = tokens.acceptSymbol("=") ? parser.constValue() : null;
        tokens.expectSymbol(";");
        return new DataMember(name.text(), name.location(), metadata, type, tag, defaultValue);
    }

    private Operation operation(List<Metadata> metadata, boolean idempotent, int returnTag,
                                TypeRef returnType, Token name) {
        tokens.expectSymbol("(");
        List<Parameter> parameters = new ArrayList<>();
        if (!tokens.peek().isSymbol(")")) {
            do {
                List<Metadata> paramMetadata = parser.metadata();
                boolean out = tokens.acceptKeyword("out");
                int tag = optionalTag();
                TypeRef type = parser.type();
                Token paramName = tokens.expectIdentifier("a parameter name");
                parameters.add(new Parameter(paramName.text(), paramName.location(), paramMetadata,
                        type, out, tag));
            } while (tokens.acceptSymbol(","));
        }
        tokens.expectSymbol(")");
        List<TypeRef> throwsList = tokens.acceptKeyword("throws") ? typeList() : List.of();
        tokens.expectSymbol(";");
        return new Operation(name.text(), name.location(), metadata, returnType, returnTag,
                List.copyOf(parameters), throwsList, idempotent);
    }

    /** {@code optional(n)} before a type, or -1. */
    private int optionalTag() {
        if (!tokens.acceptKeyword("optional")) {
            return -1;
        }
        tokens.expectSymbol("(");
        int tag = parser.smallInteger("a tag");
        tokens.expectSymbol(")");
        return tag;
    }

    private List<TypeRef> typeList() {
        List<TypeRef> list = new ArrayList<>();
        do {
            list.add(parser.type());
        } while (tokens.acceptSymbol(","));
        return List.copyOf(list);
    }
}
