package dev.dynarecord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.spi.EmbeddedEngineProvider;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compiled module descriptor of dynarecord-core (ADR 0016), read from the classes under test:
 * it exports the public packages and nothing under {@code internal}, except by a qualified export
 * to a Dynarecord module.
 */
class ModuleDescriptorTest {

    private static final String MODULE = "dev.dynarecord.core";
    /** The packages users may import; the same list as ArchitectureTest's. */
    private static final Set<String> PUBLIC_PACKAGES = Set.of("dev.dynarecord", "dev.dynarecord.annotation",
            "dev.dynarecord.config", "dev.dynarecord.exception", "dev.dynarecord.lifecycle", "dev.dynarecord.query",
            "dev.dynarecord.observe", "dev.dynarecord.spi", "dev.dynarecord.types");
    /** The only modules an internal package may be exported to; none needs one today. */
    private static final Set<String> FRIENDS = Set.of("dev.dynarecord.local", "dev.dynarecord.test");

    private static ModuleDescriptor descriptor;

    @BeforeAll
    static void readTheDescriptor() throws Exception {
        // target/classes (or the jar) that Model was loaded from, even though the tests run on the classpath
        Path classes = Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        descriptor = ModuleFinder.of(classes).find(MODULE)
                .orElseThrow(() -> new AssertionError("no module " + MODULE + " in " + classes
                        + ": is module-info.java compiled?"))
                .descriptor();
    }

    @Test
    void isANamedModuleThatOpensNothing() {
        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.isOpen()).isFalse();
        assertThat(descriptor.opens()).isEmpty();
    }

    @Test
    void exportsEveryPublicPackageToEveryone() {
        Set<String> unqualified = descriptor.exports().stream()
                .filter(e -> !e.isQualified())
                .map(Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unqualified).containsExactlyInAnyOrderElementsOf(PUBLIC_PACKAGES);
    }

    @Test
    void exportsNoInternalPackageExceptToDynarecordModules() {
        Set<String> internal = descriptor.packages().stream()
                .filter(ModuleDescriptorTest::isInternal)
                .collect(Collectors.toSet());
        assertThat(internal).as("the internal packages of the module").isNotEmpty();

        for (Exports e : descriptor.exports()) {
            if (isInternal(e.source())) {
                assertThat(e.isQualified()).as("export of %s must be qualified", e.source()).isTrue();
                assertThat(e.targets()).as("modules %s is exported to", e.source()).isSubsetOf(FRIENDS);
            }
        }
        assertThat(descriptor.packages()).as("every package is public or internal")
                .allMatch(p -> PUBLIC_PACKAGES.contains(p) || isInternal(p));
    }

    @Test
    void usesTheEmbeddedEngineProvider() {
        assertThat(descriptor.uses()).contains(EmbeddedEngineProvider.class.getName());
    }

    @Test
    void passesOnTheSdkOfItsSignaturesAndKeepsBeanValidationOptional() {
        Map<String, Requires> requires = descriptor.requires().stream()
                .collect(Collectors.toMap(Requires::name, Function.identity()));
        assertThat(requires).containsKeys("software.amazon.awssdk.services.dynamodb", "jakarta.validation");
        assertThat(requires.get("software.amazon.awssdk.services.dynamodb").modifiers())
                .contains(Requires.Modifier.TRANSITIVE);
        assertThat(requires.get("jakarta.validation").modifiers())
                .contains(Requires.Modifier.STATIC)
                .doesNotContain(Requires.Modifier.TRANSITIVE);
    }

    private static boolean isInternal(String pkg) {
        return pkg.equals("dev.dynarecord.internal") || pkg.startsWith("dev.dynarecord.internal.");
    }
}
