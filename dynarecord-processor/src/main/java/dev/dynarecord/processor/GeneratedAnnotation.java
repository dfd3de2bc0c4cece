package dev.dynarecord.processor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Whether generated code may carry {@code @javax.annotation.processing.Generated}: the annotation
 * exists from Java 9, in module {@code java.compiler}, which a model in a named module may not read.
 */
final class GeneratedAnnotation {

    /** The annotation's name. */
    static final String NAME = "javax.annotation.processing.Generated";
    private static final String MODULE = "java.compiler";

    private final Elements elements;
    private Boolean present;

    GeneratedAnnotation(Elements elements) {
        this.elements = elements;
    }

    /**
     * @param model a model class
     * @return whether the class generated for it can be annotated: the annotation is there and the
     *     model's module, when it is a named one, reads {@code java.compiler}
     */
    boolean usableFor(TypeElement model) {
        if (present == null) {
            present = elements.getTypeElement(NAME) != null;
        }
        if (!present) {
            return false;
        }
        ModuleElement module = elements.getModuleOf(model);
        return module == null || module.isUnnamed() || reads(module);
    }

    /** @return whether the module requires {@code java.compiler}, directly or through {@code requires transitive} */
    private static boolean reads(ModuleElement module) {
        Deque<ModuleElement> required = new ArrayDeque<>();
        ElementFilter.requiresIn(module.getDirectives()).forEach(r -> required.add(r.getDependency()));
        Set<String> seen = new HashSet<>();
        while (!required.isEmpty()) {
            ModuleElement m = required.pop();
            if (m.getQualifiedName().contentEquals(MODULE)) {
                return true;
            }
            if (seen.add(m.getQualifiedName().toString())) {
                ElementFilter.requiresIn(m.getDirectives()).stream()
                        .filter(ModuleElement.RequiresDirective::isTransitive)
                        .forEach(r -> required.add(r.getDependency()));
            }
        }
        return false;
    }
}
