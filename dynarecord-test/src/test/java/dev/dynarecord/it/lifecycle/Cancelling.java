package dev.dynarecord.it.lifecycle;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A client that cancels every TransactGetItems with the given reasons, one per item, as DynamoDB
 * does when a write transaction of an item is in progress or the read is throttled (neither can be
 * provoked on demand in the embedded engine); every other call goes to the real client.
 */
final class Cancelling {

    private Cancelling() {
    }

    static DynamoDbClient client(DynamoDbClient real, String... codes) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof TransactGetItemsRequest) {
                        throw cancellation(codes);
                    }
                    if (method.getName().equals("close")) {
                        return null;   // the real client belongs to the test's session
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static TransactionCanceledException cancellation(String... codes) {
        String message = "Transaction cancelled, please refer cancellation reasons for specific reasons " + Arrays.toString(codes);
        return TransactionCanceledException.builder().message(message).statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException").errorMessage(message).build())
                .cancellationReasons(Arrays.stream(codes).map(code -> CancellationReason.builder().code(code)
                        .message(code.equals("None") ? null : code + " (injected)").build()).toList())
                .build();
    }
}
