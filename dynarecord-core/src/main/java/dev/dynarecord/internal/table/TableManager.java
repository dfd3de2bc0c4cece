package dev.dynarecord.internal.table;

import dev.dynarecord.config.BillingMode;
import dev.dynarecord.config.Config;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.exception.TableNotFoundException;
import dev.dynarecord.internal.dynamo.CallContext;
import dev.dynarecord.internal.dynamo.DynamoDbGateway;
import dev.dynarecord.internal.dynamo.ExceptionTranslator;
import dev.dynarecord.internal.schema.IndexSchema;
import dev.dynarecord.internal.schema.TableDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates, checks, lists and drops tables. Creates a missing table (with its secondary indexes) on
 * first use when the configuration says so, and never alters an existing one on its own: a table
 * whose key differs from the model's is an error, a missing index a warning; {@link #sync} adds
 * missing global indexes and brings the TTL, stream and point-in-time recovery the model manages
 * to what it declares ({@link TableSettings}) when asked. Thread-safe.
 */
public final class TableManager {

    private static final Logger LOG = LoggerFactory.getLogger(TableManager.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final int MAX_POLLS = 600;

    private final DynamoDbGateway gateway;
    private final Config config;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final TableSettings settings;

    /**
     * @param gateway the adapter layer
     * @param config the session's configuration (billing, capacities, auto-create)
     */
    public TableManager(DynamoDbGateway gateway, Config config) {
        this.gateway = gateway;
        this.config = config;
        this.settings = new TableSettings(gateway, table -> awaitGlobalIndexes(table, List.of()));
    }

    /**
     * Makes sure a model's table can be used: the first time, creates it when missing (if
     * auto-create is on) or checks its key. Later calls return at once.
     *
     * @param tableName the full table name
     * @param definition the model's table definition
     * @param modelName the model, for messages
     */
    public void ensure(String tableName, TableDefinition definition, String modelName) {
        if (!config.autoCreateTables() || ready.contains(tableName)) {
            return;
        }
        synchronized (locks.computeIfAbsent(tableName, n -> new Object())) {
            if (ready.contains(tableName)) {
                return;
            }
            Optional<TableDescription> existing = describe(tableName);
            if (existing.isPresent()) {
                TableShapes.checkKeys(existing.get(), definition, modelName);
            } else {
                create(tableName, definition);
            }
            ready.add(tableName);
        }
    }

    /**
     * Creates a table with its secondary indexes and stream, waits until it and its global indexes
     * are active, then turns on its TTL and point-in-time recovery when the definition asks.
     *
     * @param tableName the full table name
     * @param definition the keys, indexes and capacities
     * @return the table's description
     */
    public TableDescription create(String tableName, TableDefinition definition) {
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(tableName);
        Map<String, TableDefinition.KeyAttribute> attributes = new LinkedHashMap<>();
        List<KeySchemaElement> keys = TableShapes.keySchema(definition.hashKey(), definition.rangeKey(), attributes, tableName);
        boolean onDemand = config.billingMode() == BillingMode.ON_DEMAND;
        long read = definition.readCapacity() > 0 ? definition.readCapacity() : config.readCapacity();
        long write = definition.writeCapacity() > 0 ? definition.writeCapacity() : config.writeCapacity();
        List<LocalSecondaryIndex> locals = new ArrayList<>();
        List<GlobalSecondaryIndex> globals = new ArrayList<>();
        for (IndexSchema index : definition.indexes()) {
            List<KeySchemaElement> indexKeys = TableShapes.keySchema(TableDefinition.indexHashKey(index), TableDefinition.indexRangeKey(index),
                    attributes, tableName);
            if (index.global()) {
                globals.add(GlobalSecondaryIndex.builder().indexName(index.name()).keySchema(indexKeys)
                        .projection(TableShapes.projection(index)).provisionedThroughput(onDemand ? null : TableShapes.throughput(index, read, write))
                        .build());
            } else {
                locals.add(LocalSecondaryIndex.builder().indexName(index.name()).keySchema(indexKeys)
                        .projection(TableShapes.projection(index)).build());
            }
        }
        request.attributeDefinitions(attributes.values().stream().map(TableShapes::attributeDefinition).toList())
                .keySchema(keys).streamSpecification(TableSettings.streamOnCreate(definition.options()));
        if (!locals.isEmpty()) {
            request.localSecondaryIndexes(locals);
        }
        if (!globals.isEmpty()) {
            request.globalSecondaryIndexes(globals);
        }
        if (onDemand) {
            request.billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST);
        } else {
            request.billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PROVISIONED)
                    .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build());
        }
        boolean createdHere = true;
        try {
            gateway.createTable(request.build(), CallContext.of("creating table " + tableName, tableName));
            LOG.info("Created table {} with key {} and indexes {}", tableName, keys,
                    definition.indexes().stream().map(IndexSchema::describe).toList());
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof ResourceInUseException)) {
                throw e;
            }
            createdHere = false;
            LOG.debug("Table {} was created concurrently", tableName);
        }
        await(tableName, true);
        TableDescription created = awaitGlobalIndexes(tableName, globals.stream().map(GlobalSecondaryIndex::indexName).toList());
        if (!createdHere) {
            TableShapes.checkKeys(created, definition, "the model");
        } else {
            settings.applyOnCreate(tableName, definition.options());
        }
        ready.add(tableName);
        return created;
    }

    /**
     * Makes an existing table carry a model's indexes and settings: creates the table when missing,
     * else adds the model's missing global indexes, one UpdateTable call each (DynamoDB creates one
     * per call), waiting for each to be active, then brings the TTL, stream and point-in-time
     * recovery the model manages to what it declares ({@link TableSettings}). Local indexes can only
     * be created with the table.
     *
     * @param tableName the full table name
     * @param definition the model's table definition
     * @param modelName the model, for messages
     * @return the names of the indexes created (all of them when the table was created)
     * @throws ModelDefinitionException when the table's key differs, it lacks a declared local index, or
     *     its TTL is on for another attribute
     */
    public List<String> sync(String tableName, TableDefinition definition, String modelName) {
        synchronized (locks.computeIfAbsent(tableName, n -> new Object())) {
            Optional<TableDescription> existing = describe(tableName);
            if (existing.isEmpty()) {
                create(tableName, definition);
                return definition.indexes().stream().map(IndexSchema::name).toList();
            }
            TableDescription table = existing.get();
            TableShapes.checkTableKey(table, definition, modelName);
            List<IndexSchema> missing = TableShapes.missingIndexes(table, definition);
            List<String> missingLocal = missing.stream().filter(i -> !i.global()).map(IndexSchema::name).toList();
            if (!missingLocal.isEmpty()) {
                throw new ModelDefinitionException("table " + tableName + " lacks the local index(es) " + missingLocal + " that "
                        + modelName + " declares, and DynamoDB creates local indexes only with the table: recreate the table"
                        + " (copy its items, drop it, create it again from the model), or remove the @LocalIndex");
            }
            List<String> created = new ArrayList<>();
            for (IndexSchema index : missing) {
                addGlobalIndex(table, index);
                created.add(index.name());
                table = describe(tableName).orElseThrow();
            }
            List<String> changed = settings.reconcile(table, definition.options(), modelName);
            if (!changed.isEmpty()) {
                LOG.info("Table {} brought to {}'s settings: {}", tableName, modelName, changed);
            }
            ready.add(tableName);
            return created;
        }
    }

    private void addGlobalIndex(TableDescription table, IndexSchema index) {
        String tableName = table.tableName();
        Map<String, TableDefinition.KeyAttribute> attributes = new LinkedHashMap<>();
        List<KeySchemaElement> keys = TableShapes.keySchema(TableDefinition.indexHashKey(index), TableDefinition.indexRangeKey(index),
                attributes, tableName);
        for (TableDefinition.KeyAttribute a : attributes.values()) {
            table.attributeDefinitions().stream().filter(d -> d.attributeName().equals(a.name())).findFirst()
                    .filter(d -> !d.attributeTypeAsString().equals(a.type().name()))
                    .ifPresent(d -> {
                        throw new ModelDefinitionException("table " + tableName + " defines the attribute " + a.name() + " as "
                                + d.attributeTypeAsString() + ", but index " + index.name() + " needs it as " + a.type()
                                + "; change the field's type, or index another attribute");
                    });
        }
        boolean onDemand = table.billingModeSummary() != null
                && table.billingModeSummary().billingMode() == software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST;
        ProvisionedThroughput throughput = null;
        if (!onDemand) {
            long read = table.provisionedThroughput() == null || table.provisionedThroughput().readCapacityUnits() == null
                    ? config.readCapacity() : table.provisionedThroughput().readCapacityUnits();
            long write = table.provisionedThroughput() == null || table.provisionedThroughput().writeCapacityUnits() == null
                    ? config.writeCapacity() : table.provisionedThroughput().writeCapacityUnits();
            throughput = TableShapes.throughput(index, read, write);
        }
        CreateGlobalSecondaryIndexAction create = CreateGlobalSecondaryIndexAction.builder().indexName(index.name())
                .keySchema(keys).projection(TableShapes.projection(index)).provisionedThroughput(throughput).build();
        gateway.updateTable(UpdateTableRequest.builder().tableName(tableName)
                        .attributeDefinitions(attributes.values().stream().map(TableShapes::attributeDefinition).toList())
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(create).build()).build(),
                CallContext.of("adding index " + index.name() + " to table " + tableName, tableName));
        LOG.info("Adding index {} to table {}", index.describe(), tableName);
        awaitGlobalIndexes(tableName, List.of(index.name()));
        LOG.info("Index {} of table {} is active", index.name(), tableName);
    }

    /**
     * Polls DescribeTable every second until the table is ACTIVE and each named global index exists
     * and is ACTIVE (real DynamoDB builds and backfills them after CreateTable or UpdateTable returns).
     */
    private TableDescription awaitGlobalIndexes(String tableName, List<String> indexNames) {
        CallContext context = CallContext.of("waiting for the indexes of table " + tableName, tableName);
        DescribeTableRequest describe = DescribeTableRequest.builder().tableName(tableName).build();
        for (int attempt = 1; ; attempt++) {
            TableDescription table = gateway.describeTable(describe, context).table();
            Map<String, String> statuses = new LinkedHashMap<>();
            for (String name : indexNames) {
                statuses.put(name, table.globalSecondaryIndexes().stream().filter(g -> g.indexName().equals(name)).findFirst()
                        .map(GlobalSecondaryIndexDescription::indexStatusAsString).orElse("MISSING"));
            }
            boolean active = table.tableStatus() == TableStatus.ACTIVE
                    && statuses.values().stream().allMatch(IndexStatus.ACTIVE.toString()::equals);
            if (active) {
                return table;
            }
            if (attempt >= MAX_POLLS) {
                throw new DynarecordException("table " + tableName + " (" + table.tableStatusAsString() + ") still has indexes "
                        + statuses + " after " + MAX_POLLS + " seconds; DynamoDB keeps building them: wait, then try again");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DynarecordException("interrupted while waiting for the indexes of table " + tableName, e);
            }
        }
    }

    /**
     * Describes a table.
     *
     * @param tableName the full table name
     * @return its description, or empty when it does not exist
     */
    public Optional<TableDescription> describe(String tableName) {
        try {
            return Optional.of(gateway.describeTable(DescribeTableRequest.builder().tableName(tableName).build(),
                    CallContext.of("describing table " + tableName, tableName)).table());
        } catch (TableNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * @param tableName the full table name of an existing table
     * @return its TTL and point-in-time recovery, as the engine reports them
     */
    public TableSettings.State settings(String tableName) {
        return settings.read(tableName);
    }

    /**
     * Drops a table and waits until it is gone.
     *
     * @param tableName the full table name
     * @return whether the table existed
     */
    public boolean drop(String tableName) {
        ready.remove(tableName);
        try {
            gateway.deleteTable(DeleteTableRequest.builder().tableName(tableName).build(),
                    CallContext.of("dropping table " + tableName, tableName));
        } catch (TableNotFoundException e) {
            return false;
        }
        await(tableName, false);
        LOG.info("Dropped table {}", tableName);
        return true;
    }

    /** Waits for a table to exist (or to be gone), polling every second, with SDK failures translated. */
    private void await(String tableName, boolean exists) {
        DescribeTableRequest describe = DescribeTableRequest.builder().tableName(tableName).build();
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(gateway.client())
                .overrideConfiguration(WaiterOverrideConfiguration.builder().maxAttempts(MAX_POLLS)
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(POLL)).build())
                .build()) {
            if (exists) {
                waiter.waitUntilTableExists(describe);
            } else {
                waiter.waitUntilTableNotExists(describe);
            }
        } catch (SdkException e) {
            throw ExceptionTranslator.translate(e, "DescribeTable", CallContext.of("waiting for table " + tableName, tableName));
        }
    }

    /**
     * Lists table names that start with a prefix, following ListTables pages.
     *
     * @param prefix the prefix; empty for every table
     * @return the names, sorted
     */
    public List<String> list(String prefix) {
        List<String> names = new ArrayList<>();
        String start = null;
        do {
            ListTablesResponse page = gateway.listTables(ListTablesRequest.builder().exclusiveStartTableName(start).build(),
                    CallContext.of("listing tables", "(all)"));
            page.tableNames().stream().filter(n -> n.startsWith(prefix)).forEach(names::add);
            start = page.lastEvaluatedTableName();
        } while (start != null);
        names.sort(null);
        return names;
    }

}
