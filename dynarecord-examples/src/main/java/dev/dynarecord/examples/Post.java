package dev.dynarecord.examples;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** A post: hash key = its topic's key, range key = its own generated id. */
@Table(name = "posts", key = "topicId", rangeKey = "id")
public class Post extends Model<Post> {
    /** The finder. */
    public static final Finder<Post> find = finder(Post.class);

    @Field String body;

    final BelongsTo<Topic> topic = belongsTo(Topic.class).compositeKey();
}
