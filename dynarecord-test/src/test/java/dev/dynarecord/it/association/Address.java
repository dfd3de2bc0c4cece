package dev.dynarecord.it.association;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** An address of a member. */
@Table(name = "assoc_addresses")
public class Address extends Model<Address> {
    public static final Finder<Address> find = finder(Address.class);

    @Field public String city;

    public final BelongsTo<Member> member = belongsTo(Member.class);
}
