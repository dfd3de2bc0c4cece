package dev.dynarecord.internal.schema;

import dev.dynarecord.spi.GeneratedAccess;
import dev.dynarecord.spi.ItemFields;
import dev.dynarecord.types.AttributeConverter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The attributes of one schema that a class's generated item code moves in and out of its fields,
 * by the generated field indexes: the {@link ItemFields} that code calls back. Immutable.
 */
final class GeneratedItems implements ItemFields {

    private final GeneratedAccess access;
    private final AttributeSchema[] attributes;
    private final String[] names;
    private final AttributeConverter<Object>[] converters;
    private final boolean[] direct;

    @SuppressWarnings("unchecked")
    private GeneratedItems(GeneratedAccess access, Map<Integer, AttributeSchema> byIndex) {
        this.access = access;
        int size = byIndex.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        this.attributes = new AttributeSchema[size];
        this.names = new String[size];
        this.converters = new AttributeConverter[size];
        this.direct = new boolean[size];
        byIndex.forEach((index, a) -> {
            attributes[index] = a;
            names[index] = a.name();
            converters[index] = a.converter();
            direct[index] = !a.checksDocuments();
        });
    }

    /**
     * Splits a schema's attributes into those generated item code moves, by class, and the rest.
     *
     * @param attributes every attribute of the schema
     * @param rest receives, in order, the attributes no generated item code moves
     * @return one entry per class whose generated code moves some of them
     */
    static GeneratedItems[] split(AttributeSchema[] attributes, List<AttributeSchema> rest) {
        Map<GeneratedAccess, Map<Integer, AttributeSchema>> byAccess = new IdentityHashMap<>();
        Set<GeneratedAccess> refused = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (AttributeSchema a : attributes) {
            if (a.accessor() instanceof FieldAccessor.Generated g && g.access().mapsItems()) {
                if (byAccess.computeIfAbsent(g.access(), x -> new HashMap<>()).putIfAbsent(g.index(), a) != null) {
                    refused.add(g.access()); // two attributes of one field: that class goes attribute by attribute
                }
            }
        }
        refused.forEach(byAccess::remove);
        List<GeneratedItems> items = new ArrayList<>();
        for (AttributeSchema a : attributes) {
            if (!(a.accessor() instanceof FieldAccessor.Generated g) || !byAccess.containsKey(g.access())) {
                rest.add(a);
            }
        }
        byAccess.forEach((access, byIndex) -> items.add(new GeneratedItems(access, byIndex)));
        return items.toArray(GeneratedItems[]::new);
    }

    /** Sets the fields this covers from the item. */
    void read(Map<String, AttributeValue> item, Object model) {
        access.readItem(model, item, this);
    }

    /** Puts the fields this covers into the item. */
    void write(Object model, Map<String, AttributeValue> item) {
        access.writeItem(model, item, this);
    }

    @Override
    public String attribute(int index) {
        return index < names.length ? names[index] : null;
    }

    @Override
    public AttributeConverter<Object> converter(int index) {
        return converters[index];
    }

    @Override
    public boolean direct(int index) {
        return direct[index];
    }

    @Override
    public void read(int index, Object instance, AttributeValue value) {
        attributes[index].write(instance, value);
    }

    @Override
    public AttributeValue write(int index, Object value) {
        return attributes[index].toAttributeValue(value);
    }
}
