package dev.dynarecord.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Dynarecord;
import dev.dynarecord.Finder;
import dev.dynarecord.HasMany;
import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.Default;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.HashKey;
import dev.dynarecord.annotation.RangeKey;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.config.Config;
import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.it.fixtures.Money;
import dev.dynarecord.it.fixtures.MoneyCentsConverter;
import dev.dynarecord.it.fixtures.MoneyConverter;
import dev.dynarecord.lifecycle.Change;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.AttributeType;
import dev.dynarecord.types.Converters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converters registered per session ({@code Config.builder().converter(...)}): two sessions open at
 * once store the same Java type in two formats, each reading its own, in fields, sets, lists, keys,
 * queries, atomic updates, dirty tracking and associations; and the rules of which converter wins.
 */
@DynarecordTest
class SessionConvertersTest {

    /** Money as the range key, in a field, a set and a list; and a default, which needs no converter. */
    @Table(name = "ledger")
    public static class Entry extends Model<Entry> {
        public static final Finder<Entry> find = finder(Entry.class);
        @HashKey public String account;
        @RangeKey public Money amount;
        @Field public Money fee;
        @Field public Set<Money> refunds;
        @Field public List<Money> history;
        @Field @Default("open") public String status;
    }

    /** A till keyed by the money in it; its sales keep that key in a foreign key, with an index over it. */
    @Table(name = "tills")
    public static class Till extends Model<Till> {
        public static final Finder<Till> find = finder(Till.class);
        @HashKey public Money cash;
        @Field public String name;
        public final HasMany<Sale> sales = hasMany(Sale.class);
    }

    @Table(name = "sales")
    public static class Sale extends Model<Sale> {
        public static final Finder<Sale> find = finder(Sale.class);
        @Field public String item;
        public final BelongsTo<Till> till = belongsTo(Till.class);
    }

    private static Session strings;
    private static Session numbers;

    @BeforeAll
    static void open() {
        strings = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_conv_s").converter(Money.class, new MoneyConverter()));
        numbers = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_conv_n").converter(Money.class, new MoneyCentsConverter()));
    }

    @AfterAll
    static void close() {
        for (Session s : new Session[] {strings, numbers}) {
            try {
                s.tables().dropAll();
            } finally {
                s.close();
            }
        }
    }

    private static Money eur(long cents) {
        return new Money(cents, "EUR");
    }

    private static Entry entry(Session session, String account, long cents) {
        Entry e = new Entry().using(session);
        e.account = account;
        e.amount = eur(cents);
        e.fee = eur(50);
        e.refunds = Set.of(eur(100), eur(200));
        e.history = List.of(eur(1), eur(2));
        e.saveOrThrow();
        return e;
    }

    private static Map<String, AttributeValue> raw(Session session, Class<? extends Model<?>> model, Map<String, AttributeValue> key) {
        return Raw.item(session, session.tableName(model), key);
    }

    private static Map<String, String> keyTypes(Session session, Class<? extends Model<?>> model) {
        List<AttributeDefinition> definitions = session.client().describeTable(r -> r.tableName(session.tableName(model)))
                .table().attributeDefinitions();
        Map<String, String> types = new java.util.TreeMap<>();
        definitions.forEach(d -> types.put(d.attributeName(), d.attributeTypeAsString()));
        return types;
    }

    @Test
    void twoSessionsStoreTheSameTypeEachInItsOwnFormat() {
        entry(strings, "a", 1234);
        entry(numbers, "a", 1234);

        Map<String, AttributeValue> s = raw(strings, Entry.class, Map.of("account", AttributeValue.fromS("a"),
                "amount", AttributeValue.fromS("1234 EUR")));
        assertThat(s.get("fee").s()).isEqualTo("50 EUR");
        assertThat(s.get("refunds").ss()).containsExactlyInAnyOrder("100 EUR", "200 EUR");
        assertThat(s.get("history").l()).extracting(AttributeValue::s).containsExactly("1 EUR", "2 EUR");
        assertThat(s.get("status").s()).isEqualTo("open");

        Map<String, AttributeValue> n = raw(numbers, Entry.class, Map.of("account", AttributeValue.fromS("a"),
                "amount", AttributeValue.fromN("1234")));
        assertThat(n.get("fee").n()).isEqualTo("50");
        assertThat(n.get("refunds").ns()).containsExactlyInAnyOrder("100", "200");
        assertThat(n.get("history").l()).extracting(AttributeValue::n).containsExactly("1", "2");

        // Each table was created with its session's key type.
        assertThat(keyTypes(strings, Entry.class)).containsEntry("amount", "S");
        assertThat(keyTypes(numbers, Entry.class)).containsEntry("amount", "N");

        for (Session session : new Session[] {strings, numbers}) {
            Entry loaded = Entry.find.using(session).byId("a", eur(1234));
            assertThat(loaded.fee).isEqualTo(eur(50));
            assertThat(loaded.refunds).containsExactlyInAnyOrder(eur(100), eur(200));
            assertThat(loaded.history).containsExactly(eur(1), eur(2));
            assertThat(Entry.find.using(session).exists("a", eur(1234))).isTrue();
        }
    }

