package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.Default;
import dev.dynarecord.exception.ModelDefinitionException;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/** Turns a {@link Default} declaration into a supplier of values of the field's type. */
final class DefaultValues {

    private DefaultValues() {
    }

    static Supplier<Object> of(Default declared, Class<?> boxedType, String where) {
        if (declared == null) {
            return null;
        }
        if (declared.supplier() != Supplier.class) {
            return fromSupplier(declared.supplier(), where);
        }
        Object constant = parse(declared.value(), boxedType, where);
        return () -> constant;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Supplier<Object> fromSupplier(Class<? extends Supplier> type, String where) {
        try {
            Constructor<? extends Supplier> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ModelDefinitionException(where + ": @Default(supplier = " + type.getName()
                    + ") cannot be instantiated; give it a public no-arg constructor (" + e + ")", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(String text, Class<?> type, String where) {
        Function<String, Object> parser;
        if (type == String.class) {
            return text;
        } else if (type == Integer.class) {
            parser = Integer::valueOf;
        } else if (type == Long.class) {
            parser = Long::valueOf;
        } else if (type == Short.class) {
            parser = Short::valueOf;
        } else if (type == Byte.class) {
            parser = Byte::valueOf;
        } else if (type == Double.class) {
            parser = Double::valueOf;
        } else if (type == Float.class) {
            parser = Float::valueOf;
        } else if (type == BigDecimal.class) {
            parser = BigDecimal::new;
        } else if (type == BigInteger.class) {
            parser = BigInteger::new;
        } else if (type == Boolean.class) {
            parser = DefaultValues::parseBoolean;
        } else if (type == Character.class && text.length() == 1) {
            return text.charAt(0);
        } else if (type.isEnum()) {
            parser = s -> Enum.valueOf((Class) type, s);
        } else if (type == UUID.class) {
            parser = UUID::fromString;
        } else if (type == Instant.class) {
            parser = Instant::parse;
        } else if (type == LocalDate.class) {
            parser = LocalDate::parse;
        } else if (type == LocalDateTime.class) {
            parser = LocalDateTime::parse;
        } else if (type == OffsetDateTime.class) {
            parser = OffsetDateTime::parse;
        } else if (type == ZonedDateTime.class) {
            parser = ZonedDateTime::parse;
        } else {
            throw new ModelDefinitionException(where + ": @Default(\"" + text + "\") cannot be parsed into "
                    + type.getName() + "; constants work for strings, numbers, booleans, enums, UUIDs and ISO-8601"
                    + " dates; use @Default(supplier = ...) for other types");
        }
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw new ModelDefinitionException(where + ": @Default(\"" + text + "\") is not a valid "
                    + type.getSimpleName() + " (" + e.getMessage() + "); fix the constant", e);
        }
    }

    private static Boolean parseBoolean(String s) {
        if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("write true or false");
    }
}
