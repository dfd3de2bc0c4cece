package dev.dynarecord.internal.schema;

import dev.dynarecord.exception.UnknownDiscriminatorException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the schema of a class in a single-table {@link Hierarchy} knows of it: the attribute that
 * tells the classes apart, the value this class stores, and the values its finder admits (its own
 * and its subclasses'). Immutable.
 *
 * @param hierarchy the hierarchy
 * @param type the class
 * @param value the value the class stores
 * @param admitted the values of the class and its subclasses, the class's first
 */
public record Discriminator(Hierarchy hierarchy, Class<?> type, String value, List<String> admitted) {

    /** @return the discriminator attribute's name */
    public String attribute() {
        return hierarchy.attribute();
    }

    /** @return whether reads must leave out items of other classes: true for every class but the root */
    public boolean restricts() {
        return type != hierarchy.root();
    }

    /**
     * Whether an item read by key belongs to this class or a subclass, as ActiveRecord's
     * {@code Car.find(truck_id)} finds nothing. The root admits every item of
     * its table (one without the attribute is a root record); a subclass only its values.
     *
     * @param item an item of the table
     * @return whether this class's finder returns it
     */
    public boolean admits(Map<String, AttributeValue> item) {
        if (!restricts()) {
            return true;
        }
        AttributeValue v = item.get(attribute());
        return v != null && v.s() != null && admitted.contains(v.s());
    }

    /**
     * @param projection the attributes a read asks for (empty: all)
     * @return them with the discriminator added, so that the item's class is known
     */
    public List<String> withAttribute(List<String> projection) {
        if (projection.isEmpty() || projection.contains(attribute())) {
            return projection;
        }
        List<String> more = new java.util.ArrayList<>(projection);
        more.add(attribute());
        return List.copyOf(more);
    }

    /**
     * @param item an item loaded as this class
     * @return the item as the record's baseline: with this class's value when it has none, so
     *     dirty tracking does not take the missing attribute for a change
     */
    public Map<String, AttributeValue> completed(Map<String, AttributeValue> item) {
        if (item.containsKey(attribute())) {
            return item;
        }
        Map<String, AttributeValue> with = new java.util.HashMap<>(item);
        with.put(attribute(), AttributeValue.fromS(value));
        return with;
    }

    /**
     * The class an item is loaded as: the one its discriminator names; this class when the item has
     * none (written before the hierarchy, or with a projection that left the attribute out).
     *
     * @param item an item of the table
     * @return the class, this one or a subclass
     * @throws UnknownDiscriminatorException when the value names no class of the hierarchy, or one that is not this class or a subclass
     */
    public Class<?> classOf(Map<String, AttributeValue> item) {
        AttributeValue v = item.get(attribute());
        if (v == null || v.s() == null || v.s().equals(value)) {
            return type;
        }
        Class<?> found = hierarchy.classOf(v.s()).orElseThrow(() -> new UnknownDiscriminatorException("an item of "
                + hierarchy.root().getSimpleName() + "'s table has " + attribute() + " = '" + v.s() + "', which no class of the"
                + " hierarchy stores (" + hierarchy.describe() + "); add its class to " + hierarchy.root().getSimpleName()
                + "'s @Table(subtypes), or give a class that value with @DiscriminatorValue"));
        if (!type.isAssignableFrom(found)) {
            throw new UnknownDiscriminatorException("an item read as " + type.getSimpleName() + " has " + attribute() + " = '"
                    + v.s() + "', a " + found.getSimpleName() + "; read it through " + hierarchy.root().getSimpleName()
                    + "'s finder or " + found.getSimpleName() + "'s");
        }
        return found;
    }
}
