package dev.dynarecord.test;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Wraps a {@link DynamoDbClient} to inject {@link Fault faults} into its data-plane calls, chosen
 * by a seeded random generator, so that a test can check how code copes with throttling, server
 * errors, timeouts, lost responses, partly handled batches and transactions that meet others:
 *
 * <pre>{@code
 * FaultyClient faults = FaultyClient.wrap(session.client())
 *         .seed(42).rate(0.2)
 *         .faults(Fault.THROTTLE, Fault.SERVER_ERROR_AFTER, Fault.LOST_RESPONSE_RETRIED)
 *         .only("PutItem", "UpdateItem")
 *         .build();
 * FaultyClient batches = FaultyClient.wrap(session.client())    // a rate of its own for each fault
 *         .rate(Fault.THROTTLE, 0.2).rate(Fault.UNPROCESSED, 0.3)
 *         .only("BatchWriteItem", "BatchGetItem")
 *         .build();
 * Session faulty = Session.open(c -> c.client(faults.client()).autoCreateTables(true));
 * faults.next(Fault.TIMEOUT_AFTER);    // the next eligible call gets exactly this
 * faults.stats();                      // calls by operation, faults by fault and operation
 * }</pre>
 *
 * <p>It sits outside any retries of the wrapped client, so it shows what the SDK's client shows
 * once its own retries are over: exceptions carry {@link SdkException#numAttempts()}, and a lost
 * response sends the request to the table twice. Wrap a client that does not retry (the embedded
 * engine's in-process client does not) to see each fault exactly once. Control-plane calls
 * (CreateTable, DescribeTable, ListTables, ...) always go straight through.
 *
 * <p>The same seed and the same calls from one thread give the same faults. Thread-safe.
 */
public final class FaultyClient {

    /** The operations that read or write items: every one may be faulted. */
    static final Set<String> DATA_PLANE = Set.of("GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan",
            "BatchGetItem", "BatchWriteItem", "TransactGetItems", "TransactWriteItems", "ExecuteStatement",
            "BatchExecuteStatement", "ExecuteTransaction");

    private final DynamoDbClient real;
    private final DynamoDbClient client;
    private final long seed;
    private final FaultChance chance;
    private final Set<String> eligible;
    private final int attempts;

    private final Object lock = new Object();
    private final Random random;
    private final Deque<Fault> scripted = new ArrayDeque<>();
    private final Map<String, Long> calls = new HashMap<>();
    private final Map<Fault, Map<String, Long>> injected = new EnumMap<>(Fault.class);

    private FaultyClient(Builder b) {
        real = b.real;
        seed = b.seed;
        chance = b.rates.isEmpty() ? FaultChance.shared(b.rate, b.faults) : FaultChance.own(b.rates);
        eligible = b.only;
        attempts = b.attempts;
        random = new Random(seed);
        client = ClientProxy.of(real, this::toString, this::send);
    }

    /**
     * Starts a faulty client over a real one. Until a rate is set ({@link Builder#rate(double)} or
     * {@link Builder#rate(Fault, double)}), only the faults asked for with {@link #next(Fault...)} are injected.
     *
     * @param real the client that does the work
     * @return a builder
     */
    public static Builder wrap(DynamoDbClient real) {
        return new Builder(Objects.requireNonNull(real, "real client"));
    }

    /**
     * The client to hand to the code under test, such as {@code Session.open(c -> c.client(client))}.
     * Closing it closes the real client.
     *
     * @return the faulty client
     */
    public DynamoDbClient client() {
        return client;
    }

    /**
     * Scripts faults: each eligible call takes the first fault waiting, whatever the rate, and the
     * rate decides only when none waits. A fault waits for a call it can happen to: an
     * {@link Fault#UNPROCESSED} waits for a batch, a {@link Fault#TRANSACTION_CONFLICT} for a
     * transaction, and the faults queued after it wait too.
     *
     * @param next the faults, in the order the calls get them
     * @return this
     */
    public FaultyClient next(Fault... next) {
        List<Fault> queued = List.of(next);
        synchronized (lock) {
            scripted.addAll(queued);
        }
        return this;
    }

    /** @return a snapshot of the calls seen and the faults injected so far */
    public FaultStats stats() {
        synchronized (lock) {
            return new FaultStats(calls, injected);
        }
    }

    @Override
    public String toString() {
        return "FaultyClient[seed " + seed + ", " + chance + ", on " + new TreeSet<>(eligible) + "]";
    }

    /** Counts the call and decides its fault; null when it gets none. */
    private Injection decide(String operation) {
        synchronized (lock) {
            calls.merge(operation, 1L, Long::sum);
            if (!eligible.contains(operation)) {
                return null;
            }
            SplittableRandom draws = new SplittableRandom(random.nextLong());
            Fault fault = scripted.isEmpty() || !scripted.peek().appliesTo(operation) ? null : scripted.poll();
            if (fault == null) {
                fault = chance.draw(operation, draws);
            }
            if (fault == null || fault == Fault.NONE) {
                return null;
            }
            injected.computeIfAbsent(fault, f -> new HashMap<>()).merge(operation, 1L, Long::sum);
            return new Injection(fault, draws);
        }
    }

    private record Injection(Fault fault, SplittableRandom draws) {
    }

    private Object send(Method method, DynamoDbRequest request) throws Throwable {
        String name = request.getClass().getSimpleName();
        Injection injection = decide(name.substring(0, name.length() - "Request".length()));
        if (injection == null) {
            return onReal(method, request);
        }
        Fault fault = injection.fault();
        if (fault == Fault.UNPROCESSED) {
            return request instanceof BatchWriteItemRequest write ? Unprocessed.write(real, write, injection.draws())
                    : Unprocessed.get(real, (BatchGetItemRequest) request, injection.draws());
        }
        if (fault == Fault.TRANSACTION_CONFLICT) {
            int actions = actions(request);
            throw SdkFailures.conflict(actions, injection.draws().nextInt(Math.max(1, actions)));
        }
        if (fault == Fault.LOST_RESPONSE_RETRIED) {
            DynamoDbRequest retried = withToken(request, injection.draws());
            attempt(method, retried);
            try {
                return onReal(method, retried);
            } catch (SdkException e) {
                throw SdkFailures.attempted(e, 2);
            }
        }
        if (fault.reachesTable()) {
            attempt(method, request);
        }
        throw SdkFailures.of(fault, attempts);
    }

    /** @return how many actions a transaction has */
    private static int actions(DynamoDbRequest request) {
        if (request instanceof TransactWriteItemsRequest t) {
            return t.transactItems().size();
        }
        if (request instanceof TransactGetItemsRequest t) {
            return t.transactItems().size();
        }
        return ((ExecuteTransactionRequest) request).transactStatements().size();
    }

    /**
     * A transaction as the SDK sends it, and sends it again: with a client request token, made up
     * when the caller gave none, so that DynamoDB answers the second attempt as it did the first.
     */
    private static DynamoDbRequest withToken(DynamoDbRequest request, SplittableRandom draws) {
        String token = new UUID(draws.nextLong(), draws.nextLong()).toString();
        if (request instanceof TransactWriteItemsRequest t && t.clientRequestToken() == null) {
            return t.toBuilder().clientRequestToken(token).build();
        }
        if (request instanceof ExecuteTransactionRequest t && t.clientRequestToken() == null) {
            return t.toBuilder().clientRequestToken(token).build();
        }
        return request;
    }

    /** An attempt whose outcome, answer or refusal, never reaches the caller. */
    private void attempt(Method method, DynamoDbRequest request) throws Throwable {
        try {
            onReal(method, request);
        } catch (SdkException lost) {
            // lost with the response
        }
    }

    private Object onReal(Method method, DynamoDbRequest request) throws Throwable {
        return ClientProxy.invoke(real, method, request);
    }

    /** Configures a {@link FaultyClient}; every setting has a default. */
    public static final class Builder {
        private final DynamoDbClient real;
        private long seed;
        private double rate;
        private List<Fault> faults = Arrays.stream(Fault.values()).filter(f -> f != Fault.NONE).toList();
        private boolean shared;
        private final Map<Fault, Double> rates = new EnumMap<>(Fault.class);
        private Set<String> only = DATA_PLANE;
        private int attempts = 3;

        private Builder(DynamoDbClient real) {
            this.real = real;
        }

        /**
         * @param seed drives every random choice: the same seed, the same faults (default 0)
         * @return this
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param rate the share of eligible calls that get a fault, from 0 to 1 (default 0: only
         *     scripted faults)
         * @return this
         * @throws IllegalArgumentException when outside 0 to 1
         */
        public Builder rate(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("rate must be from 0 to 1, got " + rate);
            }
            this.rate = rate;
            shared = true;
            return this;
        }

        /**
         * Gives one fault a rate of its own, instead of {@link #rate(double)} shared by
         * {@link #faults(Fault...)}: {@code rate(Fault.THROTTLE, 0.2).rate(Fault.UNPROCESSED, 0.3)}
         * throttles 20% of the eligible batch calls and leaves 30% of them partly unprocessed. Each
         * fault's share is of the calls it can happen to (an {@link Fault#UNPROCESSED} rate leaves a
         * {@code PutItem} alone), the shares do not overlap, and a call gets at most one fault.
         * Setting a fault's rate again replaces it.
         *
         * @param fault a fault other than {@link Fault#NONE}
         * @param rate the share of the eligible calls that get it, from 0 to 1
         * @return this
         * @throws IllegalArgumentException when the fault is null or {@link Fault#NONE}, the rate is
         *     outside 0 to 1, or the rates of all faults add up to more than 1
         */
        public Builder rate(Fault fault, double rate) {
            FaultChance.check(rates, fault, rate);
            rates.put(fault, rate);
            return this;
        }

        /**
         * @param faults the faults the rate chooses from, each as likely (default: every fault but {@link Fault#NONE});
         *     a call gets one of those that can happen to its operation
         * @return this
         * @throws IllegalArgumentException when none is given
         */
        public Builder faults(Fault... faults) {
            if (faults.length == 0) {
                throw new IllegalArgumentException("faults: give at least one");
            }
            this.faults = List.copyOf(new TreeSet<>(Arrays.asList(faults)));
            shared = true;
            return this;
        }

        /**
         * @param operations the operations that may be faulted, such as {@code "PutItem"}
         *     (default: every data-plane operation)
         * @return this
         * @throws IllegalArgumentException when none is given, or one is not a data-plane operation
         */
        public Builder only(String... operations) {
            Set<String> chosen = Set.copyOf(Arrays.asList(operations));
            if (chosen.isEmpty() || !DATA_PLANE.containsAll(chosen)) {
                throw new IllegalArgumentException("only: give data-plane operations among " + new TreeSet<>(DATA_PLANE)
                        + ", got " + chosen);
            }
            this.only = chosen;
            return this;
        }

        /**
         * @param attempts what {@code numAttempts()} says on the exceptions of {@link Fault#THROTTLE},
         *     the server errors and the timeouts: the attempts the SDK made before giving up
         *     (default 3, the SDK's standard retry mode)
         * @return this
         * @throws IllegalArgumentException when below 1
         */
        public Builder attempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
            }
            this.attempts = attempts;
            return this;
        }

        /**
         * @return the faulty client
         * @throws IllegalStateException when both {@link #rate(Fault, double)} and
         *     {@link #rate(double)} or {@link #faults(Fault...)} were given
         */
        public FaultyClient build() {
            if (shared && !rates.isEmpty()) {
                throw new IllegalStateException("FaultyClient: give either rate(rate) with faults(...), or rate(fault, rate)"
                        + " for each fault, not both (rates " + rates + ")");
            }
            return new FaultyClient(this);
        }
    }
}
