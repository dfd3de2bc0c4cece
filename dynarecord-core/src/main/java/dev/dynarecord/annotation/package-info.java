/**
 * The annotations that declare a model: its table, keys, fields, defaults.
 *
 * <pre>{@code
 * @Table(name = "users", readCapacity = 10, writeCapacity = 5)
 * public class User extends Model<User> {
 *     public static final Finder<User> find = finder(User.class);
 *     @Field String name;
 *     @Field @Default("5") int poisonLimit;
 * }
 * }</pre>
 */
package dev.dynarecord.annotation;
