package dev.dynarecord.test;

import dev.dynarecord.spi.RequestListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * Records every request sent, so a test can say what reached DynamoDB ("one PutItem on table X,
 * no Scan"). It hears a session's requests as a {@link RequestListener} (whichever client carries
 * them, the embedded engine's in-process client included), and an SDK client's as an
 * {@link ExecutionInterceptor}:
 *
 * <pre>{@code
 * RequestRecorder recorder = new RequestRecorder();
 * session.addListener(recorder);                    // or Config.Builder.listener(recorder)
 * DynamoDbClient.builder().overrideConfiguration(o -> o.addExecutionInterceptor(recorder));
 *
 * user.save();
 * assertThat(recorder.summary()).containsExactly("PutItem test_users");
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class RequestRecorder implements RequestListener, ExecutionInterceptor {

    private final List<DynamoDbRequest> requests = new CopyOnWriteArrayList<>();

    /** Creates an empty recorder. */
    public RequestRecorder() {
    }

    @Override
    public void onRequest(DynamoDbRequest request) {
        requests.add(request);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        if (context.request() instanceof DynamoDbRequest request) {
            requests.add(request);
        }
    }

    /** @return every request recorded, in the order sent */
    public List<DynamoDbRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * @param <R> the request type
     * @param type a request class, such as {@code PutItemRequest.class}
     * @return the recorded requests of that type, in order
     */
    public <R extends DynamoDbRequest> List<R> requests(Class<R> type) {
        List<R> found = new ArrayList<>();
        for (DynamoDbRequest r : requests) {
            if (type.isInstance(r)) {
                found.add(type.cast(r));
            }
        }
        return found;
    }

    /**
     * @param <R> the request type
     * @param type a request class
     * @return the only request of that type
     * @throws AssertionError when there is none or more than one
     */
    public <R extends DynamoDbRequest> R single(Class<R> type) {
        List<R> found = requests(type);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + operationOf(type) + ", recorded " + summary());
        }
        return found.get(0);
    }

    /** @return how many requests were recorded, of every type */
    public int count() {
        return requests().size();
    }

    /**
     * @param type a request class
     * @return how many of that type were recorded
     */
    public int count(Class<? extends DynamoDbRequest> type) {
        return requests(type).size();
    }

    /**
     * One line per request: the operation and its table, such as {@code "PutItem test_users"}.
     *
     * @return the lines, in order
     */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (DynamoDbRequest r : requests) {
            Optional<String> table = r.getValueForField("TableName", String.class);
            lines.add(operationOf(r.getClass()) + table.map(t -> " " + t).orElse(""));
        }
        return lines;
    }

    /** Forgets every recorded request. */
    public void clear() {
        requests.clear();
    }

    private static String operationOf(Class<?> type) {
        String name = type.getSimpleName();
        return name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
    }

    @Override
    public String toString() {
        return "RequestRecorder" + summary();
    }
}
