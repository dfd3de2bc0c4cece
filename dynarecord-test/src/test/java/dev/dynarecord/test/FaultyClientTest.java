package dev.dynarecord.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynarecord.Session;
import dev.dynarecord.it.fixtures.Counter;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** FaultyClient on the embedded engine: what each fault does to the caller and to the stored item. */
@DynarecordTest(global = false)
class FaultyClientTest {

    private DynamoDbClient raw;
    private FaultyClient faults;
    private Session faulty;
    private String table;

    @BeforeEach
    void open(Session session) {
        raw = session.client();
        faults = FaultyClient.wrap(raw).build();
        faulty = Session.open(c -> c.client(faults.client()).autoCreateTables(true)
                .namespace(session.config().namespace() + "_faults"));
        faulty.tables().create(Counter.class);
        table = faulty.tableName(Counter.class);
    }

    @AfterEach
    void close() {
        try (Session opened = faulty) {
            opened.tables().dropAll();
        }
    }

    @ParameterizedTest
    @CsvSource({"THROTTLE, 400, ProvisionedThroughputExceededException, false",
        "SERVER_ERROR_BEFORE, 500, InternalServerError, false", "SERVER_ERROR_AFTER, 500, InternalServerError, true"})
    void serviceErrorsComeAfterTheRetries(Fault fault, int status, String code, boolean applied) {
        faults.next(fault);
        Throwable thrown = catchThrowable(() -> faults.client().putItem(put(1, 10)));

        assertThat(thrown).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.numAttempts()).isEqualTo(3);
        });
        if (fault == Fault.THROTTLE) {
            assertThat(thrown).isInstanceOf(ProvisionedThroughputExceededException.class);
        }
        assertThat(stored(1)).isEqualTo(applied ? Optional.of(10L) : Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({"TIMEOUT_BEFORE, false", "TIMEOUT_AFTER, true"})
    void timeoutsAreClientExceptions(Fault fault, boolean applied) {
        faults.next(fault);
        Throwable thrown = catchThrowable(() -> faults.client().putItem(put(1, 10)));

        assertThat(thrown).isInstanceOf(SdkClientException.class).hasCauseInstanceOf(SocketTimeoutException.class);
        assertThat(((SdkException) thrown).numAttempts()).isEqualTo(3);
        assertThat(stored(1)).isEqualTo(applied ? Optional.of(10L) : Optional.empty());
    }

    @Test
    void aLostResponseSendsTheRequestTwice() {
        raw.putItem(put(1, 5));
        faults.next(Fault.LOST_RESPONSE_RETRIED);
        var updated = faults.client().updateItem(u -> u.tableName(table).key(key(1))
                .updateExpression("ADD #v :one").expressionAttributeNames(Map.of("#v", "value"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))).returnValues(ReturnValue.UPDATED_NEW));

        assertThat(updated.attributes().get("value").n()).as("the second attempt's answer").isEqualTo("7");
        assertThat(stored(1)).contains(7L);
    }

    @Test
    void aLostResponseRetriedCanFailOnWhatTheFirstAttemptDid() {
        faults.next(Fault.LOST_RESPONSE_RETRIED);
        Throwable thrown = catchThrowable(() -> faults.client().putItem(
                put(2, 1).toBuilder().conditionExpression("attribute_not_exists(counterId)").build()));

        assertThat(thrown).isInstanceOfSatisfying(ConditionalCheckFailedException.class,
                e -> assertThat(e.numAttempts()).isEqualTo(2));
        assertThat(stored(2)).as("the first attempt wrote it").contains(1L);
    }

    @Test
    void aRetriedTransactionKeepsItsToken() {
        faults.next(Fault.LOST_RESPONSE_RETRIED);
        faults.client().transactWriteItems(t -> t.transactItems(i -> i.put(p -> p.tableName(table)
                .item(item(3, 1)).conditionExpression("attribute_not_exists(counterId)"))));

        assertThat(stored(3)).contains(1L);
        assertThat(faults.stats().injected(Fault.LOST_RESPONSE_RETRIED, "TransactWriteItems")).isEqualTo(1);
    }

    @Test
    void aConflictCancelsTheTransactionNamingOneActionAndAppliesNothing() {
        faults.next(Fault.TRANSACTION_CONFLICT);
        Throwable thrown = catchThrowable(() -> faults.client().transactWriteItems(t -> t.transactItems(
                i -> i.put(p -> p.tableName(table).item(item(4, 1))), i -> i.put(p -> p.tableName(table).item(item(5, 1))))));

        assertThat(thrown).isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                .extracting(CancellationReason::code).containsExactlyInAnyOrder("TransactionConflict", "None"));
        assertThat(stored(4)).isEmpty();
        assertThat(stored(5)).isEmpty();
    }

    @Test
    void aTransactionInProgressWasApplied() {
        faults.next(Fault.TRANSACTION_IN_PROGRESS);
        Throwable thrown = catchThrowable(() -> faults.client().transactWriteItems(t -> t.clientRequestToken("tok-6")
                .transactItems(i -> i.put(p -> p.tableName(table).item(item(6, 1))))));

        assertThat(thrown).isInstanceOf(TransactionInProgressException.class);
        assertThat(stored(6)).contains(1L);
    }

    @Test
    void aTransactionFaultWaitsForATransaction() {
        faults.next(Fault.TRANSACTION_CONFLICT);
        faults.client().putItem(put(7, 1));
        assertThat(stored(7)).as("a put passes").contains(1L);
        assertThat(catchThrowable(() -> faults.client().transactWriteItems(t -> t.transactItems(
                i -> i.put(p -> p.tableName(table).item(item(8, 1)))))))
                .isInstanceOf(TransactionCanceledException.class);
    }

    @Test
    void unprocessedWritesArePartlyApplied() {
        List<WriteRequest> writes = IntStream.rangeClosed(1, 6).mapToObj(i -> write(i)).toList();
        faults.next(Fault.UNPROCESSED);
        BatchWriteItemResponse response = faults.client().batchWriteItem(b -> b.requestItems(Map.of(table, writes)));

        List<WriteRequest> unprocessed = response.unprocessedItems().get(table);
        assertThat(unprocessed).hasSizeBetween(1, 5).isSubsetOf(writes);
        for (int i = 1; i <= 6; i++) {
            assertThat(stored(i).isPresent()).as("item %d", i).isNotEqualTo(unprocessed.contains(write(i)));
        }

        faults.next(Fault.UNPROCESSED);
        BatchWriteItemResponse single = faults.client().batchWriteItem(b -> b.requestItems(Map.of(table, List.of(write(9)))));
        assertThat(single.unprocessedItems().get(table)).containsExactly(write(9));
        assertThat(stored(9)).isEmpty();
    }

    @Test
    void unprocessedReadsReturnTheKeysNotRead() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            raw.putItem(put(i, i));
            keys.add(key(i));
        }
        faults.next(Fault.UNPROCESSED);
        BatchGetItemResponse response = faults.client().batchGetItem(b -> b.requestItems(
                Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));

        KeysAndAttributes notRead = response.unprocessedKeys().get(table);
        assertThat(notRead.consistentRead()).as("the request's settings").isTrue();
        assertThat(notRead.keys()).hasSizeBetween(1, 5);
        Set<Map<String, AttributeValue>> read = new HashSet<>();
        response.responses().get(table).forEach(item -> read.add(Map.of("counterId", item.get("counterId"))));
        assertThat(read).doesNotContainAnyElementsOf(notRead.keys());
        assertThat(read.size() + notRead.keys().size()).isEqualTo(6);
    }

    @Test
    void scriptedFaultsWaitForACallTheyCanHappenTo() {
        faults.next(Fault.UNPROCESSED, Fault.THROTTLE);
        faults.client().putItem(put(1, 1));
        assertThat(stored(1)).as("UNPROCESSED waits for a batch, THROTTLE behind it").contains(1L);

        BatchWriteItemResponse batch = faults.client().batchWriteItem(b -> b.requestItems(Map.of(table, List.of(write(2)))));
        assertThat(batch.unprocessedItems().get(table)).containsExactly(write(2));
        assertThatThrownBy(() -> faults.client().putItem(put(3, 3))).isInstanceOf(ProvisionedThroughputExceededException.class);
        faults.client().putItem(put(4, 4));

        FaultStats stats = faults.stats();
        assertThat(stats.injected()).isEqualTo(2);
        assertThat(stats.injected(Fault.UNPROCESSED, "BatchWriteItem")).isEqualTo(1);
        assertThat(stats.injected(Fault.THROTTLE, "PutItem")).isEqualTo(1);
        assertThat(stats.calls("PutItem")).isEqualTo(3);
        assertThat(stored(3)).isEmpty();
        assertThat(stored(4)).contains(4L);
    }

    @Test
    void theSameSeedGivesTheSameFaults() {
        List<String> first = outcomes(42, 60);
        assertThat(outcomes(42, 60)).isEqualTo(first);
        assertThat(outcomes(43, 60)).isNotEqualTo(first);
        assertThat(first).contains("ok", "ProvisionedThroughputExceededException", "InternalServerErrorException",
                "SdkClientException");
    }

    @Test
    void statsCountEveryCallAndFault() {
        FaultyClient counted = FaultyClient.wrap(raw).seed(7).rate(0.25)
                .faults(Fault.THROTTLE, Fault.SERVER_ERROR_BEFORE, Fault.TIMEOUT_BEFORE).build();
        Map<String, Long> seen = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            seen.merge(outcome(counted, i), 1L, Long::sum);
        }

        FaultStats stats = counted.stats();
        assertThat(stats.total()).isEqualTo(400);
        assertThat(stats.calls()).containsOnlyKeys("GetItem");
        assertThat(stats.injected()).isEqualTo(400 - seen.get("ok")).isBetween(60L, 140L);
        assertThat(stats.injected(Fault.THROTTLE, "GetItem")).isEqualTo(seen.get("ProvisionedThroughputExceededException"));
        assertThat(stats.injected(Fault.SERVER_ERROR_BEFORE)).isEqualTo(seen.get("InternalServerErrorException"));
        assertThat(stats.injected(Fault.TIMEOUT_BEFORE)).isEqualTo(seen.get("SdkClientException"));
        assertThat(stats.faults()).containsOnlyKeys(Fault.THROTTLE, Fault.SERVER_ERROR_BEFORE, Fault.TIMEOUT_BEFORE);
        assertThatThrownBy(() -> stats.calls().put("Scan", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> stats.faults().get(Fault.THROTTLE).clear()).isInstanceOf(UnsupportedOperationException.class);
        outcome(counted, 1);
        assertThat(stats.total()).as("a snapshot").isEqualTo(400);
    }

    @Test
    void statsStayRightFromManyThreads() throws Exception {
        FaultyClient shared = FaultyClient.wrap(raw).rate(0.3).faults(Fault.THROTTLE).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> failures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                failures.add(pool.submit(() -> IntStream.range(0, 100).filter(i -> !outcome(shared, i).equals("ok")).count()));
            }
            long failed = 0;
            for (Future<Long> f : failures) {
                failed += f.get();
            }
            assertThat(shared.stats().total()).isEqualTo(400);
            assertThat(shared.stats().injected(Fault.THROTTLE, "GetItem")).isEqualTo(failed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheNamedOperationsAreFaulted() {
        FaultyClient puts = FaultyClient.wrap(raw).rate(1).faults(Fault.THROTTLE).only("PutItem").attempts(9).build();
        raw.putItem(put(1, 1));

        assertThat(puts.client().getItem(g -> g.tableName(table).key(key(1))).hasItem()).isTrue();
        assertThatThrownBy(() -> puts.client().putItem(put(2, 2)))
                .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class, e -> assertThat(e.numAttempts()).isEqualTo(9));
        assertThat(puts.stats().calls()).containsExactlyInAnyOrderEntriesOf(Map.of("GetItem", 1L, "PutItem", 1L));
        assertThat(puts.stats().injected()).isEqualTo(1);
    }

    @Test
    void badSettingsAreRefused() {
        FaultyClient.Builder builder = FaultyClient.wrap(raw);
        assertThatThrownBy(() -> builder.only("CreateTable")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PutItem");
        assertThatThrownBy(() -> builder.only()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.rate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.rate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.faults()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.attempts(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void controlPlaneCallsAlwaysPass() {
        FaultyClient always = FaultyClient.wrap(raw).rate(1).build();
        try (Session admin = Session.open(c -> c.client(always.client()).namespace(faulty.config().namespace() + "_admin"))) {
            admin.tables().create(Counter.class);
            assertThat(admin.tables().exists(Counter.class)).isTrue();
            assertThat(always.client().listTables().tableNames()).contains(table);
            assertThat(always.client().describeTable(d -> d.tableName(table)).table().tableName()).isEqualTo(table);
            assertThat(admin.tables().drop(Counter.class)).isTrue();
        }
        FaultStats stats = always.stats();
        assertThat(stats.calls()).containsKeys("CreateTable", "DescribeTable", "ListTables", "DeleteTable");
        assertThat(stats.injected()).isZero();
        catchThrowable(() -> always.client().getItem(g -> g.tableName(table).key(key(1))));
        assertThat(always.stats().injected()).as("while a data-plane call is").isEqualTo(1);
    }

    @Test
    void buildersAndPaginatorsGoThroughTheFaults() {
        raw.putItem(put(1, 1));
        raw.putItem(put(2, 2));
        faults.next(Fault.SERVER_ERROR_BEFORE);
        assertThatThrownBy(() -> faults.client().scanPaginator(s -> s.tableName(table).limit(1)).items().forEach(i -> { }))
                .isInstanceOf(DynamoDbException.class);
        assertThat(faults.client().scanPaginator(s -> s.tableName(table).limit(1)).items()).hasSize(2);
        assertThat(faults.stats().calls("Scan")).as("one failed page, then three").isEqualTo(4);
        assertThat(faults.client().toString()).startsWith("FaultyClient[");
        assertThat(faults.client()).isEqualTo(faults.client()).isNotEqualTo(raw);
    }

    @Test
    void aSessionOnTheFaultyClientSeesTheFaults() {
        Counter.find.using(faulty).create(c -> c.counterId = 5L);
        faults.next(Fault.SERVER_ERROR_AFTER);
        catchThrowable(() -> Counter.find.using(faulty).create(c -> c.counterId = 6L));   // how it fails is the session's to say

        assertThat(stored(5)).contains(0L);
        assertThat(stored(6)).as("written, though the save failed").contains(0L);
        assertThat(faults.stats().injected(Fault.SERVER_ERROR_AFTER, "PutItem")).isEqualTo(1);
    }

    /** Each call's outcome: "ok" or the simple name of what it threw. */
    private List<String> outcomes(long seed, int calls) {
        FaultyClient seeded = FaultyClient.wrap(raw).seed(seed).rate(0.5)
                .faults(Fault.THROTTLE, Fault.SERVER_ERROR_BEFORE, Fault.TIMEOUT_BEFORE).build();
        return IntStream.range(0, calls).mapToObj(i -> outcome(seeded, i)).toList();
    }

    private String outcome(FaultyClient client, int id) {
        try {
            client.client().getItem(g -> g.tableName(table).key(key(id)));
            return "ok";
        } catch (SdkException e) {
            return e.getClass().getSimpleName();
        }
    }

    private Optional<Long> stored(long id) {
        GetItemResponse response = raw.getItem(g -> g.tableName(table).key(key(id)).consistentRead(true));
        return response.hasItem() ? Optional.of(Long.parseLong(response.item().get("value").n())) : Optional.empty();
    }

    private PutItemRequest put(long id, long value) {
        return PutItemRequest.builder().tableName(table).item(item(id, value)).build();
    }

    private static WriteRequest write(long id) {
        return WriteRequest.builder().putRequest(p -> p.item(item(id, id))).build();
    }

    private static Map<String, AttributeValue> item(long id, long value) {
        return Map.of("counterId", AttributeValue.fromN(Long.toString(id)), "value", AttributeValue.fromN(Long.toString(value)));
    }

    private static Map<String, AttributeValue> key(long id) {
        return Map.of("counterId", AttributeValue.fromN(Long.toString(id)));
    }
}
