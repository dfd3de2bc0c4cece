package dev.dynarecord.internal.schema;

import java.util.List;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What DynamoDB refuses inside a map or list value (M or L), checked once the value is converted:
 * maps and lists nested more than {@value #MAX_NESTED} deep (DynamoDB allows 32 levels, the item
 * being the first), and an empty string as a map key. Only values of map and list attributes are
 * walked (allocating one walker each), so other attributes cost nothing. Stateless and thread-safe.
 */
final class DocumentLimits {

    /** The most maps and lists DynamoDB stores inside one another in an attribute. */
    static final int MAX_NESTED = 31;

    private DocumentLimits() {
    }

    /**
     * Checks a converted M or L value.
     *
     * @param value the value, of any type (only M and L are walked)
     * @param name what holds the value (a field name), where a message names a place in it
     * @return what is wrong, naming where in the value, or null when DynamoDB can store it
     */
    static String problem(AttributeValue value, String name) {
        try {
            new Walker().walk(value);
            return null;
        } catch (Problem p) {
            return p.describe(name);
        }
    }

    /**
     * Walks a value depth first, allocating nothing more: lists by index, maps through {@code forEach}
     * with itself as the action (iterating the entries of an item's unmodifiable maps wraps each one).
     */
    private static final class Walker implements BiConsumer<String, AttributeValue> {
        /** How many maps and lists hold the value being walked, itself included. */
        private int depth;

        void walk(AttributeValue value) {
            AttributeValue.Type type = value.type();
            if (type != AttributeValue.Type.M && type != AttributeValue.Type.L) {
                return;
            }
            if (++depth > MAX_NESTED) {
                throw new Problem(null);
            }
            if (type == AttributeValue.Type.L) {
                List<AttributeValue> list = value.l();
                for (int i = 0; i < list.size(); i++) {
                    try {
                        walk(list.get(i));
                    } catch (Problem p) {
                        throw p.in("[" + i + "]");
                    }
                }
            } else {
                value.m().forEach(this);
            }
            depth--;
        }

        @Override
        public void accept(String key, AttributeValue value) {
            if (key.isEmpty()) {
                throw new Problem(" has the empty string as a key, which DynamoDB refuses in a map: rename or drop that key");
            }
            try {
                walk(value);
            } catch (Problem p) {
                throw p.in("." + key);
            }
        }
    }

    /** What is wrong, and the path to it, built only when something is: no stack trace. */
    private static final class Problem extends RuntimeException {
        private final String what;
        private final StringBuilder path = new StringBuilder();

        /** @param what what is wrong with the map at the path, or null for nesting too deep */
        Problem(String what) {
            super(null, null, false, false);
            this.what = what;
        }

        Problem in(String step) {
            path.insert(0, step);
            return this;
        }

        String describe(String name) {
            if (what == null) {
                return "maps and lists are nested more than " + MAX_NESTED + " deep (DynamoDB allows 32 levels, the item"
                        + " being the first); flatten the value, or store it as JSON text with @Field(serialized = true)";
            }
            return "the map at " + name + path + what;
        }
    }
}
