package dev.dynarecord;

import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.internal.query.TransactionReads;
import java.util.List;
import java.util.Optional;

/**
 * The gets of one read transaction, read together as one TransactGetItems: a serializable snapshot
 * of up to 100 items, of one table or several, that no write transaction is half-way through. Each
 * get is checked and its key converted when it is added; nothing is sent until the transaction is
 * executed. Two ways to use it:
 *
 * <pre>{@code
 * // the body form: the records in the order of the gets, null where no item has the key
 * List<Object> read = session.readTransaction(tx -> {
 *     tx.get(User.class, uid);
 *     tx.get(Order.class, Key.of(uid, oid));
 * });
 *
 * // typed: each get is a Ref, read once the transaction was executed
 * ReadTransaction tx = session.readTransaction();
 * ReadTransaction.Ref<User> user = tx.get(User.class, uid);
 * ReadTransaction.Ref<Order> order = tx.get(Order.class, Key.of(uid, oid));
 * tx.execute();
 * User u = user.get();                       // RecordNotFoundException when there is no such item
 * Optional<Order> o = order.optional();
 * }</pre>
 *
 * <p>The records are loaded as {@link Finder#byId(Object)} loads them: bound to the session, dirty
 * tracking and lock version from the stored item, after_find and after_initialize run. Not
 * thread-safe: use it from one thread.
 */
public final class ReadTransaction {

    private final TransactionReads reads;

    ReadTransaction(TransactionReads reads) {
        this.reads = reads;
    }

    /**
     * Adds a get by id, for a model with a hash key only.
     *
     * @param <T> the model type
     * @param type the model
     * @param id the hash key value
     * @return the get's result, readable once the transaction was executed
     * @throws dev.dynarecord.exception.InvalidKeyException when the id is null, the model has a range key
     *     (use {@link #get(Class, Key)}) or the item is read already in this transaction
     * @throws dev.dynarecord.exception.ConversionException when the id has the wrong type
     * @throws dev.dynarecord.exception.InvalidQueryException when the transaction has 100 gets already
     * @throws dev.dynarecord.exception.ModelDefinitionException when the type is null
     * @throws IllegalStateException when the transaction was executed already
     */
    public <T extends Model<?>> Ref<T> get(Class<T> type, Object id) {
        return new Ref<>(this, type, reads.add(type, id, null, true));
    }

    /**
     * Adds a get by key, for any model: {@code Key.of(hash)} or {@code Key.of(hash, range)}.
     *
     * @param <T> the model type
     * @param type the model
     * @param key the item's key
     * @return the get's result, readable once the transaction was executed
     * @throws dev.dynarecord.exception.InvalidKeyException when the key is null or lacks the range key,
     *     or the item is read already in this transaction
     * @see #get(Class, Object)
     */
    public <T extends Model<?>> Ref<T> get(Class<T> type, Key key) {
        return new Ref<>(this, type, reads.add(type, key == null ? null : key.hash(), key == null ? null : key.range(), false));
    }

    /**
     * Sends the gets as one TransactGetItems; an empty transaction sends nothing. Once only, unless it
     * failed: then it may be called again (after a retryable cancellation, say), sending the same gets.
     *
     * @return the records in the order of the gets, null where no item has the key; unmodifiable
     * @throws dev.dynarecord.exception.TransactionFailedException when DynamoDB cancelled it (a write
     *     transaction of one of the items in progress, throttling), naming the gets; see {@code isRetryable()}
     * @throws IllegalStateException when it was executed successfully already
     */
    public List<Object> execute() {
        return reads.execute();
    }

    /**
     * The result of one get of a read transaction.
     *
     * @param <T> the model type
     */
    public static final class Ref<T extends Model<?>> {
        private final ReadTransaction owner;
        private final Class<T> type;
        private final int index;

        private Ref(ReadTransaction owner, Class<T> type, int index) {
            this.owner = owner;
            this.type = type;
            this.index = index;
        }

        /**
         * @return the record read
         * @throws RecordNotFoundException when no item had the key
         * @throws IllegalStateException before the transaction was executed
         */
        public T get() {
            return optional().orElseThrow(() -> new RecordNotFoundException("no " + owner.reads.describe(index)
                    + " at read transaction get #" + index + "; use optional() when absence is expected"));
        }

        /**
         * @return the record read, or empty when no item had the key
         * @throws IllegalStateException before the transaction was executed
         */
        public Optional<T> optional() {
            return Optional.ofNullable(type.cast(owner.reads.record(index)));
        }

        /** @return the get's position in the transaction, from 0: its place in the list {@code execute()} returns */
        public int index() {
            return index;
        }

        @Override
        public String toString() {
            return "ReadTransaction.Ref{#" + index + " " + owner.reads.describe(index) + "}";
        }
    }
}
