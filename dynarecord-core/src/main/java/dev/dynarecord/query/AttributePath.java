package dev.dynarecord.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A place inside an embedded document, as {@link Condition#attribute()} and
 * {@link QueryPlan#projection()} hold it: the stored names from the attribute down, with list
 * indexes between them. {@code where("home.city", ...)} on a {@code home} document is the path
 * {@code home} → {@code city}; {@code previous[0].city} goes through the first element of a list.
 * The names are the stored ones ({@code @Field(name = ...)} and the model's naming applied).
 *
 * <p>In those strings a path is encoded: its parts separated by the unit separator
 * {@code U+001F}, a list index marked by {@code U+001E} before its digits, so that no attribute
 * name, however odd, is ever split. An attribute name without them is a plain top-level attribute.
 * Print one with {@link #display(String)}; every part becomes a placeholder of its own in an
 * expression ({@code #n0.#n1[0]}, {@link #render(String, Function)}).
 *
 * <pre>{@code
 * String path = AttributePath.encode("previous", List.of(0, "city"));
 * AttributePath.display(path);                      // previous[0].city
 * AttributePath.render(path, names::placeholder);   // #n0[0].#n1
 * }</pre>
 *
 * <p>Stateless; thread-safe.
 */
public final class AttributePath {

    private static final char PART = '\u001F';
    private static final char INDEX = '\u001E';

    private AttributePath() {
    }

    /**
     * @param attribute the top-level attribute name
     * @param segments what follows: stored names (String) and list indexes (Integer)
     * @return the encoded path; the attribute itself when there are no segments
     */
    public static String encode(String attribute, List<?> segments) {
        StringBuilder out = new StringBuilder(attribute);
        for (Object s : segments) {
            out.append(PART);
            if (s instanceof Integer i) {
                out.append(INDEX).append(i);
            } else {
                out.append((String) s);
            }
        }
        return out.toString();
    }

    /**
     * @param encoded an attribute name or an encoded path
     * @return whether it is a path into a document
     */
    public static boolean isPath(String encoded) {
        return encoded.indexOf(PART) >= 0;
    }

    /**
     * @param encoded an attribute name or an encoded path
     * @return the top-level attribute name
     */
    public static String attribute(String encoded) {
        int at = encoded.indexOf(PART);
        return at < 0 ? encoded : encoded.substring(0, at);
    }

    /**
     * @param encoded an attribute name or an encoded path
     * @return the parts after the attribute: stored names (String) and list indexes (Integer); empty for an attribute
     */
    public static List<Object> segments(String encoded) {
        List<Object> out = new ArrayList<>();
        int at = encoded.indexOf(PART);
        while (at >= 0) {
            int next = encoded.indexOf(PART, at + 1);
            String part = encoded.substring(at + 1, next < 0 ? encoded.length() : next);
            out.add(!part.isEmpty() && part.charAt(0) == INDEX ? (Object) Integer.valueOf(part.substring(1)) : part);
            at = next;
        }
        return out;
    }

    /**
     * @param encoded an attribute name or an encoded path
     * @return the path as written in DynamoDB's syntax, for people: {@code previous[0].city}
     */
    public static String display(String encoded) {
        return render(encoded, name -> name);
    }

    /**
     * The path in expression syntax, each name through {@code name}: with placeholders,
     * {@code #n0.#n1}, {@code #n2[0].#n1}.
     *
     * @param encoded an attribute name or an encoded path
     * @param name the placeholder (or text) of one name
     * @return the expression text
     */
    public static String render(String encoded, Function<String, String> name) {
        if (!isPath(encoded)) {
            return name.apply(encoded);
        }
        StringBuilder out = new StringBuilder(name.apply(attribute(encoded)));
        for (Object s : segments(encoded)) {
            if (s instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                out.append('.').append(name.apply((String) s));
            }
        }
        return out.toString();
    }
}
