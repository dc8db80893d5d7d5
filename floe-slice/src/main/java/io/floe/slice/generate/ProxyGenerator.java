package io.floe.slice.generate;

import io.floe.slice.check.Symbol;
import io.floe.slice.generate.OperationView.Value;
import io.floe.slice.parse.ExceptionDef;
import io.floe.slice.parse.InterfaceDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code interface I}: the client's {@code IPrx} (sync, async and context overloads of each
 * operation, casts) and the record {@code IPrxHandle} that implements it (mapping.md).
 */
final class ProxyGenerator {
    private final JavaGenerator context;
    private final TypeMapper types;
    private final Marshal marshal;
    private final ParamCodec params;

    ProxyGenerator(JavaGenerator context) {
        this.context = context;
        this.types = context.types();
        this.marshal = context.marshal();
        this.params = new ParamCodec(context);
    }

    void generate(Symbol symbol, InterfaceDef def) {
        String name = Names.escape(def.name());
        String prx = name + "Prx";
        JavaWriter w = context.writer(symbol);
        List<Symbol> bases = context.checked().bases(def);
        String supertypes = bases.isEmpty() ? w.use("io.floe.ObjectPrx")
                : bases.stream().map(b -> w.use(types.qualified(b) + "Prx"))
                        .collect(Collectors.joining(", "));
        w.open("public interface " + prx + " extends " + supertypes);
        boolean first = true;
        for (var op : def.operations()) {
            if (!first) {
                w.blank();
            }
            first = false;
            operation(w, new OperationView(op, def, symbol, context.checked()), name, prx);
        }
        if (!def.operations().isEmpty()) {
            w.blank();
        }
        String objectPrx = w.use("io.floe.ObjectPrx");
        typedFactories(w, prx);
        w.open("static " + prx + " uncheckedCast(" + objectPrx + " proxy)");
        w.line("return proxy == null ? null : new " + prx + "Handle(proxy.ice_reference());");
        w.close();
        w.blank();
        w.open("static " + prx + " checkedCast(" + objectPrx + " proxy)");
        w.line("return proxy == null || !proxy.ice_isA(" + name + ".TYPE_ID) ? null : uncheckedCast(proxy);");
        w.close();
        w.blank();
        w.open("static " + prx + " uncheckedCast(" + objectPrx + " proxy, String facet)");
        w.line("return proxy == null ? null : uncheckedCast(proxy.ice_facet(facet));");
        w.close();
        w.blank();
        w.line("/** The proxy for {@code facet} when that facet exists and implements " + name + ", else null. */");
        w.open("static " + prx + " checkedCast(" + objectPrx + " proxy, String facet)");
        w.open("try");
        w.line("return proxy == null ? null : checkedCast(proxy.ice_facet(facet));");
        w.close(" catch (" + w.use("io.floe.FacetNotExistException") + " ex) {");
        w.depthPlus();
        w.line("return null;");
        w.close();
        w.close();
        w.close();
        context.add(w, prx);

        JavaWriter handle = context.writer(symbol);
        handle.open("record " + prx + "Handle(" + handle.use("io.floe.Reference")
                + " ice_reference) implements " + prx);
        handle.close();
        context.add(handle, prx + "Handle");
    }

    /**
     * The proxy factory methods that keep the proxy's type, as Ice's generated proxies override
     * them (ice_identity and ice_facet do not).
     */
    private static void typedFactories(JavaWriter w, String prx) {
        String mode = w.use("io.floe.InvocationMode");
        String map = w.use("java.util.Map");
        String[][] factories = {
            {"ice_twoway()", "withMode(" + mode + ".TWOWAY)"},
            {"ice_oneway()", "withMode(" + mode + ".ONEWAY)"},
            {"ice_batchOneway()", "withMode(" + mode + ".BATCH_ONEWAY)"},
            {"ice_datagram()", "withMode(" + mode + ".DATAGRAM)"},
            {"ice_batchDatagram()", "withMode(" + mode + ".BATCH_DATAGRAM)"},
            {"ice_invocationTimeout(int timeoutMillis)", "withInvocationTimeout(timeoutMillis)"},
            {"ice_context(" + map + "<String, String> context)", "withContext(context)"},
            {"ice_secure(boolean secure)", "withSecure(secure)"},
            {"ice_encodingVersion(" + w.use("io.floe.EncodingVersion") + " encoding)", "withEncoding(encoding)"},
            {"ice_endpoints(String... endpoints)", "withEndpoints(" + w.use("java.util.List") + ".of(endpoints))"},
            {"ice_adapterId(String adapterId)", "withAdapterId(adapterId)"},
            {"ice_locator(" + w.use("io.floe.ObjectPrx") + " locator)", "withLocator(locator)"},
            {"ice_locatorCacheTimeout(int seconds)", "withLocatorCacheTimeout(seconds)"},
            {"ice_connectionId(String connectionId)", "withConnectionId(connectionId)"},
            {"ice_endpointSelection(" + w.use("io.floe.EndpointSelectionType") + " type)",
                "withEndpointSelection(type)"},
            {"ice_connectionCached(boolean cached)", "withConnectionCached(cached)"},
            {"ice_compress(boolean compress)", "withCompress(compress)"},
            {"ice_fixed(" + w.use("io.floe.Connection") + " connection)", "withFixedConnection(connection)"},
        };
        for (String[] factory : factories) {
            w.line("@Override");
            w.open("default " + prx + " " + factory[0]);
            w.line("return new " + prx + "Handle(ice_reference()." + factory[1] + ");");
            w.close();
            w.blank();
        }
    }

