package dev.dynarecord.it.expiry;

import static dev.dynarecord.ReadOptions.includeExpired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Page;
import dev.dynarecord.Session;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.query.QueryPlan;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Items whose TTL has passed but which DynamoDB has not deleted yet (the embedded engine, like
 * DynamoDB for days, keeps them): hidden by default from reads by key (checked after the GetItem or
 * BatchGetItem) and from queries (a filter on the wire, shown by the plan), returned with
 * {@code includeExpired()}.
 */
@DynarecordTest
class ExpiryTest {

    /** The filter that hides expired items, as sent: placeholders only. */
    private static final String NOT_EXPIRED = "\\(attribute_not_exists\\((#n\\d+)\\) OR \\1 > (:v\\d+)\\)";

    private static Instant hourAgo() {
        return Instant.now().minus(Duration.ofHours(1));
    }

    /** Three sessions of a user: one live (expiresIn), one expired an hour ago, one that never expires. */
    private static List<WebSession> three(String user) {
        WebSession live = WebSession.of(user, "laptop", null);
        WebSession expired = WebSession.of(user, "phone", hourAgo());
        WebSession forever = WebSession.of(user, "tablet", null);
        forever.expiresAt = null;
        forever.saveOrThrow();
        return List.of(live, expired, forever);
    }

    private static List<String> devices(List<WebSession> sessions) {
        return sessions.stream().map(s -> s.device).toList();
    }

    @Test
    void anExpiredItemIsNotReturnedByDefaultAndIsWithIncludeExpired(RequestRecorder recorder) {
        List<WebSession> s = three("ann");
        Object expired = s.get(1).id();
        recorder.clear();

        assertThatThrownBy(() -> WebSession.find.byId(expired)).isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining("TTL has passed").hasMessageContaining("includeExpired()");
        assertThat(WebSession.find.byIdOptional(expired)).isEmpty();
        assertThat(WebSession.find.exists(expired)).isFalse();
        assertThat(WebSession.find.byId(expired, includeExpired()).device).isEqualTo("phone");
        assertThat(WebSession.find.byIdOptional(s.get(0).id())).isPresent();
        assertThat(WebSession.find.exists(s.get(2).id())).isTrue();
        // a GetItem has no filter: the item is read, then checked; exists reads the key and the TTL attribute
        assertThat(recorder.requests(GetItemRequest.class).get(2).expressionAttributeNames()).containsValue("expiresAt");

        List<Object> ids = List.of(s.get(0).id(), expired, s.get(2).id());
        assertThat(devices(WebSession.find.byIds(ids))).containsExactly("laptop", "tablet");
        assertThat(devices(WebSession.find.byIds(ids, includeExpired()))).containsExactly("laptop", "phone", "tablet");
        assertThat(devices(WebSession.find.includeExpired().project("device").byIds(ids))).containsExactly("laptop", "phone",
                "tablet");
        recorder.clear();
        // a projection without the TTL attribute still reads it, to check it
        assertThat(devices(WebSession.find.project("device").byIds(ids))).containsExactly("laptop", "tablet");
        assertThat(recorder.single(BatchGetItemRequest.class).requestItems().values().iterator().next()
                .expressionAttributeNames()).containsValue("expiresAt");
    }

    @Test
    void queriesAndScansHideExpiredItemsWithAFilterThePlanShows(RequestRecorder recorder) {
        three("bob");
        recorder.clear();

        assertThat(devices(WebSession.find.where("userId", "bob").all())).containsExactlyInAnyOrder("laptop", "tablet");
        QueryRequest sent = recorder.single(QueryRequest.class);
        assertThat(sent.indexName()).isEqualTo("userId_index");
        assertThat(sent.filterExpression()).matches(NOT_EXPIRED);
        String value = sent.filterExpression().replaceAll(NOT_EXPIRED, "$2");
        BigDecimal now = new BigDecimal(sent.expressionAttributeValues().get(value).n());
        assertThat(now).isGreaterThan(BigDecimal.valueOf(hourAgo().getEpochSecond()));
        assertThat(sent.expressionAttributeNames()).containsValue("expiresAt");

        QueryPlan plan = WebSession.find.where("userId", "bob").explain();
        assertThat(plan.expiry()).hasValueSatisfying(e -> {
            assertThat(e.attribute()).isEqualTo("expiresAt");
            assertThat(e.filtered()).isTrue();
        });
        assertThat(plan.toString()).contains("filters: (expiresAt not_exists OR expiresAt > ")
                .contains("expired items: hidden by the filter").contains("includeExpired() shows them");
        assertThat(WebSession.find.where("userId", "bob").where("device.ne", "x").explain().toString())
                .contains("filters: device ne 'x' AND (expiresAt not_exists OR expiresAt > ");

        recorder.clear();
        assertThat(devices(WebSession.find.where("userId", "bob").includeExpired().all())).hasSize(3);
        assertThat(recorder.single(QueryRequest.class).filterExpression()).isNull();
        assertThat(WebSession.find.where("userId", "bob").includeExpired().explain().expiry()).isEmpty();
        assertThat(WebSession.find.where("userId", "bob").includeExpired().explain().toString()).doesNotContain("expired");

        recorder.clear();
        assertThat(WebSession.find.where("userId", "bob").count()).isEqualTo(2);
        assertThat(WebSession.find.where("userId", "bob").includeExpired().count()).isEqualTo(3);
        assertThat(recorder.requests(QueryRequest.class).get(0).select()).isEqualTo(Select.COUNT);
        assertThat(recorder.requests(QueryRequest.class).get(0).filterExpression()).matches(NOT_EXPIRED);
        assertThat(WebSession.find.where("userId", "bob").where("device", "phone").exists()).isFalse();
        assertThat(WebSession.find.where("userId", "bob").where("device", "phone").includeExpired().exists()).isTrue();

        recorder.clear();
        assertThat(devices(WebSession.find.allowScan().where("device.in", List.of("phone", "tablet"))
                .where("userId.begins_with", "bob").all())).containsExactly("tablet");
        ScanRequest scan = recorder.single(ScanRequest.class);
        assertThat(scan.filterExpression())
                .matches("#n0 IN \\(:v0, :v1\\) AND begins_with\\(#n1, :v2\\) AND \\(attribute_not_exists\\(#n2\\) OR #n2 > :v3\\)");
    }

