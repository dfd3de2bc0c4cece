package dev.dynarecord.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.InvalidCursorException;
import dev.dynarecord.query.Order;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Defects found in review of the querying feature. */
@DynarecordTest
class QueryReviewTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Table(timestamps = false)
    public static class Tick extends Model<Tick> {
        public static final Finder<Tick> find = finder(Tick.class);
        @HashKey public String id;
        @Field @Index(range = true, shards = 2) public Instant at;
        @Field public int n;
    }

    @Table(timestamps = false)
    public static class Untouched extends Model<Untouched> {
        public static final Finder<Untouched> find = finder(Untouched.class);
        @HashKey public String id;
        @Field @Index(range = true, shards = 2) public Instant at;
    }

    /** The shard of an id with 2 shards: floorMod(hashCode * 31, 2), the parity of the hash code. */
    private static int shard(String id) {
        return Math.floorMod(id.hashCode() * 31, 2);
    }

    private static List<String> ids(String prefix, int shard, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < count; i++) {
            if (shard(prefix + i) == shard) {
                out.add(prefix + i);
            }
        }
        return out;
    }

    private static Tick tick(String id, Instant at, int n) {
        return Tick.find.create(t -> {
            t.id = id;
            t.at = at;
            t.n = n;
        });
    }

    @Test
    void shardedStreamThatStopsEarlySendsNoMoreRequests(RequestRecorder recorder) {
        Instant base = T0.plusSeconds(1_000);
        List<String> ids = ids("lazy", 0, 40);
        for (int i = 0; i < ids.size(); i++) {
            tick(ids.get(i), base.plusSeconds(i), i);
        }
        recorder.clear();
        // limit 40 over 2 shards: each shard is asked for 30; shard 0 returns exactly 30 and a LastEvaluatedKey
        List<Integer> first30 = Tick.find.where("at").between(base, base.plusSeconds(39)).limit(40).stream().limit(30)
                .map(t -> t.n).toList();
        assertThat(first30).hasSize(30);
        assertThat(recorder.requests(QueryRequest.class)).hasSize(2);
    }

    @Test
    void shardedDescendingIsTheReverseOfAscendingOnTies() {
        Instant t = T0.plusSeconds(2_000);
        Tick a = tick(ids("tieA", 0, 1).get(0), t, 1);
        Tick b = tick(ids("tieB", 1, 1).get(0), t, 2);
        List<Integer> asc = Tick.find.where("at").between(t, t).all().stream().map(x -> x.n).toList();
        List<Integer> desc = Tick.find.where("at").between(t, t).order(Order.DESC).all().stream().map(x -> x.n).toList();
        assertThat(asc).containsExactly(a.n, b.n);
        assertThat(desc).containsExactly(asc.get(1), asc.get(0));
        assertThat(Tick.find.where("at").between(t, t).last()).get().extracting(x -> x.n).isEqualTo(asc.get(1));
    }

    @Test
    void startAfterARecordWithTiesInOtherShardsSkipsNothingAndRepeatsNothing() {
        Instant t = T0.plusSeconds(3_000);
        // ties on the range value: shard 0 has "s0-z...", shard 1 has "s1-a..."; ASC order is shard 0's, then shard 1's
        List<String> zero = ids("s0-z", 0, 2);
        List<String> one = ids("s1-a", 1, 2);
        List<Tick> all = new ArrayList<>();
        int n = 0;
        for (String id : zero) {
            all.add(tick(id, t, n++));
        }
        for (String id : one) {
            all.add(tick(id, t, n++));
        }
        var q = Tick.find.where("at").between(t, t);
        List<Tick> asc = q.all();
        assertThat(asc).hasSize(4);
        for (int i = 0; i < asc.size(); i++) {
            List<String> rest = q.start(asc.get(i)).all().stream().map(x -> x.id).toList();
            assertThat(rest).as("after %s", asc.get(i).id)
                    .containsExactlyElementsOf(asc.subList(i + 1, asc.size()).stream().map(x -> x.id).toList());
        }
    }

    public static class Row extends Model<Row> {
        public static final Finder<Row> find = finder(Row.class);
        @HashKey public String part;
        @dev.dynarecord.annotation.RangeKey public int n;
        @Field public int m;
    }

    private static List<Row> rows(String part, int count) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            out.add(Row.find.create(r -> {
                r.part = part;
                r.n = n;
                r.m = n;
            }));
        }
        return out;
    }

    @Test
    void lastHonoursStartAndLimit() {
        List<Row> rows = rows("last", 10);
        var q = Row.find.where("part", "last");
        assertThat(q.start(rows.get(4)).last()).get().extracting(r -> r.n).isEqualTo(9);
        assertThat(q.start(rows.get(9)).last()).isEmpty();
        assertThat(q.limit(3).last()).get().extracting(r -> r.n).isEqualTo(2);
        assertThat(q.order(Order.DESC).start(rows.get(4)).limit(2).last()).get().extracting(r -> r.n).isEqualTo(2);
    }

    @Test
    void countHonoursStart() {
        List<Row> rows = rows("count", 10);
        var q = Row.find.where("part", "count");
        assertThat(q.start(rows.get(6)).count()).isEqualTo(q.start(rows.get(6)).all().size()).isEqualTo(3);
        Tick x = tick(ids("cnt", 0, 1).get(0), T0.plusSeconds(4_000), 1);
        tick(ids("cnt", 1, 1).get(0), T0.plusSeconds(4_001), 2);
        tick(ids("cntb", 0, 1).get(0), T0.plusSeconds(4_002), 3);
        var sharded = Tick.find.where("at").between(T0.plusSeconds(4_000), T0.plusSeconds(4_002));
        assertThat(sharded.start(x).count()).isEqualTo(2);
    }

    @Test
    void pagesWithAScanLimitGoOnUntilEveryRecordIsSeen() {
        rows("scanlimit", 10);
        var q = Row.find.where("part", "scanlimit").where("m.ne", 4).scanLimit(3);
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = q.page(5, cursor);
            page.items().forEach(r -> seen.add(r.n));
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null && ++pages < 20);
        assertThat(seen).containsExactly(0, 1, 2, 3, 5, 6, 7, 8, 9);

        Instant base = T0.plusSeconds(5_000);
        List<String> ids = ids("sl", 0, 4);
        for (int i = 0; i < ids.size(); i++) {
            tick(ids.get(i), base.plusSeconds(i), i);
        }
        var sharded = Tick.find.where("at").between(base, base.plusSeconds(3)).scanLimit(2);
        List<Integer> ticks = new ArrayList<>();
        cursor = null;
        pages = 0;
        do {
            var page = sharded.page(3, cursor);
            page.items().forEach(t -> ticks.add(t.n));
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null && ++pages < 20);
        assertThat(ticks).containsExactly(0, 1, 2, 3);
    }

    @Test
    void badCursorIsRefusedBeforeAnyRequest(RequestRecorder recorder) {
        recorder.clear();
        assertThatExceptionOfType(InvalidCursorException.class)
                .isThrownBy(() -> Untouched.find.where("at.gt", T0).page(10, "not-a-cursor"));
        assertThat(recorder.requests()).isEmpty();
    }
}