    private void operation(JavaWriter w, OperationView op, String servant, String prx) {
        String map = w.use("java.util.Map") + "<String, String>";
        String future = w.use("io.floe.InvocationFuture");
        String result = op.resultType(types, w, servant + ".");
        String boxed = op.boxedResultType(types, w, servant + ".");
        String throwsClause = op.throwsClause(types, w);
        String parameters = op.parameterList(op.inputs(), types, w);
        String withContext = parameters.isEmpty() ? map + " context" : parameters + ", " + map + " context";
        String arguments = OperationView.names(op.inputs());
        String withNull = arguments.isEmpty() ? "null" : arguments + ", null";
        String withContextArgs = arguments.isEmpty() ? "context" : arguments + ", context";
        String returnKeyword = result.equals("void") ? "" : "return ";
        String name = op.javaName();

        w.openMethod("default " + result + " " + name + "(" + parameters + ")", throwsClause);
        w.line(returnKeyword + name + "(" + withNull + ");");
        w.close();
        w.blank();
        w.openMethod("default " + result + " " + name + "(" + withContext + ")", throwsClause);
        w.open("try");
        w.line(returnKeyword + w.use("io.floe.ObjectPrx") + "._await(" + name + "Async("
                + withContextArgs + "));");
        for (Symbol exception : op.catchableThrows()) {
            w.close(" catch (" + w.use(types.qualified(exception)) + " ex) {");
            w.depthPlus();
            w.line("throw ex;");
        }
        w.close(" catch (" + w.use("io.floe.UserException") + " ex) {");
        w.depthPlus();
        w.line("throw new " + w.use("io.floe.UnknownUserException") + "(ex.ice_id(), ex);");
        w.close();
        w.close();
        w.blank();
        w.open("default " + future + "<" + boxed + "> " + name + "Async(" + parameters + ")");
        w.line("return " + name + "Async(" + withNull + ");");
        w.close();
        w.blank();
        w.open("default " + future + "<" + boxed + "> " + name + "Async(" + withContext + ")");
        w.line("return ice_reference().invoke(\"" + op.sliceName() + "\", "
                + w.use("io.floe.OperationMode") + "." + op.mode() + ", "
                + w.use("io.floe.encoding.FormatType") + "." + (op.format() == null ? "DEFAULT" : op.format())
                + ",");
        encoder(w, op);
        decoder(w, op, servant);
        boolean hasThrows = !op.throwsList().isEmpty();
        w.line("        " + (hasThrows ? prx + "::_" + op.sliceName() + "_exceptions"
                : w.use("io.floe.encoding.UserExceptionFactory") + ".NONE") + ", context);");
        w.close();
        if (hasThrows) {
            w.blank();
            exceptionFactory(w, op);
        }
    }

    private void encoder(JavaWriter w, OperationView op) {
        List<Value> inputs = op.wireInputs();
        if (inputs.isEmpty()) {
            w.line("        null,");
            return;
        }
        if (inputs.stream().allMatch(params::isSimple)) {
            List<String> writes = params.writeAll(inputs, w);
            if (writes.size() == 1) {
                String write = writes.get(0);
                w.line("        out -> " + write.substring(0, write.length() - 1) + ",");
            } else {
                w.line("        out -> { " + String.join(" ", writes) + " },");
            }
            return;
        }
        w.line("        out -> {");
        params.writeAll(inputs, w).forEach(l -> w.line("            " + l));
        w.line("        },");
    }

    private void decoder(JavaWriter w, OperationView op, String servant) {
        List<Value> outputs = op.outputs();
        if (outputs.isEmpty() || outputs.size() == 1 && params.isSimple(outputs.get(0))) {
            w.line("        " + (outputs.isEmpty() ? "null" : marshal.decoder(outputs.get(0).type(), w)) + ",");
            return;
        }
        w.line("        in -> {");
        for (Value output : outputs) {
            params.declareAndRead(output, w).forEach(l -> w.line("            " + l));
        }
        if (outputs.size() == 1) {
            w.line("            return " + params.valueAfterRead(outputs.get(0), w) + ";");
        } else {
            List<String> components = new ArrayList<>();
            op.resultComponents().forEach(c -> components.add(params.valueAfterRead(c, w)));
            w.line("            return new " + servant + "." + op.resultRecord() + "("
                    + String.join(", ", components) + ");");
        }
        w.line("        },");
    }

    /** The declared exceptions and every known exception derived from one of them. */
    private void exceptionFactory(JavaWriter w, OperationView op) {
        List<Symbol> declared = op.throwsList();
        List<Symbol> known = context.checked().symbols().all().stream()
                .filter(s -> s.definition() instanceof ExceptionDef e && !e.local())
                .filter(s -> declared.stream().anyMatch(d -> context.checked().derivesFrom(s, d)))
                .sorted(Comparator.comparing(Symbol::scopedName))
                .toList();
        String userException = w.use("io.floe.UserException");
        w.open("private static " + userException + " _" + op.sliceName() + "_exceptions(String typeId)");
        w.open("return switch (typeId)");
        for (Symbol exception : known) {
            w.line("case \"" + exception.scopedName() + "\" -> new " + w.use(types.qualified(exception)) + "();");
        }
        w.line("default -> null;");
        w.close(";");
        w.close();
    }
}
