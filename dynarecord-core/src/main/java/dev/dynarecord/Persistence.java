package dev.dynarecord;

import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import dev.dynarecord.internal.dynamo.ConditionExpressions;
import dev.dynarecord.internal.dynamo.CreateItemOperation;
import dev.dynarecord.internal.dynamo.DeleteItemOperation;
import dev.dynarecord.internal.dynamo.GetItemOperation;
import dev.dynarecord.internal.dynamo.Guard;
import dev.dynarecord.internal.dynamo.UpdateItemOperation;
import dev.dynarecord.lifecycle.Change;
import dev.dynarecord.lifecycle.Errors;
import dev.dynarecord.internal.persist.Validations;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.query.Condition;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.CallbackEvent;
import dev.dynarecord.internal.schema.Callbacks;
import dev.dynarecord.internal.schema.IndexSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A session's writes of records, with their lifecycle: validations, callbacks in ActiveRecord's
 * order, dirty tracking (only changed attributes are written) and optimistic locking. Thread-safe
 * (records themselves are not).
 */
final class Persistence {

    /** How a save ended. */
    private static final AttributeValue ONE = AttributeValue.fromN("1");

    enum Outcome {
        SAVED, INVALID, ABORTED
    }

    private final Session session;
    private final DynamoDbGateway gateway;

    Persistence(Session session, DynamoDbGateway gateway) {
        this.session = session;
        this.gateway = gateway;
    }

    <T extends Model<T>> Outcome save(T record) {
        return save(record, null);
    }

