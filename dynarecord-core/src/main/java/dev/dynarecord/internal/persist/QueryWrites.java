package dev.dynarecord.internal.persist;

import dev.dynarecord.Model;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.exception.InvalidUpdateException;
import dev.dynarecord.exception.PartialWriteException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.internal.dynamo.BatchWriteOperation;
import dev.dynarecord.internal.dynamo.DeleteItemOperation;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.Records;
import dev.dynarecord.internal.state.SessionState;
import dev.dynarecord.lifecycle.Update;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Writes over the records a query matches: {@code Query.deleteAll}, {@code destroyAll} and
 * {@code updateAll}. The query hands over its keys or records as it reads them, a page at a time
 * (the engine connects the two features), and each write goes out as its key or record comes in,
 * so memory stays bounded however many match. A failure after some writes were made is a
 * {@link PartialWriteException} counting them; repeating the call finishes the job, because what
 * was deleted no longer matches. Thread-safe.
 */
public final class QueryWrites {

    private final SessionState session;
    private final AtomicUpdates atomicUpdates;

    /**
     * @param session the session's state
     * @param atomicUpdates the session's atomic updates, whose path {@link #updateAll} sends each update through
     */
    public QueryWrites(SessionState session, AtomicUpdates atomicUpdates) {
        this.session = session;
        this.atomicUpdates = atomicUpdates;
    }

    /**
     * Deletes the items of these keys with BatchWriteItem, 25 a request, as they come: no record is
     * loaded, no callback runs, no dependent is touched.
     *
     * @param schema the model's schema
     * @param keys opens the keys of the matching items (the query's checks run then, before any request)
     * @return how many items were deleted
     * @throws PartialWriteException when a request fails after some items were deleted: their number, across pages
     */
    public long deleteAll(ModelSchema<?> schema, Supplier<Iterator<Map<String, AttributeValue>>> keys) {
        String what = schema.modelName() + " deleteAll()";
        Iterator<Map<String, AttributeValue>> matching = keys.get();
        String table = session.ready(schema);
        List<DeleteItemOperation> chunk = new ArrayList<>(BatchWriteOperation.MAX_WRITES);
        long deleted = 0;
        try {
            while (schema.partitioned() && matching.hasNext()) {
                // every copy of each record: an old copy left behind would become the record again
                PartitionedWrites.deleteCopies(session, schema, table, matching.next(), what);
                deleted++;
            }
            while (matching.hasNext()) {
                chunk.add(DeleteItemOperation.of(table, matching.next(), what));
                if (chunk.size() == BatchWriteOperation.MAX_WRITES || !matching.hasNext()) {
                    BatchWriteOperation.send(session.gateway(), chunk, what);
                    deleted += chunk.size();
                    chunk.clear();
                }
            }
        } catch (DynarecordException e) {
            throw partial(what, "deleted", deleted + (e instanceof PartialWriteException p ? p.applied() : 0), e);
        }
        return deleted;
    }

    /**
     * Destroys these records one by one, as they come, with {@link Model#destroy()}: callbacks,
     * dependents and the lock version, as a single destroy.
     *
     * @param schema the model's schema
     * @param projected whether the query reads only some attributes (refused: callbacks would see partial records)
     * @param records opens the matching records (the query's checks run then, before any request)
     * @return how many records were destroyed
     * @throws RecordNotSavedException when a before_destroy callback returned false: the records before it stay destroyed
     * @throws PartialWriteException when a request fails after some records were destroyed: their number
     */
    public <T extends Model<?>> long destroyAll(ModelSchema<T> schema, boolean projected, Supplier<Iterator<T>> records) {
        String what = schema.modelName() + " destroyAll()";
        if (projected) {
            throw new InvalidQueryException(what + ": the query reads only some attributes (project(...)), but destroy runs"
                    + " callbacks and dependents on whole records; leave project(...) out, or use deleteAll(), which reads"
                    + " only the keys and runs no callbacks");
        }
        Iterator<T> matching = records.get();
        T refused = null;
        long destroyed = 0;
        try {
            while (refused == null && matching.hasNext()) {
                T record = matching.next();
                if (record.destroy()) {
                    destroyed++;
                } else {
                    refused = record;
                }
            }
        } catch (DynarecordException e) {
            throw partial(what, "destroyed", destroyed, e);
        }
        if (refused != null) {
            throw new RecordNotSavedException(Records.describe(schema, refused) + " was not destroyed: a before_destroy"
                    + " callback returned false, so " + what + " stops here, after destroying " + destroyed + " records"
                    + " (they stay destroyed)");
        }
        return destroyed;
    }

    /**
     * Applies one atomic update to the items of these keys, one UpdateItem each, through the path of
     * {@code find.update}: the changes are checked once, before the keys are opened, and each item
     * gets {@code updatedAt} and 1 added to its lock version. An item deleted since its key was read
     * is skipped and not counted.
     *
     * @param schema the model's schema
     * @param changes the changes
     * @param keys opens the keys of the matching items (the query's checks run then, before any request)
     * @return how many items were updated
     * @throws InvalidUpdateException when {@code changes} is null, or (as its subclasses and
     *     {@code InvalidKeyException}, {@code UnknownAttributeException}) a change does not suit the model
     * @throws PartialWriteException when a request fails after some items were updated: their number
     */
    public long updateAll(ModelSchema<?> schema, Consumer<Update> changes, Supplier<Iterator<Map<String, AttributeValue>>> keys) {
        String what = schema.modelName() + " updateAll(...)";
        if (changes == null) {
            throw new InvalidUpdateException(what + " needs the changes, as in updateAll(u -> u.set(\"plan\", \"PRO\"));"
                    + " nothing was sent");
        }
        AtomicUpdates.Checked update = atomicUpdates.check(schema, null, changes, false, () -> what + ": a matching item");
        Iterator<Map<String, AttributeValue>> matching = keys.get();
        long updated = 0;
        try {
            while (matching.hasNext()) {
                try {
                    atomicUpdates.send(update, matching.next(), ReturnValue.NONE, Gone::new);
                    updated++;
                } catch (Gone deletedMeanwhile) {
                    // deleted since its key was read: nothing to update, and no error
                }
            }
        } catch (DynarecordException e) {
            throw partial(what, "updated", updated, e);
        }
        return updated;
    }

    /** An item to update was deleted since its key was read; never leaves this class. */
    private static final class Gone extends RecordNotFoundException {
        private static final long serialVersionUID = 1L;

        Gone() {
            super("deleted since the query read its key");
        }
    }

    /**
     * The failure itself when nothing was written yet; else a {@link PartialWriteException} counting what was, whose
     * cause is the failure (not an inner partial write's wrapper), so that {@code isRetryable()} reads it.
     */
    private static DynarecordException partial(String what, String done, long made, DynarecordException e) {
        if (made == 0) {
            return e;
        }
        Throwable cause = e instanceof PartialWriteException p && p.getCause() != null ? p.getCause() : e;
        return new PartialWriteException(what + ": " + made + " records were " + done + ", then: " + e.getMessage()
                + (done.equals("updated") ? ". Repeating the same call updates every matching record again, those already"
                        + " updated too: harmless for set and remove, not for add and increment (narrow the query to the"
                        + " records not yet updated instead)"
                        : ". Repeat the same call to finish: the records already " + done + " no longer match, so none is "
                        + done + " twice"),
                cause, made, -1);
    }
}
