package dev.dynarecord.benchmarks.model;

import dev.dynarecord.ItemMapper;
import dev.dynarecord.Session;
import dev.dynarecord.benchmarks.stub.StubDynamoDbClient;
import dev.dynarecord.config.Adapter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Checks that the three flavours of each model do the same work: equal items from the fixtures
 * (same names, same types, same text), and items read back by each flavour that write the same
 * item again. A benchmark comparing different work is worthless, so every benchmark calls
 * {@link #verify()} in its trial setup and fails fast. Dynarecord maps through the public
 * {@link ItemMapper} of a session that sends nothing ({@link #mappingSession()}).
 */
public final class Equivalence {

    private Equivalence() {
    }

    /**
     * Runs every check.
     *
     * @throws IllegalStateException naming the first difference
     */
    public static void verify() {
        try (Session session = mappingSession()) {
            verify(session);
        }
    }

    /**
     * A session on a stub client (nothing is sent, no table is created): what mapping-only code maps
     * through. The caller closes it.
     *
     * @return the session
     */
    public static Session mappingSession() {
        return Session.open(c -> c.adapter(Adapter.AWS).client(new StubDynamoDbClient()).region("us-east-1")
                .autoCreateTables(false));
    }

    private static void verify(Session session) {
        TableSchema<SmallBean> smallSchema = TableSchema.fromBean(SmallBean.class);
        ItemMapper<SmallRecord> small = session.mapper(SmallRecord.class);
        check("small", 6, small.toItem(Fixtures.smallRecord()), smallSchema.itemToMap(Fixtures.smallBean(), true),
                SmallRawMapper.toItem(Fixtures.smallPojo()),
                item -> small.toItem(small.fromItem(item)),
                item -> smallSchema.itemToMap(smallSchema.mapToItem(item), true),
                item -> SmallRawMapper.toItem(SmallRawMapper.fromItem(item)));

        TableSchema<LargeBean> largeSchema = TableSchema.fromBean(LargeBean.class);
        ItemMapper<LargeRecord> large = session.mapper(LargeRecord.class);
        check("large", 40, large.toItem(Fixtures.largeRecord()), largeSchema.itemToMap(Fixtures.largeBean(), true),
                LargeRawMapper.toItem(Fixtures.largePojo()),
                item -> large.toItem(large.fromItem(item)),
                item -> largeSchema.itemToMap(largeSchema.mapToItem(item), true),
                item -> LargeRawMapper.toItem(LargeRawMapper.fromItem(item)));

        TableSchema<RowBean> rowSchema = TableSchema.fromBean(RowBean.class);
        ItemMapper<RowRecord> row = session.mapper(RowRecord.class);
        check("row", 7, row.toItem(Fixtures.rowRecord("p", 12)), rowSchema.itemToMap(Fixtures.rowBean("p", 12), true),
                RowRawMapper.toItem(Fixtures.rowPojo("p", 12)),
                item -> row.toItem(row.fromItem(item)),
                item -> rowSchema.itemToMap(rowSchema.mapToItem(item), true),
                item -> RowRawMapper.toItem(RowRawMapper.fromItem(item)));
    }

    /**
     * Fails unless two items are equal (sets compared without order).
     *
     * @param what the comparison, for the message
     * @param expected the expected item
     * @param actual the actual item
     * @throws IllegalStateException naming the differences
     */
    public static void sameItems(String what, Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
        same(what, normal(expected), normal(actual));
    }

    private static void check(String model, int attributes, Map<String, AttributeValue> dynarecord,
            Map<String, AttributeValue> enhanced, Map<String, AttributeValue> raw,
            Function<Map<String, AttributeValue>, Map<String, AttributeValue>> dynarecordRoundTrip,
            Function<Map<String, AttributeValue>, Map<String, AttributeValue>> enhancedRoundTrip,
            Function<Map<String, AttributeValue>, Map<String, AttributeValue>> rawRoundTrip) {
        Map<String, Object> expected = normal(raw);
        if (raw.size() != attributes) {
            throw new IllegalStateException(model + ": raw item has " + raw.size() + " attributes, expected " + attributes);
        }
        same(model + " toItem, Dynarecord vs raw", expected, normal(dynarecord));
        same(model + " toItem, Enhanced vs raw", expected, normal(enhanced));
        same(model + " fromItem+toItem, raw", expected, normal(rawRoundTrip.apply(raw)));
        same(model + " fromItem+toItem, Dynarecord", expected, normal(dynarecordRoundTrip.apply(raw)));
        same(model + " fromItem+toItem, Enhanced", expected, normal(enhancedRoundTrip.apply(raw)));
    }

    private static void same(String what, Map<String, Object> expected, Map<String, Object> actual) {
        if (expected.equals(actual)) {
            return;
        }
        StringBuilder diff = new StringBuilder(what).append(" differ:");
        for (String k : new java.util.TreeSet<>(union(expected, actual))) {
            Object e = expected.get(k);
            Object a = actual.get(k);
            if (e == null ? a != null : !e.equals(a)) {
                diff.append("\n  ").append(k).append(": expected ").append(e).append(", got ").append(a);
            }
        }
        throw new IllegalStateException(diff.toString());
    }

    private static List<String> union(Map<String, Object> a, Map<String, Object> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    /** A comparable form: type tag + exact text; sets sorted (DynamoDB sets have no order); maps sorted. */
    private static Map<String, Object> normal(Map<String, AttributeValue> item) {
        Map<String, Object> out = new TreeMap<>();
        item.forEach((k, v) -> out.put(k, normal(v)));
        return out;
    }

    private static Object normal(AttributeValue v) {
        switch (v.type()) {
            case S:
                return "S:" + v.s();
            case N:
                return "N:" + v.n();
            case BOOL:
                return "BOOL:" + v.bool();
            case B:
                return "B:" + Base64.getEncoder().encodeToString(v.b().asByteArray());
            case NUL:
                return "NULL";
            case SS:
                return "SS:" + sorted(v.ss());
            case NS:
                return "NS:" + sorted(v.ns());
            case BS:
                return "BS:" + v.bs().size();
            case L:
                List<Object> l = new ArrayList<>();
                v.l().forEach(e -> l.add(normal(e)));
                return l;
            case M:
                return normal(v.m());
            default:
                return "?" + v;
        }
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        copy.sort(null);
        return copy;
    }

    /**
     * Runs the checks from the command line.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        verify();
        System.out.println("Equivalence: small, large and row items are identical in all three flavours");
    }
}
