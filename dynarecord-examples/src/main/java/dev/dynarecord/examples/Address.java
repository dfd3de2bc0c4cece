package dev.dynarecord.examples;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** An address: it belongs to a user, keeping the user's id in {@code userId} (with a GSI over it). */
@Table(name = "addresses")
public class Address extends Model<Address> {
    /** The finder. */
    public static final Finder<Address> find = finder(Address.class);

    @Field String city;

    final BelongsTo<User> user = belongsTo(User.class);
}
