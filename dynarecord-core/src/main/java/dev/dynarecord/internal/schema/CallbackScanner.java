package dev.dynarecord.internal.schema;

import dev.dynarecord.annotation.AfterCreate;
import dev.dynarecord.annotation.AfterDestroy;
import dev.dynarecord.annotation.AfterFind;
import dev.dynarecord.annotation.AfterInitialize;
import dev.dynarecord.annotation.AfterSave;
import dev.dynarecord.annotation.AfterTouch;
import dev.dynarecord.annotation.AfterUpdate;
import dev.dynarecord.annotation.AfterValidation;
import dev.dynarecord.annotation.BeforeCreate;
import dev.dynarecord.annotation.BeforeDestroy;
import dev.dynarecord.annotation.BeforeSave;
import dev.dynarecord.annotation.BeforeUpdate;
import dev.dynarecord.annotation.BeforeValidation;
import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.ModelDefinitionException;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds a model's callback methods when its schema is built: the methods annotated with
 * {@link BeforeSave} and its siblings, on the model class and its superclasses up to the model base
 * class. Superclass callbacks come first, then subclass ones; within a class, in source declaration
 * order (see {@link MethodOrder}). A method overridden in a subclass is registered once, where it was
 * first declared, and invoked virtually so the override runs. Every wrong signature is a
 * {@link ModelDefinitionException}.
 */
final class CallbackScanner {

    /** Each callback annotation and its event, in the order of the events. */
    private static final Map<Class<? extends Annotation>, CallbackEvent> EVENTS = events();

    private final Class<?> type;
    private final Class<?> base;
    private final String modelName;

    /**
     * @param type the model class
     * @param base the model base class, where the scan stops (its own methods are not scanned)
     */
    CallbackScanner(Class<?> type, Class<?> base) {
        this.type = type;
        this.base = base;
        this.modelName = type.getSimpleName();
    }

    private static Map<Class<? extends Annotation>, CallbackEvent> events() {
        Map<Class<? extends Annotation>, CallbackEvent> events = new LinkedHashMap<>();
        events.put(BeforeValidation.class, CallbackEvent.BEFORE_VALIDATION);
        events.put(AfterValidation.class, CallbackEvent.AFTER_VALIDATION);
        events.put(BeforeSave.class, CallbackEvent.BEFORE_SAVE);
        events.put(AfterSave.class, CallbackEvent.AFTER_SAVE);
        events.put(BeforeCreate.class, CallbackEvent.BEFORE_CREATE);
        events.put(AfterCreate.class, CallbackEvent.AFTER_CREATE);
        events.put(BeforeUpdate.class, CallbackEvent.BEFORE_UPDATE);
        events.put(AfterUpdate.class, CallbackEvent.AFTER_UPDATE);
        events.put(BeforeDestroy.class, CallbackEvent.BEFORE_DESTROY);
        events.put(AfterDestroy.class, CallbackEvent.AFTER_DESTROY);
        events.put(AfterInitialize.class, CallbackEvent.AFTER_INITIALIZE);
        events.put(AfterFind.class, CallbackEvent.AFTER_FIND);
        events.put(AfterTouch.class, CallbackEvent.AFTER_TOUCH);
        return Collections.unmodifiableMap(events);
    }

    /**
     * @return the model's callbacks
     * @throws ModelDefinitionException when a callback method's signature is wrong
     */
    Callbacks scan() {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != base && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        Map<CallbackEvent, List<Registered>> byEvent = new EnumMap<>(CallbackEvent.class);
        for (Class<?> c : chain) {
            for (Method m : MethodOrder.declared(c)) {
                if (m.isSynthetic() || m.isBridge()) {
                    continue;
                }
                Map<Class<? extends Annotation>, CallbackEvent> events = eventsOf(m);
                if (events.isEmpty()) {
                    continue;
                }
                check(m, events);
                MethodCallback callback = null;
                for (CallbackEvent event : events.values()) {
                    List<Registered> registered = byEvent.computeIfAbsent(event, e -> new ArrayList<>());
                    if (registered.stream().anyMatch(r -> overrides(m, r.method()))) {
                        continue; // registered where first declared; the handle dispatches to this override
                    }
                    if (callback == null) {
                        callback = callback(m);
                    }
                    registered.add(new Registered(m, callback));
                }
            }
        }
        if (byEvent.isEmpty()) {
            return Callbacks.NONE;
        }
        Map<CallbackEvent, List<Callbacks.Callback>> callbacks = new EnumMap<>(CallbackEvent.class);
        byEvent.forEach((event, registered) -> callbacks.put(event,
                registered.stream().<Callbacks.Callback>map(Registered::callback).toList()));
        return new Callbacks(callbacks);
    }

    private static Map<Class<? extends Annotation>, CallbackEvent> eventsOf(Method m) {
        Map<Class<? extends Annotation>, CallbackEvent> found = new LinkedHashMap<>();
        EVENTS.forEach((annotation, event) -> {
            if (m.isAnnotationPresent(annotation)) {
                found.put(annotation, event);
            }
        });
        return found;
    }

