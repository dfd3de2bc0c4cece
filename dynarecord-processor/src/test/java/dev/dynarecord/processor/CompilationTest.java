package dev.dynarecord.processor;

import static dev.dynarecord.processor.TestCompiler.sources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.Model;
import dev.dynarecord.spi.GeneratedAccess;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a compilation with the processor writes besides the access classes, and what it reports. */
class CompilationTest {

    private static final String USER = """
            package com.example.app;

            import dev.dynarecord.Model;
            import dev.dynarecord.annotation.Field;
            import dev.dynarecord.annotation.HashKey;
            import dev.dynarecord.annotation.Table;

            @Table(name = "users")
            public class User extends Model<User> {
                @HashKey public String email;
                @Field public int age;

                public static class Address extends Model<Address> {
                    @Field public String city;
                }
            }
            """;

    private static final String ORDER = """
            package com.example.shop;

            public class Order extends dev.dynarecord.Model<Order> {
                long total;
            }
            """;

    @TempDir
    Path directory;

    @Test
    void listsEveryGeneratedClassForNativeImageSortedByName() {
        TestCompiler.Result result = TestCompiler.in(directory)
                .compileClean(sources("com/example/shop/Order.java", ORDER, "com/example/app/User.java", USER));

        String config = result.output("META-INF/native-image/dev.dynarecord.generated/com.example.shop/reflect-config.json");
        String init = "\"methods\":[{\"name\":\"<init>\",\"parameterTypes\":[]}]";
        String members = "\"allDeclaredFields\":true,\"allDeclaredMethods\":true,\"allDeclaredConstructors\":true";
        assertThat(config.replaceAll("\\s", "")).isEqualTo("["
                + "{\"name\":\"com.example.app.User_Address_DynarecordAccess\"," + init + "},"
                + "{\"name\":\"com.example.app.User_DynarecordAccess\"," + init + "},"
                + "{\"name\":\"com.example.shop.Order_DynarecordAccess\"," + init + "},"
                + "{\"name\":\"com.example.app.User\"," + members + "},"
                + "{\"name\":\"com.example.app.User$Address\"," + members + "},"
                + "{\"name\":\"com.example.shop.Order\"," + members + "}]");
        for (String name : new String[] {"com.example.app.User_Address_DynarecordAccess", "com.example.app.User_DynarecordAccess",
            "com.example.shop.Order_DynarecordAccess"}) {
            assertThat(GeneratedAccess.class).isAssignableFrom(result.type(name));
        }
    }

    @Test
    void marksTheClassGeneratedAndSuppressesOnlyTheWarningsItWouldRaise() {
        TestCompiler.Result result = TestCompiler.in(directory).compileClean(sources("com/example/shop/Order.java", ORDER));

        String source = result.generatedSource("com/example/shop/Order_DynarecordAccess.java");
        assertThat(source)
                .startsWith("package com.example.shop;\n")
                .contains("@javax.annotation.processing.Generated(\"dev.dynarecord.processor.AccessProcessor\")\n"
                        + "public final class Order_DynarecordAccess implements dev.dynarecord.spi.GeneratedAccess {")
                .contains("((com.example.shop.Order) instance).total = (java.lang.Long) value;")
                .doesNotContain("SuppressWarnings");
    }

    @Test
    void compilesWithoutWarningsUsingDeprecatedAndRawTypes() {
        TestCompiler.Result result = TestCompiler.in(directory).compileClean(sources(
                "com/example/Old.java", """
                package com.example;

                @Deprecated(forRemoval = true)
                public class Old {
                }
                """,
                "com/example/Legacy.java", """
                package com.example;

                import java.util.List;

                @Deprecated
                public class Legacy extends dev.dynarecord.Model<Legacy> {
                    @SuppressWarnings("removal") Old old;
                    @Deprecated String former;
                    @SuppressWarnings("rawtypes") List raw;
                    java.util.Map.Entry<String, String> entry;

                    @Deprecated
                    public Legacy() {
                    }
                }
                """));

        assertThat(result.generatedSource("com/example/Legacy_DynarecordAccess.java"))
                .contains("@java.lang.SuppressWarnings({\"deprecation\", \"rawtypes\", \"removal\", \"unchecked\"})");
        GeneratedAccess legacy = result.access("com.example.Legacy");
        assertThat(legacy.index("old")).isZero();
        assertThat(legacy.index("entry")).isEqualTo(3);
    }

