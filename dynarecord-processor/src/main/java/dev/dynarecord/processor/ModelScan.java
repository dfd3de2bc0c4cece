package dev.dynarecord.processor;

import static javax.lang.model.element.Modifier.ABSTRACT;
import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import dev.dynarecord.processor.ModelAccess.Construction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Decides what generated access serves: which classes are models that code in their package can
 * name and reach, which of their fields that code may read and write, and how it makes instances.
 * Dynarecord's types are named by string: the processor does not depend on them.
 */
final class ModelScan {

    /** The class every model extends, directly or not. */
    static final String MODEL = "dev.dynarecord.Model";
    /** The suffix of a generated class's name, as {@code GeneratedAccess.SUFFIX}. */
    static final String SUFFIX = "_DynarecordAccess";

    private final Elements elements;
    private final Types types;
    private final Messager messager;
    private final boolean verbose;
    private final GeneratedAnnotation generatedAnnotation;

    /**
     * @param env the processing environment
     * @param verbose whether to explain, as notes, each model class or field left out
     */
    ModelScan(ProcessingEnvironment env, boolean verbose) {
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.messager = env.getMessager();
        this.verbose = verbose;
        this.generatedAnnotation = new GeneratedAnnotation(elements);
    }

    /**
     * @param root a root element of a round
     * @return the types it declares: itself when it is one, and every member type within, recursively
     */
    static List<TypeElement> typesIn(Element root) {
        List<TypeElement> found = new ArrayList<>();
        if (root instanceof TypeElement type) {
            collect(type, found);
        }
        return found;
    }

