package dev.dynarecord.it.query;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.GlobalIndex;
import dev.dynarecord.annotation.LocalIndex;
import dev.dynarecord.annotation.Projection;
import dev.dynarecord.annotation.Table;
import java.time.Instant;

/** OceanDynamo's authentication model: an LSI on token, a KEYS_ONLY GSI on apiUserId ordered by expiresAt. */
@Table(key = "username", rangeKey = "expiresAt", timestamps = false)
public class Authentication extends Model<Authentication> {
    public static final Finder<Authentication> find = finder(Authentication.class);

    @Field public String username;
    @Field public Instant expiresAt;
    @Field @LocalIndex public String token;
    @Field @GlobalIndex(rangeKey = "expiresAt", projection = Projection.KEYS_ONLY) public String apiUserId;
    @Field @GlobalIndex(projection = Projection.INCLUDE, include = "device") public String status;
    @Field public String device;
    @Field public int uses;

    public Authentication() {
    }

    public Authentication(String username, Instant expiresAt, String token, String apiUserId) {
        this.username = username;
        this.expiresAt = expiresAt;
        this.token = token;
        this.apiUserId = apiUserId;
    }
}
