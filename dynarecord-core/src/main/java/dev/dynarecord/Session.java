package dev.dynarecord;

import dev.dynarecord.config.Config;
import dev.dynarecord.exception.RecordInvalidException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.exception.SessionClosedException;
import dev.dynarecord.internal.client.ClientFactory;
import dev.dynarecord.internal.client.DynamoDbGateway;
import dev.dynarecord.internal.operation.DeleteItemOperation;
import dev.dynarecord.internal.operation.GetItemOperation;
import dev.dynarecord.internal.query.FanOut;
import dev.dynarecord.internal.table.TableManager;
import dev.dynarecord.lifecycle.Update;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.schema.ModelSchema;
import dev.dynarecord.schema.TableNames;
import dev.dynarecord.spi.RequestListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private final Config config;
    private final DynamoDbGateway gateway;
    private final AutoCloseable owned;
    private final TableManager tableManager;
    private final Tables tables;
    private final Persistence persistence;
    private final AtomicUpdates atomicUpdates;
    private final Map<Class<?>, String> tableNames = new ConcurrentHashMap<>();
    private final Map<ModelSchema<?>, Optional<String>> lockNames = new ConcurrentHashMap<>();
    private final java.util.Set<String> joinTables = ConcurrentHashMap.newKeySet();
    /** Numbers the sessions of this JVM, for their threads' names. */
    private final int number = SESSIONS.incrementAndGet();
    private final Object executorLock = new Object();
    /** The session's own pool, once first used; guarded by executorLock. */
    private volatile ExecutorService pool;
    private volatile boolean closed;
    /** Hands each task to {@link #workers()}: the pool starts when a fan-out first needs it, not when a query is built. */
    private final Executor fanOut = task -> workers().execute(task);

    private Session(Config config) {
        this.config = config;
        ClientFactory.Connection connection = ClientFactory.connect(config);
        this.gateway = new DynamoDbGateway(connection.client(), config.listeners());
        this.owned = connection.owned();
        this.tableManager = new TableManager(gateway, config);
        this.tables = new Tables(this, tableManager);
        this.persistence = new Persistence(this, gateway);
        this.atomicUpdates = new AtomicUpdates(this, gateway);
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
    public <T extends Model<T>> Finder<T> find(Class<T> type) {
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
    public <T extends Model<T>> ItemMapper<T> mapper(Class<T> type) {
        return new ItemMapper<>(type, this);
    }

    /**
     * The SDK client this session sends through: the raw escape hatch. Requests sent on it
     * directly bypass listeners.
     *
     * @return the client
     */
    public DynamoDbClient client() {
        return gateway.client();
    }

    /** @param listener hears every request this session sends from now on */
    public void addListener(RequestListener listener) {
        gateway.addListener(listener);
    }

    /** @param listener a listener added before */
    public void removeListener(RequestListener listener) {
        gateway.removeListener(listener);
    }

    /**
     * The full table name of a model here: namespace, base name, suffix.
     *
     * @param type the model class
     * @return the table name
     * @throws dev.dynarecord.exception.ModelDefinitionException when the name is not valid in DynamoDB
     */
    public String tableName(Class<?> type) {
        return tableNames.computeIfAbsent(type, t -> {
            ModelSchema<?> schema = Schemas.of(t);
            String name = config.tableName(schema.tableDefinition().baseName());
            TableNames.check(name, schema.modelName());
            return name;
        });
    }

    /** @return the full table names of every model this session has resolved so far */
    java.util.Collection<String> usedTableNames() {
        List<String> all = new java.util.ArrayList<>(tableNames.values());
        all.addAll(joinTables);
        return all;
    }

    /**
     * Saves a record (see {@link Model#save()}).
     *
     * @param <T> the model type
     * @param record the record
     * @return {@code true} when saved; {@code false} when invalid or a before-callback aborted
     */
    public <T extends Model<T>> boolean save(T record) {
        return persistence.save(record) == Persistence.Outcome.SAVED;
    }

    /**
     * Saves a record or throws.
     *
     * @param <T> the model type
     * @param record the record
     * @throws RecordInvalidException when invalid, with the errors
     * @throws RecordNotSavedException when a before-callback aborted
     */
    public <T extends Model<T>> void saveOrThrow(T record) {
        saveOrThrow(record, null);
    }

    <T extends Model<T>> void saveOrThrow(T record, WriteCondition condition) {
        Persistence.Outcome outcome = persistence.save(record, condition);
        ModelSchema<T> schema = Persistence.schemaOf(record);
        if (outcome == Persistence.Outcome.INVALID) {
            throw new RecordInvalidException(Persistence.describe(schema, record) + " is invalid: " + record.errors()
                    + "; nothing was written", record.errors().asMap());
        }
        if (outcome == Persistence.Outcome.ABORTED) {
            throw new RecordNotSavedException(Persistence.describe(schema, record) + " was not saved: a before-callback"
                    + " returned false; nothing was written");
        }
    }

    /**
     * Destroys a record (see {@link Model#destroy()}): callbacks, then a DeleteItem guarded by the lock version.
     *
     * @param <T> the model type
     * @param record the record
     * @return {@code true} when destroyed; {@code false} when a before_destroy callback aborted
     */
    public <T extends Model<T>> boolean destroy(T record) {
        return persistence.destroy(record, null);
    }

    <T extends Model<T>> boolean destroy(T record, WriteCondition condition) {
        return persistence.destroy(record, condition);
    }

    <T extends Model<T>> boolean save(T record, WriteCondition condition) {
        return persistence.save(record, condition) == Persistence.Outcome.SAVED;
    }

    /**
     * Deletes a record's item without callbacks or lock check, and marks it destroyed. A record never
     * saved is only marked.
     *
     * @param <T> the model type
     * @param record the record
     */
    public <T extends Model<T>> void delete(T record) {
        persistence.delete(record);
    }

    /**
     * Reads a record's item again, strongly consistent, into the record.
     *
     * @param <T> the model type
     * @param record the record
     * @throws RecordNotFoundException when the item no longer exists
     */
    public <T extends Model<T>> void reload(T record) {
        persistence.reload(record);
    }

    <T extends Model<T>> boolean validate(T record) {
        return persistence.validate(record);
    }

    <T extends Model<T>> void touch(T record) {
        persistence.touch(record);
    }

    <T extends Model<T>> T find(Class<T> type, Object hash, Object range, ReadOptions options) {
        return findOptional(type, hash, range, options).orElseThrow(() -> new RecordNotFoundException("no "
                + type.getSimpleName() + " with key " + keyText(hash, range) + " in table " + tableName(type)
                + "; use find.byIdOptional(...) when absence is expected"));
    }

    <T extends Model<T>> Optional<T> findOptional(Class<T> type, Object hash, Object range, ReadOptions options) {
        ModelSchema<T> schema = Schemas.of(type);
        Map<String, AttributeValue> key = schema.key(hash, range);
        Map<String, AttributeValue> item = GetItemOperation.item(gateway, ready(schema), key, options.consistentRead(),
                () -> type.getSimpleName() + " " + keyText(hash, range));
        return item == null ? Optional.empty() : Optional.of(load(schema, item));
    }

    <T extends Model<T>> boolean exists(Class<T> type, Object hash, Object range, ReadOptions options) {
        ModelSchema<T> schema = Schemas.of(type);
        Map<String, AttributeValue> key = schema.key(hash, range);
        return GetItemOperation.exists(gateway, ready(schema), key, options.consistentRead(),
                type.getSimpleName() + " " + keyText(hash, range));
    }

    <T extends Model<T>> void deleteByKey(Class<T> type, Object hash, Object range) {
        ModelSchema<T> schema = Schemas.of(type);
        Map<String, AttributeValue> key = schema.key(hash, range);
        DeleteItemOperation.execute(gateway, ready(schema), key, type.getSimpleName() + " " + keyText(hash, range));
    }

    <T extends Model<T>> T build(Class<T> type) {
        return persistence.build(type);
    }

    /**
     * The optimistic-locking attribute of a model in this session: the model's own name, else the
     * configured one; empty when locking is off for the model or everywhere.
     *
     * @param schema the model's schema
     * @return the attribute name, if the model is locked
     */
    Optional<String> lockVersionName(ModelSchema<?> schema) {
        return lockNames.computeIfAbsent(schema, this::resolveLockVersionName);
    }

    /** @return the lock attribute's name for this model here, or null: the hot path's allocation-free form */
    String lockAttribute(ModelSchema<?> schema) {
        return lockVersionName(schema).orElse(null);
    }

    private Optional<String> resolveLockVersionName(ModelSchema<?> schema) {
        if (!schema.locking() || config.lockVersion().isEmpty()) {
            return Optional.empty();
        }
        String name = schema.lockVersionName().orElse(config.lockVersion());
        if (schema.attribute(name).isPresent()) {
            throw new dev.dynarecord.exception.ModelDefinitionException(schema.modelName() + " declares a field stored as '"
                    + name + "', the lock version attribute of this session; the lock version is kept by Dynarecord"
                    + " (lockVersion()): remove the field, rename it, or choose another name with @Table(lockVersion)");
        }
        return Optional.of(name);
    }

    /** @return the adapter layer, for queries */
    DynamoDbGateway gateway() {
        return gateway;
    }

    /**
     * Where concurrent requests run (a fan-out's caller runs tasks too): each task goes to the
     * executor from the configuration, else to the session's own pool, created on first use.
     * Executing a task on a closed session throws {@link SessionClosedException}.
     *
     * @return the executor
     */
    Executor executor() {
        return fanOut;
    }

    private Executor workers() {
        if (closed) {
            throw closedException("a concurrent request");
        }
        Optional<Executor> supplied = config.executor();
        if (supplied.isPresent()) {
            return supplied.get();
        }
        ExecutorService p = pool;
        if (p == null) {
            synchronized (executorLock) {
                if (closed) {
                    throw closedException("a concurrent request");
                }
                p = pool;
                if (p == null) {
                    p = FanOut.pool(config.parallelism(), "dynarecord-" + number + "-");
                    pool = p;
                }
            }
        }
        return p;
    }

    private SessionClosedException closedException(String what) {
        return new SessionClosedException(what + " was not started: " + closedReason());
    }

    private String closedReason() {
        return "session " + number + (config.namespace().isEmpty() ? "" : " (namespace '" + config.namespace() + "')")
                + " is closed. Use a session that is open (Session.open(...), or the default one); a record keeps the"
                + " session it was loaded through, so load it again through an open one";
    }

    <T extends Model<T>> T load(ModelSchema<T> schema, Map<String, AttributeValue> item) {
        return persistence.load(schema, item);
    }

    <T extends Model<T>> T load(ModelSchema<T> schema, Map<String, AttributeValue> item, boolean partial) {
        return persistence.load(schema, item, partial);
    }

    /** Creates a table that is not a model's (a join table) when missing, as {@link #ready} does for models. */
    void readyTable(String table, dev.dynarecord.schema.TableDefinition definition, String what) {
        joinTables.add(table);
        tableManager.ensure(table, definition, what);
    }

    <T> String ready(ModelSchema<T> schema) {
        String table = tableName(schema.type());
        tableManager.ensure(table, schema.tableDefinition(), schema.modelName());
        return table;
    }

    private static String keyText(Object hash, Object range) {
        return Persistence.keyText(hash, range);
    }

    /**
     * Stops the session's own threads, and closes the client it built or its own embedded engine.
     * Requests already running finish; anything asked afterwards is refused with a
     * {@link SessionClosedException}. Idempotent.
     */
    @Override
    public void close() {
        ExecutorService p;
        synchronized (executorLock) {
            if (closed) {
                return;
            }
            closed = true;
            p = pool;
        }
        gateway.close(closedReason());
        if (p != null) {
            p.shutdown();
        }
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.warn("Closing the session's client failed: {}", e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "Session{" + config + "}";
    }


    <T extends Model<T>> T atomicUpdate(Class<T> type, Object hash, Object range, WriteCondition condition,
            Consumer<Update> changes, boolean upsert) {
        return atomicUpdates.update(type, hash, range, condition, changes, upsert);
    }

    <T extends Model<T>> void increment(T record, String field, Number by, boolean down) {
        atomicUpdates.increment(record, field, by, down);
    }
}
