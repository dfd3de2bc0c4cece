package dev.dynarecord.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Session;
import dev.dynarecord.spring.boot.models.Widget;
import dev.dynarecord.spring.boot.test.DynarecordSpringTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code dynarecord} health indicator over the scanned models' tables, on the embedded engine. */
@ResourceLock(DynarecordSpringTest.DEFAULT_SESSION)
class HealthIndicatorTest {

    private static ApplicationContextRunner scanning(String namespace) {
        return Contexts.local(namespace).withPropertyValues("dynarecord.models.packages=dev.dynarecord.spring.boot.models");
    }

    @Test
    void upWhenEveryTableIsActive() {
        scanning("boot_health_up").run(context -> {
            Health health = context.getBean(DynarecordHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("adapter", "LOCAL").containsEntry("namespace", "boot_health_up")
                    .containsEntry("tables", Map.of("boot_health_up_gadgets", "ACTIVE", "boot_health_up_widgets", "ACTIVE"));
            context.getBean(Session.class).tables().dropAll();
        });
    }

    @Test
    void downWhenATableIsMissing() {
        scanning("boot_health_down").run(context -> {
            Session session = context.getBean(Session.class);
            session.tables().drop(Widget.class);

            Health health = context.getBean(DynarecordHealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("tables",
                    Map.of("boot_health_down_gadgets", "ACTIVE", "boot_health_down_widgets", DynarecordHealthIndicator.MISSING));
            session.tables().dropAll();
        });
    }

    @Test
    void withoutScannedModelsItIsUpWithNoTables() {
        Contexts.local("boot_health_none").run(context -> {
            Health health = context.getBean(DynarecordHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("tables", Map.of());
        });
    }

    @Test
    void turnedOffByBootsProperty() {
        scanning("boot_health_off").withPropertyValues("management.health.dynarecord.enabled=false", "dynarecord.models.tables=none")
                .run(context -> assertThat(context).doesNotHaveBean(DynarecordHealthIndicator.class));
    }
}
