package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code BigInteger} as N, up to 38 digits; reading a number with a fraction fails. */
final class BigIntegerConverter implements AttributeConverter<BigInteger> {

    static final BigIntegerConverter INSTANCE = new BigIntegerConverter();

    @Override
    public AttributeType attributeType() {
        return AttributeType.N;
    }

    @Override
    public AttributeValue toAttributeValue(BigInteger value) {
        return AttributeValue.createN(Numbers.text(new BigDecimal(value)));
    }

    @Override
    public BigInteger fromAttributeValue(AttributeValue value) {
        String text = Expect.n(value);
        try {
            return Numbers.parse(text).toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new ConversionException("Stored number " + text
                    + " has a fraction and cannot be read as BigInteger; use BigDecimal for this attribute", e);
        }
    }
}
