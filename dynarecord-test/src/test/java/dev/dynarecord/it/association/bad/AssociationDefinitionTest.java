package dev.dynarecord.it.association.bad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.HasAndBelongsToMany;
import dev.dynarecord.HasMany;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.it.association.Address;
import dev.dynarecord.it.association.Member;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Mistakes in association declarations: each is a {@link ModelDefinitionException} that names the
 * association and says what to change, raised when the model (its schema) or the association (what
 * needs both models) is first used, before any request.
 */
@DynarecordTest
class AssociationDefinitionTest {

    private RequestRecorder recorder;

    @BeforeEach
    void setUp(RequestRecorder recorder) {
        this.recorder = recorder;
    }

    /** Runs the action, which must fail as a model definition mistake mentioning each text, with nothing sent. */
    private void rejected(Executable action, String... mentions) {
        recorder.clear();
        ModelDefinitionException e = Assertions.assertThrows(ModelDefinitionException.class, action);
        assertThat(e.getMessage()).contains(mentions);
        assertThat(recorder.summary()).as("requests sent").isEmpty();
    }

    // --- models -----------------------------------------------------------------------------------

    public static class Stranger extends Model<Stranger> {
        public static final Finder<Stranger> find = finder(Stranger.class);
        @Field public String name;
    }

    public static class Dad extends Model<Dad> {
        public static final Finder<Dad> find = finder(Dad.class);
        @Field public String name;
        public final HasMany<Kid> kids = hasMany(Kid.class);
    }

    public static class Mum extends Model<Mum> {
        public static final Finder<Mum> find = finder(Mum.class);
        @Field public String name;
        public final HasMany<Kid> children = hasMany(Kid.class);
        /** Kid.mum names "children" as its inverse, not this one. */
        public final HasMany<Kid> favourites = hasMany(Kid.class).inverseOf("mum");
    }

    public static class Godparent extends Model<Godparent> {
        public static final Finder<Godparent> find = finder(Godparent.class);
        @Field public String name;
        /** Kid has two belongsTo(Godparent.class). */
        public final HasMany<Kid> godchildren = hasMany(Kid.class);
    }

    public static class Kid extends Model<Kid> {
        public static final Finder<Kid> find = finder(Kid.class);
        @Field public String name;
        public final BelongsTo<Dad> dad = belongsTo(Dad.class);
        public final BelongsTo<Mum> mum = belongsTo(Mum.class).inverseOf("children");
        public final BelongsTo<Stranger> stranger = belongsTo(Stranger.class);
        public final BelongsTo<Godparent> godmother = belongsTo(Godparent.class);
        public final BelongsTo<Godparent> godfather = belongsTo(Godparent.class);
        public final HasAndBelongsToMany<Dad> idols = hasAndBelongsToMany(Dad.class);
    }

    public static class MissingInverse extends Model<MissingInverse> {
        public static final Finder<MissingInverse> find = finder(MissingInverse.class);
        public final HasMany<Kid> kids = hasMany(Kid.class).inverseOf("nope");
    }

    public static class InverseOfWrongKind extends Model<InverseOfWrongKind> {
        public static final Finder<InverseOfWrongKind> find = finder(InverseOfWrongKind.class);
        public final HasMany<Kid> kids = hasMany(Kid.class).inverseOf("idols");
    }

    public static class InverseToAnotherClass extends Model<InverseToAnotherClass> {
        public static final Finder<InverseToAnotherClass> find = finder(InverseToAnotherClass.class);
        public final HasMany<Kid> kids = hasMany(Kid.class).inverseOf("stranger");
    }

    public static class Lonely extends Model<Lonely> {
        public static final Finder<Lonely> find = finder(Lonely.class);
        public final HasMany<Kid> kids = hasMany(Kid.class);
    }

    public static class Keeper extends Model<Keeper> {
        public static final Finder<Keeper> find = finder(Keeper.class);
        public final HasAndBelongsToMany<Pet> pals = hasAndBelongsToMany(Pet.class);
    }

    public static class Pet extends Model<Pet> {
        public static final Finder<Pet> find = finder(Pet.class);
        /** names a hasAndBelongsToMany as its inverse. */
        public final BelongsTo<Keeper> keeper = belongsTo(Keeper.class).inverseOf("pals");
    }

    public static class Vet extends Model<Vet> {
        public static final Finder<Vet> find = finder(Vet.class);
        /** names a belongsTo as its inverse. */
        public final HasAndBelongsToMany<Pet> patients = hasAndBelongsToMany(Pet.class).inverseOf("keeper");
    }

    public static class Narcissus extends Model<Narcissus> {
        public static final Finder<Narcissus> find = finder(Narcissus.class);
        public final HasAndBelongsToMany<Narcissus> friends = hasAndBelongsToMany(Narcissus.class).inverseOf("friends");
    }

