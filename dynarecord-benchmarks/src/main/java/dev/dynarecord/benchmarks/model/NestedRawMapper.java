package dev.dynarecord.benchmarks.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Hand-written mapping of {@link NestedPojo}, the floor: each address a map of its non-null strings. */
public final class NestedRawMapper {

    /** Attribute name of the hash key. */
    public static final String ID = "id";
    static final String NAME = "name";
    static final String HOME = "home";
    static final String PREVIOUS = "previous";

    private NestedRawMapper() {
    }

    /**
     * @param p the pojo
     * @return its item (null fields are absent, as in the other flavours)
     */
    public static Map<String, AttributeValue> toItem(NestedPojo p) {
        Map<String, AttributeValue> item = new HashMap<>(8);
        item.put(ID, AttributeValue.createS(p.id));
        if (p.name != null) {
            item.put(NAME, AttributeValue.createS(p.name));
        }
        if (p.home != null) {
            item.put(HOME, address(p.home));
        }
        if (p.previous != null) {
            List<AttributeValue> list = new ArrayList<>(p.previous.size());
            for (NestedAddress a : p.previous) {
                list.add(a == null ? AttributeValue.createNul(true) : address(a));
            }
            item.put(PREVIOUS, AttributeValue.createL(list));
        }
        return item;
    }

    /**
     * @param item the item
     * @return a new pojo
     */
    public static NestedPojo fromItem(Map<String, AttributeValue> item) {
        NestedPojo p = new NestedPojo();
        p.id = RawValues.s(item.get(ID));
        p.name = RawValues.s(item.get(NAME));
        AttributeValue home = item.get(HOME);
        p.home = home == null ? null : address(home);
        AttributeValue previous = item.get(PREVIOUS);
        if (previous != null) {
            List<NestedAddress> list = new ArrayList<>(previous.l().size());
            for (AttributeValue a : previous.l()) {
                list.add(Boolean.TRUE.equals(a.nul()) ? null : address(a));
            }
            p.previous = list;
        }
        return p;
    }

    /**
     * @param id the hash key
     * @return the GetItem key
     */
    public static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, AttributeValue.createS(id));
    }

    private static AttributeValue address(NestedAddress a) {
        Map<String, AttributeValue> m = new HashMap<>(4);
        if (a.street() != null) {
            m.put("street", AttributeValue.createS(a.street()));
        }
        if (a.city() != null) {
            m.put("city", AttributeValue.createS(a.city()));
        }
        if (a.zip() != null) {
            m.put("zip", AttributeValue.createS(a.zip()));
        }
        return AttributeValue.createM(m);
    }

    private static NestedAddress address(AttributeValue v) {
        Map<String, AttributeValue> m = v.m();
        return new NestedAddress(RawValues.s(m.get("street")), RawValues.s(m.get("city")), RawValues.s(m.get("zip")));
    }
}
