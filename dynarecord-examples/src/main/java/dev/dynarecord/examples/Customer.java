package dev.dynarecord.examples;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import java.util.List;
import java.util.Map;

/** A customer whose addresses are embedded documents: one, a list of them, and a map of them by label. */
public class Customer extends Model<Customer> {
    /** The finder. */
    public static final Finder<Customer> find = finder(Customer.class);

    @Field String name;
    @Field PostalAddress home;                  // a map
    @Field List<PostalAddress> previous;        // a list of maps
    @Field Map<String, PostalAddress> byLabel;  // a map of maps
}
