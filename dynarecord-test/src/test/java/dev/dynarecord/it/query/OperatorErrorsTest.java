package dev.dynarecord.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Query;
import dev.dynarecord.Session;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.exception.ScanProhibitedException;
import dev.dynarecord.it.query.OperatorModels.Item;
import dev.dynarecord.query.Order;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Bad queries: each is an {@link InvalidQueryException} (or a subclass) naming the field and the way
 * out, raised before any request is sent. Every terminal call below would send a request if the
 * query got that far.
 */
@DynarecordTest
class OperatorErrorsTest {

    private RequestRecorder recorder;

    @BeforeAll
    static void saveRecords() {
        for (int n = 1; n <= 3; n++) {
            OperatorModels.item(n).save();
        }
    }

    @BeforeEach
    void recorder(RequestRecorder r) {
        this.recorder = r;
        r.clear();
    }

    /** Runs the call, expects an InvalidQueryException, and checks that nothing was sent. */
    private AbstractThrowableAssert<?, ? extends Throwable> refused(ThrowingCallable call) {
        recorder.clear();
        AbstractThrowableAssert<?, ? extends Throwable> thrown = assertThatThrownBy(call).isInstanceOf(InvalidQueryException.class);
        assertThat(recorder.requests()).as("requests sent before the error").isEmpty();
        return thrown;
    }

    private static Query<Item> inGroup() {
        return Item.find.where("group", OperatorModels.GROUP);
    }

    @Test
    void unknownFieldAndOperator() {
        refused(() -> Item.find.where("nope", 1).all()).hasMessageContaining("no field 'nope'").hasMessageContaining("rank");
        refused(() -> Item.find.where("nope").gt(1).all()).hasMessageContaining("no field 'nope'");
        refused(() -> Item.find.where("nope.gt", 1).all()).hasMessageContaining("no field 'nope'");
        refused(() -> Item.find.where("rank.greater", 1).all()).hasMessageContaining("unknown operator 'greater'")
                .hasMessageContaining("rank.greater").hasMessageContaining("gte");
        refused(() -> Item.find.where("", 1).all()).hasMessageContaining("field name");
    }

    @Test
    void orderingOperatorsOnUnorderedTypes() {
        for (String field : List.of("active", "tags", "scores", "notes", "attrs")) {
            refused(() -> Item.find.where(field + ".gt", 1).all()).hasMessageContaining("Item." + field)
                    .hasMessageContaining("operator gt is not supported").hasMessageContaining("strings, numbers and binary");
            refused(() -> Item.find.where(field).lt(1).all()).hasMessageContaining("Item." + field)
                    .hasMessageContaining("operator lt");
            refused(() -> Item.find.where(field + ".between", List.of(1, 2)).all()).hasMessageContaining("Item." + field)
                    .hasMessageContaining("operator between");
            refused(() -> Item.find.where(field).gte(true).all()).hasMessageContaining("Item." + field);
            refused(() -> Item.find.where(field + ".lte", 1).all()).hasMessageContaining("Item." + field);
        }
    }

    @Test
    void stringOperatorsOnOtherTypes() {
        refused(() -> Item.find.where("rank.begins_with", "1").all()).hasMessageContaining("Item.rank")
                .hasMessageContaining("begins_with works on strings and binary");
        refused(() -> Item.find.where("price").beginsWith(1).all()).hasMessageContaining("Item.price");
        refused(() -> Item.find.where("active.begins_with", "t").all()).hasMessageContaining("Item.active");
        refused(() -> Item.find.where("tags.begins_with", "t").all()).hasMessageContaining("Item.tags");
        refused(() -> Item.find.where("rank.contains", 1).all()).hasMessageContaining("Item.rank")
                .hasMessageContaining("contains works on strings");
        refused(() -> Item.find.where("active").contains(true).all()).hasMessageContaining("Item.active");
        refused(() -> Item.find.where("big.not_contains", 1).all()).hasMessageContaining("Item.big")
                .hasMessageContaining("not_contains");
        refused(() -> Item.find.where("title.contains", 1).all()).hasMessageContaining("Item.title")
                .hasMessageContaining("takes a String");
        refused(() -> Item.find.where("title.begins_with", 1).all()).hasMessageContaining("Item.title");
        refused(() -> Item.find.where("scores.contains", "x").all()).hasMessageContaining("Item.scores");
        refused(() -> Item.find.where("tags.contains", 3).all()).hasMessageContaining("Item.tags");
        refused(() -> Item.find.where("tags.in", List.of(Set.of("a"))).all()).hasMessageContaining("Item.tags")
                .hasMessageContaining("in works on");
        refused(() -> Item.find.where("attrs.contains", "k").all()).hasMessageContaining("Item.attrs");
    }