    @Test
    void queriesConvertTheirValuesWithTheSessionsConverter() {
        for (Session session : new Session[] {strings, numbers}) {
            entry(session, "q", 900);
            entry(session, "q", 1234);
        }
        // As numbers 900 < 1000; as text "900 EUR" sorts after "1000 EUR".
        assertThat(Entry.find.using(numbers).where("account").eq("q").where("amount").gt(eur(1000)).all())
                .extracting(e -> e.amount).containsExactly(eur(1234));
        assertThat(Entry.find.using(strings).where("account").eq("q").where("amount").gt(eur(1000)).all())
                .extracting(e -> e.amount).containsExactly(eur(1234), eur(900));
        // A set element, converted on its own.
        for (Session session : new Session[] {strings, numbers}) {
            assertThat(Entry.find.using(session).where("account").eq("q").where("refunds").contains(eur(200)).all()).hasSize(2);
            assertThat(Entry.find.using(session).where("account").eq("q").where("fee").eq(eur(51)).all()).isEmpty();
        }
    }

    @Test
    void writesOfLoadedRecordsAndAtomicUpdatesUseTheSessionsConverter() {
        for (Session session : new Session[] {strings, numbers}) {
            entry(session, "w", 10);
            Entry loaded = Entry.find.using(session).byId("w", eur(10));
            loaded.fee = eur(60);
            assertThat(loaded.changes()).containsOnlyKeys("fee");
            assertThat(loaded.changes().get("fee")).isEqualTo(new Change(eur(50), eur(60)));
            assertThat(loaded.attributeWas("fee")).isEqualTo(eur(50));
            loaded.saveOrThrow();
            assertThat(loaded.previousChanges().get("fee")).isEqualTo(new Change(eur(50), eur(60)));
            Entry updated = Entry.find.using(session).update("w", eur(10), u -> u.set("fee", eur(70)).addToSet("refunds", eur(300)));
            assertThat(updated.fee).isEqualTo(eur(70));
            loaded.reload();
            assertThat(loaded.refunds).containsExactlyInAnyOrder(eur(100), eur(200), eur(300));
            loaded.fee = eur(80);
            loaded.restoreAttributes();
            assertThat(loaded.fee).isEqualTo(eur(70));
        }
        assertThat(raw(strings, Entry.class, Map.of("account", AttributeValue.fromS("w"), "amount", AttributeValue.fromS("10 EUR")))
                .get("fee").s()).isEqualTo("70 EUR");
        assertThat(raw(numbers, Entry.class, Map.of("account", AttributeValue.fromS("w"), "amount", AttributeValue.fromN("10")))
                .get("refunds").ns()).containsExactlyInAnyOrder("100", "200", "300");
        Entry.find.using(numbers).delete("w", eur(10));
        assertThat(Entry.find.using(numbers).exists("w", eur(10))).isFalse();
        assertThat(Entry.find.using(strings).exists("w", eur(10))).isTrue();
    }

