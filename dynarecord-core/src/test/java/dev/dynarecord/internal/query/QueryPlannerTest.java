package dev.dynarecord.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.GlobalIndex;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.LocalIndex;
import dev.dynarecord.annotation.Projection;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.internal.condition.Conditions;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.internal.schema.TestSchemas;
import dev.dynarecord.query.Condition;
import dev.dynarecord.query.Operator;
import dev.dynarecord.query.Order;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner's decisions, without an engine: it is a pure function of schema and conditions. */
class QueryPlannerTest {

    @Table(key = "username", rangeKey = "expiresAt")
    static class Auth extends Model<Auth> {
        @Field String username;
        @Field Instant expiresAt;
        @Field @LocalIndex String token;
        @Field @GlobalIndex(rangeKey = "expiresAt", projection = Projection.INCLUDE, include = "device") String apiUserId;
        @Field @GlobalIndex String device;
        @Field @Index(range = true, shards = 4) Long seq;
        @Field int uses;
    }

    private static final ModelSchema<?> SCHEMA = schema();

    private static ModelSchema<?> schema() {
        return TestSchemas.of(Auth.class);
    }

    private static Plan plan(Object... pairs) {
        return planWith(null, null, false, pairs);
    }

    private static Plan planWith(String index, Order order, boolean consistent, Object... pairs) {
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            conditions.add(Conditions.parse(SCHEMA, (String) pairs[i], pairs[i + 1]));
        }
        return QueryPlanner.plan(SCHEMA, "auths", conditions, index, order, consistent, List.of());
    }

    @Test
    void aShapePlannedBeforeGivesTheSamePlanWithTheNewValuesAndStillChecksThem() {
        Plan first = plan("apiUserId", "u1", "expiresAt.lt", Instant.EPOCH, "device", "d1");
        Plan again = plan("apiUserId", "u2", "expiresAt.lt", Instant.EPOCH.plusSeconds(5), "device", "d2");
        assertThat(again.indexName()).isEqualTo(first.indexName());
        assertThat(again.reason()).isSameAs(first.reason()).as("the cached plan's reason");
        assertThat(again.keyConditions()).extracting(c -> c.values().get(0)).containsExactly("u2", Instant.EPOCH.plusSeconds(5));
        assertThat(again.filters()).extracting(c -> c.values().get(0)).containsExactly("d2");
        assertThat(again.view().toString()).isEqualTo(first.view().toString().replace("u1", "u2").replace("d1", "d2")
                .replace(Instant.EPOCH.toString(), Instant.EPOCH.plusSeconds(5).toString()));

        assertThatThrownBy(() -> plan("apiUserId", "", "expiresAt.lt", Instant.EPOCH, "device", "d3"))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("is a key condition of the Query")
                .hasMessageContaining("hash key of global index apiUserId_expiresAt_index");
        assertThat(plan("expiresAt.lt", Instant.EPOCH, "apiUserId", "u3", "device", "d3").keyConditions())
                .as("another order of the same conditions is another shape, with the same choice")
                .extracting(Condition::attribute).containsExactly("apiUserId", "expiresAt");
    }

    @Test
    void tableKeyBeatsEverything() {
        Plan p = plan("username", "joe", "expiresAt.gt", Instant.EPOCH, "apiUserId", "u", "token", "t");
        assertThat(p.indexName()).isEmpty();
        assertThat(p.keyConditions()).extracting(Condition::attribute).containsExactly("username", "expiresAt");
        assertThat(p.filters()).extracting(Condition::attribute).containsExactly("apiUserId", "token");
    }

    @Test
    void localIndexRangeConditionBeatsTheBareHashKey() {
        Plan p = plan("username", "joe", "token.begins_with", "t");
        assertThat(p.indexName()).contains("token_index");
        assertThat(p.fetchesFromTable()).isFalse();
        assertThat(p.reason()).contains("local index token_index");
    }

    @Test
    void globalIndexWithRangeBeatsOneWithout() {
        Plan p = plan("device", "d", "apiUserId", "u", "expiresAt.lt", Instant.EPOCH);
        assertThat(p.indexName()).contains("apiUserId_expiresAt_index");
        assertThat(p.fetchesFromTable()).isTrue();
        assertThat(p.filters()).extracting(Condition::attribute).containsExactly("device");
    }

    @Test
    void globalIndexLackingAFilteredAttributeIsPassedOver() {
        Plan p = plan("apiUserId", "u", "expiresAt.lt", Instant.EPOCH, "uses", 1);
        assertThat(p.isScan()).isTrue();
        assertThat(p.reason()).contains("apiUserId_expiresAt_index does not hold [uses], which a filter needs");
    }

    @Test
    void shardedIndexServesRangeConditionsWithoutHashKey() {
        Plan p = plan("seq.gte", 5L, "uses", 1);
        assertThat(p.indexName()).contains("seq_sharded_index");
        assertThat(p.fanOut()).isEqualTo(4);
        assertThat(p.toString()).contains("one Query per shard (4, concurrently), merged in order");
    }

    @Test
    void scanWhenNothingFitsAndTheReasonSaysWhy() {
        Plan p = plan("uses.gt", 3);
        assertThat(p.isScan()).isTrue();
        assertThat(p.reason()).contains("hash key username", "apiUserId (apiUserId_expiresAt_index)", "seq (seq_sharded_index)");
        assertThat(p.toString()).startsWith("Scan on table auths").contains("filters: uses gt 3");
    }

    @Test
    void mistakesAreNamedBeforeAnyRequest() {
        assertThatThrownBy(() -> plan("username", "joe", "expiresAt.gt", Instant.EPOCH, "expiresAt.lt", Instant.now()))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("two range conditions on the range key expiresAt")
                .hasMessageContaining("between");
        assertThatThrownBy(() -> plan("username", "joe", "username", "ann")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("two eq conditions on the hash key username");
        assertThatThrownBy(() -> planWith(null, null, true, "apiUserId", "u")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("consistent() on global index");
        assertThatThrownBy(() -> planWith(null, Order.DESC, false, "uses", 1)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("order(DESC) needs a Query");
        assertThatThrownBy(() -> planWith("nope", null, false)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("has no index 'nope'").hasMessageContaining("token_index");
        assertThatThrownBy(() -> planWith("device_index", null, false, "uses", 1)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("needs an eq condition on device");
    }

    @Test
    void conditionsAreCheckedWhenAdded() {
        assertThatThrownBy(() -> Conditions.parse(SCHEMA, "nope", 1)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Auth has no field 'nope'").hasMessageContaining("uses");
        assertThatThrownBy(() -> Conditions.parse(SCHEMA, "uses.greater", 1)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("unknown operator 'greater'").hasMessageContaining("gte");
        assertThatThrownBy(() -> Conditions.parse(SCHEMA, "uses.begins_with", "1")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("begins_with works on strings and binary only");
        assertThatThrownBy(() -> Conditions.parse(SCHEMA, "uses", "three")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Auth.uses");
        assertThat(Conditions.parse(SCHEMA, "token", null).operator()).isEqualTo(Operator.NOT_EXISTS);
        assertThat(Conditions.parse(SCHEMA, "token.null", false).operator()).isEqualTo(Operator.EXISTS);
        assertThat(Conditions.parse(SCHEMA, "uses.between", List.of(1, 5)).toString()).isEqualTo("uses between 1 and 5");
    }
}
