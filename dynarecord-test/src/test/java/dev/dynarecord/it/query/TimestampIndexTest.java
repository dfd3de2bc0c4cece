package dev.dynarecord.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.query.Order;
import dev.dynarecord.query.QueryPlan;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Dynamoid's {@code index :created_at, range: true}: the automatic timestamps are indexed from the
 * class, and range conditions on them are Queries on every shard, never a Scan.
 */
@DynarecordTest
class TimestampIndexTest {

    @Index(field = "createdAt", range = true, shards = 4)
    @Index(field = "updatedAt", range = true, shards = 3)
    public static class Entry extends Model<Entry> {
        public static final Finder<Entry> find = finder(Entry.class);
        @Field public int n;
    }

    private static List<Entry> create(int from, int to) {
        List<Entry> entries = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int n = i;
            entries.add(Entry.find.create(e -> e.n = n));
        }
        return entries;
    }

    @Test
    void createdAtRangeConditionsAreQueriesOnTheShardedIndex(RequestRecorder recorder) {
        List<Entry> entries = create(0, 6);
        Instant t = entries.get(2).createdAt();
        Instant first = entries.get(0).createdAt();
        Instant last = entries.get(5).createdAt();
        recorder.clear();

        QueryPlan plan = Entry.find.where("createdAt.gt", t).explain();
        assertThat(plan.isScan()).isFalse();
        assertThat(plan.indexName()).contains("createdAt_sharded_index");
        assertThat(plan.toString()).startsWith("Query on GSI createdAt_sharded_index").contains("one Query per shard (4,");

        assertThat(Entry.find.where("createdAt.gt", t).stream().map(e -> e.n).toList()).containsExactly(3, 4, 5);
        // older entries of the other tests come first
        assertThat(Entry.find.where("createdAt.lt", t).stream().map(e -> e.n).toList()).endsWith(0, 1);
        assertThat(Entry.find.where("createdAt").between(entries.get(1).createdAt(), entries.get(4).createdAt()).stream()
                .map(e -> e.n).toList()).containsExactly(1, 2, 3, 4);
        assertThat(Entry.find.where("createdAt").between(first, last).order(Order.DESC).limit(2).stream().map(e -> e.n).toList())
                .containsExactly(5, 4);
        assertThat(Entry.find.where("createdAt").between(first, last).count()).isEqualTo(6);

        assertThat(recorder.requests()).isNotEmpty().allSatisfy(r -> assertThat(r).isInstanceOf(QueryRequest.class));
        assertThat(recorder.requests(QueryRequest.class)).allSatisfy(q -> assertThat(q.indexName())
                .isEqualTo("createdAt_sharded_index"));
    }

    @Test
    void updatedAtIndexFollowsSavesAndAtomicUpdates(RequestRecorder recorder) {
        List<Entry> entries = create(10, 14);
        Instant before = Instant.now();
        Entry second = entries.get(1);
        second.n = 110;
        second.saveOrThrow();
        Entry.find.update(entries.get(3).id(), u -> u.set("n", 113));
        recorder.clear();

        assertThat(Entry.find.where("updatedAt.gt", before).stream().map(e -> e.n).toList()).containsExactly(110, 113);
        assertThat(recorder.requests()).isNotEmpty().allSatisfy(r -> assertThat(r).isInstanceOf(QueryRequest.class));
        assertThat(recorder.requests(QueryRequest.class)).allSatisfy(q -> assertThat(q.indexName())
                .isEqualTo("updatedAt_sharded_index"));
    }

    @Test
    void anUpsertedRecordIsInBothTimestampIndexes(RequestRecorder recorder) {
        Instant before = Instant.now();
        Entry.find.upsert("upserted", u -> u.set("n", 99));
        recorder.clear();
        assertThat(Entry.find.where("createdAt.gte", before).stream().map(Model::id).toList()).containsExactly("upserted");
        assertThat(Entry.find.where("updatedAt.gte", before).stream().map(Model::id).toList()).containsExactly("upserted");
        assertThat(recorder.requests()).isNotEmpty().allSatisfy(r -> assertThat(r).isInstanceOf(QueryRequest.class));
    }
}
