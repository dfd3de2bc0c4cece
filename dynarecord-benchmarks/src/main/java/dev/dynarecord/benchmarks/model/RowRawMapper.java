package dev.dynarecord.benchmarks.model;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Hand-written mapping of {@link RowPojo}: the floor for the end-to-end benchmarks. */
public final class RowRawMapper {

    /** Hash key name. */
    public static final String PART = "part";
    /** Range key name. */
    public static final String N = "n";

    /** 7 entries without a resize. */
    private static final int CAPACITY = 10;

    private RowRawMapper() {
    }

    /**
     * @param p the pojo
     * @return its item
     */
    public static Map<String, AttributeValue> toItem(RowPojo p) {
        Map<String, AttributeValue> item = new HashMap<>(CAPACITY);
        item.put(PART, AttributeValue.createS(p.part));
        item.put(N, AttributeValue.createN(Integer.toString(p.n)));
        if (p.name != null) {
            item.put("name", AttributeValue.createS(p.name));
        }
        if (p.email != null) {
            item.put("email", AttributeValue.createS(p.email));
        }
        item.put("age", AttributeValue.createN(Integer.toString(p.age)));
        item.put("active", AttributeValue.createBool(p.active));
        item.put("score", AttributeValue.createN(RawValues.n(p.score)));
        return item;
    }

    /**
     * @param item the item
     * @return a new pojo
     */
    public static RowPojo fromItem(Map<String, AttributeValue> item) {
        RowPojo p = new RowPojo();
        p.part = RawValues.s(item.get(PART));
        p.n = RawValues.i(item.get(N));
        p.name = RawValues.s(item.get("name"));
        p.email = RawValues.s(item.get("email"));
        p.age = RawValues.i(item.get("age"));
        p.active = RawValues.bool(item.get("active"));
        p.score = RawValues.d(item.get("score"));
        return p;
    }

    /**
     * @param part the hash key
     * @param n the range key
     * @return the primary key
     */
    public static Map<String, AttributeValue> key(String part, int n) {
        Map<String, AttributeValue> key = new HashMap<>(4);
        key.put(PART, AttributeValue.createS(part));
        key.put(N, AttributeValue.createN(Integer.toString(n)));
        return key;
    }
}
