package dev.dynarecord.types;

import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.exception.ModelDefinitionException;
import java.lang.invoke.MethodType;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The global registry of converters: finds the {@link AttributeConverter} for a field's declared
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
 * stored as JSON with {@code @Field(serialized = true)}, or, when the caller gives a {@code documents}
 * function (sessions do), as an embedded document (records, classes with {@code @Field}s, beans: M).
 *
 * <pre>{@code
 * Converters.register(Money.class, new MoneyConverter());
 * AttributeConverter<?> tags = Converters.resolve(
 *         MyModel.class.getDeclaredField("tags").getGenericType(), ConverterOptions.DEFAULT);
 * }</pre>
 *
 * <p>Which converter a field gets, first match wins: the field's own
 * {@code @Field(converter = ...)}; {@code @Field(serialized = true)} (JSON); a converter the
 * session's configuration registers for the type ({@code Config.builder().converter(...)}, passed
 * here as {@code preferred}); one registered here, for every session; the built-in one. A
 * registered converter is used for fields of exactly its class and for elements of collections
 * and maps of it; it also wins over a built-in one for that class (and {@code timeFormat} then
 * does not apply).
 *
 * <p>Thread-safe. Resolve once per attribute and reuse the converter: resolution is not cached
 * here, and whoever caches it compares {@link #version()} to know when a registration made the
 * cache stale.
 */
public final class Converters {

    private static final Map<Class<?>, AttributeConverter<?>> REGISTERED = new ConcurrentHashMap<>();
    private static final AtomicInteger VERSION = new AtomicInteger();

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
     * Registers a converter for a type, for every session; it wins over the built-in one, for
     * fields of exactly that class and for elements of collections and maps. A session whose
     * configuration registers its own converter for the type uses that one instead
     * ({@code Config.builder().converter(Money.class, ...)}). Registering again replaces the
     * converter; models already used pick the change up on their next use (their schemas are
     * rebuilt), so registering late is never silently ignored.
     *
     * <pre>{@code
     * Converters.register(Money.class, new MoneyConverter());
     * }</pre>
     *
     * @param type the exact Java class (not its subclasses)
     * @param converter the converter, thread-safe
     * @param <T> the Java type
     * @throws ConfigurationException when the type or converter is null, or the converter cannot
     *     store the type (see {@link #checkRegistration(Class, AttributeConverter)})
     */
    public static <T> void register(Class<T> type, AttributeConverter<T> converter) {
        if (type == null) {
            throw new ConfigurationException("Converters.register(null, ...): name the Java class the converter stores,"
                    + " as in Converters.register(Money.class, new MoneyConverter())");
        }
        if (converter == null) {
            throw new ConfigurationException("Converters.register(" + type.getSimpleName() + ".class, null): pass the"
                    + " converter that stores " + type.getName() + " values");
        }
        checkRegistration(type, converter);
        if (REGISTERED.put(type, converter) != converter) {
            VERSION.incrementAndGet();
        }
    }

    /**
     * Checks that a converter can be registered for a type: its {@link AttributeConverter#attributeType()}
     * answers, and the Java type it declares ({@code implements AttributeConverter<Money>}) can hold
     * values of the type. What {@link #register(Class, AttributeConverter)} and
     * {@code Config.Builder.converter(...)} check before they accept a converter; a raw or unchecked
     * call is refused here rather than failing on the first value.
     *
     * <pre>{@code
     * Converters.checkRegistration(Money.class, new MoneyConverter());   // fine
     * Converters.checkRegistration((Class) String.class, new MoneyConverter());   // ConfigurationException
     * }</pre>
     *
     * @param type the Java class
     * @param converter the converter
     * @throws ConfigurationException saying what to change
     */
    public static void checkRegistration(Class<?> type, AttributeConverter<?> converter) {
        if (type == null || converter == null) {
            throw new ConfigurationException("a converter registration needs both the Java class and the converter; got "
                    + (type == null ? "no class" : type.getName()) + " and " + (converter == null ? "no converter" : converter));
        }
        String name = converter.getClass().getName();
        AttributeType stored;
        try {
            stored = converter.attributeType();
        } catch (RuntimeException e) {
            throw new ConfigurationException(name + ".attributeType() threw " + e + "; a converter for " + type.getName()
                    + " must say which DynamoDB type it stores (S, N, B, ...)", e);
        }
        if (stored == null) {
            throw new ConfigurationException(name + ".attributeType() returned null; return the DynamoDB type it stores"
                    + " for " + type.getName() + " (S, N, B, ...)");
        }
        Class<?> declared = DeclaredTypes.of(converter.getClass());
        if (declared != null && !declared.isAssignableFrom(MethodType.methodType(type).wrap().returnType())) {
            throw new ConfigurationException(name + " converts " + declared.getName() + " values (it implements"
                    + " AttributeConverter<" + declared.getSimpleName() + ">), so it cannot be registered for " + type.getName()
                    + "; register it for " + declared.getSimpleName() + ".class, or register a converter of "
                    + type.getSimpleName() + " values");
        }
    }

    /**
     * A number that changes whenever {@link #register(Class, AttributeConverter)} changes the
     * registry. Whoever caches resolved converters compares it to the number they were resolved
     * under: when it differs, resolve again.
     *
     * @return the registry's current version
     */
    public static int version() {
        return VERSION.get();
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
        return resolve(type, options, Map.of());
    }

    /**
     * Finds the converter for a declared type like {@link #resolve(Type, ConverterOptions)}, with
     * converters that win over the registered ones: a session's own, for that session's schemas.
     *
     * <pre>{@code
     * AttributeConverter<?> price = Converters.resolve(Money.class, ConverterOptions.DEFAULT,
     *         Map.of(Money.class, new MoneyAsNumber()));   // MoneyAsNumber, whatever is registered
     * }</pre>
     *
     * @param type the field's generic type ({@code Field.getGenericType()}) or a class
     * @param options the field's options; {@code serialized} stores any type as JSON text
     * @param preferred converters by exact class, consulted before the registered ones (and the
     *     built-in ones), for the type and for its element, key and value types
     * @return the converter, to be reused for every value of the attribute
     * @throws ModelDefinitionException when no converter exists for the type (or one of its parts)
     */
    public static AttributeConverter<?> resolve(Type type, ConverterOptions options,
            Map<Class<?>, ? extends AttributeConverter<?>> preferred) {
        return resolve(type, options, preferred, c -> null);
    }

    /**
     * Finds the converter for a declared type like {@link #resolve(Type, ConverterOptions, Map)},
     * asking {@code documents} for a class that neither a preferred, a registered nor a built-in
     * converter stores, before giving up: how embedded documents (records, classes with
     * {@code @Field}s, beans) are stored as M, in fields and as elements of lists and maps.
     *
     * <pre>{@code
     * AttributeConverter<?> previous = Converters.resolve(listOfAddresses, ConverterOptions.DEFAULT, Map.of(),
     *         c -> c == Address.class ? addressConverter : null);   // L of M
     * }</pre>
     *
     * @param type the field's generic type ({@code Field.getGenericType()}) or a class
     * @param options the field's options; {@code serialized} stores any type as JSON text
     * @param preferred converters by exact class, consulted first
     * @param documents the converter of a class nothing else stores, or null when it has none
     * @return the converter, to be reused for every value of the attribute
     * @throws ModelDefinitionException when no converter exists for the type (or one of its parts)
     */
    public static AttributeConverter<?> resolve(Type type, ConverterOptions options,
            Map<Class<?>, ? extends AttributeConverter<?>> preferred, Function<Class<?>, AttributeConverter<?>> documents) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(preferred, "preferred");
        Objects.requireNonNull(documents, "documents");
        if (options.serialized()) {
            return new SerializedConverter(type);
        }
        return find(type, options.timeFormat(), type, new ConverterLookup(preferred, documents));
    }

    /**
     * The converter of the elements of a set converter, with the field's own options (a time format).
     *
     * @param container a converter {@link #resolve} gave
     * @return the converter of its elements, or null when it is not a set converter
     */
    public static AttributeConverter<Object> setElementConverter(AttributeConverter<?> container) {
        return container instanceof SetConverter set ? set.element() : null;
    }

    /**
     * The converter of the elements of a list, collection or array converter, or of the values of a
     * map converter, as the built-in ones hold them: what a document path such as
     * {@code previous[0].city} walks through.
     *
     * @param container a converter {@link #resolve} gave
     * @return the converter of its elements (values, for a map), or null when it has none
     */
    public static AttributeConverter<Object> elementConverter(AttributeConverter<?> container) {
        if (container instanceof ListConverter l) {
            return l.element();
        } else if (container instanceof ArrayConverter a) {
            return a.element();
        } else if (container instanceof MapConverter m) {
            return m.values();
        }
        return null;
    }


    private static AttributeConverter<?> find(Type type, TimeFormat format, Type root,
            ConverterLookup preferred) {
        if (type instanceof Class<?> c) {
            return findClass(c, format, root, preferred);
        } else if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            AttributeConverter<?> registered = registered(raw, preferred);
            if (registered != null) {
                return registered;
            } else if (Set.class.isAssignableFrom(raw)) {
                return set(raw, args[0], format, root, preferred);
            } else if (Collection.class.isAssignableFrom(raw)) {
                return new ListConverter(element(args[0], format, root, preferred), Containers.collection(raw));
            } else if (Map.class.isAssignableFrom(raw)) {
                return map(raw, args[0], args[1], format, root, preferred);
            }
            throw unsupported(type, root);
        } else if (type instanceof WildcardType w) {
            return find(w.getUpperBounds()[0], format, root, preferred);
        } else if (type instanceof TypeVariable<?> v) {
            return find(v.getBounds()[0], format, root, preferred);
        } else if (type instanceof GenericArrayType g) {
            Type component = g.getGenericComponentType();
            return new ArrayConverter(rawClass(component), element(component, format, root, preferred));
        }
        throw unsupported(type, root);
    }

    private static AttributeConverter<?> findClass(Class<?> c, TimeFormat format, Type root,
            ConverterLookup preferred) {
        AttributeConverter<?> found = registered(c, preferred);
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
            return new ArrayConverter(c.getComponentType(), element(c.getComponentType(), format, root, preferred));
        } else if (Set.class.isAssignableFrom(c)) {
            return set(c, Object.class, format, root, preferred);
        } else if (Collection.class.isAssignableFrom(c)) {
            return new ListConverter(DynamicConverter.INSTANCE, Containers.collection(c));
        } else if (Map.class.isAssignableFrom(c)) {
            return map(c, Object.class, Object.class, format, root, preferred);
        }
        AttributeConverter<?> document = preferred.document(c);
        if (document != null) {
            return document;
        }
        throw unsupported(c, root);
    }

    private static AttributeConverter<?> set(Class<?> raw, Type elementType, TimeFormat format, Type root,
            ConverterLookup preferred) {
        AttributeConverter<Object> element = element(elementType, format, root, preferred);
        if (element == DynamicConverter.INSTANCE) {
            return DynamicConverter.INSTANCE; // an untyped set: SS, NS or BS by what it holds
        }
        if (!element.attributeType().isKeyType() && preferred.isDocument(element)) {
            return new ListConverter(element, Containers.collection(raw)); // a set of documents: a list (L) of maps
        }
        if (!element.attributeType().isKeyType()) {
            throw new ModelDefinitionException("DynamoDB sets hold only strings, numbers or binary, but "
                    + elementType.getTypeName() + " is stored as " + element.attributeType() + " (in "
                    + root.getTypeName() + "); use a List instead, or @Field(serialized = true)");
        }
        return new SetConverter(element, Containers.collection(raw));
    }

    private static AttributeConverter<?> map(Class<?> raw, Type keyType, Type valueType, TimeFormat format, Type root,
            ConverterLookup preferred) {
        AttributeConverter<Object> keys = null;
        if (keyType != String.class) {
            keys = element(keyType, format, root, preferred);
            if (keys == DynamicConverter.INSTANCE) {
                keys = null; // untyped keys: must be strings at run time
            } else if (keys.attributeType() != AttributeType.S) {
                throw new ModelDefinitionException("DynamoDB map keys are strings, but " + keyType.getTypeName()
                        + " is stored as " + keys.attributeType() + " (in " + root.getTypeName()
                        + "); use String, enum or UUID keys, or @Field(serialized = true)");
            }
        }
        return new MapConverter(keys, element(valueType, format, root, preferred), Containers.map(raw));
    }

    private static AttributeConverter<Object> element(Type type, TimeFormat format, Type root,
            ConverterLookup preferred) {
        return DynamicConverter.erase(find(type, format, root, preferred));
    }

    private static AttributeConverter<?> registered(Class<?> c, ConverterLookup preferred) {
        AttributeConverter<?> found = preferred.preferred().get(c);
        return found != null ? found : REGISTERED.get(c);
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
                + ": register one with Converters.register(" + simple + ".class, converter) for every session, or with"
                + " Config.builder().converter(" + simple + ".class, converter) for one, or store the value as JSON with"
                + " @Field(serialized = true)");
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
