package dev.dynarecord.internal.state;

import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.config.Config;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.exception.SessionClosedException;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import dev.dynarecord.internal.schema.CallbackEvent;
import dev.dynarecord.internal.schema.Callbacks;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.SchemaSet;
import dev.dynarecord.internal.schema.Schemas;
import dev.dynarecord.internal.schema.SessionConventions;
import dev.dynarecord.internal.schema.TableDefinition;
import dev.dynarecord.internal.schema.TableNames;
import dev.dynarecord.internal.state.FanOut;
import dev.dynarecord.internal.table.TableManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What every part of a session's engine shares: its configuration, its gateway to DynamoDB, the
 * schemas it converts values with, the physical table names it resolved, its lock-version policy,
 * the tables it made ready, and the one way a record is made from an item. Thread-safe.
 */
public final class SessionState {

    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private final Session session;
    private final Config config;
    private final DynamoDbGateway gateway;
    private final TableManager tableManager;
    private final BooleanSupplier isDefault;
    private final SchemaSet schemas;
    private final Map<Class<?>, String> tableNames = new ConcurrentHashMap<>();
    private final Map<Class<?>, Optional<String>> lockNames = new ConcurrentHashMap<>();
    private final LastAsked<ModelSchema<?>> lastSchema = new LastAsked<>();
    private final LastAsked<Optional<String>> lastLockName = new LastAsked<>();
    private final LastAsked<String> lastTableName = new LastAsked<>();
    private final Set<String> joinTables = ConcurrentHashMap.newKeySet();
    /** Numbers the sessions of this JVM, for their threads' names. */
    private final int number = SESSIONS.incrementAndGet();
    private final Object executorLock = new Object();
    /** The session's own pool, once first used; guarded by executorLock. */
    private volatile ExecutorService pool;
    private volatile boolean closed;
    /** Hands each task to {@link #workers()}: the pool starts when a fan-out first needs it, not when a query is built. */
    /** The workers, each task carried over with what the observers keep of its caller's context (a current span). */
    private final Executor fanOut = task -> workers().execute(gateway().observers().carry(task));

    /**
     * @param session the façade this state belongs to (records loaded here are bound to it)
     * @param isDefault whether that session is the default one now
     */
    public SessionState(Session session, Config config, DynamoDbGateway gateway, TableManager tableManager,
            BooleanSupplier isDefault) {
        this.session = session;
        this.config = config;
        this.gateway = gateway;
        this.tableManager = tableManager;
        this.isDefault = isDefault;
        this.schemas = Schemas.forSession(config.converters(),
                new SessionConventions(config.attributeNaming(), config.timestampFormat(), config.partitioning(),
                        config.partitionSize()));
    }

    public Session session() {
        return session;
    }

    public Config config() {
        return config;
    }

    public DynamoDbGateway gateway() {
        return gateway;
    }

    public TableManager tableManager() {
        return tableManager;
    }

    /** @return whether the session is the default one (records it loads then follow the default) */
    public boolean isDefault() {
        return isDefault.getAsBoolean();
    }

    /**
     * The schema this session converts a model's values with: built with the converters its
     * configuration registers, then the global ones ({@code Converters.register}), then the
     * built-in ones; the global schema itself when the configuration registers none. Cached, and
     * allocation-free once built: every save, load, query and key conversion asks for it.
     *
     * <p>A model that declares a field stored under this session's lock version attribute is refused
     * here, at its first use in the session, before any request.
     *
     * @param type a model class
     * @return its schema in this session
     * @throws ModelDefinitionException when the class cannot be mapped with these converters, or
     *     declares the lock version attribute
     */
    @SuppressWarnings("unchecked")
    public <T> ModelSchema<T> schema(Class<T> type) {
        ModelSchema<T> last = (ModelSchema<T>) lastSchema.get(type);
        if (last != null && last.current()) {
            return last; // a run of saves or loads of one model: no ClassValue lookup per record
        }
        ModelSchema<T> schema = schemas.schema(type);
        lockVersionName(schema); // checked with the schema, once per class; then remembered
        return (ModelSchema<T>) lastSchema.remember(type, schema);
    }

    /** @return the physical table name of a model class in this session, checked once */
    public String tableName(Class<?> type) {
        String last = lastTableName.get(type);
        if (last != null) {
            return last; // a run of finds or saves of one model
        }
        String known = tableNames.get(type); // looked up first: every find and save asks, and computeIfAbsent locks a bin
        if (known == null) {
            known = tableNames.computeIfAbsent(type, t -> {
                ModelSchema<?> schema = Schemas.structure(t);
                return tableName(schema.tableBaseName(), schema.modelName());
            });
        }
        return lastTableName.remember(type, known);
    }

    /**
     * The physical name of a table in this session: the namespace and suffix applied, then the full
     * name checked (a base name is checked for its characters only, when its schema is built).
     *
     * @param baseName a model's or a join table's name
     * @param modelName the model it is for, named in the message
     * @return the full name
     * @throws ModelDefinitionException when DynamoDB would refuse the full name
     */
    public String tableName(String baseName, String modelName) {
        String name = config.tableName(baseName);
        TableNames.check(name, modelName);
        return name;
    }

    /** @return every table this session used so far: the models' and the join tables */
    public Collection<String> usedTableNames() {
        List<String> all = new ArrayList<>(tableNames.values());
        all.addAll(joinTables);
        return all;
    }

    /** Creates (or waits for) a join table, and remembers it as used. */
    public void readyTable(String table, TableDefinition definition, String what) {
        joinTables.add(table);
        tableManager.ensure(table, definition, what);
    }