    @Test
    void raisesNoProcessingWarningButTheCompilersNoProcessorClaimedAnnotations() {
        TestCompiler.Result result = TestCompiler.in(directory).options("-Xlint:all")
                .compile(sources("com/example/app/User.java", USER, "com/example/shop/Order.java", ORDER));

        assertThat(result.success()).isTrue();
        assertThat(result.diagnostics()).filteredOn(d -> d.getKind() != Diagnostic.Kind.NOTE)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.getCode()).as(d.getMessage(Locale.ROOT))
                        .isEqualTo("compiler.warn.proc.annotations.without.processors"));
    }

    @Test
    void explainsWhatItLeavesOutOnlyWhenVerbose() {
        String model = """
                package com.example;

                public class Account extends dev.dynarecord.Model<Account> {
                    private String secret;
                    final String fixed = "f";
                    public class Inner extends dev.dynarecord.Model<Inner> {
                    }
                }
                """;
        TestCompiler.Result quiet = TestCompiler.in(directory.resolve("quiet")).compileClean(sources("com/example/Account.java", model));
        TestCompiler.Result verbose = TestCompiler.in(directory.resolve("verbose"))
                .options("-Xlint:all,-processing", "-Werror", "-Adynarecord.processor.verbose=true")
                .compileClean(sources("com/example/Account.java", model));

        assertThat(quiet.notes()).isEmpty();
        assertThat(verbose.notes()).hasSize(3)
                .anyMatch(n -> n.contains("private")).anyMatch(n -> n.contains("final")).anyMatch(n -> n.contains("inner class"));
    }

    @Test
    void marksTheClassGeneratedOnlyInAModuleThatReadsJavaCompiler() {
        String modulePath = modulePath();
        // java.compiler in the module graph, as another module could require it, but not read by the model's
        TestCompiler.Result plain = TestCompiler.in(directory.resolve("plain"))
                .options("-Xlint:all,-processing", "-Werror", "--module-path", modulePath, "--add-modules", "java.compiler")
                .compileClean(sources("module-info.java", """
                        module com.example.shop {
                            requires dev.dynarecord.core;
                            opens com.example.shop to dev.dynarecord.core;
                        }
                        """, "com/example/shop/Order.java", ORDER));
        TestCompiler.Result reading = TestCompiler.in(directory.resolve("reading"))
                .options("-Xlint:all,-processing", "-Werror", "--module-path", modulePath)
                .compileClean(sources("module-info.java", """
                        module com.example.shop {
                            requires dev.dynarecord.core;
                            requires static java.se;
                            opens com.example.shop to dev.dynarecord.core;
                        }
                        """, "com/example/shop/Order.java", ORDER));

        String marker = "@javax.annotation.processing.Generated(";
        assertThat(plain.generatedSource("com/example/shop/Order_DynarecordAccess.java")).doesNotContain(marker)
                .contains("public final class Order_DynarecordAccess");
        assertThat(reading.generatedSource("com/example/shop/Order_DynarecordAccess.java")).as("java.se requires it transitively")
                .contains(marker);
    }

    /** @return dynarecord-core and the jars of the test's class path, as a module path */
    private static String modulePath() {
        String core;
        try {
            core = Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return Stream.concat(Stream.of(core), Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(entry -> entry.endsWith(".jar")))
                .collect(Collectors.joining(File.pathSeparator));
    }

    @Test
    void waitsForATypeThatAnotherProcessorWrites() {
        TestCompiler.Result result = TestCompiler.in(directory).with(new WritesLater()).compileClean(sources(
                "com/example/Waiting.java", """
                package com.example;

                public class Waiting extends dev.dynarecord.Model<Waiting> {
                    Later later;
                    String name;
                }
                """,
                "com/example/Late.java", """
                package com.example;

                public class Late extends LaterBase {
                    int count;
                }
                """));

        GeneratedAccess waiting = result.access("com.example.Waiting");
        assertThat(waiting.index("later")).isZero();
        assertThat(waiting.index("name")).isEqualTo(1);
        assertThat(result.access("com.example.Late").index("count")).isZero();
        Object instance = waiting.newInstance();
        Object later = result.newInstance("com.example.Later");
        waiting.set(0, instance, later);
        assertThat(waiting.get(0, instance)).isSameAs(later);
    }

    /** Writes, in the first round, {@code com.example.Later} and a model base class {@code com.example.LaterBase}. */
    static final class WritesLater extends AbstractProcessor {
        private boolean written;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!written) {
                written = true;
                write("com.example.Later", "package com.example;\npublic class Later {\n}\n");
                write("com.example.LaterBase", "package com.example;\n"
                        + "public abstract class LaterBase extends dev.dynarecord.Model<LaterBase> {\n}\n");
            }
            return false;
        }

        private void write(String name, String source) {
            try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                out.write(source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
