package dev.dynarecord;

import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.exception.AssociationException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.internal.association.AssociationKeys;
import dev.dynarecord.internal.association.AssociationLink;
import dev.dynarecord.internal.association.AssociationStore;
import dev.dynarecord.internal.association.Handles;
import dev.dynarecord.internal.schema.AssociationKind;
import dev.dynarecord.internal.schema.AssociationOptions;
import dev.dynarecord.internal.schema.AssociationSchema;
import dev.dynarecord.internal.schema.Hierarchy;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.Schemas;
import dev.dynarecord.internal.state.SessionState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the four association classes share: the owner record, the associated model, and the
 * declaration they were built from. An association object belongs to one record, is made by the
 * record's field initializer ({@code final HasMany<Address> addresses = hasMany(Address.class);}),
 * and is, like the record, not thread-safe.
 *
 * @param <T> the associated model
 */
public abstract class Association<T extends Model<?>> {

    static {
        Handles.install(new Hooks());
        AssociationOptions.install(handle -> ((Association<?>) handle).options);
    }

    final Model<?> owner;
    final AssociationOptions options;
    final Class<T> type;
    private AssociationSchema declared;

    Association(Model<?> owner, AssociationKind kind, Class<T> type) {
        this.options = new AssociationOptions(kind, type);
        this.owner = owner;
        this.type = type;
    }

    /** @return the association's name: its field name */
    public String name() {
        return declared().name();
    }

    /** @return the record that owns this association */
    public Model<?> owner() {
        return owner;
    }

    /** @return the associated model class */
    public Class<T> targetType() {
        return type;
    }

    /** Options may only be declared while the field is initialised, before the association is used. */
    final void declaring(String option) {
        if (declared != null) {
            throw new ModelDefinitionException(declared.where() + "." + option + "(...) is called after the association was"
                    + " used; declare options where the field is initialised");
        }
    }

    AssociationSchema declared() {
        if (declared == null) {
            ModelSchema<?> schema = Schemas.structure(owner.getClass());
            for (AssociationSchema a : schema.associations()) {
                if (a.of(owner) == this) {
                    declared = a;
                    return a;
                }
            }
            throw new ModelDefinitionException("an association of " + owner.getClass().getSimpleName() + " is used, but it is not"
                    + " the value of one of its fields; declare it as a final field: final " + getClass().getSimpleName()
                    + "<" + type.getSimpleName() + "> name = " + options.kind().declaration() + "(" + type.getSimpleName() + ".class);");
        }
        return declared;
    }

    /** The link in the owner's session: its schemas convert with that session's converters. */
    AssociationLink link() {
        ModelSchema<?> schema = ownerSchema();
        AssociationSchema declaration = declared();
        for (AssociationSchema a : schema.associations()) {
            if (a.name().equals(declaration.name())) {
                return AssociationLink.of(schema, a);
            }
        }
        throw new IllegalStateException(where() + " is not an association of " + schema);
    }

    /** @return the owner's schema in its session */
    ModelSchema<?> ownerSchema() {
        return session().engine().state().schema(owner.getClass());
    }

    /** @return the associated model's schema in the owner's session */
    ModelSchema<T> targetSchema() {
        return session().engine().state().schema(type);
    }

    Session session() {
        return owner.session();
    }

    /** @return the engine state of the owner's session */
    SessionState state() {
        return owner.session().engine().state();
    }

    /** @return the owner's key as the associated records keep it, or a RecordNotSavedException when it has none */
    Object ownerKey(String needed) {
        return AssociationKeys.foreignKeyOf(ownerSchema(), owner, where() + "." + needed);
    }

    /** @return whether the owner has a key (it was saved, or its key was set) */
    boolean ownerHasKey() {
        ModelSchema<?> schema = Schemas.structure(owner.getClass());
        return schema.hashKey().get(owner) != null && schema.rangeKey().map(r -> r.get(owner) != null).orElse(true);
    }

    /** Checks a record given to the association: of the associated class, not null. */
    T checked(Object record, String operation) {
        if (record == null) {
            throw new AssociationException(where() + "." + operation + "(null): pass a " + type.getSimpleName());
        }
        if (record.getClass() != type && !(type.isInstance(record) && Hierarchy.of(record.getClass()).isPresent())) {
            // a subclass of a single-table hierarchy is one of its root's (or parent's) records
            throw new AssociationException(where() + "." + operation + "(...) takes a " + type.getSimpleName() + ", not a "
                    + record.getClass().getName() + "; nothing was written");
        }
        return type.cast(record);
    }

    Optional<T> findByKey(Map<String, AttributeValue> key) {
        return AssociationStore.findByKey(state(), targetSchema(), key);
    }

    String where() {
        String name;
        try {
            name = declared().name();
        } catch (ModelDefinitionException notAField) {
            name = options.kind().declaration() + "(" + type.getSimpleName() + ")";
        }
        return owner.getClass().getSimpleName() + "." + name;
    }

    @Override
    public String toString() {
        return where() + " -> " + type.getSimpleName();
    }

    /** The engine's side of the handles: hooks of a save or destroy, and what a preload found. */
    private static final class Hooks implements Handles {

        @Override
        public void beforeSave(BelongsTo<?> belongsTo) {
            belongsTo.beforeSave();
        }

        @Override
        public void beforeDestroy(Association<?> association, Dependent dependent) {
            if (association instanceof ChildAssociation<?> children) {
                children.cascade(dependent, "destroy");
            } else if (association instanceof HasAndBelongsToMany<?> links) {
                links.unlinkAll();
            }
        }

        @Override
        public void preload(Association<?> children) {
            ((ChildAssociation<?>) children).preload();
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void remember(BelongsTo<?> belongsTo, Model<?> owner, Object key) {
            ((BelongsTo) belongsTo).remember(owner, key);
        }

        @Override
        public List<String> linkedKeys(HasAndBelongsToMany<?> links) {
            return links.linkedKeys(0);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void preloaded(HasAndBelongsToMany<?> links, List<? extends Model<?>> records) {
            ((HasAndBelongsToMany) links).preloaded((List) records);
        }
    }
}