    @Test
    void limitsFirstAndPagesCountOnlyLiveRecords(RequestRecorder recorder) {
        for (int i = 0; i < 6; i++) {
            WebSession.of("cy", "old" + i, hourAgo());
            if (i % 2 == 0) {
                WebSession.of("cy", "new" + i, null);
            }
        }
        recorder.clear();
        // DynamoDB applies Limit before the filter, so a filtered Query is sent without it, page after page
        List<WebSession> two = WebSession.find.where("userId", "cy").limit(2).all();
        assertThat(devices(two)).hasSize(2).allMatch(d -> d.startsWith("new"));
        assertThat(recorder.requests(QueryRequest.class)).allSatisfy(r -> assertThat(r.limit()).isNull());
        assertThat(WebSession.find.where("userId", "cy").first().orElseThrow().device).startsWith("new");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Page<WebSession> page = WebSession.find.where("userId", "cy").page(2, cursor);
            page.items().forEach(s -> paged.add(s.device));
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);
        assertThat(paged).containsExactlyInAnyOrder("new0", "new2", "new4");
        assertThat(WebSession.find.where("userId", "cy").limit(2).count()).isEqualTo(2);
        assertThat(WebSession.find.where("userId", "cy").includeExpired().limit(7).count()).isEqualTo(7);
    }

    /** The sessions of dee expiring after a time, read on the sharded index over expiresAt. */
    private static dev.dynarecord.Query<WebSession> byExpiry(Instant after) {
        return WebSession.find.where("expiresAt.gt", after).where("userId", "dee").useIndex("expiresAt_sharded_index");
    }

    @Test
    void onAnIndexWhoseKeyIsTheTtlAttributeExpiredItemsAreDroppedAfterTheRead(RequestRecorder recorder) {
        Instant start = Instant.now().minus(Duration.ofDays(3650));
        three("dee");
        recorder.clear();

        // the TTL attribute is the sharded index's range key: DynamoDB cannot filter a Query on it
        List<WebSession> found = byExpiry(start).all();
        assertThat(devices(found)).containsExactly("laptop");
        assertThat(recorder.requests(QueryRequest.class)).hasSize(2)
                .allSatisfy(r -> assertThat(r.indexName()).isEqualTo("expiresAt_sharded_index"))
                .allSatisfy(r -> assertThat(r.filterExpression()).doesNotContain("attribute_not_exists"));
        QueryPlan plan = WebSession.find.where("expiresAt.gt", start).explain();
        assertThat(plan.expiry()).hasValueSatisfying(e -> assertThat(e.filtered()).isFalse());
        assertThat(plan.toString()).contains("expired items: dropped after the read when expiresAt <= ")
                .contains("filters: none");

        assertThat(devices(byExpiry(start).includeExpired().all()))
                .containsExactlyInAnyOrder("phone", "laptop");
        recorder.clear();
        // Select COUNT cannot drop items: the keys are read and counted
        assertThat(byExpiry(start).count()).isEqualTo(1);
        assertThat(recorder.requests(QueryRequest.class)).allSatisfy(r -> assertThat(r.select()).isNotEqualTo(Select.COUNT));
        assertThat(byExpiry(start).includeExpired().count()).isEqualTo(2);
        Page<WebSession> page = byExpiry(start).page(5, null);
        assertThat(devices(page.items())).containsExactly("laptop");
    }

    @Test
    void expiresInSetsTheTtlOfANewRecordThatHasNone(Session session) {
        Instant before = Instant.now();
        WebSession created = WebSession.of("eve", "laptop", null);
        Instant after = Instant.now();
        Instant earliest = before.plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(created.expiresAt).isBetween(earliest, after.plus(Duration.ofDays(1)));
        Map<String, AttributeValue> stored = session.client().getItem(r -> r.tableName(WebSession.find.tableName())
                .key(Map.of("id", AttributeValue.fromS((String) created.id())))).item();
        assertThat(stored.get("expiresAt").n()).as("the record holds what was stored, whole seconds")
                .isEqualTo(Long.toString(created.expiresAt.getEpochSecond()));
        assertThat(created.expiresAt.getNano()).isZero();

        Instant given = Instant.parse("2031-01-01T00:00:00Z");
        assertThat(WebSession.of("eve", "phone", given).expiresAt).isEqualTo(given);
        // an update keeps what the record has, and a record may lose its expiry
        created.device = "desktop";
        created.saveOrThrow();
        assertThat(WebSession.find.byId(created.id()).expiresAt).isBetween(earliest, after.plus(Duration.ofDays(1)));
        created.expiresAt = null;
        created.saveOrThrow();
        assertThat(WebSession.find.byId(created.id()).expiresAt).isNull();
        // a loaded expired record can be saved, and saving it later in the future brings it back
        WebSession old = WebSession.of("eve", "old", hourAgo());
        WebSession loaded = WebSession.find.byId(old.id(), includeExpired());
        loaded.expiresAt = Instant.now().plus(Duration.ofHours(1));
        loaded.saveOrThrow();
        assertThat(WebSession.find.byIdOptional(old.id())).isPresent();
    }
}
