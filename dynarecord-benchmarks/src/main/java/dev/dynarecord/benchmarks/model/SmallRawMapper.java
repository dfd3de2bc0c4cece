package dev.dynarecord.benchmarks.model;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hand-written mapping of {@link SmallPojo}: the floor. {@code AttributeValue.createX} factories
 * (no builder per value), a presized map, no reflection, no lookups beyond one {@code get} per
 * attribute.
 */
public final class SmallRawMapper {

    /** Attribute names. */
    public static final String ID = "id";
    static final String NAME = "name";
    static final String EMAIL = "email";
    static final String AGE = "age";
    static final String ACTIVE = "active";
    static final String SCORE = "score";

    /** 6 entries without a resize at the default load factor. */
    private static final int CAPACITY = 9;

    private SmallRawMapper() {
    }

    /**
     * @param p the pojo
     * @return its item (null fields are absent, as in the other flavours)
     */
    public static Map<String, AttributeValue> toItem(SmallPojo p) {
        Map<String, AttributeValue> item = new HashMap<>(CAPACITY);
        item.put(ID, AttributeValue.createS(p.id));
        if (p.name != null) {
            item.put(NAME, AttributeValue.createS(p.name));
        }
        if (p.email != null) {
            item.put(EMAIL, AttributeValue.createS(p.email));
        }
        item.put(AGE, AttributeValue.createN(Integer.toString(p.age)));
        item.put(ACTIVE, AttributeValue.createBool(p.active));
        item.put(SCORE, AttributeValue.createN(RawValues.n(p.score)));
        return item;
    }

    /**
     * @param item the item
     * @return a new pojo
     */
    public static SmallPojo fromItem(Map<String, AttributeValue> item) {
        SmallPojo p = new SmallPojo();
        p.id = RawValues.s(item.get(ID));
        p.name = RawValues.s(item.get(NAME));
        p.email = RawValues.s(item.get(EMAIL));
        p.age = RawValues.i(item.get(AGE));
        p.active = RawValues.bool(item.get(ACTIVE));
        p.score = RawValues.d(item.get(SCORE));
        return p;
    }

    /**
     * @param id the hash key
     * @return the GetItem key
     */
    public static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, AttributeValue.createS(id));
    }
}
