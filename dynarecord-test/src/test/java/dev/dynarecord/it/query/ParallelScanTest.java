package dev.dynarecord.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Query;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.exception.ScanProhibitedException;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * {@code parallel(n)}: a Scan read in n segments on the session's executor gives every record
 * exactly once, as the serial Scan does, with limits, scan limits, projections, filters and
 * includes as a serial Scan has them; a Query ignores it; bad input and paging are refused with
 * nothing sent.
 */
@DynarecordTest(global = false)
class ParallelScanTest {

    static final int ITEMS = 500;

    /** A crate on one of three shelves; rank is n % 10, so rank > 3 keeps 300 of 500. */
    @Table(timestamps = false)
    public static class Crate extends Model<Crate> {
        public static final Finder<Crate> find = finder(Crate.class);
        @Field public int n;
        @Field public int rank;
        @Field public String label;
        public final BelongsTo<Shelf> shelf = belongsTo(Shelf.class);
    }

    /** What a crate belongs to, for includes. */
    @Table(timestamps = false)
    public static class Shelf extends Model<Shelf> {
        public static final Finder<Shelf> find = finder(Shelf.class);
        @Field public String name;
    }

    private static Finder<Crate> crates;
    private static final List<Shelf> SHELVES = new ArrayList<>();

    @BeforeAll
    static void seed(Session session) {
        crates = Crate.find.using(session);
        for (int s = 0; s < 3; s++) {
            int number = s;
            SHELVES.add(Shelf.find.using(session).create(x -> x.name = "shelf-" + number));
        }
        IntStream.range(0, ITEMS).parallel().forEach(n -> write(session, n));
    }

    private static void write(Session session, int n) {
        Crate c = new Crate().using(session);
        c.n = n;
        c.rank = n % 10;
        c.label = "crate-" + n;
        c.shelf.set(SHELVES.get(n % 3));
        c.saveOrThrow();
    }

    private static Query<Crate> scan() {
        return crates.allowScan();
    }

    private static List<Integer> ns(List<Crate> found) {
        return found.stream().map(c -> c.n).toList();
    }

    private static Set<Integer> segmentsOf(List<ScanRequest> scans, int total) {
        assertThat(scans).allSatisfy(r -> assertThat(r.totalSegments()).isEqualTo(total));
        return scans.stream().map(ScanRequest::segment).collect(Collectors.toSet());
    }

