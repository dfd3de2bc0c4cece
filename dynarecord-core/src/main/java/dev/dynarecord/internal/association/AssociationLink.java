package dev.dynarecord.internal.association;

import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.internal.schema.AssociationKind;
import dev.dynarecord.internal.schema.AssociationSchema;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.TableDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an association needs from both models, resolved and checked once, when it is first used:
 * the children's foreign key and the index over it, the inverse, the join table. Every mistake is
 * a {@link ModelDefinitionException} raised before any request.
 *
 * @param declared the association on the owner's model
 * @param owner the owner's schema
 * @param target the associated model's schema
 * @param foreignKey the foreign-key attribute: the owner's own for a belongs_to, the children's for a
 *     has_many or has_one; null for a has_and_belongs_to_many
 * @param index the global index over the children's foreign key, or null when they are read by the
 *     table key (composite key) or this is not a has_many or has_one
 * @param inverse the association on the target pointing back, if there is one
 * @param joinTable for a has_and_belongs_to_many, the join table
 * @param left for a has_and_belongs_to_many, whether the owner's key is the join table's left side
 */
public record AssociationLink(AssociationSchema declared, ModelSchema<?> owner, ModelSchema<?> target, AttributeSchema foreignKey,
        String index, Optional<AssociationSchema> inverse, TableDefinition joinTable, boolean left) {

    private static final Map<AssociationSchema, AssociationLink> CACHE = new ConcurrentHashMap<>();

    /**
     * The link of an association, resolved on first use together with every other association of
     * the owner's model: a mistake in any of them shows before the first request of any, so no
     * operation that reaches several (a destroy's dependents) stops halfway on one.
     */
    public static AssociationLink of(ModelSchema<?> owner, AssociationSchema declared) {
        AssociationLink link = CACHE.get(declared);
        if (link == null) {
            link = cached(owner, declared);
            for (AssociationSchema other : owner.associations()) {
                cached(owner, other);
            }
        }
        return link;
    }

    private static AssociationLink cached(ModelSchema<?> owner, AssociationSchema declared) {
        AssociationLink link = CACHE.get(declared);
        if (link == null) {
            link = resolve(owner, declared);
            AssociationLink raced = CACHE.putIfAbsent(declared, link);
            link = raced == null ? link : raced;
        }
        return link;
    }

    /** @return whether the children are read by their table's hash key (OceanDynamo's composite key) */
    public boolean composite() {
        return index == null && joinTable == null && declared.kind() != AssociationKind.BELONGS_TO;
    }

    /** @return the join table attribute holding the owner's key */
    public String ownSide() {
        return left ? TableDefinition.JOIN_LEFT : TableDefinition.JOIN_RIGHT;
    }

    /** @return the join table attribute holding the target's key */
    public String otherSide() {
        return left ? TableDefinition.JOIN_RIGHT : TableDefinition.JOIN_LEFT;
    }

    private static AssociationLink resolve(ModelSchema<?> owner, AssociationSchema a) {
        ModelSchema<?> target = owner.related(a.target()); // with the owner's converters: the same session's
        return switch (a.kind()) {
            case BELONGS_TO -> belongsTo(owner, a, target);
            case HAS_MANY, HAS_ONE -> hasMany(owner, a, target);
            case HAS_AND_BELONGS_TO_MANY -> habtm(owner, a, target);
        };
    }

    private static AssociationLink belongsTo(ModelSchema<?> owner, AssociationSchema a, ModelSchema<?> target) {
        Optional<AssociationSchema> inverse = Optional.empty();
        if (a.inverseOf().isPresent()) {
            AssociationSchema named = named(a, target, a.inverseOf().get());
            if (named.kind() != AssociationKind.HAS_MANY && named.kind() != AssociationKind.HAS_ONE) {
                throw define(a, "names inverseOf(\"" + named.name() + "\"), which is a " + named.kind().declaration()
                        + "; the inverse of a belongsTo is a hasMany or hasOne on " + target.modelName());
            }
            pointsBack(a, named, owner);
            inverse = Optional.of(named);
        } else {
            List<AssociationSchema> candidates = target.associations().stream()
                    .filter(x -> (x.kind() == AssociationKind.HAS_MANY || x.kind() == AssociationKind.HAS_ONE)
                            && x.target() == owner.type() && x.inverseOf().map(a.name()::equals).orElse(true))
                    .toList();
            List<AssociationSchema> exact = candidates.stream().filter(x -> x.inverseOf().isPresent()).toList();
            inverse = exact.size() == 1 ? Optional.of(exact.get(0))
                    : candidates.size() == 1 && siblings(owner, a).size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
        }
        if (a.compositeKey() && inverse.isPresent() && inverse.get().dependent() == Dependent.NULLIFY) {
            throw define(inverse.get(), "declares dependent(NULLIFY), but " + a.where() + " is a composite key: the foreign key"
                    + " is the hash key and cannot be removed; use Dependent.DESTROY or Dependent.DELETE");
        }
        return new AssociationLink(a, owner, target, owner.attributeOrThrow(a.foreignKey().orElseThrow()), null, inverse, null, true);
    }

    private static List<AssociationSchema> siblings(ModelSchema<?> owner, AssociationSchema a) {
        return owner.associations().stream().filter(x -> x.kind() == AssociationKind.BELONGS_TO && x.target() == a.target()).toList();
    }

    private static AssociationLink hasMany(ModelSchema<?> owner, AssociationSchema a, ModelSchema<?> child) {
        AssociationSchema belongsTo;
        if (a.inverseOf().isPresent()) {
            belongsTo = named(a, child, a.inverseOf().get());
            if (belongsTo.kind() != AssociationKind.BELONGS_TO) {
                throw define(a, "names inverseOf(\"" + belongsTo.name() + "\"), which is a " + belongsTo.kind().declaration()
                        + "; the inverse of a " + a.kind().declaration() + " is the belongsTo on " + child.modelName()
                        + " that holds the foreign key");
            }
        } else {
            List<AssociationSchema> candidates = child.associations().stream()
                    .filter(x -> x.kind() == AssociationKind.BELONGS_TO && x.target() == owner.type())
                    .filter(x -> a.foreignKey().map(fk -> fk.equals(x.foreignKey().orElse(null))).orElse(true))
                    .toList();
            if (candidates.isEmpty()) {
                throw define(a, "needs a belongsTo(" + owner.modelName() + ".class) on " + child.modelName()
                        + (a.foreignKey().map(fk -> " with foreign key '" + fk + "'").orElse("")) + " to hold the owner's key;"
                        + " add final BelongsTo<" + owner.modelName() + "> " + decapitalize(owner.modelName()) + " = belongsTo("
                        + owner.modelName() + ".class); to " + child.modelName());
            }
            if (candidates.size() > 1) {
                throw define(a, "could use any of " + candidates.stream().map(AssociationSchema::name).toList() + " on "
                        + child.modelName() + "; name one with inverseOf(\"...\")");
            }
            belongsTo = candidates.get(0);
        }
        pointsBack(a, belongsTo, owner);
        String fk = belongsTo.foreignKey().orElseThrow();
        if (a.foreignKey().isPresent() && !a.foreignKey().get().equals(fk)) {
            throw define(a, "declares foreignKey(\"" + a.foreignKey().get() + "\"), but its inverse " + belongsTo.where()
                    + " keeps the key in '" + fk + "'; declare the same name on both, or only on the belongsTo");
        }
        if (belongsTo.compositeKey() && a.dependent() == Dependent.NULLIFY) {
            throw define(a, "declares dependent(NULLIFY), but " + belongsTo.where() + " is a composite key: the foreign key is"
                    + " the hash key and cannot be removed; use Dependent.DESTROY or Dependent.DELETE");
        }
        return new AssociationLink(a, owner, child, child.attributeOrThrow(fk), belongsTo.index().orElse(null),
                Optional.of(belongsTo), null, true);
    }

    private static AssociationLink habtm(ModelSchema<?> owner, AssociationSchema a, ModelSchema<?> target) {
        Optional<AssociationSchema> inverse = Optional.empty();
        if (a.inverseOf().isPresent()) {
            AssociationSchema named = named(a, target, a.inverseOf().get());
            if (named.kind() != AssociationKind.HAS_AND_BELONGS_TO_MANY) {
                throw define(a, "names inverseOf(\"" + named.name() + "\"), which is a " + named.kind().declaration()
                        + "; the inverse of a hasAndBelongsToMany is a hasAndBelongsToMany on " + target.modelName());
            }
            if (named == a) {
                throw define(a, "names itself as its inverse; declare a second hasAndBelongsToMany on " + target.modelName()
                        + " for the other direction (friends / friendingUsers)");
            }
            pointsBack(a, named, owner);
            inverse = Optional.of(named);
        }
        String own = owner.tableDefinition().baseName() + "_" + a.name();
        String table;
        boolean left = true;
        if (inverse.isPresent()) {
            String other = target.tableDefinition().baseName() + "_" + inverse.get().name();
            left = own.compareTo(other) <= 0;
            String derived = left ? own + "_" + other : other + "_" + own;
            Optional<String> mine = a.joinTable();
            Optional<String> theirs = inverse.get().joinTable();
            if (mine.isPresent() && theirs.isPresent() && !mine.equals(theirs)) {
                throw define(a, "declares joinTable(\"" + mine.get() + "\") but its inverse " + inverse.get().where()
                        + " declares joinTable(\"" + theirs.get() + "\"); both sides share one join table: name it once");
            }
            table = mine.or(() -> theirs).orElse(derived);
        } else {
            table = a.joinTable().orElse(own);
        }
        try {
            dev.dynarecord.internal.schema.TableNames.checkBase(table, owner.modelName());
        } catch (ModelDefinitionException e) {
            throw define(a, "needs a join table, and the name derived for it, '" + table + "', is not a valid DynamoDB table"
                    + " name (3 to 255 characters of letters, digits, '_', '-' and '.'); name it with joinTable(\"...\")"
                    + (inverse.isPresent() ? " on one side" : ""));
        }
        return new AssociationLink(a, owner, target, null, null, inverse, TableDefinition.joinTable(table), left);
    }

    private static AssociationSchema named(AssociationSchema a, ModelSchema<?> target, String name) {
        return target.association(name).orElseThrow(() -> define(a, "names inverseOf(\"" + name + "\"), but "
                + target.modelName() + " has no association '" + name + "'; its associations are "
                + target.associations().stream().map(AssociationSchema::name).toList()));
    }

    /** An inverse must point at the owner's model, and back at this association if it names one. */
    private static void pointsBack(AssociationSchema a, AssociationSchema inverse, ModelSchema<?> owner) {
        if (inverse.target() != owner.type()) {
            throw define(a, "names inverseOf(\"" + inverse.name() + "\"), but " + inverse.where() + " points to "
                    + inverse.target().getSimpleName() + ", not " + owner.modelName());
        }
        if (inverse.inverseOf().isPresent() && !inverse.inverseOf().get().equals(a.name())) {
            throw define(a, "and " + inverse.where() + " do not point back at each other: " + inverse.where()
                    + " names inverseOf(\"" + inverse.inverseOf().get() + "\"); make them name each other");
        }
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static ModelDefinitionException define(AssociationSchema a, String problem) {
        return new ModelDefinitionException(a.where() + " (" + a.kind().declaration() + "(" + a.target().getSimpleName()
                + ".class)) " + problem);
    }
}
