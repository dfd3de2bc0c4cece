package dev.dynarecord.internal.schema;

import dev.dynarecord.exception.ModelDefinitionException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Table names: derived from class names (snake case, plural) and checked against DynamoDB's rules
 * (3 to 255 characters of letters, digits, {@code _ - .}). The length applies to the full name, with
 * the session's namespace and suffix: a model's own name ({@code @Table(name = "ab")}) is checked for
 * its characters alone, then the full name when a session names the table.
 */
public final class TableNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern VALID_BASE = Pattern.compile("[A-Za-z0-9_.-]{1,255}");

    private TableNames() {
    }

    /**
     * The default table name for a class: {@code OrderLine} gives {@code order_lines}.
     *
     * @param simpleClassName the class's simple name
     * @return the snake-case plural
     */
    public static String derive(String simpleClassName) {
        String snake = simpleClassName.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2").toLowerCase(Locale.ROOT);
        if (snake.endsWith("s") || snake.endsWith("x") || snake.endsWith("ch") || snake.endsWith("sh")) {
            return snake + "es";
        }
        if (snake.endsWith("y") && snake.length() > 1 && "aeiou".indexOf(snake.charAt(snake.length() - 2)) < 0) {
            return snake.substring(0, snake.length() - 1) + "ies";
        }
        return snake + "s";
    }

    /**
     * Checks a full table name, namespace and suffix included.
     *
     * @param name the name
     * @param modelName the model it is for, named in the message
     * @throws ModelDefinitionException saying what DynamoDB accepts
     */
    public static void check(String name, String modelName) {
        check(VALID, name, modelName);
    }

    /**
     * Checks a table name before a namespace or suffix is applied: its characters, and that it is not
     * too long on its own; its length is checked again with them ({@link #check(String, String)}).
     *
     * @param baseName the name a model or an association gives
     * @param modelName the model it is for, named in the message
     * @throws ModelDefinitionException saying what DynamoDB accepts
     */
    public static void checkBase(String baseName, String modelName) {
        check(VALID_BASE, baseName, modelName);
    }

    private static void check(Pattern valid, String name, String modelName) {
        if (!valid.matcher(name).matches()) {
            throw new ModelDefinitionException(modelName + "'s table name '" + name + "' is not valid in DynamoDB: use 3 to 255"
                    + " characters of letters, digits, '_', '-' and '.' (namespace and suffix included)");
        }
    }
}