    @Test
    void associationsReadTheirTargetWithTheOwnersSession() {
        for (Session session : new Session[] {strings, numbers}) {
            Till till = Till.find.using(session).create(t -> {
                t.cash = eur(500);
                t.name = "front";
            });
            till.sales.create(s -> s.item = "tea");
            Till loaded = Till.find.using(session).byId(eur(500));
            assertThat(loaded.sales.all()).extracting(s -> s.item).containsExactly("tea");
            Sale sale = loaded.sales.all().get(0);
            assertThat(Sale.find.using(session).byId(sale.id()).till.get().name).isEqualTo("front");
            assertThat(Sale.find.using(session).allowScan().includes("till").all())
                    .extracting(s -> s.till.get().name).containsExactly("front");
        }
        Sale inStrings = Till.find.using(strings).byId(eur(500)).sales.all().get(0);
        Sale inNumbers = Till.find.using(numbers).byId(eur(500)).sales.all().get(0);
        assertThat(raw(strings, Sale.class, Map.of("id", AttributeValue.fromS((String) inStrings.id()))).get("tillId").s())
                .isEqualTo("500 EUR");
        assertThat(raw(numbers, Sale.class, Map.of("id", AttributeValue.fromS((String) inNumbers.id()))).get("tillId").n())
                .isEqualTo("500");
        assertThat(keyTypes(strings, Sale.class)).containsEntry("tillId", "S");
        assertThat(keyTypes(numbers, Sale.class)).containsEntry("tillId", "N");
    }

