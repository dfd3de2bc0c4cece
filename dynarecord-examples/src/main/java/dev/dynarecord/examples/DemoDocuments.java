package dev.dynarecord.examples;

import dev.dynarecord.Session;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** Step 22e of the walkthrough: records embedded as DynamoDB maps, queried and changed by document paths. */
final class DemoDocuments {

    private final PrintStream out;

    DemoDocuments(PrintStream out) {
        this.out = out;
    }

    void run(Session session) {
        Demo.step(out, "22e. Embedded documents: a record, a list and a map of them stored as maps; paths in queries;"
                + " a change inside a document writes only that attribute");
        Customer ada = new Customer();
        ada.name = "Ada";
        ada.home = new PostalAddress("1 Main St", "Chicago", "60601");
        ada.previous = List.of(new PostalAddress("2 Oak Ave", "Boston", "02101"));
        ada.byLabel = Map.of("work", new PostalAddress("3 Loop Rd", "Chicago", "60602"));
        ada.saveOrThrow();
        Customer bob = Customer.find.create(c -> {
            c.name = "Bob";
            c.home = new PostalAddress("9 Bay Dr", "Miami", "33101");
        });
        out.println("   stored home: " + new TreeMap<>(session.client().getItem(GetItemRequest.builder().tableName(Customer.find.tableName())
                .key(Map.of("id", AttributeValue.fromS((String) ada.id())))
                .build()).item().get("home").m()));
        out.println("   " + Customer.find.where("home.city", "Chicago").explain().toString().lines()
                .filter(l -> l.contains("filters")).findFirst().orElse("").trim());
        out.println("   in Chicago: " + names(Customer.find.where("home.city", "Chicago").all())
                + "; worked in Chicago: " + names(Customer.find.where("byLabel.work.city", "Chicago").all())
                + "; lived in Boston first: " + names(Customer.find.where("previous[0].city", "Boston").all())
                + "; not Bob: " + !names(Customer.find.where("home.zip.begins_with", "606").all()).contains("Bob"));
        Customer cities = Customer.find.project("home.city").where("id", ada.id()).first().orElseThrow();
        out.println("   project(\"home.city\"): " + cities.home);
        ada.home = new PostalAddress("1 Main St", "Boston", "02101");
        out.println("   changed " + ada.changed() + "; saving sends home only");
        ada.saveOrThrow();
        bob.saveOrThrow();
        out.println("   unchanged bob saved: nothing sent; Ada now in " + Customer.find.byId(ada.id()).home.city());
    }

    private static List<String> names(List<Customer> customers) {
        return customers.stream().map(c -> c.name).sorted().toList();
    }
}
