package dev.dynarecord.it;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What an action writes to System.err, where slf4j-simple logs: for the tests of warnings and the
 * request log. A test class that uses it is {@code @Isolated}, so that no other class logs meanwhile.
 */
public final class Stderr {

    private Stderr() {
    }

    /**
     * @param action what to run
     * @return what it wrote to System.err, which is written on to the real one too, for the build log
     */
    public static String of(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }
}
