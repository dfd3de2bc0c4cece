package dev.dynarecord.it.association;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.AfterDestroy;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import java.util.concurrent.atomic.AtomicInteger;

/** A post: hash key = its topic's key, range key = its own id. */
@Table(name = "assoc_posts", key = "topicId", rangeKey = "id")
public class Post extends Model<Post> {
    public static final Finder<Post> find = finder(Post.class);
    /** How many after_destroy callbacks ran. */
    public static final AtomicInteger DESTROYED = new AtomicInteger();

    @Field public String body;

    public final BelongsTo<Topic> topic = belongsTo(Topic.class).compositeKey();

    @AfterDestroy void countDestroy() {
        DESTROYED.incrementAndGet();
    }
}
