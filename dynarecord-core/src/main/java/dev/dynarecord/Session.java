package dev.dynarecord;

import dev.dynarecord.config.Config;
import dev.dynarecord.exception.RecordInvalidException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.internal.engine.Engine;
import dev.dynarecord.lifecycle.Update;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.spi.RequestListener;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The engine: one configuration, one DynamoDB client, and every read and write of the models
 * used through it. {@link Model} and {@link Finder} delegate here. The global default comes from
 * {@link Dynarecord#configure(Consumer)}; open sessions of your own to inject them, or to use two
 * at once (two namespaces, two accounts).
 *
 * <pre>{@code
 * try (Session session = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("test"))) {
 *     User u = session.find(User.class).create(x -> x.name = "Josh");
 * }
 * }</pre>
 *
 * <p>Sessions are thread-safe. Concurrent requests (one Query per shard of a sharded index, the
 * Queries of a preload) run on the session's own pool of at most {@link Config#parallelism()} daemon
 * threads named {@code dynarecord-<session>-<n>}, started on first use, or on the executor given
 * with {@link Config.Builder#executor}. Closing a session stops its pool (never an executor you
 * supplied), closes the client it built (never one you supplied) and an embedded engine of its own
 * (never the shared one); work asked of it afterwards is a
 * {@link dev.dynarecord.exception.SessionClosedException}.
 */
