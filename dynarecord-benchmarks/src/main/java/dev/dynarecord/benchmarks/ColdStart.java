package dev.dynarecord.benchmarks;

import dev.dynarecord.Session;
import dev.dynarecord.benchmarks.model.Fixtures;
import dev.dynarecord.benchmarks.model.LargeBean;
import dev.dynarecord.benchmarks.model.LargePojo;
import dev.dynarecord.benchmarks.model.LargeRawMapper;
import dev.dynarecord.benchmarks.model.LargeRecord;
import dev.dynarecord.config.Adapter;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * Cold start, one flavour per fresh JVM: {@code ColdStart dynarecord|enhanced|raw|dynarecord-primed}. Times, from the
 * start of {@code main}, the first use of the 40-attribute model (its schema), the first save and
 * the first find through a client that keeps the one item it was given (no I/O); prints the
 * nanoseconds as the last line. {@link Report} runs it several times per flavour, alternating.
 */
public final class ColdStart {

    private ColdStart() {
    }

    /** Keeps the last item put and returns it on every get. */
    static final class EchoStub implements DynamoDbClient {
        private static final PutItemResponse PUT = PutItemResponse.builder().build();
        private Map<String, AttributeValue> item;

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            item = request.item();
            return PUT;
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            return GetItemResponse.builder().item(item).build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    /**
     * @param args {@code dynarecord}, {@code enhanced}, {@code raw}, or {@code dynarecord-primed}: a session
     *     opened and {@code prime}d before the clock starts, as a Lambda function's initialisation or a
     *     SnapStart snapshot would have done it, then the same first save and first find
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ColdStart dynarecord|enhanced|raw|dynarecord-primed");
        }
        EchoStub primedStub = new EchoStub();
        Session primed = args[0].equals("dynarecord-primed") ? primed(primedStub) : null;
        long start = System.nanoTime();
        String found = switch (args[0]) {
            case "dynarecord" -> dynarecord();
            case "enhanced" -> enhanced();
            case "raw" -> raw();
            case "dynarecord-primed" -> saveAndFind(primed);
            default -> throw new IllegalArgumentException("dynarecord, enhanced, raw or dynarecord-primed, not " + args[0]);
        };
        long nanos = System.nanoTime() - start;
        if (primed != null) {
            primed.close();
        }
        if (found == null) {
            throw new IllegalStateException(args[0] + ": the first find found nothing");
        }
        System.out.println(nanos);
    }

    private static Session primed(EchoStub stub) {
        return Session.open(c -> c.adapter(Adapter.AWS).client(stub).autoCreateTables(false)).prime(LargeRecord.class);
    }

    private static String saveAndFind(Session session) {
        LargeRecord record = Fixtures.largeRecord();
        session.saveOrThrow(record);
        return LargeRecord.find.using(session).byId(record.id).id;
    }

    private static String dynarecord() {
        EchoStub stub = new EchoStub();
        try (Session session = Session.open(c -> c.adapter(Adapter.AWS).client(stub).autoCreateTables(false))) {
            return saveAndFind(session);
        }
    }

    private static String enhanced() {
        EchoStub stub = new EchoStub();
        DynamoDbTable<LargeBean> table = DynamoDbEnhancedClient.builder().dynamoDbClient(stub).build()
                .table("large", TableSchema.fromBean(LargeBean.class));
        LargeBean bean = Fixtures.largeBean();
        table.putItem(bean);
        return table.getItem(Key.builder().partitionValue(bean.getId()).build()).getId();
    }

    private static String raw() {
        EchoStub stub = new EchoStub();
        LargePojo pojo = Fixtures.largePojo();
        stub.putItem(PutItemRequest.builder().tableName("large").item(LargeRawMapper.toItem(pojo)).build());
        GetItemResponse response = stub.getItem(GetItemRequest.builder().tableName("large")
                .key(LargeRawMapper.key(pojo.id)).build());
        return LargeRawMapper.fromItem(response.item()).id;
    }
}
