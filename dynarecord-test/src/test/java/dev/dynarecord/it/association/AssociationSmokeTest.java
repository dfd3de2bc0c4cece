package dev.dynarecord.it.association;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Session;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** One pass over every kind of association, as the seeds use them. */
@DynarecordTest
class AssociationSmokeTest {

    @Test
    void seeds(Session session, RequestRecorder recorder) {
        Member josh = Member.find.create(m -> m.name = "Josh");
        Address a = josh.addresses.create(x -> x.city = "Chicago");
        josh.addresses.create(x -> x.city = "Boston");
        assertThat(josh.addresses.all()).extracting(x -> x.city).containsExactlyInAnyOrder("Chicago", "Boston");
        assertThat(josh.addresses.where("city", "Chicago").all()).extracting(x -> x.city).containsExactly("Chicago");
        assertThat(a.member.get()).isSameAs(josh);
        Address loaded = Address.find.byId(a.id());
        assertThat(loaded.member.get().name).isEqualTo("Josh");

        Member ada = Member.find.create(m -> m.name = "Ada");
        josh.friends.add(ada);
        assertThat(ada.friendingUsers.all()).extracting(m -> m.name).containsExactly("Josh");
        assertThat(josh.friends.count()).isEqualTo(1);

        Member student = josh.students.create(m -> m.name = "Kid");
        assertThat(Member.find.byId(student.id()).teacher.get().name).isEqualTo("Josh");

        josh.role.create(r -> r.title = "admin");
        josh.role.create(r -> r.title = "owner");
        assertThat(Role.find.all()).extracting(r -> r.title).containsExactly("owner");

        Team t = Team.find.create(x -> x.name = "T");
        for (int i = 0; i < 50; i++) {
            int n = i;
            Member m = Member.find.build(x -> { x.name = "m" + n; x.rank = 3; });
            m.team.set(t);
            m.saveOrThrow();
        }
        recorder.clear();
        List<Member> ranked = Member.find.where("rank", 3).allowScan().includes("team", "addresses").all();
        assertThat(ranked).hasSize(50);
        assertThat(recorder.count(BatchGetItemRequest.class)).isEqualTo(1);
        recorder.clear();
        assertThat(ranked.get(0).team.get().name).isEqualTo("T");
        assertThat(recorder.count()).isZero();

        Forum f = Forum.find.create(x -> x.title = "F");
        Topic topic = f.topics.create(x -> x.subject = "S");
        topic.posts.create(x -> x.body = "P1");
        topic.posts.create(x -> x.body = "P2");
        assertThat(Topic.find.byId(f.id(), topic.id()).posts.all()).hasSize(2);
        recorder.clear();
        f.destroy();
        assertThat(recorder.count(ScanRequest.class)).isZero();
        assertThat(Topic.find.where("forumId", f.id()).count()).isZero();
        assertThat(Post.find.where("topicId", topic.posts.query().explain().toString()).allowScan().count()).isZero();

        josh.destroy();
        assertThat(Address.find.all()).isEmpty();
        assertThat(ada.friendingUsers.reload().all()).isEmpty();
    }
}
