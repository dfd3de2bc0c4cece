package dev.dynarecord.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Page;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.query.Order;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Dynamoid's range index: range queries with no hash key, over 10,000 items, with Queries only. */
@DynarecordTest(global = false)
class ShardedIndexTest {

    private static final int ITEMS = 10_000;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static boolean seeded;

    @Table(timestamps = false)
    public static class Post extends Model<Post> {
        public static final Finder<Post> find = finder(Post.class);
        @Field @Index(range = true, shards = 10) public Instant postedAt;
        @Field public int n;
    }

    private final Finder<Post> posts;

    ShardedIndexTest(Finder<Post> posts) {
        this.posts = posts;
    }

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        // n-th post at T0 + n seconds; written from several threads, in no particular order.
        IntStream.range(0, ITEMS).parallel().forEach(n -> posts.create(p -> {
            p.postedAt = T0.plusSeconds(n);
            p.n = n;
        }));
    }

    @Test
    void greaterThanOverTenThousandItemsComesBackInOrderWithQueriesOnly(RequestRecorder recorder) {
        Instant t = T0.plusSeconds(2_500);
        List<Integer> found = posts.where("postedAt.gt", t).stream().map(p -> p.n).toList();
        assertThat(found).containsExactlyElementsOf(IntStream.range(2_501, ITEMS).boxed().toList());
        assertThat(recorder.requests()).isNotEmpty().allSatisfy(r -> assertThat(r).isInstanceOf(QueryRequest.class));
        assertThat(recorder.requests(QueryRequest.class)).allSatisfy(q -> assertThat(q.indexName()).isEqualTo("postedAt_sharded_index"));
        assertThat(posts.where("postedAt.gt", t).explain().toString()).contains("one Query per shard (10, concurrently)");
    }

    @Test
    void descendingCountAndLimit(RequestRecorder recorder) {
        assertThat(posts.where("postedAt").lt(T0.plusSeconds(100)).order(Order.DESC).limit(5).all()).extracting(p -> p.n)
                .containsExactly(99, 98, 97, 96, 95);
        assertThat(posts.where("postedAt.gte", T0.plusSeconds(9_000)).count()).isEqualTo(1_000);
        assertThat(posts.where("postedAt").between(T0.plusSeconds(10), T0.plusSeconds(19)).all()).extracting(p -> p.n)
                .containsExactlyElementsOf(IntStream.rangeClosed(10, 19).boxed().toList());
        assertThat(recorder.requests()).allSatisfy(r -> assertThat(r).isInstanceOf(QueryRequest.class));
    }

    @Test
    void pagesWithCursorsVisitEveryItemOnceInOrder() {
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Post> page = posts.where("postedAt.gte", T0.plusSeconds(5_000)).page(700, cursor);
            page.items().forEach(p -> seen.add(p.n));
            cursor = page.nextCursor().orElse(null);
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(8);
        assertThat(seen).containsExactlyElementsOf(IntStream.range(5_000, ITEMS).boxed().toList());
    }

    @Test
    void startAfterARecordResumesEveryShardAtItsPlace() {
        List<Integer> seen = new ArrayList<>();
        Post last = null;
        do {
            var query = posts.where("postedAt.lt", T0.plusSeconds(3_000)).order(Order.DESC).limit(400);
            List<Post> batch = (last == null ? query : query.start(last)).all();
            batch.forEach(p -> seen.add(p.n));
            last = batch.isEmpty() ? null : batch.get(batch.size() - 1);
        } while (last != null);
        List<Integer> expected = new ArrayList<>(IntStream.range(0, 3_000).boxed().toList());
        java.util.Collections.reverse(expected);
        assertThat(seen).containsExactlyElementsOf(expected);
    }
}
