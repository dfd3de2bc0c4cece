package dev.dynarecord.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.exception.StaleRecordException;
import dev.dynarecord.test.DynarecordTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Optimistic locking: a lost race is a StaleRecordException and writes nothing. */
@DynarecordTest(global = false)
class LockingTest {

    public static class Tally extends Model<Tally> {
        public static final Finder<Tally> find = finder(Tally.class);
        @Field public long count;
        @Field public String owner;
    }

    @Table(lockVersion = "version")
    public static class Renamed extends Model<Renamed> {
        public static final Finder<Renamed> find = finder(Renamed.class);
        @Field public String label;
    }

    @Table(locking = false)
    public static class Unlocked extends Model<Unlocked> {
        public static final Finder<Unlocked> find = finder(Unlocked.class);
        @Field public String label;
    }

    private final Session session;
    private final Finder<Tally> tallies;
    private final Finder<Unlocked> unlocked;

    LockingTest(Session session) {
        this.session = session;
        this.tallies = session.find(Tally.class);
        this.unlocked = session.find(Unlocked.class);
    }

    private static Map<String, AttributeValue> raw(Session session, Class<?> type, Object id) {
        return session.client().getItem(r -> r.tableName(session.tableName(type)).key(Map.of("id", AttributeValue.fromS(id.toString()))))
                .item();
    }

    @Test
    void eightThreadsOfLoadModifySaveEndWithTheExactCount() throws Exception {
        Tally t = new Tally().using(session);
        t.saveOrThrow();
        int threads = 8;
        int loops = 200;
        AtomicInteger stale = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    for (int n = 0; n < loops; n++) {
                        while (true) {
                            Tally copy = tallies.byId(t.id());
                            copy.count++;
                            try {
                                copy.saveOrThrow();
                                break;
                            } catch (StaleRecordException e) {
                                stale.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Tally end = tallies.byId(t.id());
        assertThat(end.count).isEqualTo(threads * loops);
        assertThat(end.lockVersion()).isEqualTo(1 + threads * loops);
        assertThat(stale.get()).as("some saves lost their race and were retried").isPositive();
    }

    @Test
    void aSaveThatLostItsRaceNeverOverwritesTheWinner(Session session) {
        Tally t = new Tally().using(session);
        t.owner = "nobody";
        t.saveOrThrow();
        Tally a = tallies.byId(t.id());
        Tally b = tallies.byId(t.id());
        a.owner = "a";
        a.saveOrThrow();
        b.owner = "b";
        assertThatThrownBy(b::save).isInstanceOf(StaleRecordException.class).hasMessageContaining("lockVersion is 2")
                .hasMessageContaining("Reload it");
        assertThat(raw(session, Tally.class, t.id())).containsEntry("owner", AttributeValue.fromS("a"))
                .containsEntry("lockVersion", AttributeValue.fromN("2"));
        assertThat(b.lockVersion()).isEqualTo(1);
        b.reload();
        b.owner = "b";
        b.saveOrThrow();
        assertThat(tallies.byId(t.id()).owner).isEqualTo("b");
    }

    @Test
    void aStaleDestroyDeletesNothing(Session session) {
        Tally t = new Tally().using(session);
        t.saveOrThrow();
        Tally a = tallies.byId(t.id());
        Tally b = tallies.byId(t.id());
        a.count = 5;
        a.saveOrThrow();
        assertThatThrownBy(b::destroy).isInstanceOf(StaleRecordException.class);
        assertThat(b.isDestroyed()).isFalse();
        assertThat(raw(session, Tally.class, t.id())).isNotEmpty();
        a.destroy();
        assertThat(raw(session, Tally.class, t.id())).isEmpty();
    }

    @Test
    void touchIsGuardedAndBumpsTheVersion() {
        Tally t = new Tally().using(session);
        t.saveOrThrow();
        Tally other = tallies.byId(t.id());
        var before = t.updatedAt();
        t.touch();
        assertThat(t.lockVersion()).isEqualTo(2);
        assertThat(t.updatedAt()).isAfter(before);
        assertThatThrownBy(other::touch).isInstanceOf(StaleRecordException.class);
    }

    @Test
    void itemsWrittenWithoutAVersionGetOneOnTheirFirstSave(Session session) {
        String table = session.tableName(Tally.class);
        tallies.exists("warm-up");
        session.client().putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("legacy"),
                "count", AttributeValue.fromN("7"))));
        Tally legacy = tallies.byId("legacy");
        assertThat(legacy.lockVersion()).isZero();
        legacy.count++;
        legacy.saveOrThrow();
        assertThat(raw(session, Tally.class, "legacy")).containsEntry("lockVersion", AttributeValue.fromN("1"))
                .containsEntry("count", AttributeValue.fromN("8"));
    }

    @Test
    void theAttributeCanBeRenamedPerModelOrTurnedOff(Session session) {
        Renamed r = new Renamed().using(session);
        r.label = "x";
        r.saveOrThrow();
        assertThat(raw(session, Renamed.class, r.id())).containsKey("version").doesNotContainKey("lockVersion");
        Unlocked u = new Unlocked().using(session);
        u.label = "x";
        u.saveOrThrow();
        assertThat(raw(session, Unlocked.class, u.id())).doesNotContainKeys("version", "lockVersion");
        Unlocked a = unlocked.byId(u.id());
        Unlocked b = unlocked.byId(u.id());
        a.label = "a";
        a.saveOrThrow();
        b.label = "b";
        b.saveOrThrow();
        assertThat(unlocked.byId(u.id()).label).isEqualTo("b");
    }

    @Test
    void theConfigurationTurnsLockingOffEverywhere() {
        try (Session off = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("locking_off").lockVersion(""))) {
            Tally t = off.find(Tally.class).create(x -> x.owner = "o");
            assertThat(t.lockVersion()).isZero();
            assertThat(raw(off, Tally.class, t.id())).doesNotContainKey("lockVersion");
            off.tables().dropAll();
        }
    }
}
