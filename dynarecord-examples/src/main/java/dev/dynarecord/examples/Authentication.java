package dev.dynarecord.examples;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.GlobalIndex;
import dev.dynarecord.annotation.LocalIndex;
import dev.dynarecord.annotation.Projection;
import dev.dynarecord.annotation.Table;
import java.time.Instant;

/** OceanDynamo's example: API tokens per user name, with a local and a global index. */
@Table(name = "authentications", key = "username", rangeKey = "expiresAt", timestamps = false)
public class Authentication extends Model<Authentication> {
    /** The finder. */
    public static final Finder<Authentication> find = finder(Authentication.class);

    @Field String username;
    @Field Instant expiresAt;
    @Field @LocalIndex String token;                                              // LSI token_index
    @Field @GlobalIndex(rangeKey = "expiresAt", projection = Projection.KEYS_ONLY) String apiUserId; // GSI
}
