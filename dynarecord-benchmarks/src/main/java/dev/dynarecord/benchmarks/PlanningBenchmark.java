package dev.dynarecord.benchmarks;

import dev.dynarecord.Finder;
import dev.dynarecord.Session;
import dev.dynarecord.benchmarks.planning.PlanBean;
import dev.dynarecord.benchmarks.planning.PlanRecord;
import dev.dynarecord.config.Adapter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Planning and rendering: a where-chain (hash eq, a range condition, a filter, a limit) turned into
 * the QueryRequest sent to a stub client whose query answers an empty page. What is measured is
 * everything on the caller's side of the client: planning, expression rendering, request building,
 * and reading the (empty) response.
 *
 * <p>Same request for the three: table {@code plan_rows}, {@code name = "x" AND age > 3},
 * filter {@code status = "active"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlanningBenchmark {

    private static final String TABLE = "plan_rows";

    /** Answers every query with an empty page and keeps the last request, for the sanity check. */
    static final class EmptyQueryStub implements DynamoDbClient {
        private static final QueryResponse EMPTY = QueryResponse.builder().items(List.of()).count(0).scannedCount(0)
                .build();
        QueryRequest last;

        @Override
        public QueryResponse query(QueryRequest request) {
            last = request;
            return EMPTY;
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private EmptyQueryStub stub;
    private Session session;
    private Finder<PlanRecord> records;
    private DynamoDbTable<PlanBean> beans;

    /** Opens the three on the stub and checks that each sends a Query with a key condition and a filter. */
    @Setup(Level.Trial)
    public void setUp() {
        stub = new EmptyQueryStub();
        session = Session.open(c -> c.adapter(Adapter.AWS).client(stub).autoCreateTables(false));
        records = PlanRecord.find.using(session);
        beans = DynamoDbEnhancedClient.builder().dynamoDbClient(stub).build()
                .table(TABLE, TableSchema.fromBean(PlanBean.class));
        check("dynarecord", () -> dynarecord());
        check("enhanced", () -> enhanced());
        check("raw", () -> raw());
    }

    private void check(String flavour, Runnable query) {
        stub.last = null;
        query.run();
        QueryRequest sent = stub.last;
        if (sent == null || !TABLE.equals(sent.tableName()) || sent.keyConditionExpression() == null
                || sent.filterExpression() == null || sent.indexName() != null) {
            throw new IllegalStateException(flavour + " did not send a Query on " + TABLE
                    + " with a key condition and a filter: " + sent);
        }
    }

    /** Closes the session. */
    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    /** @return Dynarecord: the where-chain, planned, rendered and sent */
    @Benchmark
    public Optional<PlanRecord> dynarecord() {
        return records.where("name", "x").where("age.gt", 3).where("status", "active").limit(10).first();
    }

    /** @return the Enhanced Client: a QueryConditional plus a filter Expression */
    @Benchmark
    public boolean enhanced() {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortGreaterThan(Key.builder().partitionValue("x").sortValue(3).build()))
                .filterExpression(Expression.builder()
                        .expression("#status = :status")
                        .putExpressionName("#status", "status")
                        .putExpressionValue(":status", AttributeValue.fromS("active"))
                        .build())
                .limit(10)
                .build();
        return beans.query(request).items().iterator().hasNext();
    }

    /** @return raw: the QueryRequest written by hand */
    @Benchmark
    public boolean raw() {
        QueryRequest request = QueryRequest.builder()
                .tableName(TABLE)
                .keyConditionExpression("#name = :name AND #age > :age")
                .filterExpression("#status = :status")
                .expressionAttributeNames(Map.of("#name", "name", "#age", "age", "#status", "status"))
                .expressionAttributeValues(Map.of(":name", AttributeValue.fromS("x"), ":age", AttributeValue.fromN("3"),
                        ":status", AttributeValue.fromS("active")))
                .limit(10)
                .build();
        return !stub.query(request).items().isEmpty();
    }
}
