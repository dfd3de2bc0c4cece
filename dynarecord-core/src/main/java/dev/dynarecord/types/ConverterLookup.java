package dev.dynarecord.types;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where {@link Converters} finds converters besides the built-in ones, for one resolution:
 * preferred classes (a session's) first, embedded documents last; it remembers which converters
 * the documents function made, so that a set of documents can be stored as a list.
 */
record ConverterLookup(Map<Class<?>, ? extends AttributeConverter<?>> preferred,
        Function<Class<?>, AttributeConverter<?>> documents, Set<AttributeConverter<?>> madeByDocuments) {

    ConverterLookup(Map<Class<?>, ? extends AttributeConverter<?>> preferred, Function<Class<?>, AttributeConverter<?>> documents) {
        this(preferred, documents, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    AttributeConverter<?> document(Class<?> c) {
        AttributeConverter<?> made = documents.apply(c);
        if (made != null) {
            madeByDocuments.add(made);
        }
        return made;
    }

    boolean isDocument(AttributeConverter<?> converter) {
        return madeByDocuments.contains(converter);
    }
}
