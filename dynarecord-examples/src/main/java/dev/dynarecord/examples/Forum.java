package dev.dynarecord.examples;

import dev.dynarecord.Finder;
import dev.dynarecord.HasMany;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** OceanDynamo's forum: its topics are one partition of the topics table, read without an index. */
@Table(name = "forums")
public class Forum extends Model<Forum> {
    /** The finder. */
    public static final Finder<Forum> find = finder(Forum.class);

    @Field String title;

    final HasMany<Topic> topics = hasMany(Topic.class).dependent(Dependent.DESTROY);
}
