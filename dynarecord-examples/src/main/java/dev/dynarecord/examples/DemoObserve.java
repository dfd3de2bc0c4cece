package dev.dynarecord.examples;

import dev.dynarecord.config.Config;
import dev.dynarecord.observe.MicrometerMetrics;
import dev.dynarecord.observe.OpenTelemetryTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Step 24b of the walkthrough: what the session reported to Micrometer over the whole demo, and the
 * OpenTelemetry spans of one query. In an application the registry and the OpenTelemetry come from
 * its own setup (with Spring Boot, from the context); here they are made in memory.
 */
final class DemoObserve {

    private final PrintStream out;
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final List<SpanData> spans = new CopyOnWriteArrayList<>();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(new Keeping())).build())
            .build();

    /** Keeps every span it is given, for the demo to print. */
    private final class Keeping implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> finished) {
            spans.addAll(finished);
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

    DemoObserve(PrintStream out) {
        this.out = out;
    }

    /** @return the configuration with the two observers: every request and operation of the demo is reported */
    Config.Builder observe(Config.Builder config) {
        return config.observer(MicrometerMetrics.of(registry)).observer(OpenTelemetryTracing.of(otel));
    }

    void run() {
        Demo.step(out, "24b. Metrics and tracing: Micrometer timers per operation and table, consumed capacity and Scans;"
                + " an OpenTelemetry span per model operation with one per request inside it");
        out.println("   dynarecord.operations (count): " + counts("dynarecord.operations", "operation", 8));
        out.println("   dynarecord.requests (count): " + counts("dynarecord.requests", "operation", 8));
        Timer puts = registry.find("dynarecord.requests").tags("operation", "PutItem", "table", "demo_users").timer();
        out.println(String.format(Locale.ROOT, "   PutItem demo_users: %d, mean %.2f ms", puts.count(), puts.mean(TimeUnit.MILLISECONDS)));
        out.println(String.format(Locale.ROOT, "   capacity consumed: %.1f read units, %.1f write units; Scans: %.0f",
                sum("dynarecord.capacity.read"), sum("dynarecord.capacity.write"), sum("dynarecord.scans")));

        out.println("   the spans of User.find.where(\"email\", ...).first():");
        spans.clear();
        User.find.where("email", "ann@example.com").first();
        for (SpanData span : spans.stream().sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList()) {
            boolean child = spans.stream().anyMatch(s -> s.getSpanId().equals(span.getParentSpanId()));
            out.println("     " + (child ? "  └ " : "") + span.getName() + " (" + span.getKind() + ")" + attributes(span));
        }
        otel.close();
    }

    private String counts(String meter, String by, int top) {
        Map<String, Long> counts = registry.find(meter).timers().stream().collect(Collectors.groupingBy(
                t -> t.getId().getTag(by), Collectors.summingLong(Timer::count)));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + (counts.size() > top ? ", …" : "");
    }

    private double sum(String counter) {
        return registry.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static String attributes(SpanData span) {
        String index = span.getAttributes().get(AttributeKey.stringKey("aws.dynamodb.index_name"));
        Long count = span.getAttributes().get(AttributeKey.longKey("aws.dynamodb.count"));
        String system = span.getAttributes().get(AttributeKey.stringKey("db.system.name"));
        return (system == null ? "" : " db.system.name=" + system) + (index == null ? "" : " index_name=" + index)
                + (count == null ? "" : " count=" + count);
    }
}
