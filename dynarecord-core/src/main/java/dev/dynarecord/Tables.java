package dev.dynarecord;

import dev.dynarecord.internal.engine.TableAdmin;
import java.util.List;
import java.util.Optional;

/**
 * The tables of a session's models: list, create, describe, drop. Tables are also created on first
 * use when {@code autoCreateTables} is on; they are never altered silently.
 *
 * <pre>{@code
 * session.tables().create(User.class);
 * session.tables().describe(User.class).ifPresent(System.out::println);
 * session.tables().sync(User.class); // adds the global indexes declared since, matches TTL, stream, backups
 * session.tables().list();           // every table in the namespace
 * session.tables().drop(User.class);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Tables {

    private final TableAdmin admin;

    Tables(TableAdmin admin) {
        this.admin = admin;
    }

    /**
     * Table names that start with this session's namespace and {@code _} (all tables when there is
     * no namespace). A namespace {@code app} also lists {@code app_dev_users}: namespaces that
     * extend one another share a prefix.
     *
     * @return the names, sorted
     */
    public List<String> list() {
        return admin.list();
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
        return admin.create(model);
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
        return admin.sync(model);
    }

    /**
     * The table as DynamoDB describes it, with its TTL (DescribeTimeToLive), stream and
     * point-in-time recovery (DescribeContinuousBackups).
     *
     * @param model the model class
     * @return the table's description, or empty when it does not exist
     */
    public Optional<TableInfo> describe(Class<? extends Model<?>> model) {
        return admin.describe(model);
    }

    /**
     * @param model the model class
     * @return whether its table exists
     */
    public boolean exists(Class<? extends Model<?>> model) {
        return admin.exists(model);
    }

    /**
     * Drops a model's table and every item in it.
     *
     * @param model the model class
     * @return whether the table existed
     */
    public boolean drop(Class<? extends Model<?>> model) {
        return admin.drop(model);
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
        return admin.dropAll();
    }

}
