package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.exception.ModelDefinitionException;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * One association a model declares, as far as the model alone says: its kind, target and options,
 * and for a belongs_to the foreign-key attribute and the index over it. What needs the other model
 * (the inverse, the children's foreign key, a join table) is resolved when the association is first
 * used. Immutable and thread-safe.
 */
public final class AssociationSchema {

    private final String modelName;
    private final String name;
    private final AssociationKind kind;
    private final Class<?> target;
    private final String foreignKey;
    private final String inverseOf;
    private final Dependent dependent;
    private final boolean compositeKey;
    private final String joinTable;
    private final String index;
    private final MethodHandle accessor;
    private final AssociationOptions.Declaration declaration;

    AssociationSchema(String modelName, String name, AssociationOptions.Declaration d, String foreignKey, String index,
            MethodHandle accessor) {
        this.modelName = modelName;
        this.name = name;
        this.kind = d.kind();
        this.target = d.target();
        this.foreignKey = foreignKey;
        this.inverseOf = d.inverseOf().isEmpty() ? null : d.inverseOf();
        this.dependent = d.dependent();
        this.compositeKey = d.compositeKey();
        this.joinTable = d.joinTable().isEmpty() ? null : d.joinTable();
        this.index = index;
        this.accessor = accessor;
        this.declaration = d;
    }

    /** @return the field name, which names the association ({@code includes("addresses")}) */
    public String name() {
        return name;
    }

    /** @return the kind */
    public AssociationKind kind() {
        return kind;
    }

    /** @return the associated model class */
    public Class<?> target() {
        return target;
    }

    /**
     * The foreign key: for a belongs_to, the attribute of this model holding the owner's key; for a
     * has_many or has_one, the children's attribute if the declaration names it.
     *
     * @return the attribute name, if known from this model
     */
    public Optional<String> foreignKey() {
        return Optional.ofNullable(foreignKey);
    }

    /** @return the inverse association's name on the target, if declared */
    public Optional<String> inverseOf() {
        return Optional.ofNullable(inverseOf);
    }

    /** @return what the owner's destroy does to the associated records */
    public Dependent dependent() {
        return dependent;
    }

    /** @return whether this belongs_to is a composite key: its foreign key is the model's hash key */
    public boolean compositeKey() {
        return compositeKey;
    }

    /** @return the join table's base name, if declared */
    public Optional<String> joinTable() {
        return Optional.ofNullable(joinTable);
    }

    /** @return for a belongs_to without composite key, the global index over its foreign key */
    public Optional<String> index() {
        return Optional.ofNullable(index);
    }

    /**
     * The association object of a record.
     *
     * @param model a record of the declaring model
     * @return its association field's value
     * @throws ModelDefinitionException when the record's association declares other options than
     *     the schema read (an option was called on a record's association, after its initializer)
     */
    public Object of(Object model) {
        Object value;
        try {
            value = (Object) accessor.invokeExact(model);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        AssociationOptions field = value == null ? null : AssociationOptions.of(value);
        if (field == null || !field.declares(declaration)) {
            throw new ModelDefinitionException(where() + (field == null ? " is null in this record" : " of this record declares "
                    + field.declaration().options() + ", but the model declares " + declaration.options()) + "; options are read"
                    + " once, from the field's initializer: declare them there, never on a record's association");
        }
        return value;
    }

    /** @return where it is declared, for messages: {@code User.addresses} */
    public String where() {
        return modelName + "." + name;
    }

    @Override
    public String toString() {
        return where() + ": " + kind.declaration() + "(" + target.getSimpleName() + ")";
    }
}
