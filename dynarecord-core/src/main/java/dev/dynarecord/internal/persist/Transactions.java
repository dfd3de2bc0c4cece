package dev.dynarecord.internal.persist;

import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.InvalidUpdateException;
import dev.dynarecord.exception.ItemTooLargeException;
import dev.dynarecord.exception.RecordInvalidException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.exception.TransactionFailedException.Failure;
import dev.dynarecord.exception.TransactionFailedException;
import dev.dynarecord.internal.association.Associations;
import dev.dynarecord.internal.dynamo.ConditionCheckOperation;
import dev.dynarecord.internal.dynamo.ConditionDiagnosis;
import dev.dynarecord.internal.dynamo.DeleteItemOperation;
import dev.dynarecord.internal.dynamo.GetItemOperation;
import dev.dynarecord.internal.dynamo.Guard;
import dev.dynarecord.internal.dynamo.ItemSize;
import dev.dynarecord.internal.dynamo.PutItemOperation;
import dev.dynarecord.internal.dynamo.TransactWriteOperation;
import dev.dynarecord.internal.dynamo.UpdateAction;
import dev.dynarecord.internal.dynamo.UpdateItemOperation;
import dev.dynarecord.internal.dynamo.WriteOperation;
import dev.dynarecord.internal.schema.CallbackEvent;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.RecordState;
import dev.dynarecord.internal.state.Records;
import dev.dynarecord.internal.state.SessionState;
import dev.dynarecord.lifecycle.Update;
import dev.dynarecord.lifecycle.WriteCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A session's write transactions: the actions a {@code Transaction} collected, prepared as their
 * single writes would be (validations and before-callbacks included), checked against DynamoDB's
 * limits, and sent as one TransactWriteItems with a client request token, so that the SDK's
 * retries of it are idempotent. Records change in memory only once DynamoDB committed it; when it
 * cancels, each refused action is explained by {@link ConditionDiagnosis}, as alone. Thread-safe.
 */
public final class Transactions {

    /** The most actions DynamoDB takes in one transaction. */
    public static final int MAX_ACTIONS = 100;
    /** The most bytes DynamoDB takes in one transaction, all items together. */
    public static final long MAX_BYTES = 4L * 1024 * 1024;

    private final SessionState session;
    private final Persistence persistence;
    private final AtomicUpdates atomicUpdates;

    /**
     * @param session the session's state
     * @param persistence the session's record writes, whose preparation a transaction shares
     * @param atomicUpdates the session's atomic updates, likewise
     */
    public Transactions(SessionState session, Persistence persistence, AtomicUpdates atomicUpdates) {
        this.session = session;
        this.persistence = persistence;
        this.atomicUpdates = atomicUpdates;
    }

    /** The actions of one transaction, in the order given; collected, not checked, until {@link #commit}. */
    public static final class Actions {
        private final List<Action> list = new ArrayList<>();

        /** @param record a new record to create or a saved one to update */
        public void save(Model<?> record) {
            list.add(new Action(Kind.SAVE, Objects.requireNonNull(record, "record"), record.getClass(), null, null, null, null));
        }

        /** @param record a record to destroy */
        public void destroy(Model<?> record) {
            list.add(new Action(Kind.DESTROY, Objects.requireNonNull(record, "record"), record.getClass(), null, null, null,
                    null));
        }

        /**
         * @param type the model
         * @param hash the hash key
         * @param range the range key, or null
         */
        public void delete(Class<?> type, Object hash, Object range) {
            list.add(new Action(Kind.DELETE, null, type, hash, range, null, null));
        }

        /**
         * @param type the model
         * @param hash the hash key
         * @param range the range key, or null
         * @param condition what the item must hold, or null
         * @param changes the changes
         */
        public void update(Class<?> type, Object hash, Object range, WriteCondition condition, Consumer<Update> changes) {
            list.add(new Action(Kind.UPDATE, null, type, hash, range, condition, Objects.requireNonNull(changes, "changes")));
        }

