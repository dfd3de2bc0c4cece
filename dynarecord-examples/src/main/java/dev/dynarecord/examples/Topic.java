package dev.dynarecord.examples;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.HasMany;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** A topic: hash key = its forum's id, range key = its own generated id (a composite key). */
@Table(name = "topics", key = "forumId", rangeKey = "id")
public class Topic extends Model<Topic> {
    /** The finder: {@code Topic.find.byId(forumId, topicId)}. */
    public static final Finder<Topic> find = finder(Topic.class);

    @Field String subject;

    final BelongsTo<Forum> forum = belongsTo(Forum.class).compositeKey();
    final HasMany<Post> posts = hasMany(Post.class).dependent(Dependent.DESTROY);
}
