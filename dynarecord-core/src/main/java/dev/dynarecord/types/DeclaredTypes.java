package dev.dynarecord.types;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/** What a converter class says it converts: the {@code T} of its {@code AttributeConverter<T>}. */
final class DeclaredTypes {

    private DeclaredTypes() {
    }

    /**
     * The {@code T} a converter class declares in {@code AttributeConverter<T>}, through its superclasses
     * and interfaces ({@code MoneyConverter extends TextConverter<Money>}); null when it names no class.
     */
    static Class<?> of(Class<?> converter) {
        return declaredType(converter, Map.of());
    }

    private static Class<?> declaredType(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> own = Map.of();
        if (type instanceof ParameterizedType p) {
            raw = (Class<?>) p.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] args = p.getActualTypeArguments();
            own = new HashMap<>();
            for (int i = 0; i < variables.length; i++) {
                own.put(variables[i], args[i] instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : args[i]);
            }
            if (raw == AttributeConverter.class) {
                Type declared = own.get(variables[0]);
                return declared instanceof Class<?> c ? c : declared instanceof ParameterizedType pd ? (Class<?>) pd.getRawType() : null;
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
        } else {
            return null;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Class<?> found = declaredType(parent, own);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null || superclass == Object.class ? null : declaredType(superclass, own);
    }
}
