package dev.dynarecord.internal.dynamo;

import dev.dynarecord.spi.ObservedOperation;
import dev.dynarecord.spi.ObservedRequest;
import dev.dynarecord.spi.ObservedResult;
import dev.dynarecord.spi.Outcome;
import dev.dynarecord.spi.RequestObserver;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's {@link RequestObserver}s and its request log, called by the gateway around each
 * request and by the engine around each model operation. With no observers and the log quiet,
 * each check is a field read and nothing else happens. An observer that throws is logged once and
 * otherwise ignored: observing must never change what the caller gets. Thread-safe.
 */
public final class Observers {

    private static final Logger LOG = LoggerFactory.getLogger(Observers.class);

    private final RequestObserver[] observers;
    private final RequestLog log;
    private final boolean capacity;
    private volatile boolean warned;

    /**
     * @param observers the session's observers
     * @param slowThreshold requests slower than this are logged at WARN; null for none
     */
    public Observers(List<RequestObserver> observers, Duration slowThreshold) {
        this.observers = observers.toArray(RequestObserver[]::new);
        this.log = new RequestLog(slowThreshold);
        boolean any = false;
        for (RequestObserver o : this.observers) {
            any |= o.wantsConsumedCapacity();
        }
        this.capacity = any;
    }

    /** @return whether requests are to be observed at all: there are observers, or the request log wants them */
    boolean watching() {
        return observers.length > 0 || log.enabled();
    }

    /** @return whether any observer watches model-level operations (the request log does not) */
    public boolean observesOperations() {
        return observers.length > 0;
    }

    /** @return whether requests should ask for the capacity they consume: an observer or the request log reports it */
    boolean wantsCapacity() {
        return capacity || log.enabled();
    }

    Object[] started(ObservedRequest request) {
        Object[] tokens = new Object[observers.length];
        for (int i = 0; i < observers.length; i++) {
            try {
                tokens[i] = observers[i].requestStarted(request);
            } catch (RuntimeException e) {
                failed(observers[i], e);
            }
        }
        return tokens;
    }

    void finished(ObservedRequest request, ObservedResult result, Object[] tokens) {
        for (int i = 0; i < observers.length; i++) {
            try {
                observers[i].requestFinished(request, result, tokens[i]);
            } catch (RuntimeException e) {
                failed(observers[i], e);
            }
        }
        log.finished(request, result);
    }

    /**
     * Tells the observers that Dynarecord is about to send work again.
     *
     * @param operation the operation
     * @param tables the tables it touches
     */
    void retried(String operation, Collection<String> tables) {
        if (observers.length == 0) {
            return;
        }
        List<String> names = List.copyOf(tables);
        for (RequestObserver o : observers) {
            try {
                o.retried(operation, names);
            } catch (RuntimeException e) {
                failed(o, e);
            }
        }
    }

    /**
     * @param task a task about to run on another thread, for the calling thread's operation
     * @return the task as each observer carries it over (with the caller's current span), or itself without observers
     */
    public Runnable carry(Runnable task) {
        Runnable carried = task;
        for (RequestObserver o : observers) {
            try {
                carried = o.carry(carried);
            } catch (RuntimeException e) {
                failed(o, e);
            }
        }
        return carried;
    }

    /**
     * Runs a model-level operation, observed when there are observers.
     *
     * @param name the operation's name, e.g. {@code save}
     * @param model the model class, or null when the operation spans models
     * @param body the operation
     * @return what the operation returns
     */
    public <R> R around(String name, Class<?> model, Supplier<R> body) {
        if (observers.length == 0) {
            return body.get();
        }
        ObservedOperation operation = new ObservedOperation(name, model == null ? "" : model.getSimpleName());
        Object[] tokens = new Object[observers.length];
        for (int i = 0; i < observers.length; i++) {
            try {
                tokens[i] = observers[i].operationStarted(operation);
            } catch (RuntimeException e) {
                failed(observers[i], e);
            }
        }
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            return body.get();
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            long nanos = System.nanoTime() - start;
            Outcome outcome = Outcome.of(failure);
            // in reverse, so that a scope made current by one observer is closed after the ones opened inside it
            for (int i = observers.length - 1; i >= 0; i--) {
                try {
                    observers[i].operationFinished(operation, outcome, failure, nanos, tokens[i]);
                } catch (RuntimeException e) {
                    failed(observers[i], e);
                }
            }
        }
    }

    /**
     * Runs a model-level operation that returns nothing.
     *
     * @param name the operation's name
     * @param model the model class, or null
     * @param body the operation
     */
    public void run(String name, Class<?> model, Runnable body) {
        around(name, model, () -> {
            body.run();
            return null;
        });
    }

    private void failed(RequestObserver observer, RuntimeException e) {
        if (!warned) {
            warned = true;
            LOG.warn("request observer {} threw, and is ignored (logged once): {}", observer.getClass().getName(), e.toString(), e);
        }
    }
}
