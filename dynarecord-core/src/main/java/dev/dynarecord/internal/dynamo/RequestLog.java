package dev.dynarecord.internal.dynamo;

import dev.dynarecord.spi.ObservedRequest;
import dev.dynarecord.spi.ObservedResult;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request log, {@code dev.dynarecord.requests}: one line per request at DEBUG (operation,
 * table, index, duration, outcome, consumed capacity when reported, item counts), and at WARN
 * for a request slower than the session's threshold. Never an item's values, never credentials.
 */
final class RequestLog {

    static final Logger LOG = LoggerFactory.getLogger("dev.dynarecord.requests");

    /** The threshold in nanoseconds, or {@code Long.MAX_VALUE} when slow requests are not singled out. */
    private final long slowNanos;
    private final String threshold;

    RequestLog(Duration slowThreshold) {
        this.slowNanos = slowThreshold == null ? Long.MAX_VALUE : slowThreshold.toNanos();
        this.threshold = slowThreshold == null ? "" : millis(slowNanos);
    }

    /** @return whether a request must be timed for this log: it logs at DEBUG, or has a threshold */
    boolean enabled() {
        return slowNanos != Long.MAX_VALUE || LOG.isDebugEnabled();
    }

    void finished(ObservedRequest request, ObservedResult result) {
        if (result.durationNanos() >= slowNanos) {
            if (LOG.isWarnEnabled()) {
                LOG.warn("slow request (over {}): {}", threshold, line(request, result));
            }
        } else if (LOG.isDebugEnabled()) {
            LOG.debug(line(request, result));
        }
    }

    static String line(ObservedRequest request, ObservedResult result) {
        StringBuilder b = new StringBuilder(96).append(request.operation());
        if (!request.tables().isEmpty()) {
            b.append(" table=").append(request.table());
        }
        if (request.index() != null) {
            b.append(" index=").append(request.index());
        }
        b.append(' ').append(millis(result.durationNanos())).append(' ').append(result.outcome().tag());
        if (result.failure() != null) {
            b.append(" (").append(result.failure().getClass().getSimpleName()).append(')');
        }
        if (!result.consumedCapacity().isEmpty()) {
            b.append(" capacity=").append(String.format(Locale.ROOT, "%.1f", result.capacityUnits()));
        }
        if (result.response() != null && request.dataPlane() && request.reads()) {
            b.append(" items=").append(result.items());
        }
        if (result.scanned() >= 0) {
            b.append(" scanned=").append(result.scanned());
        }
        if (!request.batchItems().isEmpty()) {
            int n = 0;
            for (int i : request.batchItems().values()) {
                n += i;
            }
            b.append(" batch=").append(n);
        }
        if (!result.unprocessed().isEmpty()) {
            int n = 0;
            for (int i : result.unprocessed().values()) {
                n += i;
            }
            b.append(" unprocessed=").append(n);
        }
        return b.toString();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
