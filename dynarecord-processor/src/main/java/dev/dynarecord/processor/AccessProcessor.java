package dev.dynarecord.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes, for each model class compiled, a {@code <Model>_DynarecordAccess} class in its package
 * that implements {@code dev.dynarecord.spi.GeneratedAccess}, the same for each record compiled
 * with it that a model holds (an embedded document), and, once per compilation, the native-image
 * reachability file that lists them.
 *
 * <p>Models need no annotation, so the processor looks at every class ({@code "*"}), and claims
 * no annotation: other processors see them all. Option {@value #VERBOSE}{@code =true} explains, as
 * notes, each model class or field left to method handles.
 */
public final class AccessProcessor extends AbstractProcessor {

    /** The option that turns on notes about what is left out. */
    public static final String VERBOSE = "dynarecord.processor.verbose";

    private ModelScan scan;
    /** The generated classes, by qualified name, in the order they were written. */
    private final Map<String, ModelAccess> generated = new LinkedHashMap<>();
    /** The classes to look at again next round, by canonical name: a type they use was not there yet. */
    private final Set<String> deferred = new LinkedHashSet<>();
    /** The top-level classes compiled, in every round so far, by qualified name. */
    private final Set<String> compiled = new java.util.HashSet<>();

    /** For the service loader. */
    public AccessProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        scan = new ModelScan(env, Boolean.parseBoolean(env.getOptions().get(VERBOSE)));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(VERBOSE);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            // a class still deferred uses a type that never came: the compiler reports it
            writeReachabilityConfig();
            return false;
        }
        List<TypeElement> types = new ArrayList<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                types.add(type);
            }
        }
        deferred.clear();
        for (Element root : round.getRootElements()) {
            types.addAll(ModelScan.typesIn(root));
            if (root instanceof TypeElement top) {
                compiled.add(top.getQualifiedName().toString());
            }
        }
        for (TypeElement type : types) {
            if (scan.unresolved(type)) {
                deferred.add(type.getQualifiedName().toString());
            } else {
                scan.accessFor(type).ifPresent(access -> {
                    write(access);
                    // the records it holds, embedded documents, when they are compiled here too
                    for (TypeElement record : scan.documentRecords(type, compiled::contains)) {
                        scan.recordAccess(record).ifPresent(this::write);
                    }
                });
            }
        }
        return false;
    }

    private void write(ModelAccess access) {
        String name = access.qualifiedClassName();
        ModelAccess earlier = generated.putIfAbsent(name, access);
        if (earlier != null) {
            if (!earlier.model().equals(access.model())) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "no generated access: " + name
                        + " already serves " + earlier.modelName() + "; method handles serve this class", access.model());
            }
            return;
        }
        try (Writer out = processingEnv.getFiler().createSourceFile(name, access.model()).openWriter()) {
            out.write(AccessWriter.source(access));
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + name + ": " + e.getMessage(),
                    access.model());
        }
    }

    private void writeReachabilityConfig() {
        if (generated.isEmpty()) {
            return;
        }
        String path = ReachabilityConfig.path(generated.values().iterator().next().packageName());
        Element[] originating = generated.values().stream().map(ModelAccess::model).toArray(Element[]::new);
        try {
            FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path, originating);
            try (Writer out = file.openWriter()) {
                out.write(ReachabilityConfig.json(generated.keySet(), generated.values().stream()
                        .map(a -> processingEnv.getElementUtils().getBinaryName(a.model()).toString()).toList()));
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + path + ": " + e.getMessage());
        }
        generated.clear(); // once per compilation, even if the compiler were to signal the end twice
    }
}
