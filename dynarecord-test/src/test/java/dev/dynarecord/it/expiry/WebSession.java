package dev.dynarecord.it.expiry;

import dev.dynarecord.BelongsTo;
import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.types.TimeFormat;
import java.time.Instant;

/**
 * A login session that lives a day (Dynamoid's {@code expires in: 1.day}): DynamoDB's TTL reads
 * {@code expiresAt}. Indexed by user (a global index that holds the TTL attribute) and by expiry (a
 * sharded range index whose range key is the TTL attribute, which a Query cannot filter on).
 */
@Table(name = "web_sessions", ttl = "expiresAt", expiresIn = "P1D")
public class WebSession extends Model<WebSession> {
    public static final Finder<WebSession> find = finder(WebSession.class);

    @Field @Index public String userId;
    @Field public String device;
    @Field(timeFormat = TimeFormat.EPOCH_SECONDS) @Index(range = true, shards = 2) public Instant expiresAt;

    public final BelongsTo<Visitor> visitor = belongsTo(Visitor.class);

    /** @return a saved session of a user, expiring at a time (null: a day after now, from expiresIn) */
    static WebSession of(String userId, String device, Instant expiresAt) {
        return find.create(s -> {
            s.userId = userId;
            s.device = device;
            s.expiresAt = expiresAt;
        });
    }
}
