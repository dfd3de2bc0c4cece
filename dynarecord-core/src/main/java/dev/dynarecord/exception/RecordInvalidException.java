package dev.dynarecord.exception;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record that failed its validations was not saved: {@code saveOrThrow()} raises this with the
 * errors, where {@code save()} returns {@code false}. Nothing was written.
 */
public class RecordInvalidException extends DynarecordException {

    private final Map<String, List<String>> errors;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public RecordInvalidException(String message) {
        this(message, Map.of());
    }

    /**
     * Creates the exception with the errors.
     *
     * @param message what went wrong, with the full messages
     * @param errors the messages per field
     */
    public RecordInvalidException(String message, Map<String, List<String>> errors) {
        super(message);
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public RecordInvalidException(String message, Throwable cause) {
        super(message, cause);
        this.errors = Map.of();
    }

    /** @return the validation messages per field, in the order {@code record.errors().asMap()} had them */
    public Map<String, List<String>> errors() {
        return errors;
    }
}
