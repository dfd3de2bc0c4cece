package dev.dynarecord.it.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.ImportResult;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.GlobalIndex;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.config.RetryPolicy;
import dev.dynarecord.exception.StaleRecordException;
import dev.dynarecord.observe.MicrometerMetrics;
import dev.dynarecord.observe.OpenTelemetryTracing;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.Fault;
import dev.dynarecord.test.FaultyClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The meters and spans of a save, a query, a stale save and a throttled-then-retried batch, on the
 * embedded engine, read back from a {@link SimpleMeterRegistry} and the OpenTelemetry SDK's
 * in-memory exporter.
 */
@DynarecordTest(global = false)
class MetricsAndTracingTest {

    /** A model with a global index, so that a query by owner is a Query of the index. */
    @Table(name = "observed_tickets")
    public static class Ticket extends Model<Ticket> {
        public static final Finder<Ticket> find = finder(Ticket.class);

        @Field @GlobalIndex public String owner;
        @Field public String title;
    }

    /** Partitioned over 60 copies: a read of two records asks for 120 keys, in two BatchGetItem sent at once. */
    @Table(name = "observed_hot", partitioning = dev.dynarecord.annotation.Partitioning.ON, partitionSize = 60)
    public static class Hot extends Model<Hot> {
        public static final Finder<Hot> find = finder(Hot.class);

        @Field public String label;
    }

    private final Session raw;
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build();
    private FaultyClient faults;
    private Session session;
    private Finder<Ticket> tickets;
    private String table;

    MetricsAndTracingTest(Session raw) {
        this.raw = raw;
    }

