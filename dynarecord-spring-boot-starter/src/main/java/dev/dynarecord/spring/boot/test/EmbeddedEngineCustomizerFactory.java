package dev.dynarecord.spring.boot.test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Gives the context of a {@link DynarecordSpringTest} class the embedded engine and a namespace of
 * its own, as properties that the test's own {@code properties} override.
 */
final class EmbeddedEngineCustomizerFactory implements ContextCustomizerFactory {

    private static final AtomicInteger CLASSES = new AtomicInteger();

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new EmbeddedEngine(namespaceFor(testClass));
    }

    /** A namespace unique in this JVM and readable in logs: {@code t_order_api_test_3}. */
    static String namespaceFor(Class<?> testClass) {
        String snake = testClass.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return "t_" + snake + "_" + CLASSES.incrementAndGet();
    }

    /**
     * Adds the properties above application.properties and below the test's own {@code properties},
     * so that those win. Equal per namespace, for the context cache.
     */
    private record EmbeddedEngine(String namespace) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource engine = new MapPropertySource("dynarecordSpringTest",
                    Map.of("dynarecord.adapter", "LOCAL", "dynarecord.namespace", namespace));
            if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, engine);
            } else {
                sources.addFirst(engine); // the inlined properties are added later, also first: they still win
            }
        }
    }
}
