package io.floe.slice.generate;

import io.floe.slice.generate.OperationView.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The static {@code _dispatch_op} helper of one operation: check the mode, read the
 * parameters, call the servant, write the results (mapping.md, "Operations in general").
 */
final class DispatchWriter {
    private final TypeMapper types;
    private final ParamCodec params;
    private final JavaWriter w;
    private final String servant;

    DispatchWriter(JavaGenerator context, JavaWriter w, String servant) {
        this.types = context.types();
        this.params = new ParamCodec(context);
        this.w = w;
        this.servant = servant;
    }

    void write(OperationView op) {
        w.open("static void _dispatch_" + op.sliceName() + "(" + servant + " servant, "
                + w.use("io.floe.IncomingRequest") + " request) throws " + w.use("io.floe.UserException"));
        w.line("request.checkMode(" + w.use("io.floe.OperationMode") + "." + op.mode() + ");");
        if (op.format() != null) {
            w.line("request.setFormat(" + w.use("io.floe.encoding.FormatType") + "." + op.format() + ");");
        }
        readParameters(op);
        List<String> arguments = new ArrayList<>();
        op.inputs().forEach(v -> arguments.add(params.valueAfterRead(v, w)));
        arguments.add("request.current()");
        if (op.isAmd()) {
            arguments.add(0, "new AMD_" + servant + "_" + op.sliceName() + ".Reply(request.startAsync())");
            w.line("servant." + op.javaName() + "_async(" + String.join(", ", arguments) + ");");
        } else {
            writeSyncCall(op, arguments);
        }
        w.close();
    }

    private void readParameters(OperationView op) {
        if (op.inputs().isEmpty()) {
            w.line("request.readEmptyParams();");
            return;
        }
        w.line(w.use("io.floe.encoding.InputStream") + " in = request.startReadParams();");
        for (Value input : op.wireInputs()) {
            params.declareAndRead(input, w).forEach(w::line);
        }
        w.line("request.endReadParams();");
    }

    private void writeSyncCall(OperationView op, List<String> arguments) {
        String call = "servant." + op.javaName() + "(" + String.join(", ", arguments) + ");";
        List<Value> outputs = op.outputs();
        if (outputs.isEmpty()) {
            w.line(call);
            w.line("request.sendEmptyResult();");
            return;
        }
        w.line(op.resultType(types, w, "") + " ret = " + call);
        w.line(w.use("io.floe.encoding.OutputStream") + " out = request.startWriteResult();");
        for (Value output : outputs) {
            String value = outputs.size() == 1 ? "ret" : "ret." + output.name() + "()";
            params.write(output, value, w).forEach(w::line);
        }
        w.line("request.sendResult(out);");
    }
}