    @BeforeEach
    void open() {
        faults = FaultyClient.wrap(raw.client()).only("BatchWriteItem").build();
        session = Session.open(c -> c.client(faults.client()).namespace(raw.config().namespace() + "_observed")
                .retryPolicy(new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(4)))
                .observer(MicrometerMetrics.of(registry))
                .observer(OpenTelemetryTracing.of(otel)));
        session.tables().create(Ticket.class);
        tickets = session.find(Ticket.class);
        table = tickets.tableName();
        registry.clear();
        spans.reset();
    }

    @AfterEach
    void close() {
        try {
            session.tables().dropAll();
        } finally {
            session.close();
            otel.close();
        }
    }

    private Ticket ticket(String owner, String title) {
        Ticket t = new Ticket().using(session);
        t.owner = owner;
        t.title = title;
        return t;
    }

    private Timer requests(String operation, String outcome) {
        return registry.get("dynarecord.requests").tags("operation", operation, "table", table, "outcome", outcome).timer();
    }

    private Timer operations(String operation, String outcome) {
        return registry.get("dynarecord.operations").tags("operation", operation, "model", "Ticket", "outcome", outcome).timer();
    }

    private SpanData span(String name) {
        List<SpanData> named = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
        assertThat(named).as("spans named " + name + " among " + spans.getFinishedSpanItems()).hasSize(1);
        return named.get(0);
    }

    private List<SpanData> childrenOf(SpanData parent) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getParentSpanId().equals(parent.getSpanId())).toList();
    }

    @Test
    void aSaveIsTimedAsAnOperationAndItsPutItemAsARequestWithTheWriteCapacityItConsumed() {
        ticket("ada", "printer on fire").saveOrThrow();

        assertThat(requests("PutItem", "success").count()).isEqualTo(1);
        assertThat(requests("PutItem", "success").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(operations("save", "success").count()).isEqualTo(1);
        assertThat(registry.get("dynarecord.capacity.write").tag("table", table).counter().count())
                .as("capacity units DynamoDB reported for the put").isPositive();
        assertThat(registry.find("dynarecord.capacity.read").counters()).isEmpty();
        assertThat(registry.find("dynarecord.scans").counters()).isEmpty();

        SpanData save = span("save Ticket");
        assertThat(save.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(save.getAttributes().get(AttributeKey.stringKey("dynarecord.model"))).isEqualTo("Ticket");
        SpanData put = span("PutItem " + table);
        assertThat(put.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(put.getParentSpanId()).as("the request is the save's child").isEqualTo(save.getSpanId());
        assertThat(put.getTraceId()).isEqualTo(save.getTraceId());
        assertThat(put.getAttributes().get(AttributeKey.stringKey("db.system.name"))).isEqualTo("aws.dynamodb");
        assertThat(put.getAttributes().get(AttributeKey.stringKey("db.operation.name"))).isEqualTo("PutItem");
        assertThat(put.getAttributes().get(AttributeKey.stringKey("db.collection.name"))).isEqualTo(table);
        assertThat(put.getAttributes().get(AttributeKey.stringArrayKey("aws.dynamodb.table_names"))).containsExactly(table);
        assertThat(put.getAttributes().get(AttributeKey.stringKey("rpc.service"))).isEqualTo("DynamoDB");
        assertThat(put.getAttributes().get(AttributeKey.stringArrayKey("aws.dynamodb.consumed_capacity")))
                .singleElement().asString().startsWith("{\"TableName\":\"" + table + "\",\"CapacityUnits\":");
        assertThat(put.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(put.getAttributes().asMap().values()).as("no value of the item")
                .noneMatch(v -> v.toString().contains("printer") || v.toString().contains("ada"));
    }

    @Test
    void aQueryOfAnIndexIsASpanWithTheIndexTheCountsAndTheCallersSpanAsItsParent() {
        ticket("ada", "one").saveOrThrow();
        ticket("ada", "two").saveOrThrow();
        ticket("bob", "three").saveOrThrow();
        spans.reset();

        Span caller = otel.getTracer("the-application").spanBuilder("GET /tickets").startSpan();
        List<Ticket> found;
        try (Scope ignored = caller.makeCurrent()) {
            found = tickets.where("owner", "ada").all();
        } finally {
            caller.end();
        }
        assertThat(found).hasSize(2);

        SpanData query = span("query Ticket");
        assertThat(query.getParentSpanId()).as("the caller's span is the operation's parent")
                .isEqualTo(caller.getSpanContext().getSpanId());
        SpanData request = span("Query " + table);
        assertThat(request.getParentSpanId()).isEqualTo(query.getSpanId());
        assertThat(request.getAttributes().get(AttributeKey.stringKey("aws.dynamodb.index_name"))).isEqualTo("owner_index");
        assertThat(request.getAttributes().get(AttributeKey.longKey("aws.dynamodb.count"))).isEqualTo(2);
        assertThat(request.getAttributes().get(AttributeKey.longKey("aws.dynamodb.scanned_count"))).isEqualTo(2);
        assertThat(requests("Query", "success").count()).isEqualTo(1);
        assertThat(operations("query", "success").count()).isEqualTo(1);
        assertThat(registry.get("dynarecord.capacity.read").tag("table", table).counter().count()).isPositive();

        tickets.where("title", "two").allowScan().all();
        assertThat(registry.get("dynarecord.scans").tags("table", table, "index", "none").counter().count()).isEqualTo(1);
        assertThat(span("Scan " + table).getParentSpanId()).isEqualTo(spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("query Ticket")).reduce((a, b) -> b).orElseThrow().getSpanId());
    }

    @Test
    void requestsSentFromTheSessionsPoolAreChildrenOfTheirOperation() {
        session.tables().create(Hot.class);
        List<Object> ids = IntStream.range(0, 2).mapToObj(i -> {
            Hot h = new Hot().using(session);
            h.label = "h" + i;
            h.saveOrThrow();
            return h.id();
        }).toList();
        spans.reset();

        assertThat(session.find(Hot.class).byIds(ids)).hasSize(2);

        SpanData find = span("find Hot");
        List<SpanData> gets = spans.getFinishedSpanItems().stream().filter(s -> s.getName().startsWith("BatchGetItem")).toList();
        assertThat(gets).hasSize(2).allSatisfy(g -> {
            assertThat(g.getParentSpanId()).isEqualTo(find.getSpanId());
            assertThat(g.getTraceId()).isEqualTo(find.getTraceId());
        });
    }

    @Test
    void aStaleSaveIsTimedAsConditionFailedAndItsSpansAreErrors() {
        Ticket mine = ticket("ada", "one");
        mine.saveOrThrow();
        Ticket theirs = tickets.byId(mine.id());
        theirs.title = "theirs";
        theirs.saveOrThrow();
        spans.reset();

        mine.title = "mine";
        assertThatThrownBy(mine::saveOrThrow).isInstanceOf(StaleRecordException.class);

        assertThat(operations("save", "condition_failed").count()).isEqualTo(1);
        assertThat(registry.get("dynarecord.requests").tags("outcome", "condition_failed").timer().count()).isEqualTo(1);
        SpanData save = span("save Ticket");
        assertThat(save.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(save.getAttributes().get(AttributeKey.stringKey("dynarecord.outcome"))).isEqualTo("condition_failed");
        assertThat(save.getEvents()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));
        assertThat(childrenOf(save)).filteredOn(r -> r.getStatus().getStatusCode() == StatusCode.ERROR).singleElement()
                .satisfies(r -> {
                    assertThat(r.getName()).as("a persisted record is updated").isEqualTo("UpdateItem " + table);
                    assertThat(r.getAttributes().get(AttributeKey.stringKey("dynarecord.outcome"))).isEqualTo("condition_failed");
                    assertThat(r.getStatus().getDescription()).isEqualTo("ConditionalCheckFailedException");
                });
    }

    @Test
    void aThrottledThenUnprocessedBatchCountsItsRetriesAndEachAttemptIsASpanOfTheImport() {
        faults.next(Fault.THROTTLE, Fault.UNPROCESSED);
        List<Ticket> records = IntStream.range(0, 30).mapToObj(i -> ticket("owner" + i, "t" + i)).toList();

        ImportResult<Ticket> imported = tickets.importAll(records);

        assertThat(imported.written()).isEqualTo(30);
        assertThat(requests("BatchWriteItem", "throttled").count()).isEqualTo(1);
        long sent = faults.stats().calls("BatchWriteItem");
        assertThat(requests("BatchWriteItem", "success").count()).isEqualTo(sent - 1);
        assertThat(registry.get("dynarecord.retries").tags("operation", "BatchWriteItem", "table", table).counter().count())
                .as("the throttled batch and the unprocessed remainder, sent again").isEqualTo(imported.retries())
                .isGreaterThanOrEqualTo(2);
        assertThat(registry.get("dynarecord.unprocessed").tags("operation", "BatchWriteItem", "table", table).counter().count())
                .isPositive();
        var batches = registry.get("dynarecord.batch.items").tags("operation", "BatchWriteItem", "table", table).summary();
        assertThat(batches.count()).isEqualTo(sent);
        assertThat(batches.max()).isEqualTo(25);
        assertThat(operations("import", "success").count()).isEqualTo(1);

        SpanData importing = span("import Ticket");
        List<SpanData> attempts = childrenOf(importing);
        assertThat(attempts).hasSize((int) sent).allSatisfy(s -> assertThat(s.getName()).isEqualTo("BatchWriteItem " + table));
        assertThat(attempts).filteredOn(s -> s.getStatus().getStatusCode() == StatusCode.ERROR).singleElement()
                .satisfies(s -> assertThat(s.getAttributes().get(AttributeKey.stringKey("dynarecord.outcome"))).isEqualTo("throttled"));
        assertThat(importing.getStatus().getStatusCode()).as("the import itself succeeded").isEqualTo(StatusCode.UNSET);
    }
}
