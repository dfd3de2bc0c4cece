package dev.dynarecord.internal.dynamo;

import dev.dynarecord.config.RetryPolicy;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.TransientFailureException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Sends the {@link WriteOperation}s of one write transaction as a TransactWriteItems, all or
 * nothing, and retries it by the session's {@link RetryPolicy}:
 *
 * <ul>
 *   <li>a cancellation in which every refused action met another transaction or was throttled
 *       wrote nothing, and is sent again;</li>
 *   <li>a failure without an answer (a timeout, a server error, the same transaction still in
 *       progress) may have been applied, and is sent again with the same client request token, so
 *       that DynamoDB applies it at most once;</li>
 *   <li>a cancellation that follows an attempt whose outcome was unknown is read against the
 *       stored items: when every refused write shows itself applied, the earlier attempt committed
 *       and the transaction succeeded.</li>
 * </ul>
 */
public final class TransactWriteOperation {

    /** The reasons DynamoDB gives for an action that another transaction or throttling stopped. */
    private static final Set<String> TRANSIENT = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded", "RequestLimitExceeded");

    private TransactWriteOperation() {
    }

    /**
     * @param gateway the adapter layer
     * @param ops the actions' writes, in order, one an item
     * @param repeat whether the transaction repeats one whose outcome was unknown
     * @param description what the transaction is, for messages
     * @return null once DynamoDB committed the transaction; else the cancellation the retries did not
     *     get past, whose reasons follow the order of {@code ops}
     * @throws TransientFailureException when the retries ran out without an answer, or a cancellation
     *     cannot tell whether an earlier attempt committed
     * @throws DynarecordException when DynamoDB rejected the request
     */
    public static TransactionCanceledException send(DynamoDbGateway gateway, List<WriteOperation> ops, boolean repeat,
            Supplier<String> description) {
        String tables = ops.stream().map(WriteOperation::table).distinct().collect(Collectors.joining(", "));
        CallContext context = CallContext.of(description, tables);
        Backoff backoff = new Backoff(gateway, "TransactWriteItems", () -> ops.stream().map(WriteOperation::table).distinct().toList());
        boolean ambiguous = repeat;
        String token = UUID.randomUUID().toString();
        while (true) {
            TransactWriteItemsRequest request = TransactWriteItemsRequest.builder()
                    .transactItems(ops.stream().map(WriteOperation::transactItem).toList())
                    .clientRequestToken(token).build();
            try {
                gateway.transactWriteItems(request, context);
                return null;
            } catch (TransientFailureException e) {
                ambiguous |= e.mayHaveBeenApplied();
                if (!backoff.another()) {
                    throw e;
                }
            } catch (DynarecordException e) {
                if (!(e.getCause() instanceof TransactionCanceledException cancelled)) {
                    throw e;
                }
                List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons()
                        : List.of();
                if (ambiguous || WriteSender.retried(cancelled)) {
                    switch (committedEarlier(gateway, ops, reasons)) {
                        case YES -> {
                            return null;
                        }
                        case UNKNOWN -> throw new TransientFailureException(description.get() + " (TransactWriteItems on "
                                + tables + "): DynamoDB cancelled a retry, and the first attempt may have been committed;"
                                + " the items cannot tell. Reload the records and check before repeating", cancelled,
                                "TransactWriteItems", tables, true);
                        case NO -> { }
                    }
                }
                if (!onlyTransient(cancelled) || !backoff.another()) {
                    return cancelled;
                }
                if (!ambiguous) {
                    token = UUID.randomUUID().toString();   // nothing was written: a new transaction
                }
            }
        }
    }

    /** Whether some action was refused, and each only by another transaction or throttling. */
    static boolean onlyTransient(TransactionCanceledException cancelled) {
        boolean any = false;
        for (CancellationReason r : cancelled.hasCancellationReasons() ? cancelled.cancellationReasons()
                : List.<CancellationReason>of()) {
            if (refused(r)) {
                if (!TRANSIENT.contains(r.code())) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static boolean refused(CancellationReason r) {
        return r.code() != null && !r.code().equals("None");
    }

    /**
     * Whether an earlier attempt committed, from the items of the refused actions: YES when each
     * refused write shows itself applied; NO when one does not, or one was refused for another cause
     * than its condition; UNKNOWN when only condition checks were refused (they write nothing to
     * tell by), or a write cannot tell.
     */
    private static WriteOperation.Applied committedEarlier(DynamoDbGateway gateway, List<WriteOperation> ops,
            List<CancellationReason> reasons) {
        WriteOperation.Applied verdict = WriteOperation.Applied.UNKNOWN;
        for (int i = 0; i < reasons.size() && i < ops.size(); i++) {
            if (!refused(reasons.get(i))) {
                continue;
            }
            if (!"ConditionalCheckFailed".equals(reasons.get(i).code())) {
                return WriteOperation.Applied.NO;
            }
            WriteOperation op = ops.get(i);
            if (op instanceof ConditionCheckOperation) {
                continue;
            }
            Map<String, AttributeValue> stored = GetItemOperation.item(gateway, op.table(), op.key(), true, op::what);
            switch (op.appliedIn(stored)) {
                case NO -> {
                    return WriteOperation.Applied.NO;
                }
                case UNKNOWN -> {
                    return WriteOperation.Applied.UNKNOWN;
                }
                case YES -> verdict = WriteOperation.Applied.YES;
            }
        }
        return verdict;
    }
}
