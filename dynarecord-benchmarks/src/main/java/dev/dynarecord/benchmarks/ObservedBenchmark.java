package dev.dynarecord.benchmarks;

import dev.dynarecord.Finder;
import dev.dynarecord.Session;
import dev.dynarecord.benchmarks.model.Fixtures;
import dev.dynarecord.benchmarks.model.SmallPojo;
import dev.dynarecord.benchmarks.model.SmallRawMapper;
import dev.dynarecord.benchmarks.model.SmallRecord;
import dev.dynarecord.benchmarks.stub.StubDynamoDbClient;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.observe.MicrometerMetrics;
import dev.dynarecord.observe.OpenTelemetryTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * What metrics and tracing cost: the small model's put and get through {@link StubDynamoDbClient},
 * with no observer ({@code observers=off}, the session as everyone gets it) and with both
 * {@link MicrometerMetrics} (a {@code SimpleMeterRegistry}) and {@link OpenTelemetryTracing} (the
 * OpenTelemetry SDK, every span sampled, a batch processor, an exporter that drops what it gets)
 * ({@code observers=on}). Each Dynarecord operation then makes an operation span, a request span,
 * two timer records and a capacity count. The raw flavour sends the same request, unobserved, as
 * the yardstick of both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ObservedBenchmark {

    /** An exporter that drops every span: the cost measured is Dynarecord's and the SDK's, not an export's. */
    private static final class Dropping implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    /** Whether the session has the Micrometer and OpenTelemetry observers. */
    @Param({"off", "on"})
    public String observers;

    private StubDynamoDbClient stub;
    private Session session;
    private Finder<SmallRecord> finder;
    private OpenTelemetrySdk otel;
    private SmallRecord record;
    private SmallPojo pojo;

    /** Opens the session, with or without its observers. */
    @Setup(Level.Trial)
    public void setUp() {
        record = Fixtures.smallRecord();
        pojo = Fixtures.smallPojo();
        stub = new StubDynamoDbClient().cannedItem(SmallRawMapper.toItem(pojo));
        boolean on = observers.equals("on");
        otel = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(new Dropping()).build()).build()).build();
        session = Session.open(c -> {
            c.adapter(Adapter.AWS).client(stub).region("us-east-1").autoCreateTables(false);
            if (on) {
                c.observer(MicrometerMetrics.of(new SimpleMeterRegistry())).observer(OpenTelemetryTracing.of(otel));
            }
        });
        finder = session.find(SmallRecord.class);
        if (!smallPutDynarecord() || smallGetDynarecord() == null) {
            throw new IllegalStateException("the stub did not answer the put and the get");
        }
        if (on != (stub.lastPut().returnConsumedCapacity() != null)) {
            throw new IllegalStateException("observers " + observers + ", yet ReturnConsumedCapacity was "
                    + stub.lastPut().returnConsumedCapacity());
        }
    }

    /** Closes the session and the SDK. */
    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
        otel.close();
    }

    /** @return whether it was saved */
    @Benchmark
    public boolean smallPutDynarecord() {
        return new SmallRecord(record).using(session).save();
    }

    /** @return the response */
    @Benchmark
    public Object smallPutRaw() {
        return stub.putItem(PutItemRequest.builder().tableName("small").item(SmallRawMapper.toItem(new SmallPojo(pojo)))
                .conditionExpression("attribute_not_exists(#n0)").expressionAttributeNames(Map.of("#n0", "id")).build());
    }

    /** @return the record */
    @Benchmark
    public SmallRecord smallGetDynarecord() {
        return finder.byId(pojo.id);
    }

    /** @return the pojo */
    @Benchmark
    public SmallPojo smallGetRaw() {
        return SmallRawMapper.fromItem(stub.getItem(
                GetItemRequest.builder().tableName("small").key(SmallRawMapper.key(pojo.id)).build()).item());
    }
}
