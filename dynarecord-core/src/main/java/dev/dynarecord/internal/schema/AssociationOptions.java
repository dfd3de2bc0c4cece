package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.exception.ModelDefinitionException;
import java.util.Objects;
import java.util.function.Function;

/**
 * The declared options of an association object, the value of a model's association field
 * ({@code final HasMany<Address> addresses = hasMany(Address.class);}). The schema builder reads the
 * declared options from one instance of the model; the association classes set them.
 *
 * <p>Options are set while the field is initialised, by the fluent methods of the association
 * classes; every instance of a model declares the same ones. Each handle holds its own options;
 * the engine reads them through {@link #of(Object)}.
 */
public class AssociationOptions {

    private static volatile Function<Object, AssociationOptions> access;

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
    /**
     * Called once, by the association handles' base class, with the function that reads a handle's
     * options (which are not part of the public API).
     */
    public static void install(Function<Object, AssociationOptions> reader) {
        if (access != null) {
            throw new IllegalStateException("the association options reader is installed already");
        }
        access = reader;
    }

    /** @return the options of an association handle */
    public static AssociationOptions of(Object handle) {
        return handle instanceof AssociationOptions options ? options : access.apply(handle);
    }

    public AssociationOptions(AssociationKind kind, Class<?> target) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (target == null) {
            throw new ModelDefinitionException(kind.declaration() + "(null): name the associated model class, as in "
                    + kind.declaration() + "(Address.class)");
        }
        this.target = target;
    }

    /** @return the kind of association */
    public AssociationKind kind() {
        return kind;
    }

    /** @return the associated model class */
    public Class<?> target() {
        return target;
    }

    /** @param name the foreign-key attribute name, see the association classes */
    public void declareForeignKey(String name) {
        foreignKey = checkedName(name, "foreignKey");
    }

    /** @param name the inverse association's field name on the target model */
    public void declareInverseOf(String name) {
        inverseOf = checkedName(name, "inverseOf");
    }

    /** @param value what happens to the associated records when the owner is destroyed */
    public void declareDependent(Dependent value) {
        if (value == null) {
            throw new ModelDefinitionException(kind.declaration() + "(" + target.getSimpleName() + ").dependent(null): pass one"
                    + " of " + java.util.Arrays.toString(Dependent.values()));
        }
        dependent = value;
    }

    /** Declares OceanDynamo's composite key: the foreign key is this model's hash key. */
    public void declareCompositeKey() {
        compositeKey = true;
    }

    /** @param name the join table's base name (namespace applied) */
    public void declareJoinTable(String name) {
        joinTable = checkedName(name, "joinTable");
    }

    /** @return the options as declared */
    Declaration declaration() {
        return new Declaration(kind, target, foreignKey, inverseOf, dependent, compositeKey, joinTable);
    }

    /** @return whether this object declares these options (compared without building a declaration) */
    boolean declares(Declaration d) {
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
