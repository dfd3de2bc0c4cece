package dev.dynarecord.examples;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Default;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.annotation.Transient;
import dev.dynarecord.types.TimeFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A user: the magic {@code id} is its key, and it has a field of most kinds Dynarecord stores. */
@Table(name = "users", readCapacity = 10, writeCapacity = 5)
public class User extends Model<User> {
    /** The finder: {@code User.find.byId(id)}. */
    public static final Finder<User> find = finder(User.class);

    /** Membership levels. */
    public enum Plan { FREE, PRO }

    @Field String name;
    @Field @Index String email;                                   // a GSI: email_index
    @Field int rank;
    @Field double score;
    @Field BigDecimal balance;
    @Field boolean admin;
    @Field Plan plan;
    @Field UUID externalId;
    @Field Instant lastLoginAt;                                   // ISO-8601 text: sorts in time order
    @Field(timeFormat = TimeFormat.EPOCH_SECONDS) Instant expiresAt; // a number: what DynamoDB TTL reads
    @Field LocalDate birthday;
    @Field Set<String> tags;                                      // SS
    @Field Set<Integer> luckyNumbers;                             // NS
    @Field List<String> nicknames;                                // L
    @Field Map<String, Object> profile;                           // M
    @Field(serialized = true) Map<String, Object> settings;       // JSON text
    @Field byte[] avatar;                                         // B
    @Field @Default("5") int poisonLimit;
    @Transient String passwordConfirmation;                       // never stored
}
