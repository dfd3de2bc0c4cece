package dev.dynarecord.examples;

import dev.dynarecord.Finder;
import dev.dynarecord.HasMany;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** A group of users. */
@Table(name = "groups")
public class Group extends Model<Group> {
    /** The finder. */
    public static final Finder<Group> find = finder(Group.class);

    @Field String name;

    final HasMany<User> users = hasMany(User.class);
}
