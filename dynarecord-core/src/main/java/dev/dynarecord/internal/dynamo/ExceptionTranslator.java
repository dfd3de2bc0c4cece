package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.InvalidUpdateException;
import dev.dynarecord.exception.TableNotFoundException;
import dev.dynarecord.exception.ThroughputExceededException;
import dev.dynarecord.exception.TransientFailureException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/** The one place where SDK exceptions become Dynarecord's named exceptions. */
public final class ExceptionTranslator {

    private ExceptionTranslator() {
    }

    /**
     * Translates a failure of a request.
     *
     * @param e the SDK's exception
     * @param operation the DynamoDB operation ("PutItem")
     * @param context what the request was for
     * @return the exception to throw
     */
    public static DynarecordException translate(SdkException e, String operation, CallContext context) {
        String what = context.description() + " (" + operation + " on table " + context.table() + ")";
        if (e instanceof ConditionalCheckFailedException && context.onConditionFailed() != null) {
            DynarecordException named = context.onConditionFailed().get();
            named.initCause(e);
            return named;
        }
        if (e instanceof ResourceNotFoundException) {
            return new TableNotFoundException(what + " failed: table " + context.table() + " does not exist; create it with"
                    + " session.tables().create(...) or turn autoCreateTables on", e);
        }
        if (e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceededException
                || isThrottling(e)) {
            return new ThroughputExceededException(what + " was throttled after the SDK's retries; nothing was applied."
                    + " Raise the table's capacity, switch to on-demand billing, or slow down", e, operation, context.table());
        }
        if (isUnknownOperation(e)) {
            return new DynarecordException(what + " failed: this DynamoDB engine does not implement " + operation
                    + " (it answered " + ((AwsServiceException) e).awsErrorDetails().errorCode() + "); nothing was applied."
                    + " Use DynamoDB or DynamoDB Local, or do without it (dynalite, for one, has no transactions)", e);
        }
        String message = e instanceof DynamoDbException d && d.awsErrorDetails() != null
                ? d.awsErrorDetails().errorMessage() : e.getMessage();
        if (e instanceof TransactionInProgressException) {
            return new TransientFailureException(what + " is still in progress under the same client request token after"
                    + " the SDK's retries (" + message + "); it may have been applied. Run the same transaction again"
                    + " with the same records: Dynarecord recognises its own earlier commit", e, operation, context.table(),
                    WRITES.contains(operation));
        }
        if (isServerError(e) || isTimeoutOrBrokenConnection(e)) {
            boolean applied = WRITES.contains(operation) && !(rootCause(e) instanceof ConnectException);
            return new TransientFailureException(what + (isServerError(e) ? " failed on DynamoDB's side" : " got no answer")
                    + " after the SDK's retries (" + message + "); "
                    + (applied ? "it may have been applied. Repeat the same call on the same record: Dynarecord recognises"
                            + " its own earlier write (an atomic add cannot be recognised: reload before repeating one)"
                            : "nothing was applied; repeat the call"), e, operation, context.table(), applied);
        }
        if (e instanceof SdkClientException) {
            return new DynarecordException(what + " could not reach DynamoDB: " + e.getMessage()
                    + "; check the endpoint, region, credentials and network", e);
        }
        if (message != null && message.contains("document path provided in the update expression is invalid")) {
            return new InvalidUpdateException(what + " was refused by DynamoDB: a document path in it goes through a map or"
                    + " list element the item does not have (" + message + "); nothing was written. Set the whole document"
                    + " (set(\"home\", ...)) where it may be missing, or check the list index", e);
        }
        return new DynarecordException(what + " was rejected by DynamoDB: " + message, e);
    }

    /** The operations that change items: a failure without an answer may have been applied. */
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems");

    private static boolean isServerError(SdkException e) {
        return e instanceof AwsServiceException s && (s.statusCode() >= 500 || s.awsErrorDetails() != null
                && ("InternalServerError".equals(s.awsErrorDetails().errorCode())
                        || "ServiceUnavailable".equals(s.awsErrorDetails().errorCode())));
    }

    /** A timeout, or a connection that broke or could not be made; not an unknown host, which is a setting to fix. */
    private static boolean isTimeoutOrBrokenConnection(SdkException e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        Throwable root = rootCause(e);
        return e instanceof SdkClientException && root instanceof IOException && !(root instanceof UnknownHostException);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * Whether a translated failure means the engine lacks the operation (DynamoDB Local has no
     * continuous backups, dynalite no TTL or transactions), as opposed to refusing this request.
     *
     * @param e an exception {@link #translate} made
     * @return whether its cause says the operation is unknown
     */
    public static boolean engineLacksOperation(RuntimeException e) {
        return e.getCause() instanceof SdkException s && isUnknownOperation(s);
    }

    /** An engine without the operation (dynalite has no transactions), recognised by its error code. */
    private static boolean isUnknownOperation(SdkException e) {
        return e instanceof AwsServiceException s && s.awsErrorDetails() != null
                && UNKNOWN_OPERATION.contains(s.awsErrorDetails().errorCode());
    }

    private static final Set<String> UNKNOWN_OPERATION = Set.of("UnknownOperationException", "UnknownOperation",
            "InvalidAction");

    private static boolean isThrottling(SdkException e) {
        return e instanceof DynamoDbException d && d.awsErrorDetails() != null
                && "ThrottlingException".equals(d.awsErrorDetails().errorCode());
    }
}
