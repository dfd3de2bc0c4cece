package dev.dynarecord.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynarecord.Session;
import dev.dynarecord.exception.ThroughputExceededException;
import dev.dynarecord.it.fixtures.Counter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** PartitionLimitClient on the embedded engine, with a clock moved by hand: what it lets through, what it refuses and how. */
@DynarecordTest(global = false)
class PartitionLimitClientTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private DynamoDbClient raw;
    private PartitionLimitClient limited;
    private Session session;
    private String table;

    @BeforeEach
    void open(Session raw) {
        this.raw = raw.client();
        limited = PartitionLimitClient.wrap(this.raw).writesPerSecond(10).burst(5).clock(now::get).build();
        session = Session.open(c -> c.client(limited.client()).autoCreateTables(true)
                .namespace(raw.config().namespace() + "_limited"));
        session.tables().create(Counter.class);
        table = session.tableName(Counter.class);
    }

    @AfterEach
    void close() {
        try (Session opened = session) {
            opened.tables().dropAll();
        }
    }

    private PutItemRequest put(long id, long value) {
        return PutItemRequest.builder().tableName(table).item(Map.of("counterId", AttributeValue.fromN(Long.toString(id)),
                "value", AttributeValue.fromN(Long.toString(value)))).build();
    }

    private static Map<String, AttributeValue> key(long id) {
        return Map.of("counterId", AttributeValue.fromN(Long.toString(id)));
    }

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** @return how many of {@code n} puts of one key got through */
    private long puts(long id, int n) {
        return IntStream.range(0, n).filter(i -> catchThrowable(() -> limited.client().putItem(put(id, i))) == null).count();
    }

    @Test
    void aKeyTakesItsBurstThenWritesAtTheLimit() {
        assertThat(puts(1, 5)).isEqualTo(5);
        Throwable refused = catchThrowable(() -> limited.client().putItem(put(1, 99)));

        assertThat(refused).isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException");
            assertThat(e.getMessage()).contains("PartitionLimitClient", "more than 10 writes a second", table);
        });
        assertThat(raw.getItem(g -> g.tableName(table).key(key(1))).item().get("value").n()).as("not sent").isEqualTo("4");
        assertThat(puts(2, 1)).as("another key has a limit of its own").isEqualTo(1);

        advanceMillis(100);
        assertThat(puts(1, 3)).as("a tenth of a second refills one write").isEqualTo(1);
        advanceMillis(250);
        assertThat(puts(1, 5)).isEqualTo(2);
        advanceMillis(3_600_000);
        assertThat(puts(1, 8)).as("an hour idle refills the burst, no more").isEqualTo(5);
        assertThat(limited.writes()).isEqualTo(5 + 1 + 1 + 2 + 5);
        assertThat(limited.throttled()).isEqualTo(1 + 2 + 3 + 3);
    }

    @Test
    void updatesAndDeletesShareTheKeysLimitAndReadsAreNotLimited() {
        assertThat(puts(1, 3)).isEqualTo(3);
        limited.client().updateItem(u -> u.tableName(table).key(key(1)).updateExpression("SET #v = :v")
                .expressionAttributeNames(Map.of("#v", "value")).expressionAttributeValues(Map.of(":v", AttributeValue.fromN("7"))));
        limited.client().deleteItem(d -> d.tableName(table).key(key(1)));

        assertThatThrownBy(() -> limited.client().deleteItem(d -> d.tableName(table).key(key(1))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
        for (int i = 0; i < 20; i++) {
            limited.client().getItem(g -> g.tableName(table).key(key(1)));
        }
        assertThat(limited.throttled()).isEqualTo(1);
    }

    @Test
    void aBatchSendsTheWritesUnderTheLimitAndReturnsTheOthersUnprocessed() {
        assertThat(puts(1, 5)).isEqualTo(5);
        WriteRequest hot = WriteRequest.builder().putRequest(p -> p.item(put(1, 50).item())).build();
        WriteRequest cold = WriteRequest.builder().putRequest(p -> p.item(put(2, 60).item())).build();

        BatchWriteItemResponse answer = limited.client().batchWriteItem(b -> b.requestItems(Map.of(table, List.of(hot, cold))));

        assertThat(answer.unprocessedItems()).containsExactly(Map.entry(table, List.of(hot)));
        assertThat(raw.getItem(g -> g.tableName(table).key(key(2))).item()).containsEntry("value", AttributeValue.fromN("60"));
        assertThat(raw.getItem(g -> g.tableName(table).key(key(1))).item()).containsEntry("value", AttributeValue.fromN("4"));
        assertThatThrownBy(() -> limited.client().batchWriteItem(b -> b.requestItems(Map.of(table, List.of(hot)))))
                .isInstanceOf(ProvisionedThroughputExceededException.class).hasMessageContaining("every write of the BatchWriteItem");
    }

    @Test
    void aTransactionOverTheLimitForOneItemIsCancelledAndWritesNothing() {
        assertThat(puts(1, 5)).isEqualTo(5);
        List<TransactWriteItem> items = List.of(TransactWriteItem.builder().put(p -> p.tableName(table).item(put(2, 70).item())).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(put(1, 80).item())).build());

        Throwable refused = catchThrowable(() -> limited.client().transactWriteItems(t -> t.transactItems(items)));

        assertThat(refused).isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ThrottlingError");
        });
        assertThat(raw.getItem(g -> g.tableName(table).key(key(2))).hasItem()).isFalse();
        advanceMillis(100);
        assertThat(puts(2, 5)).as("the refused transaction took no token of the other key").isEqualTo(5);
    }

    @Test
    void aSaveOverTheLimitIsThroughputExceededForDynarecord() {
        Counter c = new Counter().using(session);
        c.counterId = 7L;
        c.saveOrThrow();
        for (int i = 1; i < 5; i++) {
            c.value = i;
            c.saveOrThrow();
        }
        c.value = 99;

        assertThatThrownBy(c::saveOrThrow).isInstanceOf(ThroughputExceededException.class)
                .hasCauseInstanceOf(ProvisionedThroughputExceededException.class);
        assertThat(session.find(Counter.class).byId(7L).value).isEqualTo(4);
    }

    @Test
    void aLimitOrBurstBelowOneIsRefused() {
        assertThatThrownBy(() -> PartitionLimitClient.wrap(raw).writesPerSecond(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("writesPerSecond must be at least 1");
        assertThatThrownBy(() -> PartitionLimitClient.wrap(raw).burst(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("burst must be at least 1");
        assertThat(PartitionLimitClient.wrap(raw).build()).hasToString(
                "PartitionLimitClient[1000 writes/s per partition key, 0 let through, 0 refused]");
    }
}
