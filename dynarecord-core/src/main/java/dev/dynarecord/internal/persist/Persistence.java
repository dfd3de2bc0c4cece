package dev.dynarecord.internal.persist;

import dev.dynarecord.Model;
import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.exception.TransientFailureException;
import dev.dynarecord.internal.association.Associations;
import dev.dynarecord.internal.dynamo.DeleteItemOperation;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import dev.dynarecord.internal.dynamo.GetItemOperation;
import dev.dynarecord.internal.dynamo.Guard;
import dev.dynarecord.internal.dynamo.PutItemOperation;
import dev.dynarecord.internal.dynamo.UpdateAction;
import dev.dynarecord.internal.dynamo.UpdateItemOperation;
import dev.dynarecord.internal.dynamo.WriteOperation;
import dev.dynarecord.internal.dynamo.WriteSender;
import dev.dynarecord.internal.schema.CallbackEvent;
import dev.dynarecord.internal.schema.Callbacks;
import dev.dynarecord.internal.schema.IndexSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.DirtyTracking;
import dev.dynarecord.internal.state.PartitionReads;
import dev.dynarecord.internal.state.RecordState;
import dev.dynarecord.internal.state.Records;
import dev.dynarecord.internal.state.SessionState;
import dev.dynarecord.lifecycle.Change;
import dev.dynarecord.lifecycle.Errors;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.query.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A session's writes of records, with their lifecycle: validations, callbacks in ActiveRecord's
 * order, dirty tracking (only changed attributes are written) and optimistic locking. Thread-safe
 * (records themselves are not).
 */
public final class Persistence {

    /** How a save ended. */
    public enum Outcome {
        SAVED, INVALID, ABORTED
    }

    private final SessionState session;
    private final DynamoDbGateway gateway;
    /** The session's constraint check, made once: it learns which model classes have no constraints at all. */
    private final Validations.ConstraintCheck constraints;

    public Persistence(SessionState session) {
        this.session = session;
        this.gateway = session.gateway();
        this.constraints = Validations.checkFor(session.config().validator().orElse(null));
    }

    public <T extends Model<?>> Outcome save(T record) {
        return save(record, null);
    }

    /**
     * @param condition the user's condition on the write, or null; checked and converted before anything runs
     */
    public <T extends Model<?>> Outcome save(T record, WriteCondition condition) {
        ModelSchema<T> schema = schemaOf(record);
        UserCondition user = UserCondition.of(schema, condition);
        boolean creating = !record.isPersisted();
        Outcome before = beforeSave(schema, record);
        if (before != Outcome.SAVED) {
            return before;
        }
        String table = session.ready(schema);
        if (creating) {
            create(schema, table, record, user);
        } else {
            update(schema, table, record, user);
        }
        afterSave(schema, record, creating);
        return Outcome.SAVED;
    }

    /**
     * What a save does before its write, in ActiveRecord's order: the checks of a record that cannot
     * be saved, the belongs_to keys, validations, before_save and before_create or before_update.
     *
     * @return SAVED when the write may go ahead; INVALID or ABORTED when it must not
     */
    <T extends Model<?>> Outcome beforeSave(ModelSchema<T> schema, T record) {
        if (record.isDestroyed()) {
            throw new RecordNotSavedException(describe(schema, record) + " was destroyed; build a new record to store it again");
        }
        if (record.isPartial()) {
            throw new RecordNotSavedException(describe(schema, record) + " was loaded with project(...), so only some of its"
                    + " attributes were read and saving it would remove the others; reload() it first, or load it without project()");
        }
        if (record.isPersisted() && !schema.keyOf(record).equals(storedKey(schema, record))) {
            throw new InvalidKeyException(describe(schema, record) + ": the key of a saved record cannot change"
                    + " (DynamoDB has no key updates); build a new record with the new key and destroy the old one");
        }
        Callbacks callbacks = schema.callbacks();
        Associations.beforeSave(schema, record);
        Outcome validation = runValidations(schema, record);
        if (validation != Outcome.SAVED) {
            return validation;
        }
        boolean creating = !record.isPersisted();
        if (!callbacks.run(CallbackEvent.BEFORE_SAVE, record)
                || !callbacks.run(creating ? CallbackEvent.BEFORE_CREATE : CallbackEvent.BEFORE_UPDATE, record)) {
            return Outcome.ABORTED;
        }
        return Outcome.SAVED;
    }

