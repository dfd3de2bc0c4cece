package dev.dynarecord.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynarecord.exception.ConfigurationException;
import dev.dynarecord.spring.boot.test.DynarecordSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What a failed startup says, and that Boot's report uses the analyzer (registered in spring.factories). */
@ResourceLock(DynarecordSpringTest.DEFAULT_SESSION)
@ExtendWith(OutputCaptureExtension.class)
class FailureAnalyzerTest {

    private final DynarecordFailureAnalyzer analyzer = new DynarecordFailureAnalyzer();

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DynarecordAutoConfiguration.class)
    static class App {
    }

    @Test
    void aBadPropertyValueIsNamedInBootsReport(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .run("--dynarecord.adapter=LOCAL", "--dynarecord.namespace=has space"))
                .hasRootCauseInstanceOf(ConfigurationException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("The property dynarecord.namespace has the value 'has space', which Dynarecord cannot use:"
                        + " namespace 'has space' has characters DynamoDB table names cannot hold;"
                        + " use only letters, digits, '_', '-' and '.'")
                .contains("Change dynarecord.namespace in application.properties (or the environment) as the message says,"
                        + " or remove it to keep the default.");
    }

    @Test
    void aSecretIsNeverShown() {
        Contexts.starter().withPropertyValues("dynarecord.secret-access-key=top-secret-value").run(context -> {
            FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("The property dynarecord.access-key-id has the value (hidden),"
                    + " which Dynarecord cannot use: credentials need both an access key id and a secret access key;"
                    + " pass both, or neither to use the SDK's default chain");
            assertThat(analysis.getDescription() + analysis.getAction() + context.getStartupFailure())
                    .doesNotContain("top-secret-value");
        });
    }

    @Test
    void aBadRetryDelayNamesItsProperty() {
        Contexts.starter().withPropertyValues("dynarecord.retry.base-delay=0ms").run(context -> {
            FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("The property dynarecord.retry.base-delay has the value 'PT0S',"
                    + " which Dynarecord cannot use: retry baseDelay must be at least 1 ms, got PT0S");
        });
    }

    @Test
    void optionsThatContradictEachOtherAreReported() {
        Contexts.starter().withPropertyValues("dynarecord.adapter=LOCAL", "dynarecord.endpoint=http://127.0.0.1:8000")
                .run(context -> {
                    FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).startsWith("The Dynarecord configuration cannot be used:"
                            + " adapter LOCAL runs in-process and takes no endpoint (http://127.0.0.1:8000)");
                    assertThat(analysis.getAction()).startsWith("Change the dynarecord.* properties");
                });
    }

    @Test
    void adapterLocalWithoutTheEmbeddedEngineSaysWhichDependencyToAdd() throws Exception {
        Throwable thrown = WithoutEmbeddedEngine.openLocalSession();
        assertThat(thrown.getClass().getName()).isEqualTo(ConfigurationException.class.getName());

        FailureAnalysis analysis = analyzer.analyze(new IllegalStateException("startup",
                new ConfigurationException(thrown.getMessage())));

        assertThat(analysis.getDescription())
                .isEqualTo("dynarecord.adapter is LOCAL, but the embedded engine is not on the classpath.");
        assertThat(analysis.getAction()).isEqualTo("Add the dependency dev.dynarecord:dynarecord-local (scope test for"
                + " tests, or a development profile), or set dynarecord.adapter=AWS with a region and credentials.");
    }

    @Test
    void aTableWhoseKeyDiffersFromItsModelAtSync() {
        DynamoDbClient raw = Contexts.raw();
        Contexts.createTable("boot_mismatch_widgets", "code");
        try {
            Contexts.local("boot_mismatch").withPropertyValues("dynarecord.models.packages=dev.dynarecord.spring.boot.models",
                    "dynarecord.models.tables=sync").run(context -> {
                        FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
                        assertThat(analysis.getDescription()).startsWith("A table exists with another key than its model"
                                + " declares: table boot_mismatch_widgets exists with key (code HASH S) but Widget declares (id HASH S)");
                        assertThat(analysis.getAction()).isEqualTo("Migrate the table, map the model to another table"
                                + " (@Table(name) or dynarecord.namespace), or set dynarecord.models.tables=none to skip the"
                                + " check at startup.");
                    });
        } finally {
            raw.deleteTable(t -> t.tableName("boot_mismatch_widgets"));
            raw.listTables().tableNames().stream().filter(n -> n.startsWith("boot_mismatch_"))
                    .forEach(n -> raw.deleteTable(t -> t.tableName(n)));
        }
    }

    @Test
    void aValueThatDoesNotBindIsLeftToBootsOwnAnalyzer() {
        Contexts.starter().withPropertyValues("dynarecord.adapter=NOPE").run(context -> {
            assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .hasStackTraceContaining("org.springframework.boot.context.properties.bind.BindException");
            assertThat(analyzer.analyze(context.getStartupFailure())).isNull();
        });
    }

    @Test
    void anEmptyPackageToScanIsRefused() {
        Contexts.local("boot_blank").withPropertyValues("dynarecord.models.packages[0]= ").run(context -> {
            FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("The property dynarecord.models.packages has the value")
                    .endsWith("which Dynarecord cannot use: a package name is empty; list packages such as"
                            + " com.example.model, comma-separated");
        });
    }

    @Test
    void otherFailuresAreLeftToBoot() {
        assertThat(analyzer.analyze(new IllegalStateException("not ours"))).isNull();
    }
}
