package dev.dynarecord.internal.engine;

import dev.dynarecord.Model;
import dev.dynarecord.TableInfo;
import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.internal.association.AssociationLink;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.state.SessionState;
import dev.dynarecord.internal.table.TableManager;
import dev.dynarecord.internal.table.TableSettings;
import dev.dynarecord.internal.table.TableShapes;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A session's table administration, behind {@link dev.dynarecord.Tables}: create, sync, describe,
 * list and drop, with the session's names and the join tables of its associations.
 */
public final class TableAdmin {

    private final SessionState session;
    private final TableManager manager;

    TableAdmin(SessionState session) {
        this.session = session;
        this.manager = session.tableManager();
    }

    /**
     * Table names that start with this session's namespace and {@code _} (all tables when there is
     * no namespace). A namespace {@code app} also lists {@code app_dev_users}: namespaces that
     * extend one another share a prefix.
     *
     * @return the names, sorted
     */
    public List<String> list() {
        String namespace = session.config().namespace();
        return manager.list(namespace.isEmpty() ? "" : namespace + "_");
    }

    /**
     * Creates a model's table when missing, or checks the key of the existing one; the join tables
     * of its has-and-belongs-to-many associations are created too when missing. A new table gets the
     * model's stream, and then its TTL ({@code UpdateTimeToLive}) and point-in-time recovery
     * ({@code UpdateContinuousBackups}); an existing one is not altered ({@link #sync} does that).
     *
     * @param model the model class
     * @return the table as DynamoDB describes it
     * @throws dev.dynarecord.exception.ModelDefinitionException when an existing table's key differs
     */
    public TableInfo create(Class<? extends Model<?>> model) {
        ModelSchema<?> schema = session.schema(model);
        String name = session.tableName(model);
        createJoinTables(schema);
        Optional<TableDescription> existing = manager.describe(name);
        if (existing.isPresent()) {
            TableShapes.checkKeys(existing.get(), schema.tableDefinition(), schema.modelName());
            return info(existing.get());
        }
        return info(manager.create(name, schema.tableDefinition()));
    }

    /**
     * Brings a model's table up to its declared indexes: creates the table (with every index) when
     * missing; otherwise adds each declared global index the table lacks, one UpdateTable call per
     * index (DynamoDB creates one per call), waiting until each is active. On real DynamoDB this
     * takes minutes on a large table: the index is backfilled from the existing items, which stay
     * readable and writable meanwhile. Existing indexes are left as they are, and none is removed.
     *
     * <p>A missing local index cannot be added: DynamoDB creates those only with the table.
     *
     * <p>Then the table's settings are made to match the model's {@code @Table}: TTL turned on for
     * the declared attribute ({@code UpdateTimeToLive}); the stream turned on, off or to another view
     * ({@code UpdateTable}: another view is a new stream, with a new ARN); point-in-time recovery
     * turned on or off ({@code UpdateContinuousBackups}). A setting the model leaves
     * {@code UNMANAGED} (the default), and a TTL it does not declare, are left as they are. On an
     * engine without TTL or continuous backups (DynamoDB Local has no continuous backups) the
     * setting is skipped with a warning. See docs/tables.md.
     *
     * <pre>{@code
     * List<String> added = session.tables().sync(User.class);   // e.g. [email_index]
     * }</pre>
     *
     * @param model the model class
     * @return the names of the indexes created, in declaration order (empty when none was missing)
     * @throws dev.dynarecord.exception.ModelDefinitionException when the existing table's key differs
     *     from the model's, when it lacks a local index the model declares (the table must be recreated),
     *     or when its TTL is on for another attribute (DynamoDB changes it only off, then on an hour later)
     */
    public List<String> sync(Class<? extends Model<?>> model) {
        ModelSchema<?> schema = session.schema(model);
        createJoinTables(schema);
        return manager.sync(session.tableName(model), schema.tableDefinition(), schema.modelName());
    }

    /** The join tables of the model's has-and-belongs-to-many associations, created when missing. */
    private void createJoinTables(ModelSchema<?> schema) {
        for (dev.dynarecord.internal.schema.AssociationSchema a : schema.associations()) {
            if (a.kind() == dev.dynarecord.internal.schema.AssociationKind.HAS_AND_BELONGS_TO_MANY) {
                dev.dynarecord.internal.schema.TableDefinition join = AssociationLink.of(schema, a).joinTable();
                String table = session.tableName(join.baseName(), schema.modelName());
                if (manager.describe(table).isEmpty()) {
                    manager.create(table, join);
                }
                session.readyTable(table, join, a.where());
            }
        }
    }

    /**
     * @param model the model class
     * @return the table's description, or empty when it does not exist
     */
    public Optional<TableInfo> describe(Class<? extends Model<?>> model) {
        return manager.describe(session.tableName(model)).map(this::info);
    }

    /**
     * @param model the model class
     * @return whether its table exists
     */
    public boolean exists(Class<? extends Model<?>> model) {
        return manager.describe(session.tableName(model)).isPresent();
    }

    /**
     * Drops a model's table and every item in it.
     *
     * @param model the model class
     * @return whether the table existed
     */
    public boolean drop(Class<? extends Model<?>> model) {
        return manager.drop(session.tableName(model));
    }

    /**
     * Drops the tables of every model used through this session (found, saved, created or named
     * with {@code session.tableName(...)}), each inside this session's namespace. Tables of other
     * namespaces, even ones whose names start the same way, are never touched.
     *
     * @return how many tables were dropped
     * @throws ConfigurationException when the session has no namespace (it would drop every table)
     */
    public int dropAll() {
        if (session.config().namespace().isEmpty()) {
            throw new ConfigurationException("dropAll() needs a namespace: without one it would drop every table"
                    + " the credentials can see; set a namespace, or drop model tables one by one with drop(Model.class)");
        }
        int dropped = 0;
        for (String name : session.usedTableNames()) {
            if (manager.drop(name)) {
                dropped++;
            }
        }
        return dropped;
    }

    /** The table's description, with its TTL and backups (DescribeTimeToLive, DescribeContinuousBackups). */
    private TableInfo info(TableDescription d) {
        String hash = null;
        String range = null;
        for (KeySchemaElement k : d.keySchema()) {
            if (k.keyType() == KeyType.HASH) {
                hash = k.attributeName();
            } else {
                range = k.attributeName();
            }
        }
        boolean onDemand = d.billingModeSummary() != null
                && d.billingModeSummary().billingMode() == software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST;
        TableSettings.State settings = manager.settings(d.tableName());
        Optional<String> stream = d.streamSpecification() == null || !Boolean.TRUE.equals(d.streamSpecification().streamEnabled())
                ? Optional.empty() : Optional.of(d.streamSpecification().streamViewTypeAsString());
        long read = d.provisionedThroughput() == null || d.provisionedThroughput().readCapacityUnits() == null ? 0
                : d.provisionedThroughput().readCapacityUnits();
        long write = d.provisionedThroughput() == null || d.provisionedThroughput().writeCapacityUnits() == null ? 0
                : d.provisionedThroughput().writeCapacityUnits();
        return new TableInfo(d.tableName(), d.tableStatusAsString(), hash, Optional.ofNullable(range),
                onDemand ? "PAY_PER_REQUEST" : "PROVISIONED", onDemand ? 0 : read, onDemand ? 0 : write,
                d.itemCount() == null ? 0 : d.itemCount(), TableShapes.indexNames(d), settings.ttlAttribute(), settings.ttlStatus(),
                stream, settings.pointInTimeRecovery());
    }
}
