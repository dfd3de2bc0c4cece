package dev.dynarecord.examples;

import static dev.dynarecord.ReadOptions.includeExpired;

import dev.dynarecord.Session;
import dev.dynarecord.TableInfo;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Step 22b of the walkthrough: records that expire (TTL), and the table's stream and backups. */
final class DemoTables {

    private final PrintStream out;

    DemoTables(PrintStream out) {
        this.out = out;
    }

    void run(Session session) {
        Demo.step(out, "22b. Expiring records: @Table(ttl = \"expiresAt\", expiresIn = \"P1D\"); DynamoDB deletes an"
                + " expired item only eventually, so reads hide it until then; the table also gets a stream and"
                + " point-in-time recovery");
        WebSession laptop = WebSession.find.create(s -> { s.userId = "josh"; s.device = "laptop"; });
        WebSession phone = WebSession.find.create(s -> {
            s.userId = "josh";
            s.device = "phone";
            s.expiresAt = Instant.now().minus(Duration.ofHours(1));
        });
        out.println("   laptop expires in a day: " + laptop.expiresAt.isAfter(Instant.now().plus(Duration.ofHours(23))));
        out.println(Demo.indent(WebSession.find.where("userId", "josh").allowScan().explain().toString().lines()
                .filter(l -> l.contains("filters") || l.contains("expired")).reduce((a, b) -> a + "\n" + b).orElseThrow()));
        out.println("   josh's sessions: " + devices(WebSession.find.where("userId", "josh").allowScan().all())
                + "; with includeExpired(): " + devices(WebSession.find.where("userId", "josh").allowScan().includeExpired().all()));
        out.println("   byIdOptional(phone): " + WebSession.find.byIdOptional(phone.id()) + "; byId(phone, includeExpired()): "
                + WebSession.find.byId(phone.id(), includeExpired()).device);
        TableInfo info = session.tables().describe(WebSession.class).orElseThrow();
        out.println("   TTL " + info.ttlStatus() + " on " + info.ttlAttribute().orElse("-") + ", stream "
                + info.streamViewType().orElse("none") + ", point-in-time recovery " + info.pointInTimeRecovery()
                + " (DynamoDB Local has no continuous backups: skipped with a warning)");
    }

    private static List<String> devices(List<WebSession> sessions) {
        return sessions.stream().map(s -> s.device).sorted().toList();
    }
}