    /** What a save does after its write: after_create or after_update, after_save, and the links waiting for a new record. */
    <T extends Model<?>> void afterSave(ModelSchema<T> schema, T record, boolean creating) {
        Callbacks callbacks = schema.callbacks();
        callbacks.run(creating ? CallbackEvent.AFTER_CREATE : CallbackEvent.AFTER_UPDATE, record);
        callbacks.run(CallbackEvent.AFTER_SAVE, record);
        if (creating) {
            for (Runnable action : RecordState.of(record).takeAfterCreate()) {
                action.run();
            }
        }
    }

    public <T extends Model<?>> boolean validate(T record) {
        return runValidations(schemaOf(record), record) == Outcome.SAVED;
    }

    private <T extends Model<?>> Outcome runValidations(ModelSchema<T> schema, T record) {
        Errors errors = record.errors();
        errors.clear();
        Callbacks callbacks = schema.callbacks();
        if (!callbacks.run(CallbackEvent.BEFORE_VALIDATION, record)) {
            return Outcome.ABORTED;
        }
        constraints.validate(record, errors);
        RecordState.validate(record, errors);
        callbacks.run(CallbackEvent.AFTER_VALIDATION, record);
        return errors.isEmpty() ? Outcome.SAVED : Outcome.INVALID;
    }

    private <T extends Model<?>> void create(ModelSchema<T> schema, String table, T record, UserCondition user) {
        // The last attempt failed without an answer: send the same item again, so that it is recognised if it was applied.
        boolean repeat = RecordState.of(record).outcomeUnknown();
        Prepared created = prepareCreate(schema, table, record, user.conditions());
        try {
            WriteSender.send(gateway, created.op(), repeat);
            created.written().run();
        } catch (RuntimeException e) {
            if (mayHaveBeenApplied(e)) {
                // Keep the generated key and timestamps: saving the same record again repeats this very write.
                RecordState.of(record).outcomeUnknown(true);
                throw e;
            }
            created.undo().run();
            throw e;
        }
    }

    private <T extends Model<?>> void update(ModelSchema<T> schema, String table, T record, UserCondition user) {
        RecordState state = RecordState.of(record);
        Prepared changes = prepareUpdate(schema, table, record, user.conditions(), state.outcomeUnknown());
        if (changes.op() == null) {
            changes.written().run();
            return;
        }
        try {
            WriteSender.send(gateway, changes.op(), state.outcomeUnknown());
            changes.written().run();
        } catch (RuntimeException e) {
            if (mayHaveBeenApplied(e)) {
                // Keep updatedAt: saving the record again repeats this very write and recognises it if it was applied.
                state.outcomeUnknown(true);
                throw e;
            }
            changes.undo().run();
            throw schema.partitioned() && e instanceof ConditionFailedException ? PartitionedWrites.stale(schema, record, e) : e;
        }
    }

    /**
     * A record's write built but not sent, for a save or a destroy alone or in a transaction.
     *
     * @param op the write, or null when there is nothing to write (a saved record without changes, a new record destroyed)
     * @param written what the record becomes once the write is stored: persisted, lock version moved, dirty tracking reset
     * @param undo gives the record back what preparing the write changed (a generated key, timestamps), when nothing was written
     */
    record Prepared(WriteOperation op, Runnable written, Runnable undo) {
    }

    /** A new record's put, its key free; the generated key and timestamps are set on the record until undone. */
    <T extends Model<?>> Prepared prepareCreate(ModelSchema<T> schema, String table, T record, List<Condition> conditions) {
        NewItem<T> created = NewItem.prepare(session, schema, record);
        try {
            return new Prepared(new PutItemOperation(table, created.storedKey(), created.storedItem(),
                    Guard.newRecord(schema.hashKey().name(), conditions), () -> describe(schema, record)),
                    created::written, created::undo);
        } catch (RuntimeException e) {
            created.undo();
            throw e;
        }
    }

