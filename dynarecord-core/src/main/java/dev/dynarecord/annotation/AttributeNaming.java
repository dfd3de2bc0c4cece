package dev.dynarecord.annotation;

/**
 * How the attribute names of a model are derived from its Java field names, for every field
 * without {@code @Field(name = ...)} and for the attributes Dynarecord keeps itself (timestamps,
 * lock version). Chosen per session with {@code Config.builder().attributeNaming(...)} and per
 * model with {@code @Table(naming = ...)}; an explicit name always wins.
 *
 * <pre>{@code
 * @Table(name = "users", naming = AttributeNaming.SNAKE_CASE)   // a table a Rails app (Dynamoid, OceanDynamo) writes
 * public class User extends Model<User> {
 *     @Field String userId;              // stored as user_id
 *     @Field(name = "mail") String email; // stored as mail
 * }                                      // timestamps created_at, updated_at; lock attribute lock_version
 * User.find.where("userId", "u-1").all();   // conditions name the field (or the attribute: "user_id")
 * }</pre>
 */
public enum AttributeNaming {
    /** Only for {@code @Table(naming)}, its default: the session's naming. */
    CONFIGURED,
    /** The attribute is named as the field: {@code userId}, {@code createdAt}. The session default. */
    FIELD_NAMES,
    /**
     * Lower case words joined by underscores, as Ruby names its fields: {@code userId} is
     * {@code user_id}, {@code createdAt} is {@code created_at}, {@code htmlURL} is {@code html_url},
     * {@code line2Text} is {@code line2_text}; a name already in snake case stays as it is.
     */
    SNAKE_CASE;

    /**
     * @param fieldName a Java field name (or the name of an attribute Dynarecord keeps, such as {@code lockVersion})
     * @return the attribute name this naming gives it
     * @throws IllegalStateException for {@link #CONFIGURED}, which names nothing itself
     */
    public String attributeName(String fieldName) {
        return switch (this) {
            case FIELD_NAMES -> fieldName;
            case SNAKE_CASE -> snakeCase(fieldName);
            case CONFIGURED -> throw new IllegalStateException("CONFIGURED stands for the session's naming; resolve it first");
        };
    }

    private static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                char before = i > 0 ? name.charAt(i - 1) : '_';
                boolean wordStart = Character.isLowerCase(before) || Character.isDigit(before)
                        || Character.isUpperCase(before) && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (wordStart && before != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
