package dev.dynarecord.internal.schema;

import dev.dynarecord.exception.ModelDefinitionException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Table names: derived from class names (snake case, plural) and checked against DynamoDB's rules
 * (3 to 255 characters of letters, digits, {@code _ - .}).
 */
public final class TableNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

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
     * Checks a table name.
     *
     * @param name the name
     * @param modelName the model it is for, named in the message
     * @throws ModelDefinitionException saying what DynamoDB accepts
     */
    public static void check(String name, String modelName) {
        if (!VALID.matcher(name).matches()) {
            throw new ModelDefinitionException(modelName + "'s table name '" + name + "' is not valid in DynamoDB: use 3 to 255"
                    + " characters of letters, digits, '_', '-' and '.' (namespace and suffix included)");
        }
    }
}
