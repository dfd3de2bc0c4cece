package dev.dynarecord.internal.persist;

import dev.dynarecord.Model;
import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.exception.InvalidUpdateException;
import dev.dynarecord.exception.StaleRecordException;
import dev.dynarecord.internal.dynamo.BatchWriteOperation;
import dev.dynarecord.internal.dynamo.Guard;
import dev.dynarecord.internal.dynamo.PutItemOperation;
import dev.dynarecord.internal.dynamo.WriteSender;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.Partitions;
import dev.dynarecord.internal.state.DirtyTracking;
import dev.dynarecord.internal.state.RecordState;
import dev.dynarecord.internal.state.Records;
import dev.dynarecord.internal.state.SessionState;
import dev.dynarecord.query.Condition;
import dev.dynarecord.query.Operator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The writes of a partitioned model's saved records (docs/partitioning.md). A save puts the whole
 * record, with the next lock version, into one copy chosen at random, on the condition that the
 * copy holds no newer version: a write never moves a copy backwards, and a save that finds a newer
 * version in its copy is stale. A destroy or delete removes every copy. What needs one item (a
 * condition of the user's, an atomic update, a transaction) is refused with a message.
 */
final class PartitionedWrites {

    private PartitionedWrites() {
    }

    /**
     * A saved record's put into a random copy; without changes (and unless {@code touch}), no write.
     *
     * @param touch whether to write even without changes (a touch: only updatedAt moves)
     * @param repeat whether the record's last write failed without an answer (its updatedAt is kept)
     */
    static <T extends Model<?>> Persistence.Prepared update(SessionState session, ModelSchema<T> schema, String table,
            T record, List<Condition> conditions, boolean repeat, boolean touch) {
        if (!conditions.isEmpty()) {
            throw refused(schema, "save(condition)", "a condition is checked against one item, and a partitioned record is"
                    + " up to " + schema.partitions().count() + " copies; save it without a condition");
        }
        Partitions partitions = schema.partitions();
        RecordState state = RecordState.of(record);
        Map<String, AttributeValue> key = state.storedKey(schema);
        Map<String, AttributeValue> item = schema.toItem(record);
        List<String> written = DirtyTracking.changedNames(schema, record, item);
        if (written.isEmpty() && !touch) {
            return new Persistence.Prepared(null, state::unchanged, () -> { });
        }
        Map<String, AttributeValue> before = DirtyTracking.baseline(schema, record);
        Object previousUpdated = schema.updatedAt().map(a -> a.get(record)).orElse(null);
        Runnable undo = () -> schema.updatedAt().ifPresent(a -> a.set(record, previousUpdated));
        schema.updatedAt().filter(a -> !repeat).ifPresent(a -> {
            Instant now = Instant.now();
            a.set(record, now);
            item.put(a.name(), a.toAttributeValue(now));
            if (!written.contains(a.name())) {
                written.add(a.name());
            }
        });
        String lock = session.lockAttribute(schema);
        long next = state.lockVersion() + 1;
        AttributeValue version = AttributeValue.fromN(Long.toString(next));
        item.put(lock, version);
        int copy = partitions.randomCopy();
        Condition older = new Condition(lock, lock, Operator.LT, List.of(next), List.of(version));
        try {
            PutItemOperation put = new PutItemOperation(table, partitions.copy(key, copy), partitions.copy(item, copy),
                    Guard.destroying(schema.hashKey().name(), null, 0, List.of(older)), () -> Records.describe(schema, record));
            return new Persistence.Prepared(put, () -> {
                state.lockVersion(next);
                session.written(record, before, item, written, key);
            }, undo);
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        }
    }

    /** A touch of a partitioned record: a save of the whole record with a new updatedAt, into a random copy. */
    static <T extends Model<?>> void touch(SessionState session, ModelSchema<T> schema, T record) {
        Persistence.Prepared touched = update(session, schema, session.ready(schema), record, List.of(), false, true);
        try {
            WriteSender.send(session.gateway(), touched.op());
        } catch (ConditionFailedException e) {
            touched.undo().run();
            throw stale(schema, record, e);
        }
        touched.written().run();
    }

    /** @return the exception for a save whose copy held a newer version than the one it would write */
    static StaleRecordException stale(ModelSchema<?> schema, Model<?> record, RuntimeException refusal) {
        return new StaleRecordException(Records.describe(schema, record) + " was changed since it was read: the copy this save"
                + " chose already holds lock version " + (RecordState.of(record).lockVersion() + 1) + " or later; reload() it"
                + " and apply the change again. Nothing was written", refusal);
    }

    /** Deletes every copy of a saved record: a destroy's or a delete's write. */
    static void deleteCopies(SessionState session, ModelSchema<?> schema, String table, Map<String, AttributeValue> key,
            String what) {
        BatchWriteOperation.delete(session.gateway(), table, schema.partitions().copies(key), what);
    }

    /** @return the exception for an operation a partitioned model cannot have */
    static InvalidUpdateException refused(ModelSchema<?> schema, String operation, String why) {
        return new InvalidUpdateException(schema.modelName() + " is partitioned: " + operation + " is not supported, since "
                + why + " (docs/partitioning.md). Nothing was written");
    }
}
