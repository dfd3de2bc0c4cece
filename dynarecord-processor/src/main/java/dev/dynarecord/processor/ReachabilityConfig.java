package dev.dynarecord.processor;

import java.util.Collection;
import java.util.List;

/**
 * The GraalVM native-image reachability file that keeps the generated classes and their no-arg
 * constructors in an image: the runtime loads them with {@code Class.forName}.
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
     * @return the file's content: each class, sorted by name, with its no-arg constructor
     */
    static String json(Collection<String> classNames) {
        List<String> sorted = classNames.stream().sorted().toList();
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < sorted.size(); i++) {
            json.append("  {\n")
                    .append("    \"name\": ").append(string(sorted.get(i))).append(",\n")
                    .append("    \"methods\": [{\"name\": \"<init>\", \"parameterTypes\": []}]\n")
                    .append(i < sorted.size() - 1 ? "  },\n" : "  }\n");
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
