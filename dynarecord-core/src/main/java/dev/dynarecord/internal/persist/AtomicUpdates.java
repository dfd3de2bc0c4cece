package dev.dynarecord.internal.persist;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.internal.condition.Conditions;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import dev.dynarecord.internal.dynamo.Guard;
import dev.dynarecord.internal.dynamo.ItemSize;
import dev.dynarecord.internal.dynamo.UpdateAction;
import dev.dynarecord.internal.dynamo.UpdateItemOperation;
import dev.dynarecord.internal.dynamo.WriteSender;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.IndexSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.DirtyTracking;
import dev.dynarecord.internal.state.RecordState;
import dev.dynarecord.internal.state.Records;
import dev.dynarecord.internal.state.SessionState;
import dev.dynarecord.lifecycle.Update;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.query.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** A session's atomic updates: one UpdateItem each, no record loaded first. Thread-safe. */
public final class AtomicUpdates {

    private final SessionState session;
    private final DynamoDbGateway gateway;

    public AtomicUpdates(SessionState session) {
        this.session = session;
        this.gateway = session.gateway();
    }

    /**
     * Applies an atomic update to the item with a key and returns the record as stored afterwards
     * (see {@link Finder#update(Object, Consumer)} and {@link Finder#upsert(Object, Consumer)}).
     * Every change and condition is checked before any request.
     */
    public <T extends Model<?>> T update(Class<T> type, Object hash, Object range, WriteCondition condition,
            Consumer<Update> changes, boolean upsert) {
        Objects.requireNonNull(changes, "changes");
        ModelSchema<T> schema = session.schema(type);
        Map<String, AttributeValue> key = schema.key(hash, range);
        Checked checked = check(schema, condition, changes, upsert, () -> schema.modelName() + " " + Records.keyText(hash, range));
        Map<String, AttributeValue> item = send(checked, key, ReturnValue.ALL_NEW, () -> new RecordNotFoundException("no "
                + schema.modelName() + " with key " + Records.keyText(hash, range) + " in table " + session.tableName(type)
                + "; use upsert to create it (nothing was written)"));
        return session.load(schema, item);
    }

    /**
     * Checks an atomic update against its model once, sending nothing: its changes, its condition, and
     * whether its own values already exceed the item size DynamoDB stores. What {@link #send} applies,
     * to one item or, for {@code Query.updateAll}, to each of many.
     *
     * @param schema the model's schema
     * @param condition what each item must hold, or null
     * @param changes the changes, given to an {@link Update} that checks them as they are made
     * @param upsert whether a missing item is created
     * @param what the items updated, for messages
     * @return the checked update
     */
    public Checked check(ModelSchema<?> schema, WriteCondition condition, Consumer<Update> changes, boolean upsert,
            Supplier<String> what) {
        if (schema.partitioned()) {
            throw PartitionedWrites.refused(schema, upsert ? "upsert(...)" : "an atomic update", "it changes one item in"
                    + " place, and a partitioned record is up to " + schema.partitions().count() + " copies: load the record,"
                    + " change it and save() it");
        }
        UpdateBuilder update = new UpdateBuilder(schema);
        changes.accept(update);
        List<Condition> given = WriteConditions.of(schema, condition == null ? WriteCondition.none() : condition);
        // Through a subclass's finder, an item of another class of its table is not one of its records. An upsert
        // without conditions of its own may create the item or change one of its class; with them, an absent item
        // must still be judged by them, so no type condition can join (docs/inheritance.md).
        Optional<Condition> type = Conditions.typeCondition(schema);
        boolean typed = type.isPresent() && (!upsert || given.isEmpty());
        List<Condition> conditions = typed ? with(given, type.get()) : given;
        refuseKnownOversize(Map.of(), update.actions(), what);
        return new Checked(schema, update, conditions, upsert, upsert && typed);
    }

