package dev.dynarecord.observe;

import dev.dynarecord.spi.ObservedOperation;
import dev.dynarecord.spi.ObservedRequest;
import dev.dynarecord.spi.ObservedResult;
import dev.dynarecord.spi.Outcome;
import dev.dynarecord.spi.RequestObserver;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Traces a session's requests and model operations with OpenTelemetry: a {@code CLIENT} span per
 * request to DynamoDB, named as the operation and its table ({@code PutItem users}), with the
 * attributes of the OpenTelemetry semantic conventions for DynamoDB ({@code db.system.name},
 * {@code db.operation.name}, {@code aws.dynamodb.table_names}, {@code aws.dynamodb.index_name},
 * {@code aws.dynamodb.consistent_read}, {@code aws.dynamodb.limit}, {@code aws.dynamodb.count},
 * {@code aws.dynamodb.scanned_count}, …); and an {@code INTERNAL} span per model-level operation
 * ({@code save User}, {@code query Order}), made current while it runs so that its requests are
 * its children. Both are children of the caller's current span. Attributes never hold values of
 * items. Register it once per session:
 * <pre>{@code
 * Config.builder().observer(OpenTelemetryTracing.of(openTelemetry))
 * }</pre>
 * Needs {@code io.opentelemetry:opentelemetry-api} on the class path; Dynarecord does not bring it. Thread-safe.
 */
public final class OpenTelemetryTracing implements RequestObserver {

    /** The instrumentation scope's name. */
    public static final String INSTRUMENTATION = "dev.dynarecord";

    static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");
    static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation.name");
    static final AttributeKey<String> DB_COLLECTION = AttributeKey.stringKey("db.collection.name");
    static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
    static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    static final AttributeKey<List<String>> TABLE_NAMES = AttributeKey.stringArrayKey("aws.dynamodb.table_names");
    static final AttributeKey<String> INDEX_NAME = AttributeKey.stringKey("aws.dynamodb.index_name");
    static final AttributeKey<Boolean> CONSISTENT_READ = AttributeKey.booleanKey("aws.dynamodb.consistent_read");
    static final AttributeKey<Long> LIMIT = AttributeKey.longKey("aws.dynamodb.limit");
    static final AttributeKey<String> PROJECTION = AttributeKey.stringKey("aws.dynamodb.projection");
    static final AttributeKey<Boolean> SCAN_FORWARD = AttributeKey.booleanKey("aws.dynamodb.scan_forward");
    static final AttributeKey<String> SELECT = AttributeKey.stringKey("aws.dynamodb.select");
    static final AttributeKey<Long> SEGMENT = AttributeKey.longKey("aws.dynamodb.segment");
    static final AttributeKey<Long> TOTAL_SEGMENTS = AttributeKey.longKey("aws.dynamodb.total_segments");
    static final AttributeKey<Long> COUNT = AttributeKey.longKey("aws.dynamodb.count");
    static final AttributeKey<Long> SCANNED_COUNT = AttributeKey.longKey("aws.dynamodb.scanned_count");
    static final AttributeKey<List<String>> CONSUMED_CAPACITY = AttributeKey.stringArrayKey("aws.dynamodb.consumed_capacity");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("aws.request_id");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("dynarecord.outcome");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("dynarecord.operation");
    static final AttributeKey<String> MODEL = AttributeKey.stringKey("dynarecord.model");

    private record Open(Span span, Scope scope) {
    }

    private final Tracer tracer;

    private OpenTelemetryTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * @param openTelemetry the application's OpenTelemetry (e.g. {@code GlobalOpenTelemetry.get()})
     * @return an observer for {@code Config.Builder.observer(...)}
     */
    public static OpenTelemetryTracing of(OpenTelemetry openTelemetry) {
        return new OpenTelemetryTracing(Objects.requireNonNull(openTelemetry, "openTelemetry").getTracer(INSTRUMENTATION));
    }

