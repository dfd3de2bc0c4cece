package dev.dynarecord.processor;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Prints the source of a generated access class. Every type is named by its canonical name, so that
 * nothing in the model's package can shadow it; {@code switch} statements keep the source valid
 * for any language level the model may be compiled at.
 */
final class AccessWriter {

    private static final String INTERFACE = "dev.dynarecord.spi.GeneratedAccess";
    private static final String FIELDS = "dev.dynarecord.spi.ItemFields";
    private static final String VALUE = "software.amazon.awssdk.services.dynamodb.model.AttributeValue";
    private static final String ITEM = "java.util.Map<java.lang.String, " + VALUE + ">";

    private final StringBuilder out = new StringBuilder();
    private final ModelAccess access;
    private final String model;

    private AccessWriter(ModelAccess access) {
        this.access = access;
        this.model = access.modelName();
    }

    /**
     * @param access what to generate
     * @return the source of the compilation unit
     */
    static String source(ModelAccess access) {
        return new AccessWriter(access).write();
    }

    private String write() {
        if (!access.packageName().isEmpty()) {
            line(0, "package " + access.packageName() + ";");
            line(0, "");
        }
        line(0, "/**");
        line(0, " * Direct access to the fields of {@code " + model + "}, for Dynarecord's schema.");
        line(0, " * Written by dynarecord-processor: do not edit.");
        line(0, " */");
        if (access.generatedAnnotation()) {
            line(0, "@" + GeneratedAnnotation.NAME + "(\"" + AccessProcessor.class.getName() + "\")");
        }
        if (!access.suppressedWarnings().isEmpty()) {
            line(0, "@java.lang.SuppressWarnings({" + access.suppressedWarnings().stream()
                    .map(w -> "\"" + w + "\"").collect(Collectors.joining(", ")) + "})");
        }
        line(0, "public final class " + access.className() + " implements " + INTERFACE + " {");
        line(0, "");
        line(1, "/** For the runtime, which loads this class by name. */");
        line(1, "public " + access.className() + "() {");
        line(1, "}");
        type();
        index();
        get();
        if (access.document()) {
            refusedSet();
            construction();
            documentItems();
        } else {
            set();
            construction();
            items();
        }
        noField();
        line(0, "}");
        return out.toString();
    }

    private void type() {
        method("java.lang.Class<?> type()");
        line(2, "return " + model + ".class;");
        line(1, "}");
    }

    private void index() {
        List<ModelAccess.Field> fields = access.fields();
        method("int index(java.lang.String field)");
        if (fields.isEmpty()) {
            line(2, "return -1;");
        } else {
            line(2, "switch (field) {");
            for (int i = 0; i < fields.size(); i++) {
                line(3, "case \"" + fields.get(i).name() + "\":");
                line(4, "return " + i + ";");
            }
            line(3, "default:");
            line(4, "return -1;");
            line(2, "}");
        }
        line(1, "}");
    }

    private void get() {
        method("java.lang.Object get(int index, java.lang.Object instance)");
        cases(field -> line(4, "return " + fieldOf(field) + ";"));
        line(1, "}");
    }

    private void set() {
        method("void set(int index, java.lang.Object instance, java.lang.Object value)");
        cases(field -> {
            String cast = field.castType() == null ? "" : "(" + field.castType() + ") ";
            line(4, fieldOf(field) + " = " + cast + "value;");
            line(4, "return;");
        });
        line(1, "}");
    }

    /** A switch on the index, with a case per field, each ending in a return; any other index throws. */
    private void cases(Consumer<ModelAccess.Field> body) {
        List<ModelAccess.Field> fields = access.fields();
        if (fields.isEmpty()) {
            line(2, "throw noField(index);");
            return;
        }
        line(2, "switch (index) {");
        for (int i = 0; i < fields.size(); i++) {
            line(3, "case " + i + ":");
            body.accept(fields.get(i));
        }
        line(3, "default:");
        line(4, "throw noField(index);");
        line(2, "}");
    }

