package dev.dynarecord.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.internal.condition.Conditions;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.TestSchemas;
import dev.dynarecord.query.QueryPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What explain() shows of parallel(n): the segments of a Scan, or why a Query ignores them. */
class ParallelScanPlanTest {

    static class Box extends Model<Box> {
        @Field @Index String owner;
        @Field @Index(range = true, shards = 4) Long seq;
        @Field int rank;
    }

    private static final ModelSchema<?> SCHEMA = TestSchemas.of(Box.class);

    private static Plan plan(String expression, Object value) {
        return QueryPlanner.plan(SCHEMA, "boxes", List.of(Conditions.parse(SCHEMA, expression, value)), null, null, false,
                List.of());
    }

    @Test
    void aScanIsShownInItsSegments() {
        QueryPlan view = plan("rank.gt", 3).view(8);
        assertThat(view.fanOut()).isEqualTo(8);
        assertThat(view.toString()).startsWith("Scan on table boxes in 8 parallel segments, merged in no order\n")
                .contains("filters: rank gt 3").doesNotContain("ignored");
        assertThat(plan("rank.gt", 3).view(1).toString()).startsWith("Scan on table boxes\n");
        assertThat(plan("rank.gt", 3).view()).isEqualTo(plan("rank.gt", 3).view(1));
    }

    @Test
    void aQueryReadsOnePartitionSoTheSegmentsAreIgnored() {
        QueryPlan query = plan("owner", "ann").view(8);
        assertThat(query.fanOut()).isEqualTo(1);
        assertThat(query.toString()).doesNotContain("segments, merged")
                .contains("why: eq on owner, the hash key of global index owner_index; parallel(8) is ignored: a Query"
                        + " reads one partition, and only a Scan is split into segments");
        QueryPlan sharded = plan("seq.gt", 5L).view(8);
        assertThat(sharded.fanOut()).isEqualTo(4);
        assertThat(sharded.toString()).contains("one Query per shard (4, concurrently)")
                .contains("parallel(8) is ignored: a Query reads one partition per shard");
        assertThat(plan("owner", "ann").view(1).reason()).doesNotContain("parallel");
    }
}