    @Override
    public Object requestStarted(ObservedRequest request) {
        String operation = request.operation();
        SpanBuilder span = tracer.spanBuilder(request.tables().size() == 1 ? operation + " " + request.tables().get(0) : operation)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(DB_SYSTEM, "aws.dynamodb")
                .setAttribute(DB_OPERATION, operation)
                .setAttribute(RPC_SYSTEM, "aws-api")
                .setAttribute(RPC_SERVICE, "DynamoDB")
                .setAttribute(RPC_METHOD, operation);
        if (!request.tables().isEmpty()) {
            span.setAttribute(TABLE_NAMES, request.tables());
            if (request.tables().size() == 1) {
                span.setAttribute(DB_COLLECTION, request.tables().get(0));
            }
        }
        if (request.index() != null) {
            span.setAttribute(INDEX_NAME, request.index());
        }
        if (request.request() instanceof GetItemRequest get) {
            read(span, get.consistentRead(), null, get.projectionExpression());
        } else if (request.request() instanceof QueryRequest query) {
            read(span, query.consistentRead(), query.limit(), query.projectionExpression());
            if (query.scanIndexForward() != null) {
                span.setAttribute(SCAN_FORWARD, query.scanIndexForward());
            }
            if (query.select() != null) {
                span.setAttribute(SELECT, query.selectAsString());
            }
        } else if (request.request() instanceof ScanRequest scan) {
            read(span, scan.consistentRead(), scan.limit(), scan.projectionExpression());
            if (scan.select() != null) {
                span.setAttribute(SELECT, scan.selectAsString());
            }
            if (scan.totalSegments() != null) {
                span.setAttribute(SEGMENT, scan.segment().longValue());
                span.setAttribute(TOTAL_SEGMENTS, scan.totalSegments().longValue());
            }
        }
        return span.startSpan();
    }

    private static void read(SpanBuilder span, Boolean consistent, Integer limit, String projection) {
        if (consistent != null) {
            span.setAttribute(CONSISTENT_READ, consistent);
        }
        if (limit != null) {
            span.setAttribute(LIMIT, limit.longValue());
        }
        if (projection != null) {
            // placeholders only (#n0, #n1): the names behind them are in the request's ExpressionAttributeNames
            span.setAttribute(PROJECTION, projection);
        }
    }

    @Override
    public void requestFinished(ObservedRequest request, ObservedResult result, Object token) {
        if (!(token instanceof Span span)) {
            return;
        }
        span.setAttribute(OUTCOME, result.outcome().tag());
        if (result.response() != null) {
            if (request.request() instanceof QueryRequest || request.request() instanceof ScanRequest) {
                span.setAttribute(COUNT, (long) result.items());
                span.setAttribute(SCANNED_COUNT, (long) result.scanned());
            }
            String id = result.response().responseMetadata() == null ? null : result.response().responseMetadata().requestId();
            if (id != null && !"UNKNOWN".equals(id)) {
                span.setAttribute(REQUEST_ID, id);
            }
        }
        if (!result.consumedCapacity().isEmpty()) {
            span.setAttribute(CONSUMED_CAPACITY, capacity(result.consumedCapacity()));
        }
        if (result.failure() != null) {
            span.setStatus(StatusCode.ERROR, result.failure().getClass().getSimpleName());
            span.recordException(result.failure());
        }
        span.end();
    }

    /** The consumed capacity as the conventions give it: one JSON object per table, in DynamoDB's own names. */
    private static List<String> capacity(List<ConsumedCapacity> consumed) {
        List<String> out = new ArrayList<>(consumed.size());
        for (ConsumedCapacity c : consumed) {
            StringBuilder json = new StringBuilder("{");
            if (c.tableName() != null) {
                // a table name is letters, digits, '_', '-' and '.': nothing to escape
                json.append("\"TableName\":\"").append(c.tableName()).append('"');
            }
            if (c.capacityUnits() != null) {
                json.append(json.length() > 1 ? "," : "").append("\"CapacityUnits\":")
                        .append(String.format(Locale.ROOT, "%s", c.capacityUnits()));
            }
            out.add(json.append('}').toString());
        }
        return out;
    }

    /** @return the task, run with the calling thread's context, so its requests' spans have the same parent */
    @Override
    public Runnable carry(Runnable task) {
        return Context.current().wrap(task);
    }

    @Override
    public Object operationStarted(ObservedOperation operation) {
        Span span = tracer.spanBuilder(operation.model().isEmpty() ? operation.name() : operation.name() + " " + operation.model())
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(OPERATION, operation.name())
                .setAttribute(MODEL, operation.model())
                .startSpan();
        return new Open(span, span.makeCurrent());
    }

    @Override
    public void operationFinished(ObservedOperation operation, Outcome outcome, Throwable failure, long durationNanos,
            Object token) {
        if (!(token instanceof Open open)) {
            return;
        }
        open.scope().close();
        open.span().setAttribute(OUTCOME, outcome.tag());
        if (failure != null) {
            open.span().setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            open.span().recordException(failure);
        }
        open.span().end();
    }
}
