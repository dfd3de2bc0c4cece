package dev.dynarecord.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.HasAndBelongsToMany;
import dev.dynarecord.HasMany;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.ModelDefinitionException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Every mistake in a model's association declarations is a {@link ModelDefinitionException} when
 * its schema is built, naming the model and the association and saying what to change.
 */
class AssociationDeclarationsTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> definitionOf(Class<?> type) {
        return assertThatThrownBy(() -> TestSchemas.of(type)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining(type.getSimpleName());
    }

    /** Declares options the public association classes do not offer, to reach the checks behind them. */
    static final class Declared extends AssociationOptions {
        Declared(AssociationKind kind, Class<?> target) {
            super(kind, target);
        }

        Declared compositeKey() {
            declareCompositeKey();
            return this;
        }

        Declared dependent(Dependent d) {
            declareDependent(d);
            return this;
        }

        Declared joinTable(String name) {
            declareJoinTable(name);
            return this;
        }

        Declared foreignKey(String name) {
            declareForeignKey(name);
            return this;
        }
    }

    static class Owner extends Model<Owner> {
        @Field String name;
    }

    @Table(key = "code")
    static class Coded extends Model<Coded> {
        @Field String code;
    }

    // --- what the field is --------------------------------------------------------------------------

    static class NotAModel extends Model<NotAModel> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        final HasMany names = hasMany((Class) String.class);
    }

    static class TheBaseClass extends Model<TheBaseClass> {
        final Declared any = new Declared(AssociationKind.HAS_MANY, Model.class);
    }

    @Test
    void targetThatIsNotAModel() {
        definitionOf(NotAModel.class).hasMessageContaining("'names'").hasMessageContaining("java.lang.String")
                .hasMessageContaining("not a model").hasMessageContaining("extends Model");
        definitionOf(TheBaseClass.class).hasMessageContaining("'any'").hasMessageContaining("not a model");
    }

    static class NotFinal extends Model<NotFinal> {
        HasMany<Owner> owners = hasMany(Owner.class);
    }

    static class NullField extends Model<NullField> {
        final HasMany<Owner> owners = null;
    }

    static class NullTarget extends Model<NullTarget> {
        final HasMany<Owner> owners = hasMany(null);
    }

    @Test
    void fieldNotFinalNullOrWithoutTarget() {
        definitionOf(NotFinal.class).hasMessageContaining("'owners'").hasMessageContaining("not final")
                .hasMessageContaining("final HasMany");
        definitionOf(NullField.class).hasMessageContaining("'owners'").hasMessageContaining("null")
                .hasMessageContaining("initialise it");
        definitionOf(NullTarget.class).hasMessageContaining("hasMany(null)").hasMessageContaining("name the associated model");
    }

    static class BlankOption extends Model<BlankOption> {
        final BelongsTo<Owner> owner = belongsTo(Owner.class).foreignKey(" ");
    }

    static class NullDependent extends Model<NullDependent> {
        final HasMany<Owner> owners = hasMany(Owner.class).dependent(null);
    }

    @Test
    void blankOrNullOptionsSayWhichModel() {
        definitionOf(BlankOption.class).hasMessageContaining("foreignKey").hasMessageContaining("give a name");
        definitionOf(NullDependent.class).hasMessageContaining("dependent(null)").hasMessageContaining("DESTROY");
    }

    // --- options on the wrong kind --------------------------------------------------------------------

    static class CompositeHasMany extends Model<CompositeHasMany> {
        final Declared owners = new Declared(AssociationKind.HAS_MANY, Owner.class).compositeKey();
    }

    static class DependentBelongsTo extends Model<DependentBelongsTo> {
        final Declared owner = new Declared(AssociationKind.BELONGS_TO, Owner.class).dependent(Dependent.DESTROY);
    }

    static class DependentHabtm extends Model<DependentHabtm> {
        final Declared owners = new Declared(AssociationKind.HAS_AND_BELONGS_TO_MANY, Owner.class).dependent(Dependent.DELETE);
    }

    static class JoinTableOnHasMany extends Model<JoinTableOnHasMany> {
        final Declared owners = new Declared(AssociationKind.HAS_MANY, Owner.class).joinTable("links");
    }

    static class ForeignKeyOnHabtm extends Model<ForeignKeyOnHabtm> {
        final Declared owners = new Declared(AssociationKind.HAS_AND_BELONGS_TO_MANY, Owner.class).foreignKey("ownerId");
    }

    @Test
    void optionsOnTheWrongKind() {
        definitionOf(CompositeHasMany.class).hasMessageContaining("'owners'").hasMessageContaining("compositeKey()")
                .hasMessageContaining("only a belongsTo");
        definitionOf(DependentBelongsTo.class).hasMessageContaining("'owner'").hasMessageContaining("dependent(DESTROY)")
                .hasMessageContaining("declare it on Owner's hasMany");
        definitionOf(DependentHabtm.class).hasMessageContaining("'owners'").hasMessageContaining("dependent(DELETE)")
                .hasMessageContaining("join table").hasMessageContaining("remove dependent");
        definitionOf(JoinTableOnHasMany.class).hasMessageContaining("joinTable(\"links\")")
                .hasMessageContaining("only a hasAndBelongsToMany");
        definitionOf(ForeignKeyOnHabtm.class).hasMessageContaining("foreignKey(\"ownerId\")")
                .hasMessageContaining("joinTable(");
    }

    static class BadJoinTable extends Model<BadJoinTable> {
        final HasAndBelongsToMany<Owner> owners = hasAndBelongsToMany(Owner.class).joinTable("a b");
    }

    static class EmptyJoinTable extends Model<EmptyJoinTable> {
        final HasAndBelongsToMany<Owner> owners = hasAndBelongsToMany(Owner.class).joinTable("");
    }

    @Test
    void invalidJoinTableName() {
        definitionOf(BadJoinTable.class).hasMessageContaining("'owners'").hasMessageContaining("joinTable(\"a b\")")
                .hasMessageContaining("3 to 255");
        definitionOf(EmptyJoinTable.class).hasMessageContaining("joinTable(\"\")").hasMessageContaining("give a name");
    }

    // --- composite keys -------------------------------------------------------------------------------

    @Table(key = "ownerId", rangeKey = "id")
    static class TwoComposites extends Model<TwoComposites> {
        final BelongsTo<Owner> owner = belongsTo(Owner.class).compositeKey();
        final BelongsTo<Owner> other = belongsTo(Owner.class).compositeKey();
    }

    @Table(key = "title", rangeKey = "id")
    static class CompositeNotTheKey extends Model<CompositeNotTheKey> {
        @Field String title;
        final BelongsTo<Owner> owner = belongsTo(Owner.class).compositeKey();
    }

    static class CompositeBesideHashKey extends Model<CompositeBesideHashKey> {
        @HashKey String title;
        final BelongsTo<Owner> owner = belongsTo(Owner.class).compositeKey();
    }

    @Table(key = "ownerId")
    static class CompositeWithoutRange extends Model<CompositeWithoutRange> {
        final BelongsTo<Owner> owner = belongsTo(Owner.class).compositeKey();
    }

    static class CompositeWithoutTable extends Model<CompositeWithoutTable> {
        final BelongsTo<Owner> owner = belongsTo(Owner.class).compositeKey();
    }

    @Table(key = "ownerId", rangeKey = "id")
    static class Composite extends Model<Composite> {
        final BelongsTo<Owner> owner = belongsTo(Owner.class).compositeKey();
    }

    @Test
    void compositeKeys() {
        definitionOf(TwoComposites.class).hasMessageContaining("[owner, other]").hasMessageContaining("only one");
        definitionOf(CompositeNotTheKey.class).hasMessageContaining("'ownerId' must be the hash key")
                .hasMessageContaining("'title'").hasMessageContaining("@Table(key = \"ownerId\", rangeKey = \"id\")");
        definitionOf(CompositeBesideHashKey.class).hasMessageContaining("'ownerId' must be the hash key")
                .hasMessageContaining("'title'");
        definitionOf(CompositeWithoutRange.class).hasMessageContaining("no range key")
                .hasMessageContaining("rangeKey = \"id\"");
        definitionOf(CompositeWithoutTable.class).hasMessageContaining("no range key");
        ModelSchema<?> ok = TestSchemas.of(Composite.class);
        assertThat(ok.hashKey().name()).isEqualTo("ownerId");
        assertThat(ok.tableDefinition().indexes()).isEmpty();
    }

    // --- foreign keys ---------------------------------------------------------------------------------

    static class WrongForeignKeyType extends Model<WrongForeignKeyType> {
        @Field long ownerId;
        final BelongsTo<Owner> owner = belongsTo(Owner.class);
    }

    static class WrongNamedForeignKeyType extends Model<WrongNamedForeignKeyType> {
        @Field int holder;
        final BelongsTo<Coded> coded = belongsTo(Coded.class).foreignKey("holder");
    }

    static class SharedForeignKey extends Model<SharedForeignKey> {
        final BelongsTo<Owner> first = belongsTo(Owner.class).foreignKey("ownerId");
        final BelongsTo<Owner> second = belongsTo(Owner.class).foreignKey("ownerId");
    }

    static class ForeignKeyIsTheHashKey extends Model<ForeignKeyIsTheHashKey> {
        final BelongsTo<Owner> owner = belongsTo(Owner.class).foreignKey("id");
    }

    static class ForeignKeyIsATimestamp extends Model<ForeignKeyIsATimestamp> {
        final BelongsTo<Owner> owner = belongsTo(Owner.class).foreignKey("createdAt");
    }

    static class ForeignKeyClashesWithIndex extends Model<ForeignKeyClashesWithIndex> {
        @Field @dev.dynarecord.annotation.GlobalIndex(name = "ownerId_index") String other;
        final BelongsTo<Owner> owner = belongsTo(Owner.class);
    }

    static class DeclaredForeignKey extends Model<DeclaredForeignKey> {
        @Field String ownerId;
        final BelongsTo<Owner> owner = belongsTo(Owner.class);
    }

    @Test
    void foreignKeys() {
        definitionOf(WrongForeignKeyType.class).hasMessageContaining("'owner'").hasMessageContaining("'ownerId'")
                .hasMessageContaining("Long").hasMessageContaining("declare 'ownerId' as String");
        definitionOf(WrongNamedForeignKeyType.class).hasMessageContaining("'holder'").hasMessageContaining("Integer")
                .hasMessageContaining("declare 'holder' as String");
        definitionOf(SharedForeignKey.class).hasMessageContaining("'first' and 'second'").hasMessageContaining("'ownerId'")
                .hasMessageContaining("another foreignKey");
        definitionOf(ForeignKeyIsTheHashKey.class).hasMessageContaining("'id'").hasMessageContaining("hash key")
                .hasMessageContaining("compositeKey()");
        definitionOf(ForeignKeyIsATimestamp.class).hasMessageContaining("createdAt").hasMessageContaining("keeps itself");
        definitionOf(ForeignKeyClashesWithIndex.class).hasMessageContaining("'ownerId_index'").hasMessageContaining("rename");
        ModelSchema<?> ok = TestSchemas.of(DeclaredForeignKey.class);
        assertThat(ok.associations()).singleElement().satisfies(a -> {
            assertThat(a.foreignKey()).contains("ownerId");
            assertThat(a.index()).contains("ownerId_index");
        });
    }

    static class TwentyOneOwners extends Model<TwentyOneOwners> {
        final BelongsTo<Owner> o1 = belongsTo(Owner.class);
        final BelongsTo<Owner> o2 = belongsTo(Owner.class);
        final BelongsTo<Owner> o3 = belongsTo(Owner.class);
        final BelongsTo<Owner> o4 = belongsTo(Owner.class);
        final BelongsTo<Owner> o5 = belongsTo(Owner.class);
        final BelongsTo<Owner> o6 = belongsTo(Owner.class);
        final BelongsTo<Owner> o7 = belongsTo(Owner.class);
        final BelongsTo<Owner> o8 = belongsTo(Owner.class);
        final BelongsTo<Owner> o9 = belongsTo(Owner.class);
        final BelongsTo<Owner> o10 = belongsTo(Owner.class);
        final BelongsTo<Owner> o11 = belongsTo(Owner.class);
        final BelongsTo<Owner> o12 = belongsTo(Owner.class);
        final BelongsTo<Owner> o13 = belongsTo(Owner.class);
        final BelongsTo<Owner> o14 = belongsTo(Owner.class);
        final BelongsTo<Owner> o15 = belongsTo(Owner.class);
        final BelongsTo<Owner> o16 = belongsTo(Owner.class);
        final BelongsTo<Owner> o17 = belongsTo(Owner.class);
        final BelongsTo<Owner> o18 = belongsTo(Owner.class);
        final BelongsTo<Owner> o19 = belongsTo(Owner.class);
        final BelongsTo<Owner> o20 = belongsTo(Owner.class);
        final BelongsTo<Owner> o21 = belongsTo(Owner.class);
    }

    @Test
    void tooManyGlobalIndexesCountingBelongsTo() {
        definitionOf(TwentyOneOwners.class).hasMessageContaining("21 global indexes").hasMessageContaining("one per belongsTo")
                .hasMessageContaining("20");
    }
}
