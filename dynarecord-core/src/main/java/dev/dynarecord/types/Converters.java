package dev.dynarecord.types;

import dev.dynarecord.exception.ModelDefinitionException;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The one registry of converters: finds the {@link AttributeConverter} for a field's declared
 * (possibly generic) type, consulting converters you registered before the built-in ones.
 *
 * <p>Built in: {@code String}; {@code int}, {@code long}, {@code short}, {@code byte},
 * {@code float}, {@code double}, {@code BigDecimal}, {@code BigInteger} (N, exact, checked by
 * {@link Numbers}); {@code boolean} (BOOL); {@code char}, {@code UUID} and enums (S);
 * {@code Instant}, {@code LocalDate}, {@code LocalDateTime}, {@code LocalTime},
 * {@code OffsetDateTime}, {@code ZonedDateTime}, {@code Duration} (per {@link TimeFormat});
 * {@code byte[]}, {@code SdkBytes}, {@code ByteBuffer} (B); sets of strings, numbers, times, UUIDs,
 * enums or binary (SS, NS, BS; an empty set removes the attribute); lists, collections and arrays
 * (L); maps with string, enum or UUID keys (M); and {@code Object}, {@code ?} or raw collections,
 * converted by runtime class (numbers read back as {@code BigDecimal}). Anything else can be
 * stored as JSON with {@code @Field(serialized = true)}.
 *
 * <pre>{@code
 * Converters.register(Money.class, new MoneyConverter());
 * AttributeConverter<?> tags = Converters.resolve(
 *         MyModel.class.getDeclaredField("tags").getGenericType(), ConverterOptions.DEFAULT);
 * }</pre>
 *
 * <p>Thread-safe. Resolve once per attribute and reuse the converter: resolution is not cached.
 */
public final class Converters {

    private static final Map<Class<?>, AttributeConverter<?>> REGISTERED = new ConcurrentHashMap<>();

    private static final Map<Class<?>, AttributeConverter<?>> SCALARS = Map.ofEntries(
            Map.entry(String.class, StringConverter.INSTANCE),
            Map.entry(int.class, IntegralConverter.INT), Map.entry(Integer.class, IntegralConverter.INT),
            Map.entry(long.class, IntegralConverter.LONG), Map.entry(Long.class, IntegralConverter.LONG),
            Map.entry(short.class, IntegralConverter.SHORT), Map.entry(Short.class, IntegralConverter.SHORT),
            Map.entry(byte.class, IntegralConverter.BYTE), Map.entry(Byte.class, IntegralConverter.BYTE),
            Map.entry(double.class, DoubleConverter.INSTANCE), Map.entry(Double.class, DoubleConverter.INSTANCE),
            Map.entry(float.class, FloatConverter.INSTANCE), Map.entry(Float.class, FloatConverter.INSTANCE),
            Map.entry(BigDecimal.class, BigDecimalConverter.INSTANCE),
            Map.entry(BigInteger.class, BigIntegerConverter.INSTANCE),
            Map.entry(boolean.class, BooleanConverter.INSTANCE), Map.entry(Boolean.class, BooleanConverter.INSTANCE),
            Map.entry(char.class, CharacterConverter.INSTANCE), Map.entry(Character.class, CharacterConverter.INSTANCE),
            Map.entry(UUID.class, UuidConverter.INSTANCE),
            Map.entry(byte[].class, BinaryConverters.BYTE_ARRAY),
            Map.entry(SdkBytes.class, BinaryConverters.SDK_BYTES),
            Map.entry(ByteBuffer.class, BinaryConverters.BYTE_BUFFER),
            Map.entry(Object.class, DynamicConverter.INSTANCE));

    private static final Map<Class<?>, AttributeConverter<?>> ISO_TIMES = times(TimeFormat.ISO_8601);
    private static final Map<Class<?>, AttributeConverter<?>> EPOCH_TIMES = times(TimeFormat.EPOCH_SECONDS);

    private Converters() {
    }

