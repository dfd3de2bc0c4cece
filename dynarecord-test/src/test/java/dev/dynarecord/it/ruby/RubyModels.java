package dev.dynarecord.it.ruby;

import dev.dynarecord.Finder;
import dev.dynarecord.Model;
import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.Index;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.types.TimeFormat;
import java.time.Instant;

/** Models of tables a Rails app writes: with Dynamoid's conventions, and with OceanDynamo's. */
final class RubyModels {
    private RubyModels() {
    }

    /** Dynamoid's {@code class User; include Dynamoid::Document; field :first_name; ...}: snake case chosen by the model. */
    @Table(name = "dynamoid_users", naming = AttributeNaming.SNAKE_CASE, timestampFormat = TimeFormat.EPOCH_SECONDS)
    public static class DynamoidUser extends Model<DynamoidUser> {
        public static final Finder<DynamoidUser> find = finder(DynamoidUser.class);
        @Field public String firstName;
        @Field @Index public Integer loginCount;
        @Field(name = "mail") public String email;
    }

    /** OceanDynamo's {@code timestamps: [:created_at, :updated_at]}, {@code locking: :lock_version}, every name given. */
    @Table(name = "ocean_jobs", createdAt = "created_at", updatedAt = "updated_at", lockVersion = "lock_version",
            timestampFormat = TimeFormat.EPOCH_SECONDS)
    public static class OceanJob extends Model<OceanJob> {
        public static final Finder<OceanJob> find = finder(OceanJob.class);
        @Field(name = "credentials") public String credentials;
        @Field(name = "max_retries") public Integer maxRetries;
    }

    /** No naming of its own: a session with snake case and epoch timestamps names it. */
    @Table(name = "api_tokens")
    public static class ApiToken extends Model<ApiToken> {
        public static final Finder<ApiToken> find = finder(ApiToken.class);
        @Field public String userId;
        @Field public Instant expiresAt;
    }
}
