package dev.dynarecord.test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;

/**
 * A {@link DynamoDbClient} in front of a real one, for the clients of this package that change what
 * some requests do ({@link FaultyClient}, {@link PartitionLimitClient}): every method that takes one
 * request goes to a {@link Requests handler}; the interface's conveniences that end in such a method
 * (builder consumers, paginators, {@code listTables()}) run on the proxy, so that their requests come
 * back through it; the rest ({@code close()}, {@code serviceName()}) go to the real client.
 */
final class ClientProxy {

    /** What the proxy does with a request. */
    @FunctionalInterface
    interface Requests {
        /**
         * @param method the client method called
         * @param request its request
         * @return the response
         * @throws Throwable what the caller gets
         */
        Object send(Method method, DynamoDbRequest request) throws Throwable;
    }

    private ClientProxy() {
    }

    /**
     * @param real the client that does the work
     * @param description what {@code toString()} says
     * @param requests what to do with each request
     * @return the proxy
     */
    static DynamoDbClient of(DynamoDbClient real, Supplier<String> description, Requests requests) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> description.get();
                };
            }
            if (convenience(method)) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (args != null && args.length == 1 && args[0] instanceof DynamoDbRequest request) {
                return requests.send(method, request);
            }
            return invoke(real, method, args);
        };
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, handler);
    }

    /**
     * @param real the real client
     * @param method a client method
     * @param args its arguments
     * @return what the real client answers
     * @throws Throwable what the real client throws, unwrapped
     */
    static Object invoke(DynamoDbClient real, Method method, Object... args) throws Throwable {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * The interface's conveniences that end in a request method (builder consumers, paginators,
     * {@code listTables()}).
     */
    private static boolean convenience(Method method) {
        if (!method.isDefault()) {
            return false;
        }
        Class<?>[] params = method.getParameterTypes();
        return method.getName().endsWith("Paginator") || params.length == 1 && params[0] == Consumer.class
                || params.length == 0 && DynamoDbResponse.class.isAssignableFrom(method.getReturnType());
    }
}
