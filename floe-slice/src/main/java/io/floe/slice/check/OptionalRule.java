package io.floe.slice.check;

import io.floe.slice.Diagnostics;
import io.floe.slice.parse.DataMember;
import io.floe.slice.parse.Operation;
import io.floe.slice.parse.Parameter;
import io.floe.slice.parse.StructDef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Optional values: none in structs; tags unique among the members of one class or exception
 * (one slice), and among the parameters and return value of one operation. The parser keeps
 * tags in 0..2^31-1.
 */
final class OptionalRule {
    private final Diagnostics diagnostics;

    OptionalRule(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void struct(StructDef struct) {
        for (DataMember member : struct.members()) {
            if (member.isOptional()) {
                diagnostics.error(member.location(), "struct '" + struct.name()
                        + "' cannot have optional data member '" + member.name()
                        + "' (only classes and exceptions can)");
            }
        }
    }

    void members(List<DataMember> members) {
        Map<Integer, String> tags = new HashMap<>();
        for (DataMember member : members) {
            if (member.isOptional()) {
                String other = tags.putIfAbsent(member.tag(), member.name());
                if (other != null) {
                    diagnostics.error(member.location(), "tag " + member.tag()
                            + " of optional data member '" + member.name() + "' is already used by '"
                            + other + "'");
                }
            }
        }
    }

    void operation(Operation op) {
        Map<Integer, String> tags = new HashMap<>();
        if (op.returnType() != null && op.returnTag() >= 0) {
            tags.put(op.returnTag(), "the return value");
        }
        for (Parameter parameter : op.parameters()) {
            if (parameter.isOptional()) {
                String other = tags.putIfAbsent(parameter.tag(), "'" + parameter.name() + "'");
                if (other != null) {
                    diagnostics.error(parameter.location(), "tag " + parameter.tag()
                            + " of optional parameter '" + parameter.name() + "' is already used by "
                            + other);
                }
            }
        }
    }
}
