package dev.dynarecord.types;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON for plain values, written and read exactly as {@link SerializedConverter}'s Jackson mapper
 * writes and reads them, without loading Jackson: maps with string keys, lists, strings, booleans,
 * whole numbers, finite doubles and floats, and null. Anything else, and any JSON it is not sure
 * to read as Jackson would (an exponent-free number with a leading zero, a duplicate key, text
 * after the value, deep nesting), is left to Jackson: {@link #write} and {@link #read} return
 * {@link #NOT_PLAIN}. Loading Jackson costs a fresh JVM hundreds of classes; most serialized
 * fields hold settings, tags and counters, which need none of it.
 */
final class PlainJson {

    /** What {@link #write} and {@link #read} return for what they leave to Jackson. */
    static final Object NOT_PLAIN = new Object();

    private static final int MAX_DEPTH = 200;
    /** Jackson refuses numbers of more characters (StreamReadConstraints): such text is left to it. */
    private static final int MAX_NUMBER = 1000;
    /** Jackson's limit on a string's length is 20,000,000 characters: longer text is left to it. */
    private static final int MAX_TEXT = 20_000_000;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String text;
    private int at;

    private PlainJson(String text) {
        this.text = text;
    }

    /**
     * @param type a serialized field's declared type
     * @return whether values of it may be plain: {@code Object}, {@code Map<String, Object>} or {@code List<Object>}
     *     (raw or with these arguments), which Jackson reads into the same classes this does
     */
    static boolean mayBePlain(Type type) {
        if (type == Object.class || type == Map.class || type == List.class) {
            return true;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (raw == Map.class) {
                return args[0] == String.class && args[1] == Object.class;
            }
            return raw == List.class && args[0] == Object.class;
        }
        return false;
    }

    // ------------------------------------------------------------------------------ writing

    /**
     * @param value a value of a type {@link #mayBePlain(Type)} accepts
     * @return its JSON text, or {@link #NOT_PLAIN}
     */
    static Object write(Object value) {
        StringBuilder out = new StringBuilder(64);
        return write(value, out, 0) ? out.toString() : NOT_PLAIN;
    }

    private static boolean write(Object value, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value.getClass() == BigInteger.class) {
            out.append(value);
        } else if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                return false;
            }
            out.append(Double.toString(d));
        } else if (value instanceof Float f) {
            if (!Float.isFinite(f)) {
                return false;
            }
            out.append(Float.toString(f));
        } else if (value instanceof Map<?, ?> map && jdk(map)) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    return false;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(key, out);
                out.append(':');
                if (!write(e.getValue(), out, depth + 1)) {
                    return false;
                }
            }
            out.append('}');
        } else if (value instanceof List<?> list && jdk(list)) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (!write(list.get(i), out, depth + 1)) {
                    return false;
                }
            }
            out.append(']');
        } else {
            return false;
        }
        return true;
    }

    /**
     * Whether a container is one of the JDK's: a class of the application's (a subclass of
     * {@code LinkedHashMap}, say) may carry Jackson annotations that change how it is written.
     */
    private static boolean jdk(Object container) {
        return container.getClass().getClassLoader() == null;
    }

    /** As Jackson escapes: quote, backslash, and control characters (short forms where JSON has them, else {@code \\u00XX}). */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    // ------------------------------------------------------------------------------ reading

    /**
     * @param json stored JSON text
     * @param type the field's declared type, one {@link #mayBePlain(Type)} accepts
     * @return the value as Jackson reads it into that type, or {@link #NOT_PLAIN}
     */
    static Object read(String json, Type type) {
        if (json.length() > MAX_TEXT) {
            return NOT_PLAIN; // Jackson's own limits on long texts decide
        }
        PlainJson p = new PlainJson(json);
        try {
            p.skipSpace();
            char first = p.peek();
            boolean object = first == '{';
            boolean array = first == '[';
            boolean nothing = p.literal("null");
            Class<?> raw = type instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) type;
            if (!nothing && (raw == Map.class && !object || raw == List.class && !array)) {
                return NOT_PLAIN;
            }
            Object value = nothing ? null : p.value(0);
            p.skipSpace();
            return p.at == json.length() ? value : NOT_PLAIN;
        } catch (NotPlain e) {
            return NOT_PLAIN;
        }
    }

    /** Thrown inside the reader where it leaves the text to Jackson; carries no stack. */
    private static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw NotPlain.INSTANCE;
        }
        skipSpace();
        char c = peek();
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            default:
                if (literal("true")) {
                    return Boolean.TRUE;
                }
                if (literal("false")) {
                    return Boolean.FALSE;
                }
                if (literal("null")) {
                    return null;
                }
                return number();
        }
    }

    private Map<String, Object> object(int depth) {
        at++; // {
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            at++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw NotPlain.INSTANCE;
            }
            String key = string();
            skipSpace();
            expect(':');
            if (map.containsKey(key)) {
                throw NotPlain.INSTANCE; // Jackson's choice between duplicates is its own
            }
            map.put(key, value(depth + 1));
            skipSpace();
            char c = next();
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw NotPlain.INSTANCE;
            }
        }
    }

    private List<Object> array(int depth) {
        at++; // [
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            list.add(value(depth + 1));
            skipSpace();
            char c = next();
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw NotPlain.INSTANCE;
            }
        }
    }

    private String string() {
        at++; // opening quote
        StringBuilder sb = null;
        int start = at;
        while (true) {
            if (at >= text.length()) {
                throw NotPlain.INSTANCE;
            }
            char c = text.charAt(at);
            if (c == '"') {
                String s = sb == null ? text.substring(start, at) : sb.append(text, start, at).toString();
                at++;
                return s;
            }
            if (c < 0x20) {
                throw NotPlain.INSTANCE; // JSON has no raw control characters in strings
            }
            if (c != '\\') {
                at++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, start, at);
            at++;
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 't' -> sb.append('\t');
                case 'n' -> sb.append('\n');
                case 'f' -> sb.append('\f');
                case 'r' -> sb.append('\r');
                case 'u' -> sb.append(hex4());
                default -> throw NotPlain.INSTANCE;
            }
            start = at;
        }
    }

    private char hex4() {
        if (at + 4 > text.length()) {
            throw NotPlain.INSTANCE;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            char c = text.charAt(at++);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) { // ASCII hex digits only, as JSON and Jackson have them
                throw NotPlain.INSTANCE;
            }
            v = v << 4 | d;
        }
        return (char) v;
    }

    /** JSON's number grammar only; whole numbers as Integer, Long or BigInteger, the others as Double, as Jackson reads them. */
    private Number number() {
        int start = at;
        if (peekOr() == '-') {
            at++;
        }
        int digits = digits();
        if (digits == 0 || digits > 1 && text.charAt(at - digits) == '0') {
            throw NotPlain.INSTANCE; // no digits, or a leading zero
        }
        boolean whole = true;
        if (peekOr() == '.') {
            at++;
            whole = false;
            if (digits() == 0) {
                throw NotPlain.INSTANCE;
            }
        }
        if (peekOr() == 'e' || peekOr() == 'E') {
            at++;
            whole = false;
            if (peekOr() == '+' || peekOr() == '-') {
                at++;
            }
            if (digits() == 0) {
                throw NotPlain.INSTANCE;
            }
        }
        if (at - start > MAX_NUMBER) {
            throw NotPlain.INSTANCE;
        }
        String n = text.substring(start, at);
        if (!whole) {
            return Double.parseDouble(n);
        }
        if (digits <= 9) {
            return Integer.parseInt(n);
        }
        if (digits <= 18) {
            long l = Long.parseLong(n);
            return l == (int) l ? (Number) (int) l : (Number) l;
        }
        BigInteger big = new BigInteger(n);
        return big.bitLength() < 32 ? (Number) big.intValue() : big.bitLength() < 64 ? (Number) big.longValue() : big;
    }

    private int digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at - start;
    }

    private boolean literal(String word) {
        if (text.startsWith(word, at)) {
            int end = at + word.length();
            if (end == text.length() || !Character.isLetterOrDigit(text.charAt(end))) {
                at = end;
                return true;
            }
        }
        return false;
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw NotPlain.INSTANCE;
        }
        return text.charAt(at);
    }

    private char peekOr() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw NotPlain.INSTANCE;
        }
    }
}