    private void check(Method m, Map<Class<? extends Annotation>, CallbackEvent> events) {
        int modifiers = m.getModifiers();
        if (m.getParameterCount() > 0) {
            throw define(m, events, "takes parameters; callbacks take none: remove them and read what the callback"
                    + " needs from the record's fields");
        }
        if (Modifier.isStatic(modifiers)) {
            throw define(m, events, "is static; callbacks run on a record: remove static");
        }
        if (Modifier.isAbstract(modifiers)) {
            throw define(m, events, "is abstract; a callback needs a body: give it one, or move the annotation to the"
                    + " implementation in the subclass");
        }
        Class<?> returns = m.getReturnType();
        if (returns == void.class) {
            return;
        }
        List<String> cannotAbort = events.entrySet().stream().filter(e -> !e.getValue().canAbort())
                .map(e -> "@" + e.getKey().getSimpleName()).toList();
        if (returns == boolean.class && cannotAbort.isEmpty()) {
            return;
        }
        if (returns == boolean.class) {
            throw define(m, events, "returns boolean, but only before-callbacks (@BeforeValidation, @BeforeSave,"
                    + " @BeforeCreate, @BeforeUpdate, @BeforeDestroy) may, to abort by returning false; "
                    + String.join(", ", cannotAbort) + " cannot abort: change the return type to void");
        }
        String allowed = cannotAbort.isEmpty() ? "void, or boolean to abort by returning false" : "void";
        throw define(m, events, "returns " + returns.getTypeName() + "; " + annotations(events) + " callbacks return "
                + allowed + ": change the return type to " + (cannotAbort.isEmpty() ? "void or boolean" : "void"));
    }

    private ModelDefinitionException define(Method m, Map<Class<? extends Annotation>, CallbackEvent> events, String problem) {
        Class<?> declaring = m.getDeclaringClass();
        String params = Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "));
        String where = (declaring == type ? "" : declaring.getSimpleName() + ".") + m.getName() + "(" + params + ")";
        return new ModelDefinitionException(type.getName() + " callback method " + where + " (" + annotations(events) + ") "
                + problem);
    }

    private static String annotations(Map<Class<? extends Annotation>, CallbackEvent> events) {
        return events.keySet().stream().map(a -> "@" + a.getSimpleName()).collect(Collectors.joining(" "));
    }

    /** Whether {@code sub}, declared in a subclass, overrides {@code sup}, so calling {@code sup} virtually runs it. */
    private static boolean overrides(Method sub, Method sup) {
        Class<?> subClass = sub.getDeclaringClass();
        Class<?> supClass = sup.getDeclaringClass();
        if (subClass == supClass || !supClass.isAssignableFrom(subClass) || !sub.getName().equals(sup.getName())
                || !Arrays.equals(sub.getParameterTypes(), sup.getParameterTypes())) {
            return false;
        }
        int modifiers = sup.getModifiers();
        if (Modifier.isPrivate(modifiers) || Modifier.isPrivate(sub.getModifiers()) || Modifier.isStatic(modifiers)) {
            return false;
        }
        // package-private methods are only overridden from the same package (and class loader)
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)
                || subClass.getPackageName().equals(supClass.getPackageName())
                        && subClass.getClassLoader() == supClass.getClassLoader();
    }

    private MethodCallback callback(Method m) {
        String name = modelName + "." + m.getName() + "()";
        boolean returnsBoolean = m.getReturnType() == boolean.class;
        try {
            MethodHandles.Lookup lookup = ModelLookup.in(m.getDeclaringClass());
            // unreflect on an instance method respects overriding on every call (private ones excepted)
            MethodHandle handle = lookup.unreflect(m)
                    .asType(MethodType.methodType(returnsBoolean ? boolean.class : void.class, Object.class));
            return new MethodCallback(name, handle, returnsBoolean);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new ModelDefinitionException(type.getName() + " callback method " + m.getName() + "() cannot be accessed ("
                    + e + "); if the model is in a named module, open its package to dev.dynarecord.core", e);
        }
    }

    private record Registered(Method method, MethodCallback callback) {
    }

    /** A callback method, called through a method handle resolved once. Immutable. */
    private static final class MethodCallback implements Callbacks.Callback {
        private final String name;
        private final MethodHandle handle;
        private final boolean returnsBoolean;

        MethodCallback(String name, MethodHandle handle, boolean returnsBoolean) {
            this.name = name;
            this.handle = handle;
            this.returnsBoolean = returnsBoolean;
        }

        @Override
        public boolean invoke(Object record) {
            try {
                if (returnsBoolean) {
                    return (boolean) handle.invokeExact(record);
                }
                handle.invokeExact(record);
                return true;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new DynarecordException(name + " threw " + e, e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
