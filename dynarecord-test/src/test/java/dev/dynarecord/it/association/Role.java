package dev.dynarecord.it.association;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.AfterDestroy;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import java.util.concurrent.atomic.AtomicInteger;

/** A member's one role. */
@Table(name = "assoc_roles")
public class Role extends Model<Role> {
    public static final Finder<Role> find = finder(Role.class);
    /** How many after_destroy callbacks ran. */
    public static final AtomicInteger DESTROYED = new AtomicInteger();

    @Field public String title;

    public final BelongsTo<Member> member = belongsTo(Member.class);

    @AfterDestroy void countDestroy() {
        DESTROYED.incrementAndGet();
    }
}
