package dev.dynarecord.it;

import dev.dynarecord.Session;
import dev.dynarecord.config.Config;
import dev.dynarecord.config.RetryPolicy;
import dev.dynarecord.test.FaultyClient;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** A session whose requests go through a {@link FaultyClient}, in a namespace of its own, and the raw view of what it stored. */
public final class FaultySessions {

    private FaultySessions() {
    }

    /** @return a session on the faulty client, creating its tables, in the raw session's namespace plus {@code _suffix} */
    public static Session open(Session raw, FaultyClient faults, String suffix) {
        return open(raw, faults, suffix, c -> { });
    }

    /** @return the same, retrying unprocessed and throttled batches by {@code retries} */
    public static Session open(Session raw, FaultyClient faults, String suffix, RetryPolicy retries) {
        return open(raw, faults, suffix, c -> c.retryPolicy(retries));
    }

    private static Session open(Session raw, FaultyClient faults, String suffix, Consumer<Config.Builder> more) {
        return Session.open(c -> more.accept(c.client(faults.client()).autoCreateTables(true)
                .namespace(raw.config().namespace() + "_" + suffix)));
    }

    /** Drops the session's tables, then closes it. */
    public static void close(Session session) {
        try {
            session.tables().dropAll();
        } finally {
            session.close();
        }
    }

    /** @return every item of a table, read strongly consistently through the raw client, past any fault */
    public static List<Map<String, AttributeValue>> items(Session raw, String table) {
        return raw.client().scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).build()).items().stream()
                .toList();
    }

    /** @return how many items a table holds: a strongly consistent Scan with Select COUNT through the raw client */
    public static long count(Session raw, String table) {
        return raw.client().scanPaginator(ScanRequest.builder().tableName(table).select(Select.COUNT).consistentRead(true).build())
                .stream().mapToLong(ScanResponse::count).sum();
    }
}
