package dev.dynarecord.it.document;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The documents fixture: a record, a list, a map and a set of them, a @Field class and a bean. */
@Table(name = "doc_customers")
public class Customer extends Model<Customer> {
    public static final Finder<Customer> find = finder(Customer.class);

    @Field public String name;
    @Field public Address home;
    @Field public List<Address> previous;
    @Field public Map<String, Address> byLabel;
    @Field public Set<Address> visited;
    @Field public Geo geo;
    @Field public Contact contact;
    @Field public List<Contact> contacts;
}