        /**
         * @param type the model
         * @param hash the hash key
         * @param range the range key, or null
         * @param condition what the item must hold
         */
        public void check(Class<?> type, Object hash, Object range, WriteCondition condition) {
            list.add(new Action(Kind.CHECK, null, type, hash, range, Objects.requireNonNull(condition, "condition"), null));
        }
    }

    private enum Kind {
        SAVE, DESTROY, DELETE, UPDATE, CHECK
    }

    private record Action(Kind kind, Model<?> record, Class<?> type, Object hash, Object range, WriteCondition condition,
            Consumer<Update> changes) {
    }

    /**
     * An action prepared: its write (null when there is nothing to send), what follows the commit, what
     * gives the record back its state when nothing was written, and what marks it when the outcome is unknown.
     */
    private record Entry(int index, String label, WriteOperation op, Runnable written, Runnable undo, Runnable after,
            Runnable unknown) {
    }

    /** @return a new, empty list of actions */
    public Actions begin() {
        return new Actions();
    }

    /**
     * Prepares, checks and sends the actions as one transaction; an empty one sends nothing.
     *
     * @param actions the actions
     * @throws TransactionFailedException when DynamoDB cancelled it; nothing was written
     */
    public void commit(Actions actions) {
        List<Action> list = List.copyOf(actions.list);
        if (list.isEmpty()) {
            return;
        }
        if (list.size() > MAX_ACTIONS) {
            throw new InvalidUpdateException("a transaction of " + list.size() + " actions was refused: DynamoDB takes at most "
                    + MAX_ACTIONS + "; nothing was sent. Split it, or use importAll / deleteAll for bulk work");
        }
        List<Entry> entries = new ArrayList<>(list.size());
        try {
            for (int i = 0; i < list.size(); i++) {
                entries.add(prepare(i, list.get(i)));
            }
            refuseOverLimits(entries);
        } catch (RuntimeException e) {
            undo(entries);
            throw e;
        }
        List<Entry> sent = entries.stream().filter(e -> e.op() != null).toList();
        if (!sent.isEmpty()) {
            try {
                send(sent, list.stream().anyMatch(a -> a.record() != null && RecordState.of(a.record()).outcomeUnknown()));
            } catch (RuntimeException e) {
                if (Persistence.mayHaveBeenApplied(e)) {
                    // Keep generated keys and timestamps: running the same transaction again repeats it, and recognises it.
                    entries.forEach(en -> en.unknown().run());
                } else {
                    undo(entries);
                }
                throw e;
            }
        }
        entries.forEach(e -> e.written().run());
        entries.forEach(e -> e.after().run());
    }

