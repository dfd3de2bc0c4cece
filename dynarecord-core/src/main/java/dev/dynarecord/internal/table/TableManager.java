package dev.dynarecord.internal.table;

import dev.dynarecord.config.BillingMode;
import dev.dynarecord.config.Config;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.exception.TableNotFoundException;
import dev.dynarecord.internal.client.CallContext;
import dev.dynarecord.internal.client.DynamoDbGateway;
import dev.dynarecord.internal.client.ExceptionTranslator;
import dev.dynarecord.schema.TableDefinition;
import java.util.ArrayList;
import java.time.Duration;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates, checks, lists and drops tables. Creates a missing table on first use when the
 * configuration says so, and never alters an existing one: a table whose key differs from the
 * model's is an error. Thread-safe.
 */
public final class TableManager {

    private static final Logger LOG = LoggerFactory.getLogger(TableManager.class);

    private final DynamoDbGateway gateway;
    private final Config config;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * @param gateway the adapter layer
     * @param config the session's configuration (billing, capacities, auto-create)
     */
    public TableManager(DynamoDbGateway gateway, Config config) {
        this.gateway = gateway;
        this.config = config;
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
                checkKeys(existing.get(), definition, modelName);
            } else {
                create(tableName, definition);
            }
            ready.add(tableName);
        }
    }

    /**
     * Creates a table and waits until it is active.
     *
     * @param tableName the full table name
     * @param definition the keys and capacities
     * @return the table's description
     */
    public TableDescription create(String tableName, TableDefinition definition) {
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(tableName);
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        addKey(definition.hashKey(), KeyType.HASH, attributes, keys);
        definition.rangeKey().ifPresent(r -> addKey(r, KeyType.RANGE, attributes, keys));
        request.attributeDefinitions(attributes).keySchema(keys);
        if (config.billingMode() == BillingMode.ON_DEMAND) {
            request.billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST);
        } else {
            long read = definition.readCapacity() > 0 ? definition.readCapacity() : config.readCapacity();
            long write = definition.writeCapacity() > 0 ? definition.writeCapacity() : config.writeCapacity();
            request.billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PROVISIONED)
                    .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build());
        }
        boolean createdHere = true;
        try {
            gateway.createTable(request.build(), CallContext.of("creating table " + tableName, tableName));
            LOG.info("Created table {} with key {}", tableName, keys);
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof ResourceInUseException)) {
                throw e;
            }
            createdHere = false;
            LOG.debug("Table {} was created concurrently", tableName);
        }
        await(tableName, true);
        TableDescription created = describe(tableName).orElseThrow();
        if (!createdHere) {
            checkKeys(created, definition, "the model");
        }
        ready.add(tableName);
        return created;
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
                .overrideConfiguration(WaiterOverrideConfiguration.builder().maxAttempts(600)
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofSeconds(1))).build())
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

    private static void addKey(TableDefinition.KeyAttribute key, KeyType role, List<AttributeDefinition> attributes,
            List<KeySchemaElement> keys) {
        attributes.add(AttributeDefinition.builder().attributeName(key.name())
                .attributeType(ScalarAttributeType.fromValue(key.type().name())).build());
        keys.add(KeySchemaElement.builder().attributeName(key.name()).keyType(role).build());
    }

    /**
     * Checks that an existing table has the key a model declares.
     *
     * @param table the table's description
     * @param definition the model's table definition
     * @param modelName the model, for the message
     * @throws ModelDefinitionException when the keys differ
     */
    public static void checkKeys(TableDescription table, TableDefinition definition, String modelName) {
        String expected = describeKeys(definition);
        StringBuilder actual = new StringBuilder();
        for (KeySchemaElement k : table.keySchema()) {
            String type = table.attributeDefinitions().stream().filter(a -> a.attributeName().equals(k.attributeName()))
                    .map(a -> a.attributeTypeAsString()).findFirst().orElse("?");
            actual.append(actual.length() == 0 ? "" : ", ").append(k.attributeName()).append(' ').append(k.keyTypeAsString())
                    .append(' ').append(type);
        }
        if (!expected.contentEquals(actual)) {
            throw new ModelDefinitionException("table " + table.tableName() + " exists with key (" + actual + ") but "
                    + modelName + " declares (" + expected + "); Dynarecord never alters a table: migrate the table,"
                    + " or map the model to another table name or namespace");
        }
    }

    private static String describeKeys(TableDefinition d) {
        String hash = d.hashKey().name() + " HASH " + d.hashKey().type();
        return d.rangeKey().map(r -> hash + ", " + r.name() + " RANGE " + r.type()).orElse(hash);
    }
}
