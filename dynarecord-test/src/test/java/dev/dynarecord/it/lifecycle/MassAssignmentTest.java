package dev.dynarecord.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.Protected;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.ProtectedAttributeException;
import dev.dynarecord.exception.UnknownAttributeException;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Mass assignment from untyped maps (a parsed JSON body), and attributes by name, against the engine. */
@DynarecordTest
class MassAssignmentTest {

    enum Level { BRONZE, SILVER, GOLD }

    /** One field of each type a JSON body feeds, and a protected flag. */
    public static class Member extends Model<Member> {
        public static final Finder<Member> find = finder(Member.class);

        @Field public String name;
        @Field public int age;
        @Field public long visits;
        @Field public double score;
        @Field public BigDecimal balance;
        @Field public boolean active;
        @Field public Instant lastSeen;
        @Field public LocalDate birthday;
        @Field public Level level;
        @Field public UUID ref;
        @Field public Set<String> tags;
        @Field public List<Integer> scores;
        @Field public Map<String, Object> prefs;
        @Field(name = "nick_name") public String nickname;
        @Field @Protected public boolean admin;
    }

    /** A composite key of its own. */
    public static class Entry extends Model<Entry> {
        public static final Finder<Entry> find = finder(Entry.class);

        @HashKey public String stream;
        @RangeKey public long seq;
        @Field public String body;
    }

