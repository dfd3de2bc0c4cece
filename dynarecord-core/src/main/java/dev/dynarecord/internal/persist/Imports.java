package dev.dynarecord.internal.persist;

import dev.dynarecord.Import;
import dev.dynarecord.ImportProgress;
import dev.dynarecord.ImportResult;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.PartialWriteException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.internal.association.Associations;
import dev.dynarecord.internal.dynamo.BatchWriteOperation;
import dev.dynarecord.internal.dynamo.PutItemOperation;
import dev.dynarecord.internal.schema.CallbackEvent;
import dev.dynarecord.internal.schema.Callbacks;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.RecordState;
import dev.dynarecord.internal.state.Records;
import dev.dynarecord.internal.state.SessionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Imports of many new records, Dynamoid's {@code import}: the records are read from their iterator
 * as they come, 25 at a time, and each batch is one BatchWriteItem of unconditional puts, retried
 * as every batch is. Each item is what the record's first save would store ({@link NewItem}), and
 * each written record becomes persisted as after that save. Memory holds one batch and the keys
 * written so far (to refuse a key given twice). Thread-safe; the records themselves are not.
 */
public final class Imports {

    private final SessionState session;
    private final Persistence persistence;

    /**
     * @param session the session's state
     * @param persistence the session's saves, whose validations each record goes through
     */
    public Imports(SessionState session, Persistence persistence) {
        this.session = session;
        this.persistence = persistence;
    }

    /**
     * Writes the records, a batch of 25 at a time. A record refused before its batch (null, not
     * new, of another session, or with a key given before) stops the import: nothing of its batch
     * is sent, the batches before stay written and persisted.
     *
     * @param schema the model's schema
     * @param records the records, read once, as they come
     * @param options validations, callbacks, progress
     * @return what was written and what was skipped
     * @throws RecordNotSavedException when a record is null, persisted, destroyed or bound to another session
     * @throws InvalidKeyException when two records have the same key
     * @throws PartialWriteException when a batch fails after records were written: their number, across batches
     */
    public <T extends Model<?>> ImportResult<T> importAll(ModelSchema<T> schema, Iterator<T> records, Import options) {
        Run<T> run = new Run<>(schema, schema.modelName() + " importAll(...)", session.ready(schema), options);
        while (records.hasNext()) {
            run.add(records.next());
        }
        run.flush();
        return new ImportResult<>(run.written, run.skipped, run.batches, run.retries, run.elapsed());
    }

    /** One import: its current batch and its figures. */
    private final class Run<T extends Model<?>> {

        private final ModelSchema<T> schema;
        private final String what;
        private final Supplier<String> describer;
        private final String table;
        private final Import options;
        private final long start = System.nanoTime();
        /** The keys written so far, by their identity (cheaper to hash than the key maps). */
        private final Set<Object> keys = new HashSet<>();
        private final List<NewItem<T>> batch = new ArrayList<>(BatchWriteOperation.MAX_WRITES);
        private final List<T> batchRecords = new ArrayList<>(BatchWriteOperation.MAX_WRITES);
        private final List<PutItemOperation> puts = new ArrayList<>(BatchWriteOperation.MAX_WRITES);
        private final List<T> skipped = new ArrayList<>();
        private long position;
        private long written;
        private long batches;
        private long retries;

        Run(ModelSchema<T> schema, String what, String table, Import options) {
            this.schema = schema;
            this.what = what;
            this.describer = () -> what;
            this.table = table;
            this.options = options;
        }