    private static void collect(TypeElement type, List<TypeElement> found) {
        found.add(type);
        for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) {
            collect(member, found);
        }
    }

    /**
     * @param type a class
     * @return the simple name of the class that serves it: the simple names from the top-level
     *     class down, joined by {@code _}, then {@link #SUFFIX}
     */
    static String accessName(TypeElement type) {
        Deque<String> names = new ArrayDeque<>();
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            names.addFirst(e.getSimpleName().toString());
        }
        return String.join("_", names) + SUFFIX;
    }

    /**
     * @param type a type
     * @return whether it is a class that extends {@link #MODEL}, directly or through other classes
     */
    boolean isModel(TypeElement type) {
        if (type.getKind() != ElementKind.CLASS) {
            return false;
        }
        for (TypeMirror s = type.getSuperclass(); s.getKind() == TypeKind.DECLARED; ) {
            TypeElement superclass = (TypeElement) types.asElement(s);
            if (superclass.getQualifiedName().contentEquals(MODEL)) {
                return true;
            }
            s = superclass.getSuperclass();
        }
        return false;
    }

    /**
     * @param type a type
     * @return whether a class it extends, or the type of a field of the model, is not known yet:
     *     another processor may write it in this round, so the type is to be looked at in the next
     */
    boolean unresolved(TypeElement type) {
        if (type.getKind() != ElementKind.CLASS) {
            return false;
        }
        for (TypeMirror s = type.getSuperclass(); s.getKind() != TypeKind.NONE; ) {
            if (s.getKind() != TypeKind.DECLARED) {
                return true; // an error type: the class is not there (yet)
            }
            s = ((TypeElement) types.asElement(s)).getSuperclass();
        }
        return isModel(type) && ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
                .anyMatch(f -> erroneous(f.asType()) || erroneous(types.erasure(f.asType())));
    }

    private static boolean erroneous(TypeMirror type) {
        return type.getKind() == TypeKind.ERROR
                || type.getKind() == TypeKind.ARRAY && erroneous(((ArrayType) type).getComponentType());
    }

    /**
     * The records that a model's fields hold, as their type or in a type argument or array, and the
     * records those records hold, recursively: the embedded documents generated code may build.
     *
     * @param model a model class
     * @param compiled whether a top-level class is compiled now (generated code goes next to its sources only)
     * @return the records found, in the order met
     */
    Set<TypeElement> documentRecords(TypeElement model, java.util.function.Predicate<String> compiled) {
        Set<TypeElement> found = new LinkedHashSet<>();
        for (VariableElement field : ElementFilter.fieldsIn(model.getEnclosedElements())) {
            if (!field.getModifiers().contains(STATIC)) {
                collectRecords(field.asType(), compiled, found);
            }
        }
        return found;
    }

    private void collectRecords(TypeMirror type, java.util.function.Predicate<String> compiled, Set<TypeElement> found) {
        if (type.getKind() == TypeKind.ARRAY) {
            collectRecords(((ArrayType) type).getComponentType(), compiled, found);
            return;
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return;
        }
        DeclaredType declared = (DeclaredType) type;
        for (TypeMirror argument : declared.getTypeArguments()) {
            collectRecords(argument, compiled, found);
        }
        TypeElement element = (TypeElement) declared.asElement();
        Element top = element;
        while (top.getEnclosingElement() instanceof TypeElement outer) {
            top = outer;
        }
        if (element.getKind() == ElementKind.RECORD && compiled.test(((TypeElement) top).getQualifiedName().toString())
                && found.add(element)) {
            for (RecordComponentElement component : element.getRecordComponents()) {
                collectRecords(component.asType(), compiled, found);
            }
        }
    }

    /**
     * @param record a record that a model holds ({@link #documentRecords})
     * @return what to generate for it: its components read by their accessors, new instances made by
     *     its canonical constructor from converted values; empty when code in its package cannot name
     *     it or a component's type, or it is generic
     */
    Optional<ModelAccess> recordAccess(TypeElement record) {
        PackageElement pkg = elements.getPackageOf(record);
        if (!visibleFrom(record, pkg) || !record.getTypeParameters().isEmpty()) {
            note(record, "no generated access for this embedded document: it is private, or generic");
            return Optional.empty();
        }
        Set<String> suppressed = new TreeSet<>();
        addWarnings(record, suppressed);
        List<ModelAccess.Field> components = new ArrayList<>();
        for (ExecutableElement constructor : ElementFilter.constructorsIn(record.getEnclosedElements())) {
            addWarnings(constructor, suppressed);
        }
        for (RecordComponentElement component : record.getRecordComponents()) {
            TypeMirror erasure = types.erasure(component.asType());
            if (!accessible(erasure, pkg)) {
                note(record, "no generated access for this embedded document: the type of '" + component.getSimpleName()
                        + "' cannot be named in its package");
                return Optional.empty();
            }
            addWarnings(component.getAccessor(), suppressed);
            addWarnings(types.asElement(innermostComponent(erasure)), suppressed);
            components.add(new ModelAccess.Field(component.getSimpleName().toString(), castType(erasure),
                    erasure.getKind().isPrimitive(), erasure.getKind().isPrimitive() ? erasure.getKind().name() : null));
        }
        String name = record.getQualifiedName().toString();
        return Optional.of(new ModelAccess(record, pkg.getQualifiedName().toString(), accessName(record), name,
                List.copyOf(components), Construction.refused(name + " is a record: it is made from its components"),
                suppressed, generatedAnnotation.usableFor(record), true));
    }

    /**
     * @param type a type, {@linkplain #unresolved(TypeElement) resolved}
     * @return what to generate for it; empty when it is not a model, or code in its package cannot
     *     name it or make it (private, or an inner class)
     */
    Optional<ModelAccess> accessFor(TypeElement type) {
        if (!isModel(type)) {
            return Optional.empty();
        }
        PackageElement pkg = elements.getPackageOf(type);
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(STATIC)) {
            note(type, "no generated access: an inner class (not static)");
            return Optional.empty();
        }
        if (!visibleFrom(type, pkg)) {
            note(type, "no generated access: it, or a class it is nested in, is private");
            return Optional.empty();
        }
        Set<String> suppressed = new TreeSet<>();
        addWarnings(type, suppressed);
        List<ModelAccess.Field> fields = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            coveredField(field, pkg, suppressed).ifPresent(fields::add);
        }
        String modelName = type.getQualifiedName().toString();
        return Optional.of(new ModelAccess(type, pkg.getQualifiedName().toString(), accessName(type), modelName,
                List.copyOf(fields), construction(type, modelName, suppressed), suppressed,
                generatedAnnotation.usableFor(type), false));
    }

    private Optional<ModelAccess.Field> coveredField(VariableElement field, PackageElement pkg, Set<String> suppressed) {
        Set<Modifier> modifiers = field.getModifiers();
        if (modifiers.contains(STATIC)) {
            return Optional.empty(); // not a record's state: nothing to say
        }
        TypeMirror erasure = types.erasure(field.asType());
        String skipped = modifiers.contains(PRIVATE) ? "it is private"
                : modifiers.contains(FINAL) ? "it is final"
                : !accessible(erasure, pkg) ? "its type " + erasure + " cannot be named in its package"
                : null;
        if (skipped != null) {
            note(field, "not covered by generated access (a method handle reaches it): " + skipped);
            return Optional.empty();
        }
        addWarnings(field, suppressed);
        addWarnings(types.asElement(innermostComponent(erasure)), suppressed);
        return Optional.of(new ModelAccess.Field(field.getSimpleName().toString(), castType(erasure),
                erasure.getKind().isPrimitive(), null));
    }

    /** @return the type to cast an {@code Object} to before assigning it to a field of this erased type, or null for none */
    private String castType(TypeMirror erasure) {
        if (erasure.getKind().isPrimitive()) {
            return types.boxedClass((PrimitiveType) erasure).getQualifiedName().toString();
        }
        TypeElement object = elements.getTypeElement(Object.class.getName());
        return types.isSameType(erasure, object.asType()) ? null : sourceName(erasure);
    }

    /** @return how source code names an erased type: canonical names, {@code []} for arrays */
    private String sourceName(TypeMirror erasure) {
        return switch (erasure.getKind()) {
            case ARRAY -> sourceName(((ArrayType) erasure).getComponentType()) + "[]";
            case DECLARED -> ((TypeElement) types.asElement(erasure)).getQualifiedName().toString();
            default -> erasure.toString(); // a primitive
        };
    }

    private static TypeMirror innermostComponent(TypeMirror type) {
        return type.getKind() == TypeKind.ARRAY ? innermostComponent(((ArrayType) type).getComponentType()) : type;
    }

    /** @return whether code in the package can name this erased type */
    private boolean accessible(TypeMirror erasure, PackageElement pkg) {
        return switch (erasure.getKind()) {
            case ARRAY -> accessible(((ArrayType) erasure).getComponentType(), pkg);
            case DECLARED -> visibleFrom((TypeElement) types.asElement(erasure), pkg);
            default -> erasure.getKind().isPrimitive();
        };
    }

    /**
     * @return whether code in the package can name the type: it and each class it is nested in are
     *     public, or not private and in that package; a local class cannot be named
     */
    private boolean visibleFrom(TypeElement type, PackageElement pkg) {
        Element e = type;
        for (; e instanceof TypeElement; e = e.getEnclosingElement()) {
            Set<Modifier> modifiers = e.getModifiers();
            if (modifiers.contains(PRIVATE)
                    || !modifiers.contains(PUBLIC) && !elements.getPackageOf(e).getQualifiedName().contentEquals(pkg.getQualifiedName())) {
                return false;
            }
        }
        return e instanceof PackageElement;
    }

    private Construction construction(TypeElement type, String modelName, Set<String> suppressed) {
        if (type.getModifiers().contains(ABSTRACT)) {
            return Construction.refused(modelName + " is abstract");
        }
        Optional<ExecutableElement> constructor = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .filter(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(PRIVATE))
                .findFirst();
        if (constructor.isEmpty()) {
            return Construction.refused(modelName + " has no non-private no-arg constructor");
        }
        addWarnings(constructor.get(), suppressed);
        return Construction.byConstructor(constructor.get().getThrownTypes().stream().anyMatch(this::checked));
    }

    private boolean checked(TypeMirror thrown) {
        return !types.isSubtype(thrown, elements.getTypeElement(RuntimeException.class.getName()).asType())
                && !types.isSubtype(thrown, elements.getTypeElement(Error.class.getName()).asType());
    }

    /**
     * Adds the lint categories that naming this element, or a class it is in, would warn about in
     * generated code: raw types for a generic class, deprecation.
     */
    private void addWarnings(Element element, Set<String> suppressed) {
        for (Element e = element; e instanceof TypeElement || e instanceof VariableElement || e instanceof ExecutableElement;
                e = e.getEnclosingElement()) {
            if (e instanceof TypeElement t && !t.getTypeParameters().isEmpty()) {
                suppressed.add("rawtypes");
                suppressed.add("unchecked");
            }
            if (elements.isDeprecated(e)) {
                Deprecated deprecated = e.getAnnotation(Deprecated.class);
                suppressed.add(deprecated != null && deprecated.forRemoval() ? "removal" : "deprecation");
            }
        }
    }

    private void note(Element element, String message) {
        if (verbose) {
            messager.printMessage(Diagnostic.Kind.NOTE, message, element);
        }
    }
}
