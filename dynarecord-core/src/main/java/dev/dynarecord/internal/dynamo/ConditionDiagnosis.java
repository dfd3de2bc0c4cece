package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.RecordNotUniqueException;
import dev.dynarecord.exception.StaleRecordException;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one way a refused write is explained: from the write's {@link Guard} and the item stored
 * under its key now, read with a strongly consistent GetItem. It relies on nothing an engine may
 * leave out (such as {@code ReturnValuesOnConditionCheckFailure}), so every DynamoDB-compatible
 * engine gives the same answer; and when the guard has a single part that can fail, no read is
 * needed at all. A transaction's cancelled items are explained the same way, item by item.
 */
public final class ConditionDiagnosis {

    private ConditionDiagnosis() {
    }

    /**
     * @param op the refused write
     * @return whether explaining a refusal of it needs the stored item
     */
    public static boolean needsRead(WriteOperation op) {
        return op.guard().failingParts() > 1;
    }

    /**
     * Explains a refusal.
     *
     * @param op the refused write
     * @param read reads the item stored now (null when there is none); called only when
     *     {@link #needsRead} says so
     * @return the exception to throw; null when the write's purpose is met anyway (destroying an item
     *     that is gone); nothing was written either way
     */
    public static DynarecordException explain(WriteOperation op, Supplier<Map<String, AttributeValue>> read) {
        Guard guard = op.guard();
        if (!needsRead(op)) {
            return soleCause(op);
        }
        Map<String, AttributeValue> stored = read.get();
        switch (guard.existence()) {
            case MUST_BE_ABSENT -> {
                if (stored != null) {
                    return taken(op);
                }
                return conditionFalse(op, " for the new record");
            }
            case MUST_EXIST -> {
                if (stored == null) {
                    return op.absent();
                }
            }
            case ABSENT_OR_HOLDS -> {
                if (stored == null) {
                    return null;
                }
            }
            case EITHER -> {
                // The lock and the user's condition are what can fail; an absent item fails them as a present one would.
            }
        }
        if (guard.checksVersion()) {
            long version = stored == null ? 0 : guard.storedVersion(stored);
            if (version != guard.expectedVersion() || guard.conditions().isEmpty()) {
                return stale(op, version);
            }
        }
        return conditionFalse(op, "");
    }

    /** The only part of the guard that can fail is the one that did. */
    private static DynarecordException soleCause(WriteOperation op) {
        Guard guard = op.guard();
        return switch (guard.existence()) {
            case MUST_BE_ABSENT -> guard.conditions().isEmpty() ? taken(op) : conditionFalse(op, " for the new record");
            case MUST_EXIST -> op.absent();
            case EITHER, ABSENT_OR_HOLDS -> guard.checksVersion() ? stale(op, -1) : conditionFalse(op, "");
        };
    }

    private static DynarecordException taken(WriteOperation op) {
        return new RecordNotUniqueException(op.what() + " already exists in table " + op.table() + "; nothing was written."
                + " Load it with find.byId(...) and update it, or give the new record another key");
    }

    private static DynarecordException stale(WriteOperation op, long stored) {
        Guard guard = op.guard();
        String now = stored < 0 ? "" : "its " + guard.lockAttribute() + " is " + stored + ", ";
        return new StaleRecordException(op.what() + " was changed by someone else since it was read (" + now + "this copy has "
                + guard.expectedVersion() + "); nothing was written. Reload it, apply the change again, and save");
    }

    private static DynarecordException conditionFalse(WriteOperation op, String forWhat) {
        return new ConditionFailedException(op.what() + ": the condition " + op.guard().conditionText() + " did not hold"
                + forWhat + " in table " + op.table() + "; nothing was written");
    }
}