    /**
     * A saved record's changed attributes, its lock version checked and bumped; updatedAt is set on
     * the record until undone. Without changes, the write is null and nothing is set.
     *
     * @param repeat whether the record's last write failed without an answer (its updatedAt is kept)
     */
    <T extends Model<?>> Prepared prepareUpdate(ModelSchema<T> schema, String table, T record, List<Condition> conditions,
            boolean repeat) {
        Map<String, AttributeValue> key = schema.keyOf(record);
        if (!key.equals(storedKey(schema, record))) {
            throw new InvalidKeyException(describe(schema, record) + ": the key of a saved record cannot change"
                    + " (DynamoDB has no key updates); build a new record with the new key and destroy the old one");
        }
        if (schema.partitioned()) {
            return PartitionedWrites.update(session, schema, table, record, conditions, repeat, false);
        }
        RecordState state = RecordState.of(record);
        Map<String, AttributeValue> item = schema.toItem(record);
        List<String> written = DirtyTracking.changedNames(schema, record, item);
        if (written.isEmpty()) {
            return new Prepared(null, state::unchanged, () -> { });
        }
        Map<String, AttributeValue> before = DirtyTracking.baseline(schema, record);
        Object previousUpdated = schema.updatedAt().map(a -> a.get(record)).orElse(null);
        Runnable undo = () -> schema.updatedAt().ifPresent(a -> a.set(record, previousUpdated));
        try {
            schema.updatedAt().filter(a -> !repeat).ifPresent(a -> {
                Instant now = Instant.now();
                a.set(record, now);
                item.put(a.name(), a.toAttributeValue(now));
                written.add(a.name());
            });
            List<UpdateAction> actions = new ArrayList<>(written.size() + 2);
            for (String name : written) {
                AttributeValue v = item.get(name);
                actions.add(UpdateAction.of(v == null ? UpdateAction.Kind.REMOVE : UpdateAction.Kind.SET, name, v));
            }
            for (IndexSchema index : schema.indexes()) {
                if (index.sharded() && written.contains(index.rangeKey().orElseThrow().name())
                        && item.containsKey(index.hashKeyName()) && !written.contains(index.hashKeyName())) {
                    actions.add(UpdateAction.of(UpdateAction.Kind.SET, index.hashKeyName(), item.get(index.hashKeyName())));
                }
            }
            String lock = session.lockAttribute(schema);
            long version = state.lockVersion();
            if (lock != null) {
                actions.add(UpdateAction.of(UpdateAction.Kind.SET, lock, AttributeValue.fromN(Long.toString(version + 1))));
            }
            UpdateItemOperation op = UpdateItemOperation.of(table, key, actions,
                    Guard.stored(schema.hashKey().name(), lock, version, conditions), () -> describe(schema, record)).sizedAs(item);
            return new Prepared(op, () -> {
                if (lock != null) {
                    state.lockVersion(version + 1);
                }
                written(record, before, item, written, key);
            }, undo);
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        }
    }

    static boolean mayHaveBeenApplied(RuntimeException e) {
        return e instanceof TransientFailureException t && t.mayHaveBeenApplied();
    }

    private void written(Model<?> record, Map<String, AttributeValue> before, Map<String, AttributeValue> item, List<String> names,
            Map<String, AttributeValue> key) {
        session.written(record, before, item, names, key);
    }

    public <T extends Model<?>> boolean destroy(T record, WriteCondition condition) {
        ModelSchema<T> schema = schemaOf(record);
        UserCondition user = UserCondition.of(schema, condition);
        Callbacks callbacks = schema.callbacks();
        if (!callbacks.run(CallbackEvent.BEFORE_DESTROY, record)) {
            return false;
        }
        Associations.beforeDestroy(schema, record);
        if (schema.partitioned()) {
            if (!user.conditions().isEmpty()) {
                throw PartitionedWrites.refused(schema, "destroy(condition)", "a condition is checked against one item");
            }
            delete(record);
            callbacks.run(CallbackEvent.AFTER_DESTROY, record);
            return true;
        }
        Prepared destroy = prepareDestroy(schema, record, user.conditions());
        if (destroy.op() != null) {
            WriteSender.send(gateway, destroy.op());
        }
        destroy.written().run();
        callbacks.run(CallbackEvent.AFTER_DESTROY, record);
        return true;
    }

    /** A destroy's delete, guarded by the lock version (an item already gone is fine); null for a record never saved. */
    <T extends Model<?>> Prepared prepareDestroy(ModelSchema<T> schema, T record, List<Condition> conditions) {
        Runnable destroyed = () -> RecordState.of(record).destroyed(true);
        if (!record.isPersisted()) {
            return new Prepared(null, destroyed, () -> { });
        }
        String lock = session.lockAttribute(schema);
        return new Prepared(new DeleteItemOperation(session.ready(schema), storedKey(schema, record),
                Guard.destroying(schema.hashKey().name(), lock, RecordState.of(record).lockVersion(), conditions),
                () -> describe(schema, record)), destroyed, () -> { });
    }

