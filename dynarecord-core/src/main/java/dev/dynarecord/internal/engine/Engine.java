package dev.dynarecord.internal.engine;

import dev.dynarecord.Import;
import dev.dynarecord.ImportResult;
import dev.dynarecord.Key;
import dev.dynarecord.Model;
import dev.dynarecord.ReadOptions;
import dev.dynarecord.Session;
import dev.dynarecord.config.Config;
import dev.dynarecord.exception.ConditionFailedException;
import dev.dynarecord.exception.RecordInvalidException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.internal.condition.Conditions;
import dev.dynarecord.internal.dynamo.BatchWriteOperation;
import dev.dynarecord.internal.dynamo.ClientFactory;
import dev.dynarecord.internal.dynamo.DeleteItemOperation;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import dev.dynarecord.internal.dynamo.GetItemOperation;
import dev.dynarecord.internal.dynamo.Guard;
import dev.dynarecord.internal.dynamo.Observers;
import dev.dynarecord.internal.dynamo.WriteSender;
import dev.dynarecord.internal.persist.AtomicUpdates;
import dev.dynarecord.internal.persist.Imports;
import dev.dynarecord.internal.persist.Persistence;
import dev.dynarecord.internal.persist.QueryWrites;
import dev.dynarecord.internal.persist.Transactions;
import dev.dynarecord.internal.query.BatchReads;
import dev.dynarecord.internal.query.QueryExecution;
import dev.dynarecord.internal.query.QuerySpec;
import dev.dynarecord.internal.query.TransactionReads;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.PartitionReads;
import dev.dynarecord.internal.state.Records;
import dev.dynarecord.internal.state.SessionState;
import dev.dynarecord.internal.table.TableManager;
import dev.dynarecord.lifecycle.Update;
import dev.dynarecord.lifecycle.WriteCondition;
import dev.dynarecord.query.Condition;
import dev.dynarecord.spi.RequestListener;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The engine behind one {@link Session}: the single object the public façade delegates to. It
 * wires the session's state (gateway, tables, lock policy) to the features that use it: writes
 * ({@link Persistence}), atomic updates ({@link AtomicUpdates}), reads by key, and writes over a
 * query ({@link QueryWrites}, fed by the query's {@link QueryExecution}). Thread-safe.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static volatile Function<Session, Engine> access;

    private final SessionState state;
    private final AutoCloseable owned;
    private final Persistence persistence;
    private final AtomicUpdates atomicUpdates;
    private final QueryWrites queryWrites;
    private final Imports imports;
    private final Transactions transactions;
    private final TableAdmin tables;

    /**
     * Connects to DynamoDB as the configuration says.
     *
     * @param session the façade this engine serves
     * @param isDefault whether that session is the default one now
     */
    public Engine(Session session, Config config, BooleanSupplier isDefault) {
        ClientFactory.Connection connection = ClientFactory.connect(config);
        DynamoDbGateway gateway = new DynamoDbGateway(connection.client(), config.listeners(), config.retryPolicy(),
                new Observers(config.observers(), config.slowRequestThreshold().orElse(null)));
        this.owned = connection.owned();
        this.state = new SessionState(session, config, gateway, new TableManager(gateway, config), isDefault);
        this.persistence = new Persistence(state);
        this.atomicUpdates = new AtomicUpdates(state);
        this.queryWrites = new QueryWrites(state, atomicUpdates);
        this.imports = new Imports(state, persistence);
        this.transactions = new Transactions(state, persistence, atomicUpdates);
        this.tables = new TableAdmin(state);
    }

    /**
     * Called once, by {@link Session}'s static initialiser, with the function that reads a session's
     * engine (which is not part of the public API).
     */
    public static void install(Function<Session, Engine> reader) {
        if (access != null) {
            throw new IllegalStateException("the engine reader is installed already");
        }
        access = reader;
    }

    /** @return the engine of a session */
    public static Engine of(Session session) {
        return access.apply(session);
    }

    public SessionState state() {
        return state;
    }

    /**
     * Does a model's one-time work now: its schema, table name, mapping and request classes; sends nothing.
     *
     * @param type a model class
     * @throws dev.dynarecord.exception.ModelDefinitionException when it is null or cannot be mapped
     */
    public void prime(Class<?> type) {
        Priming.prime(state, type);
    }

    public Config config() {
        return state.config();
    }

    public DynamoDbGateway gateway() {
        return state.gateway();
    }

    /** @return the session's table administration */
    public TableAdmin tables() {
        return tables;
    }

    /** @return the SDK client the session sends through (the escape hatch of {@code Session.client()}) */
    public DynamoDbClient client() {
        return state.gateway().client();
    }

    public void addListener(RequestListener listener) {
        state.gateway().addListener(listener);
    }

    public void removeListener(RequestListener listener) {
        state.gateway().removeListener(listener);
    }

    // ---- Writes ----

    public <T extends Model<?>> boolean save(T record, WriteCondition condition) {
        return save(record, condition, "save") == Persistence.Outcome.SAVED;
    }

    // the most frequent operations skip the observed path's lambda when nothing observes them
    private <T extends Model<?>> Persistence.Outcome save(T record, WriteCondition condition, String operation) {
        return observing() ? observed(operation, record.getClass(), () -> persistence.save(record, condition))
                : persistence.save(record, condition);
    }

    public <T extends Model<?>> void saveOrThrow(T record, WriteCondition condition) {
        Persistence.Outcome outcome = save(record, condition, "save");
        ModelSchema<?> schema = state.schema(record.getClass());
        if (outcome == Persistence.Outcome.INVALID) {
            throw new RecordInvalidException(Records.describe(schema, record) + " is invalid: " + record.errors()
                    + "; nothing was written", record.errors().asMap());
        }
        if (outcome == Persistence.Outcome.ABORTED) {
            throw new RecordNotSavedException(Records.describe(schema, record) + " was not saved: a before-callback"
                    + " returned false; nothing was written");
        }
    }

    public <T extends Model<?>> boolean destroy(T record, WriteCondition condition) {
        return observed("destroy", record.getClass(), () -> persistence.destroy(record, condition));
    }

    public <T extends Model<?>> void delete(T record) {
        observers().run("delete", record.getClass(), () -> persistence.delete(record));
    }

    public <T extends Model<?>> void reload(T record) {
        observers().run("reload", record.getClass(), () -> persistence.reload(record));
    }

    public <T extends Model<?>> boolean validate(T record) {
        return persistence.validate(record);
    }

    public <T extends Model<?>> void touch(T record) {
        observers().run("touch", record.getClass(), () -> persistence.touch(record));
    }

    public <T extends Model<?>> T build(Class<T> type) {
        return persistence.build(type);
    }

    public <T extends Model<?>> T atomicUpdate(Class<T> type, Object hash, Object range, WriteCondition condition,
            Consumer<Update> changes, boolean upsert) {
        return observed("update", type, () -> atomicUpdates.update(type, hash, range, condition, changes, upsert));
    }

    /** @return a new, empty list of a transaction's actions */
    public Transactions.Actions beginTransaction() {
        return transactions.begin();
    }

    /** @param actions a transaction's actions, sent as one TransactWriteItems (see {@link Transactions}) */
    public void commit(Transactions.Actions actions) {
        observers().run("transaction", null, () -> transactions.commit(actions));
    }

    /** @return a new, empty read transaction, sent as one TransactGetItems (see {@link TransactionReads}) */
    public TransactionReads beginReadTransaction() {
        return new TransactionReads(state);
    }

    public <T extends Model<?>> void increment(T record, String field, Number by, boolean down) {
        observers().run("update", record.getClass(), () -> atomicUpdates.increment(record, field, by, down));
    }

    /** @return what an import of these new records wrote (BatchWriteItem, 25 a request, see {@link Imports}) */
    public <T extends Model<?>> ImportResult<T> importAll(Class<T> type, Iterator<T> records, Import options) {
        return observed("import", type, () -> imports.importAll(state.schema(type), records, options));
    }

    // ---- Writes over a query: the query reads, page by page, and QueryWrites writes as it goes ----

    /** @return how many of the query's records were deleted (keys read, BatchWriteItem, no callbacks) */
    public <T extends Model<?>> long deleteAll(ModelSchema<T> schema, QuerySpec query) {
        return observed("delete_all", schema.type(), () -> queryWrites.deleteAll(schema,
                () -> new QueryExecution<>(schema, state, query).keys()));
    }

    /** @return how many of the query's records were destroyed (loaded, then each one's destroy()) */
    public <T extends Model<?>> long destroyAll(ModelSchema<T> schema, QuerySpec query) {
        return observed("destroy_all", schema.type(), () -> queryWrites.destroyAll(schema, !query.projection().isEmpty(),
                () -> new QueryExecution<>(schema, state, query).records()));
    }

    /** @return how many of the query's records got the atomic update (one UpdateItem each) */
    public <T extends Model<?>> long updateAll(ModelSchema<T> schema, QuerySpec query, Consumer<Update> changes) {
        return observed("update_all", schema.type(), () -> queryWrites.updateAll(schema, changes,
                () -> new QueryExecution<>(schema, state, query).keys()));
    }

    // ---- Reads by key ----

    public <T extends Model<?>> T find(Class<T> type, Object hash, Object range, ReadOptions options) {
        return (observing() ? observed("find", type, () -> get(type, hash, range, options)) : get(type, hash, range, options))
                .orElseThrow(() -> new RecordNotFoundException("no "
                + type.getSimpleName() + " with key " + Records.keyText(hash, range) + " in table " + state.tableName(type)
                + "; use find.byIdOptional(...) when absence is expected" + (state.schema(type).timeToLive().isPresent()
                        && !options.includesExpired() ? " (an item whose TTL has passed counts as absent: byId(id,"
                                + " includeExpired()) reads it)" : "")));
    }

    public <T extends Model<?>> Optional<T> findOptional(Class<T> type, Object hash, Object range, ReadOptions options) {
        return observing() ? observed("find", type, () -> get(type, hash, range, options)) : get(type, hash, range, options);
    }

    private <T extends Model<?>> Optional<T> get(Class<T> type, Object hash, Object range, ReadOptions options) {
        ModelSchema<T> schema = state.schema(type);
        Map<String, AttributeValue> key = schema.key(hash, range);
        Map<String, AttributeValue> item = schema.partitioned()
                ? PartitionReads.newest(state, schema, state.ready(schema), key, options.consistentRead(),
                        type.getSimpleName() + " " + Records.keyText(hash, range))
                : GetItemOperation.item(state.gateway(), state.ready(schema), key,
                        options.consistentRead(), () -> type.getSimpleName() + " " + Records.keyText(hash, range));
        // DynamoDB deletes expired items only eventually; a GetItem has no filter, so the item is checked here
        return item == null || !schema.admits(item) || !options.includesExpired() && schema.expired(item) ? Optional.empty()
                : Optional.of(state.load(schema, item));
    }

    public <T extends Model<?>> Map<Key, T> findAll(Class<T> type, Collection<Key> keys, List<String> projection,
            ReadOptions options) {
        return observed("find", type, () -> BatchReads.byKeys(state, type, keys, projection, options));
    }

    /** As {@link #findAll}, the records alone, in the order of their keys. */
    public <T extends Model<?>> List<T> findRecords(Class<T> type, Collection<Key> keys, List<String> projection,
            ReadOptions options) {
        return observed("find", type, () -> BatchReads.records(state, type, keys, projection, options));
    }

    public <T extends Model<?>> boolean exists(Class<T> type, Object hash, Object range, ReadOptions options) {
        return observing() ? observed("exists", type, () -> probe(type, hash, range, options)) : probe(type, hash, range, options);
    }

    private <T extends Model<?>> boolean probe(Class<T> type, Object hash, Object range, ReadOptions options) {
        ModelSchema<T> schema = state.schema(type);
        Map<String, AttributeValue> key = schema.key(hash, range);
        if (schema.partitioned()) {
            return get(type, hash, range, options).isPresent();
        }
        List<String> ttl = options.includesExpired() ? List.of() : schema.timeToLive().map(t -> List.of(t.name())).orElse(List.of());
        Map<String, AttributeValue> item = GetItemOperation.probe(state.gateway(), state.ready(schema), key,
                schema.withDiscriminator(ttl.isEmpty() ? schema.keyNames() : ttl), options.consistentRead(),
                type.getSimpleName() + " " + Records.keyText(hash, range));
        return item != null && schema.admits(item) && (options.includesExpired() || !schema.expired(item));
    }

    public <T extends Model<?>> void deleteByKey(Class<T> type, Object hash, Object range) {
        observers().run("delete", type, () -> deleteKey(type, hash, range));
    }

    private <T extends Model<?>> void deleteKey(Class<T> type, Object hash, Object range) {
        ModelSchema<T> schema = state.schema(type);
        Map<String, AttributeValue> key = schema.key(hash, range);
        String what = type.getSimpleName() + " " + Records.keyText(hash, range);
        Optional<Condition> restriction = Conditions.typeCondition(schema);
        if (schema.partitioned()) {
            BatchWriteOperation.delete(state.gateway(), state.ready(schema), schema.partitions().copies(key), what);
            return;
        }
        if (restriction.isEmpty()) {
            WriteSender.send(state.gateway(), DeleteItemOperation.of(state.ready(schema), key, what));
            return;
        }
        // a subclass's finder deletes only its own items: another class's item with the key is left, as an absent one is
        Guard guard = new Guard(Guard.Existence.ABSENT_OR_HOLDS, schema.hashKey().name(), null, 0, List.of(restriction.get()));
        try {
            WriteSender.send(state.gateway(), new DeleteItemOperation(state.ready(schema), key, guard, () -> what));
        } catch (ConditionFailedException otherClass) {
            // nothing of this class to delete
        }
    }

    /**
     * Runs a model-level operation as one to the session's observers (a span, a timer).
     *
     * @param operation its name, as {@link dev.dynarecord.spi.ObservedOperation#name()}
     * @param model the model class, or null
     * @param body the operation
     * @return what it returns
     */
    public <R> R observed(String operation, Class<?> model, Supplier<R> body) {
        return state.gateway().observers().around(operation, model, body);
    }

    private Observers observers() {
        return state.gateway().observers();
    }

    private boolean observing() {
        return state.gateway().observers().observesOperations();
    }

    @Override
    public void close() {
        if (!state.close()) {
            return;
        }
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.warn("Closing the session's client failed: {}", e.toString());
            }
        }
    }
}
