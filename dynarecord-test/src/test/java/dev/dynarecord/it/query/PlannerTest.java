package dev.dynarecord.it.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.query.Order;
import dev.dynarecord.query.QueryPlan;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The planner's choices, asserted on what was actually sent. */
@DynarecordTest
class PlannerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        for (int i = 0; i < 6; i++) {
            Authentication a = new Authentication(i < 4 ? "joe" : "ann", T0.plusSeconds(i * 60L), "tok" + i, i % 2 == 0 ? "u1" : "u2");
            a.status = i < 3 ? "active" : "revoked";
            a.device = "d" + i;
            a.uses = i;
            a.save();
        }
        for (int i = 0; i < 5; i++) {
            Member m = new Member();
            m.email = "m" + i + "@x.z";
            m.city = i < 3 ? "Chicago" : "Paris";
            m.rank = i;
            m.name = "m" + i;
            m.joinedSeq = 100L + i;
            m.save();
        }
    }

    @Test
    void tableKeyWithRangeConditionIsAQueryOnTheTable(RequestRecorder recorder) {
        List<Authentication> found = Authentication.find.where("username", "joe").where("expiresAt.gte", T0.plusSeconds(120)).all();
        assertThat(found).extracting(a -> a.token).containsExactly("tok2", "tok3");
        QueryRequest q = recorder.single(QueryRequest.class);
        assertThat(q.indexName()).isNull();
        assertThat(q.keyConditionExpression()).isEqualTo("#n0 = :v0 AND #n1 >= :v1");
        assertThat(q.expressionAttributeNames()).containsValues("username", "expiresAt");
        assertThat(q.filterExpression()).isNull();
        assertThat(recorder.requests(ScanRequest.class)).isEmpty();
    }

    @Test
    void hashKeyAndLocalIndexRangeConditionUseTheLsi(RequestRecorder recorder) {
        QueryPlan plan = Authentication.find.where("username", "joe").where("token", "tok1").explain();
        assertThat(plan.indexName()).contains("token_index");
        assertThat(Authentication.find.where("username", "joe").where("token", "tok1").all()).extracting(a -> a.device).containsExactly("d1");
        QueryRequest q = recorder.single(QueryRequest.class);
        assertThat(q.indexName()).isEqualTo("token_index");
        assertThat(q.filterExpression()).isNull();
    }

    @Test
    void localIndexQueriesCanBeConsistent(RequestRecorder recorder) {
        assertThat(Authentication.find.where("username", "joe").where("token", "tok1").consistent().first()).isPresent();
        assertThat(recorder.single(QueryRequest.class).consistentRead()).isTrue();
    }

    @Test
    void globalIndexWithKeysOnlyProjectionFetchesTheRestWithBatchGet(RequestRecorder recorder) {
        Authentication latest = Authentication.find.where("apiUserId", "u1").order(Order.DESC).limit(1).first().orElseThrow();
        assertThat(latest.token).isEqualTo("tok4");
        assertThat(latest.device).isEqualTo("d4");
        QueryRequest q = recorder.single(QueryRequest.class);
        assertThat(q.indexName()).isEqualTo("apiUserId_expiresAt_index");
        assertThat(q.scanIndexForward()).isFalse();
        assertThat(recorder.requests(BatchGetItemRequest.class)).hasSize(1);
        assertThat(recorder.requests(ScanRequest.class)).isEmpty();
    }

    @Test
    void globalIndexResultsKeepTheIndexOrderAfterCompletion() {
        assertThat(Authentication.find.where("apiUserId", "u1").all()).extracting(a -> a.token).containsExactly("tok0", "tok2", "tok4");
        assertThat(Authentication.find.where("apiUserId", "u2").order(Order.DESC).all()).extracting(a -> a.device)
                .containsExactly("d5", "d3", "d1");
    }

    @Test
    void globalIndexWithRangeConditionAndAFilterItHolds(RequestRecorder recorder) {
        List<Authentication> found = Authentication.find.where("status", "active").where("device.ne", "d1").all();
        assertThat(found).extracting(a -> a.token).containsExactlyInAnyOrder("tok0", "tok2");
        QueryRequest q = recorder.single(QueryRequest.class);
        assertThat(q.indexName()).isEqualTo("status_index");
        assertThat(q.filterExpression()).isEqualTo("#n1 <> :v1");
        assertThat(recorder.requests(BatchGetItemRequest.class)).hasSize(1);
    }

    @Test
    void aGlobalIndexMissingAFilteredAttributeIsSkippedNotSilentlyEmpty(RequestRecorder recorder) {
        QueryPlan plan = Authentication.find.where("status", "active").where("uses.gte", 1).explain();
        assertThat(plan.isScan()).isTrue();
        assertThat(plan.reason()).contains("status_index does not hold [uses]");
        assertThat(Authentication.find.where("status", "active").where("uses.gte", 1).all()).extracting(a -> a.token)
                .containsExactlyInAnyOrder("tok1", "tok2");
        assertThat(recorder.requests(ScanRequest.class)).hasSize(1);
        assertThatThrownBy(() -> Authentication.find.useIndex("status_index").where("status", "active").where("uses.gte", 1).all())
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("does not hold [uses]");
    }

    @Test
    void consistentReadOnAGlobalIndexIsAClearError(RequestRecorder recorder) {
        assertThatThrownBy(() -> Authentication.find.where("apiUserId", "u1").consistent().all())
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("global index apiUserId_expiresAt_index")
                .hasMessageContaining("drop consistent()");
        assertThat(recorder.count()).isZero();
    }

    @Test
    void dynamoidIndexOnOneFieldAndExplain(RequestRecorder recorder) {
        QueryPlan plan = Member.find.where("email", "m2@x.z").explain();
        assertThat(plan.toString()).startsWith("Query on GSI email_index (email) of table").contains("no Scan");
        assertThat(Member.find.findBy("email", "m2@x.z")).get().extracting(m -> m.name).isEqualTo("m2");
        assertThat(recorder.single(QueryRequest.class).indexName()).isEqualTo("email_index");
    }

    @Test
    void dynamoidIndexWithRangeKey(RequestRecorder recorder) {
        assertThat(Member.find.where("city", "Chicago").where("rank").between(1, 2).all()).extracting(m -> m.rank).containsExactly(1, 2);
        QueryRequest q = recorder.single(QueryRequest.class);
        assertThat(q.indexName()).isEqualTo("city_rank_index");
        assertThat(q.keyConditionExpression()).contains("BETWEEN");
    }

    @Test
    void nothingKeyedIsAScanWithEveryConditionAsAFilter(RequestRecorder recorder) {
        QueryPlan plan = Member.find.where("name", "m1").explain();
        assertThat(plan.isScan()).isTrue();
        assertThat(plan.reason()).contains("email (email_index)");
        assertThat(Member.find.where("name", "m1").all()).hasSize(1);
        ScanRequest s = recorder.single(ScanRequest.class);
        assertThat(s.filterExpression()).isEqualTo("#n0 = :v0");
        assertThat(recorder.requests(QueryRequest.class)).isEmpty();
    }

    @Test
    void shardedRangeIndexQueriesEveryShard(RequestRecorder recorder) {
        assertThat(Member.find.where("joinedSeq.gt", 101L).all()).extracting(m -> m.joinedSeq).containsExactly(102L, 103L, 104L);
        List<QueryRequest> queries = recorder.requests(QueryRequest.class);
        assertThat(queries).hasSize(8).allSatisfy(q -> assertThat(q.indexName()).isEqualTo("joinedSeq_sharded_index"));
        assertThat(recorder.requests(ScanRequest.class)).isEmpty();
        assertThat(Member.find.where("joinedSeq.gt", 101L).order(Order.DESC).all()).extracting(m -> m.joinedSeq)
                .containsExactly(104L, 103L, 102L);
        assertThat(Member.find.where("joinedSeq.gt", 101L).count()).isEqualTo(3);
    }

    @Test
    void useIndexForcesAnIndexAndRejectsUnknownNames(RequestRecorder recorder) {
        assertThat(Authentication.find.useIndex("token_index").where("username", "joe").order(Order.DESC).all())
                .extracting(a -> a.token).containsExactly("tok3", "tok2", "tok1", "tok0");
        assertThat(recorder.single(QueryRequest.class).indexName()).isEqualTo("token_index");
        recorder.clear();
        assertThatThrownBy(() -> Authentication.find.useIndex("nope")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("token_index");
        assertThatThrownBy(() -> Authentication.find.useIndex("status_index").where("device", "d1").all())
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("needs an eq condition on status");
        assertThat(recorder.count()).isZero();
    }

    @Test
    void oceanDynamoFindLocalAndFindGlobal() {
        assertThat(Authentication.find.findLocal("token_index", "joe", "tok3")).get().extracting(a -> a.device).isEqualTo("d3");
        assertThat(Authentication.find.findGlobal("apiUserId_expiresAt_index", "u2", T0.plusSeconds(180))).get()
                .extracting(a -> a.token).isEqualTo("tok3");
        assertThat(Authentication.find.global("status_index", "revoked").count()).isEqualTo(3);
    }
}
