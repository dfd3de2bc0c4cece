package dev.dynarecord.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Finder;
import dev.dynarecord.Query;
import dev.dynarecord.Session;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import dev.dynarecord.it.query.OperatorModels.Item;
import dev.dynarecord.it.query.OperatorModels.Level;
import dev.dynarecord.it.query.OperatorModels.Reading;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Every operator on every supported type, against the embedded engine: each condition is run as a
 * Query (with an eq on the hash key) and as a Scan (without it), and both must return exactly the
 * expected records (by range key). The data is built by {@link OperatorModels#item(int)}.
 */
@DynarecordTest(global = false)
class OperatorMatrixTest {

    static final String G = OperatorModels.GROUP;
    static final Instant BASE = OperatorModels.BASE;

    private static Finder<Item> items;
    private static Finder<Reading> readings;
    private RequestRecorder recorder;

    @BeforeAll
    static void saveRecords(Session session) {
        items = session.find(Item.class);
        readings = session.find(Reading.class);
        for (int n = 1; n <= 12; n++) {
            OperatorModels.item(n).using(session).save();
        }
        for (String at : List.of("2026-10-31T23:59", "2026-11-01T00:00", "2026-11-15T12:00", "2026-12-01T00:00")) {
            Reading r = new Reading().using(session);
            r.sensor = "s1";
            r.at = at;
            r.value = at.substring(0, 7);
            r.save();
        }
    }

    @BeforeEach
    void recorder(RequestRecorder r) {
        this.recorder = r;
    }

    private record Case(String label, UnaryOperator<Query<Item>> where, List<Integer> expected) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static Arguments c(String label, UnaryOperator<Query<Item>> where, Integer... expected) {
        return Arguments.of(new Case(label, where, List.of(expected)));
    }

    private static Integer[] range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toArray(Integer[]::new);
    }

    private static Integer[] except(Integer... excluded) {
        List<Integer> ex = List.of(excluded);
        return IntStream.rangeClosed(1, 12).boxed().filter(i -> !ex.contains(i)).toArray(Integer[]::new);
    }

    static Stream<Arguments> cases() {
        Instant h2 = BASE.plus(2, ChronoUnit.HOURS);
        Instant h4 = BASE.plus(4, ChronoUnit.HOURS);
        Instant h6 = BASE.plus(6, ChronoUnit.HOURS);
        Map<String, Object> attrs1 = new LinkedHashMap<>();
        attrs1.put("k", "v1");
        attrs1.put("num", 1);
        return Stream.of(
                // String: title (11 and 12 have none)
                c("title eq", q -> q.where("title", "banana"), 3),
                c("title eq typed", q -> q.where("title").eq("banana"), 3),
                c("title.eq", q -> q.where("title.eq", "kiwi"), 9),
                c("title.ne", q -> q.where("title.ne", "banana"), except(3)),
                c("title ne typed", q -> q.where("title").ne("banana"), except(3)),
                c("title.gt", q -> q.where("title.gt", "grape"), 7, 8, 9, 10),
                c("title.gte", q -> q.where("title.gte", "grape"), 6, 7, 8, 9, 10),
                c("title.lt", q -> q.where("title.lt", "b"), 1, 2),
                c("title.lte", q -> q.where("title.lte", "banana"), 1, 2, 3),
                c("title.between", q -> q.where("title.between", List.of("b", "cz")), 3, 4, 5),
                c("title between typed", q -> q.where("title").between("b", "cz"), 3, 4, 5),
                c("title.begins_with", q -> q.where("title.begins_with", "ap"), 1, 2),
                c("title beginsWith typed", q -> q.where("title").beginsWith("grape"), 6, 8),
                c("title.in", q -> q.where("title.in", List.of("kiwi", "mango", "none")), 9, 10),
                c("title in typed", q -> q.where("title").in("kiwi", "mango"), 9, 10),
                c("title.contains substring", q -> q.where("title.contains", "apple"), 1, 7),
                c("title contains typed", q -> q.where("title").contains("rape"), 6, 8),
                c("title.not_contains", q -> q.where("title.not_contains", "an"), except(3, 10)),
                c("title notContains typed", q -> q.where("title").notContains("an"), except(3, 10)),
                c("title.exists", q -> q.where("title.exists", true), range(1, 10)),
                c("title.exists false", q -> q.where("title.exists", false), 11, 12),
                c("title.not_exists", q -> q.where("title.not_exists", true), 11, 12),
                c("title.null", q -> q.where("title.null", true), 11, 12),
                c("title.null false", q -> q.where("title.null", false), range(1, 10)),
                c("title.not_null false", q -> q.where("title.not_null", false), 11, 12),
                c("title.not_exists false", q -> q.where("title.not_exists", false), range(1, 10)),
                c("title.not_null", q -> q.where("title.not_null", true), range(1, 10)),
                c("title eq null", q -> q.where("title", null), 11, 12),
                c("title ne null", q -> q.where("title.ne", null), range(1, 10)),
                c("title exists typed", q -> q.where("title").exists(), range(1, 10)),
                c("title notExists typed", q -> q.where("title").notExists(), 11, 12),
                c("title isNull typed", q -> q.where("title").isNull(), 11, 12),
                c("title notNull typed", q -> q.where("title").notNull(), range(1, 10)),
                // int: rank = 10 n
                c("rank eq", q -> q.where("rank", 50), 5),
                c("rank.ne", q -> q.where("rank.ne", 50), except(5)),
                c("rank.gt", q -> q.where("rank.gt", 100), 11, 12),
                c("rank gt typed", q -> q.where("rank").gt(100), 11, 12),
                c("rank.gte", q -> q.where("rank.gte", 30), range(3, 12)),
                c("rank gte typed", q -> q.where("rank").gte(30), range(3, 12)),
                c("rank.lt", q -> q.where("rank.lt", 30), 1, 2),
                c("rank lt typed", q -> q.where("rank").lt(30), 1, 2),
                c("rank.lte", q -> q.where("rank.lte", 30), 1, 2, 3),
                c("rank lte typed", q -> q.where("rank").lte(30), 1, 2, 3),
                c("rank.between", q -> q.where("rank.between", List.of(40, 60)), 4, 5, 6),
                c("rank between array", q -> q.where("rank.between", new int[] {40, 60}), 4, 5, 6),
                c("rank.in", q -> q.where("rank.in", List.of(10, 120, 999)), 1, 12),
                c("rank gt and lt", q -> q.where("rank.gt", 20).where("rank").lt(50), 3, 4),
                c("rank.in set", q -> q.where("rank.in", Set.of(20, 30)), 2, 3),
                c("rank in typed", q -> q.where("rank").in(10, 120), 1, 12),
                // long: big = n for n <= 6, else 10^10 n; Integer values widen
                c("big.lte Integer", q -> q.where("big.lte", 4), 1, 2, 3, 4),
                c("big.gt Long", q -> q.where("big.gt", 50_000_000_000L), range(7, 12)),
                c("big eq Long", q -> q.where("big", 80_000_000_000L), 8),
                c("big.between mixed", q -> q.where("big.between", List.of(5, 70_000_000_000L)), 5, 6, 7),
                c("big.in Integer", q -> q.where("big.in", List.of(2, 3)), 2, 3),
                // double: ratio = n / 4
                c("ratio.gt Integer", q -> q.where("ratio.gt", 2), 9, 10, 11, 12),
                c("ratio eq", q -> q.where("ratio", 0.75), 3),
                c("ratio.between", q -> q.where("ratio.between", List.of(0.5, 1.25)), 2, 3, 4, 5),
                c("ratio.lt", q -> q.where("ratio.lt", 0.6), 1, 2),
                c("ratio.in", q -> q.where("ratio.in", List.of(3, 0.25)), 1, 12),
                // BigDecimal: price = n.50 unless n % 3 == 0
                c("price.gte Integer", q -> q.where("price.gte", 5), 5, 7, 8, 10, 11),
                c("price eq normalised", q -> q.where("price", new BigDecimal("4.500")), 4),
                c("price.lt", q -> q.where("price.lt", new BigDecimal("2.5")), 1),
                c("price.between", q -> q.where("price").between(2, 8), 2, 4, 5, 7),
                c("price.not_exists", q -> q.where("price.not_exists", true), 3, 6, 9, 12),
                c("price.ne", q -> q.where("price.ne", new BigDecimal("1.5")), except(1)),
                // boolean: active = even
                c("active eq true", q -> q.where("active", true), 2, 4, 6, 8, 10, 12),
                c("active eq false typed", q -> q.where("active").eq(false), 1, 3, 5, 7, 9, 11),
                c("active.ne", q -> q.where("active.ne", true), 1, 3, 5, 7, 9, 11),
                c("active.in", q -> q.where("active.in", List.of(true)), 2, 4, 6, 8, 10, 12),
                c("active.in both", q -> q.where("active").in(true, false), range(1, 12)),
                // Instant: at = BASE + n hours, none for 12
                c("at.gt Instant", q -> q.where("at.gt", h6), 7, 8, 9, 10, 11),
                c("at gte typed", q -> q.where("at").gte(h6), 6, 7, 8, 9, 10, 11),
                c("at.lt", q -> q.where("at.lt", h2), 1),
                c("at.lte", q -> q.where("at.lte", h2), 1, 2),
                c("at.between", q -> q.where("at.between", List.of(h2, h4)), 2, 3, 4),
                c("at eq", q -> q.where("at", h4), 4),
                c("at.in", q -> q.where("at.in", List.of(h2, h6)), 2, 6),
                c("at.not_exists", q -> q.where("at.null", true), 12),
                // LocalDate: day = 2026-10-25 + 5n days
                c("day.begins_with month", q -> q.where("day.begins_with", "2026-11"), 2, 3, 4, 5, 6, 7),
                c("day.between", q -> q.where("day.between", List.of(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 12, 4))),
                        3, 4, 5, 6, 7, 8),
                c("day.lt", q -> q.where("day.lt", LocalDate.of(2026, 11, 4)), 1),
                c("day eq", q -> q.where("day", LocalDate.of(2026, 12, 24)), 12),
                c("day.gte", q -> q.where("day.gte", LocalDate.of(2026, 12, 19)), 11, 12),
                // enum: level = values()[n % 3]
                c("level eq", q -> q.where("level", Level.LOW), 3, 6, 9, 12),
                c("level eq by name", q -> q.where("level", "LOW"), 3, 6, 9, 12),
                c("level.in", q -> q.where("level.in", List.of(Level.LOW, Level.HIGH)), except(1, 4, 7, 10)),
                c("level in typed", q -> q.where("level").in(Level.MID), 1, 4, 7, 10),
                c("level.ne", q -> q.where("level.ne", Level.MID), except(1, 4, 7, 10)),
                c("level.gt (stored names)", q -> q.where("level.gt", Level.LOW), 1, 4, 7, 10),
                // UUID: id = new UUID(0, n)
                c("id eq", q -> q.where("id", new UUID(0, 5)), 5),
                c("id.in", q -> q.where("id.in", List.of(new UUID(0, 1), new UUID(0, 11))), 1, 11),
                c("id.gte", q -> q.where("id.gte", new UUID(0, 10)), 10, 11, 12),
                c("id.begins_with", q -> q.where("id.begins_with", "00000000-0000-0000-0000-00000000000"), range(1, 12)),
                // byte[]: data = {n % 2, n}
                c("data eq", q -> q.where("data", new byte[] {1, 5}), 5),
                c("data.begins_with", q -> q.where("data.begins_with", new byte[] {1}), 1, 3, 5, 7, 9, 11),
                c("data.gt", q -> q.where("data.gt", new byte[] {1, 5}), 7, 9, 11),
                c("data.between", q -> q.where("data").between(new byte[] {0, 4}, new byte[] {0, 8}), 4, 6, 8),
                c("data.in", q -> q.where("data.in", List.of(new byte[] {0, 2}, new byte[] {1, 3})), 2, 3),
                // Set<String>: tags = {t(n%3), early|late}, none when n % 4 == 0
                c("tags.contains", q -> q.where("tags.contains", "late"), 7, 9, 10, 11),
                c("tags contains typed", q -> q.where("tags").contains("t0"), 3, 6, 9),
                c("tags.not_contains", q -> q.where("tags.not_contains", "late"), except(7, 9, 10, 11)),
                c("tags eq set", q -> q.where("tags", Set.of("early", "t1")), 1),
                c("tags.ne set", q -> q.where("tags.ne", Set.of("early", "t1")), except(1)),
                c("tags.exists", q -> q.where("tags.exists", true), except(4, 8, 12)),
                c("tags.not_exists", q -> q.where("tags").notExists(), 4, 8, 12),
                // Set<Integer>: scores = {n, 2n}
                c("scores.contains", q -> q.where("scores.contains", 4), 2, 4),
                c("scores contains typed", q -> q.where("scores").contains(6), 3, 6),
                c("scores.not_contains", q -> q.where("scores.not_contains", 4), except(2, 4)),
                c("scores eq set", q -> q.where("scores", Set.of(10, 5)), 5),
                // List<String>: notes = [note(n%5), common], empty when n % 3 == 0
                c("notes.contains", q -> q.where("notes.contains", "note0"), 5, 10),
                c("notes contains typed", q -> q.where("notes").contains("common"), 1, 2, 4, 5, 7, 8, 10, 11),
                c("notes.not_contains", q -> q.where("notes.not_contains", "common"), 3, 6, 9, 12),
                c("notes eq list", q -> q.where("notes", List.of("note2", "common")), 2, 7),
                c("notes eq empty", q -> q.where("notes", List.of()), 3, 6, 9, 12),
                c("notes.exists", q -> q.where("notes.exists", true), range(1, 12)),
                // Map<String, Object>: attrs only on 1 and 2
                c("attrs eq", q -> q.where("attrs", attrs1), 1),
                c("attrs.exists", q -> q.where("attrs.exists", true), 1, 2),
                c("attrs.not_exists", q -> q.where("attrs").notExists(), range(3, 12)),
                c("attrs.ne", q -> q.where("attrs.ne", attrs1), except(1)),
                // reserved words as field names: status, name, size
                c("status eq", q -> q.where("status", "open"), 2, 4, 6, 8, 10, 12),
                c("status.in", q -> q.where("status.in", List.of("closed")), 1, 3, 5, 7, 9, 11),
                c("name.begins_with", q -> q.where("name.begins_with", "n1"), 1, 10, 11, 12),
                c("name.gt", q -> q.where("name").gt("n5"), 6, 7, 8, 9),
                c("size.lte", q -> q.where("size.lte", 2), 1, 2),
                c("size.null", q -> q.where("size.null", true), 10, 11, 12),
                // combined: several filters, a reserved word twice
                c("status and rank", q -> q.where("status", "open").where("rank.gt", 60).where("status.ne", "x"), 8, 10, 12),
                c("between and contains", q -> q.where("rank").between(20, 90).where("tags.contains", "late"), 7, 9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void asQueryAndAsScan(Case c) {
        recorder.clear();
        assertThat(ns(c.where().apply(items.where("group", G)))).as(c.label() + " as a Query").isEqualTo(c.expected());
        assertThat(recorder.requests()).as("requests").isNotEmpty().allMatch(r -> r instanceof QueryRequest);
        for (QueryRequest q : recorder.requests(QueryRequest.class)) {
            assertPlaceholdersOnly(q.keyConditionExpression());
            assertPlaceholdersOnly(q.filterExpression());
            assertThat(q.filterExpression()).as("filter").isNotNull();
        }
        recorder.clear();
        assertThat(ns(c.where().apply(items.query()).allowScan())).as(c.label() + " as a Scan").isEqualTo(c.expected());
        assertThat(recorder.requests()).as("requests").isNotEmpty().allMatch(r -> r instanceof ScanRequest);
        for (ScanRequest s : recorder.requests(ScanRequest.class)) {
            assertPlaceholdersOnly(s.filterExpression());
        }
        // Select COUNT agrees, either way.
        assertThat(c.where().apply(items.where("group", G)).count()).as("count").isEqualTo(c.expected().size());
        assertThat(c.where().apply(items.query()).allowScan().count()).as("scan count").isEqualTo(c.expected().size());
        // The same query in another partition finds nothing: the key condition does select.
        assertThat(ns(c.where().apply(items.where("group", "elsewhere")))).isEmpty();
    }

    @Test
    void rangeKeyConditionsAreKeyConditions() {
        Map<String, UnaryOperator<Query<Item>>> ops = new LinkedHashMap<>();
        ops.put("n eq", q -> q.where("n", 5));
        ops.put("n.eq", q -> q.where("n.eq", 5));
        ops.put("n.lt", q -> q.where("n.lt", 3));
        ops.put("n.lte", q -> q.where("n").lte(3));
        ops.put("n.gt", q -> q.where("n.gt", 10));
        ops.put("n.gte", q -> q.where("n").gte(10));
        ops.put("n.between", q -> q.where("n.between", List.of(4, 6)));
        ops.put("n between typed", q -> q.where("n").between(4, 6));
        List<List<Integer>> expected = List.of(List.of(5), List.of(5), List.of(1, 2), List.of(1, 2, 3), List.of(11, 12),
                List.of(10, 11, 12), List.of(4, 5, 6), List.of(4, 5, 6));
        int i = 0;
        for (Map.Entry<String, UnaryOperator<Query<Item>>> e : ops.entrySet()) {
            recorder.clear();
            assertThat(ns(e.getValue().apply(items.where("group", G)))).as(e.getKey()).isEqualTo(expected.get(i));
            QueryRequest q = recorder.single(QueryRequest.class);
            assertThat(q.filterExpression()).as(e.getKey() + ": no filter").isNull();
            assertThat(q.keyConditionExpression()).as(e.getKey()).contains(" AND ");
            assertPlaceholdersOnly(q.keyConditionExpression());
            assertThat(q.expressionAttributeNames()).containsValues("group", "n");
            // Without the hash key, the same condition is a Scan filter.
            recorder.clear();
            assertThat(ns(e.getValue().apply(items.query()).allowScan())).as(e.getKey() + " scan").isEqualTo(expected.get(i));
            ScanRequest s = recorder.single(ScanRequest.class);
            assertPlaceholdersOnly(s.filterExpression());
            assertThat(s.expressionAttributeNames()).containsValue("n");
            i++;
        }
        assertThat(items.where("group", G).where("n").between(4, 6).explain().keyConditions()).hasSize(2);
    }

    @Test
    void beginsWithOnAStringRangeKeyIsAKeyCondition() {
        recorder.clear();
        List<String> november = readings.where("sensor", "s1").where("at.begins_with", "2026-11").stream()
                .map(r -> r.at).toList();
        assertThat(november).containsExactly("2026-11-01T00:00", "2026-11-15T12:00");
        QueryRequest q = recorder.single(QueryRequest.class);
        assertThat(q.keyConditionExpression()).matches("#n\\d = :v\\d AND begins_with\\(#n\\d, :v\\d\\)");
        assertThat(q.filterExpression()).isNull();
        assertThat(readings.where("sensor", "s1").where("at").beginsWith("2026-1").count()).isEqualTo(4);
        assertThat(readings.where("sensor", "s1").where("at.gt", "2026-11-01T00:00").stream().map(r -> r.at))
                .containsExactly("2026-11-15T12:00", "2026-12-01T00:00");
        assertThat(readings.where("sensor", "s2").where("at.begins_with", "2026").count()).isZero();
    }

    @Test
    void reservedWordsAndValuesNeverReachTheExpressionText() {
        recorder.clear();
        items.where("group", G).where("status", "open").where("name.begins_with", "n1").where("size.gte", 1)
                .where("title.contains", "an").all();
        QueryRequest q = recorder.single(QueryRequest.class);
        assertThat(q.expressionAttributeNames()).containsValues("group", "status", "name", "size", "title")
                .doesNotContainValue("rank");
        assertThat(q.expressionAttributeNames().values()).doesNotHaveDuplicates();
        assertThat(q.expressionAttributeValues().values()).extracting(v -> v.s())
                .contains(G, "open", "n1", "an");
        String all = q.keyConditionExpression() + " " + q.filterExpression();
        for (String user : List.of("status", "name", "size", "title", "open", G)) {
            assertThat(all).doesNotContain(user);
        }
        assertPlaceholdersOnly(q.keyConditionExpression());
        assertPlaceholdersOnly(q.filterExpression());
    }

    @Test
    void explainSaysQueryOrScan() {
        assertThat(items.where("group", G).where("rank.gt", 3).explain().isScan()).isFalse();
        assertThat(items.where("group", G).where("rank.gt", 3).explain().filters()).extracting(f -> f.field())
                .containsExactly("rank");
        assertThat(items.where("rank.gt", 3).explain().isScan()).isTrue();
        assertThat(items.where("n.gt", 3).explain().isScan()).isTrue();
    }

    private static final Pattern WORD = Pattern.compile("(?<![#:\\w])([A-Za-z_]\\w*)");
    private static final Set<String> SYNTAX = Set.of("AND", "OR", "NOT", "BETWEEN", "IN", "begins_with", "contains",
            "attribute_exists", "attribute_not_exists");

    /** Every name in the expression is a placeholder or expression syntax: no attribute names, no values. */
    static void assertPlaceholdersOnly(String expression) {
        if (expression == null) {
            return;
        }
        Matcher m = WORD.matcher(expression);
        while (m.find()) {
            assertThat(m.group(1)).as("bare word in expression '" + expression + "'").isIn(SYNTAX);
        }
        assertThat(expression).as(expression).matches("[#:\\w\\s(),<>=]+");
        assertThat(Arrays.stream(expression.split("[\\s(),<>=]+")).filter(t -> !t.isEmpty())
                .filter(t -> !SYNTAX.contains(t))).as(expression).allMatch(t -> t.matches("[#:][nv]\\d+"));
    }

    static List<Integer> ns(Query<Item> q) {
        return q.stream().map(i -> i.n).sorted().toList();
    }
}
