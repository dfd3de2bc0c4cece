package dev.dynarecord.benchmarks.model;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hand-written mapping of {@link StampedPojo}, the floor, written as {@link SmallRawMapper} is: the
 * small model's attributes, the two timestamps in Dynarecord's fixed nine-digit ISO-8601 form, and
 * {@code lockVersion}.
 */
public final class StampedRawMapper {

    /** Attribute name of the hash key. */
    public static final String ID = "id";
    /** Attribute name of the creation time. */
    public static final String CREATED_AT = "createdAt";
    /** Attribute name of the update time. */
    public static final String UPDATED_AT = "updatedAt";
    static final String LOCK_VERSION = "lockVersion";

    /** 9 entries without a resize at the default load factor. */
    private static final int CAPACITY = 13;

    private StampedRawMapper() {
    }

    /**
     * @param p the pojo
     * @return its item (null fields are absent, as in the other flavours)
     */
    public static Map<String, AttributeValue> toItem(StampedPojo p) {
        Map<String, AttributeValue> item = new HashMap<>(CAPACITY);
        item.put(ID, AttributeValue.createS(p.id));
        if (p.name != null) {
            item.put(SmallRawMapper.NAME, AttributeValue.createS(p.name));
        }
        if (p.email != null) {
            item.put(SmallRawMapper.EMAIL, AttributeValue.createS(p.email));
        }
        item.put(SmallRawMapper.AGE, AttributeValue.createN(Integer.toString(p.age)));
        item.put(SmallRawMapper.ACTIVE, AttributeValue.createBool(p.active));
        item.put(SmallRawMapper.SCORE, AttributeValue.createN(RawValues.n(p.score)));
        if (p.createdAt != null) {
            item.put(CREATED_AT, AttributeValue.createS(RawValues.instant(p.createdAt)));
        }
        if (p.updatedAt != null) {
            item.put(UPDATED_AT, AttributeValue.createS(RawValues.instant(p.updatedAt)));
        }
        item.put(LOCK_VERSION, AttributeValue.createN(Long.toString(p.lockVersion)));
        return item;
    }

    /**
     * @param item the item
     * @return a new pojo
     */
    public static StampedPojo fromItem(Map<String, AttributeValue> item) {
        StampedPojo p = new StampedPojo();
        p.id = RawValues.s(item.get(ID));
        p.name = RawValues.s(item.get(SmallRawMapper.NAME));
        p.email = RawValues.s(item.get(SmallRawMapper.EMAIL));
        p.age = RawValues.i(item.get(SmallRawMapper.AGE));
        p.active = RawValues.bool(item.get(SmallRawMapper.ACTIVE));
        p.score = RawValues.d(item.get(SmallRawMapper.SCORE));
        p.createdAt = RawValues.instant(item.get(CREATED_AT));
        p.updatedAt = RawValues.instant(item.get(UPDATED_AT));
        p.lockVersion = RawValues.l(item.get(LOCK_VERSION));
        return p;
    }

    /**
     * @param id the hash key
     * @return the BatchGetItem key
     */
    public static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, AttributeValue.createS(id));
    }
}
