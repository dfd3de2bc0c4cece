package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.ItemTooLargeException;
import dev.dynarecord.exception.TransientFailureException;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Sends one {@link WriteOperation} as a single call and turns a refusal into the exception that
 * names its cause, through {@link ConditionDiagnosis}: the one sender of single writes.
 */
public final class WriteSender {

    private WriteSender() {
    }

    /** Marks a refused condition on its way from the gateway to the diagnosis; never leaves this class. */
    private static final class Refused extends DynarecordException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super("the condition was refused");
        }
    }

    /**
     * @param gateway the adapter layer
     * @param op the write
     * @return the attributes DynamoDB returned (all of the new item for ALL_NEW), or an empty map
     * @throws DynarecordException the named cause when the write was refused; nothing is written then
     */
    public static Map<String, AttributeValue> send(DynamoDbGateway gateway, WriteOperation op) {
        return send(gateway, op, false);
    }

    /**
     * @param gateway the adapter layer
     * @param op the write
     * @param repeat whether this write repeats one whose outcome was unknown (it failed without an
     *     answer and may have been applied)
     * @return the attributes DynamoDB returned, or the item stored now when this write's earlier
     *     attempt is recognised in it; or an empty map
     * @throws DynarecordException the named cause when the write was refused; nothing is written then
     * @throws TransientFailureException when a refusal follows an attempt that may have been applied
     *     and the stored item cannot tell whether it was (an atomic add)
     */
    public static Map<String, AttributeValue> send(DynamoDbGateway gateway, WriteOperation op, boolean repeat) {
        CallContext context = new CallContext(op::description, op.table(), op.guard().isEmpty() ? null : Refused::new);
        try {
            return op.exchange(gateway, context);
        } catch (Refused refused) {
            return refused(gateway, op, repeat || retried(refused.getCause()), refused.getCause());
        } catch (DynarecordException e) {
            if (op instanceof UpdateItemOperation update && update.grows() && rejectedAsInvalid(e)
                    && tooLarge(gateway, update)) {
                throw new ItemTooLargeException(op.description() + " failed: the item would exceed DynamoDB's 400 KB limit"
                        + " after the update; store large values elsewhere and keep a reference", e.getCause());
            }
            throw e;
        }
    }

    /**
     * A refused condition. When an earlier attempt of the same write may have been applied (the SDK
     * retried, or the caller repeats a write whose outcome was unknown), the refusal may be that
     * attempt's own doing: the stored item tells whether it was applied, and then the write succeeded.
     */
    private static Map<String, AttributeValue> refused(DynamoDbGateway gateway, WriteOperation op, boolean ambiguous,
            Throwable cause) {
        Supplier<Map<String, AttributeValue>> read = () -> {
            try {
                return GetItemOperation.item(gateway, op.table(), op.key(), true, op::what);
            } catch (TransientFailureException e) {
                // The refusal stands, but its cause is unknown; and after a retry, so is whether the write was applied.
                throw new TransientFailureException(op.description() + " (" + op.operation() + " on table " + op.table()
                        + "): DynamoDB refused the condition, and reading the item to tell why failed: " + e.getMessage(), e,
                        op.operation(), op.table(), ambiguous);
            }
        };
        if (ambiguous) {
            Map<String, AttributeValue> now = read.get();
            switch (op.appliedIn(now)) {
                case YES -> {
                    return now == null ? Map.of() : now;
                }
                case UNKNOWN -> throw new TransientFailureException(op.description() + " (" + op.operation() + " on table "
                        + op.table() + "): DynamoDB refused the condition on a retry, and the first attempt may have been"
                        + " applied; its changes add to what was stored, so the item cannot tell. Reload the record and"
                        + " check before repeating", cause, op.operation(), op.table(), true);
                case NO -> read = () -> now;
            }
        }
        DynarecordException named = ConditionDiagnosis.explain(op, read);
        if (named == null) {
            return Map.of();
        }
        named.initCause(cause);
        throw named;
    }

    /** Whether the SDK sent the request more than once: an earlier attempt may have been applied. */
    static boolean retried(Throwable cause) {
        return cause instanceof SdkException e && e.numAttempts() != null && e.numAttempts() > 1;
    }

    private static boolean rejectedAsInvalid(DynarecordException e) {
        return e.getCause() instanceof DynamoDbException d && d.awsErrorDetails() != null
                && "ValidationException".equals(d.awsErrorDetails().errorCode());
    }

    /**
     * Whether the stored item plus what the update adds reaches the limit: DynamoDB's own check, which an
     * update whose growth depends on the stored item cannot make before sending. Counted from sizes, not
     * from the wording of the engine's message.
     */
    private static boolean tooLarge(DynamoDbGateway gateway, UpdateItemOperation update) {
        Map<String, AttributeValue> stored = GetItemOperation.item(gateway, update.table(), update.key(), true, update::what);
        long size = stored == null ? 0 : ItemSize.of(stored);
        for (UpdateAction a : update.actions()) {
            if (a.value() != null) {
                size += ItemSize.of(Map.of(a.attribute(), a.value()));
            }
        }
        return size > ItemSize.MAX_ITEM_BYTES;
    }
}
