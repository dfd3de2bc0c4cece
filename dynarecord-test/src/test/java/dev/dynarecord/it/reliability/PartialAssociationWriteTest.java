package dev.dynarecord.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynarecord.Session;
import dev.dynarecord.exception.PartialWriteException;
import dev.dynarecord.exception.TransientFailureException;
import dev.dynarecord.it.FaultySessions;
import dev.dynarecord.it.association.Forum;
import dev.dynarecord.it.association.Member;
import dev.dynarecord.it.association.Topic;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.Fault;
import dev.dynarecord.test.FaultyClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An association change of many requests that fails part-way says how much was done; repeating it finishes it exactly. */
@DynarecordTest(global = false)
class PartialAssociationWriteTest {

    private Session raw;
    private FaultyClient faults;
    private Session session;

    @BeforeEach
    void open(Session raw) {
        this.raw = raw;
        faults = FaultyClient.wrap(raw.client()).seed(5).only("BatchWriteItem", "DeleteItem").build();
        session = FaultySessions.open(raw, faults, "part");
    }

    @AfterEach
    void close() {
        FaultySessions.close(session);
    }

    private int count(String table) {
        return FaultySessions.items(raw, table).size();
    }

    @Test
    void linkingManyRecordsSaysHowManyLinksWereMadeAndRepeatingCompletesIt() {
        Member owner = Member.find.using(session).create(m -> m.name = "owner");
        List<Member> friends = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int n = i;
            friends.add(Member.find.using(session).create(m -> m.name = "friend " + n));
        }
        // The first batch is partly processed, and the retry of the rest fails.
        faults.next(Fault.UNPROCESSED, Fault.SERVER_ERROR_BEFORE);
        PartialWriteException e = catchThrowableOfType(PartialWriteException.class, () -> owner.friends.add(friends));
        String joinTable = session.tables().list().stream().filter(t -> t.contains("friends")).findFirst().orElseThrow();
        assertThat(e).hasMessageContaining("of 30 writes were made").hasMessageContaining("Repeat the same call");
        assertThat(e.requested()).isEqualTo(30);
        assertThat(e.applied()).isBetween(1L, 24L).isEqualTo(count(joinTable));
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getCause()).isInstanceOf(TransientFailureException.class);

        owner.friends.add(friends);
        assertThat(count(joinTable)).isEqualTo(30);
        assertThat(Member.find.using(session).byId(owner.id()).friends.count()).isEqualTo(30);
    }

    @Test
    void aCascadeThatFailsPartWaySaysHowManyChildrenWentAndRepeatingFinishesIt() {
        Forum forum = Forum.find.using(session).create(f -> f.title = "f");
        for (int i = 0; i < 5; i++) {
            int n = i;
            forum.topics.create(t -> t.subject = "t" + n);
        }
        String topics = session.tableName(Topic.class);
        faults.next(Fault.NONE, Fault.NONE, Fault.TIMEOUT_BEFORE);
        assertThatThrownBy(forum::destroy).isInstanceOfSatisfying(PartialWriteException.class, e -> {
            assertThat(e.applied()).isEqualTo(2);
            assertThat(e.requested()).isEqualTo(-1);
        }).hasMessageContaining("2 children were destroyed").hasMessageContaining("The owner is kept");
        assertThat(count(topics)).isEqualTo(3);
        assertThat(Forum.find.using(session).exists(forum.id())).isTrue();

        assertThat(forum.destroy()).isTrue();
        assertThat(count(topics)).isZero();
        assertThat(Forum.find.using(session).exists(forum.id())).isFalse();
    }
}
