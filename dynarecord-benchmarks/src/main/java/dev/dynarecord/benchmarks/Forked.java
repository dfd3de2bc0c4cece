package dev.dynarecord.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a measurement's {@code main} in a fresh JVM on this one's classpath, for what JMH does not
 * measure ({@link ColdStart}, {@link HotKey}), and gives back what it printed.
 */
final class Forked {

    private Forked() {
    }

    /**
     * @param main the class whose {@code main} runs
     * @param jvmArgs options of the JVM, such as {@code -Xmx1g}
     * @param args the arguments of {@code main}
     * @return the lines it printed, standard output and error together
     * @throws IllegalStateException when it exits with another status than 0, with what it printed
     * @throws IOException when the JVM cannot be started
     * @throws InterruptedException when interrupted while waiting for it
     */
    static List<String> run(Class<?> main, List<String> jvmArgs, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        command.addAll(jvmArgs);
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.environment().put("DDB_LOCAL_TELEMETRY", "0");
        Process process = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(main.getSimpleName() + " " + String.join(" ", args) + " failed (exit " + exit
                    + "):\n" + String.join("\n", lines));
        }
        return lines;
    }
}
