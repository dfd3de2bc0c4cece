package dev.dynarecord.internal.client;

import dev.dynarecord.exception.DynarecordException;
import java.util.function.Supplier;

/**
 * What a request is for, so that a failure can be reported in the caller's terms.
 *
 * @param description what was being done, for messages ("saving User 'u-1'")
 * @param table the table involved
 * @param onConditionFailed the exception a failed condition means here, or null if no condition was sent
 */
public record CallContext(String description, String table, Supplier<? extends DynarecordException> onConditionFailed) {

    /**
     * A context without a condition.
     *
     * @param description what was being done
     * @param table the table involved
     * @return the context
     */
    public static CallContext of(String description, String table) {
        return new CallContext(description, table, null);
    }
}
