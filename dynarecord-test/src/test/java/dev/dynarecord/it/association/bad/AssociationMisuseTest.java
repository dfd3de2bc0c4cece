package dev.dynarecord.it.association.bad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.HasAndBelongsToMany;
import dev.dynarecord.HasMany;
import dev.dynarecord.HasOne;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.exception.AssociationException;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.InvalidQueryException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.it.association.Address;
import dev.dynarecord.it.association.Forum;
import dev.dynarecord.it.association.Member;
import dev.dynarecord.it.association.Role;
import dev.dynarecord.it.association.Team;
import dev.dynarecord.it.association.Topic;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Misusing an association at runtime: each is a named exception saying what to do instead, thrown
 * before anything is written, so every stored item is as it was.
 */
@DynarecordTest
class AssociationMisuseTest {

    /** Composite-key children under an owner whose has_many declares no dependent (clear() nullifies). */
    public static class Rack extends Model<Rack> {
        public static final Finder<Rack> find = finder(Rack.class);
        @Field public String name;
        public final HasMany<Box> boxes = hasMany(Box.class);
    }

    @Table(key = "rackId", rangeKey = "id")
    public static class Box extends Model<Box> {
        public static final Finder<Box> find = finder(Box.class);
        @Field public String label;
        public final BelongsTo<Rack> rack = belongsTo(Rack.class).compositeKey();
    }

    private Session session;
    private RequestRecorder recorder;

    @BeforeEach
    void setUp(Session session, RequestRecorder recorder) {
        this.session = session;
        this.recorder = recorder;
    }

    /** Every item of every table of this test class, read around the recorded window. */
    private Map<String, Set<Map<String, AttributeValue>>> stored() {
        String prefix = session.config().namespace() + "_";
        Map<String, Set<Map<String, AttributeValue>>> out = new TreeMap<>();
        for (String table : session.client().listTablesPaginator(r -> { }).tableNames()) {
            if (table.startsWith(prefix)) {
                out.put(table, new HashSet<>(session.client().scan(ScanRequest.builder().tableName(table).consistentRead(true)
                        .build()).items()));
            }
        }
        return out;
    }

    private static boolean write(DynamoDbRequest r) {
        return r instanceof PutItemRequest || r instanceof UpdateItemRequest || r instanceof DeleteItemRequest
                || r instanceof BatchWriteItemRequest || r instanceof TransactWriteItemsRequest;
    }

    /**
     * Each mention is in the message; {@code "A|B"} accepts either. An association used before its
     * first resolution is named by its declaration ({@code Member.hasMany(Address)}), not its field
     * name, in some messages (Association.where()): those mentions accept both.
     */
    private static void assertMentions(String message, String... mentions) {
        for (String mention : mentions) {
            assertThat(message).containsAnyOf(mention.split("\\|"));
        }
    }

    /** The action fails with the type, its message mentioning each text; no write was sent and every item is unchanged. */
    private void rejected(Executable action, Class<? extends Throwable> type, String... mentions) {
        Map<String, Set<Map<String, AttributeValue>>> before = stored();
        recorder.clear();
        Throwable t = Assertions.assertThrows(type, action);
        assertMentions(t.getMessage(), mentions);
        assertThat(recorder.requests()).as("write requests").filteredOn(AssociationMisuseTest::write).isEmpty();
        assertThat(stored()).as("stored items").isEqualTo(before);
    }

