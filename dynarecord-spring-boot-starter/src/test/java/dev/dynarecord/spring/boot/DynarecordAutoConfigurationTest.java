package dev.dynarecord.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Dynarecord;
import dev.dynarecord.Session;
import dev.dynarecord.annotation.AttributeNaming;
import dev.dynarecord.config.Adapter;
import dev.dynarecord.config.BillingMode;
import dev.dynarecord.config.Config;
import dev.dynarecord.config.RetryPolicy;
import dev.dynarecord.spi.RequestListener;
import dev.dynarecord.spring.boot.models.Gadget;
import dev.dynarecord.spring.boot.models.Widget;
import dev.dynarecord.spring.boot.test.DynarecordSpringTest;
import dev.dynarecord.types.TimeFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The session the starter configures, in real application contexts: every property bound, the
 * session made the default and closed with the context, beans of the application's own used.
 */
@ResourceLock(DynarecordSpringTest.DEFAULT_SESSION)
class DynarecordAutoConfigurationTest {

    @Test
    void everyValuePropertyReachesTheConfiguration() {
        Contexts.starter().withPropertyValues(
                "dynarecord.adapter=AWS", "dynarecord.namespace=shop", "dynarecord.table-suffix=v2",
                "dynarecord.region=eu-west-1", "dynarecord.endpoint=http://127.0.0.1:1",
                "dynarecord.access-key-id=AKIDEXAMPLE", "dynarecord.secret-access-key=s3cr3t-value",
                "dynarecord.billing-mode=ON_DEMAND", "dynarecord.read-capacity=7", "dynarecord.write-capacity=3",
                "dynarecord.auto-create-tables=true", "dynarecord.warn-on-scan=false", "dynarecord.error-on-scan=true",
                "dynarecord.lock-version=version", "dynarecord.attribute-naming=SNAKE_CASE",
                "dynarecord.timestamp-format=EPOCH_SECONDS", "dynarecord.partitioning=true", "dynarecord.partition-size=50",
                "dynarecord.parallelism=4", "dynarecord.retry.max-attempts=3", "dynarecord.retry.base-delay=10ms",
                "dynarecord.retry.max-delay=1s").run(context -> {
                    assertThat(context).hasNotFailed();
                    Config c = context.getBean(Config.class);
                    // the same options in code; toString() shows every option but the secrets
                    Config expected = Config.builder().adapter(Adapter.AWS).namespace("shop").tableSuffix("v2")
                            .region("eu-west-1").endpoint("http://127.0.0.1:1").credentials("AKIDEXAMPLE", "s3cr3t-value")
                            // capacities come after the billing mode, as in the core's sources: they set PROVISIONED
                            .billingMode(BillingMode.ON_DEMAND).readCapacity(7).writeCapacity(3).autoCreateTables(true)
                            .warnOnScan(false).errorOnScan(true).lockVersion("version")
                            .attributeNaming(AttributeNaming.SNAKE_CASE).timestampFormat(TimeFormat.EPOCH_SECONDS)
                            .partitioning(true).partitionSize(50).parallelism(4)
                            .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1))).build();
                    assertThat(c.toString()).isEqualTo(expected.toString()).contains("capacity=7/3", "partitionSize=50",
                            "retryPolicy=RetryPolicy[maxAttempts=3, baseDelay=PT0.01S, maxDelay=PT1S]");
                    assertThat(c.accessKeyId()).contains("AKIDEXAMPLE");
                    assertThat(c.secretAccessKey()).contains("s3cr3t-value");
                    assertThat(c.toString()).doesNotContain("s3cr3t-value");
                    assertThat(context.getBean(DynarecordProperties.class).toString()).doesNotContain("s3cr3t-value");
                });
    }

    @Test
    void localOnlyPropertiesAndOnDemandBillingBind(@org.junit.jupiter.api.io.TempDir Path dir) {
        Contexts.starter().withPropertyValues("dynarecord.adapter=LOCAL", "dynarecord.namespace=boot_file",
                "dynarecord.local-data-file=" + dir.resolve("data.db"), "dynarecord.billing-mode=ON_DEMAND").run(context -> {
                    Config c = context.getBean(Config.class);
                    assertThat(c.localDataFile()).contains(dir.resolve("data.db"));
                    assertThat(c.billingMode()).isEqualTo(BillingMode.ON_DEMAND);
                    assertThat(c.autoCreateTables()).isTrue();
                });
    }

    @Test
    void theSessionIsTheDefaultWhileTheContextRunsAndIsClosedWithIt() {
        Session[] seen = new Session[1];
        Contexts.local("boot_default").run(context -> {
            Session session = context.getBean(Session.class);
            seen[0] = session;
            assertThat(Dynarecord.session()).isSameAs(session);
            Widget w = new Widget();
            w.name = "first";
            assertThat(w.save()).isTrue();
            assertThat(Widget.find.byId(w.id()).name).isEqualTo("first");
            assertThat(w.session()).isSameAs(session);
            session.tables().dropAll();
        });
        assertThat(Dynarecord.setDefault(null)).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> seen[0].find(Widget.class).exists("x"))
                .isInstanceOf(dev.dynarecord.exception.SessionClosedException.class);
    }

    @Test
    void scannedModelsGetTheirTablesAtStartupWithLocal() {
        Contexts.local("boot_scan").withPropertyValues("dynarecord.models.packages=dev.dynarecord.spring.boot.models")
                .run(context -> {
                    Session session = context.getBean(Session.class);
                    assertThat(context.getBean(DynarecordModels.class).types()).containsExactly(Gadget.class, Widget.class);
                    assertThat(session.tables().list()).containsExactly("boot_scan_gadgets", "boot_scan_widgets");
                    session.tables().dropAll();
                });
    }

    @Test
    void tablesNoneLeavesTablesAlone() {
        Contexts.local("boot_none").withPropertyValues("dynarecord.models.packages=dev.dynarecord.spring.boot.models",
                "dynarecord.models.tables=none", "dynarecord.auto-create-tables=false").run(context -> {
                    assertThat(context.getBean(DynarecordModels.class).types()).hasSize(2);
                    assertThat(context.getBean(Session.class).tables().list()).isEmpty();
                });
    }

    @Test
    void listenerBeansHearEveryRequestAndCustomizersRun() {
        Contexts.local("boot_listen").withUserConfiguration(Listening.class).run(context -> {
            Widget w = new Widget();
            w.name = "heard";
            w.save();
            assertThat(context.getBean(Listening.class).heard).anyMatch(r -> r instanceof PutItemRequest);
            assertThat(context.getBean(Config.class).parallelism()).isEqualTo(2);
            context.getBean(Session.class).tables().dropAll();
        });
    }

    @Test
    void underLazyInitializationTheSessionIsStillTheDefaultAndTablesAreCreated() {
        Contexts.local("boot_lazy").withPropertyValues("dynarecord.models.packages=dev.dynarecord.spring.boot.models")
                .withInitializer(c -> c.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
                .run(context -> {
                    Session session = context.getBean(Session.class);
                    assertThat(Dynarecord.session()).isSameAs(session);
                    assertThat(session.tables().list()).containsExactly("boot_lazy_gadgets", "boot_lazy_widgets");
                    session.tables().dropAll();
                });
    }

    @Test
    void aSessionOfTheApplicationsOwnWins() {
        Contexts.starter().withUserConfiguration(OwnSession.class).run(context -> {
            assertThat(context.getBean(Session.class).config().namespace()).isEqualTo("mine");
            assertThat(Dynarecord.session()).isSameAs(context.getBean(Session.class));
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Listening {
        final List<DynamoDbRequest> heard = new ArrayList<>();

        @Bean
        RequestListener recorder() {
            return heard::add;
        }

        @Bean
        DynarecordConfigCustomizer twoThreads() {
            return builder -> builder.parallelism(2);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSession {
        @Bean
        Session session() {
            return Session.open(c -> c.adapter(Adapter.LOCAL).namespace("mine"));
        }
    }
}
