package dev.dynarecord.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Session;
import dev.dynarecord.it.fixtures.Counter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** {@code FaultyClient.Builder.rate(Fault, double)}: each fault on a share of its own of the calls it can happen to. */
@DynarecordTest(global = false)
class FaultRatesTest {

    private static final int CALLS = 600;

    private DynamoDbClient raw;
    private String table;

    /** The class's own session (its namespace, its tables dropped after the class), with the table the calls read. */
    @BeforeEach
    void open(Session session) {
        raw = session.client();
        if (!session.tables().exists(Counter.class)) {
            session.tables().create(Counter.class);
        }
        table = session.tableName(Counter.class);
    }

    @Test
    void eachFaultGetsItsOwnShareOfTheBatchCalls() {
        FaultyClient faults = FaultyClient.wrap(raw).seed(5).rate(Fault.THROTTLE, 0.2).rate(Fault.UNPROCESSED, 0.3)
                .only("BatchGetItem").build();
        long throttled = 0;
        long unprocessed = 0;
        for (int i = 0; i < CALLS; i++) {
            try {
                BatchGetItemResponse response = faults.client().batchGetItem(b -> b.requestItems(Map.of(table,
                        KeysAndAttributes.builder().keys(key(1), key(2)).build())));
                unprocessed += response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty() ? 1 : 0;
            } catch (ProvisionedThroughputExceededException e) {
                throttled++;
            }
        }

        FaultStats stats = faults.stats();
        assertThat(stats.injected(Fault.THROTTLE, "BatchGetItem")).isEqualTo(throttled).isBetween(90L, 150L);
        assertThat(stats.injected(Fault.UNPROCESSED, "BatchGetItem")).isEqualTo(unprocessed).isBetween(140L, 220L);
        assertThat(stats.faults()).containsOnlyKeys(Fault.THROTTLE, Fault.UNPROCESSED);
        assertThat(faults.toString()).contains("rates {THROTTLE=0.2, UNPROCESSED=0.3}");
    }

    @Test
    void aFaultThatCannotHappenToAnOperationLeavesItsShareWithoutFault() {
        FaultyClient faults = FaultyClient.wrap(raw).seed(5).rate(Fault.THROTTLE, 0.2).rate(Fault.UNPROCESSED, 0.3)
                .only("GetItem").build();
        long throttled = 0;
        for (int i = 0; i < CALLS; i++) {
            try {
                faults.client().getItem(g -> g.tableName(table).key(key(1)));
            } catch (ProvisionedThroughputExceededException e) {
                throttled++;
            }
        }
        assertThat(faults.stats().injected(Fault.THROTTLE)).isEqualTo(throttled).isBetween(90L, 150L);
        assertThat(faults.stats().injected(Fault.UNPROCESSED)).isZero();
        assertThat(faults.stats().injected()).isEqualTo(throttled);
    }

    @Test
    void settingAFaultsRateAgainReplacesIt() {
        FaultyClient faults = FaultyClient.wrap(raw).rate(Fault.THROTTLE, 0.9).rate(Fault.THROTTLE, 0).only("GetItem").build();
        for (int i = 0; i < 50; i++) {
            faults.client().getItem(g -> g.tableName(table).key(key(1)));
        }
        assertThat(faults.stats().injected()).isZero();
    }

    @Test
    void badRatesAreRefused() {
        FaultyClient.Builder builder = FaultyClient.wrap(raw).rate(Fault.THROTTLE, 0.6);
        assertThatThrownBy(() -> builder.rate(null, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give a fault other than NONE");
        assertThatThrownBy(() -> builder.rate(Fault.NONE, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other than NONE, got NONE");
        for (double bad : List.of(-0.1, 1.5, Double.NaN)) {
            assertThatThrownBy(() -> builder.rate(Fault.UNPROCESSED, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rate must be from 0 to 1, got " + bad);
        }
        assertThatThrownBy(() -> builder.rate(Fault.UNPROCESSED, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("would add up to 1.1").hasMessageContaining("keep their sum at most 1");
        builder.rate(Fault.THROTTLE, 0.5).rate(Fault.UNPROCESSED, 0.5);

        assertThatThrownBy(() -> FaultyClient.wrap(raw).rate(Fault.THROTTLE, 0.2).rate(0.5).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> FaultyClient.wrap(raw).faults(Fault.THROTTLE).rate(Fault.THROTTLE, 0.2).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("give either rate(rate) with faults(...)");
    }

    private static Map<String, AttributeValue> key(long id) {
        return Map.of("counterId", AttributeValue.fromN(Long.toString(id)));
    }
}
