package dev.dynarecord.spring.boot;

import dev.dynarecord.config.Config;

/**
 * A bean that adjusts the session's configuration in code after the {@code dynarecord.*}
 * properties were applied: for the options that are objects and have no bean of their own
 * (converters, an executor). Customizers run in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * DynarecordConfigCustomizer money() {
 *     return builder -> builder.converter(Money.class, new MoneyConverter());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface DynarecordConfigCustomizer {

    /** @param builder the configuration being built; later settings win */
    void customize(Config.Builder builder);
}
