package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.exception.ModelDefinitionException;
import java.util.Objects;

/**
 * The declaration side of an association object, the value of a model's association field
 * ({@code final HasMany<Address> addresses = hasMany(Address.class);}). The schema builder reads the
 * declared options from one instance of the model; the association classes build on this.
 *
 * <p>Options are set while the field is initialised, by the fluent methods of the association
 * classes; every instance of a model declares the same ones.
 */
public abstract class AssociationField {

    private final AssociationKind kind;
    private final Class<?> target;
    private String foreignKey = "";
    private String inverseOf = "";
    private Dependent dependent = Dependent.NONE;
    private boolean compositeKey;
    private String joinTable = "";
    /** A belongs_to's foreign key when no field of the model declares it; read and written through its attribute. */
    Object foreignKeyValue;

    /**
     * @param kind the kind of association
     * @param target the associated model class
     */
    protected AssociationField(AssociationKind kind, Class<?> target) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (target == null) {
            throw new ModelDefinitionException(kind.declaration() + "(null): name the associated model class, as in "
                    + kind.declaration() + "(Address.class)");
        }
        this.target = target;
    }

    /** @return the kind of association */
    public final AssociationKind kind() {
        return kind;
    }

    /** @return the associated model class */
    public final Class<?> target() {
        return target;
    }

    /** @param name the foreign-key attribute name, see the association classes */
    protected final void declareForeignKey(String name) {
        foreignKey = checkedName(name, "foreignKey");
    }

    /** @param name the inverse association's field name on the target model */
    protected final void declareInverseOf(String name) {
        inverseOf = checkedName(name, "inverseOf");
    }

    /** @param value what happens to the associated records when the owner is destroyed */
    protected final void declareDependent(Dependent value) {
        if (value == null) {
            throw new ModelDefinitionException(kind.declaration() + "(" + target.getSimpleName() + ").dependent(null): pass one"
                    + " of " + java.util.Arrays.toString(Dependent.values()));
        }
        dependent = value;
    }

    /** Declares OceanDynamo's composite key: the foreign key is this model's hash key. */
    protected final void declareCompositeKey() {
        compositeKey = true;
    }

    /** @param name the join table's base name (namespace applied) */
    protected final void declareJoinTable(String name) {
        joinTable = checkedName(name, "joinTable");
    }

    /** @return the options as declared */
    final Declaration declaration() {
        return new Declaration(kind, target, foreignKey, inverseOf, dependent, compositeKey, joinTable);
    }

    /** @return whether this object declares these options (compared without building a declaration) */
    final boolean declares(Declaration d) {
        return kind == d.kind() && target == d.target() && foreignKey.equals(d.foreignKey()) && inverseOf.equals(d.inverseOf())
                && dependent == d.dependent() && compositeKey == d.compositeKey() && joinTable.equals(d.joinTable());
    }

    private String checkedName(String name, String option) {
        if (name == null || name.isBlank()) {
            throw new ModelDefinitionException(kind.declaration() + "(" + target.getSimpleName() + ")." + option + "(\"" + name
                    + "\"): give a name");
        }
        return name;
    }

    /** The options of an association field, as declared. Empty strings mean "not given". */
    record Declaration(AssociationKind kind, Class<?> target, String foreignKey, String inverseOf, Dependent dependent,
            boolean compositeKey, String joinTable) {

        /** @return the options given, for messages: {@code [inverseOf("teacher"), dependent(DESTROY)]} */
        java.util.List<String> options() {
            java.util.List<String> out = new java.util.ArrayList<>();
            if (!foreignKey.isEmpty()) {
                out.add("foreignKey(\"" + foreignKey + "\")");
            }
            if (!inverseOf.isEmpty()) {
                out.add("inverseOf(\"" + inverseOf + "\")");
            }
            if (dependent != Dependent.NONE) {
                out.add("dependent(" + dependent + ")");
            }
            if (compositeKey) {
                out.add("compositeKey()");
            }
            if (!joinTable.isEmpty()) {
                out.add("joinTable(\"" + joinTable + "\")");
            }
            return out;
        }
    }
}
