package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.ItemTooLargeException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's item size, computed as the Developer Guide counts it: UTF-8 bytes of every attribute
 * name plus its value; numbers about one byte per two significant digits plus one; lists and maps
 * three bytes plus one per element.
 */
public final class ItemSize {

    /** DynamoDB's item size limit: 400 KB. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    /**
     * Refuses an item over the limit before it is sent.
     *
     * @param item the item
     * @param what the record, for the message ("User 'u-1'")
     * @throws ItemTooLargeException naming the size, the limit and the largest attributes
     */
    public static void check(Map<String, AttributeValue> item, String what) {
        check(item, () -> what);
    }

    /**
     * Refuses an item over the limit before it is sent.
     *
     * @param item the item
     * @param what the record, for the message, computed only if needed
     * @throws ItemTooLargeException naming the size, the limit and the largest attributes
     */
    public static void check(Map<String, AttributeValue> item, java.util.function.Supplier<String> what) {
        if (atMost(item) <= MAX_ITEM_BYTES) {
            return;
        }
        long size = of(item);
        if (size > MAX_ITEM_BYTES) {
            List<String> largest = item.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, AttributeValue> e) -> -attributeSize(e.getKey(), e.getValue())))
                    .limit(3).map(e -> e.getKey() + " (" + attributeSize(e.getKey(), e.getValue()) + " bytes)").toList();
            throw new ItemTooLargeException(what.get() + " is " + size + " bytes, over DynamoDB's limit of " + MAX_ITEM_BYTES
                    + " bytes (400 KB); the largest attributes are " + largest
                    + "; nothing was written. Store large values elsewhere (S3) and keep a reference");
        }
    }

    /**
     * @param item the item
     * @return its size in bytes
     */
    public static long of(Map<String, AttributeValue> item) {
        long total = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            total += attributeSize(e.getKey(), e.getValue());
        }
        return total;
    }

    /**
     * A bound on the item's size that needs no look at the characters: 3 UTF-8 bytes per UTF-16
     * char bounds a string (a surrogate pair is 4 bytes for 2 chars), a number's text bounds its
     * size; other values count exactly. Every save checks its item, and nearly all are far below
     * the limit, so the exact count runs only when this bound is over it.
     */
    private static long atMost(Map<String, AttributeValue> item) {
        long total = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            AttributeValue v = e.getValue();
            String s = v.s();
            String n = s == null ? v.n() : null;
            total += 3L * e.getKey().length() + (s != null ? 3L * s.length() : n != null ? n.length() + 1 : valueSize(v));
        }
        return total;
    }

    private static long attributeSize(String name, AttributeValue value) {
        return utf8(name) + valueSize(value);
    }

    private static long valueSize(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        } else if (v.n() != null) {
            return numberSize(v.n());
        } else if (v.b() != null) {
            return v.b().asByteArrayUnsafe().length;
        } else if (v.bool() != null || v.nul() != null) {
            return 1;
        } else if (v.hasSs()) {
            return v.ss().stream().mapToLong(ItemSize::utf8).sum();
        } else if (v.hasNs()) {
            return v.ns().stream().mapToLong(ItemSize::numberSize).sum();
        } else if (v.hasBs()) {
            return v.bs().stream().map(SdkBytes::asByteArrayUnsafe).mapToLong(b -> b.length).sum();
        } else if (v.hasL()) {
            long size = 3;
            for (AttributeValue e : v.l()) {
                size += 1 + valueSize(e);
            }
            return size;
        } else if (v.hasM()) {
            long size = 3;
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                size += 1 + attributeSize(e.getKey(), e.getValue());
            }
            return size;
        }
        return 1;
    }

    private static long numberSize(String n) {
        int digits = 0;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return (digits + 1) / 2 + 1;
    }

    private static long utf8(String s) {
        int ascii = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
            ascii++;
        }
        return ascii;
    }
}
