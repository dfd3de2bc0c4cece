package dev.dynarecord.examples;

import dev.dynarecord.Session;
import dev.dynarecord.test.RequestRecorder;
import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Step 22f of the walkthrough: a hot record spread over copies, read back as one. */
final class DemoPartitioning {

    private final PrintStream out;

    DemoPartitioning(PrintStream out) {
        this.out = out;
    }

    void run(Session session) {
        Demo.step(out, "22f. Write partitioning: @Table(partitioning = ON, partitionSize = 10); each save puts the whole"
                + " record into one of 10 copies, a read fetches all 10 and keeps the newest (highest lock version)");
        HotCounter home = HotCounter.find.create(c -> c.page = "/home");
        for (int i = 0; i < 6; i++) {
            home.views++;
            home.saveOrThrow();
        }
        String table = HotCounter.find.tableName();
        Map<String, Long> copies = session.client().scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true)
                .build()).items().stream().collect(Collectors.toMap(i -> i.get("id").s().replace(home.id().toString(), "<id>"),
                        i -> Long.parseLong(i.get("lockVersion").n()), (a, b) -> a, java.util.TreeMap::new));
        out.println("   copies stored (hash key -> lock version): " + copies);
        RequestRecorder recorder = new RequestRecorder();
        session.addListener(recorder);
        HotCounter read;
        try {
            read = HotCounter.find.byId(home.id());
        } finally {
            session.removeListener(recorder);
        }
        BatchGetItemRequest get = recorder.requests(BatchGetItemRequest.class).get(0);
        out.println("   byId sent " + recorder.requests().size() + " request: BatchGetItem of "
                + get.requestItems().get(table).keys().size() + " keys, " + get.requestItems().get(table).keys().stream()
                        .map(k -> k.get("id")).map(AttributeValue::s).map(s -> s.replace(home.id().toString(), "<id>"))
                        .limit(3).collect(Collectors.joining(", ")) + ", ...");
        out.println("   read: views " + read.views + ", lock version " + read.lockVersion() + ", id " + read.id().equals(home.id()));
        home.destroy();
        out.println("   destroyed: copies left " + session.client().scan(ScanRequest.builder().tableName(table)
                .consistentRead(true).build()).count());
    }
}
