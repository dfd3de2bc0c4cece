package dev.dynarecord.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Page;
import dev.dynarecord.Query;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.exception.InvalidCursorException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.query.Order;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Paging over 2,500 items in one partition, every 25th about 100 KB so that DynamoDB's 1 MB pages
 * hold only a few hundred items: every way of reading them gives every item exactly once, in order,
 * with no more requests than needed. The 1% of items a filter keeps are about 300 KB each: DynamoDB
 * Local counts the 1 MB against the items a page returns after the filter (DynamoDB counts the items
 * read), so only large matches spread them over several pages there.
 */
@DynarecordTest(global = false)
class PaginationTest {

    static final int ITEMS = 2_500;
    static final int OTHER_PARTITION = 50;
    static final String BIG = "x".repeat(100_000);
    static final String HUGE = "k".repeat(300_000);

    /** The model paged through: one partition "p" of 2,500 items, and "q" that must never leak in. */
    public static class Doc extends Model<Doc> {
        public static final Finder<Doc> find = finder(Doc.class);
        @HashKey public String part;
        @RangeKey public int n;
        @Field public String payload;

        public Doc() {
        }

        Doc(String part, int n, String payload) {
            this.part = part;
            this.n = n;
            this.payload = payload;
        }
    }

    /** Another model with the same key shape, for foreign cursors. */
    public static class Other extends Model<Other> {
        public static final Finder<Other> find = finder(Other.class);
        @HashKey public String part;
        @RangeKey public int n;
        @Field public String payload;
    }

    static boolean big(int n) {
        return n % 25 == 7;
    }

    static boolean keep(int n) {
        return n % 100 == 50;
    }

    private static Finder<Doc> docs;
    private static Finder<Other> others;

    @BeforeAll
    static void writeItems(Session session) {
        docs = session.find(Doc.class);
        others = session.find(Other.class);
        for (int n = 0; n < ITEMS; n++) {
            new Doc("p", n, big(n) ? "big-" + BIG : keep(n) ? "keep-" + n + HUGE : "small-" + n).using(session).save();
        }
        for (int n = 0; n < OTHER_PARTITION; n++) {
            new Doc("q", n, "keep-q" + n).using(session).save();
        }
        for (int n = 0; n < 3; n++) {
            Other o = new Other().using(session);
            o.part = "p";
            o.n = n;
            o.payload = "other";
            o.save();
        }
    }

    static Query<Doc> p() {
        return docs.where("part", "p");
    }

    static List<Integer> ns(List<Doc> docs) {
        return docs.stream().map(d -> d.n).toList();
    }

    static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    static Integer esk(QueryRequest r) {
        return r.hasExclusiveStartKey() ? Integer.valueOf(r.exclusiveStartKey().get("n").n()) : null;
    }

    // 1. limit/start

    @Test
    void limitAndStartAfterTheLastRecordGiveEveryItemOnceInOrder(RequestRecorder recorder) {
        List<Integer> seen = new ArrayList<>();
        Doc last = null;
        int batches = 0;
        while (true) {
            Query<Doc> q = p().limit(300);
            List<Doc> batch = (last == null ? q : q.start(last)).all();
            batches++;
            assertThat(batch.size()).isLessThanOrEqualTo(300);
            seen.addAll(ns(batch));
            if (batch.size() < 300) {
                break;
            }
            last = batch.get(batch.size() - 1);
            assertThat(batches).isLessThan(20);
        }
        assertThat(seen).containsExactlyElementsOf(range(0, ITEMS));
        assertThat(batches).isEqualTo(9);
        // 300 items with 12 of ~100 KB exceed 1 MB: DynamoDB cuts pages, and they are followed
        assertThat(recorder.count(QueryRequest.class)).isGreaterThan(batches);
    }

    // 2. page/cursor

    @Test
    void pagesWithCursorsGiveEveryItemOnceInOrderAndTheLastPageHasNoCursor(RequestRecorder recorder) {
        List<Integer> seen = new ArrayList<>();
        List<Page<Doc>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Page<Doc> page = p().page(250, cursor);
            pages.add(page);
            seen.addAll(ns(page.items()));
            cursor = page.nextCursor().orElse(null);
            assertThat(pages.size()).isLessThan(20);
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(range(0, ITEMS));
        assertThat(pages).hasSize(10);
        assertThat(pages).allSatisfy(page -> assertThat(page.items()).hasSize(250));
        assertThat(pages.get(9).hasNext()).isFalse();
        assertThat(pages.subList(0, 9)).allSatisfy(page -> assertThat(page.hasNext()).isTrue());
        assertThat(recorder.count(QueryRequest.class)).isGreaterThan(10);
    }