    @Test
    void valueCounts() {
        refused(() -> Item.find.where("rank.in", List.of()).all()).hasMessageContaining("Item.rank in")
                .hasMessageContaining("between 1 and 100 values; got 0");
        refused(() -> Item.find.where("rank").in().all()).hasMessageContaining("got 0");
        refused(() -> Item.find.where("rank").in(List.of()).all()).hasMessageContaining("got 0");
        List<Integer> many = IntStream.rangeClosed(1, 101).boxed().toList();
        refused(() -> Item.find.where("rank.in", many).all()).hasMessageContaining("Item.rank in")
                .hasMessageContaining("got 101");
        refused(() -> Item.find.where("rank").in(many).all()).hasMessageContaining("got 101");
        assertThat(Item.find.where("rank").in(many.subList(0, 100)).allowScan().all()).hasSize(3);
        refused(() -> Item.find.where("rank.between", List.of(1)).all()).hasMessageContaining("Item.rank between")
                .hasMessageContaining("two values (low and high, both included); got 1");
        refused(() -> Item.find.where("rank.between", List.of(1, 2, 3)).all()).hasMessageContaining("got 3");
        refused(() -> Item.find.where("rank.between", 5).all()).hasMessageContaining("got 1");
        refused(() -> Item.find.where("rank.in", Map.of("a", 1)).all()).hasMessageContaining("not a map");
    }

    @Test
    void wrongValueTypes() {
        refused(() -> Item.find.where("rank", "three").all()).hasMessageContaining("Item.rank").hasMessageContaining("three")
                .hasMessageContaining("pass a Integer");
        refused(() -> Item.find.where("rank").gt("3").all()).hasMessageContaining("Item.rank");
        refused(() -> Item.find.where("at.gt", 5L).all()).hasMessageContaining("Item.at").hasMessageContaining("Instant");
        refused(() -> Item.find.where("at", "2026-11-21T00:00:00Z").all()).hasMessageContaining("Item.at");
        refused(() -> Item.find.where("rank", 1.5).all()).hasMessageContaining("Item.rank");
        refused(() -> Item.find.where("rank", 10_000_000_000L).all()).hasMessageContaining("Item.rank");
        refused(() -> Item.find.where("active", "true").all()).hasMessageContaining("Item.active");
        refused(() -> Item.find.where("level", "LOWEST").all()).hasMessageContaining("Item.level").hasMessageContaining("[LOW, MID, HIGH]");
        refused(() -> Item.find.where("id", "not-a-uuid").all()).hasMessageContaining("Item.id");
        refused(() -> Item.find.where("id.in", List.of(UUID.randomUUID(), 3)).all()).hasMessageContaining("Item.id");
        refused(() -> Item.find.where("tags", Set.of()).all()).hasMessageContaining("Item.tags")
                .hasMessageContaining("notExists()");
        refused(() -> Item.find.where("rank.gt", null).all()).hasMessageContaining("Item.rank gt null")
                .hasMessageContaining("notExists()");
        refused(() -> Item.find.where("rank").lt(null).all()).hasMessageContaining("Item.rank lt null");
        refused(() -> Item.find.where("rank").between(1, null).all()).hasMessageContaining("Item.rank between null");
        refused(() -> Item.find.where("rank.in", Arrays.asList(1, null)).all()).hasMessageContaining("Item.rank in null");
        refused(() -> Item.find.where("rank").in(Arrays.asList(1, null)).all()).hasMessageContaining("Item.rank in null");
        refused(() -> Item.find.where("rank").in(1, null).all()).hasMessageContaining("Item.rank in null");
        refused(() -> Item.find.where("tags.contains", null).all()).hasMessageContaining("Item.tags contains null");
        refused(() -> Item.find.where("title.exists", "yes").all()).hasMessageContaining("title.exists")
                .hasMessageContaining("true or false");
        refused(() -> Item.find.where("title.null", null).all()).hasMessageContaining("title.null");
        refused(() -> Item.find.where("title.not_exists", 1).all()).hasMessageContaining("title.not_exists");
    }