    public <T extends Model<?>> void delete(T record) {
        ModelSchema<T> schema = schemaOf(record);
        if (record.isPersisted() && schema.partitioned()) {
            PartitionedWrites.deleteCopies(session, schema, session.ready(schema), storedKey(schema, record),
                    describe(schema, record));
        } else if (record.isPersisted()) {
            WriteSender.send(gateway, DeleteItemOperation.of(session.ready(schema), storedKey(schema, record),
                    describe(schema, record)));
        }
        RecordState.of(record).destroyed(true);
    }

    public <T extends Model<?>> void touch(T record) {
        ModelSchema<T> schema = schemaOf(record);
        if (!record.isPersisted()) {
            throw new RecordNotSavedException(describe(schema, record) + " is not saved; touch() updates a stored record's"
                    + " updatedAt, so save it first");
        }
        if (schema.partitioned()) {
            PartitionedWrites.touch(session, schema, record);
            schema.callbacks().run(CallbackEvent.AFTER_TOUCH, record);
            return;
        }
        String lock = session.lockAttribute(schema);
        Map<String, AttributeValue> set = new HashMap<>();
        Object previous = schema.updatedAt().map(a -> a.get(record)).orElse(null);
        Instant now = Instant.now();
        schema.updatedAt().ifPresent(a -> set.put(a.name(), a.toAttributeValue(now)));
        if (set.isEmpty() && lock == null) {
            return;
        }
        RecordState state = RecordState.of(record);
        List<UpdateAction> actions = new ArrayList<>(2);
        set.forEach((name, value) -> actions.add(UpdateAction.of(UpdateAction.Kind.SET, name, value)));
        if (lock != null) {
            actions.add(UpdateAction.of(UpdateAction.Kind.SET, lock, AttributeValue.fromN(Long.toString(state.lockVersion() + 1))));
        }
        WriteSender.send(gateway, UpdateItemOperation.of(session.ready(schema), storedKey(schema, record), actions,
                Guard.stored(schema.hashKey().name(), lock, state.lockVersion(), List.of()), () -> describe(schema, record)));
        if (lock != null) {
            state.lockVersion(state.lockVersion() + 1);
        }
        schema.updatedAt().ifPresent(a -> {
            a.set(record, now);
            Map<String, AttributeValue> base = new HashMap<>(DirtyTracking.baseline(schema, record));
            base.put(a.name(), set.get(a.name()));
            state.touched(base, Map.of(a.name(), new Change(previous, now)));
        });
        schema.callbacks().run(CallbackEvent.AFTER_TOUCH, record);
    }

    public <T extends Model<?>> void reload(T record) {
        ModelSchema<T> schema = schemaOf(record);
        String what = describe(schema, record);
        Map<String, AttributeValue> key = record.isPersisted() ? storedKey(schema, record) : schema.keyOf(record);
        Map<String, AttributeValue> item = (schema.partitioned()
                ? Optional.ofNullable(PartitionReads.newest(session, schema, session.ready(schema), key, true, what))
                : GetItemOperation.execute(gateway, session.ready(schema), key, true, what))
                .orElseThrow(() -> new RecordNotFoundException(what + " no longer exists in table " + session.tableName(schema.type())));
        T fresh = schema.newInstance();
        schema.readItem(item, fresh);
        schema.copyAttributes(fresh, record);
        session.loaded(schema, record, item, key, false);
        record.errors().clear();
    }

    public <T extends Model<?>> T build(Class<T> type) {
        ModelSchema<T> schema = session.schema(type);
        T record = schema.newInstance();
        record.using(session.session());
        schema.callbacks().run(CallbackEvent.AFTER_INITIALIZE, record);
        return record;
    }

    /** The user's condition on a write, checked and converted once, before any request. */
    private record UserCondition(List<Condition> conditions) {

        static final UserCondition NONE = new UserCondition(List.of());

        static UserCondition of(ModelSchema<?> schema, WriteCondition condition) {
            if (condition == null || condition.isEmpty()) {
                return NONE;
            }
            return new UserCondition(WriteConditions.of(schema, condition));
        }
    }

    private static Map<String, AttributeValue> storedKey(ModelSchema<?> schema, Model<?> record) {
        return RecordState.of(record).storedKey(schema);
    }

    /** The schema this session converts the record's values with. */
    @SuppressWarnings("unchecked")
    private <T extends Model<?>> ModelSchema<T> schemaOf(T record) {
        return session.schema((Class<T>) record.getClass());
    }

    private static String describe(ModelSchema<?> schema, Object record) {
        return Records.describe(schema, record);
    }
}
