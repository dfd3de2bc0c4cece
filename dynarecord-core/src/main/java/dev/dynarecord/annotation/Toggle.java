package dev.dynarecord.annotation;

/**
 * A table setting a model may manage or leave alone, such as
 * {@code @Table(pointInTimeRecovery = Toggle.ON)}. Dynarecord never turns a setting off unless the
 * model says {@link #OFF}: a setting the model does not mention may have been chosen by whoever
 * runs the table.
 */
public enum Toggle {
    /** The default: Dynarecord leaves the setting as the table has it (a new table gets DynamoDB's default, off). */
    UNMANAGED,
    /** On: a new table gets it, and {@code session.tables().sync(...)} turns it on. */
    ON,
    /** Off: {@code session.tables().sync(...)} turns it off. */
    OFF
}
