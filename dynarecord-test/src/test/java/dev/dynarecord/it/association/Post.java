package dev.dynarecord.it.association;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** A post: hash key = its topic's key, range key = its own id. */
@Table(name = "assoc_posts", key = "topicId", rangeKey = "id")
public class Post extends Model<Post> {
    public static final Finder<Post> find = finder(Post.class);

    @Field public String body;

    public final BelongsTo<Topic> topic = belongsTo(Topic.class).compositeKey();
}
