package dev.dynarecord.it.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.annotation.DiscriminatorValue;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.exception.UnknownDiscriminatorException;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * A single-table hierarchy declared wrongly is a {@link ModelDefinitionException} that says what to
 * change, raised when a schema is built, before any request; a sealed hierarchy needs no list.
 */
@DynarecordTest
class InheritanceDefinitionTest {

    @Table(subtypes = {IntSize.class, TextSize.class})
    public static class Conflicting extends Model<Conflicting> {
    }

    public static class IntSize extends Conflicting {
        @Field public int size;
    }

    public static class TextSize extends Conflicting {
        @Field public String size;
    }

    @Table(subtypes = OwnTable.class)
    public static class OwnTableRoot extends Model<OwnTableRoot> {
    }

    @Table(name = "elsewhere")
    public static class OwnTable extends OwnTableRoot {
    }

    @Table(subtypes = OwnKey.class)
    public static class OwnKeyRoot extends Model<OwnKeyRoot> {
    }

    public static class OwnKey extends OwnKeyRoot {
        @HashKey public String code;
    }

    @Table(subtypes = OwnIndex.class)
    public static class OwnIndexRoot extends Model<OwnIndexRoot> {
    }

    public static class OwnIndex extends OwnIndexRoot {
        @Field @Index public String code;
    }

    @Table(subtypes = {SameA.class, SameB.class})
    public static class SameValues extends Model<SameValues> {
    }

    @DiscriminatorValue("same")
    public static class SameA extends SameValues {
    }

    @DiscriminatorValue("same")
    public static class SameB extends SameValues {
    }

    public static class Unrelated extends Model<Unrelated> {
        static Finder<Unrelated> sub() {
            return subFinder(Unrelated.class);
        }
    }

    @Table(subtypes = Unrelated.class)
    public static class ListsAStranger extends Model<ListsAStranger> {
    }

    @Table(subtypes = Listed.class)
    public static class ListingRoot extends Model<ListingRoot> {
    }

    public static class Listed extends ListingRoot {
    }

    public static class Unlisted extends ListingRoot {
    }

    @Table(subtypes = Grandchild.class)
    public static class SkippingRoot extends Model<SkippingRoot> {
    }

    public static class Middle extends SkippingRoot {
    }

    public static class Grandchild extends Middle {
    }

    @Table(subtypes = CollidingSub.class)
    public static class Colliding extends Model<Colliding> {
        @Field public String type;
    }

    public static class CollidingSub extends Colliding {
    }

    @Table(subtypes = NamedSub.class, discriminator = "kind")
    public static class NamedColliding extends Model<NamedColliding> {
        @Field public String kind;
    }

    public static class NamedSub extends NamedColliding {
    }

    @Table(subtypes = LinkedSub.class)
    public static class LinkingRoot extends Model<LinkingRoot> {
    }

    /** Its belongsTo adds the index unrelatedId_index, which the root's table does not have. */
    public static class LinkedSub extends LinkingRoot {
        public final BelongsTo<Unrelated> unrelated = belongsTo(Unrelated.class);
    }

    /** Its subclass is never named by the test before an item of it is read: membership is the annotation's. */
    @Table(subtypes = LateSub.class)
    public static class Depot extends Model<Depot> {
        public static final Finder<Depot> find = finder(Depot.class);
    }

    public static class LateSub extends Depot {
        static boolean initialised;

        static {
            initialised = true;
        }

        @Field public String note;
    }

    @DiscriminatorValue("lonely")
    public static class LonelyValue extends Model<LonelyValue> {
    }

    /** A sealed hierarchy lists nothing: its permitted subclasses are its classes. Naming and the attribute name are the root's. */
    @Table(naming = AttributeNaming.SNAKE_CASE, discriminator = "shape_kind")
    public abstract static sealed class Shape extends Model<Shape> permits Circle, Polygon {
        public static final Finder<Shape> find = finder(Shape.class);
        @Field public String label;
    }

    public static final class Circle extends Shape {
        public static final Finder<Circle> find = subFinder(Circle.class);
        @Field public double radius;
    }

    public static non-sealed class Polygon extends Shape {
        public static final Finder<Polygon> find = subFinder(Polygon.class);
        @Field public int cornerCount;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Session session, RequestRecorder recorder,
            Class<? extends Model<?>> type) {
        recorder.clear();
        var thrown = assertThatThrownBy(() -> session.mapper(type)).isInstanceOf(ModelDefinitionException.class);
        assertThat(recorder.count()).isZero();
        return thrown;
    }

