package dev.dynarecord.internal.association;

import dev.dynarecord.Model;
import dev.dynarecord.exception.InvalidKeyException;
import dev.dynarecord.exception.RecordNotSavedException;
import dev.dynarecord.internal.schema.AttributeSchema;
import dev.dynarecord.internal.schema.ModelSchema;
import dev.dynarecord.types.AttributeType;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How one record's key is stored in another's item: as a foreign key (the hash key's own value for
 * a model with a hash key only, else text) and in join tables (always text). The text of a key is
 * its hash key's text, or for a hash-and-range key {@code <length of the hash text>:<hash text><range text>};
 * numbers are normalised ({@code 1.50} and {@code 1.5} are one key), binary is base64.
 */
public final class AssociationKeys {

    private AssociationKeys() {
    }

    /**
     * @param schema the owner's schema
     * @param owner the owner
     * @param needed what needs the key, for the message
     * @return the value its dependents keep in their foreign key
     * @throws RecordNotSavedException when the owner has no key yet
     */
    public static Object foreignKeyOf(ModelSchema<?> schema, Model<?> owner, String needed) {
        Object hash = schema.hashKey().get(owner);
        Object range = schema.rangeKey().map(r -> r.get(owner)).orElse(null);
        if (hash == null || schema.rangeKey().isPresent() && range == null) {
            throw new RecordNotSavedException(schema.modelName() + " (new, no key yet) is not saved, and " + needed
                    + " needs its key; save it first");
        }
        return schema.rangeKey().isPresent() ? text(schema, schema.keyOf(owner)) : hash;
    }

    /**
     * @param schema the owner's schema
     * @param foreignKey a foreign key's value, as {@link #foreignKeyOf} gives it
     * @return the owner's primary key
     */
    public static Map<String, AttributeValue> keyOf(ModelSchema<?> schema, Object foreignKey) {
        return schema.rangeKey().isPresent() ? key(schema, (String) foreignKey) : schema.key(foreignKey, null);
    }

    /**
     * @param schema the model's schema
     * @param key one of its primary keys
     * @return the key's text
     */
    public static String text(ModelSchema<?> schema, Map<String, AttributeValue> key) {
        String hash = part(key.get(schema.hashKey().name()));
        return schema.rangeKey().map(r -> hash.length() + ":" + hash + part(key.get(r.name()))).orElse(hash);
    }

    /**
     * @param schema the model's schema
     * @param text a key's text, as {@link #text} gives it
     * @return the primary key
     * @throws InvalidKeyException when the text is not a key of the model
     */
    public static Map<String, AttributeValue> key(ModelSchema<?> schema, String text) {
        AttributeSchema hash = schema.hashKey();
        if (schema.rangeKey().isEmpty()) {
            return Map.of(hash.name(), value(hash, text));
        }
        AttributeSchema range = schema.rangeKey().get();
        int colon = text.indexOf(':');
        int length;
        try {
            length = Integer.parseInt(text.substring(0, Math.max(colon, 0)));
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (colon < 0 || length < 0 || colon + 1 + length > text.length()) {
            throw new InvalidKeyException("'" + text + "' is not a key of " + schema.modelName() + ", which has a hash and a"
                    + " range key: expected <length of the hash key>:<hash key><range key>");
        }
        String hashText = text.substring(colon + 1, colon + 1 + length);
        return Map.of(hash.name(), value(hash, hashText), range.name(), value(range, text.substring(colon + 1 + length)));
    }

    private static String part(AttributeValue v) {
        if (v.s() != null) {
            return v.s();
        }
        if (v.n() != null) {
            return new BigDecimal(v.n()).stripTrailingZeros().toPlainString();
        }
        return Base64.getEncoder().encodeToString(v.b().asByteArray());
    }

    private static AttributeValue value(AttributeSchema a, String text) {
        AttributeType type = a.attributeType();
        try {
            return switch (type) {
                case N -> AttributeValue.fromN(new BigDecimal(text).toPlainString());
                case B -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(text)));
                default -> AttributeValue.fromS(text);
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("'" + text + "' is not a " + type + " key part for " + a.name(), e);
        }
    }
}
