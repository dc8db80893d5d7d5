package io.floe.slice.check;

import io.floe.slice.parse.DataMember;
import io.floe.slice.parse.EnumDef;
import io.floe.slice.parse.StructDef;
import io.floe.slice.parse.TypeRef;
import java.util.Map;

/**
 * The dictionary keys Slice allows: bool, integral types, string, enums, and structs whose
 * members are all legal keys. No floating point, sequence, dictionary, proxy or class.
 */
final class DictionaryKeyRule {
    private DictionaryKeyRule() {
    }

    static boolean isLegalKey(Type type, Map<TypeRef, Type> resolved) {
        if (type instanceof Builtin builtin) {
            return builtin == Builtin.BOOL || builtin.isIntegral() || builtin == Builtin.STRING;
        }
        if (!(type instanceof Named named)) {
            return false;
        }
        if (named.symbol().definition() instanceof EnumDef) {
            return true;
        }
        if (named.symbol().definition() instanceof StructDef struct) {
            return struct.members().stream().allMatch(m -> memberIsLegal(m, resolved));
        }
        return false;
    }

    private static boolean memberIsLegal(DataMember member, Map<TypeRef, Type> resolved) {
        Type type = resolved.get(member.type());
        return type == null || isLegalKey(type, resolved); // unresolved: reported already
    }
}
