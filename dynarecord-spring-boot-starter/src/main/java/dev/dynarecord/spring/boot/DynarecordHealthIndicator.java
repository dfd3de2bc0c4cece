package dev.dynarecord.spring.boot;

import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.TableInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the models' tables: UP when every model found under {@code dynarecord.models.packages}
 * has its table and the table is ACTIVE; DOWN when one is missing or in another state (CREATING,
 * UPDATING, ...), or when DynamoDB cannot be asked. Details: the adapter, the namespace and each
 * table's status. One DescribeTable (and its TTL, backups) per model on each check. Thread-safe.
 */
public class DynarecordHealthIndicator implements HealthIndicator {

    /** The status of a table that does not exist, in the details. */
    public static final String MISSING = "MISSING";

    private final Session session;
    private final DynarecordModels models;

    /**
     * @param session the session whose tables are checked
     * @param models the models whose tables are checked
     */
    public DynarecordHealthIndicator(Session session, DynarecordModels models) {
        this.session = session;
        this.models = models;
    }

    @Override
    public Health health() {
        Map<String, String> tables = new LinkedHashMap<>();
        boolean allActive = true;
        for (Class<? extends Model<?>> type : models.types()) {
            Optional<TableInfo> table = session.tables().describe(type);
            String status = table.map(TableInfo::status).orElse(MISSING);
            tables.put(session.tableName(type), status);
            allActive &= "ACTIVE".equals(status);
        }
        Health.Builder health = allActive ? Health.up() : Health.down();
        return health.withDetail("adapter", session.config().adapter().name())
                .withDetail("namespace", session.config().namespace())
                .withDetail("tables", tables)
                .build();
    }
}
