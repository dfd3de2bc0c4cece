package dev.dynarecord.internal.dynamo;

import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.TableNotFoundException;
import dev.dynarecord.exception.ThroughputExceededException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

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
            return new ThroughputExceededException(what + " was throttled after the SDK's retries; raise the table's"
                    + " capacity, switch to on-demand billing, or slow down", e);
        }
        String message = e instanceof DynamoDbException d && d.awsErrorDetails() != null
                ? d.awsErrorDetails().errorMessage() : e.getMessage();
        if (e instanceof SdkClientException) {
            return new DynarecordException(what + " could not reach DynamoDB: " + e.getMessage()
                    + "; check the endpoint, region, credentials and network", e);
        }
        return new DynarecordException(what + " was rejected by DynamoDB: " + message, e);
    }

    private static boolean isThrottling(SdkException e) {
        return e instanceof DynamoDbException d && d.awsErrorDetails() != null
                && "ThrottlingException".equals(d.awsErrorDetails().errorCode());
    }
}