        void add(T record) {
            long at = position++;
            try {
                check(record, at);
                if (!accepted(record)) {
                    skipped.add(record);
                    return;
                }
                NewItem<T> item = NewItem.prepare(session, schema, record);
                batch.add(item);
                batchRecords.add(record);
                if (!keys.add(schema.keyIdentity(item.key()))) {
                    throw new InvalidKeyException(what + ": record #" + at + ", " + Records.describe(schema, record)
                            + ", has the key of an earlier record of this import; a batch put would overwrite one with the"
                            + " other. Nothing of its batch was sent; " + before());
                }
                puts.add(PutItemOperation.of(table, item.storedItem(), describer));
            } catch (DynarecordException e) {
                batch.forEach(NewItem::undo);
                throw e;
            }
            if (puts.size() == BatchWriteOperation.MAX_WRITES) {
                flush();
            }
        }

        private void check(T record, long at) {
            if (record == null) {
                throw new RecordNotSavedException(what + ": record #" + at + " is null; pass only records. " + before());
            }
            String refused = record.isDestroyed() ? "was destroyed"
                    : record.isPersisted() ? "is persisted already (importAll writes new records only; save() it instead)"
                    : otherSession(record) ? "is bound to another session than the finder's (" + record.session() + ")"
                    : null;
            if (refused != null) {
                throw new RecordNotSavedException(what + ": record #" + at + ", " + Records.describe(schema, record) + ", "
                        + refused + ". Nothing of its batch was sent; " + before());
            }
        }

        private boolean otherSession(T record) {
            Session bound = RecordState.of(record).session();
            return bound != null && bound != session.session();
        }

        /** Validations and before callbacks, in a save's order; false when the record is to be skipped. */
        private boolean accepted(T record) {
            Associations.beforeSave(schema, record);
            if (options.validates() && !persistence.validate(record)) {
                return false;
            }
            Callbacks callbacks = schema.callbacks();
            return !options.runsCallbacks() || callbacks.run(CallbackEvent.BEFORE_SAVE, record)
                    && callbacks.run(CallbackEvent.BEFORE_CREATE, record);
        }

        void flush() {
            if (puts.isEmpty()) {
                return;
            }
            try {
                retries += BatchWriteOperation.send(session.gateway(), puts, what);
            } catch (DynarecordException e) {
                throw failed(e);
            }
            written += puts.size();
            batches++;
            List<T> done = List.copyOf(batchRecords);
            batch.forEach(NewItem::written);
            clear();
            for (T record : done) {
                if (options.runsCallbacks()) {
                    schema.callbacks().run(CallbackEvent.AFTER_CREATE, record);
                    schema.callbacks().run(CallbackEvent.AFTER_SAVE, record);
                }
                RecordState.of(record).takeAfterCreate().forEach(Runnable::run);
            }
            options.progressListener().accept(new ImportProgress(written, skipped.size(), batches, retries, elapsed()));
        }

        /**
         * The batch failed: when some of it may have been written, its records keep their keys and timestamps (a
         * repeat sends the same items); else they get their values back.
         */
        private DynarecordException failed(DynarecordException e) {
            long inBatch = e instanceof PartialWriteException p ? p.applied() : 0;
            boolean maybe = inBatch > 0 || Persistence.mayHaveBeenApplied(e);
            for (int i = 0; i < batch.size(); i++) {
                if (maybe) {
                    RecordState.of(batchRecords.get(i)).outcomeUnknown(true);
                } else {
                    batch.get(i).undo();
                }
            }
            clear();
            long made = written + inBatch;
            if (made == 0) {
                return e;
            }
            Throwable cause = e instanceof PartialWriteException p && p.getCause() != null ? p.getCause() : e;
            return new PartialWriteException(what + ": " + made + " records were written (" + written + " of them persisted"
                    + " now), then: " + cause.getMessage() + ". Repeat with the records still new, as in"
                    + " importAll(records.stream().filter(Model::isNewRecord), options): those of the failed batch kept their"
                    + " keys and timestamps, so each is put again as the same item, and none is stored twice", cause, made, -1);
        }

        private void clear() {
            batch.clear();
            batchRecords.clear();
            puts.clear();
        }

        private String before() {
            return written + " records were written before it (they are persisted)";
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }
}