    private String fieldOf(ModelAccess.Field field) {
        return "((" + model + ") instance)." + read(field);
    }

    /** @return how code reads the field or component from a variable of the class: a record's by its accessor */
    private String read(ModelAccess.Field field) {
        return field.name() + (access.document() ? "()" : "");
    }

    private void refusedSet() {
        method("void set(int index, java.lang.Object instance, java.lang.Object value)");
        line(2, "throw new java.lang.UnsupportedOperationException(" + literal(model
                + " is a record: its components are given to its constructor") + ");");
        line(1, "}");
    }

    /**
     * A record held by a model: {@code readDocument} makes one from a map, each component through its
     * own converter call; {@code writeItem} puts its components into a map, as for a model.
     */
    private void documentItems() {
        List<ModelAccess.Field> fields = access.fields();
        method("boolean readsDocuments()");
        line(2, "return true;");
        line(1, "}");
        method("java.lang.Object readDocument(" + ITEM + " item, " + FIELDS + " fields)");
        if (fields.isEmpty()) {
            line(2, "return new " + model + "();");
        } else {
            line(2, "return new " + model + "(");
            for (int i = 0; i < fields.size(); i++) {
                String cast = fields.get(i).castType() == null ? "" : "(" + fields.get(i).castType() + ") ";
                line(4, cast + "component" + i + "(item, fields)" + (i + 1 < fields.size() ? "," : ");"));
            }
        }
        line(1, "}");
        method("void writeItem(java.lang.Object instance, " + ITEM + " item, " + FIELDS + " fields)");
        if (!fields.isEmpty()) {
            line(2, model + " model = (" + model + ") instance;");
        }
        for (int i = 0; i < fields.size(); i++) {
            line(2, "write" + i + "(model, item, fields);");
        }
        line(1, "}");
        for (int i = 0; i < fields.size(); i++) {
            ModelAccess.Field field = fields.get(i);
            line(0, "");
            line(1, "private static java.lang.Object component" + i + "(" + ITEM + " item, " + FIELDS + " fields) {");
            line(2, VALUE + " value = item.get(fields.attribute(" + i + "));");
            line(2, "if (value == null || java.lang.Boolean.TRUE.equals(value.nul())) {");
            line(3, "return " + (field.primitive() ? zero(field.primitiveKind()) : "null") + ";");
            line(2, "}");
            line(2, "return fields.converter(" + i + ").fromAttributeValue(value);");
            line(1, "}");
        }
        for (int i = 0; i < fields.size(); i++) {
            writeField(i, fields.get(i));
        }
    }

    /** @return the boxed zero of a primitive kind, as an expression */
    private static String zero(String kind) {
        return switch (kind) {
            case "BOOLEAN" -> "java.lang.Boolean.FALSE";
            case "CHAR" -> "java.lang.Character.valueOf((char) 0)";
            case "BYTE" -> "java.lang.Byte.valueOf((byte) 0)";
            case "SHORT" -> "java.lang.Short.valueOf((short) 0)";
            case "INT" -> "java.lang.Integer.valueOf(0)";
            case "LONG" -> "java.lang.Long.valueOf(0L)";
            case "FLOAT" -> "java.lang.Float.valueOf(0.0f)";
            default -> "java.lang.Double.valueOf(0.0d)";
        };
    }

    private void construction() {
        ModelAccess.Construction construction = access.construction();
        method("boolean instantiable()");
        line(2, "return " + construction.instantiable() + ";");
        line(1, "}");
        method("java.lang.Object newInstance()");
        if (!construction.instantiable()) {
            line(2, "throw new java.lang.UnsupportedOperationException(" + literal(construction.refusal()) + ");");
        } else if (!construction.throwsChecked()) {
            line(2, "return new " + model + "();");
        } else {
            line(2, "try {");
            line(3, "return new " + model + "();");
            line(2, "} catch (java.lang.RuntimeException | java.lang.Error e) {");
            line(3, "throw e;");
            line(2, "} catch (java.lang.Throwable e) {");
            line(3, "throw new java.lang.reflect.UndeclaredThrowableException(e);");
            line(2, "}");
        }
        line(1, "}");
    }