    @Test
    void siblingsThatStoreOneAttributeAsTwoTypesAreRefused(Session session, RequestRecorder recorder) {
        refused(session, recorder, IntSize.class).hasMessageContaining("'size'").hasMessageContaining("int")
                .hasMessageContaining("String").hasMessageContaining("@Field(name = ...)");
        refused(session, recorder, Conflicting.class).hasMessageContaining("'size'");
    }

    @Test
    void aSubclassDeclaresNoTableKeyOrIndexOfItsOwn(Session session, RequestRecorder recorder) {
        refused(session, recorder, OwnTable.class).hasMessageContaining("has its own @Table; remove it");
        refused(session, recorder, OwnKey.class).hasMessageContaining("field 'code' has @HashKey")
                .hasMessageContaining("declare them on fields of the root OwnKeyRoot");
        refused(session, recorder, OwnIndex.class).hasMessageContaining("field 'code' has @Index");
        refused(session, recorder, LinkedSub.class).hasMessageContaining("has the indexes [unrelatedId_index]")
                .hasMessageContaining("declare every index (and the associations that need one) on LinkingRoot");
    }

    @Test
    void twoClassesWithOneValueAreRefused(Session session, RequestRecorder recorder) {
        refused(session, recorder, SameA.class).hasMessageContaining("two classes that store type = 'same'")
                .hasMessageContaining("another @DiscriminatorValue");
    }

    @Test
    void aClassOutsideTheHierarchyIsRefused(Session session, RequestRecorder recorder) {
        refused(session, recorder, ListsAStranger.class).hasMessageContaining("Unrelated")
                .hasMessageContaining("not a subclass of it");
        refused(session, recorder, Unlisted.class).hasMessageContaining("add Unlisted.class to ListingRoot's @Table(subtypes");
        refused(session, recorder, Grandchild.class).hasMessageContaining("not Middle").hasMessageContaining("list Middle.class too");
        refused(session, recorder, LonelyValue.class).hasMessageContaining("has @DiscriminatorValue but is in no single-table");
        assertThatThrownBy(Unrelated::sub).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("is in no single-table hierarchy, so it has no subFinder");
        assertThat(session.mapper(Listed.class)).isNotNull();
    }

    @Test
    void aFieldThatCollidesWithTheDiscriminatorIsRefused(Session session, RequestRecorder recorder) {
        refused(session, recorder, CollidingSub.class).hasMessageContaining("field 'type' collides with 'type'")
                .hasMessageContaining("@Table(discriminator = ...)");
        refused(session, recorder, NamedColliding.class).hasMessageContaining("field 'kind' collides with 'kind'");
    }

    @Test
    void aSubclassNotYetInitialisedStillLoadsAsItself(Session session) {
        Depot.find.exists("warm-up"); // creates the table
        session.client().putItem(PutItemRequest.builder().tableName(Depot.find.tableName()).item(Map.of(
                "id", AttributeValue.fromS("late"), "type", AttributeValue.fromS("LateSub"),
                "note", AttributeValue.fromS("hi"))).build());
        Depot loaded = Depot.find.byId("late");
        assertThat(loaded).isInstanceOfSatisfying(LateSub.class, l -> assertThat(l.note).isEqualTo("hi"));
        assertThat(LateSub.initialised).isTrue();
    }

    @Test
    void aSealedHierarchyNeedsNoListAndFollowsTheRootsNaming(Session session) {
        Circle circle = Circle.find.create(c -> {
            c.label = "sun";
            c.radius = 2;
        });
        Polygon square = Polygon.find.create(p -> p.cornerCount = 4);
        assertThat(Shape.find.all()).containsExactlyInAnyOrder(circle, square);
        assertThat(Polygon.find.all()).containsExactly(square);
        Map<String, AttributeValue> item = session.client().getItem(GetItemRequest.builder().tableName(Shape.find.tableName())
                .key(Map.of("id", AttributeValue.fromS((String) square.id()))).consistentRead(true).build()).item();
        assertThat(item).containsEntry("shape_kind", AttributeValue.fromS("Polygon")).containsKey("corner_count")
                .containsKey("created_at");
        // the abstract root has no records of its own
        assertThatThrownBy(Shape.find::build).isInstanceOf(UnknownDiscriminatorException.class)
                .hasMessageContaining("is abstract").hasMessageContaining("Circle='Circle'");
        session.client().putItem(PutItemRequest.builder().tableName(Shape.find.tableName())
                .item(Map.of("id", AttributeValue.fromS("untyped"))).build());
        assertThatThrownBy(() -> Shape.find.byId("untyped")).isInstanceOf(UnknownDiscriminatorException.class);
        assertThat(Circle.find.byIdOptional("untyped")).isEmpty();
    }
}
