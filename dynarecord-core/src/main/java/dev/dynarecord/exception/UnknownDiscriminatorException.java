package dev.dynarecord.exception;

/**
 * An item of a single-table hierarchy stores a discriminator value that no class of the hierarchy
 * declares (another application wrote a class this one does not know), so it cannot be loaded as a
 * record. Add the class to the root's {@code @Table(subtypes)}, or give an existing class that value
 * with {@code @DiscriminatorValue}. Queries through a subclass's finder never meet such items: they
 * ask only for the values they know.
 */
public class UnknownDiscriminatorException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public UnknownDiscriminatorException(String message) {
        super(message);
    }
}
