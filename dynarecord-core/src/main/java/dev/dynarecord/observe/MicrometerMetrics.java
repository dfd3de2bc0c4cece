package dev.dynarecord.observe;

import dev.dynarecord.spi.ObservedOperation;
import dev.dynarecord.spi.ObservedRequest;
import dev.dynarecord.spi.ObservedResult;
import dev.dynarecord.spi.Outcome;
import dev.dynarecord.spi.RequestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Reports a session's requests and model operations to a Micrometer {@link MeterRegistry}:
 * <table>
 * <caption>Meters</caption>
 * <tr><th>Meter</th><th>Type</th><th>Tags</th><th>What</th></tr>
 * <tr><td>{@code dynarecord.requests}</td><td>timer</td><td>operation, table, outcome</td>
 *     <td>every request to DynamoDB ({@code PutItem}, {@code Query}, …), the SDK's own retries included</td></tr>
 * <tr><td>{@code dynarecord.operations}</td><td>timer</td><td>operation, model, outcome</td>
 *     <td>every model-level operation ({@code save}, {@code query}, {@code transaction}, …), all its requests included</td></tr>
 * <tr><td>{@code dynarecord.capacity.read}, {@code dynarecord.capacity.write}</td><td>counter</td><td>table</td>
 *     <td>capacity units consumed, as DynamoDB reports them (so requests ask for {@code ReturnConsumedCapacity=TOTAL})</td></tr>
 * <tr><td>{@code dynarecord.retries}</td><td>counter</td><td>operation, table</td>
 *     <td>work Dynarecord sends again: unprocessed batch items, throttled batches, conflicting transactions</td></tr>
 * <tr><td>{@code dynarecord.unprocessed}</td><td>counter</td><td>operation, table</td>
 *     <td>keys or writes a batch request left unprocessed</td></tr>
 * <tr><td>{@code dynarecord.batch.items}</td><td>summary</td><td>operation, table</td>
 *     <td>keys or writes per table in each batch or transaction request</td></tr>
 * <tr><td>{@code dynarecord.scans}</td><td>counter</td><td>table, index</td>
 *     <td>Scan requests, for an alert on unexpected Scans ({@code index} is {@code none} for the table)</td></tr>
 * </table>
 * The {@code outcome} tag is {@code success}, {@code condition_failed}, {@code throttled} or
 * {@code error}. Tags never hold values of items. Register it once per session:
 * <pre>{@code
 * Config.builder().observer(MicrometerMetrics.of(registry))
 * }</pre>
 * Needs {@code io.micrometer:micrometer-core} on the class path; Dynarecord does not bring it. Thread-safe.
 */
public final class MicrometerMetrics implements RequestObserver {

    private static final String NO_INDEX = "none";

    private record RequestKey(String operation, String table, Outcome outcome) {
    }

    private record OperationKey(String operation, String model, Outcome outcome) {
    }

    private record TableKey(String operation, String table) {
    }

    private record ScanKey(String table, String index) {
    }

    private final MeterRegistry registry;
    private final Map<RequestKey, Timer> requests = new ConcurrentHashMap<>();
    private final Map<OperationKey, Timer> operations = new ConcurrentHashMap<>();
    private final Map<String, Counter> readCapacity = new ConcurrentHashMap<>();
    private final Map<String, Counter> writeCapacity = new ConcurrentHashMap<>();
    private final Map<TableKey, Counter> retries = new ConcurrentHashMap<>();
    private final Map<TableKey, Counter> unprocessed = new ConcurrentHashMap<>();
    private final Map<TableKey, DistributionSummary> batchItems = new ConcurrentHashMap<>();
    private final Map<ScanKey, Counter> scans = new ConcurrentHashMap<>();

    private MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param registry where the meters go
     * @return an observer for {@code Config.Builder.observer(...)}
     */
    public static MicrometerMetrics of(MeterRegistry registry) {
        return new MicrometerMetrics(Objects.requireNonNull(registry, "registry"));
    }

    /** @return true: the capacity meters need DynamoDB to report what each request consumed */
    @Override
    public boolean wantsConsumedCapacity() {
        return true;
    }

    @Override
    public Object requestStarted(ObservedRequest request) {
        return null;
    }

    @Override
    public void requestFinished(ObservedRequest request, ObservedResult result, Object token) {
        String table = request.table();
        cached(requests, new RequestKey(request.operation(), table, result.outcome()), k -> Timer.builder("dynarecord.requests")
                .description("Requests to DynamoDB")
                .tags("operation", k.operation(), "table", k.table(), "outcome", k.outcome().tag())
                .register(registry))
                .record(result.durationNanos(), TimeUnit.NANOSECONDS);
        for (ConsumedCapacity consumed : result.consumedCapacity()) {
            if (consumed.capacityUnits() != null && consumed.tableName() != null) {
                capacity(request.reads() ? readCapacity : writeCapacity, request.reads() ? "read" : "write",
                        consumed.tableName()).increment(consumed.capacityUnits());
            }
        }
        request.batchItems().forEach((name, count) -> cached(batchItems, new TableKey(request.operation(), name),
                k -> DistributionSummary.builder("dynarecord.batch.items")
                        .description("Keys or writes per table in each batch or transaction request")
                        .tags("operation", k.operation(), "table", k.table())
                        .register(registry))
                .record(count));
        result.unprocessed().forEach((name, count) -> counter(unprocessed, "dynarecord.unprocessed",
                "Keys or writes a batch request left unprocessed", request.operation(), name).increment(count));
        if ("Scan".equals(request.operation())) {
            String index = request.index() == null ? NO_INDEX : request.index();
            cached(scans, new ScanKey(table, index), k -> Counter.builder("dynarecord.scans")
                    .description("Scan requests")
                    .tags("table", k.table(), "index", k.index())
                    .register(registry))
                    .increment();
        }
    }

    @Override
    public void retried(String operation, List<String> tables) {
        for (String table : tables) {
            counter(retries, "dynarecord.retries", "Work Dynarecord sends again after throttling, unprocessed items or a"
                    + " conflict", operation, table).increment();
        }
    }

    @Override
    public void operationFinished(ObservedOperation operation, Outcome outcome, Throwable failure, long durationNanos,
            Object token) {
        cached(operations, new OperationKey(operation.name(), operation.model(), outcome), k -> Timer.builder("dynarecord.operations")
                .description("Model-level operations: saves, queries, transactions and the like")
                .tags("operation", k.operation(), "model", k.model(), "outcome", k.outcome().tag())
                .register(registry))
                .record(durationNanos, TimeUnit.NANOSECONDS);
    }

    private Counter capacity(Map<String, Counter> counters, String kind, String table) {
        return cached(counters, table, t -> Counter.builder("dynarecord.capacity." + kind)
                .description("Capacity units consumed (" + kind + ")")
                .baseUnit("capacity_units")
                .tag("table", t)
                .register(registry));
    }

    private Counter counter(Map<TableKey, Counter> counters, String name, String description, String operation, String table) {
        return cached(counters, new TableKey(operation, table), k -> Counter.builder(name)
                .description(description)
                .tags("operation", k.operation(), "table", k.table())
                .register(registry));
    }

    private static <K, M> M cached(Map<K, M> meters, K key, Function<K, M> register) {
        M meter = meters.get(key);
        return meter != null ? meter : meters.computeIfAbsent(key, register);
    }
}
