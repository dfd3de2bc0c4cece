package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.ItemTooLargeException;
import java.util.Map;
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
        CallContext context = new CallContext(op::description, op.table(), op.guard().isEmpty() ? null : Refused::new);
        try {
            return op.exchange(gateway, context);
        } catch (Refused refused) {
            DynarecordException named = ConditionDiagnosis.explain(op,
                    () -> GetItemOperation.item(gateway, op.table(), op.key(), true, op::what));
            if (named == null) {
                return Map.of();
            }
            named.initCause(refused.getCause());
            throw named;
        } catch (DynarecordException e) {
            if (op instanceof UpdateItemOperation update && update.grows() && rejectedAsInvalid(e)
                    && tooLarge(gateway, update)) {
                throw new ItemTooLargeException(op.description() + " failed: the item would exceed DynamoDB's 400 KB limit"
                        + " after the update; store large values elsewhere and keep a reference", e.getCause());
            }
            throw e;
        }
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
