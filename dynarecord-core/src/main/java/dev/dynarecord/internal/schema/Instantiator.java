package dev.dynarecord.internal.schema;

import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.spi.GeneratedAccess;
import java.lang.invoke.MethodHandle;

/** How a schema makes a new instance of its class: generated code, or a method handle on the no-arg constructor. */
interface Instantiator {

    /**
     * @return a new instance
     * @throws RuntimeException what the constructor threw, or a {@link DynarecordException} wrapping a checked one
     */
    Object newInstance();

    /**
     * @param constructor {@code () Object}
     * @param modelName the class's name, for the message when the constructor throws a checked exception
     */
    static Instantiator of(MethodHandle constructor, String modelName) {
        return () -> {
            try {
                return (Object) constructor.invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new DynarecordException(modelName + "'s constructor threw " + t, t);
            }
        };
    }

    /**
     * @param access generated code whose class is {@linkplain GeneratedAccess#instantiable() instantiable}
     * @param modelName the class's name, for the message when the constructor throws a checked exception
     */
    static Instantiator of(GeneratedAccess access, String modelName) {
        return new Generated(access, modelName);
    }

    /** Through generated code; a checked exception of the constructor is wrapped as a method handle's call wraps it. */
    record Generated(GeneratedAccess access, String modelName) implements Instantiator {
        @Override
        public Object newInstance() {
            try {
                return access.newInstance();
            } catch (java.lang.reflect.UndeclaredThrowableException e) {
                throw new DynarecordException(modelName + "'s constructor threw " + e.getCause(), e.getCause());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) { // thrown by a constructor that does not declare it
                throw new DynarecordException(modelName + "'s constructor threw " + e, e);
            }
        }
    }
}
