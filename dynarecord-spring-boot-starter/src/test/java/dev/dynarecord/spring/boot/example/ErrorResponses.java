package dev.dynarecord.spring.boot.example;

import dev.dynarecord.exception.ConversionException;
import dev.dynarecord.exception.InvalidCursorException;
import dev.dynarecord.exception.ProtectedAttributeException;
import dev.dynarecord.exception.RecordInvalidException;
import dev.dynarecord.exception.RecordNotFoundException;
import dev.dynarecord.exception.StaleRecordException;
import dev.dynarecord.exception.UnknownAttributeException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Dynarecord's named exceptions as HTTP answers: 422 with field messages, 409, 404, 400. */
@RestControllerAdvice
class ErrorResponses {

    record Invalid(Map<String, List<String>> errors) {
    }

    record Problem(String message) {
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    Invalid invalid(RecordInvalidException e) {
        return new Invalid(e.errors());
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.CONFLICT)
    Problem stale(StaleRecordException e) {
        return new Problem(e.getMessage());
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    Problem notFound(RecordNotFoundException e) {
        return new Problem(e.getMessage());
    }

    @ExceptionHandler({UnknownAttributeException.class, ProtectedAttributeException.class, ConversionException.class,
            InvalidCursorException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Problem badRequest(RuntimeException e) {
        return new Problem(e.getMessage());
    }
}
