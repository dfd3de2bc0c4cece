package dev.dynarecord.it.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Finder;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** has_and_belongs_to_many: links both ways through a join table, in-memory where, unsaved records, destroy, 5,000 links. */
@DynarecordTest(global = false)
class HasAndBelongsToManyTest {

    private final Finder<Member> members;
    private final Finder<Library> libraries;
    private final Finder<Tag> tagFinder;

    HasAndBelongsToManyTest(Finder<Member> members, Finder<Library> libraries, Finder<Tag> tagFinder) {
        this.members = members;
        this.libraries = libraries;
        this.tagFinder = tagFinder;
    }

    @AfterEach
    void noScan(RequestRecorder recorder) {
        assertThat(recorder.count(ScanRequest.class)).as("Scan requests").isZero();
    }

    Member member(String name, int rank) {
        return members.create(m -> { m.name = name; m.rank = rank; });
    }

    @Test
    void addRemoveAndReadBothWays(RequestRecorder recorder) {
        Member josh = member("Josh", 1);
        Member ada = member("Ada", 2);
        Member bob = member("Bob", 3);
        Member cy = member("Cy", 4);

        josh.friends.add(ada, bob);
        josh.friends.add(cy);
        josh.friends.add(ada);
        assertThat(josh.friends.all()).extracting(m -> m.name).containsExactlyInAnyOrder("Ada", "Bob", "Cy");
        assertThat(josh.friends.count()).isEqualTo(3);

        Member loaded = members.byId(josh.id());
        recorder.clear();
        assertThat(loaded.friends.count()).isEqualTo(3);
        assertThat(recorder.single(QueryRequest.class).select()).isEqualTo(Select.COUNT);
        assertThat(loaded.friends.exists()).isTrue();
        assertThat(loaded.friends.first()).map(m -> m.name).isPresent();
        assertThat(loaded.friends.isLoaded()).isFalse();
        assertThat(loaded.friends.all()).extracting(m -> m.name).containsExactlyInAnyOrder("Ada", "Bob", "Cy");
        assertThat(loaded.friends.where("rank.gte", 3)).extracting(m -> m.name).containsExactlyInAnyOrder("Bob", "Cy");
        assertThat(loaded.friends.where("name", "Ada")).extracting(m -> m.name).containsExactly("Ada");
        assertThat(loaded.friends.where("name.begins_with", "Z")).isEmpty();

        for (Member friend : List.of(ada, bob, cy)) {
            assertThat(members.byId(friend.id()).friendingUsers.all()).extracting(m -> m.name).containsExactly("Josh");
            assertThat(friend.friends.all()).isEmpty();
        }
        assertThat(josh.friendingUsers.all()).isEmpty();

        loaded.friends.remove(bob);
        assertThat(loaded.friends.all()).extracting(m -> m.name).containsExactlyInAnyOrder("Ada", "Cy");
        assertThat(members.byId(josh.id()).friends.all()).extracting(m -> m.name).containsExactlyInAnyOrder("Ada", "Cy");
        assertThat(members.byId(josh.id()).friends.count()).isEqualTo(2);
        assertThat(bob.friendingUsers.reload().all()).isEmpty();
        assertThat(members.byId(bob.id())).isNotNull();

        Member empty = members.byId(ada.id());
        assertThat(empty.friends.isEmpty()).isTrue();
        assertThat(empty.friends.first()).isEmpty();
        assertThat(empty.friends.count()).isZero();
    }

    @Test
    void addingAnUnsavedRecordThrowsAndWritesNothing(RequestRecorder recorder) {
        Member josh = member("Josh", 1);
        Member ada = member("Ada", 1);
        Member unsaved = members.build(m -> m.name = "New");
        recorder.clear();

        assertThatThrownBy(() -> josh.friends.add(ada, unsaved)).isInstanceOf(RecordNotSavedException.class);
        assertThatThrownBy(() -> unsaved.friends.add(ada)).isInstanceOf(RecordNotSavedException.class);
        assertThat(recorder.count(BatchWriteItemRequest.class)).isZero();
        assertThat(recorder.requests()).noneMatch(r -> r.getClass().getSimpleName().contains("Put"));
        assertThat(josh.friends.reload().count()).isZero();
        assertThat(ada.friendingUsers.all()).isEmpty();
    }

    @Test
    void destroyRemovesTheLinksInBothDirections() {
        Member josh = member("Josh", 1);
        Member ada = member("Ada", 1);
        Member bob = member("Bob", 1);
        josh.friends.add(ada);
        bob.friends.add(josh);
        ada.friends.add(bob);

        assertThat(members.byId(josh.id()).destroy()).isTrue();

        assertThat(ada.friendingUsers.reload().all()).isEmpty();
        assertThat(bob.friends.reload().all()).isEmpty();
        assertThat(bob.friends.count()).isZero();
        assertThat(ada.friends.reload().all()).extracting(m -> m.name).containsExactly("Bob");
        assertThat(members.byId(bob.id()).friendingUsers.all()).extracting(m -> m.name).containsExactly("Ada");
    }

    @Test
    void createAndClear() {
        Member josh = member("Josh", 1);
        Member made = josh.friends.create(m -> m.name = "Made");
        assertThat(made.isPersisted()).isTrue();
        assertThat(members.byId(made.id()).friendingUsers.all()).extracting(m -> m.name).containsExactly("Josh");
        josh.friends.add(member("Other", 1));
        assertThat(josh.friends.reload().count()).isEqualTo(2);

        josh.friends.clear();
        assertThat(josh.friends.all()).isEmpty();
        assertThat(members.byId(josh.id()).friends.count()).isZero();
        assertThat(members.byId(made.id())).isNotNull();
    }

    @Test
    void fiveThousandLinksSaveAndLoad(RequestRecorder recorder) {
        Library lib = libraries.create(l -> l.name = "Big");
        List<Tag> tags = new ArrayList<>(5000);
        for (int i = 0; i < 5000; i++) {
            int n = i;
            tags.add(tagFinder.create(t -> t.label = "t" + n));
        }
        recorder.clear();

        lib.tags.add(tags);

        assertThat(recorder.count(BatchWriteItemRequest.class)).isEqualTo(200);
        assertThat(recorder.requests(BatchWriteItemRequest.class))
                .allSatisfy(b -> assertThat(b.requestItems().values().iterator().next()).hasSize(25));
        assertThat(lib.tags.count()).isEqualTo(5000);

        recorder.clear();
        List<Tag> all = lib.tags.reload().all();
        assertThat(all).hasSize(5000);
        assertThat(all).extracting(t -> t.label).doesNotHaveDuplicates().contains("t0", "t4999");
        assertThat(recorder.count(BatchGetItemRequest.class)).isGreaterThanOrEqualTo(50);

        Library loaded = libraries.byId(lib.id());
        assertThat(loaded.tags.count()).isEqualTo(5000);
        assertThat(loaded.tags.where("label", "t1234")).hasSize(1);
        assertThat(libraries.byId(lib.id()).tags.all()).hasSize(5000);
    }
}
