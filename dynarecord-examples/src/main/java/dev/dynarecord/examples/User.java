package dev.dynarecord.examples;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.HasAndBelongsToMany;
import dev.dynarecord.HasMany;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.AfterCreate;
import dev.dynarecord.annotation.BeforeSave;
import dev.dynarecord.annotation.Default;
import dev.dynarecord.annotation.Dependent;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.Protected;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.annotation.Transient;
import dev.dynarecord.lifecycle.Errors;
import dev.dynarecord.types.TimeFormat;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A user: the magic {@code id} is its key, and it has a field of most kinds Dynarecord stores. */
@Table(name = "users", readCapacity = 10, writeCapacity = 5)
@Index(field = "createdAt", range = true, shards = 4)            // createdAt range queries: a sharded GSI, no Scan
public class User extends Model<User> {
    /** The finder: {@code User.find.byId(id)}. */
    public static final Finder<User> find = finder(User.class);

    /** Membership levels. */
    public enum Plan { FREE, PRO }

    @Field @NotBlank String name;                                 // Jakarta Bean Validation
    @Field @Index @Pattern(regexp = ".*@.*") String email;        // a GSI: email_index
    @Field int rank;
    @Field double score;
    @Field BigDecimal balance;
    @Field @Protected boolean admin;                              // never mass-assigned
    @Field long loginCount;
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
    @Transient List<String> events = new ArrayList<>();           // what the callbacks did

    final HasMany<Address> addresses = hasMany(Address.class).dependent(Dependent.DESTROY);
    final BelongsTo<Group> group = belongsTo(Group.class);       // keeps groupId, with a GSI over it
    final HasAndBelongsToMany<User> friends = hasAndBelongsToMany(User.class).inverseOf("friendingUsers");
    final HasAndBelongsToMany<User> friendingUsers = hasAndBelongsToMany(User.class).inverseOf("friends");

    @Override
    protected void validate(Errors errors) {                      // custom rules, after the constraints
        if (rank < 0) {
            errors.add("rank", "must be >= 0");
        }
    }

    @BeforeSave
    void normaliseEmail() {
        email = email == null ? null : email.toLowerCase(java.util.Locale.ROOT);
    }

    @AfterCreate
    void welcome() {
        events.add("welcome mail queued for " + email);
    }
}
