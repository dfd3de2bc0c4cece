package dev.dynarecord.it.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Page;
import dev.dynarecord.Session;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Query.includes over 50 parents: belongs_to and habtm by BatchGetItem, has_many by Query, never a Scan. */
@DynarecordTest
class IncludesTest {

    private static Team team;
    private static final Set<Object> FRIENDS = new HashSet<>();

    @BeforeAll
    static void seed() {
        team = Team.find.create(t -> t.name = "T");
        List<Member> pool = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            int n = i;
            pool.add(Member.find.create(m -> m.name = "f" + n));
        }
        for (int i = 0; i < 50; i++) {
            int n = i;
            Member teacher = Member.find.create(m -> m.name = "teacher" + n);
            Member m = teacher.students.build(x -> { x.name = "m" + n; x.rank = n; });
            m.team.set(team);
            m.saveOrThrow();
            m.addresses.create(a -> a.city = "c" + n);
            m.addresses.create(a -> a.city = "d" + n);
            m.friends.add(pool.subList(3 * n, 3 * n + 3));
            pool.subList(3 * n, 3 * n + 3).forEach(f -> FRIENDS.add(f.id()));
        }
    }

    @Test
    void belongsToIsOneBatchGet(RequestRecorder recorder) {
        recorder.clear();
        List<Member> members = team.members.query().includes("teacher", "team").all();
        assertThat(members).hasSize(50);
        assertThat(recorder.count(BatchGetItemRequest.class)).isEqualTo(2);
        assertThat(recorder.count(ScanRequest.class)).isZero();
        recorder.clear();
        for (Member m : members) {
            assertThat(m.teacher.isLoaded()).isTrue();
            assertThat(m.teacher.get().name).isEqualTo("teacher" + m.name.substring(1));
            assertThat(m.team.get().name).isEqualTo("T");
        }
        assertThat(recorder.count()).isZero();
    }

    @Test
    void habtmIsBatchGetsOfTheDistinctRecords(RequestRecorder recorder) {
        recorder.clear();
        List<Member> members = team.members.query().includes("friends").all();
        assertThat(members).hasSize(50);
        assertThat(recorder.count(BatchGetItemRequest.class)).isLessThanOrEqualTo((FRIENDS.size() + 99) / 100);
        assertThat(recorder.count(ScanRequest.class)).isZero();
        recorder.clear();
        for (Member m : members) {
            int n = Integer.parseInt(m.name.substring(1));
            assertThat(m.friends.isLoaded()).isTrue();
            assertThat(m.friends.all()).extracting(f -> f.name)
                    .containsExactlyInAnyOrder("f" + 3 * n, "f" + (3 * n + 1), "f" + (3 * n + 2));
        }
        assertThat(recorder.count()).isZero();
    }

    @Test
    void hasManyIsOneQueryPerParent(Session session, RequestRecorder recorder) {
        recorder.clear();
        List<Member> members = team.members.query().includes("addresses", "role").all();
        assertThat(members).hasSize(50);
        assertThat(recorder.count(ScanRequest.class)).isZero();
        String addresses = session.tableName(Address.class);
        assertThat(recorder.requests(QueryRequest.class).stream().filter(q -> q.tableName().equals(addresses))).hasSize(50);
        recorder.clear();
        for (Member m : members) {
            int n = Integer.parseInt(m.name.substring(1));
            assertThat(m.addresses.isLoaded()).isTrue();
            assertThat(m.addresses.all()).extracting(a -> a.city).containsExactlyInAnyOrder("c" + n, "d" + n);
            assertThat(m.addresses.all()).allSatisfy(a -> assertThat(a.member.get()).isSameAs(m));
            assertThat(m.role.get()).isNull();
        }
        assertThat(recorder.count()).isZero();
    }

    @Test
    void anUnknownNameThrowsBeforeAnyRequest(RequestRecorder recorder) {
        recorder.clear();
        assertThatThrownBy(() -> team.members.query().includes("nope").all()).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> team.members.query().includes("name").all()).isInstanceOf(InvalidQueryException.class);
        assertThat(recorder.count()).isZero();
    }

    @Test
    void includesOnPageAndStream(RequestRecorder recorder) {
        recorder.clear();
        Page<Member> page = team.members.query().includes("teacher").page(20, null);
        assertThat(page.items()).hasSize(20);
        assertThat(page.nextCursor()).isPresent();
        assertThat(recorder.count(BatchGetItemRequest.class)).isEqualTo(1);
        recorder.clear();
        assertThat(page.items()).allSatisfy(m -> assertThat(m.teacher.isLoaded()).isTrue());
        assertThat(page.items().get(0).teacher.get()).isNotNull();
        Page<Member> next = team.members.query().includes("teacher").page(20, page.nextCursor().get());
        assertThat(next.items()).hasSize(20).allSatisfy(m -> assertThat(m.teacher.isLoaded()).isTrue());

        recorder.clear();
        List<Member> streamed = team.members.query().includes("teacher", "addresses").stream().toList();
        assertThat(streamed).hasSize(50).allSatisfy(m -> {
            assertThat(m.teacher.isLoaded()).isTrue();
            assertThat(m.addresses.isLoaded()).isTrue();
        });
        assertThat(recorder.count(BatchGetItemRequest.class)).isEqualTo(1);
        assertThat(recorder.count(ScanRequest.class)).isZero();
    }

    @Test
    void includesOnAScanOfAllParents(RequestRecorder recorder) {
        recorder.clear();
        List<Member> ranked = Member.find.where("rank.lt", 50).where("name.begins_with", "m").allowScan().includes("teacher").all();
        assertThat(ranked).hasSize(50);
        assertThat(recorder.count(BatchGetItemRequest.class)).isEqualTo(1);
        assertThat(ranked).allSatisfy(m -> assertThat(m.teacher.isLoaded()).isTrue());
    }
}
