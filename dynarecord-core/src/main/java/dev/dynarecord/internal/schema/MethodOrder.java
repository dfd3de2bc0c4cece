package dev.dynarecord.internal.schema;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The methods a class declares, in source declaration order. {@link Class#getDeclaredMethods()}
 * promises no order, but javac writes the methods into the class file in source order, so the
 * order is read from the class file: its constant pool is parsed (only to be skipped over, apart
 * from the UTF-8 entries), then its fields, then the names and descriptors of its methods.
 */
final class MethodOrder {

    private static final int MAGIC = 0xCAFEBABE;

    private MethodOrder() {
    }

    /**
     * @param type a class
     * @return its declared methods (synthetic ones included), in source declaration order; when the
     *     class file cannot be read, sorted by name then descriptor instead
     */
    static List<Method> declared(Class<?> type) {
        Method[] methods = type.getDeclaredMethods();
        Comparator<Method> byName = Comparator.comparing(Method::getName).thenComparing(MethodOrder::key);
        Optional<List<String>> order = classFileOrder(type);
        if (order.isEmpty()) {
            // The class file could not be read (no .class resource, e.g. a class defined at runtime,
            // or bytes this parser does not understand): fall back to sorting by name, which is at
            // least deterministic, though not the declaration order.
            Arrays.sort(methods, byName);
            return List.of(methods);
        }
        Map<String, Integer> position = new HashMap<>();
        List<String> keys = order.get();
        for (int i = 0; i < keys.size(); i++) {
            position.putIfAbsent(keys.get(i), i);
        }
        // A method missing from the class file (not expected) goes last, by name.
        Arrays.sort(methods, Comparator.<Method>comparingInt(m -> position.getOrDefault(key(m), Integer.MAX_VALUE))
                .thenComparing(byName));
        return List.of(methods);
    }

    /**
     * @param m a method
     * @return its name and JVM descriptor, e.g. {@code save()Z}, as the class file spells them
     */
    static String key(Method m) {
        return m.getName() + MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString();
    }

    /**
     * Reads the methods of a class from its class file, found next to it as a resource: the binary
     * name without the package, so {@code Outer$Inner.class} for a nested class.
     *
     * @param type a class
     * @return name + descriptor of each method (see {@link #key(Method)}) in class-file order, or empty
     *     when the class file cannot be found or read
     */
    static Optional<List<String>> classFileOrder(Class<?> type) {
        if (type.isArray() || type.isPrimitive() || type.isHidden()) {
            return Optional.empty();
        }
        String name = type.getName();
        String resource = name.substring(name.lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(in.readAllBytes()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses a class file.
     *
     * @param bytes the class file
     * @return name + descriptor of each method, in class-file order
     * @throws IOException when the bytes are not a class file this parser understands
     */
    static List<String> parse(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor_version
        in.readUnsignedShort(); // major_version
        String[] utf8 = constantPool(in);
        in.readUnsignedShort(); // access_flags
        in.readUnsignedShort(); // this_class
        in.readUnsignedShort(); // super_class
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipNBytes(6); // access_flags, name_index, descriptor_index
            skipAttributes(in);
        }
        int methods = in.readUnsignedShort();
        List<String> keys = new ArrayList<>(methods);
        for (int i = 0; i < methods; i++) {
            in.readUnsignedShort(); // access_flags
            String methodName = utf8(utf8, in.readUnsignedShort());
            String descriptor = utf8(utf8, in.readUnsignedShort());
            keys.add(methodName + descriptor);
            skipAttributes(in);
        }
        return List.copyOf(keys);
    }

    /** Reads the constant pool, keeping only the UTF-8 entries (by index; the others stay null). */
    private static String[] constantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF(); // Utf8: u2 length + modified UTF-8, exactly what readUTF reads
                case 3, 4 -> in.skipNBytes(4); // Integer, Float
                case 5, 6 -> { // Long, Double: 8 bytes, and they take two slots
                    in.skipNBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // Class, String, MethodType, Module, Package
                // Fieldref, Methodref, InterfaceMethodref, NameAndType, Dynamic, InvokeDynamic
                case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 15 -> in.skipNBytes(3); // MethodHandle: reference_kind u1, reference_index u2
                default -> throw new IOException("unknown constant pool tag " + tag + " at index " + i);
            }
        }
        return utf8;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int i = 0; i < attributes; i++) {
            in.readUnsignedShort(); // attribute_name_index
            in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
        }
    }

    private static String utf8(String[] pool, int index) throws IOException {
        if (index <= 0 || index >= pool.length || pool[index] == null) {
            throw new IOException("constant pool index " + index + " is not a UTF-8 entry");
        }
        return pool[index];
    }
}
