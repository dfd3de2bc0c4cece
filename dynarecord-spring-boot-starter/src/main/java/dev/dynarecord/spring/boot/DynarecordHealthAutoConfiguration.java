package dev.dynarecord.spring.boot;

import dev.dynarecord.Session;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code dynarecord} health indicator ({@link DynarecordHealthIndicator}), when Boot's health
 * module is on the classpath (as with {@code spring-boot-starter-actuator}); turned off with
 * {@code management.health.dynarecord.enabled=false}.
 */
@AutoConfiguration(after = DynarecordAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean({Session.class, DynarecordModels.class})
@ConditionalOnEnabledHealthIndicator("dynarecord")
public class DynarecordHealthAutoConfiguration {

    /**
     * @param session the session
     * @param models the scanned models
     * @return the indicator, named {@code dynarecord} in the health endpoint
     */
    @Bean
    @ConditionalOnMissingBean(name = "dynarecordHealthIndicator")
    public DynarecordHealthIndicator dynarecordHealthIndicator(Session session, DynarecordModels models) {
        return new DynarecordHealthIndicator(session, models);
    }
}
