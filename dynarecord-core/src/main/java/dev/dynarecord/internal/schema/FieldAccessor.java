package dev.dynarecord.internal.schema;

import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.spi.GeneratedAccess;
import java.lang.invoke.MethodHandle;

/**
 * How a schema reads and writes one field: by the code {@code dynarecord-processor} generated for
 * the field's class, or by method handles where there is none (or the field is private). Either
 * way the values are boxed, and a value of the wrong type is a {@link ClassCastException}.
 */
interface FieldAccessor {

    Object get(Object instance);

    void set(Object instance, Object value);

    /**
     * @param getter {@code (Object) Object}
     * @param setter {@code (Object, Object) void}
     * @return an accessor through them
     */
    static FieldAccessor of(MethodHandle getter, MethodHandle setter) {
        return new Handles(getter, setter);
    }

    /** A value no write changes, such as a hierarchy class's discriminator. */
    static FieldAccessor constant(Object value) {
        return new Constant(value);
    }

    /** Through generated code. */
    record Generated(GeneratedAccess access, int index) implements FieldAccessor {
        @Override
        public Object get(Object instance) {
            return access.get(index, instance);
        }

        @Override
        public void set(Object instance, Object value) {
            access.set(index, instance, value);
        }
    }

    /** Through method handles made when the schema was built. */
    record Handles(MethodHandle getter, MethodHandle setter) implements FieldAccessor {
        @Override
        public Object get(Object instance) {
            try {
                return getter.invokeExact(instance);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        @Override
        public void set(Object instance, Object value) {
            try {
                setter.invokeExact(instance, value);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        private static RuntimeException rethrow(Throwable t) {
            if (t instanceof RuntimeException r) {
                return r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            return new DynarecordException("field access failed: " + t, t);
        }
    }

    /** A value fixed when the schema was built. */
    record Constant(Object value) implements FieldAccessor {
        @Override
        public Object get(Object instance) {
            return value;
        }

        @Override
        public void set(Object instance, Object value) {
            // nothing to write: the value is the class's
        }
    }
}
