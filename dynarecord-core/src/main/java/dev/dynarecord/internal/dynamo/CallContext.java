package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.DynarecordException;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * What a request is for, so that a failure can be reported in the caller's terms. The description
 * is only built when a failure needs it: building message text on every request would cost more
 * than mapping a small item.
 *
 * @param describer what was being done, for messages ("saving User 'u-1'"), computed on demand
 * @param table the table involved
 * @param onConditionFailed the exception a failed condition means here, or null if no condition was sent
 * @param onConditionCheckFailed the exception a failed condition means, given the SDK's exception
 *     (which may carry the item), or null; takes precedence over {@code onConditionFailed}
 */
public record CallContext(Supplier<String> describer, String table, Supplier<? extends DynarecordException> onConditionFailed,
        Function<ConditionalCheckFailedException, ? extends DynarecordException> onConditionCheckFailed) {

    /**
     * A context whose failed condition always means the same.
     *
     * @param description what was being done
     * @param table the table involved
     * @param onConditionFailed the exception a failed condition means here, or null if no condition was sent
     */
    public CallContext(String description, String table, Supplier<? extends DynarecordException> onConditionFailed) {
        this(() -> description, table, onConditionFailed, null);
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
        return new CallContext(() -> description, table, null, null);
    }

    /**
     * A context without a condition, described only if needed.
     *
     * @param description what was being done, computed on demand
     * @param table the table involved
     * @return the context
     */
    public static CallContext of(Supplier<String> description, String table) {
        return new CallContext(description, table, null, null);
    }

    /**
     * A context whose failed condition is told apart by looking at the SDK's exception.
     *
     * @param description what was being done
     * @param table the table involved
     * @param onConditionCheckFailed the exception to throw, given the SDK's
     * @return the context
     */
    public static CallContext inspecting(String description, String table,
            Function<ConditionalCheckFailedException, ? extends DynarecordException> onConditionCheckFailed) {
        return new CallContext(() -> description, table, null, onConditionCheckFailed);
    }
}
