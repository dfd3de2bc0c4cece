package dev.dynarecord.it.reliability;

import dev.dynarecord.Session;
import dev.dynarecord.config.RetryPolicy;
import dev.dynarecord.test.FaultyClient;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** A session whose requests go through a {@link FaultyClient}, in a namespace of its own, and the raw view of what it stored. */
final class FaultySessions {

    private FaultySessions() {
    }

    /** @return a session on the faulty client, creating its tables, in the raw session's namespace plus {@code _suffix} */
    static Session open(Session raw, FaultyClient faults, String suffix) {
        return Session.open(c -> c.client(faults.client()).autoCreateTables(true)
                .namespace(raw.config().namespace() + "_" + suffix));
    }

    /** @return the same, with its own retry policy */
    static Session open(Session raw, FaultyClient faults, String suffix, RetryPolicy retries) {
        return Session.open(c -> c.client(faults.client()).autoCreateTables(true).retryPolicy(retries)
                .namespace(raw.config().namespace() + "_" + suffix));
    }

    /** Drops the session's tables, then closes it. */
    static void close(Session session) {
        try {
            session.tables().dropAll();
        } finally {
            session.close();
        }
    }

    /** @return every item of a table, read strongly consistently through the raw client, past any fault */
    static List<Map<String, AttributeValue>> items(Session raw, String table) {
        return raw.client().scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).build()).items().stream()
                .toList();
    }
}
