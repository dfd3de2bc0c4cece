package dev.dynarecord.internal.association;

import dev.dynarecord.Association;
import dev.dynarecord.BelongsTo;
import dev.dynarecord.Model;
import dev.dynarecord.internal.schema.AssociationSchema;
import dev.dynarecord.internal.schema.ModelSchema;

/** What a record's associations do around its writes: owners' keys taken before a save, dependents handled before a destroy. */
public final class Associations {

    private Associations() {
    }

    /** An owner set on a belongs_to before it was saved gives its key now. */
    public static void beforeSave(ModelSchema<?> schema, Model<?> record) {
        for (AssociationSchema a : schema.associations()) {
            if (a.of(record) instanceof BelongsTo<?> belongsTo) {
                Handles.get().beforeSave(belongsTo);
            }
        }
    }

    /**
     * Before the owner's item is deleted: children destroyed, deleted or unlinked as each has_many and
     * has_one declares, a page at a time; join-table links removed.
     */
    public static void beforeDestroy(ModelSchema<?> schema, Model<?> record) {
        if (!record.isPersisted()) {
            return;
        }
        for (AssociationSchema a : schema.associations()) {
            if (a.of(record) instanceof Association<?> association) {
                Handles.get().beforeDestroy(association, a.dependent());
            }
        }
    }
}
