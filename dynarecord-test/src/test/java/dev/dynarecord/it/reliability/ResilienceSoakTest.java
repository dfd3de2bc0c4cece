package dev.dynarecord.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Session;
import dev.dynarecord.exception.PartialWriteException;
import dev.dynarecord.exception.TransientFailureException;
import dev.dynarecord.it.FaultySessions;
import dev.dynarecord.it.association.Member;
import dev.dynarecord.it.fixtures.Address;
import dev.dynarecord.it.lifecycle.Player;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.Fault;
import dev.dynarecord.test.FaultStats;
import dev.dynarecord.test.FaultyClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hundreds of writes with a fault on about a third of the calls (every kind the SDK can show:
 * throttling, 500s and timeouts before and after the write is applied, lost and retried answers,
 * unprocessed batch items). The caller repeats a call that failed with a retryable exception, as the
 * guarantees say it may; afterwards the stored state equals what the library reported: no record
 * lost, none duplicated, every value the last one saved. The figures are in docs/reliability.md.
 */
@DynarecordTest(global = false)
class ResilienceSoakTest {

    private static final int OPERATIONS = 400;
    private static final int MOST_ATTEMPTS = 20;

    private Session raw;
    private FaultyClient faults;
    private Session session;
    private final Map<String, Integer> outcomes = new HashMap<>();

    @BeforeEach
    void open(Session raw) {
        this.raw = raw;
        faults = FaultyClient.wrap(raw.client()).seed(20261203).rate(0.3).build();
        session = FaultySessions.open(raw, faults, "soak");
        session.tables().create(Address.class);
        session.tables().create(Member.class);
        session.tables().create(Player.class);
    }

    @AfterEach
    void close() {
        FaultySessions.close(session);
    }

    /** Repeats the call while it fails with a retryable exception, as a caller following the guarantees would. */
    private void untilDone(String kind, Runnable call) {
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                outcomes.merge(kind + (attempt == 1 ? " at once" : " after repeating"), 1, Integer::sum);
                return;
            } catch (TransientFailureException e) {
                outcomes.merge(kind + " failures repeated (" + (e.mayHaveBeenApplied() ? "may have been applied" : "not applied")
                        + ")", 1, Integer::sum);
            } catch (PartialWriteException e) {
                assertThat(e.isRetryable()).as(e.getMessage()).isTrue();
                outcomes.merge(kind + " partial failures repeated", 1, Integer::sum);
            }
            assertThat(attempt).as(kind + " kept failing").isLessThan(MOST_ATTEMPTS);
        }
    }

    private List<Map<String, AttributeValue>> stored(Class<? extends dev.dynarecord.Model<?>> model) {
        return FaultySessions.items(raw, session.tableName(model));
    }

    @Test
    void createsSavesDestroysAndLinksMatchWhatWasReported() {
        Random random = new Random(7);
        Map<String, Address> live = new HashMap<>();
        List<Member> members = new ArrayList<>();
        Set<String> links = new HashSet<>();
        for (int i = 0; i < OPERATIONS; i++) {
            int choice = random.nextInt(10);
            String label = "v" + i;
            if (choice < 4 || live.isEmpty()) {
                Address a = new Address().using(session);
                a.city = label;
                untilDone("create", a::saveOrThrow);
                assertThat(live.put((String) a.id(), a)).isNull();
            } else if (choice < 7) {
                Address a = pick(random, live);
                a.city = label;
                untilDone("save", a::saveOrThrow);
            } else if (choice < 8) {
                Address a = pick(random, live);
                untilDone("destroy", () -> assertThat(a.destroy()).isTrue());
                live.remove((String) a.id());
            } else {
                Member m = new Member().using(session);
                m.name = label;
                untilDone("create", m::saveOrThrow);
                members.add(m);
                if (members.size() > 3) {
                    Member owner = members.get(random.nextInt(members.size()));
                    List<Member> friends = new ArrayList<>();
                    for (Member f : members) {
                        if (f != owner && random.nextInt(3) == 0) {
                            friends.add(f);
                            links.add(owner.id() + ">" + f.id());
                        }
                    }
                    untilDone("link", () -> owner.friends.add(friends));
                }
            }
        }

        Map<String, String> cities = new HashMap<>();
        for (Map<String, AttributeValue> item : stored(Address.class)) {
            assertThat(cities.put(item.get("id").s(), item.get("city").s())).as("duplicated").isNull();
        }
        assertThat(cities.keySet()).as("no record lost, none left behind").isEqualTo(live.keySet());
        live.forEach((id, a) -> assertThat(cities.get(id)).as("the last value saved").isEqualTo(a.city));
        assertThat(stored(Member.class)).hasSize(members.size());
        try (Session clean = Session.open(c -> c.client(raw.client()).namespace(session.config().namespace()))) {
            long stored = members.stream().mapToLong(m -> Member.find.using(clean).byId(m.id()).friends.count()).sum();
            assertThat(stored).as("every link once").isEqualTo(links.size());
        }

        FaultStats stats = faults.stats();
        assertThat(stats.injected()).isGreaterThan(OPERATIONS / 4);
        System.out.println("soak: " + OPERATIONS + " operations, " + stats.total() + " calls, " + stats.injected()
                + " faults " + stats.faults() + "; outcomes " + new java.util.TreeMap<>(outcomes) + "; " + live.size()
                + " addresses, " + members.size() + " members, " + links.size() + " links stored as reported");
    }

    @Test
    void anIncrementIsAppliedOnceUnlessItsAnswerIsLostWhichTheCallerIsTold() {
        FaultyClient counting = FaultyClient.wrap(raw.client()).seed(99).rate(0.3).only("UpdateItem").build();
        try (Session s = Session.open(c -> c.client(counting.client()).autoCreateTables(true)
                .namespace(raw.config().namespace() + "_inc"))) {
            Player p = Player.find.using(s).create(x -> x.name = "counter");
            int reported = 0;
            int unknown = 0;
            for (int i = 0; i < 200; i++) {
                try {
                    p.increment("credits");
                    reported++;
                } catch (TransientFailureException e) {
                    if (e.mayHaveBeenApplied()) {
                        unknown++;   // the guarantees: do not repeat an add whose outcome is unknown
                    }
                }
            }
            FaultStats stats = counting.stats();
            long retried = stats.injected(Fault.LOST_RESPONSE_RETRIED);
            long applied = stats.injected(Fault.SERVER_ERROR_AFTER) + stats.injected(Fault.TIMEOUT_AFTER);
            long credits = Player.find.using(s).byId(p.id()).credits;
            long noAnswer = applied + stats.injected(Fault.SERVER_ERROR_BEFORE) + stats.injected(Fault.TIMEOUT_BEFORE);
            assertThat(unknown).as("a 500 or a timeout may have been applied; the caller cannot tell which").isEqualTo(noAnswer);
            assertThat(credits).as("each reported add once, each lost-and-retried answer twice, each failure after"
                    + " being applied once").isEqualTo(reported + retried + applied);
            System.out.println("increments: 200 calls, " + reported + " reported applied, " + unknown
                    + " reported may-have-been-applied, " + retried + " lost and retried by the SDK; stored " + credits);
            s.tables().dropAll();
        }
    }

    private static Address pick(Random random, Map<String, Address> live) {
        List<String> ids = new ArrayList<>(live.keySet());
        ids.sort(null);
        return live.get(ids.get(random.nextInt(ids.size())));
    }
}
