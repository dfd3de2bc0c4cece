package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.AttributeType;
import dev.dynarecord.types.ConverterOptions;
import dev.dynarecord.types.Converters;
import java.lang.reflect.Type;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The converters a schema is built with, and where the schemas of the other models built with the
 * same converters are (an association's target is read with its owner's converters). A
 * {@link SchemaSet} is one; {@link #STRUCTURE} converts nothing.
 * Its {@linkplain #conventions() conventions} name the attributes of models that do not name their own.
 */
interface Binding {

    /**
     * A model's structure: fields, keys, indexes, associations, defaults and callbacks, with no
     * converter that converts (every attribute's is an {@link Unbound}, except a field's own
     * {@code @Field(converter)}, which is the same in every session). What a model needs before any
     * session is involved: its constructor's defaults, its key for {@code equals}, mass assignment.
     *
     * <p>Its definition is checked with the types the global converters give (a foreign key of the
     * wrong type fails when the first instance is built, as before there were session converters);
     * a type they cannot convert is taken as S and checked when a session that has a converter for
     * it builds the model's schema.
     */
    Binding STRUCTURE = new Binding() {
        @Override
        public AttributeConverter<?> resolve(Type type, ConverterOptions options) {
            try {
                return new Unbound(Converters.resolve(type, options).attributeType());
            } catch (DynarecordException noConverterHere) {
                return new Unbound(AttributeType.S); // a session may register one: its schema checks it
            }
        }

        @Override
        public <U> ModelSchema<U> schema(Class<U> type) {
            return Schemas.structure(type);
        }

        @Override
        public int version() {
            return -1;
        }

        @Override
        public SessionConventions conventions() {
            return SessionConventions.DEFAULT;
        }
    };

    /**
     * The converter of an attribute of a {@link #STRUCTURE}: it knows the type to check the
     * definition with, and converts nothing.
     *
     * @param attributeType the type the global converters store, or S when they have none
     */
    record Unbound(AttributeType attributeType) implements AttributeConverter<Object> {
        @Override
        public AttributeValue toAttributeValue(Object value) {
            throw unbound();
        }

        @Override
        public Object fromAttributeValue(AttributeValue value) {
            throw unbound();
        }

        private static IllegalStateException unbound() {
            return new IllegalStateException("a model's structure converts no values; convert with the schema of the"
                    + " session that reads or writes the record (SessionState.schema)");
        }
    }

    /**
     * @param type a declared (generic) type
     * @param options the field's options
     * @return its converter with these converters
     * @throws dev.dynarecord.exception.ModelDefinitionException when there is none
     */
    AttributeConverter<?> resolve(Type type, ConverterOptions options);

    /**
     * The converter of a model field's type, embedded documents included, their fields named by the
     * model's naming. A {@link #STRUCTURE} embeds nothing: it gives what {@link #resolve(Type, ConverterOptions)} gives.
     *
     * @param type a declared (generic) type
     * @param options the field's options
     * @param naming the naming of the model the field belongs to, which its documents' fields follow
     * @return its converter with these converters
     * @throws dev.dynarecord.exception.ModelDefinitionException when there is none
     */
    default AttributeConverter<?> resolve(Type type, ConverterOptions options, AttributeNaming naming) {
        return resolve(type, options);
    }

    /** @return the schema of another model class, built with the same converters */
    <U> ModelSchema<U> schema(Class<U> type);

    /** @return the session's naming and timestamp format, which models without their own follow */
    SessionConventions conventions();

    /** @return the {@code Converters.version()} its schemas are built under when they are built now; -1 when they never go stale */
    int version();
}
