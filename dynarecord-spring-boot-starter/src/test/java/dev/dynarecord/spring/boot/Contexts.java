package dev.dynarecord.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Application contexts with the starter's auto-configuration, for the tests. */
final class Contexts {

    private Contexts() {
    }

    /** @return a runner with the starter's auto-configuration (session and health) and nothing else */
    static ApplicationContextRunner starter() {
        return new ApplicationContextRunner().withConfiguration(
                AutoConfigurations.of(DynarecordAutoConfiguration.class, DynarecordHealthAutoConfiguration.class));
    }

    /** @return the runner on the embedded engine in a namespace of its own */
    static ApplicationContextRunner local(String namespace) {
        return starter().withPropertyValues("dynarecord.adapter=LOCAL", "dynarecord.namespace=" + namespace);
    }
}
