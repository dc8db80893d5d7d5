package io.floe.internal.proxy;

import io.floe.InvocationMode;
import io.floe.EncodingVersion;
import io.floe.Identity;
import io.floe.IdentityParseException;
import io.floe.ObjectPrx;
import io.floe.ProxyParseException;
import io.floe.internal.Instance;
import io.floe.internal.endpoint.Endpoint;
import io.floe.internal.endpoint.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses stringified proxies (ice-protocol.md §6) the way Ice's {@code ReferenceFactory} does:
 * {@code identity [-f facet] [-t|-o|-O|-d|-D] [-s] [-e X.Y] [-p X.Y] [:endpoint...| @ adapter]}.
 * The identity, an option's argument and the adapter id may be quoted with ' or "; endpoints
 * are separated by ':' outside double quotes.
 */
public final class ProxyParser {
    private static final String SEPARATORS = Tokenizer.WHITESPACE + ":@";

    private final Instance instance;

    public ProxyParser(Instance instance) {
        this.instance = instance;
    }

    /** Null for "", blanks or {@code ""}. */
    public ObjectPrx parse(String text) {
        String s = text == null ? "" : text;
        int beg = Tokenizer.skipWhitespace(s, 0);
        if (beg < 0) {
            return null;
        }
        int[] span = quotedOrBare(s, beg, SEPARATORS, "around identity");
        String idText = s.substring(span[0], span[1]);
        int end = span[2];
        Identity identity = IdentityStrings.parseIdentity(idText);
        if (identity.name().isEmpty()) {
            if (!identity.category().isEmpty()) {
                throw new ProxyParseException("identity '" + idText + "' in proxy '" + s
                        + "' has a category and no name (expected: a name)");
            }
            if (span[0] == span[1] && span[2] == span[1]) {
                throw new ProxyParseException("no identity in proxy '" + s + "'");
            }
            if (Tokenizer.skipWhitespace(s, end) >= 0) {
                throw new ProxyParseException("invalid characters after the empty identity in proxy '" + s + "'");
            }
            return null; // "" is the null proxy, like the empty string
        }

        String facet = "";
        InvocationMode mode = InvocationMode.TWOWAY;
        boolean secure = false;
        EncodingVersion encoding = instance.defaultEncoding();
        while (true) {
            beg = Tokenizer.skipWhitespace(s, end);
            if (beg < 0 || s.charAt(beg) == ':' || s.charAt(beg) == '@') {
                break;
            }
            end = Tokenizer.findFirstOf(s, SEPARATORS, beg);
            if (end < 0) {
                end = s.length();
            }
            String option = s.substring(beg, end);
            if (option.length() != 2 || option.charAt(0) != '-') {
                throw new ProxyParseException("expected a proxy option but found '" + option + "' in proxy '" + s + "'");
            }
            String argument = null;
            int argBeg = Tokenizer.skipWhitespace(s, end);
            if (argBeg >= 0 && "@:-".indexOf(s.charAt(argBeg)) < 0) {
                int[] arg = quotedOrBare(s, argBeg, SEPARATORS, "around the value of " + option);
                argument = s.substring(arg[0], arg[1]);
                end = arg[2];
            }
            switch (option.charAt(1)) {
                case 'f' -> facet = unescape(required(argument, option, s), "facet", s);
                case 'e' -> encoding = parseVersion(required(argument, option, s), "encoding", s);
                case 'p' -> {
                    EncodingVersion protocol = parseVersion(required(argument, option, s), "protocol", s);
                    if (!protocol.equals(EncodingVersion.V1_0)) {
                        throw new ProxyParseException("protocol '" + argument + "' in proxy '" + s + "' (expected: 1.0)");
                    }
                }
                case 's' -> {
                    noArgument(argument, option, s);
                    secure = true;
                }
                default -> {
                    InvocationMode asMode = InvocationMode.fromOption(option);
                    if (asMode == null) {
                        throw new ProxyParseException("unknown option '" + option + "' in proxy '" + s + "'");
                    }
                    noArgument(argument, option, s);
                    mode = asMode;
                }
            }
        }

        List<Endpoint> endpoints = new ArrayList<>();
        String adapterId = "";
        if (beg >= 0 && s.charAt(beg) == ':') {
            for (String part : Tokenizer.splitOutsideQuotes(s.substring(beg + 1), ':')) {
                try {
                    endpoints.add(Endpoint.parse(part, instance.defaultHost()));
                } catch (RuntimeException e) {
                    throw new ProxyParseException("bad endpoint '" + part.trim() + "' in proxy '" + s + "': "
                            + e.getMessage(), e);
                }
            }
        } else if (beg >= 0) { // '@'
            beg = Tokenizer.skipWhitespace(s, beg + 1);
            if (beg < 0) {
                throw new ProxyParseException("missing adapter id in proxy '" + s + "'");
            }
            int[] adapter = quotedOrBare(s, beg, Tokenizer.WHITESPACE, "around adapter id");
            if (Tokenizer.skipWhitespace(s, adapter[2]) >= 0) {
                throw new ProxyParseException("invalid trailing characters after '" + s.substring(0, adapter[2])
                        + "' in proxy '" + s + "'");
            }
            adapterId = unescape(s.substring(adapter[0], adapter[1]), "adapter id", s);
            if (adapterId.isEmpty()) {
                throw new ProxyParseException("empty adapter id in proxy '" + s + "'");
            }
        }
        return new ProxyReference(instance, identity, facet, mode, secure, encoding, endpoints, adapterId,
                Map.of()).toProxy();
    }

    /**
     * The token at {@code beg}: quoted (Ice's {@code checkQuote}) or running to the next
     * character of {@code stops}. Returns {content start, content end, index after the token}.
     */
    private static int[] quotedOrBare(String s, int beg, String stops, String where) {
        int close = Tokenizer.checkQuote(s, beg);
        if (close < 0) {
            throw new ProxyParseException("mismatched quotes " + where + " in proxy '" + s + "'");
        }
        if (close == 0) {
            int end = Tokenizer.findFirstOf(s, stops, beg);
            if (end < 0) {
                end = s.length();
            }
            return new int[] {beg, end, end};
        }
        return new int[] {beg + 1, close, close + 1};
    }

    private static String required(String argument, String option, String s) {
        if (argument == null || argument.isEmpty()) {
            throw new ProxyParseException("no argument provided for " + option + " option in proxy '" + s + "'");
        }
        return argument;
    }

    private static void noArgument(String argument, String option, String s) {
        if (argument != null) {
            throw new ProxyParseException("unexpected argument '" + argument + "' provided for " + option
                    + " option in proxy '" + s + "'");
        }
    }

    private static String unescape(String value, String what, String s) {
        try {
            return IdentityStrings.unescape(value);
        } catch (IdentityParseException e) {
            throw new ProxyParseException("invalid " + what + " '" + value + "' in proxy '" + s + "': "
                    + e.getMessage(), e);
        }
    }

    private static EncodingVersion parseVersion(String value, String what, String s) {
        int dot = value.indexOf('.');
        if (dot > 0 && dot < value.length() - 1) {
            try {
                int major = Integer.parseInt(value.substring(0, dot));
                int minor = Integer.parseInt(value.substring(dot + 1));
                if (major >= 0 && major <= 255 && minor >= 0 && minor <= 255) {
                    return new EncodingVersion(major, minor);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ProxyParseException("invalid " + what + " version '" + value + "' in proxy '" + s
                + "' (expected: major.minor)");
    }
}
