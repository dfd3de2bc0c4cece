package dev.dynarecord.it.association;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.HasMany;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** A topic: hash key = its forum's id, range key = its own id. */
@Table(name = "assoc_topics", key = "forumId", rangeKey = "id")
public class Topic extends Model<Topic> {
    public static final Finder<Topic> find = finder(Topic.class);

    @Field public String subject;

    public final BelongsTo<Forum> forum = belongsTo(Forum.class).compositeKey();
    public final HasMany<Post> posts = hasMany(Post.class).dependent(Dependent.DESTROY);
}