    /** As {@link #rejected}, and no request at all was sent. */
    private void rejectedBeforeAnyRequest(Executable action, Class<? extends Throwable> type, String... mentions) {
        Map<String, Set<Map<String, AttributeValue>>> before = stored();
        recorder.clear();
        Throwable t = Assertions.assertThrows(type, action);
        assertMentions(t.getMessage(), mentions);
        assertThat(recorder.summary()).as("requests sent").isEmpty();
        assertThat(stored()).as("stored items").isEqualTo(before);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void recordsOfTheWrongClass() {
        Member josh = Member.find.create(m -> m.name = "Josh");
        Role role = Role.find.create(r -> r.title = "admin");
        Team team = Team.find.create(t -> t.name = "T");
        Address address = Address.find.create(a -> a.city = "Chicago");

        rejectedBeforeAnyRequest(() -> ((HasMany) josh.addresses).add(role), AssociationException.class,
                "Member.addresses.add(...)|Member.hasMany(Address).add(...)", "takes a Address", Role.class.getName(), "nothing was written");
        // one wrong record among right ones: none of them is linked
        rejectedBeforeAnyRequest(() -> ((HasMany) josh.addresses).add(address, role), AssociationException.class,
                "takes a Address");
        assertThat(address.member.id()).isNull();
        rejectedBeforeAnyRequest(() -> ((HasMany) josh.addresses).remove(role), AssociationException.class,
                "Member.addresses.remove(...)|Member.hasMany(Address).remove(...)", "takes a Address");
        rejectedBeforeAnyRequest(() -> ((HasMany) josh.addresses).destroy(team), AssociationException.class,
                "Member.addresses.destroy(...)|Member.hasMany(Address).destroy(...)", "takes a Address");
        rejectedBeforeAnyRequest(() -> ((BelongsTo) address.member).set(team), AssociationException.class,
                "Address.member.set(...)|Address.belongsTo(Member).set(...)", "takes a Member", Team.class.getName());
        rejectedBeforeAnyRequest(() -> ((HasOne) josh.role).set(address), AssociationException.class,
                "Member.role.set(...)|Member.hasOne(Role).set(...)", "takes a Role");
        rejectedBeforeAnyRequest(() -> ((HasAndBelongsToMany) josh.friends).add(team), AssociationException.class,
                "Member.friends.add(...)|Member.hasAndBelongsToMany(Member).add(...)", "takes a Member");
        rejectedBeforeAnyRequest(() -> ((HasAndBelongsToMany) josh.friends).remove(team), AssociationException.class,
                "Member.friends.remove(...)|Member.hasAndBelongsToMany(Member).remove(...)", "takes a Member");
        rejectedBeforeAnyRequest(() -> josh.addresses.add((Address) null), AssociationException.class, "add(null)",
                "pass a Address");

        assertThat(josh.addresses.reload().all()).isEmpty();
        assertThat(Address.find.byId(address.id()).member.id()).isNull();
    }

    @Test
    void unsavedOwner() {
        Address saved = Address.find.create(a -> a.city = "Boston");
        Member saved2 = Member.find.create(m -> m.name = "Ada");
        Member draft = Member.find.build(m -> m.name = "Draft");

        rejectedBeforeAnyRequest(() -> draft.addresses.create(a -> a.city = "X"), RecordNotSavedException.class,
                "Member (new, no key yet) is not saved", "Member.addresses.create|Member.hasMany(Address).create", "save it first");
        rejectedBeforeAnyRequest(() -> draft.addresses.add(saved), RecordNotSavedException.class, "Member.addresses.add|Member.hasMany(Address).add",
                "save it first");
        rejectedBeforeAnyRequest(() -> draft.role.create(r -> r.title = "x"), RecordNotSavedException.class,
                "Member.role.create|Member.hasOne(Role).create", "save it first");
        rejectedBeforeAnyRequest(() -> draft.friends.add(saved2), RecordNotSavedException.class, "Member.friends.add|Member.hasAndBelongsToMany(Member).add",
                "save it first");
        rejectedBeforeAnyRequest(() -> draft.friends.create(m -> m.name = "x"), RecordNotSavedException.class,
                "Member.friends.create|Member.hasAndBelongsToMany(Member).create", "save it first");
        rejectedBeforeAnyRequest(() -> draft.students.create(m -> m.name = "x"), RecordNotSavedException.class,
                "Member.students.create|Member.hasMany(Member).create");

        assertThat(draft.isNewRecord()).isTrue();
        assertThat(saved.member.id()).isNull();
        assertThat(Member.find.where("name", "x").allowScan().count()).isZero();
        assertThat(Role.find.where("title", "x").allowScan().count()).isZero();
    }

    @Test
    void habtmWithAnUnsavedRecord() {
        Member josh = Member.find.create(m -> m.name = "Josh");
        Member ada = Member.find.create(m -> m.name = "Ada");
        Member draft = Member.find.build(m -> m.name = "Draft");

        rejectedBeforeAnyRequest(() -> josh.friends.add(draft), RecordNotSavedException.class, "Member.friends.add|Member.hasAndBelongsToMany(Member).add",
                "Member (new, no key yet) is not saved");
        // one unsaved among saved ones: no link is written
        rejectedBeforeAnyRequest(() -> josh.friends.add(ada, draft), RecordNotSavedException.class,
                "Member.friends.add|Member.hasAndBelongsToMany(Member).add");
        assertThat(josh.friends.reload().all()).isEmpty();
        assertThat(ada.friendingUsers.all()).isEmpty();
        assertThat(draft.isNewRecord()).isTrue();
    }

    @Test
    void removingARecordThatIsNotAChild() {
        Member josh = Member.find.create(m -> m.name = "Josh");
        Member ada = Member.find.create(m -> m.name = "Ada");
        Address adas = ada.addresses.create(a -> a.city = "Paris");
        Address nobodys = Address.find.create(a -> a.city = "Nowhere");
        Address unsaved = Address.find.build(a -> a.city = "Draft");

        rejected(() -> josh.addresses.remove(adas), AssociationException.class, "Member.addresses.remove(...)",
                "is not one of Member.addresses's records", "memberId", String.valueOf(ada.id()), "nothing was written");
        rejected(() -> josh.addresses.remove(nobodys), AssociationException.class, "is not one of", "'null'");
        rejected(() -> josh.addresses.remove(unsaved), AssociationException.class, "is not one of");
        rejected(() -> josh.addresses.delete(adas), AssociationException.class, "Member.addresses.delete(...)",
                "is not one of");
        rejected(() -> josh.addresses.destroy(adas), AssociationException.class, "Member.addresses.destroy(...)",
                "is not one of");
    }

    @Test
    void compositeChildrenCannotBeDetached() {
        Rack rack = Rack.find.create(r -> r.name = "R");
        Box a = rack.boxes.create(b -> b.label = "a");
        rack.boxes.create(b -> b.label = "b");

        rejected(() -> rack.boxes.remove(a), AssociationException.class, "Rack.boxes.remove(...)", "composite-key",
                "cannot be detached", "destroy or delete them instead");
        rejected(() -> Rack.find.byId(rack.id()).boxes.clear(), AssociationException.class, "Rack.boxes.clear(...)",
                "cannot be detached");
        assertThat(Box.find.where("rackId", rack.id()).all()).extracting(b -> b.label).containsExactlyInAnyOrder("a", "b");
        assertThat(rack.boxes.reload().all()).hasSize(2);
    }

    @Test
    void compositeChildrenCannotMove() {
        Forum first = Forum.find.create(f -> f.title = "first");
        Forum second = Forum.find.create(f -> f.title = "second");
        Topic topic = first.topics.create(t -> t.subject = "S");
        Topic loaded = Topic.find.byId(first.id(), topic.id());

        rejected(() -> loaded.forum.set(second), InvalidKeyException.class, "Topic.forum", "composite key",
                "cannot change once saved", "build a new record under the new owner");
        rejected(() -> second.topics.add(loaded), InvalidKeyException.class, "Forum.topics.add(...)",
                "composite-key child of another Forum", "build a new record here");
        rejected(() -> loaded.forum.clear(), InvalidKeyException.class, "Topic.forum", "composite key",
                "cannot be removed", "destroy the record instead");
        rejected(() -> loaded.forum.set(null), InvalidKeyException.class, "cannot be removed");

        assertThat(loaded.forum.id()).isEqualTo(first.id());
        assertThat(loaded.forum.get().title).isEqualTo("first");
        assertThat(second.topics.reload().all()).isEmpty();
        assertThat(first.topics.reload().all()).extracting(t -> t.subject).containsExactly("S");
    }

    @Test
    void includesOfAnUnknownAssociation() {
        Member.find.create(m -> m.name = "Josh");
        rejectedBeforeAnyRequest(() -> Member.find.query().includes("nope"), InvalidQueryException.class,
                "Member has no association 'nope'", "[addresses, students, teacher, team, role, friends, friendingUsers]");
        rejectedBeforeAnyRequest(() -> Member.find.where("rank", 3).allowScan().includes("addresses", "nope").all(),
                InvalidQueryException.class, "'nope'");
        rejectedBeforeAnyRequest(() -> Member.find.where("rank", 3).includes("name"), InvalidQueryException.class,
                "no association 'name'");
    }
}
