package dev.dynarecord.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.spi.GeneratedAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles model sources held in strings, with {@link AccessProcessor} (and any other processor a
 * test adds), against the test's class path, which holds dynarecord-core.
 */
final class TestCompiler {

    /** The lint settings of the build (the parent pom): all but {@code processing}, whose only warning is "no processor claimed" */
    static final List<String> STRICT = List.of("-Xlint:all,-processing", "-Werror");

    private final Path directory;
    private final List<String> options = new ArrayList<>(STRICT);
    private final List<Processor> processors = new ArrayList<>(List.of(new AccessProcessor()));

    private TestCompiler(Path directory) {
        this.directory = directory;
    }

    /**
     * @param directory where to put classes ({@code classes}) and generated sources ({@code generated})
     * @return a compiler with the strict options
     */
    static TestCompiler in(Path directory) {
        return new TestCompiler(directory);
    }

    /** @return this, with the options in place of the strict ones */
    TestCompiler options(String... replacing) {
        options.clear();
        options.addAll(List.of(replacing));
        return this;
    }

    /** @return this, with one more processor, run after {@link AccessProcessor} */
    TestCompiler with(Processor processor) {
        processors.add(processor);
        return this;
    }

    /**
     * @param sources each compilation unit's source, by its path ({@code com/example/User.java})
     * @return the outcome
     */
    Result compile(Map<String, String> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = directory.resolve("classes");
        Path generated = directory.resolve("generated");
        try {
            Files.createDirectories(classes);
            Files.createDirectories(generated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> all = new ArrayList<>(options);
        if (all.stream().noneMatch(o -> o.equals("--module-path"))) {
            all.addAll(List.of("-classpath", System.getProperty("java.class.path")));
        }
        all.addAll(List.of("-d", classes.toString(), "-s", generated.toString(), "-implicit:none"));
        List<JavaFileObject> units = sources.entrySet().stream()
                .map(e -> source(e.getKey(), e.getValue()))
                .collect(Collectors.toList());
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, all, null, units);
            task.setProcessors(processors);
            boolean success = task.call();
            return new Result(success, diagnostics.getDiagnostics(), classes, generated, loader(classes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param sources the sources, by path
     * @return the outcome, asserted successful and without a warning
     */
    Result compileClean(Map<String, String> sources) {
        Result result = compile(sources);
        assertThat(result.problems()).as("errors and warnings").isEmpty();
        assertThat(result.success()).isTrue();
        return result;
    }

    private static ClassLoader loader(Path classes) {
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, TestCompiler.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JavaFileObject source(String path, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    /**
     * What a compilation gave.
     *
     * @param success whether it succeeded
     * @param diagnostics everything the compiler and the processors reported
     * @param classes the class output
     * @param generated the generated sources
     * @param loader a loader of the compiled classes, over the test's own
     */
    record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes, Path generated,
            ClassLoader loader) {

        /** @return the errors and warnings, as text */
        List<String> problems() {
            return diagnostics.stream()
                    .filter(d -> d.getKind() != Diagnostic.Kind.NOTE && d.getKind() != Diagnostic.Kind.OTHER)
                    .map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
                    .toList();
        }

        /** @return the notes, as text */
        List<String> notes() {
            return diagnostics.stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
                    .map(d -> d.getMessage(Locale.ROOT))
                    .toList();
        }

        /** @return the paths, relative to {@link #generated()}, of the generated sources */
        List<String> generatedSources() {
            try (Stream<Path> paths = Files.walk(generated)) {
                return paths.filter(Files::isRegularFile).map(p -> generated.relativize(p).toString().replace('\\', '/'))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** @return a generated source's text */
        String generatedSource(String path) {
            return read(generated.resolve(path));
        }

        /** @return a file of the class output, as text */
        String output(String path) {
            return read(classes.resolve(path));
        }

        /**
         * @param name a class's binary name
         * @return the class, loaded by {@link #loader()}
         */
        Class<?> type(String name) {
            try {
                return Class.forName(name, true, loader);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(name + " was not compiled", e);
            }
        }

        /**
         * @param modelName a model class's binary name
         * @return an instance of the class generated for it, as the runtime makes it
         */
        GeneratedAccess access(String modelName) {
            String packagePrefix = modelName.contains(".") ? modelName.substring(0, modelName.lastIndexOf('.') + 1) : "";
            String simpleNames = modelName.substring(packagePrefix.length()).replace('$', '_');
            try {
                return (GeneratedAccess) type(packagePrefix + simpleNames + GeneratedAccess.SUFFIX).getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }

        /**
         * @param name a class's binary name
         * @return a new instance, made by its no-arg constructor, by reflection
         */
        Object newInstance(String name) {
            try {
                java.lang.reflect.Constructor<?> constructor = type(name).getDeclaredConstructor();
                constructor.setAccessible(true);
                return constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** @return the sources as a map, from alternating paths and codes */
    static Map<String, String> sources(String... pathsAndCodes) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndCodes.length; i += 2) {
            sources.put(pathsAndCodes[i], pathsAndCodes[i + 1]);
        }
        return sources;
    }
}