    public static class Reader extends Model<Reader> {
        public static final Finder<Reader> find = finder(Reader.class);
        public final HasAndBelongsToMany<Book> books = hasAndBelongsToMany(Book.class).inverseOf("readers").joinTable("reading");
    }

    public static class Book extends Model<Book> {
        public static final Finder<Book> find = finder(Book.class);
        public final HasAndBelongsToMany<Reader> readers = hasAndBelongsToMany(Reader.class).inverseOf("books").joinTable("loans");
    }

    @Table(name = "a_very_long_table_name_for_a_model_whose_join_table_name_would_be_derived_from_it_twice_and_so_be_too_long_and_longer_still_x")
    public static class LongNamed extends Model<LongNamed> {
        public static final Finder<LongNamed> find = finder(LongNamed.class);
        public final HasAndBelongsToMany<LongNamed> following = hasAndBelongsToMany(LongNamed.class).inverseOf("followers");
        public final HasAndBelongsToMany<LongNamed> followers = hasAndBelongsToMany(LongNamed.class).inverseOf("following");
    }

    public static class Shelf extends Model<Shelf> {
        public static final Finder<Shelf> find = finder(Shelf.class);
        public final HasMany<Slot> slots = hasMany(Slot.class).dependent(Dependent.NULLIFY);
    }

    @Table(key = "shelfId", rangeKey = "id")
    public static class Slot extends Model<Slot> {
        public static final Finder<Slot> find = finder(Slot.class);
        @Field public String label;
        public final BelongsTo<Shelf> shelf = belongsTo(Shelf.class).compositeKey();
    }

    public static class NotAModelTarget extends Model<NotAModelTarget> {
        public static final Finder<NotAModelTarget> find = finder(NotAModelTarget.class);
        @SuppressWarnings({"unchecked", "rawtypes"})
        public final HasMany names = hasMany((Class) String.class);
    }

    public static class NotFinal extends Model<NotFinal> {
        public static final Finder<NotFinal> find = finder(NotFinal.class);
        public HasMany<Kid> kids = hasMany(Kid.class);
    }

    public static class WrongForeignKeyType extends Model<WrongForeignKeyType> {
        public static final Finder<WrongForeignKeyType> find = finder(WrongForeignKeyType.class);
        @Field public long memberId;
        public final BelongsTo<Member> member = belongsTo(Member.class);
    }

    // --- schema mistakes: at the model's first use --------------------------------------------------

    @Test
    void schemaMistakesAtFirstUse() {
        rejected(NotAModelTarget::new, "NotAModelTarget", "'names'", "java.lang.String", "not a model", "extends Model");
        rejected(NotAModelTarget.find::build, "NotAModelTarget", "not a model");
        rejected(() -> NotAModelTarget.find.exists("x"), "not a model");
        rejected(NotFinal::new, "NotFinal", "'kids'", "not final", "final HasMany");
        rejected(WrongForeignKeyType::new, "'member'", "'memberId'", "declare 'memberId' as String");
        rejected(() -> WrongForeignKeyType.find.where("memberId", 1L).first(), "'memberId'");
    }

    // --- inverses ---------------------------------------------------------------------------------

    @Test
    void inverseNamingAMissingAssociation() {
        MissingInverse owner = MissingInverse.find.create(x -> { });
        rejected(() -> owner.kids.all(), "MissingInverse.kids", "inverseOf(\"nope\")", "Kid has no association 'nope'",
                "[dad, mum, stranger, godmother, godfather, idols]");
        rejected(() -> new MissingInverse().kids.build(k -> k.name = "x"), "inverseOf(\"nope\")");
    }

    @Test
    void inverseOfTheWrongKind() {
        InverseOfWrongKind owner = InverseOfWrongKind.find.create(x -> { });
        rejected(() -> owner.kids.create(k -> k.name = "x"), "InverseOfWrongKind.kids", "inverseOf(\"idols\")",
                "is a hasAndBelongsToMany", "the belongsTo on Kid");
        rejected(() -> new Pet().keeper.get(), "Pet.keeper", "inverseOf(\"pals\")", "is a hasAndBelongsToMany",
                "hasMany or hasOne on Keeper");
        Vet vet = Vet.find.create(x -> { });
        rejected(() -> vet.patients.all(), "Vet.patients", "inverseOf(\"keeper\")", "is a belongsTo",
                "hasAndBelongsToMany on Pet");
        assertThat(Kid.find.all()).extracting(k -> k.name).doesNotContain("x");
    }

    @Test
    void inversePointingToAnotherClass() {
        InverseToAnotherClass owner = InverseToAnotherClass.find.create(x -> { });
        rejected(() -> owner.kids.count(), "InverseToAnotherClass.kids", "inverseOf(\"stranger\")",
                "Kid.stranger points to Stranger, not InverseToAnotherClass");
    }