    /** @return the model's table name, after making sure the table exists as configured */
    public String ready(ModelSchema<?> schema) {
        String table = tableName(schema.type());
        tableManager.ensure(table, schema.tableDefinition(), schema.modelName());
        return table;
    }

    /**
     * The lock version attribute of a model in this session: the model's {@code @Table(lockVersion)}
     * or the session's, unless locking is off for either.
     *
     * @throws ModelDefinitionException when the model declares a field stored under that name
     */
    public Optional<String> lockVersionName(ModelSchema<?> schema) {
        // By class: every schema of a class (its structure, this session's) has the same lock attribute.
        // Looked up before computing, so the hot path allocates no lambda.
        Optional<String> last = lastLockName.get(schema.type());
        if (last != null) {
            return last; // a run of loads or saves of one model asks this for every record
        }
        Optional<String> name = lockNames.get(schema.type());
        if (name == null) {
            name = lockNames.computeIfAbsent(schema.type(), t -> resolveLockVersionName(schema));
        }
        return lastLockName.remember(schema.type(), name);
    }

    /** @return the lock version attribute, or null without optimistic locking */
    public String lockAttribute(ModelSchema<?> schema) {
        return lockVersionName(schema).orElse(null);
    }

    private Optional<String> resolveLockVersionName(ModelSchema<?> schema) {
        if (!schema.locking() || config.lockVersion().isEmpty()) {
            if (schemas.schema(schema.type()).partitioned()) {
                throw new ModelDefinitionException(schema.modelName() + " is partitioned, and its copies are told apart by"
                        + " the lock version, but optimistic locking is off for it (" + (schema.locking()
                                ? "the session's lockVersion is empty" : "@Table(locking = false)") + "); turn locking on"
                        + " for it, or partitioning off with @Table(partitioning = Partitioning.OFF)");
            }
            return Optional.empty();
        }
        // The session's name goes through the model's naming in this session (lockVersion is lock_version in snake case).
        String name = schema.lockVersionName().orElseGet(() -> schemas.schema(schema.type()).naming().attributeName(config.lockVersion()));
        if (schema.attribute(name).isPresent()) {
            throw new ModelDefinitionException(schema.modelName() + " declares a field stored as '"
                    + name + "', the lock version attribute of this session; the lock version is kept by Dynarecord"
                    + " (lockVersion()): remove the field, rename it, or choose another name with @Table(lockVersion)");
        }
        return Optional.of(name);
    }

    /**
     * Where concurrent requests run (a fan-out's caller runs tasks too): each task goes to the
     * executor from the configuration, else to the session's own pool, created on first use.
     * Executing a task on a closed session throws {@link SessionClosedException}.
     *
     * @return the executor
     */
    public Executor executor() {
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

    /**
     * Refuses anything more: the gateway sends nothing, the pool stops (requests already running
     * finish). Idempotent.
     *
     * @return whether this call closed it (false when it was closed already)
     */
    public boolean close() {
        ExecutorService p;
        synchronized (executorLock) {
            if (closed) {
                return false;
            }
            closed = true;
            p = pool;
        }
        gateway.close(closedReason());
        if (p != null) {
            p.shutdown();
        }
        return true;
    }

    private SessionClosedException closedException(String what) {
        return new SessionClosedException(what + " was not started: " + closedReason());
    }

    private String closedReason() {
        return "session " + number + (config.namespace().isEmpty() ? "" : " (namespace '" + config.namespace() + "')")
                + " is closed. Use a session that is open (Session.open(...), or the default one); a record keeps the"
                + " session it was loaded through, so load it again through an open one";
    }

    /**
     * @return a record read from an item, after its after_find and after_initialize callbacks; in a
     *     single-table hierarchy, an instance of the class the item's discriminator names
     */
    public <T extends Model<?>> T load(ModelSchema<T> schema, Map<String, AttributeValue> item) {
        return load(schema, item, false);
    }

    /** @param partial whether the item holds only projected attributes: the record is partial before after_find runs */
    public <T extends Model<?>> T load(ModelSchema<T> queried, Map<String, AttributeValue> item, boolean partial) {
        ModelSchema<T> schema = queried.loading(item); // in a single-table hierarchy, the class the item names
        T record = schema.newInstance();
        schema.readItem(item, record);
        // an item from before its hierarchy has no discriminator: it is the root's as it is, not a change to write
        loaded(schema, record, schema.completed(item), null, partial);
        Callbacks callbacks = schema.callbacks();
        callbacks.run(CallbackEvent.AFTER_FIND, record);
        callbacks.run(CallbackEvent.AFTER_INITIALIZE, record);
        return record;
    }

    /** Marks a record as read from an item by this session (a load, or a reload of the same record). */
    public void loaded(ModelSchema<?> schema, Model<?> record, Map<String, AttributeValue> item, Map<String, AttributeValue> key,
            boolean partial) {
        String lock = lockAttribute(schema);
        AttributeValue version = lock == null ? null : item.get(lock);
        long lockVersion = version == null || version.n() == null ? 0 : Long.parseLong(version.n());
        RecordState.of(record).loaded(session, isDefault(), item, key, lockVersion, partial);
    }

    /** Marks a record as written by this session. */
    public void written(Model<?> record, Map<String, AttributeValue> before, Map<String, AttributeValue> item, List<String> names,
            Map<String, AttributeValue> key) {
        RecordState.of(record).written(session, isDefault(), before, item, names, key);
    }
}