    /**
     * Sends a checked update to the item with a key: one UpdateItem that also sets {@code updatedAt}
     * (and {@code createdAt} on an upsert), the shards of the timestamp indexes, and adds 1 to the lock version.
     *
     * @param checked the update
     * @param key the item's key
     * @param returning what DynamoDB returns
     * @param whenAbsent the exception when the item must exist and does not
     * @return what DynamoDB returned
     */
    public Map<String, AttributeValue> send(Checked checked, Map<String, AttributeValue> key, ReturnValue returning,
            Supplier<? extends DynarecordException> whenAbsent) {
        return WriteSender.send(gateway, operation(checked, key, returning, whenAbsent));
    }

    /**
     * Builds what {@link #send} sends, without sending it: for a transaction.
     *
     * @param checked the update
     * @param key the item's key
     * @param returning what DynamoDB returns, or null
     * @param whenAbsent the exception when the item must exist and does not
     * @return the write
     */
    public UpdateItemOperation operation(Checked checked, Map<String, AttributeValue> key, ReturnValue returning,
            Supplier<? extends DynarecordException> whenAbsent) {
        ModelSchema<?> schema = checked.schema();
        boolean upsert = checked.upsert();
        List<UpdateAction> all = atomicChanges(schema, key, checked.update());
        Instant now = Instant.now();
        schema.updatedAt().ifPresent(a -> all.add(UpdateAction.of(
                UpdateAction.Kind.SET, a.name(), a.toAttributeValue(now))));
        if (upsert) {
            schema.createdAt().ifPresent(a -> all.add(UpdateAction.of(
                    UpdateAction.Kind.SET_IF_NOT_EXISTS, a.name(), a.toAttributeValue(now))));
        }
        if (upsert) {
            schema.discriminator().ifPresent(d -> all.add(UpdateAction.of(UpdateAction.Kind.SET_IF_NOT_EXISTS, d.attribute(),
                    AttributeValue.fromS(d.value()))));
        }
        timestampShards(schema, key, upsert, all);
        session.lockVersionName(schema).ifPresent(lock -> all.add(UpdateAction.of(
                UpdateAction.Kind.ADD, lock, AttributeValue.fromN("1"))));

        Supplier<String> what = () -> Records.describeKey(schema, key);
        refuseKnownOversize(key, all, what);
        String table = session.ready(schema);
        Guard.Existence existence = !upsert ? Guard.Existence.MUST_EXIST
                : checked.absentOrHolds() ? Guard.Existence.ABSENT_OR_HOLDS : Guard.Existence.EITHER;
        Guard guard = new Guard(existence, schema.hashKey().name(), null, 0,
                checked.conditions());
        UpdateItemOperation op = UpdateItemOperation.of(table, key, all, guard, what).returning(returning);
        op = session.lockVersionName(schema).map(op::bumping).orElse(op);
        return op.whenAbsent(whenAbsent);
    }

    /**
     * An atomic update checked against its model ({@link #check}), ready to be sent to any number of items.
     *
     * @param schema the model's schema
     * @param update the changes
     * @param conditions what each item must hold, converted
     * @param upsert whether a missing item is created
     * @param absentOrHolds whether an upsert's item must be absent or hold the conditions (a subclass's type condition)
     */
    public record Checked(ModelSchema<?> schema, UpdateBuilder update, List<Condition> conditions, boolean upsert,
            boolean absentOrHolds) {
    }