    @Test
    void inversesThatDoNotPointBack() {
        Mum mum = Mum.find.create(x -> { });
        rejected(() -> mum.favourites.all(), "Mum.favourites", "Kid.mum", "do not point back",
                "inverseOf(\"children\")", "name each other");
        // every association of a model is checked together: the good one does not run into the bad one later
        rejected(() -> mum.children.create(k -> k.name = "x"), "Mum.favourites", "do not point back");
        assertThat(Kid.find.all()).extracting(k -> k.name).doesNotContain("x");
    }

    @Test
    void hasManyWithoutBelongsToOnTheChild() {
        Lonely owner = Lonely.find.create(x -> { });
        rejected(() -> owner.kids.all(), "Lonely.kids", "needs a belongsTo(Lonely.class) on Kid",
                "final BelongsTo<Lonely> lonely = belongsTo(Lonely.class);");
    }

    @Test
    void hasManyWithTwoBelongsToToChooseFrom() {
        Godparent owner = Godparent.find.create(x -> { });
        rejected(() -> owner.godchildren.create(k -> k.name = "x"), "Godparent.godchildren", "[godmother, godfather]",
                "inverseOf(");
        assertThat(Kid.find.all()).extracting(k -> k.name).doesNotContain("x");
    }

    @Test
    void aGoodModelBesideTheBadOnesWorks() {
        Dad dad = Dad.find.create(x -> x.name = "D");
        Kid kid = dad.kids.create(k -> k.name = "K");
        assertThat(Kid.find.byId(kid.id()).dad.get().name).isEqualTo("D");
    }

    // --- join tables ------------------------------------------------------------------------------

    @Test
    void habtmWhoseInverseIsItself() {
        Narcissus n = Narcissus.find.create(x -> { });
        Narcissus m = Narcissus.find.create(x -> { });
        rejected(() -> n.friends.add(m), "Narcissus.friends", "names itself as its inverse", "second hasAndBelongsToMany");
    }

    @Test
    void habtmSidesNamingDifferentJoinTables() {
        Reader r = Reader.find.create(x -> { });
        Book b = Book.find.create(x -> { });
        rejected(() -> r.books.add(b), "Reader.books", "joinTable(\"reading\")", "Book.readers", "joinTable(\"loans\")",
                "name it once");
        rejected(() -> b.readers.add(r), "Book.readers", "joinTable(\"loans\")", "joinTable(\"reading\")");
    }

    @Test
    void habtmCreateWithAMistakeWritesNothing() {
        Reader r = Reader.find.create(x -> { });
        rejected(() -> r.books.create(b -> { }), "Reader.books", "joinTable(\"reading\")"); // and nothing sent: no PutItem
    }

    @Test
    void derivedJoinTableNameTooLong() {
        LongNamed a = LongNamed.find.create(x -> { });
        LongNamed b = LongNamed.find.create(x -> { });
        rejected(() -> a.following.add(b), "LongNamed.following", "is not a valid DynamoDB table name", "joinTable(\"...\")");
    }

    // --- composite keys ----------------------------------------------------------------------------

    @Test
    void compositeKeyChildrenCannotBeNullified() {
        Shelf shelf = Shelf.find.create(x -> { });
        rejected(() -> shelf.slots.create(s -> s.label = "a"), "Shelf.slots", "dependent(NULLIFY)", "Slot.shelf",
                "composite key", "Dependent.DESTROY or Dependent.DELETE");
        Slot slot = Slot.find.build(s -> s.label = "b");
        rejected(() -> slot.shelf.set(shelf), "dependent(NULLIFY)");
        assertThat(Slot.find.where("shelfId", shelf.id()).count()).isZero();
    }

    // --- options are declared once, where the field is initialised -----------------------------------

    @Test
    void optionsCalledOnALiveAssociation() {
        Member josh = Member.find.create(m -> m.name = "Josh");
        josh.addresses.all();
        rejected(() -> josh.addresses.dependent(Dependent.DELETE), "Member.addresses.dependent(...)", "after the association"
                + " was used", "where the field is initialised");
        josh.students.all();
        rejected(() -> josh.students.inverseOf("team"), "Member.students.inverseOf(...)");
        josh.team.get();
        rejected(() -> josh.team.compositeKey(), "Member.team.compositeKey(...)");
        josh.friends.all();
        rejected(() -> josh.friends.joinTable("other"), "Member.friends.joinTable(...)");
        assertThat(Member.find.byId(josh.id()).addresses.all()).isEmpty();

        // not used yet: the option is taken, but the record then disagrees with its model, which shows at its first use
        Member ada = new Member();
        ada.addresses.dependent(Dependent.DELETE);
        rejected(() -> ada.addresses.build(a -> a.city = "X"), "Member.addresses", "[dependent(DELETE)]",
                "[dependent(DESTROY)]", "field's initializer");
        rejected(ada::save, "Member.addresses", "dependent(DELETE)");
        assertThat(ada.isNewRecord()).isTrue();
    }
}