    private static void undo(List<Entry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            entries.get(i).undo().run();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Entry prepare(int index, Action action) {
        ModelSchema schema = session.schema(action.type());
        if (schema.partitioned()) {
            throw PartitionedWrites.refused(schema, "a transaction (action #" + index + ")", "a transaction writes or checks"
                    + " one item per record, and a partitioned record is up to " + schema.partitions().count() + " copies;"
                    + " save or destroy it outside the transaction");
        }
        String table = session.ready(schema);
        return switch (action.kind()) {
            case SAVE -> prepareSave(index, schema, table, (Model) action.record());
            case DESTROY -> prepareDestroy(index, schema, (Model) action.record());
            case DELETE -> {
                Map<String, AttributeValue> key = schema.key(action.hash(), action.range());
                String what = Records.describeKey(schema, key);
                yield entry(index, "delete of " + what, DeleteItemOperation.of(table, key, what));
            }
            case UPDATE -> {
                Map<String, AttributeValue> key = schema.key(action.hash(), action.range());
                String what = Records.describeKey(schema, key);
                AtomicUpdates.Checked checked = atomicUpdates.check(schema, action.condition(), action.changes(), false,
                        () -> what);
                UpdateItemOperation op = atomicUpdates.operation(checked, key, null, () -> new RecordNotFoundException("no "
                        + what + " in table " + table + " to update; nothing was written"));
                yield entry(index, "update of " + what, op);
            }
            case CHECK -> {
                Map<String, AttributeValue> key = schema.key(action.hash(), action.range());
                String what = Records.describeKey(schema, key);
                List<dev.dynarecord.query.Condition> conditions = WriteConditions.of(schema, action.condition());
                if (conditions.isEmpty()) {
                    throw new InvalidUpdateException("transaction action #" + index + ": the check of " + what
                            + " has no condition; nothing was sent");
                }
                Guard guard = new Guard(Guard.Existence.EITHER, schema.hashKey().name(), null, 0, conditions);
                yield entry(index, "check of " + what, new ConditionCheckOperation(table, key, guard, () -> what));
            }
        };
    }

    private static Entry entry(int index, String label, WriteOperation op) {
        Runnable none = () -> { };
        return new Entry(index, label, op, none, none, none, none);
    }

    private <T extends Model<?>> Entry prepareSave(int index, ModelSchema<T> schema, String table, T record) {
        String label = "save of " + Records.describe(schema, record);
        refuseOtherSession(index, label, record);
        boolean creating = !record.isPersisted();
        Persistence.Outcome outcome = persistence.beforeSave(schema, record);
        if (outcome == Persistence.Outcome.INVALID) {
            throw new RecordInvalidException("transaction action #" + index + ": " + Records.describe(schema, record)
                    + " is invalid: " + record.errors() + "; nothing was sent", record.errors().asMap());
        }
        if (outcome == Persistence.Outcome.ABORTED) {
            throw new RecordNotSavedException("transaction action #" + index + ": " + Records.describe(schema, record)
                    + " was not saved: a before-callback returned false; nothing was sent");
        }
        RecordState state = RecordState.of(record);
        Persistence.Prepared p = creating ? persistence.prepareCreate(schema, table, record, List.of())
                : persistence.prepareUpdate(schema, table, record, List.of(), state.outcomeUnknown());
        return new Entry(index, label, p.op(), p.written(), p.undo(), () -> persistence.afterSave(schema, record, creating),
                () -> state.outcomeUnknown(state.outcomeUnknown() || p.op() != null));
    }

    private <T extends Model<?>> Entry prepareDestroy(int index, ModelSchema<T> schema, T record) {
        String label = "destroy of " + Records.describe(schema, record);
        refuseOtherSession(index, label, record);
        if (record.isPersisted() && !schema.associations().isEmpty() && schema.associations().stream()
                .anyMatch(a -> a.of(record) instanceof dev.dynarecord.Association<?>)) {
            throw new RecordNotSavedException("transaction action #" + index + ": " + label + " was refused: "
                    + schema.modelName() + " has has_many / has_one associations, whose dependents are destroyed a page at"
                    + " a time, outside any transaction; destroy it on its own. Nothing was sent");
        }
        if (!schema.callbacks().run(CallbackEvent.BEFORE_DESTROY, record)) {
            throw new RecordNotSavedException("transaction action #" + index + ": " + label
                    + " was refused: a before_destroy callback returned false; nothing was sent");
        }
        Associations.beforeDestroy(schema, record);
        Persistence.Prepared p = persistence.prepareDestroy(schema, record, List.of());
        return new Entry(index, label, p.op(), p.written(), p.undo(),
                () -> schema.callbacks().run(CallbackEvent.AFTER_DESTROY, record), p.undo());
    }

    private void refuseOtherSession(int index, String label, Model<?> record) {
        Session bound = RecordState.of(record).session();
        if (bound != null && bound != session.session()) {
            throw new RecordNotSavedException("transaction action #" + index + ": " + label + " was refused: the record is"
                    + " bound to another session (" + bound + ") than the transaction's; nothing was sent");
        }
    }

    /** Two actions on one item, and more bytes than DynamoDB takes, are refused before sending. */
    private static void refuseOverLimits(List<Entry> entries) {
        Map<Object, Entry> items = new java.util.HashMap<>();
        long bytes = 0;
        for (Entry e : entries) {
            WriteOperation op = e.op();
            if (op == null) {
                continue;
            }
            Map<String, AttributeValue> key = op instanceof PutItemOperation put && put.key() == null ? null : op.key();
            Entry earlier = key == null ? null : items.putIfAbsent(List.of(op.table(), key), e);
            if (earlier != null) {
                throw new InvalidKeyException("transaction action #" + e.index() + " (" + e.label() + ") is on the same item"
                        + " as action #" + earlier.index() + " (" + earlier.label() + "); DynamoDB takes one action an item in"
                        + " a transaction. Nothing was sent; combine them into one");
            }
            bytes += size(op);
        }
        if (bytes > MAX_BYTES) {
            throw new ItemTooLargeException("a transaction of " + actions(entries.size()) + " was refused: its items come to "
                    + bytes + " bytes, over DynamoDB's " + MAX_BYTES + " (4 MB) a transaction; nothing was sent. Split it");
        }
    }

    /** "1 action", "3 actions". */
    private static String actions(int count) {
        return count + (count == 1 ? " action" : " actions");
    }

    private static long size(WriteOperation op) {
        if (op instanceof PutItemOperation put) {
            return ItemSize.of(put.item());
        }
        long size = ItemSize.of(op.key());
        if (op instanceof UpdateItemOperation update) {
            for (UpdateAction a : update.actions()) {
                if (a.value() != null) {
                    size += ItemSize.of(Map.of(a.attribute(), a.value()));
                }
            }
        }
        return size;
    }

    private void send(List<Entry> sent, boolean repeat) {
        TransactionCanceledException cancelled = TransactWriteOperation.send(session.gateway(),
                sent.stream().map(Entry::op).toList(), repeat, () -> "a transaction of " + actions(sent.size()));
        if (cancelled != null) {
            throw cancelled(sent, cancelled);
        }
    }

    /** Each cancelled action explained as its write alone would be. */
    private TransactionFailedException cancelled(List<Entry> sent, TransactionCanceledException e) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < reasons.size() && i < sent.size(); i++) {
            String code = reasons.get(i).code();
            if (code == null || code.equals("None")) {
                continue;
            }
            failures.add(failure(sent.get(i), code, reasons.get(i).message()));
        }
        if (failures.isEmpty()) {
            String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
            failures.add(new Failure(-1, "the transaction", "cancelled: " + message, null, false));
        }
        boolean retryable = failures.stream().allMatch(Failure::retryable);
        String text = failures.stream().map(Failure::toString).collect(Collectors.joining("; "));
        return new TransactionFailedException("the transaction of " + actions(sent.size()) + " was cancelled; nothing was"
                + " written: " + text + (retryable ? ". Run it again: it met other transactions or throttling" : ""), e, failures);
    }

    private Failure failure(Entry entry, String code, String message) {
        WriteOperation op = entry.op();
        switch (code) {
            case "ConditionalCheckFailed" -> {
                DynarecordException named = ConditionDiagnosis.explain(op, () -> GetItemOperation.item(session.gateway(),
                        op.table(), op.key(), true, op::what));
                if (named == null) {
                    return new Failure(entry.index(), entry.label(), "its condition was refused, and the item is gone now",
                            null, true);
                }
                return new Failure(entry.index(), entry.label(), named.getMessage(), named, false);
            }
            case "TransactionConflict" -> {
                return new Failure(entry.index(), entry.label(), "it conflicted with another write of the item in progress",
                        null, true);
            }
            case "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded" -> {
                return new Failure(entry.index(), entry.label(), "it was throttled (" + code + ")", null, true);
            }
            default -> {
                return new Failure(entry.index(), entry.label(), code + (message == null ? "" : ": " + message),
                        new DynarecordException(entry.label() + " was refused in a transaction: " + code
                                + (message == null ? "" : " (" + message + ")")), false);
            }
        }
    }
}
