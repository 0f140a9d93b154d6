package no.innforing.shared;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every error of the app's API into application/problem+json with a detail a person can act on. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        return ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    }

    /**
     * The loser of a race (two nodes completing the same task, a withdrawal racing a completion, the same
     * notification recorded twice): 409 with a Norwegian detail; the winner's change stands and nothing is done
     * twice, since the loser's transaction rolled back.
     */
    @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class})
    ProblemDetail concurrent(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, Refusals.CONCURRENT_CHANGE);
    }

    /** A unique key taken by a concurrent request is a race (409); any other constraint is bad input (400). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail constraint(DataIntegrityViolationException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, Refusals.CONCURRENT_CHANGE);
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "En verdi passer ikke: for lang, tom der den må fylles ut, eller i strid med andre opplysninger.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                unreadable(ex)));
    }

    /**
     * Why a body could not be read, in Norwegian, naming the field and never a Java type. Read from the innermost of
     * Jackson's exceptions in the chain: below it may lie the parser's own cause (an impossible date such as
     * 2027-02-31 is a {@code DateTimeParseException} under the {@code InvalidFormatException} that knows the field).
     */
    static String unreadable(Throwable failure) {
        Throwable cause = failure;
        for (Throwable next = failure; next != null && next != next.getCause(); next = next.getCause()) {
            if (next instanceof JsonProcessingException) {
                cause = next;
            }
        }
        if (cause instanceof StrictJson.Refused refused) {
            return refused.getOriginalMessage();
        }
        if (cause instanceof JsonParseException parse) {
            var at = parse.getLocation();
            return "Forespørselen er ikke gyldig JSON" + (at == null ? "." : " (linje " + at.getLineNr()
                    + ", kolonne " + at.getColumnNr() + ").");
        }
        if (cause instanceof JsonMappingException mapping) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String what = field.isEmpty() ? "Innholdet" : "«" + field + "»";
            Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            if (target != null && target.isEnum()) {
                String value = mapping instanceof InvalidFormatException invalid && invalid.getValue() != null
                        ? " «" + Input.printable(String.valueOf(invalid.getValue())) + "»" : "";
                return what + " har en ukjent verdi" + value + ". Gyldige verdier: " + Arrays.stream(target.getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", ")) + ".";
            }
            return what + " må være " + expected(target) + ".";
        }
        return "Forespørselen kunne ikke leses: send JSON med feltene og typene som er beskrevet i API-et.";
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "av riktig type";
        }
        if (target == String.class) {
            return "en tekst i anførselstegn";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true eller false";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return target == Integer.class || target == int.class || target == Long.class || target == long.class
                    ? "et heltall" : "et tall";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "en gyldig dato på formen ÅÅÅÅ-MM-DD";
        }
        return "av riktig type (et JSON-" + (target.isArray() || java.util.Collection.class.isAssignableFrom(target)
                ? "array" : "objekt") + ")";
    }
}
