package dev.dynarecord.it.association;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.HasMany;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.annotation.AfterDestroy;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import java.util.concurrent.atomic.AtomicInteger;

/** A topic: hash key = its forum's id, range key = its own id. */
@Table(name = "assoc_topics", key = "forumId", rangeKey = "id")
public class Topic extends Model<Topic> {
    public static final Finder<Topic> find = finder(Topic.class);
    /** How many after_destroy callbacks ran. */
    public static final AtomicInteger DESTROYED = new AtomicInteger();

    @Field public String subject;

    public final BelongsTo<Forum> forum = belongsTo(Forum.class).compositeKey();
    public final HasMany<Post> posts = hasMany(Post.class).dependent(Dependent.DESTROY);

    @AfterDestroy void countDestroy() {
        DESTROYED.incrementAndGet();
    }
}
