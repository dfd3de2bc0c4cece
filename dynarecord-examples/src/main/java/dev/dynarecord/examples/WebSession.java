package dev.dynarecord.examples;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.StreamView;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.annotation.Toggle;
import dev.dynarecord.types.TimeFormat;
import java.time.Instant;

/**
 * A login session that lives a day (Dynamoid's {@code expires in: 1.day}): DynamoDB's TTL deletes
 * it some time after {@code expiresAt}, and Dynarecord hides it as soon as that moment has passed.
 * Its table has a stream of old and new images and point-in-time recovery.
 */
@Table(name = "web_sessions", ttl = "expiresAt", expiresIn = "P1D", stream = StreamView.NEW_AND_OLD_IMAGES,
        pointInTimeRecovery = Toggle.ON)
public class WebSession extends Model<WebSession> {
    /** The finder. */
    public static final Finder<WebSession> find = finder(WebSession.class);

    @Field String userId;
    @Field String device;
    @Field(timeFormat = TimeFormat.EPOCH_SECONDS) Instant expiresAt;
}
