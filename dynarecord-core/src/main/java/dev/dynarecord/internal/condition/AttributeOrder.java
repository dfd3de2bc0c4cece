package dev.dynarecord.internal.condition;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's order of key values: numbers by value, strings by their UTF-8 bytes, binary by unsigned
 * bytes. The one implementation of that order, for merging shards and for conditions tested in memory.
 */
public final class AttributeOrder implements Comparator<AttributeValue> {

    /** The order. */
    public static final AttributeOrder INSTANCE = new AttributeOrder();

    private AttributeOrder() {
    }

    /**
     * @param a a value
     * @param b another value
     * @return whether both are numbers, both strings or both binary: the pairs this order compares
     */
    public static boolean comparable(AttributeValue a, AttributeValue b) {
        return a.s() != null && b.s() != null || a.n() != null && b.n() != null || a.b() != null && b.b() != null;
    }

    @Override
    public int compare(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a.n() != null && b.n() != null) {
            return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
        }
        if (a.s() != null && b.s() != null) {
            return unsigned(ByteBuffer.wrap(a.s().getBytes(StandardCharsets.UTF_8)), ByteBuffer.wrap(b.s().getBytes(StandardCharsets.UTF_8)));
        }
        if (a.b() != null && b.b() != null) {
            return unsigned(a.b().asByteBuffer(), b.b().asByteBuffer());
        }
        throw new IllegalArgumentException("cannot order " + a + " against " + b);
    }

    private static int unsigned(ByteBuffer a, ByteBuffer b) {
        int n = Math.min(a.remaining(), b.remaining());
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(a.get(a.position() + i) & 0xff, b.get(b.position() + i) & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.remaining(), b.remaining());
    }
}
