package dev.dynarecord.processor;

import java.util.Collection;
import java.util.List;

/**
 * The GraalVM native-image reachability file: the generated classes and their no-arg constructors,
 * which the runtime loads with {@code Class.forName}, and the models they serve, whose declared
 * fields, methods and constructors a schema still reads reflectively when it is built (the fields'
 * annotations, the callbacks; and it reaches private fields by method handles).
 */
final class ReachabilityConfig {

    private static final String DIRECTORY = "META-INF/native-image/dev.dynarecord.generated/";

    private ReachabilityConfig() {
    }

    /**
     * @param packageName the package of the first class generated, empty for the unnamed package
     * @return the file's path in the class output: under a directory of its own per package, so that
     *     the files of several jars do not collide
     */
    static String path(String packageName) {
        return DIRECTORY + (packageName.isEmpty() ? "unnamed" : packageName) + "/reflect-config.json";
    }

    /**
     * @param classNames the binary names of the generated classes
     * @param modelNames the binary names of the models they serve
     * @return the file's content: each generated class with its no-arg constructor, then each model
     *     with all its declared members, both sorted by name
     */
    static String json(Collection<String> classNames, Collection<String> modelNames) {
        List<String> entries = new java.util.ArrayList<>();
        for (String name : classNames.stream().sorted().toList()) {
            entries.add("    \"name\": " + string(name) + ",\n"
                    + "    \"methods\": [{\"name\": \"<init>\", \"parameterTypes\": []}]\n");
        }
        for (String name : modelNames.stream().sorted().distinct().toList()) {
            entries.add("    \"name\": " + string(name) + ",\n"
                    + "    \"allDeclaredFields\": true,\n"
                    + "    \"allDeclaredMethods\": true,\n"
                    + "    \"allDeclaredConstructors\": true\n");
        }
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < entries.size(); i++) {
            json.append("  {\n").append(entries.get(i)).append(i < entries.size() - 1 ? "  },\n" : "  }\n");
        }
        return json.append("]\n").toString();
    }

    /** @return a JSON string */
    private static String string(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }
}
