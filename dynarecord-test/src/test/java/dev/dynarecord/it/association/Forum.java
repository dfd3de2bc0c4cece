package dev.dynarecord.it.association;

import dev.dynarecord.Finder;
import dev.dynarecord.HasMany;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** OceanDynamo's forum: topics are a partition of the topic table. */
@Table(name = "assoc_forums")
public class Forum extends Model<Forum> {
    public static final Finder<Forum> find = finder(Forum.class);

    @Field public String title;

    public final HasMany<Topic> topics = hasMany(Topic.class).dependent(Dependent.DESTROY);
}
