package dev.dynarecord.types;

import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.ModelDefinitionException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Creates the collection or map a field declares when reading: an implementation for the common
 * interfaces ({@code List}, {@code Set} as {@code LinkedHashSet}, {@code SortedSet} as
 * {@code TreeSet}, {@code Map} as {@code LinkedHashMap}), or the declared concrete class through
 * its public no-arg constructor. The argument is the expected size.
 */
final class Containers {

    private Containers() {
    }

    static IntFunction<Collection<Object>> collection(Class<?> type) {
        if (type == List.class || type == Collection.class || type == ArrayList.class) {
            return ArrayList::new;
        }
        if (type == Set.class || type == LinkedHashSet.class) {
            return n -> new LinkedHashSet<>(Math.max(16, n * 4 / 3 + 1));
        }
        if (type == HashSet.class) {
            return n -> new HashSet<>(Math.max(16, n * 4 / 3 + 1));
        }
        if (type == SortedSet.class || type == NavigableSet.class || type == TreeSet.class) {
            return n -> new TreeSet<>();
        }
        if (type == LinkedList.class) {
            return n -> new LinkedList<>();
        }
        return byConstructor(type, Collection.class);
    }

    static IntFunction<Map<Object, Object>> map(Class<?> type) {
        if (type == Map.class || type == LinkedHashMap.class) {
            return n -> new LinkedHashMap<>(Math.max(16, n * 4 / 3 + 1));
        }
        if (type == HashMap.class) {
            return n -> new HashMap<>(Math.max(16, n * 4 / 3 + 1));
        }
        if (type == SortedMap.class || type == NavigableMap.class || type == TreeMap.class) {
            return n -> new TreeMap<>();
        }
        return byConstructor(type, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static <C> IntFunction<C> byConstructor(Class<?> type, Class<?> kind) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new ModelDefinitionException("Cannot create a " + type.getName() + " when reading: declare the field as "
                    + kind.getSimpleName() + " (or List, Set, SortedSet) or as a concrete class with a public no-arg constructor");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new ModelDefinitionException("Cannot create a " + type.getName()
                    + " when reading: it has no public no-arg constructor", e);
        }
        return n -> {
            try {
                return (C) constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new ConversionException("Could not create a " + type.getName(), e);
            }
        };
    }
}
