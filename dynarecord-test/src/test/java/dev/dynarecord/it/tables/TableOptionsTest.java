package dev.dynarecord.it.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.Model;
import dev.dynarecord.Session;
import dev.dynarecord.TableInfo;
import dev.dynarecord.annotation.Field;
import dev.dynarecord.annotation.StreamView;
import dev.dynarecord.annotation.Table;
import dev.dynarecord.annotation.Toggle;
import dev.dynarecord.exception.ModelDefinitionException;
import dev.dynarecord.test.DynarecordTest;
import dev.dynarecord.test.RequestRecorder;
import dev.dynarecord.types.TimeFormat;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * TTL, streams and point-in-time recovery on {@code @Table}: applied when the table is created,
 * made to match by {@code sync}, shown by {@code describe}. The embedded engine has TTL and
 * streams but no continuous backups: there the request is sent, refused as unknown, and the table
 * used without it; {@link BackupsEngine} adds them to check what {@code sync} sends.
 */
@DynarecordTest(global = false)
class TableOptionsTest {

    @Table(name = "everything", ttl = "expiresAt", stream = StreamView.NEW_AND_OLD_IMAGES, pointInTimeRecovery = Toggle.ON)
    public static class Everything extends Model<Everything> {
        @Field(timeFormat = TimeFormat.EPOCH_SECONDS) public Instant expiresAt;
    }

    /** The same table as the models below, declaring none of the options. */
    @Table(name = "synced")
    public static class Plain extends Model<Plain> {
        @Field(timeFormat = TimeFormat.EPOCH_SECONDS) public Instant expiresAt;
        @Field public Long until;
    }

    @Table(name = "synced", ttl = "expiresAt", stream = StreamView.KEYS_ONLY)
    public static class KeysStream extends Model<KeysStream> {
        @Field(timeFormat = TimeFormat.EPOCH_SECONDS) public Instant expiresAt;
    }

    @Table(name = "synced", ttl = "expiresAt", stream = StreamView.NEW_IMAGE)
    public static class NewImageStream extends Model<NewImageStream> {
        @Field(timeFormat = TimeFormat.EPOCH_SECONDS) public Instant expiresAt;
    }

    @Table(name = "synced", stream = StreamView.OFF)
    public static class NoStream extends Model<NoStream> {
        @Field public String label;
    }

    @Table(name = "synced", ttl = "until")
    public static class OtherTtl extends Model<OtherTtl> {
        @Field public Long until;
    }

    @Table(name = "backed_up", pointInTimeRecovery = Toggle.ON)
    public static class BackedUp extends Model<BackedUp> {
        @Field public String label;
    }

    @Table(name = "backed_up", pointInTimeRecovery = Toggle.OFF)
    public static class NotBackedUp extends Model<NotBackedUp> {
        @Field public String label;
    }

    @Table(name = "backed_up")
    public static class BackupsUnmanaged extends Model<BackupsUnmanaged> {
        @Field public String label;
    }

    private static TableDescription raw(Session session, Class<? extends Model<?>> model) {
        return session.client().describeTable(r -> r.tableName(session.tableName(model))).table();
    }

    private static TimeToLiveDescription ttl(Session session, Class<? extends Model<?>> model) {
        return session.client().describeTimeToLive(r -> r.tableName(session.tableName(model))).timeToLiveDescription();
    }

    @Test
    void createAppliesEveryOptionAndDescribeShowsThem(Session session, RequestRecorder recorder) {
        session.tables().create(Everything.class);

        CreateTableRequest create = recorder.single(CreateTableRequest.class);
        assertThat(create.streamSpecification()).isEqualTo(StreamSpecification.builder().streamEnabled(true)
                .streamViewType("NEW_AND_OLD_IMAGES").build());
        UpdateTimeToLiveRequest turnOn = recorder.single(UpdateTimeToLiveRequest.class);
        assertThat(turnOn.timeToLiveSpecification().enabled()).isTrue();
        assertThat(turnOn.timeToLiveSpecification().attributeName()).isEqualTo("expiresAt");
        // the embedded engine answers UnknownOperationException: a warning, and the table is used without it
        assertThat(recorder.single(UpdateContinuousBackupsRequest.class).pointInTimeRecoverySpecification()
                .pointInTimeRecoveryEnabled()).isTrue();

        assertThat(ttl(session, Everything.class).timeToLiveStatusAsString()).isEqualTo("ENABLED");
        assertThat(raw(session, Everything.class).latestStreamArn()).isNotNull();
        TableInfo info = session.tables().describe(Everything.class).orElseThrow();
        assertThat(info.ttlAttribute()).contains("expiresAt");
        assertThat(info.ttlStatus()).isEqualTo("ENABLED");
        assertThat(info.streamViewType()).contains("NEW_AND_OLD_IMAGES");
        assertThat(info.pointInTimeRecovery()).isEqualTo("UNSUPPORTED");
        // first use of an existing table alters nothing
        recorder.clear();
        session.tables().create(Everything.class);
        assertThat(recorder.summary()).noneMatch(s -> s.startsWith("Update"));
    }