    private static final String BODY = """
            {"name": "Ada", "age": 36, "visits": 9007199254740993, "score": 2.5, "balance": "1234.56",
             "active": true, "lastSeen": "2026-11-21T09:30:00.123456789Z", "birthday": "1815-12-10",
             "level": "GOLD", "ref": "6f1c2b7e-3c4d-4e5f-8a9b-0c1d2e3f4a5b", "tags": ["math", "engines", "math"],
             "scores": [3, 1, 2], "prefs": {"theme": "dark", "size": 3, "langs": ["en", "fr"]}, "nick_name": "Countess"}
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) throws Exception {
        return new ObjectMapper().readValue(text, Map.class);
    }

    private static Member saved() {
        return Member.find.create(m -> { m.name = "Old"; m.age = 1; m.tags = Set.of("old"); m.birthday = LocalDate.of(2000, 1, 1); });
    }

    @Test
    void aJsonBodyAssignedAndSavedRoundTrips(RequestRecorder recorder) throws Exception {
        Member m = new Member().assign(json(BODY));
        assertThat(recorder.count()).isZero();
        m.saveOrThrow();

        Member back = Member.find.byId(m.id());
        assertThat(back.name).isEqualTo("Ada");
        assertThat(back.age).isEqualTo(36);
        assertThat(back.visits).isEqualTo(9007199254740993L);
        assertThat(back.score).isEqualTo(2.5);
        assertThat(back.balance).isEqualByComparingTo("1234.56");
        assertThat(back.active).isTrue();
        assertThat(back.lastSeen).isEqualTo(Instant.parse("2026-11-21T09:30:00.123456789Z"));
        assertThat(back.birthday).isEqualTo(LocalDate.of(1815, 12, 10));
        assertThat(back.level).isEqualTo(Level.GOLD);
        assertThat(back.ref).isEqualTo(UUID.fromString("6f1c2b7e-3c4d-4e5f-8a9b-0c1d2e3f4a5b"));
        assertThat(back.tags).containsExactlyInAnyOrder("math", "engines");
        assertThat(back.scores).containsExactly(3, 1, 2);
        assertThat(back.prefs).containsEntry("theme", "dark").containsEntry("langs", List.of("en", "fr"));
        assertThat((BigDecimal) back.prefs.get("size")).isEqualByComparingTo("3");
        assertThat(back.nickname).isEqualTo("Countess");
        assertThat(back.admin).isFalse();
    }

    @Test
    void anUnknownKeyAssignsNothingAndSendsNothing(RequestRecorder recorder) throws Exception {
        Member m = saved();
        Map<String, Object> before = m.toMap();
        recorder.clear();

        Map<String, Object> body = json(BODY);
        body.put("nmae", "typo");
        assertThatThrownBy(() -> m.update(body)).isInstanceOf(UnknownAttributeException.class)
                .hasMessageContaining("'nmae'").hasMessageContaining("nothing was assigned")
                .hasMessageContaining("name").hasMessageContaining("nickname (attribute nick_name)");

        assertThat(m.toMap()).isEqualTo(before);
        assertThat(m.name).isEqualTo("Old");
        assertThat(m.age).isEqualTo(1);
        assertThat(m.tags).containsExactly("old");
        assertThat(recorder.count()).isZero();
    }

    @Test
    void protectedKeysAreRefusedWithNoFieldChangedUnlessPermitted(RequestRecorder recorder) throws Exception {
        Member m = saved();
        Map<String, Object> before = m.toMap();
        recorder.clear();

        for (String key : List.of("admin", "id", "createdAt", "updatedAt", "lockVersion")) {
            Map<String, Object> body = json(BODY);
            body.put(key, key.equals("admin") ? Boolean.TRUE : key.equals("lockVersion") ? (Object) 7 : "2026-01-01T00:00:00Z");
            assertThatThrownBy(() -> m.assign(body)).as(key).isInstanceOf(ProtectedAttributeException.class)
                    .hasMessageContaining("'" + key + "'").hasMessageContaining("nothing was assigned");
            assertThat(m.toMap()).as(key).isEqualTo(before);
        }
        assertThatThrownBy(() -> m.assign(Map.of("admin", true, "name", "Eve"))).isInstanceOf(ProtectedAttributeException.class)
                .hasMessageContaining("'admin' (@Protected)").hasMessageContaining("assign(map, \"admin\")");
        assertThatThrownBy(() -> m.updateOrThrow(Map.of("admin", true))).isInstanceOf(ProtectedAttributeException.class);
        assertThat(recorder.count()).isZero();
        assertThat(m.admin).isFalse();

        m.assign(Map.of("admin", true, "name", "Root"), "admin").saveOrThrow();
        assertThat(Member.find.byId(m.id()).admin).isTrue();
        assertThat(Member.find.byId(m.id()).name).isEqualTo("Root");
    }

    @Test
    void keysOfACompositeKeyAreProtectedAndCanBePermittedOnCreate(RequestRecorder recorder) {
        assertThatThrownBy(() -> Entry.find.create(Map.of("stream", "s", "seq", 1, "body", "x")))
                .isInstanceOf(ProtectedAttributeException.class)
                .hasMessageContaining("'stream' (the hash key)").hasMessageContaining("'seq' (the range key)");
        assertThat(recorder.count()).isZero();

        Entry e = Entry.find.create(Map.of("stream", "s", "seq", "1", "body", "x"), "stream", "seq");
        assertThat(Entry.find.byId("s", 1L).body).isEqualTo("x");

        assertThatThrownBy(() -> e.assign(Map.of("seq", 2))).isInstanceOf(ProtectedAttributeException.class);
        assertThat(e.seq).isEqualTo(1L);
    }

    @Test
    void aLossyOrWrongTypedValueAssignsNothing(RequestRecorder recorder) throws Exception {
        Member m = saved();
        Map<String, Object> before = m.toMap();
        recorder.clear();

        Map<String, Object> fractional = json(BODY);
        fractional.put("age", 36.5);
        assertThatThrownBy(() -> m.update(fractional)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Member.age").hasMessageContaining("36.5").hasMessageContaining("int");

        Map<String, Object> badDate = json(BODY);
        badDate.put("birthday", "10/12/1815");
        assertThatThrownBy(() -> m.assign(badDate)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Member.birthday").hasMessageContaining("10/12/1815").hasMessageContaining("LocalDate");

        Map<String, Object> badEnum = json(BODY);
        badEnum.put("level", "PLATINUM");
        assertThatThrownBy(() -> m.assign(badEnum)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Member.level").hasMessageContaining("GOLD");

        Map<String, Object> fractionalString = json(BODY);
        fractionalString.put("visits", "12.5");
        assertThatThrownBy(() -> m.assign(fractionalString)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Member.visits");

        Map<String, Object> nullPrimitive = new HashMap<>(json(BODY));
        nullPrimitive.put("active", null);
        assertThatThrownBy(() -> m.assign(nullPrimitive)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Member.active").hasMessageContaining("cannot be null");

        Map<String, Object> badElement = json(BODY);
        badElement.put("scores", List.of(1, 2.5));
        assertThatThrownBy(() -> m.assign(badElement)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Member.scores");

        assertThat(m.toMap()).isEqualTo(before);
        assertThat(recorder.count()).isZero();
    }

    @Test
    void nullClearsAnObjectField() {
        Member m = saved();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tags", null);
        body.put("birthday", null);
        assertThat(m.update(body)).isTrue();
        Member back = Member.find.byId(m.id());
        assertThat(back.tags).isNull();
        assertThat(back.birthday).isNull();
        assertThat(back.name).isEqualTo("Old");
    }

    @Test
    void readAttributeAndWriteAttributeByFieldOrAttributeName() {
        Member m = new Member();
        m.writeAttribute("age", "41").writeAttribute("nick_name", "Ada").writeAttribute("birthday", "1815-12-10");
        assertThat(m.age).isEqualTo(41);
        assertThat(m.nickname).isEqualTo("Ada");
        assertThat(m.readAttribute("nickname")).isEqualTo("Ada");
        assertThat(m.readAttribute("nick_name")).isEqualTo("Ada");
        assertThat(m.readAttribute("age")).isEqualTo(41);
        assertThat(m.readAttribute("birthday")).isEqualTo(LocalDate.of(1815, 12, 10));
        assertThat(m.readAttribute("balance")).isNull();

        m.writeAttribute("admin", true);
        assertThat(m.admin).isTrue();

        assertThatThrownBy(() -> m.readAttribute("nope")).isInstanceOf(UnknownAttributeException.class)
                .hasMessageContaining("'nope'").hasMessageContaining("birthday");
        assertThatThrownBy(() -> m.writeAttribute("nope", 1)).isInstanceOf(UnknownAttributeException.class);
        assertThatThrownBy(() -> m.writeAttribute("age", 1.5)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("Member.age");
        assertThatThrownBy(() -> m.writeAttribute("age", null)).isInstanceOf(ConversionException.class)
                .hasMessageContaining("cannot be null");
        assertThat(m.age).isEqualTo(41);

        m.saveOrThrow();
        assertThat(m.readAttribute("id")).isEqualTo(m.id());
        assertThat(m.readAttribute("createdAt")).isEqualTo(m.createdAt());
    }

    @Test
    void toMapHoldsEveryAttributeInDeclarationOrderNullsIncluded() {
        Member m = saved();
        Map<String, Object> map = m.toMap();
        assertThat(map.keySet()).containsExactly("id", "name", "age", "visits", "score", "balance", "active", "lastSeen",
                "birthday", "level", "ref", "tags", "scores", "prefs", "nick_name", "admin", "createdAt", "updatedAt");
        assertThat(map).containsEntry("id", m.id()).containsEntry("name", "Old").containsEntry("age", 1)
                .containsEntry("visits", 0L).containsEntry("balance", null).containsEntry("admin", false)
                .containsEntry("createdAt", m.createdAt()).containsEntry("updatedAt", m.updatedAt());
        assertThatThrownBy(() -> map.put("name", "x")).isInstanceOf(UnsupportedOperationException.class);

        m.name = "New";
        assertThat(map).containsEntry("name", "Old");
    }

    @Test
    void createAndUpdateWithMapsSave(RequestRecorder recorder) throws Exception {
        Member created = Member.find.create(json(BODY));
        assertThat(recorder.count(PutItemRequest.class)).isEqualTo(1);
        assertThat(created.isPersisted()).isTrue();
        assertThat(Member.find.byId(created.id()).name).isEqualTo("Ada");

        Member built = Member.find.build(Map.of("name", "Built"));
        assertThat(built.isNewRecord()).isTrue();
        assertThat(built.name).isEqualTo("Built");

        recorder.clear();
        assertThat(created.update(Map.of("name", "Grace", "age", 85))).isTrue();
        created.updateOrThrow(Map.of("visits", 10));
        assertThat(recorder.count(UpdateItemRequest.class)).isEqualTo(2);
        Member back = Member.find.byId(created.id());
        assertThat(back.name).isEqualTo("Grace");
        assertThat(back.age).isEqualTo(85);
        assertThat(back.visits).isEqualTo(10L);

        Member admin = Member.find.create(Map.of("name", "Root", "admin", true), "admin");
        assertThat(Member.find.byId(admin.id()).admin).isTrue();
    }
}