    /**
     * {@code readItem} and {@code writeItem}: a private method per field, called one after another,
     * so that each field's converter is called from its own place (the JVM inlines the one converter
     * it sees there) and no method grows past what the JIT compiles, whatever the number of fields.
     */
    private void items() {
        List<ModelAccess.Field> fields = access.fields();
        method("boolean mapsItems()");
        line(2, "return true;");
        line(1, "}");
        for (String direction : List.of("read", "write")) {
            method("void " + direction + "Item(java.lang.Object instance, " + ITEM + " item, " + FIELDS + " fields)");
            if (!fields.isEmpty()) {
                line(2, model + " model = (" + model + ") instance;");
            }
            for (int i = 0; i < fields.size(); i++) {
                line(2, direction + i + "(model, item, fields);");
            }
            line(1, "}");
        }
        for (int i = 0; i < fields.size(); i++) {
            readField(i, fields.get(i));
        }
        for (int i = 0; i < fields.size(); i++) {
            writeField(i, fields.get(i));
        }
    }

    private void readField(int index, ModelAccess.Field field) {
        fieldMethod("read", index);
        line(2, VALUE + " value = item.get(name);");
        line(2, "if (value != null && value.nul() == null) {");
        line(3, "java.lang.Object converted = fields.converter(" + index + ").fromAttributeValue(value);");
        String target = "model." + field.name();
        if (field.castType() == null) {
            line(3, target + " = converted;");
            line(3, "return;");
        } else {
            // null into a reference field is null; into a primitive one it is the zero, which the schema knows
            line(3, "if (" + (field.primitive() ? "" : "converted == null || ") + "converted instanceof " + field.castType() + ") {");
            line(4, target + " = (" + field.castType() + ") converted;");
            line(4, "return;");
            line(3, "}");
        }
        line(2, "}");
        line(2, "fields.read(" + index + ", model, value); // absent, NULL, or a value the field takes only widened");
        line(1, "}");
    }

    private void writeField(int index, ModelAccess.Field field) {
        fieldMethod("write", index);
        line(2, "java.lang.Object current = model." + read(field) + ";");
        if (!field.primitive()) {
            line(2, "if (current == null) {");
            line(3, "return;");
            line(2, "}");
        }
        line(2, VALUE + " value = fields.direct(" + index + ") ? fields.converter(" + index + ").toAttributeValue(current)");
        line(4, ": fields.write(" + index + ", current);");
        line(2, "if (value != null) {");
        line(3, "item.put(name, value);");
        line(2, "}");
        line(1, "}");
    }

    /** Opens a field's private method and returns early when the schema does not store that field. */
    private void fieldMethod(String direction, int index) {
        line(0, "");
        line(1, "private static void " + direction + index + "(" + model + " model, " + ITEM + " item, " + FIELDS + " fields) {");
        line(2, "java.lang.String name = fields.attribute(" + index + ");");
        line(2, "if (name == null) {");
        line(3, "return;");
        line(2, "}");
    }

    private void noField() {
        line(0, "");
        line(1, "private static java.lang.IndexOutOfBoundsException noField(int index) {");
        line(2, "return new java.lang.IndexOutOfBoundsException(" + literal(model + ": no covered field at index ") + " + index);");
        line(1, "}");
    }

    private void method(String signature) {
        line(0, "");
        line(1, "@java.lang.Override");
        line(1, "public " + signature + " {");
    }

    private void line(int indent, String text) {
        if (!text.isEmpty()) {
            out.append("    ".repeat(indent)).append(text);
        }
        out.append('\n');
    }

    /** @return a Java string literal for the text */
    private static String literal(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"', '\\' -> literal.append('\\').append(c);
                case '\n' -> literal.append("\\n");
                default -> literal.append(c);
            }
        }
        return literal.append('"').toString();
    }
}
