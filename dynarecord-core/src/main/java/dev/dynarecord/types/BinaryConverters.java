package dev.dynarecord.types;

import java.nio.ByteBuffer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Binary values as B: {@code byte[]} (copied both ways, so later changes to the array do not leak
 * into a stored item), {@link SdkBytes} and {@link ByteBuffer} (its remaining bytes; read back
 * read-only).
 */
final class BinaryConverters {

    static final AttributeConverter<byte[]> BYTE_ARRAY = new Binary<>() {
        @Override
        public AttributeValue toAttributeValue(byte[] value) {
            return AttributeValue.createB(SdkBytes.fromByteArray(value));
        }

        @Override
        public byte[] fromAttributeValue(AttributeValue value) {
            return Expect.b(value).asByteArray();
        }
    };

    static final AttributeConverter<SdkBytes> SDK_BYTES = new Binary<>() {
        @Override
        public AttributeValue toAttributeValue(SdkBytes value) {
            return AttributeValue.createB(value);
        }

        @Override
        public SdkBytes fromAttributeValue(AttributeValue value) {
            return Expect.b(value);
        }
    };

    static final AttributeConverter<ByteBuffer> BYTE_BUFFER = new Binary<>() {
        @Override
        public AttributeValue toAttributeValue(ByteBuffer value) {
            return AttributeValue.createB(SdkBytes.fromByteBuffer(value));
        }

        @Override
        public ByteBuffer fromAttributeValue(AttributeValue value) {
            return Expect.b(value).asByteBuffer();
        }
    };

    private BinaryConverters() {
    }

    private abstract static class Binary<T> implements AttributeConverter<T> {
        @Override
        public final AttributeType attributeType() {
            return AttributeType.B;
        }
    }
}
