package dev.dynarecord.internal.schema;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The copies of a partitioned model's records (write partitioning, docs/partitioning.md): a record
 * whose key is {@code id} is stored as up to {@code n} items whose hash keys are {@code id.0} …
 * {@code id.<n-1>}; each save writes the whole record to one of them, chosen at random, with the
 * next lock version. The newest copy is the record: the highest lock version, then the latest
 * {@code updatedAt} (only two writers that started from the same version can tie on it), then the
 * highest copy number, so that every reader picks the same one. Immutable and thread-safe.
 */
public final class Partitions {

    private final String hashName;
    private final int count;

    /**
     * @param hashName the hash key attribute
     * @param count how many copies a record has
     */
    Partitions(String hashName, int count) {
        this.hashName = hashName;
        this.count = count;
    }

    /** @return how many copies a record has */
    public int count() {
        return count;
    }

    /** @return a copy for the next write, chosen at random */
    public int randomCopy() {
        return count == 1 ? 0 : ThreadLocalRandom.current().nextInt(count);
    }

    /**
     * @param keyOrItem a record's key or item, with the plain hash key
     * @param copy the copy, 0 to {@code count - 1}
     * @return a new map, the same but for the hash key, {@code <id>.<copy>}
     */
    public Map<String, AttributeValue> copy(Map<String, AttributeValue> keyOrItem, int copy) {
        Map<String, AttributeValue> out = new HashMap<>(keyOrItem);
        out.put(hashName, AttributeValue.fromS(keyOrItem.get(hashName).s() + "." + copy));
        return out;
    }

    /** @param key a record's key, with the plain hash key @return the keys of all its copies, in copy order */
    public List<Map<String, AttributeValue>> copies(Map<String, AttributeValue> key) {
        List<Map<String, AttributeValue>> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(copy(key, i));
        }
        return out;
    }

    /**
     * @param item an item as stored (its hash key {@code <id>.<copy>}), or a key
     * @return the same with the plain hash key: a new map, or the item itself when its hash key has no copy number
     */
    public Map<String, AttributeValue> plain(Map<String, AttributeValue> item) {
        AttributeValue hash = item.get(hashName);
        if (hash == null || hash.s() == null) {
            return item;
        }
        int dot = hash.s().lastIndexOf('.');
        if (dot < 0 || !isNumber(hash.s(), dot + 1)) {
            return item;
        }
        Map<String, AttributeValue> out = new HashMap<>(item);
        out.put(hashName, AttributeValue.fromS(hash.s().substring(0, dot)));
        return out;
    }

    /** @param item an item as stored @return its copy number, or -1 when its hash key has none */
    public int copyOf(Map<String, AttributeValue> item) {
        AttributeValue hash = item.get(hashName);
        if (hash == null || hash.s() == null) {
            return -1;
        }
        int dot = hash.s().lastIndexOf('.');
        return dot >= 0 && isNumber(hash.s(), dot + 1) ? Integer.parseInt(hash.s().substring(dot + 1)) : -1;
    }

    /** @param item an item as stored, or a key @return the plain hash key's text: what tells the copies of one record from another's */
    public String recordId(Map<String, AttributeValue> item) {
        return plain(item).get(hashName).s();
    }

    /**
     * @param copies the copies read of one record (as stored), in any order; may be empty
     * @param lock the lock version attribute
     * @param updatedAt the update timestamp attribute, or null when the model has none
     * @return the newest copy, as stored, or null when there is none
     */
    public Map<String, AttributeValue> newest(List<Map<String, AttributeValue>> copies, String lock, String updatedAt) {
        Map<String, AttributeValue> best = null;
        for (Map<String, AttributeValue> c : copies) {
            if (best == null || compare(c, best, lock, updatedAt) > 0) {
                best = c;
            }
        }
        return best;
    }

    /** @return above 0 when {@code a} is newer than {@code b} */
    int compare(Map<String, AttributeValue> a, Map<String, AttributeValue> b, String lock, String updatedAt) {
        int byVersion = Long.compare(version(a, lock), version(b, lock));
        if (byVersion != 0) {
            return byVersion;
        }
        if (updatedAt != null) {
            int byTime = time(a.get(updatedAt)).compareTo(time(b.get(updatedAt)));
            if (byTime != 0) {
                return byTime;
            }
        }
        return Integer.compare(copyOf(a), copyOf(b));
    }

    private static long version(Map<String, AttributeValue> item, String lock) {
        AttributeValue v = item.get(lock);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    private static Instant time(AttributeValue v) {
        if (v == null) {
            return Instant.MIN;
        }
        if (v.n() != null) {
            return Instant.ofEpochMilli(new java.math.BigDecimal(v.n()).movePointRight(3).longValue());
        }
        try {
            return v.s() == null ? Instant.MIN : Instant.parse(v.s());
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }

    private static boolean isNumber(String s, int from) {
        if (from >= s.length()) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
