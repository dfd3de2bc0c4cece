package dev.dynarecord.internal.schema;

import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.query.AttributePath;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.AttributeType;
import dev.dynarecord.types.Converters;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a place inside an embedded document from the text users write in conditions, projections
 * and updates: {@code home.city}, {@code previous[0].city}, {@code byLabel.work.city}. Each name is
 * a field of the document (its Java or stored name) or, in a map, a key; {@code [n]} indexes a list.
 * A mistake is an {@link InvalidQueryException} saying what to write instead.
 */
public final class DocumentPaths {

    /** What a name in a path may hold: letters, digits, {@code _}, {@code -} and {@code $}. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_$-]+");

    private DocumentPaths() {
    }

    /**
     * A place in a document, resolved.
     *
     * @param root the model attribute the path starts at
     * @param encoded the path with stored names, encoded for requests ({@link AttributePath})
     * @param leaf what is there, as an attribute of its own: its converter and Java type, named after the path
     */
    public record DocumentPath(AttributeSchema root, String encoded, AttributeSchema leaf) {
    }

    /**
     * @param schema the model's schema
     * @param text what a condition names, such as {@code home.city} or {@code rank.gte}
     * @return whether it starts with a field holding maps or lists, where a name after a dot is a path, not an operator
     */
    public static boolean startsInDocument(ModelSchema<?> schema, String text) {
        int end = firstSeparator(text);
        return end > 0 && schema.attributeOrField(text.substring(0, end))
                .map(a -> a.attributeType() == AttributeType.M || a.attributeType() == AttributeType.L).orElse(false);
    }

    /**
     * @param schema the model's schema
     * @param text the path as written, such as {@code home.city}
     * @return the place, or empty when the text does not start with a declared field followed by {@code .} or {@code [}
     * @throws InvalidQueryException when it starts with a field but does not lead to a place in its documents
     */
    public static Optional<DocumentPath> resolve(ModelSchema<?> schema, String text) {
        int end = firstSeparator(text);
        if (end <= 0) {
            return Optional.empty();
        }
        Optional<AttributeSchema> root = schema.attributeOrField(text.substring(0, end));
        if (root.isEmpty()) {
            return Optional.empty();
        }
        AttributeSchema a = root.get();
        String where = schema.modelName() + "." + text;
        AttributeConverter<Object> converter = a.converter();
        Type type = a.genericType();
        List<Object> segments = new ArrayList<>();
        String walked = a.fieldName();
        int at = end;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '[') {
                int close = text.indexOf(']', at);
                String digits = close < 0 ? "" : text.substring(at + 1, close);
                if (!digits.matches("\\d{1,9}")) {
                    throw invalid(where, "'" + text.substring(at) + "' is not a list index; write [0], [1] ...");
                }
                if (converter.attributeType() != AttributeType.L || Converters.elementConverter(converter) == null) {
                    throw invalid(where, walked + " is " + describe(converter, type) + ", not a list, so it takes no index [" + digits
                            + "]" + hint(converter, walked));
                }
                segments.add(Integer.valueOf(digits));
                converter = Converters.elementConverter(converter);
                type = element(type, 0);
                walked += "[" + digits + "]";
                at = close + 1;
            } else if (c == '.') {
                int next = firstSeparator(text, at + 1);
                String name = text.substring(at + 1, next < 0 ? text.length() : next);
                if (name.isEmpty()) {
                    throw invalid(where, "an empty name after '" + walked + ".'; name a field of " + walked + hint(converter, walked));
                }
                if (!NAME.matcher(name).matches()) {
                    throw invalid(where, "'" + name + "' is not a name; paths are names (letters, digits, _ - $) joined by"
                            + " dots, with [n] for list elements");
                }
                if (converter instanceof DocumentConverter d) {
                    String owner = walked;
                    DocumentField f = d.field(name).orElseThrow(() -> invalid(where, owner + " (" + d.type().getSimpleName()
                            + ") has no field '" + name + "'; its fields are " + d.fieldNames()));
                    segments.add(f.name());
                    converter = f.converter();
                    type = f.genericType();
                } else if (converter.attributeType() == AttributeType.M && Converters.elementConverter(converter) != null) {
                    segments.add(name); // a map's key
                    converter = Converters.elementConverter(converter);
                    type = element(type, 1);
                } else {
                    throw invalid(where, walked + " is " + describe(converter, type) + ", which has no field '" + name + "'"
                            + hint(converter, walked));
                }
                walked += "." + name;
                at = next < 0 ? text.length() : next;
            } else {
                throw invalid(where, "unexpected '" + c + "'; write fields as home.city and list elements as previous[0]");
            }
        }
        Class<?> raw = raw(type);
        AttributeSchema leaf = new AttributeSchema(schema.modelName(), walked, walked, raw, type, false, converter, KeyRole.NONE,
                null, null, a.binding());
        return Optional.of(new DocumentPath(a, AttributePath.encode(a.name(), segments), leaf));
    }

    private static String hint(AttributeConverter<Object> converter, String walked) {
        if (converter instanceof DocumentConverter d) {
            return " (" + d.type().getSimpleName() + "'s fields are " + d.fieldNames() + ")";
        }
        if (converter.attributeType() == AttributeType.L && Converters.elementConverter(converter) != null) {
            return "; it is a list: index it, as in " + walked + "[0]";
        }
        return "";
    }

    private static String describe(AttributeConverter<Object> converter, Type type) {
        if (converter instanceof DocumentConverter d) {
            return "a " + d.type().getSimpleName() + " document";
        }
        return type.getTypeName() + " (stored as " + converter.attributeType() + ")";
    }

    private static int firstSeparator(String text) {
        return firstSeparator(text, 0);
    }

    private static int firstSeparator(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '[') {
                return i;
            }
        }
        return -1;
    }

    private static Type element(Type container, int index) {
        if (container instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            return args.length > index ? args[index] : args[args.length - 1];
        }
        if (container instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        if (container instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        return Object.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static InvalidQueryException invalid(String where, String problem) {
        return new InvalidQueryException(where + ": " + problem);
    }
}
