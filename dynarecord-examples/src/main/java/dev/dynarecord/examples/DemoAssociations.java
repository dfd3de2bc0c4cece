package dev.dynarecord.examples;

import java.io.PrintStream;
import java.util.List;

/** Steps 19 to 22 of the walkthrough: associations, preloading, OceanDynamo's composite keys. */
final class DemoAssociations {

    private final PrintStream out;

    DemoAssociations(PrintStream out) {
        this.out = out;
    }

    void run(User josh) {
        Demo.step(out, "19. Associations: building through has_many links both sides; children are read by Query on a GSI over the"
                + " foreign key");
        Address home = josh.addresses.create(a -> a.city = "Chicago");
        josh.addresses.create(a -> a.city = "Boston");
        out.println("   josh.addresses: " + cities(josh.addresses.all()) + ", in Chicago: "
                + cities(josh.addresses.where("city", "Chicago").all()));
        out.println("   home.user is josh: " + (home.user.get() == josh) + "; userId " + home.user.id().equals(josh.id()));
        out.println(Demo.indent(josh.addresses.query().explain().toString().lines().findFirst().orElseThrow()));

        Demo.step(out, "20. has_and_belongs_to_many: one join-table item per link, read from both sides");
        User ann = User.find.findBy("email", "ann@example.com").orElseThrow();
        josh.friends.add(ann);
        out.println("   josh.friends: " + names(josh.friends.all()) + ", ann.friendingUsers: " + names(ann.friendingUsers.all()));

        Demo.step(out, "21. Preloading: includes(...) reads belongs_to owners with one BatchGetItem, has_many children with"
                + " concurrent Queries");
        Group staff = Group.find.create(g -> g.name = "staff");
        ann.group.set(staff);
        ann.saveOrThrow();
        josh.reload().group.set(staff);
        josh.saveOrThrow();
        List<User> ranked = User.find.where("rank").between(1, 10).allowScan().includes("group", "addresses").all();
        for (User u : ranked) {
            out.println("   " + u.name + ": group " + u.group.optional().map(g -> g.name).orElse("none") + ", addresses "
                    + cities(u.addresses.all()));
        }
        out.println("   (nothing was sent for the lines above: every association was preloaded)");

        Demo.step(out, "22. OceanDynamo's composite keys: forum -> topics -> posts, strongly consistent and index-free; destroyed in cascade");
        Forum forum = Forum.find.create(f -> f.title = "Java");
        Topic topic = forum.topics.create(t -> t.subject = "Records");
        topic.posts.create(p -> p.body = "first");
        topic.posts.create(p -> p.body = "second");
        out.println("   topic key " + (topic.key().hash().equals(forum.id()) ? "(forum id, topic id)" : topic.key())
                + "; posts: " + topic.posts.query().consistent().count());
        forum.destroy();
        out.println("   after forum.destroy(): topics " + forum.topics.reload().count() + ", posts " + topic.posts.reload().count());
    }

    private static List<String> cities(List<Address> addresses) {
        return addresses.stream().map(a -> a.city).sorted().toList();
    }

    private static List<String> names(List<User> users) {
        return users.stream().map(u -> u.name).sorted().toList();
    }
}