    /**
     * Adds to a number field of a saved record's item atomically and sets the field from the new
     * stored value (see {@link Model#increment(String, Number)}). No lock version, no updatedAt.
     */
    @SuppressWarnings("unchecked")
    public <T extends Model<?>> void increment(T record, String field, Number by, boolean down) {
        ModelSchema<T> schema = session.schema((Class<T>) record.getClass());
        String what = Records.describe(schema, record);
        if (schema.partitioned()) {
            throw PartitionedWrites.refused(schema, down ? "decrement(...)" : "increment(...)", "it adds to one item in"
                    + " place, and a partitioned record is up to " + schema.partitions().count() + " copies: change the field"
                    + " and save() the record");
        }
        if (record.isDestroyed()) {
            throw new RecordNotSavedException(what + " was destroyed; there is no item to " + (down ? "decrement" : "increment"));
        }
        if (!record.isPersisted()) {
            throw new RecordNotSavedException(what + " is new: " + (down ? "decrement" : "increment") + " changes the stored"
                    + " item, and there is none yet; save it first (or set the field before saving)");
        }
        UpdateBuilder update = new UpdateBuilder(schema);
        if (down) {
            update.decrement(field, by);
        } else {
            update.increment(field, by);
        }
        Map<String, AttributeValue> key = RecordState.of(record).storedKey(schema);
        List<UpdateAction> all = atomicChanges(schema, key, update);
        String table = session.ready(schema);
        Map<String, AttributeValue> updated = WriteSender.send(gateway, UpdateItemOperation.of(table, key, all,
                Guard.stored(schema.hashKey().name(), null, 0, List.of()), () -> what)
                .returning(ReturnValue.UPDATED_NEW)
                .whenAbsent(() -> new RecordNotFoundException(what + " no longer exists in table " + table
                        + " (deleted since it was loaded); nothing was written")));
        AttributeSchema a = schema.attributeOrField(field).orElseThrow();
        AttributeValue value = updated.get(a.name());
        if (value != null) {
            Object stored = a.fromAttributeValue(value);
            a.set(record, stored);
            // The stored value is the baseline now: a later save must not write it back over other increments.
            Map<String, AttributeValue> base = new java.util.HashMap<>(DirtyTracking.baseline(schema, record));
            base.put(a.name(), a.toAttributeValue(stored));
            RecordState.of(record).rebase(base);
        }
    }

    /**
     * An update whose own values already make the item larger than DynamoDB stores is refused before
     * sending: the key and the values it sets or adds are part of the item after it, whatever else is stored.
     */
    private static void refuseKnownOversize(Map<String, AttributeValue> key, List<UpdateAction> actions, Supplier<String> what) {
        Map<String, AttributeValue> least = new java.util.HashMap<>(key);
        for (UpdateAction a : actions) {
            if (a.value() != null && a.kind() != UpdateAction.Kind.DELETE) {
                least.put(a.attribute(), a.value());
            }
        }
        ItemSize.check(least, () -> what.get() + " after the update");
    }

    /** The shard attribute of every sharded range index over a timestamp the update sets (as for a field, from the key). */
    private static void timestampShards(ModelSchema<?> schema, Map<String, AttributeValue> key, boolean upsert,
            List<UpdateAction> all) {
        for (IndexSchema index : schema.indexes()) {
            if (!index.sharded()) {
                continue;
            }
            AttributeSchema range = index.rangeKey().orElseThrow();
            boolean set = schema.updatedAt().filter(range::equals).isPresent()
                    || upsert && schema.createdAt().filter(range::equals).isPresent();
            if (set && all.stream().noneMatch(c -> c.attribute().equals(index.hashKeyName()))) {
                all.add(UpdateAction.of(UpdateAction.Kind.SET, index.hashKeyName(),
                        AttributeValue.fromN(Integer.toString(schema.shardOf(key, index.shards())))));
            }
        }
    }

    /** The update's changes, plus the shard attribute of every sharded range index whose field gets a value. */
    private static List<UpdateAction> atomicChanges(ModelSchema<?> schema,
            Map<String, AttributeValue> key, UpdateBuilder update) {
        List<UpdateAction> all = new ArrayList<>();
        Set<String> shards = new HashSet<>();
        for (UpdateAction action : update.actions()) {
            all.add(UpdateAction.of(
                    action.kind(),
                    action.attribute(), action.value()));
            if (action.kind() == UpdateAction.Kind.REMOVE) {
                continue;
            }
            for (IndexSchema index : schema.indexes()) {
                // The shard comes from the key alone, so it is the same whatever the update does.
                if (index.sharded() && index.rangeKey().map(r -> r.name().equals(action.attribute())).orElse(false)
                        && shards.add(index.hashKeyName())) {
                    all.add(UpdateAction.of(
                            UpdateAction.Kind.SET, index.hashKeyName(),
                            AttributeValue.fromN(Integer.toString(schema.shardOf(key, index.shards())))));
                }
            }
        }
        return all;
    }


    private static List<Condition> with(List<Condition> conditions, Condition more) {
        List<Condition> all = new ArrayList<>(conditions);
        all.add(more);
        return List.copyOf(all);
    }
}
