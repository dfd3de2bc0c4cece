package dev.dynarecord.internal.schema;

import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.AttributeType;
import dev.dynarecord.types.Converters;
import java.util.List;

/**
 * How many maps and lists deep the values a converter makes can go, itself included, known from
 * the converters alone: what lets a document nested past DynamoDB's limit be refused when the
 * schema is built. A converter whose contents are not known (untyped, your own) counts one level;
 * {@link DocumentLimits} checks its values when they are written.
 */
final class TypeDepth {

    private TypeDepth() {
    }

    static int of(AttributeConverter<?> converter) {
        if (converter instanceof DocumentConverter d) {
            return d.depth();
        }
        AttributeConverter<Object> element = Converters.elementConverter(converter);
        if (element != null) {
            return 1 + of(element);
        }
        AttributeType type = converter.attributeType();
        return type == AttributeType.M || type == AttributeType.L ? 1 : 0;
    }

    static int ofFields(List<DocumentField> fields) {
        int deepest = 0;
        for (DocumentField f : fields) {
            deepest = Math.max(deepest, of(f.converter()));
        }
        return 1 + deepest;
    }
}
