package io.floe.internal.proxy;

import io.floe.EncodingVersion;
import io.floe.Identity;
import io.floe.ObjectPrx;
import io.floe.ProxyParseException;
import io.floe.internal.Instance;
import io.floe.internal.endpoint.TcpEndpoint;
import io.floe.internal.endpoint.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses stringified proxies (ice-protocol.md §6):
 * {@code identity [-f facet] [-t|-o|-O|-d|-D] [-s] [-e X.Y] [-p X.Y] [:endpoint...| @ adapter]}.
 */
public final class ProxyParser {
    private final Instance instance;

    public ProxyParser(Instance instance) {
        this.instance = instance;
    }

    /** Null for "" or {@code ""}. */
    public ObjectPrx parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty() || s.equals("\"\"")) {
            return null;
        }
        List<String> parts = Tokenizer.splitOutsideQuotes(s, ':');
        String head = parts.get(0);
        String adapterId = "";
        List<String> atParts = Tokenizer.splitOutsideQuotes(head, '@');
        if (atParts.size() > 2) {
            throw new ProxyParseException("more than one '@' in proxy '" + text + "'");
        }
        if (atParts.size() == 2) {
            if (parts.size() > 1) {
                throw new ProxyParseException("proxy '" + text + "' has both endpoints and an adapter id");
            }
            head = atParts.get(0);
            List<String> adapter = Tokenizer.split(atParts.get(1));
            if (adapter.size() != 1) {
                throw new ProxyParseException("bad adapter id '" + atParts.get(1).trim() + "' in proxy '" + text + "'");
            }
            adapterId = IdentityStrings.unescape(adapter.get(0));
        }
        List<String> tokens = Tokenizer.split(head);
        if (tokens.isEmpty()) {
            throw new ProxyParseException("no identity in proxy '" + text + "'");
        }
        Identity identity = IdentityStrings.parseIdentity(tokens.get(0));
        if (identity.name().isEmpty()) {
            throw new ProxyParseException("empty identity name in proxy '" + text + "'");
        }
        String facet = "";
        InvocationMode mode = InvocationMode.TWOWAY;
        boolean secure = false;
        EncodingVersion encoding = instance.defaultEncoding();
        for (int i = 1; i < tokens.size(); i++) {
            String option = tokens.get(i);
            InvocationMode asMode = InvocationMode.fromOption(option);
            if (asMode != null) {
                mode = asMode;
            } else if (option.equals("-s")) {
                secure = true;
            } else if (option.equals("-f")) {
                facet = IdentityStrings.unescape(argument(tokens, ++i, option, text));
            } else if (option.equals("-e")) {
                encoding = parseVersion(argument(tokens, ++i, option, text), text);
            } else if (option.equals("-p")) {
                EncodingVersion protocol = parseVersion(argument(tokens, ++i, option, text), text);
                if (!protocol.equals(EncodingVersion.V1_0)) {
                    throw new ProxyParseException("protocol " + protocol + " in proxy '" + text + "' (expected: 1.0)");
                }
            } else {
                throw new ProxyParseException("unknown option '" + option + "' in proxy '" + text + "'");
            }
        }
        List<TcpEndpoint> endpoints = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            try {
                endpoints.add(TcpEndpoint.parse(parts.get(i), instance.defaultHost()));
            } catch (RuntimeException e) {
                throw new ProxyParseException("bad endpoint '" + parts.get(i).trim() + "' in proxy '" + text
                        + "': " + e.getMessage(), e);
            }
        }
        return new ProxyReference(instance, identity, facet, mode, secure, encoding, endpoints, adapterId,
                Map.of()).toProxy();
    }

    private static String argument(List<String> tokens, int i, String option, String text) {
        if (i >= tokens.size()) {
            throw new ProxyParseException("no argument for " + option + " in proxy '" + text + "'");
        }
        return tokens.get(i);
    }

    private static EncodingVersion parseVersion(String value, String text) {
        String[] parts = value.split("\\.");
        try {
            if (parts.length == 2) {
                return new EncodingVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ProxyParseException("bad version '" + value + "' in proxy '" + text + "'");
    }
}
