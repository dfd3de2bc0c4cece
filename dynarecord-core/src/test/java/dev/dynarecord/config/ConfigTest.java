package dev.dynarecord.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.spi.RequestListener;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class ConfigTest {

    private static final String KEY_ID = "AKIAEXAMPLEKEY123";
    private static final String SECRET = "s3cr3t-value-xyz";

    private static DynamoDbClient fakeClient() {
        return (DynamoDbClient) Proxy.newProxyInstance(ConfigTest.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final AwsCredentialsProvider PROVIDER = () -> AwsBasicCredentials.create("provided", "provided-secret");

    /** Every message in the cause chain, and every toString, joined: where a secret must never appear. */
    private static String allText(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c).append('\n').append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }

    @Nested
    class Defaults {

        @Test
        void areThoseOfDynamoid() {
            Config c = Config.builder().build();
            assertThat(c.adapter()).isEqualTo(Adapter.AWS);
            assertThat(c.namespace()).isEmpty();
            assertThat(c.tableSuffix()).isEmpty();
            assertThat(c.region()).isEmpty();
            assertThat(c.endpoint()).isEmpty();
            assertThat(c.hasStaticCredentials()).isFalse();
            assertThat(c.accessKeyId()).isEmpty();
            assertThat(c.secretAccessKey()).isEmpty();
            assertThat(c.credentialsProvider()).isEmpty();
            assertThat(c.client()).isEmpty();
            assertThat(c.billingMode()).isEqualTo(BillingMode.PROVISIONED);
            assertThat(c.readCapacity()).isEqualTo(100);
            assertThat(c.writeCapacity()).isEqualTo(20);
            assertThat(c.autoCreateTables()).isFalse();
            assertThat(c.warnOnScan()).isTrue();
            assertThat(c.errorOnScan()).isFalse();
            assertThat(c.partitioning()).isFalse();
            assertThat(c.partitionSize()).isEqualTo(200);
            assertThat(c.localDataFile()).isEmpty();
            assertThat(c.listeners()).isEmpty();
        }

        @Test
        void autoCreateTablesIsOnForLocalUnlessSet() {
            assertThat(Config.builder().adapter(Adapter.LOCAL).build().autoCreateTables()).isTrue();
            assertThat(Config.builder().adapter(Adapter.LOCAL).autoCreateTables(false).build().autoCreateTables()).isFalse();
            assertThat(Config.builder().adapter(Adapter.AWS).build().autoCreateTables()).isFalse();
            assertThat(Config.builder().adapter(Adapter.AWS).autoCreateTables(true).build().autoCreateTables()).isTrue();
        }

        @Test
        void autoCreateTablesFollowsAnAdapterChosenLaterWhenNotSet() {
            Config local = Config.builder().build().toBuilder().adapter(Adapter.LOCAL).build();
            assertThat(local.autoCreateTables()).isTrue();
        }

        @Test
        void onDemandDropsCapacityFromTheDescriptionAndCapacityBringsProvisionedBack() {
            assertThat(Config.builder().onDemand().build().billingMode()).isEqualTo(BillingMode.ON_DEMAND);
            Config c = Config.builder().onDemand().readCapacity(5).build();
            assertThat(c.billingMode()).isEqualTo(BillingMode.PROVISIONED);
            assertThat(c.readCapacity()).isEqualTo(5);
            assertThat(Config.builder().onDemand().build().toString()).doesNotContain("capacity=");
        }
    }

    @Nested
    class Sources {

        private Map<String, String> awsEnvironment() {
            Map<String, String> env = new HashMap<>();
            env.put("DYNARECORD_ADAPTER", "aws");
            env.put("DYNARECORD_NAMESPACE", "myapp_dev");
            env.put("DYNARECORD_TABLE_SUFFIX", "v2");
            env.put("DYNARECORD_REGION", "eu-west-1");
            env.put("DYNARECORD_ENDPOINT", "http://127.0.0.1:8000");
            env.put("DYNARECORD_ACCESS_KEY_ID", KEY_ID);
            env.put("DYNARECORD_SECRET_ACCESS_KEY", SECRET);
            env.put("DYNARECORD_BILLING_MODE", "provisioned");
            env.put("DYNARECORD_READ_CAPACITY", "7");
            env.put("DYNARECORD_WRITE_CAPACITY", " 3 ");
            env.put("DYNARECORD_AUTO_CREATE_TABLES", "yes");
            env.put("DYNARECORD_WARN_ON_SCAN", "false");
            env.put("DYNARECORD_ERROR_ON_SCAN", "on");
            env.put("DYNARECORD_PARTITIONING", "1");
            env.put("DYNARECORD_PARTITION_SIZE", "16");
            return env;
        }

        private void assertAwsOptions(Config c) {
            assertThat(c.adapter()).isEqualTo(Adapter.AWS);
            assertThat(c.namespace()).isEqualTo("myapp_dev");
            assertThat(c.tableSuffix()).isEqualTo("v2");
            assertThat(c.region()).contains("eu-west-1");
            assertThat(c.endpoint()).contains(URI.create("http://127.0.0.1:8000"));
            assertThat(c.hasStaticCredentials()).isTrue();
            assertThat(c.accessKeyId()).contains(KEY_ID);
            assertThat(c.secretAccessKey()).contains(SECRET);
            assertThat(c.billingMode()).isEqualTo(BillingMode.PROVISIONED);
            assertThat(c.readCapacity()).isEqualTo(7);
            assertThat(c.writeCapacity()).isEqualTo(3);
            assertThat(c.autoCreateTables()).isTrue();
            assertThat(c.warnOnScan()).isFalse();
            assertThat(c.errorOnScan()).isTrue();
            assertThat(c.partitioning()).isTrue();
            assertThat(c.partitionSize()).isEqualTo(16);
        }

        private Properties awsProperties() {
            Properties p = new Properties();
            p.setProperty("dynarecord.adapter", "AWS");
            p.setProperty("dynarecord.namespace", "myapp_dev");
            p.setProperty("dynarecord.tableSuffix", "v2");
            p.setProperty("dynarecord.region", "eu-west-1");
            p.setProperty("dynarecord.endpoint", "http://127.0.0.1:8000");
            p.setProperty("dynarecord.accessKeyId", KEY_ID);
            p.setProperty("dynarecord.secretAccessKey", SECRET);
            p.setProperty("dynarecord.billingMode", "PROVISIONED");
            p.setProperty("dynarecord.readCapacity", "7");
            p.setProperty("dynarecord.writeCapacity", "3");
            p.setProperty("dynarecord.autoCreateTables", "true");
            p.setProperty("dynarecord.warnOnScan", "no");
            p.setProperty("dynarecord.errorOnScan", "TRUE");
            p.setProperty("dynarecord.partitioning", "on");
            p.setProperty("dynarecord.partitionSize", "16");
            return p;
        }

        @Test
        void environmentSetsEveryOption() {
            assertAwsOptions(Config.builder().fromEnvironment(awsEnvironment()).build());
        }

        @Test
        void environmentSetsLocalOnlyOptions(@TempDir Path dir) {
            Path data = dir.resolve("local.db");
            Config c = Config.builder().fromEnvironment(Map.of(
                    "DYNARECORD_ADAPTER", "local",
                    "DYNARECORD_LOCAL_DATA_FILE", data.toString(),
                    "DYNARECORD_BILLING_MODE", "on-demand")).build();
            assertThat(c.adapter()).isEqualTo(Adapter.LOCAL);
            assertThat(c.localDataFile()).contains(data);
            assertThat(c.billingMode()).isEqualTo(BillingMode.ON_DEMAND);
        }

        @Test
        void propertiesSetEveryOption() {
            assertAwsOptions(Config.builder().fromProperties(awsProperties()).build());
        }

        @Test
        void propertiesFileSetsEveryOption(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("dynarecord.properties");
            Properties p = awsProperties();
            StringBuilder text = new StringBuilder("# test\n");
            p.stringPropertyNames().forEach(k -> text.append(k).append(" = ").append(p.getProperty(k)).append('\n'));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            assertAwsOptions(Config.builder().fromProperties(file).build());
        }

        @Test
        void propertiesFileSetsLocalDataFile(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("local.properties");
            Files.writeString(file, "dynarecord.adapter=LOCAL\ndynarecord.localDataFile=" + dir.resolve("x.db").toString().replace("\\", "/") + "\n");
            Config c = Config.builder().fromProperties(file).build();
            assertThat(c.localDataFile()).contains(Path.of(dir.resolve("x.db").toString().replace("\\", "/")));
        }

        @Test
        void unsetAndBlankVariablesLeaveOptionsAlone() {
            Config c = Config.builder().namespace("kept").readCapacity(9)
                    .fromEnvironment(Map.of("DYNARECORD_NAMESPACE", "  ", "OTHER_VAR", "x", "dynarecord.namespace", "wrong-style"))
                    .build();
            assertThat(c.namespace()).isEqualTo("kept");
            assertThat(c.readCapacity()).isEqualTo(9);
        }

        @Test
        void environmentStyleNamesAreNotReadAsPropertiesAndViceVersa() {
            Properties p = new Properties();
            p.setProperty("DYNARECORD_NAMESPACE", "from_env_name");
            assertThat(Config.builder().fromProperties(p).build().namespace()).isEmpty();
            assertThat(Config.builder().fromEnvironment(Map.of("dynarecord.namespace", "x")).build().namespace()).isEmpty();
        }

        @Test
        void laterCallsOverrideEarlierOnes() {
            Map<String, String> env = Map.of("DYNARECORD_NAMESPACE", "from_env", "DYNARECORD_READ_CAPACITY", "11");
            Config codeWins = Config.builder().fromEnvironment(env).namespace("from_code").build();
            assertThat(codeWins.namespace()).isEqualTo("from_code");
            assertThat(codeWins.readCapacity()).isEqualTo(11);

            Config envWins = Config.builder().namespace("from_code").readCapacity(2).fromEnvironment(env).build();
            assertThat(envWins.namespace()).isEqualTo("from_env");
            assertThat(envWins.readCapacity()).isEqualTo(11);

            Properties p = new Properties();
            p.setProperty("dynarecord.namespace", "from_props");
            assertThat(Config.builder().fromEnvironment(env).fromProperties(p).build().namespace()).isEqualTo("from_props");
            assertThat(Config.builder().fromProperties(p).fromEnvironment(env).build().namespace()).isEqualTo("from_env");
        }

        @Test
        void missingFileNamesTheFile(@TempDir Path dir) {
            Path missing = dir.resolve("nope.properties");
            assertThatThrownBy(() -> Config.builder().fromProperties(missing))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(missing.toString())
                    .hasMessageContaining("check the path");
        }

        @Test
        void malformedFileIsAConfigurationErrorNamingTheFile(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("broken.properties");
            Files.writeString(file, "dynarecord.namespace=\\uZZZZ\n");
            assertThatThrownBy(() -> Config.builder().fromProperties(file))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(file.toString());
        }

        @Test
        void withAppliesABlockOfSettings() {
            assertThat(Config.builder().with(b -> b.namespace("blk").partitioning(true)).build().namespace()).isEqualTo("blk");
        }
    }

    @Nested
    class BadValues {

        @Test
        void aSlowRequestThresholdMustBePositiveAndAnObserverPresent() {
            assertThatThrownBy(() -> Config.builder().slowRequestThreshold(Duration.ofMillis(-5)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("slowRequestThreshold must be positive, got PT-0.005S")
                    .hasMessageContaining("Duration.ofMillis(200)");
            assertThatThrownBy(() -> Config.builder().slowRequestThreshold(Duration.ZERO)).isInstanceOf(ConfigurationException.class);
            assertThatThrownBy(() -> Config.builder().slowRequestThreshold(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("slowRequestThreshold");
            assertThatThrownBy(() -> Config.builder().observer(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("observer");
        }

        @Test
        void theSlowRequestThresholdComesFromTheEnvironmentInMilliseconds() {
            Config c = Config.builder().fromEnvironment(Map.of("DYNARECORD_SLOW_REQUEST_THRESHOLD", "250")).build();
            assertThat(c.slowRequestThreshold()).contains(Duration.ofMillis(250));
            assertThat(c.toString()).contains("slowRequestThreshold=250ms");
            assertThat(Config.builder().build().slowRequestThreshold()).isEmpty();
        }

        @ParameterizedTest(name = "{0}={1}")
        @CsvSource(delimiter = '|', value = {
            "DYNARECORD_ADAPTER          | MONGO      | [LOCAL, AWS]",
            "DYNARECORD_BILLING_MODE     | FREE       | [PROVISIONED, ON_DEMAND]",
            "DYNARECORD_READ_CAPACITY    | abc        | abc",
            "DYNARECORD_READ_CAPACITY    | 0          | at least 1",
            "DYNARECORD_WRITE_CAPACITY   | -4         | at least 1",
            "DYNARECORD_PARTITION_SIZE   | -1         | at least 1",
            "DYNARECORD_AUTO_CREATE_TABLES | maybe    | true or false",
            "DYNARECORD_WARN_ON_SCAN     | sometimes  | true or false",
            "DYNARECORD_ENDPOINT         | not a url  | http://host:port",
            "DYNARECORD_ENDPOINT         | localhost:8000 | http://host:port",
            "DYNARECORD_NAMESPACE        | bad name!  | letters, digits",
            "DYNARECORD_TABLE_SUFFIX     | a/b        | letters, digits",
            "DYNARECORD_SLOW_REQUEST_THRESHOLD | soon | whole number",
            "DYNARECORD_SLOW_REQUEST_THRESHOLD | 0    | must be positive",
        })
        void environmentValueIsNamedWithTheVariableAndTheFix(String variable, String value, String fix) {
            assertThatThrownBy(() -> Config.builder().fromEnvironment(Map.of(variable, value)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("environment variable " + variable)
                    .hasMessageContaining("'" + value + "'")
                    .hasMessageContaining(fix);
        }

        @ParameterizedTest(name = "{0}={1}")
        @CsvSource(delimiter = '|', value = {
            "dynarecord.adapter          | MONGO",
            "dynarecord.readCapacity     | abc",
            "dynarecord.readCapacity     | 0",
            "dynarecord.partitionSize    | -1",
            "dynarecord.autoCreateTables | maybe",
            "dynarecord.endpoint         | not a url",
            "dynarecord.namespace        | bad name!",
        })
        void propertyValueIsNamedWithThePropertyAndTheFile(String property, String value, @TempDir Path dir) throws IOException {
            Properties p = new Properties();
            p.setProperty(property, value);
            assertThatThrownBy(() -> Config.builder().fromProperties(p))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(property)
                    .hasMessageContaining("'" + value + "'");

            Path file = dir.resolve("bad.properties");
            try (var out = Files.newBufferedWriter(file)) {
                p.store(out, null);
            }
            assertThatThrownBy(() -> Config.builder().fromProperties(file))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(property)
                    .hasMessageContaining("'" + value + "'");
        }

        @Test
        void builderRejectsBadValuesDirectly() {
            assertThatThrownBy(() -> Config.builder().readCapacity(0))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("readCapacity").hasMessageContaining("0");
            assertThatThrownBy(() -> Config.builder().writeCapacity(-1))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("writeCapacity").hasMessageContaining("-1");
            assertThatThrownBy(() -> Config.builder().partitionSize(0))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("partitionSize");
            assertThatThrownBy(() -> Config.builder().namespace("a b"))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("namespace 'a b'");
            assertThatThrownBy(() -> Config.builder().namespace("x".repeat(201)))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("namespace").hasMessageContaining("201");
            assertThatThrownBy(() -> Config.builder().endpoint("::"))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("endpoint '::'");
        }

        @Test
        void accessKeyWithoutSecretNamesBothVariables() {
            assertThatThrownBy(() -> Config.builder().fromEnvironment(Map.of("DYNARECORD_ACCESS_KEY_ID", KEY_ID)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("DYNARECORD_ACCESS_KEY_ID")
                    .hasMessageContaining("DYNARECORD_SECRET_ACCESS_KEY")
                    .hasMessageContaining("set both");
            Properties p = new Properties();
            p.setProperty("dynarecord.accessKeyId", KEY_ID);
            assertThatThrownBy(() -> Config.builder().fromProperties(p))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("dynarecord.secretAccessKey");
            assertThatThrownBy(() -> Config.builder().credentials(KEY_ID, " "))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("both an access key id and a secret access key");
        }

        @Test
        void secretNeverAppearsInAnyMessage(@TempDir Path dir) throws IOException {
            List<Throwable> errors = new ArrayList<>();
            List<Map<String, String>> environments = List.of(
                    Map.of("DYNARECORD_SECRET_ACCESS_KEY", SECRET),
                    Map.of("DYNARECORD_SECRET_ACCESS_KEY", SECRET, "DYNARECORD_ACCESS_KEY_ID", " "),
                    Map.of("DYNARECORD_SECRET_ACCESS_KEY", SECRET, "DYNARECORD_ACCESS_KEY_ID", KEY_ID, "DYNARECORD_ADAPTER", "MONGO"),
                    Map.of("DYNARECORD_SECRET_ACCESS_KEY", SECRET, "DYNARECORD_ACCESS_KEY_ID", KEY_ID, "DYNARECORD_ENDPOINT", "bad url"));
            for (Map<String, String> env : environments) {
                errors.add(catchError(() -> Config.builder().fromEnvironment(env)));
            }
            Properties p = new Properties();
            p.setProperty("dynarecord.secretAccessKey", SECRET);
            errors.add(catchError(() -> Config.builder().fromProperties(p)));
            Path file = dir.resolve("secret.properties");
            Files.writeString(file, "dynarecord.secretAccessKey=" + SECRET + "\n");
            errors.add(catchError(() -> Config.builder().fromProperties(file)));
            errors.add(catchError(() -> Config.builder().credentials(" ", SECRET)));
            errors.add(catchError(() -> Config.builder().credentials(KEY_ID, SECRET).credentialsProvider(PROVIDER).build()));
            errors.add(catchError(() -> Config.builder().credentials(KEY_ID, SECRET).adapter(Adapter.LOCAL)
                    .endpoint("http://localhost:8000").build()));

            assertThat(errors).hasSize(9).allSatisfy(e -> {
                assertThat(e).isInstanceOf(ConfigurationException.class);
                assertThat(allText(e)).doesNotContain(SECRET);
            });
        }

        private Throwable catchError(Runnable r) {
            try {
                r.run();
            } catch (Throwable t) {
                return t;
            }
            throw new AssertionError("expected a ConfigurationException");
        }
    }

    @Nested
    class Contradictions {

        @Test
        void localWithClient() {
            assertThatThrownBy(() -> Config.builder().adapter(Adapter.LOCAL).client(fakeClient()).build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("LOCAL")
                    .hasMessageContaining("client")
                    .hasMessageContaining("use adapter AWS");
            assertThat(Config.builder().client(fakeClient()).build().client()).isPresent();
        }

        @Test
        void localWithEndpoint() {
            assertThatThrownBy(() -> Config.builder().adapter(Adapter.LOCAL).endpoint("http://localhost:8000").build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("LOCAL")
                    .hasMessageContaining("http://localhost:8000")
                    .hasMessageContaining("use adapter AWS");
        }

        @Test
        void awsWithLocalDataFile(@TempDir Path dir) {
            assertThatThrownBy(() -> Config.builder().localDataFile(dir.resolve("x.db")).build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("localDataFile")
                    .hasMessageContaining("LOCAL");
            assertThat(Config.builder().adapter(Adapter.LOCAL).localDataFile(dir.resolve("x.db")).build().localDataFile()).isPresent();
        }

        @Test
        void staticCredentialsWithProvider() {
            assertThatThrownBy(() -> Config.builder().credentials(KEY_ID, SECRET).credentialsProvider(PROVIDER).build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("static credentials")
                    .hasMessageContaining("credentials provider")
                    .hasMessageContaining("keep one");
            assertThat(Config.builder().credentialsProvider(PROVIDER).build().credentialsProvider()).containsSame(PROVIDER);
        }

        @Test
        void contradictionFromEnvironmentIsFoundAtBuild() {
            Config.Builder b = Config.builder().fromEnvironment(Map.of("DYNARECORD_ADAPTER", "LOCAL", "DYNARECORD_ENDPOINT", "http://h:1"));
            assertThatThrownBy(b::build).isInstanceOf(ConfigurationException.class).hasMessageContaining("LOCAL");
        }
    }

    @Nested
    class Printing {

        @Test
        void toStringHidesCredentialsAndShowsTheRest() {
            Config c = Config.builder().namespace("shop").tableSuffix("test").region("eu-west-1")
                    .endpoint("http://127.0.0.1:8000").credentials(KEY_ID, SECRET).partitioning(true).partitionSize(8).build();
            String s = c.toString();
            assertThat(s).doesNotContain(KEY_ID).doesNotContain(SECRET).doesNotContain("AKIA");
            assertThat(s).contains("namespace='shop'", "tableSuffix='test'", "region=eu-west-1", "endpoint=http://127.0.0.1:8000",
                    "credentials=static(****)", "adapter=AWS", "capacity=100/20", "partitionSize=8", "warnOnScan=true");
        }

        @Test
        void toStringFromEnvironmentHidesCredentials() {
            Config c = Config.builder().fromEnvironment(Map.of("DYNARECORD_ACCESS_KEY_ID", KEY_ID,
                    "DYNARECORD_SECRET_ACCESS_KEY", SECRET, "DYNARECORD_NAMESPACE", "envns")).build();
            assertThat(c.toString()).doesNotContain(KEY_ID).doesNotContain(SECRET).contains("envns");
            assertThat(c.toBuilder().build().toString()).doesNotContain(KEY_ID).doesNotContain(SECRET);
        }

        @Test
        void toStringDescribesProviderAndClientWithoutPrintingThem() {
            assertThat(Config.builder().credentialsProvider(PROVIDER).client(fakeClient()).build().toString())
                    .contains("provider(supplied)", "client=(supplied)")
                    .doesNotContain("provided-secret");
            assertThat(Config.builder().build().toString()).contains("(sdk default chain)", "client=(built)");
        }
    }

    @Nested
    class TableNames {

        @ParameterizedTest(name = "ns={0} suffix={1}")
        @CsvSource(delimiter = '|', value = {
            "''      | ''     | users",
            "myapp   | ''     | myapp_users",
            "''      | test   | users_test",
            "myapp   | test   | myapp_users_test",
            "' app ' | ' t '  | app_users_t",
        })
        void joinsNamespaceNameAndSuffixWithUnderscores(String namespace, String suffix, String expected) {
            Config c = Config.builder().namespace(namespace).tableSuffix(suffix).build();
            assertThat(c.tableName("users")).isEqualTo(expected);
        }

        @Test
        void nullNamespaceMeansNone() {
            assertThat(Config.builder().namespace(null).tableSuffix(null).build().tableName("users")).isEqualTo("users");
        }
    }

    @Nested
    class ToBuilder {

        @Test
        void roundTripKeepsEveryOption() {
            RequestListener listener = request -> { };
            Config original = Config.builder().adapter(Adapter.AWS).namespace("ns").tableSuffix("sfx").region("us-east-2")
                    .endpoint("https://dynamodb.example.com").credentials(KEY_ID, SECRET).client(fakeClient())
                    .readCapacity(5).writeCapacity(6).autoCreateTables(true).warnOnScan(false).errorOnScan(true)
                    .partitioning(true).partitionSize(12).listener(listener).build();
            Config copy = original.toBuilder().build();

            assertThat(copy).isNotSameAs(original);
            assertThat(copy.toString()).isEqualTo(original.toString());
            assertThat(copy.adapter()).isEqualTo(original.adapter());
            assertThat(copy.namespace()).isEqualTo("ns");
            assertThat(copy.tableSuffix()).isEqualTo("sfx");
            assertThat(copy.region()).contains("us-east-2");
            assertThat(copy.endpoint()).contains(URI.create("https://dynamodb.example.com"));
            assertThat(copy.accessKeyId()).contains(KEY_ID);
            assertThat(copy.secretAccessKey()).contains(SECRET);
            assertThat(copy.client()).isEqualTo(original.client());
            assertThat(copy.readCapacity()).isEqualTo(5);
            assertThat(copy.writeCapacity()).isEqualTo(6);
            assertThat(copy.autoCreateTables()).isTrue();
            assertThat(copy.warnOnScan()).isFalse();
            assertThat(copy.errorOnScan()).isTrue();
            assertThat(copy.partitioning()).isTrue();
            assertThat(copy.partitionSize()).isEqualTo(12);
            assertThat(copy.listeners()).containsExactly(listener);
        }

        @Test
        void derivingDoesNotChangeTheOriginal() {
            Config original = Config.builder().namespace("a").build();
            Config derived = original.toBuilder().namespace("b").listener(q -> { }).build();
            assertThat(original.namespace()).isEqualTo("a");
            assertThat(original.listeners()).isEmpty();
            assertThat(derived.namespace()).isEqualTo("b");
            assertThat(derived.listeners()).hasSize(1);
        }

        @Test
        void listenersAreImmutable() {
            Config c = Config.builder().listener(q -> { }).build();
            assertThatThrownBy(() -> c.listeners().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void everySetterIsCallableThroughTheBuilderByReflectionAsPropertyBindersDo() throws Exception {
        Config.Builder b = Config.builder();
        Object returned = Config.Builder.class.getMethod("namespace", String.class).invoke(b, "app");
        assertThat(returned).isSameAs(b);
        Config.Builder.class.getMethod("readCapacity", long.class).invoke(b, 7L);
        assertThat(b.build().namespace()).isEqualTo("app");
        assertThat(b.build().readCapacity()).isEqualTo(7);
        assertThat(Config.Builder.class.getMethod("warnOnScan", boolean.class).getReturnType()).isEqualTo(Config.Builder.class);
    }

    @Test
    void aDerivedBuilderDoesNotChangeTheConfigurationItCameFrom() {
        Config first = Config.builder().namespace("one").listener(q -> { }).build();
        Config second = first.toBuilder().namespace("two").listener(q -> { }).build();
        assertThat(first.namespace()).isEqualTo("one");
        assertThat(first.listeners()).hasSize(1);
        assertThat(second.listeners()).hasSize(2);
    }

    @Test
    void theRetryPolicyComesFromCodeOrTheEnvironmentAndIsChecked() {
        assertThat(Config.builder().build().retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
        Config c = Config.builder().fromEnvironment(Map.of("DYNARECORD_RETRY_MAX_ATTEMPTS", "5",
                "DYNARECORD_RETRY_BASE_DELAY", "10", "DYNARECORD_RETRY_MAX_DELAY", "500")).build();
        assertThat(c.retryPolicy()).isEqualTo(new RetryPolicy(5, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(500)));
        assertThat(c.toString()).contains("retryPolicy=");
        assertThatThrownBy(() -> new RetryPolicy(0, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(20)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(5)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> Config.builder().fromEnvironment(Map.of("DYNARECORD_RETRY_MAX_ATTEMPTS", "many")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("DYNARECORD_RETRY_MAX_ATTEMPTS");
    }
}