    @Test
    void syncBringsTheTableToTheModelsTtlAndStream(Session session, RequestRecorder recorder) {
        session.tables().create(Plain.class);
        TableInfo plain = session.tables().describe(Plain.class).orElseThrow();
        assertThat(plain.ttlStatus()).isEqualTo("DISABLED");
        assertThat(plain.ttlAttribute()).isEmpty();
        assertThat(plain.streamViewType()).isEmpty();

        recorder.clear();
        assertThat(session.tables().sync(KeysStream.class)).isEmpty();
        assertThat(recorder.single(UpdateTimeToLiveRequest.class).timeToLiveSpecification().attributeName()).isEqualTo("expiresAt");
        assertThat(recorder.single(UpdateTableRequest.class).streamSpecification().streamViewTypeAsString()).isEqualTo("KEYS_ONLY");
        assertThat(ttl(session, Plain.class).attributeName()).isEqualTo("expiresAt");
        String keysArn = raw(session, Plain.class).latestStreamArn();

        // nothing to do: nothing sent but descriptions
        recorder.clear();
        session.tables().sync(KeysStream.class);
        assertThat(recorder.summary()).noneMatch(s -> s.startsWith("Update"));

        // another view is another stream: off, then on
        recorder.clear();
        session.tables().sync(NewImageStream.class);
        List<UpdateTableRequest> updates = recorder.requests(UpdateTableRequest.class);
        assertThat(updates).extracting(u -> u.streamSpecification().streamEnabled()).containsExactly(false, true);
        assertThat(updates.get(1).streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_IMAGE");
        assertThat(raw(session, Plain.class).latestStreamArn()).isNotEqualTo(keysArn);
        assertThat(session.tables().describe(Plain.class).orElseThrow().streamViewType()).contains("NEW_IMAGE");

        // a model that leaves the options unmanaged changes nothing; TTL it does not declare stays on
        recorder.clear();
        session.tables().sync(Plain.class);
        assertThat(recorder.summary()).noneMatch(s -> s.startsWith("Update"));

        // OFF turns the stream off; TTL stays as it is
        session.tables().sync(NoStream.class);
        TableInfo off = session.tables().describe(Plain.class).orElseThrow();
        assertThat(off.streamViewType()).isEmpty();
        assertThat(off.ttlAttribute()).contains("expiresAt");

        // TTL on another attribute cannot be switched by sync
        recorder.clear();
        assertThatThrownBy(() -> session.tables().sync(OtherTtl.class)).isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining("has TTL ENABLED on expiresAt").hasMessageContaining("ttl = \"until\"")
                .hasMessageContaining("turn it off");
        assertThat(recorder.summary()).noneMatch(s -> s.startsWith("Update"));
    }

    @Test
    void pointInTimeRecoveryIsTurnedOnAndOffOnAnEngineThatHasIt(Session session) {
        BackupsEngine engine = new BackupsEngine(session.client());
        RequestRecorder recorder = new RequestRecorder();
        Session backed = Session.open(c -> c.client(engine.client()).namespace(session.config().namespace() + "_pitr")
                .listener(recorder));
        try {
            String table = backed.tableName(BackedUp.class);
            engine.unavailableFor(1); // DynamoDB refuses continuous backups on a table just created, for a while
            backed.tables().create(BackedUp.class);
            assertThat(recorder.requests(UpdateContinuousBackupsRequest.class)).hasSize(2);
            assertThat(engine.enabled(table)).isTrue();
            assertThat(backed.tables().describe(BackedUp.class).orElseThrow().pointInTimeRecovery()).isEqualTo("ENABLED");

            recorder.clear();
            backed.tables().sync(NotBackedUp.class);
            assertThat(recorder.single(UpdateContinuousBackupsRequest.class).pointInTimeRecoverySpecification()
                    .pointInTimeRecoveryEnabled()).isFalse();
            assertThat(engine.enabled(table)).isFalse();

            recorder.clear();
            backed.tables().sync(BackupsUnmanaged.class);
            backed.tables().sync(NotBackedUp.class);
            assertThat(recorder.summary()).noneMatch(s -> s.contains("ContinuousBackups") && s.startsWith("Update"));
            backed.tables().sync(BackedUp.class);
            assertThat(engine.enabled(table)).isTrue();
        } finally {
            try {
                backed.tables().dropAll();
            } finally {
                backed.close();
            }
        }
    }
}