    @Test
    void keyConditionConflicts() {
        refused(() -> inGroup().where("n.gt", 1).where("n.lt", 5).all()).hasMessageContaining("range key n")
                .hasMessageContaining("between(low, high)");
        refused(() -> inGroup().where("n").gte(1).where("n", 2).all()).hasMessageContaining("range key n");
        refused(() -> inGroup().where("group", "other").all()).hasMessageContaining("two eq conditions on the hash key group")
                .hasMessageContaining("keep one");
        // Without the hash key, the same range conditions are filters of a Scan, and valid.
        assertThat(Item.find.where("n.gt", 1).where("n.lt", 3).allowScan().all()).extracting(i -> i.n).containsExactly(2);
    }

    @Test
    void aQueryCannotFilterOnItsKey() {
        refused(() -> inGroup().where("n.in", List.of(1, 2)).all()).hasMessageContaining("n in (1, 2)")
                .hasMessageContaining("key attribute n").hasMessageContaining("between");
        refused(() -> inGroup().where("n.ne", 2).all()).hasMessageContaining("key attribute n");
        refused(() -> inGroup().where("n", 1).where("n.ne", 2).all()).hasMessageContaining("key attribute n");
        refused(() -> inGroup().where("n").exists().count()).hasMessageContaining("key attribute n");
        refused(() -> inGroup().where("group.ne", "x").all()).hasMessageContaining("key attribute group");
        refused(() -> inGroup().where("group").beginsWith("g").all()).hasMessageContaining("key attribute group");
        // A Scan may filter on key attributes.
        assertThat(Item.find.where("n.in", List.of(1, 2)).where("group.ne", "x").allowScan().all()).extracting(i -> i.n)
                .containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void betweenBoundsInOrder() {
        Instant h2 = OperatorModels.BASE.plusSeconds(7200);
        refused(() -> Item.find.where("rank.between", List.of(40, 20)).all()).hasMessageContaining("Item.rank between 40 and 20")
                .hasMessageContaining("swap them");
        refused(() -> inGroup().where("n").between(3, 1).all()).hasMessageContaining("Item.n between 3 and 1");
        refused(() -> Item.find.where("title").between("z", "a").all()).hasMessageContaining("Item.title");
        refused(() -> Item.find.where("price").between(2, new java.math.BigDecimal("1.99")).all())
                .hasMessageContaining("Item.price");
        refused(() -> Item.find.where("at").between(h2, OperatorModels.BASE).all()).hasMessageContaining("Item.at");
        refused(() -> Item.find.where("data").between(new byte[] {(byte) 0x80}, new byte[] {0x7f}).all())
                .hasMessageContaining("Item.data");
        // Equal bounds are fine; bytes compare unsigned, strings by UTF-8 bytes (as DynamoDB does).
        assertThat(inGroup().where("rank").between(20, 20).all()).extracting(i -> i.n).containsExactly(2);
        assertThat(inGroup().where("data").between(new byte[] {0x00}, new byte[] {(byte) 0xff}).all()).extracting(i -> i.n)
                .containsExactly(1, 2, 3);
        assertThat(inGroup().where("title").between("\uFF5E", "\uD83D\uDE00").all()).isEmpty();
    }

    @Test
    void limitsPagesProjectionsIndexesAndOrder() {
        refused(() -> inGroup().limit(0).all()).hasMessageContaining("limit(0) must be at least 1");
        refused(() -> inGroup().limit(-1).all()).hasMessageContaining("limit(-1)");
        refused(() -> Item.find.limit(0)).hasMessageContaining("limit(0)");
        refused(() -> inGroup().scanLimit(0).all()).hasMessageContaining("scanLimit(0) must be at least 1");
        refused(() -> inGroup().scanLimit(-5).all()).hasMessageContaining("scanLimit(-5)");
        refused(() -> inGroup().page(0, null)).hasMessageContaining("page size 0");
        refused(() -> Item.find.page(-1, null)).hasMessageContaining("page size -1");
        List<Item> seen = new ArrayList<>();
        refused(() -> inGroup().findEach(0, seen::add)).hasMessageContaining("batch size 0");
        refused(() -> Item.find.findEach(-2, seen::add)).hasMessageContaining("batch size -2");
        assertThat(seen).isEmpty();
        refused(() -> inGroup().project("nope").all()).hasMessageContaining("no field 'nope' to project")
                .hasMessageContaining("rank");
        refused(() -> inGroup().project().all()).hasMessageContaining("at least one field");
        refused(() -> inGroup().useIndex("nope").all()).hasMessageContaining("no index 'nope'");
        refused(() -> Item.find.useIndex("nope")).hasMessageContaining("no index 'nope'");
        refused(() -> Item.find.local("nope", "g", 1)).hasMessageContaining("no index 'nope'");
        refused(() -> Item.find.where("rank", 10).order(Order.DESC).all()).hasMessageContaining("order(DESC) needs a Query")
                .hasMessageContaining("hash key group");
        refused(() -> Item.find.order(Order.ASC).first()).hasMessageContaining("order(ASC)");
        refused(() -> Item.find.where("rank", 10).order(Order.DESC).explain()).hasMessageContaining("order(DESC)");
        // The same with the hash key is a Query, in either order.
        assertThat(inGroup().order(Order.DESC).first().orElseThrow().n).isEqualTo(3);
    }

    @Test
    void errorOnScanRefusesBeforeSendingAndAllowScanOverrides() {
        String namespace = "errscan_" + UUID.randomUUID().toString().substring(0, 8);
        RequestRecorder own = new RequestRecorder();
        try (Session session = Session.open(c -> c.adapter(Adapter.LOCAL).namespace(namespace).errorOnScan(true))) {
            try {
                session.addListener(own);
                Finder<Item> find = Item.find.using(session);
                for (int n = 1; n <= 3; n++) {
                    OperatorModels.item(n).using(session).save();
                }
                own.clear();
                Query<Item> scan = find.where("rank.gte", 20);
                assertThatThrownBy(scan::all).isInstanceOf(ScanProhibitedException.class)
                        .hasMessageContaining("errorOnScan").hasMessageContaining("allowScan()");
                assertThatThrownBy(scan::count).isInstanceOf(ScanProhibitedException.class);
                assertThatThrownBy(() -> scan.page(2, null)).isInstanceOf(ScanProhibitedException.class);
                assertThatThrownBy(scan::first).isInstanceOf(ScanProhibitedException.class);
                assertThatThrownBy(find::all).isInstanceOf(ScanProhibitedException.class);
                assertThat(own.requests()).as("requests sent while refusing scans").isEmpty();

                assertThat(scan.allowScan().all()).extracting(i -> i.n).containsExactlyInAnyOrder(2, 3);
                assertThat(own.count(ScanRequest.class)).isEqualTo(1);
                assertThat(scan.allowScan().count()).isEqualTo(2);
                // A Query needs no permission.
                assertThat(find.where("group", OperatorModels.GROUP).where("rank.gte", 20).all()).hasSize(2);
                // The default session of this class does not refuse scans.
                assertThat(Item.find.where("rank.gte", 20).all()).hasSize(2);
            } finally {
                session.tables().dropAll();
            }
        }
    }
}
