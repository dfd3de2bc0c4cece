package dev.dynarecord.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Session;
import dev.dynarecord.spring.boot.test.DynarecordSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.health.contributor.HealthIndicator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the starter does with the parts an application may or may not have: the health module,
 * Bean Validation, and {@code dynarecord.models.tables=sync} on a table that lacks an index.
 */
@ResourceLock(DynarecordSpringTest.DEFAULT_SESSION)
class OptionalPartsTest {

    @Test
    void withoutTheHealthModuleThereIsNoIndicatorAndTheSessionStillStarts() {
        Contexts.local("boot_no_health").withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Session.class).doesNotHaveBean(DynarecordHealthIndicator.class);
        });
    }

    @Test
    void withoutBeanValidationTheSessionKeepsTheDefaultProvider() {
        Contexts.local("boot_no_validation").withClassLoader(new FilteredClassLoader("jakarta.validation")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Session.class).config().validator()).isEmpty();
        });
    }

    @Test
    void aValidatorBeanIsPassedToTheSession() {
        jakarta.validation.Validator validator = jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();
        Contexts.local("boot_validator").withBean(jakarta.validation.Validator.class, () -> validator)
                .run(context -> assertThat(context.getBean(Session.class).config().validator()).containsSame(validator));
    }

    @Test
    void syncAddsTheIndexATableLacks() {
        DynamoDbClient raw = Contexts.raw();
        Contexts.createTable("boot_sync_listings", "id");
        Contexts.local("boot_sync").withPropertyValues("dynarecord.models.packages=dev.dynarecord.spring.boot.indexed",
                "dynarecord.models.tables=sync").run(context -> {
                    assertThat(context).hasNotFailed();
                    Session session = context.getBean(Session.class);
                    assertThat(raw.describeTable(d -> d.tableName("boot_sync_listings")).table().globalSecondaryIndexes())
                            .extracting(i -> i.indexName()).containsExactly("city_index");
                    session.tables().dropAll();
                });
    }
}
