package dev.dynarecord.it.association;

import dev.dynarecord.Finder;
import dev.dynarecord.HasMany;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** The seeds' group. */
@Table(name = "assoc_teams")
public class Team extends Model<Team> {
    public static final Finder<Team> find = finder(Team.class);

    @Field public String name;

    public final HasMany<Member> members = hasMany(Member.class);
}
