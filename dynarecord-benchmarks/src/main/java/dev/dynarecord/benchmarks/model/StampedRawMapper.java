package dev.dynarecord.benchmarks.model;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

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

    /** An update of the age: what Dynarecord's save of a persisted record whose age changed sends. */
    private static final String AGE_UPDATE = "SET #n0 = :v0, #n1 = :v1, #n2 = :v2";
    private static final String IF_VERSION = "attribute_exists(#n3) AND #n2 = :v3";
    private static final Map<String, String> AGE_UPDATE_NAMES = Map.of("#n0", SmallRawMapper.AGE, "#n1", UPDATED_AT,
            "#n2", LOCK_VERSION, "#n3", ID);

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
     * The UpdateItem of a stored pojo whose age changed: its age, updatedAt and lock version, on the
     * condition that the item exists with the version it was read at.
     *
     * @param table the table
     * @param key the pojo's key ({@link #key(String)})
     * @param p the pojo, its age, updatedAt and lock version already the new ones
     * @param expected the lock version it was read at
     * @return the request
     */
    public static UpdateItemRequest ageUpdate(String table, Map<String, AttributeValue> key, StampedPojo p, long expected) {
        Map<String, AttributeValue> values = new HashMap<>(6);
        values.put(":v0", AttributeValue.createN(Integer.toString(p.age)));
        values.put(":v1", AttributeValue.createS(RawValues.instant(p.updatedAt)));
        values.put(":v2", AttributeValue.createN(Long.toString(p.lockVersion)));
        values.put(":v3", AttributeValue.createN(Long.toString(expected)));
        return UpdateItemRequest.builder().tableName(table).key(key).updateExpression(AGE_UPDATE).conditionExpression(IF_VERSION)
                .expressionAttributeNames(AGE_UPDATE_NAMES).expressionAttributeValues(values).build();
    }

    /**
     * @param id the hash key
     * @return the BatchGetItem key
     */
    public static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, AttributeValue.createS(id));
    }
}
