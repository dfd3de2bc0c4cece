package dev.dynarecord.it.association;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.HasAndBelongsToMany;
import dev.dynarecord.HasMany;
import dev.dynarecord.HasOne;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** The seeds' user: addresses, students/teacher, group, role, friends/friendingUsers. */
@Table(name = "assoc_members")
public class Member extends Model<Member> {
    public static final Finder<Member> find = finder(Member.class);

    @Field public String name;
    @Field public int rank;

    public final HasMany<Address> addresses = hasMany(Address.class).dependent(Dependent.DESTROY);
    public final HasMany<Member> students = hasMany(Member.class).inverseOf("teacher");
    public final BelongsTo<Member> teacher = belongsTo(Member.class);
    public final BelongsTo<Team> team = belongsTo(Team.class);
    public final HasOne<Role> role = hasOne(Role.class).dependent(Dependent.DESTROY);
    public final HasAndBelongsToMany<Member> friends = hasAndBelongsToMany(Member.class).inverseOf("friendingUsers");
    public final HasAndBelongsToMany<Member> friendingUsers = hasAndBelongsToMany(Member.class).inverseOf("friends");
}