    @Test
    void fourSegmentsGiveExactlyTheRecordsOfTheSerialScan(RequestRecorder recorder) {
        List<Integer> serial = ns(scan().all());
        assertThat(serial).hasSize(ITEMS);
        recorder.clear();
        List<Integer> parallel = ns(scan().parallel(4).all());
        assertThat(parallel).hasSize(ITEMS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(serial);
        assertThat(segmentsOf(recorder.requests(ScanRequest.class), 4)).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(recorder.requests()).allSatisfy(r -> assertThat(r).isInstanceOf(ScanRequest.class));

        assertThat(scan().parallel(4).stream().map(c -> c.n).toList()).containsExactlyInAnyOrderElementsOf(serial);
        List<Integer> iterated = new ArrayList<>();
        for (Crate c : scan().parallel(3)) {
            iterated.add(c.n);
        }
        assertThat(iterated).containsExactlyInAnyOrderElementsOf(serial);
        assertThat(ns(scan().parallel(1).all())).containsExactlyInAnyOrderElementsOf(serial);
    }

    @Test
    void filtersAndCountsAreTheSerialScans(RequestRecorder recorder) {
        Query<Crate> ranked = crates.where("rank.gt", 3).allowScan();
        List<Integer> serial = ns(ranked.all());
        assertThat(serial).hasSize(300);
        assertThat(ns(ranked.parallel(8).all())).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(serial);
        recorder.clear();
        assertThat(ranked.parallel(8).count()).isEqualTo(ranked.count()).isEqualTo(300);
        assertThat(scan().parallel(4).count()).isEqualTo(ITEMS);
        List<ScanRequest> counts = recorder.requests(ScanRequest.class);
        assertThat(counts).allSatisfy(r -> assertThat(r.select()).isEqualTo(Select.COUNT));
        assertThat(counts.stream().filter(r -> r.totalSegments() != null).toList()).hasSize(12);
        assertThat(ranked.parallel(8).limit(37).count()).isEqualTo(37);
    }

    @Test
    void findEachReadsEveryRecordOnceInBatches(RequestRecorder recorder) {
        List<Integer> seen = new ArrayList<>();
        scan().parallel(4).findEach(50, c -> seen.add(c.n));
        assertThat(seen).hasSize(ITEMS).doesNotHaveDuplicates();
        assertThat(recorder.requests(ScanRequest.class)).allSatisfy(r -> assertThat(r.limit()).isEqualTo(50));
        assertThat(segmentsOf(recorder.requests(ScanRequest.class), 4)).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void aLimitStopsAfterThatManyRecordsAndOneRoundOfRequests(RequestRecorder recorder) {
        assertThat(ns(scan().parallel(4).limit(37).all())).hasSize(37).doesNotHaveDuplicates();
        // each segment asked for its share, once: 4 x 10 items for 37 records
        assertThat(recorder.requests(ScanRequest.class)).hasSize(4).allSatisfy(r -> assertThat(r.limit()).isEqualTo(10));
        recorder.clear();
        assertThat(ns(crates.where("rank.gt", 3).allowScan().parallel(4).limit(37).all())).hasSize(37)
                .allSatisfy(n -> assertThat(n % 10).isGreaterThan(3));
        assertThat(recorder.count(ScanRequest.class)).isEqualTo(4);
        recorder.clear();
        assertThat(scan().parallel(4).stream().limit(3).toList()).hasSize(3);
        assertThat(recorder.count(ScanRequest.class)).as("a stream left after 3 records").isEqualTo(4);
    }

    @Test
    void firstLastAndExists(RequestRecorder recorder) {
        assertThat(scan().parallel(4).first()).isPresent();
        assertThat(recorder.requests(ScanRequest.class)).hasSize(4).allSatisfy(r -> assertThat(r.limit()).isEqualTo(1));
        assertThat(scan().parallel(4).last()).isPresent();
        assertThat(crates.where("rank.gt", 3).allowScan().parallel(4).exists()).isTrue();
        assertThat(crates.where("rank.gt", 100).allowScan().parallel(4).exists()).isFalse();
        assertThat(crates.where("rank.gt", 100).allowScan().parallel(4).first()).isEmpty();
    }

    @Test
    void aScanLimitIsATotalSharedOutAmongTheSegments(RequestRecorder recorder) {
        assertThat(scan().parallel(4).scanLimit(100).all()).hasSize(100);
        List<ScanRequest> scans = recorder.requests(ScanRequest.class);
        assertThat(scans).hasSize(4).allSatisfy(r -> assertThat(r.limit()).isEqualTo(25));
        recorder.clear();
        assertThat(scan().parallel(4).scanLimit(3).all()).hasSize(3);
        assertThat(segmentsOf(recorder.requests(ScanRequest.class), 4)).as("a segment with no share is not read")
                .containsExactlyInAnyOrder(0, 1, 2);
        assertThat(scan().parallel(4).scanLimit(100).count()).isEqualTo(100);
        assertThat(crates.where("rank.gt", 3).allowScan().parallel(4).scanLimit(100).all()).hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void projectedRecordsArePartialAsInASerialScan(RequestRecorder recorder) {
        List<Crate> serial = scan().project("label").all();
        List<Crate> parallel = scan().parallel(4).project("label").all();
        assertThat(parallel).hasSize(ITEMS).allSatisfy(c -> {
            assertThat(c.isPartial()).isTrue();
            assertThat(c.label).startsWith("crate-");
            assertThat(c.n).isZero();
        });
        Function<List<Crate>, List<String>> labels = list -> list.stream().map(c -> c.label).toList();
        assertThat(labels.apply(parallel)).containsExactlyInAnyOrderElementsOf(labels.apply(serial));
        assertThat(recorder.requests(ScanRequest.class)).allSatisfy(r -> assertThat(r.projectionExpression()).isNotNull());
        assertThatThrownBy(parallel.get(0)::save).isInstanceOf(RecordNotSavedException.class);
    }

    @Test
    void includesPreloadsTheRecordsOfEverySegment(RequestRecorder recorder) {
        List<Crate> found = scan().parallel(4).includes("shelf").all();
        assertThat(found).hasSize(ITEMS);
        recorder.clear();
        assertThat(found).allSatisfy(c -> {
            assertThat(c.shelf.isLoaded()).isTrue();
            assertThat(c.shelf.get().name).isEqualTo("shelf-" + c.n % 3);
        });
        assertThat(recorder.count()).isZero();
    }

    @Test
    void explainShowsTheSegments(RequestRecorder recorder) {
        assertThat(crates.where("rank.gt", 3).parallel(8).explain().toString())
                .contains("Scan on table " + crates.tableName() + " in 8 parallel segments");
        assertThat(crates.where("rank.gt", 3).parallel(8).explain().fanOut()).isEqualTo(8);
        assertThat(crates.where("rank.gt", 3).explain().toString()).doesNotContain("segments");
        assertThat(crates.allowScan().parallel(1_000_000).explain().fanOut()).isEqualTo(1_000_000);
        assertThat(recorder.count()).isZero();
    }

    @Test
    void aQueryIgnoresParallelAndExplainSaysSo(RequestRecorder recorder) {
        Shelf first = SHELVES.get(0);
        Query<Crate> onShelf = crates.where("shelfId", first.id()).parallel(8);
        assertThat(onShelf.explain().reason()).contains("parallel(8) is ignored: a Query reads one partition");
        assertThat(onShelf.explain().fanOut()).isEqualTo(1);
        assertThat(onShelf.count()).isEqualTo(167);
        assertThat(onShelf.page(10, null).items()).hasSize(10);
        Crate one = onShelf.first().orElseThrow();
        assertThat(onShelf.start(one).limit(5).all()).hasSize(5);
        assertThat(recorder.count(ScanRequest.class)).isZero();
        assertThat(recorder.requests(QueryRequest.class)).isNotEmpty();
    }

    @Test
    void segmentCountsOutsideDynamoDbsRangeAreRefusedWithNothingSent(RequestRecorder recorder) {
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE, 1_000_001}) {
            assertThatThrownBy(() -> scan().parallel(bad)).isInstanceOf(InvalidQueryException.class)
                    .hasMessageContaining("parallel(" + bad + ")").hasMessageContaining("from 1 to 1,000,000");
        }
        assertThat(recorder.count()).isZero();
    }

    @Test
    void pagesAndStartsNeedASerialScan(RequestRecorder recorder) {
        Crate one = scan().first().orElseThrow();
        recorder.clear();
        assertThatThrownBy(() -> scan().parallel(4).page(10, null)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("page(...)").hasMessageContaining("drop parallel(4)");
        assertThatThrownBy(() -> scan().parallel(4).start(one).all()).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("start(...)").hasMessageContaining("drop parallel(4)");
        assertThatThrownBy(() -> scan().start(one).parallel(4).count()).isInstanceOf(InvalidQueryException.class);
        assertThat(recorder.count()).isZero();
        assertThat(scan().parallel(1).page(10, null).items()).hasSize(10);
    }

    @Test
    void errorOnScanRefusesAParallelScanUnlessAllowed() {
        RequestRecorder own = new RequestRecorder();
        String namespace = "pscan_" + UUID.randomUUID().toString().substring(0, 8);
        try (Session session = Session.open(c -> c.adapter(Adapter.LOCAL).namespace(namespace).errorOnScan(true))) {
            try {
                Finder<Crate> find = Crate.find.using(session);
                find.create(c -> c.rank = 5);
                session.addListener(own);
                assertThatThrownBy(() -> find.where("rank.gt", 3).parallel(4).all()).isInstanceOf(ScanProhibitedException.class);
                assertThatThrownBy(() -> find.where("rank.gt", 3).parallel(4).count()).isInstanceOf(ScanProhibitedException.class);
                assertThatThrownBy(() -> find.where("rank.gt", 3).parallel(4).page(5, null))
                        .isInstanceOf(ScanProhibitedException.class);
                assertThat(own.count()).as("requests sent while refusing the scan").isZero();
                assertThat(find.where("rank.gt", 3).allowScan().parallel(4).count()).isEqualTo(1);
            } finally {
                session.tables().dropAll();
            }
        }
    }

    @Test
    void segmentsRunOnTheSessionsExecutor() {
        AtomicInteger handedOut = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Executor counting = task -> {
            handedOut.incrementAndGet();
            pool.execute(task);
        };
        String namespace = "pscan_" + UUID.randomUUID().toString().substring(0, 8);
        try (Session session = Session.open(c -> c.adapter(Adapter.LOCAL).namespace(namespace).executor(counting))) {
            try {
                Finder<Crate> find = Crate.find.using(session);
                for (int i = 0; i < 20; i++) {
                    int n = i;
                    find.create(c -> c.n = n);
                }
                handedOut.set(0);
                assertThat(find.allowScan().parallel(4).stream().map(c -> c.n).toList())
                        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20).boxed().toList());
                assertThat(handedOut.get()).as("helpers handed to the session's executor").isPositive();
            } finally {
                session.tables().dropAll();
            }
        } finally {
            pool.shutdown();
        }
    }
}