public final class Session implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final Config config;
    private final Engine engine;
    private final Tables tables;

    static {
        Engine.install(session -> session.engine);
    }

    private Session(Config config) {
        this.config = config;
        this.engine = new Engine(this, config, () -> Dynarecord.isDefault(this));
        this.tables = new Tables(engine.tables());
        LOG.debug("Opened session {}", config);
    }

    /**
     * Opens a session.
     *
     * @param config the configuration
     * @return the session
     * @throws dev.dynarecord.exception.ConfigurationException when it cannot connect as configured
     */
    public static Session open(Config config) {
        return new Session(config);
    }

    /**
     * Opens a session configured in code, starting from the defaults.
     *
     * @param settings the settings, e.g. {@code c -> c.adapter(Adapter.LOCAL).namespace("test")}
     * @return the session
     */
    public static Session open(Consumer<Config.Builder> settings) {
        return new Session(Config.builder().with(settings).build());
    }

    /** @return the configuration */
    public Config config() {
        return config;
    }

    /** @return table management: list, create, describe, drop */
    public Tables tables() {
        return tables;
    }

    /**
     * A finder bound to this session.
     *
     * @param <T> the model type
     * @param type the model class
     * @return the finder
     */
    public <T extends Model<?>> Finder<T> find(Class<T> type) {
        return new Finder<>(type, this);
    }

    /**
     * The mapping between records of a model and DynamoDB items in this session (its table name and
     * lock version attribute), for code that reads or writes items itself: Streams images, the raw
     * client. Nothing is sent.
     *
     * @param <T> the model type
     * @param type the model class
     * @return the mapper
     * @throws dev.dynarecord.exception.ModelDefinitionException when the class is null or cannot be mapped
     */
    public <T extends Model<?>> ItemMapper<T> mapper(Class<T> type) {
        return new ItemMapper<>(type, this);
    }

    /**
     * Does now the one-time work these models would do on their first request, and sends nothing:
     * each schema is built (a mistake in a model fails here), its table name worked out, a new
     * record mapped to an item and back through its converters, and the requests a save, a find,
     * a query and a destroy send are built, so that the classes they need are loaded. Call it where
     * a serverless function initialises, before a SnapStart or CRaC checkpoint, or at an
     * application's start, so that the first request does not pay for it.
     *
     * <pre>{@code
     * static final Session SESSION = Session.open(c -> c.adapter(Adapter.AWS).region("eu-west-1")).prime(User.class, Order.class);
     * }</pre>
     *
     * @param models the model classes
     * @return this session
     * @throws dev.dynarecord.exception.ModelDefinitionException when a class is null, not a model, or cannot be mapped
     */
    @SafeVarargs
    public final Session prime(Class<? extends Model<?>>... models) {
        for (Class<? extends Model<?>> type : models) {
            engine.prime(type);
        }
        return this;
    }

    /**
     * The SDK client this session sends through: the raw escape hatch. Requests sent on it
     * directly bypass listeners.
     *
     * @return the client
     */
    public DynamoDbClient client() {
        return engine.client();
    }

    /** @param listener hears every request this session sends from now on */
    public void addListener(RequestListener listener) {
        engine.addListener(listener);
    }

    /** @param listener a listener added before */
    public void removeListener(RequestListener listener) {
        engine.removeListener(listener);
    }

    /**
     * The full table name of a model here: namespace, base name, suffix.
     *
     * @param type the model class
     * @return the table name
     * @throws dev.dynarecord.exception.ModelDefinitionException when the name is not valid in DynamoDB
     */
    public String tableName(Class<?> type) {
        return engine.state().tableName(type);
    }

    /** @return the full table names of every model this session has resolved so far */
    java.util.Collection<String> usedTableNames() {
        return engine.state().usedTableNames();
    }

    /**
     * Saves a record (see {@link Model#save()}).
     *
     * @param <T> the model type
     * @param record the record
     * @return {@code true} when saved; {@code false} when invalid or a before-callback aborted
     */
    public <T extends Model<?>> boolean save(T record) {
        return engine.save(record, null);
    }

    /**
     * Saves a record or throws.
     *
     * @param <T> the model type
     * @param record the record
     * @throws RecordInvalidException when invalid, with the errors
     * @throws RecordNotSavedException when a before-callback aborted
     */
    public <T extends Model<?>> void saveOrThrow(T record) {
        saveOrThrow(record, null);
    }

    <T extends Model<?>> void saveOrThrow(T record, WriteCondition condition) {
        engine.saveOrThrow(record, condition);
    }

    /**
     * Destroys a record (see {@link Model#destroy()}): callbacks, then a DeleteItem guarded by the lock version.
     *
     * @param <T> the model type
     * @param record the record
     * @return {@code true} when destroyed; {@code false} when a before_destroy callback aborted
     */
    public <T extends Model<?>> boolean destroy(T record) {
        return engine.destroy(record, null);
    }

    <T extends Model<?>> boolean destroy(T record, WriteCondition condition) {
        return engine.destroy(record, condition);
    }

    <T extends Model<?>> boolean save(T record, WriteCondition condition) {
        return engine.save(record, condition);
    }

    /**
     * Deletes a record's item without callbacks or lock check, and marks it destroyed. A record never
     * saved is only marked.
     *
     * @param <T> the model type
     * @param record the record
     */
    public <T extends Model<?>> void delete(T record) {
        engine.delete(record);
    }

    /**
     * Reads a record's item again, strongly consistent, into the record.
     *
     * @param <T> the model type
     * @param record the record
     * @throws RecordNotFoundException when the item no longer exists
     */
    public <T extends Model<?>> void reload(T record) {
        engine.reload(record);
    }

    <T extends Model<?>> boolean validate(T record) {
        return engine.validate(record);
    }

    <T extends Model<?>> void touch(T record) {
        engine.touch(record);
    }

    /** A {@link Key} given where a hash key value goes stands for its parts: {@code find.update(Key.of(id), ...)}. */
    private static Object hashOf(Object hash) {
        return hash instanceof Key key ? key.hash() : hash;
    }

    private static Object rangeOf(Object hash, Object range) {
        if (!(hash instanceof Key key)) {
            return range;
        }
        if (range != null) {
            throw new dev.dynarecord.exception.InvalidKeyException("both a Key (" + key + ") and a range key value (" + range
                    + ") were given; pass the Key alone, or the hash and range values");
        }
        return key.range();
    }

    <T extends Model<?>> T find(Class<T> type, Object hash, Object range, ReadOptions options) {
        return engine.find(type, hashOf(hash), rangeOf(hash, range), options);
    }

    <T extends Model<?>> Optional<T> findOptional(Class<T> type, Object hash, Object range, ReadOptions options) {
        return engine.findOptional(type, hashOf(hash), rangeOf(hash, range), options);
    }

    <T extends Model<?>> java.util.Map<Key, T> findAll(Class<T> type, java.util.Collection<Key> keys,
            java.util.List<String> projection, ReadOptions options) {
        return engine.findAll(type, keys, projection, options);
    }

    <T extends Model<?>> java.util.List<T> findRecords(Class<T> type, java.util.Collection<Key> keys,
            java.util.List<String> projection, ReadOptions options) {
        return engine.findRecords(type, keys, projection, options);
    }

    <T extends Model<?>> boolean exists(Class<T> type, Object hash, Object range, ReadOptions options) {
        return engine.exists(type, hashOf(hash), rangeOf(hash, range), options);
    }

    <T extends Model<?>> void deleteByKey(Class<T> type, Object hash, Object range) {
        engine.deleteByKey(type, hashOf(hash), rangeOf(hash, range));
    }

    <T extends Model<?>> ImportResult<T> importAll(Class<T> type, java.util.Iterator<T> records, Import options) {
        return engine.importAll(type, records, options);
    }

    /**
     * Runs a write transaction: the body adds actions to the {@link Transaction}, and once it returns
     * they are sent as one TransactWriteItems, all or nothing (see docs/bulk-and-transactions.md). An
     * empty transaction sends nothing.
     *
     * @param body adds the actions
     * @throws dev.dynarecord.exception.TransactionFailedException when DynamoDB cancelled it, naming each failing action
     * @throws RecordInvalidException when a record saved in it is invalid; nothing was sent
     */
    public void transaction(Consumer<Transaction> body) {
        java.util.Objects.requireNonNull(body, "body");
        var actions = engine.beginTransaction();
        body.accept(new Transaction(actions));
        engine.commit(actions);
    }

    /**
     * Runs a read transaction: the body adds gets to the {@link ReadTransaction}, and once it returns
     * they are read as one TransactGetItems, a consistent snapshot of up to 100 items (see
     * docs/bulk-and-transactions.md). An empty read transaction sends nothing.
     *
     * <pre>{@code
     * List<Object> read = session.readTransaction(tx -> { tx.get(User.class, id); tx.get(Order.class, oid); });
     * }</pre>
     *
     * @param body adds the gets
     * @return the records in the order of the gets, null where no item has the key; unmodifiable
     * @throws dev.dynarecord.exception.TransactionFailedException when DynamoDB cancelled it, naming the gets
     * @throws dev.dynarecord.exception.InvalidKeyException when a key is null, incomplete or given twice; nothing was sent
     */
    public java.util.List<Object> readTransaction(Consumer<ReadTransaction> body) {
        java.util.Objects.requireNonNull(body, "body");
        ReadTransaction tx = readTransaction();
        body.accept(tx);
        return tx.execute();
    }

    /**
     * Starts a read transaction whose gets give typed {@link ReadTransaction.Ref}s; nothing is sent
     * until {@link ReadTransaction#execute()}.
     *
     * @return a new, empty read transaction
     */
    public ReadTransaction readTransaction() {
        return new ReadTransaction(engine.beginReadTransaction());
    }

    <T extends Model<?>> T build(Class<T> type) {
        return engine.build(type);
    }

    /**
     * The optimistic-locking attribute of a model in this session: the model's own name, else the
     * configured one; empty when locking is off for the model or everywhere.
     *
     * @param schema the model's schema
     * @return the attribute name, if the model is locked
     */
    /** @return the engine that does this session's work */
    Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "Session{" + config + "}";
    }


    <T extends Model<?>> T atomicUpdate(Class<T> type, Object hash, Object range, WriteCondition condition,
            Consumer<Update> changes, boolean upsert) {
        return engine.atomicUpdate(type, hashOf(hash), rangeOf(hash, range), condition, changes, upsert);
    }

    <T extends Model<?>> void increment(T record, String field, Number by, boolean down) {
        engine.increment(record, field, by, down);
    }
}
