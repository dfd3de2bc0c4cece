package dev.dynarecord.spring.boot.indexed;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.Table;

/** A model with a global index, whose table the sync test creates without it first. */
@Table(name = "listings", timestamps = false)
public class Listing extends Model<Listing> {
    public static final Finder<Listing> find = finder(Listing.class);

    @Field @Index public String city;
}
