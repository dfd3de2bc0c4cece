package dev.dynarecord.internal.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynarecord.exception.DynarecordException;
import dev.dynarecord.exception.ThroughputExceededException;
import dev.dynarecord.exception.TransientFailureException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** Which failures may be retried, and which of those may have been applied. */
class ExceptionTranslatorTest {

    private static final CallContext CONTEXT = CallContext.of("saving User 'u-1'", "app_users");

    private static DynarecordException translate(SdkException e, String operation) {
        return ExceptionTranslator.translate(e, operation, CONTEXT);
    }

    private static DynamoDbException status(int code, String errorCode) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(code).message("boom")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).errorMessage("boom").build()).build();
    }

    @Test
    void aServerErrorOnAWriteMayHaveBeenApplied() {
        DynarecordException e = translate(status(500, "InternalServerError"), "UpdateItem");
        assertThat(e).isInstanceOf(TransientFailureException.class).hasMessageContaining("may have been applied");
        TransientFailureException t = (TransientFailureException) e;
        assertThat(t.isRetryable()).isTrue();
        assertThat(t.mayHaveBeenApplied()).isTrue();
        assertThat(t.operation()).isEqualTo("UpdateItem");
        assertThat(t.table()).isEqualTo("app_users");
    }

    @Test
    void aServerErrorOnAReadChangedNothing() {
        TransientFailureException t = (TransientFailureException) translate(status(503, "ServiceUnavailable"), "GetItem");
        assertThat(t.mayHaveBeenApplied()).isFalse();
        assertThat(t).hasMessageContaining("nothing was applied");
    }

    @Test
    void throttlingIsTransientAndNeverApplied() {
        DynarecordException e = translate(ProvisionedThroughputExceededException.builder().statusCode(400).message("slow").build(),
                "PutItem");
        assertThat(e).isInstanceOf(ThroughputExceededException.class).isInstanceOf(TransientFailureException.class);
        assertThat(((TransientFailureException) e).mayHaveBeenApplied()).isFalse();
        assertThat(((TransientFailureException) e).operation()).isEqualTo("PutItem");
    }

    @Test
    void aTimeoutOnAWriteMayHaveBeenApplied() {
        assertThat(((TransientFailureException) translate(ApiCallTimeoutException.create(1000), "DeleteItem"))
                .mayHaveBeenApplied()).isTrue();
        SdkClientException read = SdkClientException.builder().message("read timed out")
                .cause(new SocketTimeoutException("Read timed out")).build();
        assertThat(((TransientFailureException) translate(read, "PutItem")).mayHaveBeenApplied()).isTrue();
    }

    @Test
    void aConnectionNeverMadeAppliedNothing() {
        SdkClientException refused = SdkClientException.builder().message("refused").cause(new ConnectException("refused")).build();
        TransientFailureException t = (TransientFailureException) translate(refused, "PutItem");
        assertThat(t.mayHaveBeenApplied()).isFalse();
    }

    @Test
    void anUnknownHostOrABadRequestIsNotTransient() {
        SdkClientException host = SdkClientException.builder().message("no host").cause(new UnknownHostException("x")).build();
        assertThat(translate(host, "PutItem")).isNotInstanceOf(TransientFailureException.class)
                .hasMessageContaining("check the endpoint");
        assertThat(translate(status(400, "ValidationException"), "PutItem")).isNotInstanceOf(TransientFailureException.class)
                .hasMessageContaining("rejected by DynamoDB");
    }
}
