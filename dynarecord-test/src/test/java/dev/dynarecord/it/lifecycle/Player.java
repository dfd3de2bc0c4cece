package dev.dynarecord.it.lifecycle;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A magic-id model with a field of every kind an atomic update touches; reserved words as attribute names. */
@Table(name = "players")
public class Player extends Model<Player> {
    public static final Finder<Player> find = finder(Player.class);

    @Field public String name;
    @Field(name = "status") public String state;
    @Field(name = "count") public int rank;
    @Field public long credits;
    @Field public Long visits;
    @Field public double score;
    @Field public BigDecimal balance;
    @Field public Set<String> tags;
    @Field public Set<Long> lucky;
    @Field public List<String> history;
    @Field public String nickname;
    @Field public Instant lastSeen;
}
