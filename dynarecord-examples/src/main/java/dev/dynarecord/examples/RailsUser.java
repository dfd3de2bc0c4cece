package dev.dynarecord.examples;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.types.TimeFormat;

/**
 * A user in the table of a Rails app that uses Dynamoid: attributes in snake case
 * ({@code first_name}, {@code created_at}, {@code lock_version}), timestamps as epoch seconds.
 */
@Table(name = "rails_users", naming = AttributeNaming.SNAKE_CASE, timestampFormat = TimeFormat.EPOCH_SECONDS)
public class RailsUser extends Model<RailsUser> {
    /** The finder. */
    public static final Finder<RailsUser> find = finder(RailsUser.class);

    @Field String firstName;
    @Field Integer loginCount;
}
