package dev.dynarecord.it.association;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.AfterDestroy;
import dev.dynarecord.annotation.BeforeDestroy;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import java.util.concurrent.atomic.AtomicInteger;

/** An address of a member. */
@Table(name = "assoc_addresses")
public class Address extends Model<Address> {
    public static final Finder<Address> find = finder(Address.class);

    /** How many before_destroy callbacks ran. */
    public static final AtomicInteger BEFORE_DESTROY = new AtomicInteger();
    /** How many after_destroy callbacks ran. */
    public static final AtomicInteger AFTER_DESTROY = new AtomicInteger();

    @Field public String city;
    @Field public int floor;

    public final BelongsTo<Member> member = belongsTo(Member.class);

    @BeforeDestroy void countBefore() {
        BEFORE_DESTROY.incrementAndGet();
    }

    @AfterDestroy void countAfter() {
        AFTER_DESTROY.incrementAndGet();
    }
}
