package dev.dynarecord.it.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Embedded types that cannot be documents, and paths that lead nowhere: named exceptions, nothing sent. */
@DynarecordTest
class DocumentBadInputTest {

    abstract static class Shape {
        @Field String color;
    }

    interface Tagline {
        String getText();

        void setText(String text);
    }

    static final class Point {
        @Field int x;

        Point(int x) {
            this.x = x;
        }
    }

    record Node(String name, List<Node> children) {
    }

    record A(String name, B b) {
    }

    record B(String name, List<A> back) {
    }

    record Deep(List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<List<String>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> levels) {
    }

    public static class WithAbstract extends Model<WithAbstract> {
        public static final Finder<WithAbstract> find = finder(WithAbstract.class);
        @Field Shape shape;
    }

    public static class WithInterface extends Model<WithInterface> {
        public static final Finder<WithInterface> find = finder(WithInterface.class);
        @Field List<Tagline> taglines;
    }

    public static class WithArgConstructor extends Model<WithArgConstructor> {
        public static final Finder<WithArgConstructor> find = finder(WithArgConstructor.class);
        @Field Point point;
    }

    /** Bean-shaped, but not public: not a bean. */
    static class HiddenBean {
        public String getX() {
            return null;
        }

        public void setX(String x) {
        }
    }

    public static class WithHiddenBean extends Model<WithHiddenBean> {
        public static final Finder<WithHiddenBean> find = finder(WithHiddenBean.class);
        @Field HiddenBean hidden;
    }

    public static class WithTree extends Model<WithTree> {
        public static final Finder<WithTree> find = finder(WithTree.class);
        @Field Node root;
    }

    public static class WithLoop extends Model<WithLoop> {
        public static final Finder<WithLoop> find = finder(WithLoop.class);
        @Field A a;
    }

    public static class WithDeep extends Model<WithDeep> {
        public static final Finder<WithDeep> find = finder(WithDeep.class);
        @Field Deep deep;
    }

    @Test
    void typesThatCannotBeDocumentsAreRefusedWhenTheSchemaIsBuilt(RequestRecorder recorder) {
        assertThatThrownBy(() -> new WithAbstract().save()).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("WithAbstract.shape").hasMessageContaining("it is abstract")
                .hasMessageContaining("Converters.register(Shape.class").hasMessageContaining("@Field(serialized = true)");
        assertThatThrownBy(() -> new WithHiddenBean().save()).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("WithHiddenBean.hidden").hasMessageContaining("a bean must be a public class (it is not)");
        assertThatThrownBy(() -> WithInterface.find.all()).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("WithInterface.taglines").hasMessageContaining("it is an interface");
        assertThatThrownBy(() -> new WithArgConstructor().save()).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("WithArgConstructor.point")
                .hasMessageContaining("no no-arg constructor; add one (any visibility), or make it a record");
        assertThat(recorder.count()).isZero();
    }

    @Test
    void documentsThatContainThemselvesAreRefused(RequestRecorder recorder) {
        assertThatThrownBy(() -> new WithTree().save()).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("Node contains itself (Node -> Node)").hasMessageContaining("hasMany");
        assertThatThrownBy(() -> new WithLoop().save()).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("A contains itself (A -> B -> A)");
        assertThat(recorder.count()).isZero();
    }

    @Test
    void aDocumentNestedPastDynamoDbsLimitIsRefused(RequestRecorder recorder) {
        assertThatThrownBy(() -> new WithDeep().save()).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("WithDeep.deep").hasMessageContaining("nests maps and lists 32 deep")
                .hasMessageContaining("DynamoDB allows 32 levels");
        assertThat(recorder.count()).isZero();
    }

    @Test
    void pathsThatLeadNowhereSayWhatToWrite(RequestRecorder recorder) {
        assertThatThrownBy(() -> Customer.find.where("home.country", "US")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Customer.home.country: home (Address) has no field 'country'; its fields are"
                        + " [street, city, postcode]");
        assertThatThrownBy(() -> Customer.find.where("home[0].city", "X")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("home is a Address document, not a list, so it takes no index [0]");
        assertThatThrownBy(() -> Customer.find.where("previous.city", "X")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("it is a list: index it, as in previous[0]");
        assertThatThrownBy(() -> Customer.find.where("nosuch.city", "X")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Customer has no field 'nosuch' in where(\"nosuch.city\", ...); query one of [");
        assertThatThrownBy(() -> Customer.find.where("home.", "X")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("an empty name after 'home.'");
        assertThatThrownBy(() -> Customer.find.where("home.ci ty", "X")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("'ci ty' is not a name");
        assertThatThrownBy(() -> Customer.find.where("previous[x].city", "X")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("is not a list index; write [0]");
        assertThatThrownBy(() -> Customer.find.where("home.city.town", "X")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("home.city is java.lang.String (stored as S), which has no field 'town'");
        assertThatThrownBy(() -> Customer.find.project("geo.place.street")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("geo.place (Place) has no field 'street'; its fields are [name, building]");
        assertThatThrownBy(() -> Customer.find.where("home.city", 5)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Customer.home.city");
        assertThatThrownBy(() -> Customer.find.update("x", u -> u.set("home.town", "X")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("its fields are [street, city, postcode]");
        assertThatThrownBy(() -> Customer.find.update("x", u -> u.set("home", null).set("home.city", "X")))
                .hasMessageContaining("changed twice in one update");
        assertThat(recorder.count()).isZero();
    }
}
