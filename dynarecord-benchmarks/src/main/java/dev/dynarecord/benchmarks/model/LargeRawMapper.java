package dev.dynarecord.benchmarks.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hand-written mapping of {@link LargePojo}: the floor. {@code AttributeValue.createX} factories,
 * presized maps and lists, indexed loops, fixed-width ISO-8601 times by char arithmetic
 * ({@link RawValues}), one shared Jackson reader/writer for the JSON attribute. Binary is copied
 * both ways ({@code SdkBytes.fromByteArray} / {@code asByteArray}), as the other flavours do.
 */
public final class LargeRawMapper {

    /** 40 entries without a resize at the default load factor. */
    private static final int CAPACITY = 54;

    private LargeRawMapper() {
    }

    /**
     * @param p the pojo
     * @return its item; null fields are absent
     */
    public static Map<String, AttributeValue> toItem(LargePojo p) {
        Map<String, AttributeValue> item = new HashMap<>(CAPACITY);
        item.put("id", AttributeValue.createS(p.id));
        putS(item, "title", p.title);
        putS(item, "description", p.description);
        putS(item, "category", p.category);
        putS(item, "owner", p.owner);
        putS(item, "notes", p.notes);
        putS(item, "region", p.region);
        putS(item, "locale", p.locale);
        if (p.status != null) {
            item.put("status", AttributeValue.createS(p.status.name()));
        }
        if (p.externalId != null) {
            item.put("externalId", AttributeValue.createS(p.externalId.toString()));
        }
        item.put("count", AttributeValue.createN(Integer.toString(p.count)));
        item.put("quantity", AttributeValue.createN(Integer.toString(p.quantity)));
        item.put("level", AttributeValue.createN(Integer.toString(p.level)));
        item.put("views", AttributeValue.createN(Long.toString(p.views)));
        item.put("size", AttributeValue.createN(Long.toString(p.size)));
        item.put("version", AttributeValue.createN(Long.toString(p.version)));
        item.put("ratio", AttributeValue.createN(RawValues.n(p.ratio)));
        item.put("weight", AttributeValue.createN(RawValues.n(p.weight)));
        item.put("discount", AttributeValue.createN(RawValues.n(p.discount)));
        if (p.price != null) {
            item.put("price", AttributeValue.createN(p.price.toString()));
        }
        if (p.tax != null) {
            item.put("tax", AttributeValue.createN(p.tax.toString()));
        }
        item.put("enabled", AttributeValue.createBool(p.enabled));
        item.put("archived", AttributeValue.createBool(p.archived));
        item.put("verified", AttributeValue.createBool(p.verified));
        if (p.createdOn != null) {
            item.put("createdOn", AttributeValue.createS(RawValues.instant(p.createdOn)));
        }
        if (p.modifiedOn != null) {
            item.put("modifiedOn", AttributeValue.createS(RawValues.instant(p.modifiedOn)));
        }
        if (p.birthday != null) {
            item.put("birthday", AttributeValue.createS(RawValues.localDate(p.birthday)));
        }
        if (p.expiresOn != null) {
            item.put("expiresOn", AttributeValue.createS(RawValues.localDate(p.expiresOn)));
        }
        if (p.scheduledAt != null) {
            item.put("scheduledAt", AttributeValue.createS(RawValues.offsetDateTime(p.scheduledAt)));
        }
        // DynamoDB has no empty set: an empty set is left out, as Dynarecord does.
        if (p.tags != null && !p.tags.isEmpty()) {
            item.put("tags", RawValues.stringSet(p.tags));
        }
        if (p.labels != null && !p.labels.isEmpty()) {
            item.put("labels", RawValues.stringSet(p.labels));
        }
        if (p.scores != null && !p.scores.isEmpty()) {
            item.put("scores", RawValues.intSet(p.scores));
        }
        if (p.names != null) {
            item.put("names", RawValues.stringList(p.names));
        }
        if (p.ranks != null) {
            item.put("ranks", RawValues.intList(p.ranks));
        }
        if (p.attributes != null) {
            item.put("attributes", RawValues.stringMap(p.attributes));
        }
        if (p.counters != null) {
            item.put("counters", RawValues.intMap(p.counters));
        }
        if (p.nested != null) {
            Map<String, AttributeValue> m = new HashMap<>(RawValues.capacity(p.nested.size()));
            for (Map.Entry<String, Map<String, String>> e : p.nested.entrySet()) {
                m.put(e.getKey(), RawValues.stringMap(e.getValue()));
            }
            item.put("nested", AttributeValue.createM(m));
        }
        if (p.rows != null) {
            List<Map<String, String>> rows = p.rows;
            List<AttributeValue> l = new ArrayList<>(rows.size());
            for (int k = 0, n = rows.size(); k < n; k++) {
                l.add(RawValues.stringMap(rows.get(k)));
            }
            item.put("rows", AttributeValue.createL(l));
        }
        if (p.settings != null) {
            item.put("settings", AttributeValue.createS(JsonMapConverter.write(p.settings)));
        }
        if (p.payload != null) {
            item.put("payload", AttributeValue.createB(SdkBytes.fromByteArray(p.payload)));
        }
        return item;
    }

