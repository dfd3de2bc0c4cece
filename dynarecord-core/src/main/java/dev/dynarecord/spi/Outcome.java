package dev.dynarecord.spi;

import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.exception.RecordNotUniqueException;
import dev.dynarecord.exception.StaleRecordException;
import dev.dynarecord.exception.ThroughputExceededException;
import dev.dynarecord.exception.TransactionFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * How a request or a model operation ended, as metrics tag it and logs report it.
 */
public enum Outcome {
    /** It did what was asked. */
    SUCCESS("success"),
    /** A condition did not hold: a stale lock version, a key already taken, a user's condition. */
    CONDITION_FAILED("condition_failed"),
    /** DynamoDB throttled it, and the retries ran out. */
    THROTTLED("throttled"),
    /** Any other failure. */
    ERROR("error");

    private final String tag;

    Outcome(String tag) {
        this.tag = tag;
    }

    /** @return the value of the {@code outcome} tag: {@code success}, {@code condition_failed}, {@code throttled} or {@code error} */
    public String tag() {
        return tag;
    }

    /**
     * @param failure what was thrown, or null when nothing was
     * @return the outcome it stands for
     */
    public static Outcome of(Throwable failure) {
        if (failure == null) {
            return SUCCESS;
        }
        if (conditional(failure)) {
            return CONDITION_FAILED;
        }
        if (failure instanceof ThroughputExceededException) {
            return THROTTLED;
        }
        if (failure instanceof TransactionFailedException t && !t.failures().isEmpty()
                && t.failures().stream().allMatch(f -> conditional(f.cause()))) {
            return CONDITION_FAILED;
        }
        return ERROR;
    }

    private static boolean conditional(Throwable failure) {
        // a request's failure may be translated later, by its caller: the SDK's exception says it too
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConditionFailedException || t instanceof StaleRecordException
                    || t instanceof RecordNotUniqueException || t instanceof ConditionalCheckFailedException) {
                return true;
            }
            if (t instanceof TransactionCanceledException c && c.hasCancellationReasons()
                    && c.cancellationReasons().stream().allMatch(r -> r.code() == null || "None".equals(r.code())
                            || "ConditionalCheckFailed".equals(r.code()))
                    && c.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                return true;
            }
        }
        return false;
    }
}
