package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** Reads one DynamoDB type out of a stored value, or says which type was found instead. */
final class Expect {

    private Expect() {
    }

    static String s(AttributeValue value) {
        if (value.type() != AttributeValue.Type.S) {
            throw mismatch(AttributeType.S, value);
        }
        return value.s();
    }

    static String n(AttributeValue value) {
        if (value.type() != AttributeValue.Type.N) {
            throw mismatch(AttributeType.N, value);
        }
        return value.n();
    }

    static SdkBytes b(AttributeValue value) {
        if (value.type() != AttributeValue.Type.B) {
            throw mismatch(AttributeType.B, value);
        }
        return value.b();
    }

    static boolean bool(AttributeValue value) {
        if (value.type() != AttributeValue.Type.BOOL) {
            throw mismatch(AttributeType.BOOL, value);
        }
        return value.bool();
    }

    static List<AttributeValue> l(AttributeValue value) {
        if (value.type() != AttributeValue.Type.L) {
            throw mismatch(AttributeType.L, value);
        }
        return value.l();
    }

    static Map<String, AttributeValue> m(AttributeValue value) {
        if (value.type() != AttributeValue.Type.M) {
            throw mismatch(AttributeType.M, value);
        }
        return value.m();
    }

    static ConversionException mismatch(AttributeType expected, AttributeValue value) {
        AttributeValue.Type actual = value.type();
        return new ConversionException("Expected a stored value of DynamoDB type " + expected + " but found "
                + (actual == AttributeValue.Type.NUL ? "NULL" : actual));
    }
}
