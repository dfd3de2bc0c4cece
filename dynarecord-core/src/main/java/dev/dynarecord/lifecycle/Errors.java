package dev.dynarecord.lifecycle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validation errors of a record, per field, as ActiveModel keeps them:
 *
 * <pre>{@code
 * if (!user.save()) {
 *     user.errors().on("email");          // ["must match \".*@.*\""]
 *     user.errors().fullMessages();       // ["email must match \".*@.*\"", "rank must be >= 0"]
 * }
 * }</pre>
 *
 * <p>Not thread-safe: it belongs to one record.
 */
public final class Errors {

    /** The key of errors about the record as a whole rather than one field. */
    public static final String BASE = "base";

    // Made on the first error: every save validates, and most records are valid.
    private Map<String, List<String>> messages = Map.of();

    /** Creates an empty error list. */
    public Errors() {
    }

    /**
     * Adds an error.
     *
     * @param field the field (or {@link #BASE})
     * @param message what is wrong, without the field name: {@code "must be >= 0"}
     */
    public void add(String field, String message) {
        if (messages.isEmpty()) {
            messages = new LinkedHashMap<>();
        }
        messages.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    /**
     * Adds an error about the record as a whole.
     *
     * @param message what is wrong
     */
    public void addToBase(String message) {
        add(BASE, message);
    }

    /**
     * @param field a field
     * @return its messages; empty when it has none
     */
    public List<String> on(String field) {
        return Collections.unmodifiableList(messages.getOrDefault(field, List.of()));
    }

    /** @return every message prefixed with its field ({@code "email must not be blank"}), base messages as they are */
    public List<String> fullMessages() {
        List<String> full = new ArrayList<>();
        messages.forEach((field, list) -> list.forEach(m -> full.add(BASE.equals(field) ? m : field + " " + m)));
        return full;
    }

    /** @return the messages per field, in the order the fields first got one */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        messages.forEach((field, list) -> copy.put(field, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }

    /** @return whether there are no errors */
    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /** @return how many messages there are */
    public int size() {
        return messages.values().stream().mapToInt(List::size).sum();
    }

    /** Removes every error. */
    public void clear() {
        messages = Map.of();
    }

    @Override
    public String toString() {
        return String.join("; ", fullMessages());
    }
}
