package dev.dynarecord.spring.boot;

import dev.dynarecord.Model;
import dev.dynarecord.Session;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model classes found under {@code dynarecord.models.packages}: what startup created or synced
 * the tables of, and what the health indicator checks. Immutable and thread-safe.
 */
public final class DynarecordModels {

    private static final Logger LOG = LoggerFactory.getLogger(DynarecordModels.class);

    private final List<Class<? extends Model<?>>> types;

    /** @param types the model classes */
    public DynarecordModels(List<Class<? extends Model<?>>> types) {
        this.types = List.copyOf(types);
    }

    /** @return the model classes, sorted by name */
    public List<Class<? extends Model<?>>> types() {
        return types;
    }

    /**
     * Creates or syncs the models' tables.
     *
     * @param session the session
     * @param action what to do
     * @throws dev.dynarecord.exception.ModelDefinitionException when an existing table's key differs from a model's
     */
    void prepareTables(Session session, TableAction action) {
        for (Class<? extends Model<?>> type : types) {
            switch (action) {
                case CREATE -> session.tables().create(type);
                case SYNC -> {
                    List<String> added = session.tables().sync(type);
                    if (!added.isEmpty()) {
                        LOG.info("Added the index(es) {} to table {}", added, session.tableName(type));
                    }
                }
                case NONE -> {
                    return;
                }
            }
        }
        if (action != TableAction.NONE && !types.isEmpty()) {
            LOG.info("Dynarecord tables {}: {} model(s)", action == TableAction.CREATE ? "created" : "synced", types.size());
        }
    }
}
