package dev.dynarecord.it.query;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Index;

/** A user with Dynamoid-style indexes: on one field, on a field with a range key, and a sharded range index. */
public class Member extends Model<Member> {
    public static final Finder<Member> find = finder(Member.class);

    @Field @Index public String email;
    @Field @Index(rangeKey = "rank") public String city;
    @Field public int rank;
    @Field public String name;
    @Field @Index(range = true, shards = 8) public Long joinedSeq;
}