    /**
     * @param condition the user's condition on the write, or null; checked and converted before anything runs
     */
    <T extends Model<T>> Outcome save(T record, WriteCondition condition) {
        ModelSchema<T> schema = schemaOf(record);
        UserCondition user = UserCondition.of(schema, condition);
        session.lockVersionName(schema); // a model that declares the lock attribute is refused before anything runs
        if (record.isDestroyed()) {
            throw new RecordNotSavedException(describe(schema, record) + " was destroyed; build a new record to store it again");
        }
        if (record.isPartial()) {
            throw new RecordNotSavedException(describe(schema, record) + " was loaded with project(...), so only some of its"
                    + " attributes were read and saving it would remove the others; reload() it first, or load it without project()");
        }
        if (record.isPersisted() && !schema.keyOf(record).equals(record.storedKey())) {
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
        String table = session.ready(schema);
        if (creating) {
            create(schema, table, record, user);
        } else {
            update(schema, table, record, user);
        }
        callbacks.run(creating ? CallbackEvent.AFTER_CREATE : CallbackEvent.AFTER_UPDATE, record);
        callbacks.run(CallbackEvent.AFTER_SAVE, record);
        if (creating) {
            for (Runnable action : record.takeAfterCreate()) {
                action.run();
            }
        }
        return Outcome.SAVED;
    }

    <T extends Model<T>> boolean validate(T record) {
        return runValidations(schemaOf(record), record) == Outcome.SAVED;
    }

    private <T extends Model<T>> Outcome runValidations(ModelSchema<T> schema, T record) {
        Errors errors = record.errors();
        errors.clear();
        Callbacks callbacks = schema.callbacks();
        if (!callbacks.run(CallbackEvent.BEFORE_VALIDATION, record)) {
            return Outcome.ABORTED;
        }
        Validations.validateConstraints(record, errors);
        record.validate(errors);
        callbacks.run(CallbackEvent.AFTER_VALIDATION, record);
        return errors.isEmpty() ? Outcome.SAVED : Outcome.INVALID;
    }

    private <T extends Model<T>> void create(ModelSchema<T> schema, String table, T record, UserCondition user) {
        AttributeSchema hash = schema.hashKey();
        AttributeSchema created = schema.createdAt().orElse(null);
        AttributeSchema updated = schema.updatedAt().orElse(null);
        Object previousHash = hash.get(record);
        AttributeSchema range = schema.rangeKey().orElse(null);
        Object previousRange = range == null ? null : range.get(record);
        Object previousCreated = created == null ? null : created.get(record);
        Object previousUpdated = updated == null ? null : updated.get(record);
        try {
            if (previousHash == null && schema.generatesHashKey()) {
                UUID generated = UUID.randomUUID();
                hash.set(record, hash.javaType() == UUID.class ? generated : generated.toString());
            }
            if (previousRange == null && schema.generatesRangeKey()) {
                range.set(record, UUID.randomUUID().toString());
            }
            if (created != null || updated != null) {
                Instant now = Instant.now();
                if (created != null && previousCreated == null) {
                    created.set(record, now);
                }
                if (updated != null) {
                    updated.set(record, now);
                }
            }
            Map<String, AttributeValue> item = schema.toItem(record);
            Map<String, AttributeValue> key = schema.keyOfItem(item);
            String lock = session.lockAttribute(schema);
            if (lock != null) {
                // Also in the baseline, where it is harmless: changes are only looked for in declared attributes.
                item.put(lock, ONE);
            }
            CreateItemOperation.execute(gateway, table, hash.name(), key, item,
                    user == UserCondition.NONE ? null : user.guard(schema, null, 0), () -> describe(schema, record));
            record.tracking().lockVersion = lock != null ? 1 : 0;
            written(record, Map.of(), item, null, key);
        } catch (RuntimeException e) {
            hash.set(record, previousHash);
            if (range != null) {
                range.set(record, previousRange);
            }
            if (created != null) {
                created.set(record, previousCreated);
            }
            if (updated != null) {
                updated.set(record, previousUpdated);
            }
            throw e;
        }
    }

    private <T extends Model<T>> void update(ModelSchema<T> schema, String table, T record, UserCondition user) {
        Map<String, AttributeValue> key = schema.keyOf(record);
        if (!key.equals(record.storedKey())) {
            throw new InvalidKeyException(describe(schema, record) + ": the key of a saved record cannot change"
                    + " (DynamoDB has no key updates); build a new record with the new key and destroy the old one");
        }
        Map<String, AttributeValue> item = schema.toItem(record);
        List<String> written = DirtyTracking.changedNames(schema, record, item);
        if (written.isEmpty()) {
            Model.Tracking t = record.tracking();
            t.previousChanges = Map.of();
            t.previousItem = null;
            return;
        }
        Map<String, AttributeValue> before = DirtyTracking.baseline(schema, record);
        Object previousUpdated = schema.updatedAt().map(a -> a.get(record)).orElse(null);
        try {
            schema.updatedAt().ifPresent(a -> {
                Instant now = Instant.now();
                a.set(record, now);
                item.put(a.name(), a.toAttributeValue(now));
                written.add(a.name());
            });
            Map<String, AttributeValue> set = new HashMap<>();
            List<String> remove = new ArrayList<>();
            for (String name : written) {
                AttributeValue v = item.get(name);
                if (v == null) {
                    remove.add(name);
                } else {
                    set.put(name, v);
                }
            }
            for (IndexSchema index : schema.indexes()) {
                if (index.sharded() && written.contains(index.rangeKey().orElseThrow().name())
                        && item.containsKey(index.hashKeyName())) {
                    set.put(index.hashKeyName(), item.get(index.hashKeyName()));
                }
            }
            String lock = session.lockAttribute(schema);
            Model.Tracking t = record.tracking();
            UpdateItemOperation.execute(gateway, table, key, set, remove, user.guard(schema, lock, t.lockVersion), item,
                    describe(schema, record));
            if (lock != null) {
                t.lockVersion++;
            }
            written(record, before, item, written, key);
        } catch (RuntimeException e) {
            schema.updatedAt().ifPresent(a -> a.set(record, previousUpdated));
            throw e;
        }
    }

    private void written(Model<?> record, Map<String, AttributeValue> before, Map<String, AttributeValue> item, List<String> names,
            Map<String, AttributeValue> key) {
        Model.Tracking t = record.tracking();
        t.baseline = item;
        t.normalised = true;
        t.previousChanges = null;
        t.previousBase = before;
        t.previousItem = item;
        t.previousNames = names;
        record.markPersisted(session, key);
    }

    <T extends Model<T>> boolean destroy(T record, WriteCondition condition) {
        ModelSchema<T> schema = schemaOf(record);
        UserCondition user = UserCondition.of(schema, condition);
        Callbacks callbacks = schema.callbacks();
        if (!callbacks.run(CallbackEvent.BEFORE_DESTROY, record)) {
            return false;
        }
        Associations.beforeDestroy(schema, record);
        if (record.isPersisted()) {
            String lock = session.lockAttribute(schema);
            DeleteItemOperation.execute(gateway, session.ready(schema), record.storedKey(),
                    user.guard(schema, lock, record.tracking().lockVersion), describe(schema, record));
        }
        record.markDestroyed();
        callbacks.run(CallbackEvent.AFTER_DESTROY, record);
        return true;
    }

    <T extends Model<T>> void delete(T record) {
        ModelSchema<T> schema = schemaOf(record);
        if (record.isPersisted()) {
            DeleteItemOperation.execute(gateway, session.ready(schema), record.storedKey(), describe(schema, record));
        }
        record.markDestroyed();
    }

    <T extends Model<T>> void touch(T record) {
        ModelSchema<T> schema = schemaOf(record);
        if (!record.isPersisted()) {
            throw new RecordNotSavedException(describe(schema, record) + " is not saved; touch() updates a stored record's"
                    + " updatedAt, so save it first");
        }
        String lock = session.lockAttribute(schema);
        Map<String, AttributeValue> set = new HashMap<>();
        Object previous = schema.updatedAt().map(a -> a.get(record)).orElse(null);
        Instant now = Instant.now();
        schema.updatedAt().ifPresent(a -> set.put(a.name(), a.toAttributeValue(now)));
        if (set.isEmpty() && lock == null) {
            return;
        }
        Model.Tracking t = record.tracking();
        UpdateItemOperation.execute(gateway, session.ready(schema), record.storedKey(), set, List.of(),
                Guard.of(schema.hashKey().name(), lock, t.lockVersion), null, describe(schema, record));
        if (lock != null) {
            t.lockVersion++;
        }
        schema.updatedAt().ifPresent(a -> {
            a.set(record, now);
            Map<String, AttributeValue> base = new HashMap<>(DirtyTracking.baseline(schema, record));
            base.put(a.name(), set.get(a.name()));
            t.baseline = base;
            t.previousChanges = Map.of(a.name(), new Change(previous, now));
        });
        schema.callbacks().run(CallbackEvent.AFTER_TOUCH, record);
    }

    <T extends Model<T>> void reload(T record) {
        ModelSchema<T> schema = schemaOf(record);
        String what = describe(schema, record);
        Map<String, AttributeValue> key = record.isPersisted() ? record.storedKey() : schema.keyOf(record);
        Map<String, AttributeValue> item = GetItemOperation.execute(gateway, session.ready(schema), key, true, what)
                .orElseThrow(() -> new RecordNotFoundException(what + " no longer exists in table " + session.tableName(schema.type())));
        T fresh = schema.newInstance();
        schema.readItem(item, fresh);
        schema.copyAttributes(fresh, record);
        loaded(schema, record, item, key);
        record.errors().clear();
    }

    <T extends Model<T>> T load(ModelSchema<T> schema, Map<String, AttributeValue> item) {
        return load(schema, item, false);
    }

    /** @param partial whether the item holds only projected attributes: the record is partial before after_find runs */
    <T extends Model<T>> T load(ModelSchema<T> schema, Map<String, AttributeValue> item, boolean partial) {
        T record = schema.newInstance();
        schema.readItem(item, record);
        loaded(schema, record, item, null);
        if (partial) {
            record.markPartial();
        }
        Callbacks callbacks = schema.callbacks();
        callbacks.run(CallbackEvent.AFTER_FIND, record);
        callbacks.run(CallbackEvent.AFTER_INITIALIZE, record);
        return record;
    }

    private <T extends Model<T>> void loaded(ModelSchema<T> schema, T record, Map<String, AttributeValue> item,
            Map<String, AttributeValue> key) {
        Model.Tracking t = record.tracking();
        t.baseline = item;
        t.normalised = false;
        t.previousChanges = null;
        t.previousItem = null;
        String lock = session.lockAttribute(schema);
        AttributeValue version = lock == null ? null : item.get(lock);
        t.lockVersion = version == null || version.n() == null ? 0 : Long.parseLong(version.n());
        record.markPersisted(session, key);
    }

    <T extends Model<T>> T build(Class<T> type) {
        ModelSchema<T> schema = Schemas.of(type);
        T record = schema.newInstance();
        record.using(session);
        schema.callbacks().run(CallbackEvent.AFTER_INITIALIZE, record);
        return record;
    }

    /** The user's condition on a write, converted once. */
    private record UserCondition(List<Condition> conditions, String text) {

        static final UserCondition NONE = new UserCondition(List.of(), null);

        static UserCondition of(ModelSchema<?> schema, WriteCondition condition) {
            if (condition == null || condition.isEmpty()) {
                return NONE;
            }
            List<Condition> conditions = condition.conditions(schema);
            return new UserCondition(conditions, conditions.stream().map(Condition::toString)
                    .collect(java.util.stream.Collectors.joining(" AND ")));
        }

        Guard guard(ModelSchema<?> schema, String lock, long version) {
            return new Guard(schema.hashKey().name(), lock, version,
                    conditions.isEmpty() ? null : p -> ConditionExpressions.render(conditions, p), text);
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends Model<T>> ModelSchema<T> schemaOf(T record) {
        return Schemas.of((Class<T>) record.getClass());
    }

    static String describe(ModelSchema<?> schema, Object record) {
        Object hash = schema.hashKey().get(record);
        Object range = schema.rangeKey().map(r -> r.get(record)).orElse(null);
        return schema.modelName() + (hash == null ? " (new, no key yet)" : " " + keyText(hash, range));
    }

    static String keyText(Object hash, Object range) {
        return range == null ? "'" + hash + "'" : "'" + hash + "'/'" + range + "'";
    }
}
