package dev.dynarecord.it.association;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** A member's one role. */
@Table(name = "assoc_roles")
public class Role extends Model<Role> {
    public static final Finder<Role> find = finder(Role.class);

    @Field public String title;

    public final BelongsTo<Member> member = belongsTo(Member.class);
}
