package dev.dynarecord.internal.schema;

import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.exception.UnknownDiscriminatorException;
import dev.dynarecord.types.AttributeConverter;
import dev.dynarecord.types.ConverterOptions;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * What a class of a single-table {@link Hierarchy} adds to its schema: the discriminator attribute
 * and, for an abstract class, a constructor that refuses (no record is one of it) and a concrete
 * subclass to read its association declarations from.
 */
final class HierarchyMember {

    private final Hierarchy hierarchy;
    private final Class<?> type;

    HierarchyMember(Hierarchy hierarchy, Class<?> type) {
        this.hierarchy = hierarchy;
        this.type = type;
    }

    /** @return whether the class is abstract, as a sealed hierarchy's root often is */
    boolean isAbstract() {
        return Modifier.isAbstract(type.getModifiers());
    }

    /** @return the constructor of an abstract class: loading an item as it says which classes it has */
    Instantiator refusingConstructor() {
        String problem = type.getName() + " is abstract, so no record is one of it: build one of its subclasses, and give"
                + " every item of its table a " + hierarchy.attribute() + " that names one (" + hierarchy.describe() + ")";
        return () -> {
            throw new UnknownDiscriminatorException(problem);
        };
    }

    /** @return a concrete class of the hierarchy that extends this abstract one */
    Class<?> concreteSubclass() {
        return hierarchy.classes().stream().filter(c -> type.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers()))
                .findFirst().orElseThrow(() -> new ModelDefinitionException(type.getName() + " is abstract and no class of its"
                        + " single-table hierarchy extends it concretely; list a concrete subclass in @Table(subtypes)"));
    }

    /**
     * Adds the attribute that tells the classes apart: it always holds this class's value (so it is
     * written with every new item and never dirty), and loading an item does not set it (the item's
     * class was chosen by it).
     *
     * @param attributes the attributes so far, by attribute name; the discriminator is added
     * @param byField the persisted attributes by Java field name
     * @param modelName the class's simple name
     * @param binding the converters
     * @return what the schema knows of the hierarchy
     * @throws ModelDefinitionException when a field is stored as, or named, the discriminator
     */
    @SuppressWarnings("unchecked")
    Discriminator addAttribute(Map<String, AttributeSchema> attributes, Map<String, AttributeSchema> byField, String modelName,
            Binding binding) {
        String name = hierarchy.attribute();
        String root = hierarchy.root().getSimpleName();
        AttributeSchema clash = attributes.containsKey(name) ? attributes.get(name) : byField.get(name);
        if (clash != null) {
            throw new ModelDefinitionException(type.getName() + " field '" + clash.fieldName() + "' collides with '" + name
                    + "', the discriminator attribute that tells the classes of " + root + "'s table apart (Dynarecord keeps"
                    + " it); rename the field, or choose another @Table(discriminator = ...) on " + root);
        }
        String value = hierarchy.valueOf(type);
        AttributeConverter<Object> converter = (AttributeConverter<Object>) binding.resolve(String.class, ConverterOptions.DEFAULT);
        attributes.put(name, new AttributeSchema(modelName, name, name, String.class, String.class, true, converter,
                KeyRole.NONE, null, FieldAccessor.constant(value), binding));
        return new Discriminator(hierarchy, type, value, hierarchy.valuesFrom(type));
    }
}
