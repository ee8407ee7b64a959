package be.ocmw.merge.merger.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plan change's values as JSON with the keys in order, so that the same values always give the same text:
 * the fingerprint is taken over it and the apply reads it back. Written by hand because a plan holds a
 * change per account and this runs for each of them twice (fingerprint and storage) on every plan and apply.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String of(Map<String, ?> values) {
        StringBuilder out = new StringBuilder(256);
        value(out, values);
        return out.toString();
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            string(out, text);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, entry.getKey().toString());
                out.append(':');
                value(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                value(out, item);
            }
            out.append(']');
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, CharSequence text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * A JSON array of strings (as the database gives {@code detail ->> 'applications'}) as a list; null (no such key)
     * as an empty one. Read by hand for the same reason it is written by hand: an apply reads three per account.
     */
    public static List<String> strings(String json) {
        List<String> values = new ArrayList<>();
        if (json == null) {
            return values;
        }
        int i = skipSpace(json, 0);
        if (i >= json.length() || json.charAt(i) != '[') {
            throw new IllegalArgumentException("not a JSON array of strings: " + json);
        }
        i = skipSpace(json, i + 1);
        if (i < json.length() && json.charAt(i) == ']') {
            return values;
        }
        while (true) {
            if (i >= json.length() || json.charAt(i) != '"') {
                throw new IllegalArgumentException("not a JSON array of strings: " + json);
            }
            StringBuilder value = new StringBuilder();
            i++;
            while (i < json.length() && json.charAt(i) != '"') {
                char c = json.charAt(i++);
                if (c == '\\' && i < json.length()) {
                    char escaped = json.charAt(i++);
                    switch (escaped) {
                        case 'n' -> value.append('\n');
                        case 'r' -> value.append('\r');
                        case 't' -> value.append('\t');
                        case 'b' -> value.append('\b');
                        case 'f' -> value.append('\f');
                        case 'u' -> {
                            value.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> value.append(escaped);
                    }
                } else {
                    value.append(c);
                }
            }
            values.add(value.toString());
            i = skipSpace(json, i + 1);
            if (i < json.length() && json.charAt(i) == ']') {
                return values;
            }
            if (i >= json.length() || json.charAt(i) != ',') {
                throw new IllegalArgumentException("not a JSON array of strings: " + json);
            }
            i = skipSpace(json, i + 1);
        }
    }

    private static int skipSpace(String json, int i) {
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }
}
