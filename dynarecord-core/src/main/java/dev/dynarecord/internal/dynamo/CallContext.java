package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.DynarecordException;
import java.util.function.Supplier;

/**
 * What a request is for, so that a failure can be reported in the caller's terms. The description
 * is only built when a failure needs it: building message text on every request would cost more
 * than mapping a small item.
 *
 * @param describer what was being done, for messages ("saving User 'u-1'"), computed on demand
 * @param table the table involved
 * @param onConditionFailed the exception a failed condition means here, or null if no condition was sent
 */
public record CallContext(Supplier<String> describer, String table, Supplier<? extends DynarecordException> onConditionFailed) {

    /**
     * A context whose failed condition always means the same.
     *
     * @param description what was being done
     * @param table the table involved
     * @param onConditionFailed the exception a failed condition means here, or null if no condition was sent
     */
    public CallContext(String description, String table, Supplier<? extends DynarecordException> onConditionFailed) {
        this(() -> description, table, onConditionFailed);
    }

    /** @return what was being done */
    public String description() {
        return describer.get();
    }

    /**
     * A context without a condition.
     *
     * @param description what was being done
     * @param table the table involved
     * @return the context
     */
    public static CallContext of(String description, String table) {
        return new CallContext(() -> description, table, null);
    }

    /**
     * A context without a condition, described only if needed.
     *
     * @param description what was being done, computed on demand
     * @param table the table involved
     * @return the context
     */
    public static CallContext of(Supplier<String> description, String table) {
        return new CallContext(description, table, null);
    }
}