    /**
     * Registers a converter for a type; it wins over the built-in one, for fields of exactly that
     * class and for elements of collections and maps. Register before the first model that uses
     * the type is mapped: converters are resolved once, when a model's schema is built.
     *
     * <pre>{@code
     * Converters.register(Money.class, new MoneyConverter());
     * }</pre>
     *
     * @param type the exact Java class (not its subclasses)
     * @param converter the converter, thread-safe
     * @param <T> the Java type
     */
    public static <T> void register(Class<T> type, AttributeConverter<T> converter) {
        REGISTERED.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(converter, "converter"));
    }

    /**
     * Finds the converter for a declared type, recursively for element, key and value types.
     *
     * <pre>{@code
     * Type type = Post.class.getDeclaredField("tags").getGenericType();  // Set<String>
     * AttributeConverter<?> converter = Converters.resolve(type, ConverterOptions.DEFAULT);  // SS
     * }</pre>
     *
     * @param type the field's generic type ({@code Field.getGenericType()}) or a class
     * @param options the field's options; {@code serialized} stores any type as JSON text
     * @return the converter, to be reused for every value of the attribute
     * @throws ModelDefinitionException when no converter exists for the type (or one of its parts)
     */
    public static AttributeConverter<?> resolve(Type type, ConverterOptions options) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(options, "options");
        if (options.serialized()) {
            return new SerializedConverter(type);
        }
        return find(type, options.timeFormat(), type);
    }

    private static AttributeConverter<?> find(Type type, TimeFormat format, Type root) {
        if (type instanceof Class<?> c) {
            return findClass(c, format, root);
        } else if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            AttributeConverter<?> registered = REGISTERED.get(raw);
            if (registered != null) {
                return registered;
            } else if (Set.class.isAssignableFrom(raw)) {
                return set(raw, args[0], format, root);
            } else if (Collection.class.isAssignableFrom(raw)) {
                return new ListConverter(element(args[0], format, root), Containers.collection(raw));
            } else if (Map.class.isAssignableFrom(raw)) {
                return map(raw, args[0], args[1], format, root);
            }
            throw unsupported(type, root);
        } else if (type instanceof WildcardType w) {
            return find(w.getUpperBounds()[0], format, root);
        } else if (type instanceof TypeVariable<?> v) {
            return find(v.getBounds()[0], format, root);
        } else if (type instanceof GenericArrayType g) {
            Type component = g.getGenericComponentType();
            return new ArrayConverter(rawClass(component), element(component, format, root));
        }
        throw unsupported(type, root);
    }

    private static AttributeConverter<?> findClass(Class<?> c, TimeFormat format, Type root) {
        AttributeConverter<?> found = REGISTERED.get(c);
        if (found == null) {
            found = SCALARS.get(c);
        }
        if (found == null) {
            found = (format == TimeFormat.EPOCH_SECONDS ? EPOCH_TIMES : ISO_TIMES).get(c);
        }
        if (found != null) {
            return found;
        } else if (c.isEnum()) {
            return new EnumConverter(c);
        } else if (c.isArray()) {
            return new ArrayConverter(c.getComponentType(), element(c.getComponentType(), format, root));
        } else if (Set.class.isAssignableFrom(c)) {
            return set(c, Object.class, format, root);
        } else if (Collection.class.isAssignableFrom(c)) {
            return new ListConverter(DynamicConverter.INSTANCE, Containers.collection(c));
        } else if (Map.class.isAssignableFrom(c)) {
            return map(c, Object.class, Object.class, format, root);
        }
        throw unsupported(c, root);
    }

    private static AttributeConverter<?> set(Class<?> raw, Type elementType, TimeFormat format, Type root) {
        AttributeConverter<Object> element = element(elementType, format, root);
        if (element == DynamicConverter.INSTANCE) {
            return DynamicConverter.INSTANCE; // an untyped set: SS, NS or BS by what it holds
        }
        if (!element.attributeType().isKeyType()) {
            throw new ModelDefinitionException("DynamoDB sets hold only strings, numbers or binary, but "
                    + elementType.getTypeName() + " is stored as " + element.attributeType() + " (in "
                    + root.getTypeName() + "); use a List instead, or @Field(serialized = true)");
        }
        return new SetConverter(element, Containers.collection(raw));
    }

    private static AttributeConverter<?> map(Class<?> raw, Type keyType, Type valueType, TimeFormat format, Type root) {
        AttributeConverter<Object> keys = null;
        if (keyType != String.class) {
            keys = element(keyType, format, root);
            if (keys == DynamicConverter.INSTANCE) {
                keys = null; // untyped keys: must be strings at run time
            } else if (keys.attributeType() != AttributeType.S) {
                throw new ModelDefinitionException("DynamoDB map keys are strings, but " + keyType.getTypeName()
                        + " is stored as " + keys.attributeType() + " (in " + root.getTypeName()
                        + "); use String, enum or UUID keys, or @Field(serialized = true)");
            }
        }
        return new MapConverter(keys, element(valueType, format, root), Containers.map(raw));
    }

    private static AttributeConverter<Object> element(Type type, TimeFormat format, Type root) {
        return DynamicConverter.erase(find(type, format, root));
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        } else if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        } else if (type instanceof GenericArrayType g) {
            return Array.newInstance(rawClass(g.getGenericComponentType()), 0).getClass();
        } else if (type instanceof WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        } else if (type instanceof TypeVariable<?> v) {
            return rawClass(v.getBounds()[0]);
        }
        return Object.class;
    }

    private static ModelDefinitionException unsupported(Type type, Type root) {
        String name = type.getTypeName();
        String simple = type instanceof Class<?> c ? c.getSimpleName() : rawClass(type).getSimpleName();
        return new ModelDefinitionException("No converter for type " + name
                + (type.equals(root) ? "" : " (in " + root.getTypeName() + ")")
                + ": register one with Converters.register(" + simple + ".class, converter)"
                + ", or store the value as JSON with @Field(serialized = true)");
    }

    private static Map<Class<?>, AttributeConverter<?>> times(TimeFormat format) {
        return Map.of(
                Instant.class, new InstantConverter(format),
                LocalDate.class, new LocalDateConverter(format),
                LocalDateTime.class, new LocalDateTimeConverter(format),
                LocalTime.class, new LocalTimeConverter(format),
                OffsetDateTime.class, new OffsetDateTimeConverter(format),
                ZonedDateTime.class, new ZonedDateTimeConverter(format),
                Duration.class, new DurationConverter(format));
    }
}
