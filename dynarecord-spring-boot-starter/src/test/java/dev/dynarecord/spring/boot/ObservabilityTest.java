package dev.dynarecord.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Session;
import dev.dynarecord.spi.ObservedRequest;
import dev.dynarecord.spi.ObservedResult;
import dev.dynarecord.spi.RequestObserver;
import dev.dynarecord.spring.boot.models.Widget;
import dev.dynarecord.spring.boot.test.DynarecordSpringTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A Boot application's MeterRegistry, OpenTelemetry and RequestObserver beans get the session's
 * reports; {@code dynarecord.metrics.enabled=false} and {@code dynarecord.tracing.enabled=false}
 * turn them off, and {@code dynarecord.slow-request-threshold} binds.
 */
@ResourceLock(DynarecordSpringTest.DEFAULT_SESSION)
class ObservabilityTest {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build();

    private ApplicationContextRunner app(String namespace) {
        return Contexts.local(namespace).withPropertyValues("dynarecord.models.packages=dev.dynarecord.spring.boot.models")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(OpenTelemetry.class, () -> otel);
    }

    private static void saveAWidget(Session session) {
        Widget w = new Widget().using(session);
        w.name = "sprocket";
        w.saveOrThrow();
    }

    @Test
    void aMeterRegistryAndAnOpenTelemetryBeanGetTheMetersAndSpansOfASave() {
        app("boot_observed").run(context -> {
            assertThat(context).hasNotFailed();
            Session session = context.getBean(Session.class);
            saveAWidget(session);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("dynarecord.operations").tags("operation", "save", "model", "Widget", "outcome", "success")
                    .timer().count()).isEqualTo(1);
            assertThat(registry.get("dynarecord.requests").tags("operation", "PutItem", "table", session.tableName(Widget.class))
                    .timer().count()).isEqualTo(1);
            assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName)
                    .contains("save Widget", "PutItem " + session.tableName(Widget.class));
            session.tables().dropAll();
        });
    }

    @Test
    void thePropertiesTurnEachReportOffAndSetTheSlowRequestThreshold() {
        app("boot_unobserved").withPropertyValues("dynarecord.metrics.enabled=false", "dynarecord.tracing.enabled=false",
                "dynarecord.slow-request-threshold=250ms").run(context -> {
                    assertThat(context).hasNotFailed();
                    Session session = context.getBean(Session.class);
                    assertThat(session.config().observers()).isEmpty();
                    assertThat(session.config().slowRequestThreshold()).contains(Duration.ofMillis(250));
                    saveAWidget(session);
                    assertThat(context.getBean(MeterRegistry.class).find("dynarecord.requests").timers()).isEmpty();
                    assertThat(spans.getFinishedSpanItems()).isEmpty();
                    session.tables().dropAll();
                });
    }

    @Test
    void aRequestObserverBeanIsRegisteredAndABadThresholdNamesTheProperty() {
        List<String> seen = new ArrayList<>();
        RequestObserver mine = new RequestObserver() {
            @Override
            public Object requestStarted(ObservedRequest request) {
                return null;
            }

            @Override
            public void requestFinished(ObservedRequest request, ObservedResult result, Object token) {
                seen.add(request.operation());
            }
        };
        Contexts.local("boot_observer").withBean(RequestObserver.class, () -> mine).run(context -> {
            Session session = context.getBean(Session.class);
            assertThat(session.config().observers()).contains(mine);
            session.tables().create(Widget.class);
            saveAWidget(session);
            assertThat(seen).contains("PutItem");
            session.tables().dropAll();
        });
        Contexts.local("boot_bad_threshold").withPropertyValues("dynarecord.slow-request-threshold=-1s").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("slowRequestThreshold must be positive"));
        Contexts.local("boot_bad_threshold").withPropertyValues("dynarecord.slow-request-threshold=-1s").run(context ->
                assertThat(context.getStartupFailure()).hasStackTraceContaining("dynarecord.slow-request-threshold"));
    }
}
