package dev.dynarecord.exception;

/**
 * The configuration cannot be used: a bad value in the environment or a properties file, a
 * missing engine module, contradictory options.
 */
public class ConfigurationException extends DynarecordException {
    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to change
     */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to change
     * @param cause the underlying failure
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
