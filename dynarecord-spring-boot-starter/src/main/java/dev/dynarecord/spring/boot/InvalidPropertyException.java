package dev.dynarecord.spring.boot;

import dev.dynarecord.exception.ConfigurationException;

/**
 * A {@code dynarecord.*} property whose value the core refused: names the property, the value
 * (never a secret's) and why. The starter's failure analyzer turns it into the startup report.
 */
public class InvalidPropertyException extends ConfigurationException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String shownValue;
    private final String reason;

    /**
     * @param property the property, such as {@code dynarecord.namespace}
     * @param shownValue the value as it may be shown ({@code (hidden)} for a secret)
     * @param cause what the core said
     */
    public InvalidPropertyException(String property, String shownValue, RuntimeException cause) {
        super("property " + property + " has the value " + shownValue + " which cannot be used: " + cause.getMessage(), cause);
        this.property = property;
        this.shownValue = shownValue;
        this.reason = cause.getMessage();
    }

    /** @return the property, such as {@code dynarecord.namespace} */
    public String property() {
        return property;
    }

    /** @return the value as it may be shown: quoted, or {@code (hidden)} for a secret */
    public String shownValue() {
        return shownValue;
    }

    /** @return what the core said about the value */
    public String reason() {
        return reason;
    }
}
