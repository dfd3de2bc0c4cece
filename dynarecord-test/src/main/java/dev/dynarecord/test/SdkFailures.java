package dev.dynarecord.test;

import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/** The exceptions of {@link FaultyClient}, built as the SDK's client builds them after its retries. */
final class SdkFailures {

    private static final String INJECTED = " (injected by FaultyClient)";

    private SdkFailures() {
    }

    /**
     * @param fault a fault that ends in an exception
     * @param attempts what the exception's {@code numAttempts()} says
     * @return the exception the caller gets
     */
    static SdkException of(Fault fault, int attempts) {
        return switch (fault) {
            case THROTTLE -> throttle(attempts);
            case SERVER_ERROR_BEFORE, SERVER_ERROR_AFTER -> serverError(attempts);
            case TIMEOUT_BEFORE, TIMEOUT_AFTER -> timeout(attempts);
            case TRANSACTION_IN_PROGRESS -> inProgress(attempts);
            default -> throw new IllegalArgumentException(fault + " is not an exception");
        };
    }

    /**
     * @param e what the last attempt threw
     * @param attempts how many attempts were made
     * @return the same exception, saying how many attempts were made
     */
    static SdkException attempted(SdkException e, int attempts) {
        return e.toBuilder().numAttempts(attempts).build();
    }

    private static ProvisionedThroughputExceededException throttle(int attempts) {
        return throttle("The level of configured provisioned throughput for the table was exceeded." + INJECTED, attempts);
    }

    /**
     * @param message the exception's message, saying who throttled
     * @param attempts what the exception's {@code numAttempts()} says
     * @return DynamoDB's throttling of a request, status 400
     */
    static ProvisionedThroughputExceededException throttle(String message, int attempts) {
        return ProvisionedThroughputExceededException.builder().message(message).statusCode(400)
                .awsErrorDetails(details("ProvisionedThroughputExceededException", message, 400)).numAttempts(attempts).build();
    }

    private static InternalServerErrorException serverError(int attempts) {
        String message = "Internal server error" + INJECTED;
        return InternalServerErrorException.builder().message(message).statusCode(500)
                .awsErrorDetails(details("InternalServerError", message, 500)).numAttempts(attempts).build();
    }

    /**
     * @param actions the transaction's actions
     * @param conflicting the one that met another transaction, from 0
     * @return DynamoDB's cancellation of the transaction, with a reason for every action
     */
    static TransactionCanceledException conflict(int actions, int conflicting) {
        List<String> codes = new ArrayList<>(Collections.nCopies(actions, "None"));
        codes.set(conflicting, "TransactionConflict");
        return canceled(codes, INJECTED, 1);
    }

    /**
     * @param codes the cancellation reason of each action: {@code None}, {@code TransactionConflict} or
     *     {@code ThrottlingError}
     * @param by who cancelled it, at the end of the message
     * @param attempts what the exception's {@code numAttempts()} says
     * @return DynamoDB's cancellation of a transaction, with a reason for every action
     */
    static TransactionCanceledException canceled(List<String> codes, String by, int attempts) {
        List<CancellationReason> reasons = new ArrayList<>(codes.size());
        for (String code : codes) {
            CancellationReason.Builder reason = CancellationReason.builder().code(code);
            switch (code) {
                case "TransactionConflict" -> reason.message("Transaction is ongoing for the item");
                case "ThrottlingError" -> reason.message("Throughput exceeds the current capacity of your table or index.");
                default -> { }
            }
            reasons.add(reason.build());
        }
        String message = "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes + by;
        return TransactionCanceledException.builder().message(message).statusCode(400).cancellationReasons(reasons)
                .awsErrorDetails(details("TransactionCanceledException", message, 400)).numAttempts(attempts).build();
    }

    private static TransactionInProgressException inProgress(int attempts) {
        String message = "Transaction is in progress" + INJECTED;
        return TransactionInProgressException.builder().message(message).statusCode(400)
                .awsErrorDetails(details("TransactionInProgressException", message, 400)).numAttempts(attempts).build();
    }

    private static SdkClientException timeout(int attempts) {
        return SdkClientException.builder().message("Unable to execute HTTP request: Read timed out" + INJECTED)
                .cause(new SocketTimeoutException("Read timed out")).numAttempts(attempts).build();
    }

    private static AwsErrorDetails details(String code, String message, int status) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("DynamoDb")
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build()).build();
    }
}
