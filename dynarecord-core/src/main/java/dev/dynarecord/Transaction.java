package dev.dynarecord;

import dev.dynarecord.internal.persist.Transactions;
import dev.dynarecord.lifecycle.Update;
import dev.dynarecord.lifecycle.WriteCondition;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The actions of one write transaction, given to the body of {@link Session#transaction(Consumer)}
 * and sent together, all or nothing, as one TransactWriteItems once the body returns. Nothing is
 * checked or sent while the body runs: validations and before-callbacks run when it has returned,
 * in the order of the actions; records change in memory (persisted, lock versions moved, destroyed)
 * and after-callbacks run only once DynamoDB committed the whole transaction.
 *
 * <pre>{@code
 * session.transaction(tx -> {
 *     tx.save(order);
 *     tx.destroy(cartItem);
 *     tx.update(User.class, Key.of(uid), c -> c.add("orders", 1));
 *     tx.check(Stock.class, Key.of(sku), WriteCondition.where("qty.gt", 0));
 * });
 * }</pre>
 *
 * <p>At most 100 actions and 4 MB, one action an item. Not thread-safe: use it only in its body.
 */
public final class Transaction {

    private final Transactions.Actions actions;

    Transaction(Transactions.Actions actions) {
        this.actions = actions;
    }

    /**
     * Saves a record in the transaction: a new one becomes a Put on a free key, a saved one an Update
     * of its changed attributes with its lock version checked and bumped (none when unchanged).
     *
     * @param <T> the model type
     * @param record the record
     * @return this transaction
     */
    public <T extends Model<?>> Transaction save(T record) {
        actions.save(record);
        return this;
    }

    /**
     * Destroys a record in the transaction: a Delete guarded by its lock version (an item already gone
     * is fine, as for {@link Model#destroy()}); before_destroy and after_destroy run.
     *
     * @param <T> the model type
     * @param record the record
     * @return this transaction
     */
    public <T extends Model<?>> Transaction destroy(T record) {
        actions.destroy(record);
        return this;
    }

    /**
     * Deletes the item with a key, unconditionally and without callbacks.
     *
     * @param type the model
     * @param key the item's key
     * @return this transaction
     */
    public Transaction delete(Class<? extends Model<?>> type, Key key) {
        actions.delete(type, Objects.requireNonNull(key, "key").hash(), key.range());
        return this;
    }

    /**
     * Applies an atomic update to the item with a key, which must exist (as {@link Finder#update}).
     *
     * @param type the model
     * @param key the item's key
     * @param changes the changes
     * @return this transaction
     */
    public Transaction update(Class<? extends Model<?>> type, Key key, Consumer<Update> changes) {
        return update(type, key, null, changes);
    }

    /**
     * Applies an atomic update to the item with a key, which must exist and hold the condition.
     *
     * @param type the model
     * @param key the item's key
     * @param condition what the item must hold, or null
     * @param changes the changes
     * @return this transaction
     */
    public Transaction update(Class<? extends Model<?>> type, Key key, WriteCondition condition, Consumer<Update> changes) {
        actions.update(type, Objects.requireNonNull(key, "key").hash(), key.range(), condition, changes);
        return this;
    }

    /**
     * Requires a condition of an item without writing it (a ConditionCheck).
     *
     * @param type the model
     * @param key the item's key
     * @param condition what the item must hold; not empty
     * @return this transaction
     */
    public Transaction check(Class<? extends Model<?>> type, Key key, WriteCondition condition) {
        actions.check(type, Objects.requireNonNull(key, "key").hash(), key.range(), condition);
        return this;
    }
}