    @Test
    void aSessionOpenedAfterAnotherUsedTheModelUsesItsOwnConverter() {
        entry(strings, "late", 5);
        Session later = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_conv_late")
                .converter(Money.class, new MoneyCentsConverter()));
        try {
            entry(later, "late", 5);
            assertThat(raw(later, Entry.class, Map.of("account", AttributeValue.fromS("late"), "amount", AttributeValue.fromN("5")))
                    .get("fee").n()).isEqualTo("50");
            assertThat(Entry.find.using(later).byId("late", eur(5)).fee).isEqualTo(eur(50));
            entry(strings, "late", 6);
            assertThat(raw(strings, Entry.class, Map.of("account", AttributeValue.fromS("late"), "amount", AttributeValue.fromS("6 EUR")))
                    .get("fee").s()).isEqualTo("50 EUR");
        } finally {
            later.tables().dropAll();
            later.close();
        }
    }

    @Test
    void theDefaultFinderUsesTheDefaultSessionsConverters() {
        Session previous = Dynarecord.setDefault(numbers);
        try {
            Entry e = new Entry();
            e.account = "d";
            e.amount = eur(900);
            e.saveOrThrow();
            assertThat(e.session()).isSameAs(numbers);
            assertThat(raw(numbers, Entry.class, Map.of("account", AttributeValue.fromS("d"), "amount", AttributeValue.fromN("900"))))
                    .isNotEmpty();
            assertThat(Entry.find.where("account").eq("d").where("amount").lt(eur(1000)).all()).hasSize(1);
            assertThat(Entry.find.byId("d", eur(900)).status).isEqualTo("open");
        } finally {
            Dynarecord.setDefault(previous);
        }
    }

    // ---- A model needs no converter until a session converts its values ----

    /**
     * A value with no converter of its own: not a record and without a no-arg constructor, so not an
     * embedded document either.
     */
    abstract static class Value<V> {
        private final V value;

        Value(V value) {
            this.value = value;
        }

        V value() {
            return value;
        }

        @Override
        public boolean equals(Object o) {
            return o != null && o.getClass() == getClass() && ((Value<?>) o).value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "[" + value + "]";
        }
    }

    static final class Label extends Value<String> {
        Label(String text) {
            super(text);
        }

        String text() {
            return value();
        }
    }

    static final class LabelConverter implements AttributeConverter<Label> {
        @Override
        public AttributeType attributeType() {
            return AttributeType.S;
        }

        @Override
        public AttributeValue toAttributeValue(Label value) {
            return AttributeValue.fromS("label:" + value.text());
        }

        @Override
        public Label fromAttributeValue(AttributeValue value) {
            return new Label(value.s().substring("label:".length()));
        }
    }

    public static class Tagged extends Model<Tagged> {
        public static final Finder<Tagged> find = finder(Tagged.class);
        @Field public Label label;
        @Field @Default("7") public int rank;
    }

    @Test
    void aModelIsBuiltAndComparedWithoutAConverterAndSavedBySessionsThatHaveOne() {
        Tagged t = new Tagged(); // no converter for Label anywhere: defaults, keys and equals need none
        assertThat(t.rank).isEqualTo(7);
        t.label = new Label("x");
        assertThat(t).isEqualTo(t).hasSameHashCodeAs(t);
        assertThat(t.toString()).contains("label=Label[x]");
        assertThat(t.readAttribute("rank")).isEqualTo(7);

        assertThatThrownBy(t::saveOrThrow)
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("Tagged.label")
                .hasMessageContaining("Config.builder().converter(Label.class, converter)")
                .hasMessageContaining("Converters.register(Label.class, converter)")
                .hasMessageContaining("@Field(serialized = true)");

        Session labels = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_conv_labels")
                .converter(Label.class, new LabelConverter()));
        try {
            t.using(labels).saveOrThrow();
            assertThat(raw(labels, Tagged.class, Map.of("id", AttributeValue.fromS((String) t.id()))).get("label").s())
                    .isEqualTo("label:x");
            Tagged loaded = Tagged.find.using(labels).byId(t.id());
            assertThat(loaded.label).isEqualTo(new Label("x"));
            assertThat(loaded.rank).isEqualTo(7);
            assertThat(loaded).isEqualTo(t);
        } finally {
            labels.tables().dropAll();
            labels.close();
        }
    }

    // ---- Which converter wins ----

    record Code(String value) {
    }

    /** What {@code Converters.register} makes every session use. */
    static final class UpperCode implements AttributeConverter<Code> {
        @Override
        public AttributeType attributeType() {
            return AttributeType.S;
        }

        @Override
        public AttributeValue toAttributeValue(Code value) {
            return AttributeValue.fromS(value.value().toUpperCase(java.util.Locale.ROOT));
        }

        @Override
        public Code fromAttributeValue(AttributeValue value) {
            return new Code(value.s());
        }
    }

    /** What one session's configuration registers. */
    static final class LowerCode implements AttributeConverter<Code> {
        @Override
        public AttributeType attributeType() {
            return AttributeType.S;
        }

        @Override
        public AttributeValue toAttributeValue(Code value) {
            return AttributeValue.fromS(value.value().toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public Code fromAttributeValue(AttributeValue value) {
            return new Code(value.s());
        }
    }

    /** What one field declares. */
    static final class ReversedCode implements AttributeConverter<Code> {
        @Override
        public AttributeType attributeType() {
            return AttributeType.S;
        }

        @Override
        public AttributeValue toAttributeValue(Code value) {
            return AttributeValue.fromS(new StringBuilder(value.value()).reverse().toString());
        }

        @Override
        public Code fromAttributeValue(AttributeValue value) {
            return new Code(new StringBuilder(value.s()).reverse().toString());
        }
    }

    public static class Coded extends Model<Coded> {
        public static final Finder<Coded> find = finder(Coded.class);
        @Field public Code plain;
        @Field public List<Code> codes;
        @Field(converter = ReversedCode.class) public Code own;
        @Field(serialized = true) public Code json;
    }

    @Test
    void aFieldsOwnConverterWinsThenTheSessionsThenTheGlobalOne(Session defaultSession) {
        Converters.register(Code.class, new UpperCode());
        Session lower = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_conv_lower").converter(Code.class, new LowerCode()));
        try {
            Coded inDefault = coded(defaultSession);
            Coded inLower = coded(lower);

            Map<String, AttributeValue> global = raw(defaultSession, Coded.class, Map.of("id", AttributeValue.fromS((String) inDefault.id())));
            assertThat(global.get("plain").s()).isEqualTo("AB");
            assertThat(global.get("codes").l()).extracting(AttributeValue::s).containsExactly("CD");
            assertThat(global.get("own").s()).isEqualTo("bA");
            assertThat(global.get("json").s()).isEqualTo("{\"value\":\"Ab\"}");

            Map<String, AttributeValue> session = raw(lower, Coded.class, Map.of("id", AttributeValue.fromS((String) inLower.id())));
            assertThat(session.get("plain").s()).isEqualTo("ab");
            assertThat(session.get("codes").l()).extracting(AttributeValue::s).containsExactly("cd");
            assertThat(session.get("own").s()).isEqualTo("bA");
            assertThat(session.get("json").s()).isEqualTo("{\"value\":\"Ab\"}");

            assertThat(Coded.find.using(lower).byId(inLower.id()).own).isEqualTo(new Code("Ab"));
            assertThat(Coded.find.using(lower).where("plain").eq(new Code("AB")).allowScan().all()).hasSize(1);
        } finally {
            lower.tables().dropAll();
            lower.close();
        }
    }

    private static Coded coded(Session session) {
        Coded c = new Coded().using(session);
        c.plain = new Code("Ab");
        c.codes = new ArrayList<>(List.of(new Code("Cd")));
        c.own = new Code("Ab");
        c.json = new Code("Ab");
        c.saveOrThrow();
        return c;
    }

    // ---- Registering globally after a model was used ----

    static final class Grade extends Value<Integer> {
        Grade(int points) {
            super(points);
        }

        int points() {
            return value();
        }
    }

    static final class GradeAsText implements AttributeConverter<Grade> {
        @Override
        public AttributeType attributeType() {
            return AttributeType.S;
        }

        @Override
        public AttributeValue toAttributeValue(Grade value) {
            return AttributeValue.fromS("grade " + value.points());
        }

        @Override
        public Grade fromAttributeValue(AttributeValue value) {
            return new Grade(Integer.parseInt(value.s().substring("grade ".length())));
        }
    }

    static final class GradeAsNumber implements AttributeConverter<Grade> {
        @Override
        public AttributeType attributeType() {
            return AttributeType.N;
        }

        @Override
        public AttributeValue toAttributeValue(Grade value) {
            return AttributeValue.fromN(Integer.toString(value.points()));
        }

        @Override
        public Grade fromAttributeValue(AttributeValue value) {
            return new Grade(Integer.parseInt(value.n()));
        }
    }

    public static class Graded extends Model<Graded> {
        public static final Finder<Graded> find = finder(Graded.class);
        @Field public Grade grade;
    }

    @Test
    void registeringGloballyAfterAModelWasUsedTakesEffect(Session session) {
        Graded first = new Graded();
        first.grade = new Grade(3);
        assertThatThrownBy(first::saveOrThrow).isInstanceOf(ModelDefinitionException.class).hasMessageContaining("Graded.grade");

        Converters.register(Grade.class, new GradeAsText());
        first.saveOrThrow();
        assertThat(raw(session, Graded.class, Map.of("id", AttributeValue.fromS((String) first.id()))).get("grade").s())
                .isEqualTo("grade 3");
        assertThat(Graded.find.byId(first.id()).grade).isEqualTo(new Grade(3));

        Converters.register(Grade.class, new GradeAsNumber());
        Graded second = Graded.find.create(g -> g.grade = new Grade(4));
        assertThat(raw(session, Graded.class, Map.of("id", AttributeValue.fromS((String) second.id()))).get("grade").n())
                .isEqualTo("4");
        assertThat(Graded.find.byId(second.id()).grade).isEqualTo(new Grade(4));
        first.grade = new Grade(5);
        first.saveOrThrow(); // a record loaded before writes in the new form too
        assertThat(raw(session, Graded.class, Map.of("id", AttributeValue.fromS((String) first.id()))).get("grade").n())
                .isEqualTo("5");

        // A session's own converter still wins over the re-registered global one.
        Session own = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_conv_grades").converter(Grade.class, new GradeAsText()));
        try {
            Graded mine = Graded.find.using(own).create(g -> g.grade = new Grade(6));
            assertThat(raw(own, Graded.class, Map.of("id", AttributeValue.fromS((String) mine.id()))).get("grade").s())
                    .isEqualTo("grade 6");
        } finally {
            own.tables().dropAll();
            own.close();
        }
    }

    // ---- Bad registrations ----

    /** Money as a list: no key, no set element. */
    static final class MoneyAsList implements AttributeConverter<Money> {
        @Override
        public AttributeType attributeType() {
            return AttributeType.L;
        }

        @Override
        public AttributeValue toAttributeValue(Money value) {
            return AttributeValue.fromL(List.of(AttributeValue.fromN(Long.toString(value.cents())), AttributeValue.fromS(value.currency())));
        }

        @Override
        public Money fromAttributeValue(AttributeValue value) {
            return new Money(Long.parseLong(value.l().get(0).n()), value.l().get(1).s());
        }
    }

    static final class NoType implements AttributeConverter<Money> {
        @Override
        public AttributeType attributeType() {
            return null;
        }

        @Override
        public AttributeValue toAttributeValue(Money value) {
            return AttributeValue.fromS(value.toString());
        }

        @Override
        public Money fromAttributeValue(AttributeValue value) {
            return null;
        }
    }

    static final class BrokenType implements AttributeConverter<Money> {
        @Override
        public AttributeType attributeType() {
            throw new UnsupportedOperationException("not decided yet");
        }

        @Override
        public AttributeValue toAttributeValue(Money value) {
            return AttributeValue.fromS(value.toString());
        }

        @Override
        public Money fromAttributeValue(AttributeValue value) {
            return null;
        }
    }

    @Test
    void nullDuplicateAndConflictingRegistrationsAreRefused() {
        assertThatThrownBy(() -> Config.builder().converter(null, new MoneyConverter()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("converter(null, ...)")
                .hasMessageContaining("name the Java class the converter stores");
        assertThatThrownBy(() -> Config.builder().converter(Money.class, null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("converter(Money.class, null)")
                .hasMessageContaining("pass the converter that stores dev.dynarecord.it.fixtures.Money values");

        assertThatThrownBy(() -> Config.builder().converter(Money.class, new MoneyConverter()).converter(Money.class, new MoneyCentsConverter()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("a converter for dev.dynarecord.it.fixtures.Money is registered already"
                        + " (dev.dynarecord.it.fixtures.MoneyConverter)")
                .hasMessageContaining("register one converter per type");
        Config base = Config.builder().adapter(Adapter.LOCAL).converter(Money.class, new MoneyConverter()).build();
        assertThatThrownBy(() -> base.toBuilder().converter(Money.class, new MoneyCentsConverter()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("registered already");

        MoneyConverter same = new MoneyConverter();
        Config twice = Config.builder().converter(Money.class, same).converter(Money.class, same).build();
        assertThat(twice.converters()).containsExactly(Map.entry(Money.class, same));
        assertThat(base.toBuilder().namespace("other").build().converters()).containsOnlyKeys(Money.class);
        assertThat(base.toString()).contains("converters={Money=MoneyConverter}");
    }

    record Unused() {
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void convertersThatCannotStoreTheTypeAreRefused() {
        assertThatThrownBy(() -> Config.builder().converter((Class) String.class, (AttributeConverter) new MoneyConverter()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("converter(String.class, ...)")
                .hasMessageContaining("dev.dynarecord.it.fixtures.MoneyConverter converts dev.dynarecord.it.fixtures.Money values")
                .hasMessageContaining("register it for Money.class");
        assertThatThrownBy(() -> Config.builder().converter(Money.class, new NoType()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("NoType.attributeType() returned null")
                .hasMessageContaining("return the DynamoDB type it stores");
        assertThatThrownBy(() -> Config.builder().converter(Money.class, new BrokenType()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("BrokenType.attributeType() threw")
                .hasMessageContaining("not decided yet");

        assertThatThrownBy(() -> Converters.register(null, new MoneyConverter()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Converters.register(null, ...)");
        assertThatThrownBy(() -> Converters.register(Money.class, null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Converters.register(Money.class, null)");
        // (Unused, not a type models store: a registration wrongly accepted here would change them.)
        assertThatThrownBy(() -> Converters.register((Class) Unused.class, (AttributeConverter) new MoneyCentsConverter()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cannot be registered for " + Unused.class.getName())
                .hasMessageContaining("register it for Money.class");
        assertThatThrownBy(() -> Converters.register(Money.class, new NoType()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("attributeType() returned null");
        assertThatThrownBy(() -> Converters.checkRegistration(null, null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs both the Java class and the converter");
    }

    @Test
    void aSessionsConverterThatCannotStoreAKeyOrASetElementIsRefusedAtFirstUse() {
        Session lists = Session.open(c -> c.adapter(Adapter.LOCAL).namespace("x_conv_lists").converter(Money.class, new MoneyAsList()));
        try {
            assertThatThrownBy(() -> Till.find.using(lists).byId(eur(1)))
                    .isInstanceOf(ModelDefinitionException.class)
                    .hasMessageContaining("Till")
                    .hasMessageContaining("key 'cash' is stored as L")
                    .hasMessageContaining("strings, numbers or binary");
            assertThatThrownBy(() -> Entry.find.using(lists).byId("a", eur(1)))
                    .isInstanceOf(ModelDefinitionException.class)
                    .hasMessageContaining("Entry.refunds")
                    .hasMessageContaining("DynamoDB sets hold only strings, numbers or binary")
                    .hasMessageContaining("use a List instead");
            // Other sessions are not affected: their schemas are their own.
            assertThat(Entry.find.using(numbers).byIdOptional("nobody", eur(1))).isEmpty();
            assertThat(lists.tables().list()).isEmpty();
        } finally {
            lists.close();
        }
    }
}
