package io.floe.slice.generate;

import io.floe.slice.check.Symbol;
import io.floe.slice.parse.InterfaceDef;
import io.floe.slice.parse.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code interface I}: the servant interface {@code I} with one method per operation (or
 * {@code op_async} for AMD), result records, type ids and the dispatch (mapping.md).
 */
final class ServantGenerator {
    private final JavaGenerator context;
    private final TypeMapper types;

    ServantGenerator(JavaGenerator context) {
        this.context = context;
        this.types = context.types();
    }

    void generate(Symbol symbol, InterfaceDef def) {
        JavaWriter w = context.writer(symbol);
        String name = Names.escape(def.name());
        List<Symbol> bases = context.checked().bases(def);
        String supertypes = bases.isEmpty() ? w.use("io.floe.Servant")
                : bases.stream().map(b -> w.use(types.qualified(b))).collect(Collectors.joining(", "));
        List<OperationView> operations = def.operations().stream()
                .map(op -> new OperationView(op, def, symbol, context.checked())).toList();

        w.open("public interface " + name + " extends " + supertypes);
        w.line("String TYPE_ID = \"" + symbol.scopedName() + "\";");
        for (OperationView op : operations) {
            w.blank();
            servantMethod(w, name, op);
        }
        for (OperationView op : operations) {
            if (op.outputs().size() > 1) {
                w.blank();
                w.open("record " + op.resultRecord() + "("
                        + op.parameterList(op.resultComponents(), types, w) + ")");
                w.close();
            }
        }
        w.blank();
        typeIds(w, symbol, def);
        w.blank();
        dispatch(w, symbol, def, operations);
        DispatchWriter dispatchWriter = new DispatchWriter(context, w, name);
        for (OperationView op : operations) {
            w.blank();
            dispatchWriter.write(op);
        }
        w.close();
        context.add(w, name);
    }

    private void servantMethod(JavaWriter w, String name, OperationView op) {
        String current = w.use("io.floe.Current");
        String throwsClause = op.throwsClause(types, w);
        if (op.isAmd()) {
            String callback = "AMD_" + name + "_" + op.sliceName();
            List<String> parameters = new ArrayList<>();
            parameters.add(callback + " cb");
            if (!op.inputs().isEmpty()) {
                parameters.add(op.parameterList(op.inputs(), types, w));
            }
            parameters.add(current + " current");
            w.declaration("void " + op.javaName() + "_async(" + String.join(", ", parameters) + ")",
                    throwsClause);
        } else {
            String parameters = op.inputs().isEmpty() ? current + " current"
                    : op.parameterList(op.inputs(), types, w) + ", " + current + " current";
            w.declaration(op.resultType(types, w, "") + " " + op.javaName() + "(" + parameters + ")",
                    throwsClause);
        }
    }

    private void typeIds(JavaWriter w, Symbol symbol, InterfaceDef def) {
        String current = w.use("io.floe.Current");
        TreeSet<String> ids = new TreeSet<>();
        ids.add(symbol.scopedName());
        ids.add("::Ice::Object");
        context.checked().allBases(def).forEach(b -> ids.add(b.scopedName()));
        w.line("@Override");
        w.open("default String ice_id(" + current + " current)");
        w.line("return TYPE_ID;");
        w.close();
        w.blank();
        w.line("@Override");
        w.open("default String[] ice_ids(" + current + " current)");
        w.line("return new String[] {" + ids.stream().map(id -> "\"" + id + "\"")
                .collect(Collectors.joining(", ")) + "};");
        w.close();
    }

    private void dispatch(JavaWriter w, Symbol symbol, InterfaceDef def, List<OperationView> own) {
        Map<String, String> cases = new TreeMap<>();
        for (Symbol base : context.checked().allBases(def)) {
            String baseName = w.use(types.qualified(base));
            for (Operation op : ((InterfaceDef) base.definition()).operations()) {
                cases.putIfAbsent(op.name(), baseName + "._dispatch_" + op.name() + "(this, request);");
            }
        }
        for (OperationView op : own) {
            cases.put(op.sliceName(), "_dispatch_" + op.sliceName() + "(this, request);");
        }
        w.line("@Override");
        w.open("default void _dispatch(" + w.use("io.floe.IncomingRequest") + " request) throws "
                + w.use("io.floe.UserException"));
        w.open("switch (request.current().operation())");
        cases.forEach((operation, call) -> w.line("case \"" + operation + "\" -> " + call));
        w.line("default -> " + w.use("io.floe.Servant") + "._dispatchBuiltin(this, request);");
        w.close();
        w.close();
    }}
