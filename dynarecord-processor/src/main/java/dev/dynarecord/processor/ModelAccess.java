package dev.dynarecord.processor;

import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * What to write for one model class: everything {@link AccessWriter} prints, decided by {@link ModelScan}.
 *
 * @param model the model class, the generated file's originating element
 * @param packageName the model's package, empty for the unnamed package
 * @param className the generated class's simple name, {@code Shop_Item_DynarecordAccess}
 * @param modelName how source code names the model: its canonical name, raw
 * @param fields the covered fields, in declaration order; a field's index is its position
 * @param construction how {@code newInstance()} makes instances, or why it cannot
 * @param suppressedWarnings the lint categories the generated class suppresses, sorted
 * @param generatedAnnotation whether to mark the class {@code @javax.annotation.processing.Generated}
 * @param document whether the class is a record held by a model, an embedded document: its fields are
 *     its components, read by their accessors and given to its canonical constructor
 */
record ModelAccess(TypeElement model, String packageName, String className, String modelName, List<Field> fields,
        Construction construction, Set<String> suppressedWarnings, boolean generatedAnnotation, boolean document) {

    /** @return the generated class's qualified name, also its binary name (it is top-level) */
    String qualifiedClassName() {
        return packageName.isEmpty() ? className : packageName + "." + className;
    }

    /**
     * A field that the generated code reads and writes directly.
     *
     * @param name the field's name
     * @param castType the type to cast a new value to: the boxed type of a primitive field, the
     *     erasure of a reference type; null for an {@code Object} field, which needs no cast
     * @param primitive whether the field is of a primitive type
     * @param primitiveKind for a record's primitive component, its {@code TypeKind} name (its zero
     *     when absent); null otherwise
     */
    record Field(String name, String castType, boolean primitive, String primitiveKind) {
    }

    /**
     * How the generated {@code newInstance()} makes an instance.
     *
     * @param instantiable whether it can: the class is concrete, with a non-private no-arg constructor
     * @param throwsChecked whether that constructor declares checked exceptions, which must be wrapped
     * @param refusal why not, for the exception's message when it cannot
     */
    record Construction(boolean instantiable, boolean throwsChecked, String refusal) {

        static Construction byConstructor(boolean throwsChecked) {
            return new Construction(true, throwsChecked, null);
        }

        static Construction refused(String refusal) {
            return new Construction(false, false, refusal);
        }
    }
}