    private static void putS(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.createS(value));
        }
    }

    /**
     * @param item the item
     * @return a new pojo; absent attributes are null, 0 or false
     */
    public static LargePojo fromItem(Map<String, AttributeValue> item) {
        LargePojo p = new LargePojo();
        p.id = RawValues.s(item.get("id"));
        p.title = RawValues.s(item.get("title"));
        p.description = RawValues.s(item.get("description"));
        p.category = RawValues.s(item.get("category"));
        p.owner = RawValues.s(item.get("owner"));
        p.notes = RawValues.s(item.get("notes"));
        p.region = RawValues.s(item.get("region"));
        p.locale = RawValues.s(item.get("locale"));
        AttributeValue v = item.get("status");
        p.status = v == null ? null : LargeStatus.valueOf(v.s());
        v = item.get("externalId");
        p.externalId = v == null ? null : UUID.fromString(v.s());
        p.count = RawValues.i(item.get("count"));
        p.quantity = RawValues.i(item.get("quantity"));
        p.level = RawValues.i(item.get("level"));
        p.views = RawValues.l(item.get("views"));
        p.size = RawValues.l(item.get("size"));
        p.version = RawValues.l(item.get("version"));
        p.ratio = RawValues.d(item.get("ratio"));
        p.weight = RawValues.d(item.get("weight"));
        p.discount = RawValues.d(item.get("discount"));
        p.price = RawValues.decimal(item.get("price"));
        p.tax = RawValues.decimal(item.get("tax"));
        p.enabled = RawValues.bool(item.get("enabled"));
        p.archived = RawValues.bool(item.get("archived"));
        p.verified = RawValues.bool(item.get("verified"));
        p.createdOn = RawValues.instant(item.get("createdOn"));
        p.modifiedOn = RawValues.instant(item.get("modifiedOn"));
        p.birthday = RawValues.localDate(item.get("birthday"));
        p.expiresOn = RawValues.localDate(item.get("expiresOn"));
        p.scheduledAt = RawValues.offsetDateTime(item.get("scheduledAt"));
        p.tags = RawValues.stringSet(item.get("tags"));
        p.labels = RawValues.stringSet(item.get("labels"));
        p.scores = RawValues.intSet(item.get("scores"));
        p.names = RawValues.stringList(item.get("names"));
        p.ranks = RawValues.intList(item.get("ranks"));
        p.attributes = RawValues.stringMap(item.get("attributes"));
        p.counters = RawValues.intMap(item.get("counters"));
        v = item.get("nested");
        if (v != null && v.hasM()) {
            Map<String, AttributeValue> m = v.m();
            Map<String, Map<String, String>> nested = new HashMap<>(RawValues.capacity(m.size()));
            for (Map.Entry<String, AttributeValue> e : m.entrySet()) {
                nested.put(e.getKey(), RawValues.readStringMap(e.getValue().m()));
            }
            p.nested = nested;
        }
        v = item.get("rows");
        if (v != null && v.hasL()) {
            List<AttributeValue> l = v.l();
            List<Map<String, String>> rows = new ArrayList<>(l.size());
            for (int k = 0, n = l.size(); k < n; k++) {
                rows.add(RawValues.readStringMap(l.get(k).m()));
            }
            p.rows = rows;
        }
        v = item.get("settings");
        p.settings = v == null ? null : JsonMapConverter.read(v.s());
        v = item.get("payload");
        p.payload = v == null ? null : v.b().asByteArray();
        return p;
    }

    /**
     * @param id the hash key
     * @return the GetItem key
     */
    public static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.createS(id));
    }
}
