package io.floe.slice.generate;

import io.floe.slice.check.Symbol;
import io.floe.slice.generate.OperationView.Value;
import io.floe.slice.parse.InterfaceDef;
import io.floe.slice.parse.Operation;
import java.util.List;

/**
 * {@code AMD_I_op} for each AMD operation: {@code ice_response} with the return value first,
 * then the out parameters, and the nested {@code Reply} that the dispatch hands the servant.
 */
final class AmdCallbackGenerator {
    private final JavaGenerator context;

    AmdCallbackGenerator(JavaGenerator context) {
        this.context = context;
    }

    void generate(Symbol symbol, InterfaceDef def) {
        for (Operation operation : def.operations()) {
            OperationView op = new OperationView(operation, def, symbol, context.checked());
            if (op.isAmd()) {
                callback(symbol, def, op);
            }
        }
    }

    private void callback(Symbol symbol, InterfaceDef def, OperationView op) {
        TypeMapper types = context.types();
        JavaWriter w = context.writer(symbol);
        String name = "AMD_" + Names.escape(def.name()) + "_" + op.sliceName();
        String parameters = op.parameterList(op.resultComponents(), types, w);
        String asyncReply = w.use("io.floe.AsyncReply");

        String amdCallback = w.use("io.floe.AMDCallback");
        w.open("public interface " + name + " extends " + amdCallback);
        w.line("void ice_response(" + parameters + ");");
        w.blank();
        completeWith(def, op, amdCallback, w);
        w.blank();
        w.line("/** The generated dispatch's callback: wraps the runtime's AsyncReply. */");
        w.open("final class Reply implements " + name);
        w.line("private final " + asyncReply + " reply;");
        w.blank();
        w.open("public Reply(" + asyncReply + " reply)");
        w.line("this.reply = reply;");
        w.close();
        w.blank();
        w.line("@Override");
        w.open("public void ice_response(" + parameters + ")");
        encoder(op, w);
        w.close();
        w.blank();
        w.line("@Override");
        w.open("public void ice_exception(Exception ex)");
        w.line("reply.fail(ex);");
        w.close();
        w.blank();
        w.line("@Override");
        w.open("public boolean isCancelled()");
        w.line("return reply.isCancelled();");
        w.close();
        w.blank();
        w.line("@Override");
        w.open("public void onCancel(Runnable listener)");
        w.line("reply.onCancel(listener);");
        w.close();
        w.close();
        w.close();
        context.add(w, name);
    }

    /** The CompletionStage bridge: answers with whatever the stage completes with. */
    private void completeWith(InterfaceDef def, OperationView op, String amdCallback, JavaWriter w) {
        List<Value> components = op.resultComponents();
        String stage = w.use("java.util.concurrent.CompletionStage");
        String valueType = components.isEmpty() ? "?"
                : op.boxedResultType(context.types(), w, Names.escape(def.name()) + ".");
        String response;
        if (components.isEmpty()) {
            response = "v -> ice_response()";
        } else if (components.size() == 1) {
            response = "this::ice_response";
        } else {
            response = "r -> ice_response(" + components.stream().map(c -> "r." + c.name() + "()")
                    .collect(java.util.stream.Collectors.joining(", ")) + ")";
        }
        w.line("/** Answers with what {@code stage} completes with, as ice_response or ice_exception. */");
        w.open("default void completeWith(" + stage + "<" + valueType + "> stage)");
        w.line(amdCallback + "._completeWith(stage, this, " + response + ");");
        w.close();
    }

    private void encoder(OperationView op, JavaWriter w) {
        ParamCodec params = new ParamCodec(context);
        List<Value> outputs = op.outputs();
        List<String> writes = params.writeAll(outputs, w);
        if (writes.isEmpty()) {
            w.line("reply.succeed(null);");
        } else if (outputs.stream().allMatch(params::isSimple)) {
            w.line("reply.succeed(" + (writes.size() == 1
                    ? "out -> " + writes.get(0).substring(0, writes.get(0).length() - 1)
                    : "out -> { " + String.join(" ", writes) + " }") + ");");
        } else {
            w.open("reply.succeed(out ->");
            writes.forEach(w::line);
            w.close(");");
        }
    }
}
