package dev.dynarecord.it.expiry;

import dev.dynarecord.Finder;
import dev.dynarecord.HasMany;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;

/** A visitor whose sessions go with it; a visitor expires too (its TTL is a Long of epoch seconds). */
@Table(name = "visitors", ttl = "leavesAt")
public class Visitor extends Model<Visitor> {
    public static final Finder<Visitor> find = finder(Visitor.class);

    @Field public String name;
    @Field public Long leavesAt;

    public final HasMany<WebSession> sessions = hasMany(WebSession.class).dependent(Dependent.DESTROY);
}
