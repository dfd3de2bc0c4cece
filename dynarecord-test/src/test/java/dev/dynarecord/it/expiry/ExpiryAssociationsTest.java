package dev.dynarecord.it.expiry;

import static dev.dynarecord.ReadOptions.includeExpired;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Session;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expired records through associations and read transactions: hidden as byId hides them, except
 * from a dependent cascade, which reaches every child the owner has.
 */
@DynarecordTest
class ExpiryAssociationsTest {

    private static Instant hourAgo() {
        return Instant.now().minus(Duration.ofHours(1));
    }

    @Test
    void childrenAndOwnersWhoseTtlHasPassedAreHidden(RequestRecorder recorder) {
        Visitor vic = Visitor.find.create(v -> v.name = "vic");
        WebSession live = vic.sessions.create(s -> s.device = "laptop");
        WebSession expired = vic.sessions.create(s -> {
            s.device = "phone";
            s.expiresAt = hourAgo();
        });
        Visitor reloaded = Visitor.find.byId(vic.id());
        assertThat(reloaded.sessions.all()).extracting(s -> s.device).containsExactly("laptop");
        assertThat(reloaded.sessions.count()).isEqualTo(1);
        assertThat(reloaded.sessions.query().includeExpired().all()).hasSize(2);

        Visitor preloaded = Visitor.find.allowScan().where("name", "vic").includes("sessions").first().orElseThrow();
        recorder.clear();
        assertThat(preloaded.sessions.all()).extracting(s -> s.device).containsExactly("laptop");
        assertThat(recorder.summary()).isEmpty();

        // an owner whose TTL has passed is absent from its children's belongs_to, as from byId
        Visitor gone = Visitor.find.create(v -> {
            v.name = "gone";
            v.leavesAt = hourAgo().getEpochSecond();
        });
        WebSession orphan = gone.sessions.create(s -> s.device = "kiosk");
        assertThat(WebSession.find.byId(orphan.id()).visitor.optional()).isEmpty();
        assertThat(WebSession.find.where("userId.null", true).where("device", "kiosk").allowScan().includes("visitor").first()
                .orElseThrow().visitor.optional()).isEmpty();
        assertThat(WebSession.find.byId(live.id()).visitor.get().name).isEqualTo("vic");
        assertThat(expired.isPersisted()).isTrue();
    }

    @Test
    void aDependentDestroyReachesExpiredChildrenToo() {
        Visitor wes = Visitor.find.create(v -> v.name = "wes");
        WebSession live = wes.sessions.create(s -> s.device = "laptop");
        WebSession expired = wes.sessions.create(s -> {
            s.device = "phone";
            s.expiresAt = hourAgo();
        });
        assertThat(wes.destroy()).isTrue();
        assertThat(WebSession.find.byIdOptional(live.id(), includeExpired())).isEmpty();
        assertThat(WebSession.find.byIdOptional(expired.id(), includeExpired())).isEmpty();
    }

    @Test
    void aReadTransactionTreatsAnExpiredItemAsAbsent(Session session) {
        WebSession live = WebSession.of("tx", "laptop", null);
        WebSession expired = WebSession.of("tx", "phone", hourAgo());
        List<Object> read = session.readTransaction(tx -> {
            tx.get(WebSession.class, expired.id());
            tx.get(WebSession.class, live.id());
        });
        assertThat(read.get(0)).isNull();
        assertThat(((WebSession) read.get(1)).device).isEqualTo("laptop");
    }
}
