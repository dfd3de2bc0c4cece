package dev.dynarecord.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the benchmarks ran on, from {@code /proc} and the JVM's properties. */
final class Machine {

    private Machine() {
    }

    static String cpu() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " ");
            }
        }
        return System.getProperty("os.arch") + " (model unknown)";
    }

    static String memory() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.trim().split("\\s+");
                long kb = Long.parseLong(parts[1]);
                return String.format(Locale.ROOT, "%.1f GiB", kb / (1024.0 * 1024.0));
            }
        }
        return String.format(Locale.ROOT, "unknown (JVM max heap %d MiB)", Runtime.getRuntime().maxMemory() >> 20);
    }

    static String os() {
        String pretty = null;
        for (String line : lines("/etc/os-release")) {
            if (line.startsWith("PRETTY_NAME=")) {
                pretty = line.substring("PRETTY_NAME=".length()).replace("\"", "");
            }
        }
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        return pretty == null ? kernel : pretty + ", " + kernel;
    }

    static String jvm() {
        return System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version");
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