    @Test
    void scanPagesGiveEveryItemOfEveryPartitionOnce(RequestRecorder recorder) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Doc> page = docs.page(250, cursor);
            assertThat(page.items().size()).isLessThanOrEqualTo(250);
            page.items().forEach(d -> seen.add(d.part + d.n));
            cursor = page.nextCursor().orElse(null);
            assertThat(++pages).isLessThan(30);
        } while (cursor != null);
        Set<String> expected = new HashSet<>();
        range(0, ITEMS).forEach(n -> expected.add("p" + n));
        range(0, OTHER_PARTITION).forEach(n -> expected.add("q" + n));
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        assertThat(recorder.count(QueryRequest.class)).isZero();
        assertThat(recorder.count(ScanRequest.class)).isGreaterThanOrEqualTo(pages);
    }

    // 3. stream

    @Test
    void streamFollowsLastEvaluatedKeyThroughEveryPage(RequestRecorder recorder) {
        List<Integer> requestsAt = new ArrayList<>();
        List<Integer> seen = p().stream().peek(d -> requestsAt.add(recorder.count(QueryRequest.class))).map(d -> d.n).toList();
        assertThat(seen).containsExactlyElementsOf(range(0, ITEMS));
        List<QueryRequest> requests = recorder.requests(QueryRequest.class);
        assertThat(requests.size()).isGreaterThan(2);
        assertThat(requests).allSatisfy(r -> assertThat(r.limit()).isNull());
        assertThat(esk(requests.get(0))).isNull();
        for (int k = 1; k < requests.size(); k++) {
            // request k+1 starts after the last item of page k
            int page = k;
            int lastOfPage = -1;
            for (int i = 0; i < seen.size(); i++) {
                if (requestsAt.get(i) == page) {
                    lastOfPage = seen.get(i);
                }
            }
            assertThat(esk(requests.get(k))).as("ExclusiveStartKey of request %d", k + 1).isEqualTo(lastOfPage);
            assertThat(requests.get(k).exclusiveStartKey().get("part")).isEqualTo(AttributeValue.fromS("p"));
        }
    }

    @Test
    void streamIsLazy(RequestRecorder recorder) {
        assertThat(p().stream().limit(5).map(d -> d.n).toList()).containsExactly(0, 1, 2, 3, 4);
        assertThat(recorder.count(QueryRequest.class)).isEqualTo(1);

        recorder.clear();
        assertThat(p().stream().findFirst().orElseThrow().n).isZero();
        assertThat(recorder.count(QueryRequest.class)).isEqualTo(1);

        recorder.clear();
        p().stream().forEach(d -> { });
        int full = recorder.count(QueryRequest.class);

        recorder.clear();
        Iterator<Doc> it = p().iterator();
        for (int i = 0; i < ITEMS / 2; i++) {
            assertThat(it.next().n).isEqualTo(i);
        }
        int halfway = recorder.count(QueryRequest.class);
        assertThat(halfway).isBetween(1, full - 1);
        assertThat(p().limit(1).all()).hasSize(1);
        assertThat(recorder.count(QueryRequest.class)).isEqualTo(halfway + 1);
    }

    // 4. findEach

    @Test
    void findEachVisitsEveryItemWithTheBatchSizeAsLimit(RequestRecorder recorder) {
        List<Integer> seen = new ArrayList<>();
        p().findEach(100, d -> seen.add(d.n));
        assertThat(seen).containsExactlyElementsOf(range(0, ITEMS));
        List<QueryRequest> requests = recorder.requests(QueryRequest.class);
        assertThat(requests.size()).isBetween(ITEMS / 100, ITEMS / 100 + 1);
        assertThat(requests).allSatisfy(r -> assertThat(r.limit()).isEqualTo(100));
    }

    // 5. range condition, descending

    @Test
    void descendingPagesOverARangeCondition(RequestRecorder recorder) {
        Query<Doc> q = p().where("n.gte", 1000).order(Order.DESC);
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Doc> page = q.page(200, cursor);
            seen.addAll(ns(page.items()));
            cursor = page.nextCursor().orElse(null);
            assertThat(++pages).isLessThan(20);
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(range(1000, ITEMS).stream().sorted((a, b) -> b - a).toList());
        assertThat(pages).isEqualTo(8);
        assertThat(recorder.requests(QueryRequest.class)).allSatisfy(r -> assertThat(r.scanIndexForward()).isFalse());
    }

    // 6. a filter that rejects most items

    @Test
    void aRecordLimitWithASelectiveFilterReturnsExactlyTheLimit(RequestRecorder recorder) {
        List<Doc> kept = p().where("payload.begins_with", "keep").limit(7).all();
        assertThat(ns(kept)).containsExactly(50, 150, 250, 350, 450, 550, 650);
        List<QueryRequest> requests = recorder.requests(QueryRequest.class);
        assertThat(requests.size()).isGreaterThan(1);
        assertThat(requests).allSatisfy(r -> assertThat(r.limit()).as("no Limit: a filter could reject items").isNull());

        recorder.clear();
        List<Integer> all = ns(p().where("payload.begins_with", "keep").all());
        assertThat(all).containsExactlyElementsOf(range(0, ITEMS).stream().filter(PaginationTest::keep).toList());

        recorder.clear();
        assertThat(p().where("payload.begins_with", "keep").count()).isEqualTo(ITEMS / 100);
        List<QueryRequest> counts = recorder.requests(QueryRequest.class);
        assertThat(counts).isNotEmpty();
        assertThat(recorder.requests()).hasSameSizeAs(counts);
        assertThat(counts).allSatisfy(r -> {
            assertThat(r.select()).isEqualTo(Select.COUNT);
            assertThat(r.limit()).isNull();
            assertThat(r.projectionExpression()).isNull();
        });

        recorder.clear();
        assertThat(p().where("payload.begins_with", "keep").limit(7).count()).isEqualTo(7);
        assertThat(p().count()).isEqualTo(ITEMS);
    }

    // 7. scanLimit

    @Test
    void scanLimitBoundsTheItemsEvaluated(RequestRecorder recorder) {
        assertThat(ns(p().scanLimit(50).all())).containsExactlyElementsOf(range(0, 50));
        assertThat(recorder.requests(QueryRequest.class)).singleElement().satisfies(r -> assertThat(r.limit()).isEqualTo(50));

        recorder.clear();
        assertThat(p().where("payload.begins_with", "keep").scanLimit(50).all()).isEmpty();
        assertThat(recorder.requests(QueryRequest.class)).singleElement().satisfies(r -> assertThat(r.limit()).isEqualTo(50));

        // a budget larger than a 1 MB page: the next page asks only for what is left
        recorder.clear();
        assertThat(ns(p().where("payload.begins_with", "keep").scanLimit(400).all())).containsExactly(50, 150, 250, 350);
        List<QueryRequest> requests = recorder.requests(QueryRequest.class);
        assertThat(requests.size()).isGreaterThan(1);
        assertThat(requests.get(0).limit()).isEqualTo(400);
        for (int k = 1; k < requests.size(); k++) {
            assertThat(requests.get(k).limit()).isEqualTo(400 - (esk(requests.get(k)) + 1));
        }
    }

    // 8. cursors

    @Test
    void aCursorOfAnotherQueryIsRefusedBeforeAnyRequest(RequestRecorder recorder) {
        String cursor = p().page(10, null).nextCursor().orElseThrow();
        recorder.clear();
        List<Function<String, Page<Doc>>> others = List.of(
                c -> p().where("n.gte", 5).page(10, c),
                c -> p().order(Order.DESC).page(10, c),
                c -> p().project("payload").page(10, c),
                c -> p().where("payload.begins_with", "keep").page(10, c),
                c -> docs.where("part", "q").page(10, c),
                c -> docs.page(10, c));
        for (Function<String, Page<Doc>> other : others) {
            assertThatThrownBy(() -> other.apply(cursor)).isInstanceOf(InvalidCursorException.class);
        }
        assertThat(recorder.requests()).isEmpty();
    }

    @Test
    void anAlteredTruncatedOrForeignCursorIsRefused(RequestRecorder recorder) {
        String cursor = p().page(10, null).nextCursor().orElseThrow();
        String otherModel = others.where("part", "p").page(1, null).nextCursor().orElseThrow();
        recorder.clear();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < cursor.length(); i++) {
            char c = cursor.charAt(i);
            char changed = alphabet.charAt((alphabet.indexOf(c) + 1) % alphabet.length());
            String altered = cursor.substring(0, i) + changed + cursor.substring(i + 1);
            assertThatExceptionOfType(InvalidCursorException.class).as("changed at %d of %d: %s", i, cursor.length(), altered)
                    .isThrownBy(() -> p().page(10, altered));
        }
        for (int cut = 1; cut < cursor.length(); cut += 7) {
            String truncated = cursor.substring(0, cursor.length() - cut);
            assertThatThrownBy(() -> p().page(10, truncated)).isInstanceOf(InvalidCursorException.class);
        }
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            byte[] bytes = new byte[1 + random.nextInt(200)];
            random.nextBytes(bytes);
            String junk = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            assertThatThrownBy(() -> p().page(10, junk)).isInstanceOf(InvalidCursorException.class);
        }
        for (String junk : List.of("not a cursor", "{}", Base64.getUrlEncoder().encodeToString("{\"v\":1}".getBytes(
                StandardCharsets.UTF_8)), cursor + "=", cursor + "A", "%%%")) {
            assertThatThrownBy(() -> p().page(10, junk)).isInstanceOf(InvalidCursorException.class);
        }
        assertThatThrownBy(() -> p().page(10, otherModel)).isInstanceOf(InvalidCursorException.class);
        assertThat(recorder.requests()).isEmpty();
    }

    @Test
    void aCursorWorksOnAnEqualQueryFromAnotherThreadAndIsUrlSafe() throws Exception {
        Query<Doc> first = p().where("n.lt", 2000);
        String cursor = first.page(250, null).nextCursor().orElseThrow();
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        Page<Doc> again = CompletableFuture.supplyAsync(() -> docs.where("part", "p").where("n.lt", 2000).page(250, cursor))
                .get();
        assertThat(ns(again.items())).containsExactlyElementsOf(range(250, 500));
        assertThat(ns(first.page(250, cursor).items())).containsExactlyElementsOf(range(250, 500));
        assertThat(again.nextCursor().orElseThrow()).matches("[A-Za-z0-9_-]+");
        // a scan's cursor too
        assertThat(docs.page(100, null).nextCursor().orElseThrow()).matches("[A-Za-z0-9_-]+");
    }

    // 9. first, last, exists

    @Test
    void firstLastAndExistsSendOneSmallRequest(RequestRecorder recorder) {
        assertThat(p().first().orElseThrow().n).isZero();
        assertThat(recorder.requests()).singleElement().isInstanceOfSatisfying(QueryRequest.class,
                r -> assertThat(r.limit()).isEqualTo(1));

        recorder.clear();
        assertThat(p().last().orElseThrow().n).isEqualTo(ITEMS - 1);
        assertThat(recorder.requests()).singleElement().isInstanceOfSatisfying(QueryRequest.class, r -> {
            assertThat(r.scanIndexForward()).isFalse();
            assertThat(r.limit()).isEqualTo(1);
        });

        recorder.clear();
        assertThat(p().where("n.lt", 100).order(Order.DESC).last().orElseThrow().n).isZero();
        assertThat(recorder.requests()).singleElement().isInstanceOfSatisfying(QueryRequest.class,
                r -> assertThat(r.scanIndexForward()).isNull());

        recorder.clear();
        assertThat(p().exists()).isTrue();
        assertThat(recorder.requests()).singleElement().isInstanceOfSatisfying(QueryRequest.class, r -> {
            assertThat(r.limit()).isEqualTo(1);
            assertThat(projected(r)).containsExactlyInAnyOrder("part", "n");
        });

        recorder.clear();
        assertThat(docs.where("part", "none").exists()).isFalse();
        assertThat(recorder.requests()).hasSize(1);
    }

    static List<String> projected(QueryRequest r) {
        Map<String, String> names = r.expressionAttributeNames();
        return List.of(r.projectionExpression().split(",\\s*")).stream().map(p -> names.getOrDefault(p, p))
                .collect(Collectors.toList());
    }

    // 10. partial records

    @Test
    void partialRecordsRefuseSaveUntilReloaded(RequestRecorder recorder) {
        Doc partial = p().where("n", 1).project("payload").first().orElseThrow();
        assertThat(partial.isPartial()).isTrue();
        assertThat(partial.payload).isEqualTo("small-1");
        assertThat(projected(recorder.single(QueryRequest.class))).containsExactlyInAnyOrder("payload", "part", "n", "lockVersion");

        recorder.clear();
        assertThatThrownBy(partial::save).isInstanceOf(RecordNotSavedException.class);
        assertThat(recorder.requests()).isEmpty();

        partial.reload();
        assertThat(partial.isPartial()).isFalse();
        assertThat(partial.createdAt()).isNotNull();
        assertThat(partial.save()).isTrue();
        assertThat(docs.byId("p", 1).payload).isEqualTo("small-1");
    }
}
