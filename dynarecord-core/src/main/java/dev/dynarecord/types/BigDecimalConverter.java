package dev.dynarecord.types;

import java.math.BigDecimal;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code BigDecimal} as N, exactly. DynamoDB trims trailing zeros, so {@code 1.50} reads back as
 * {@code 1.5}: equal by {@code compareTo}, not by {@code equals}.
 */
final class BigDecimalConverter implements AttributeConverter<BigDecimal> {

    static final BigDecimalConverter INSTANCE = new BigDecimalConverter();

    @Override
    public AttributeType attributeType() {
        return AttributeType.N;
    }

    @Override
    public AttributeValue toAttributeValue(BigDecimal value) {
        return AttributeValue.createN(Numbers.text(value));
    }

    @Override
    public BigDecimal fromAttributeValue(AttributeValue value) {
        return Numbers.parse(Expect.n(value));
    }
}
