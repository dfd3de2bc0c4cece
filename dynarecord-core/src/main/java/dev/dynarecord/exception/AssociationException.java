package dev.dynarecord.exception;

/**
 * An association was used in a way it cannot serve: a record of the wrong class added to it, a
 * record that is not one of its records removed from it, a composite-key child detached from its
 * parent. Nothing was written.
 */
public class AssociationException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public AssociationException(String message) {
        super(message);
    }
}
