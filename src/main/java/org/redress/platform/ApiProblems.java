package org.redress.platform;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Conflict;
import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.redress.shared.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every failure of an API request into an RFC 9457 problem document whose
 * {@code detail} a person can act on. Validation failures also list the fields at fault
 * in {@code errors}. Because each request runs in one transaction, a failure leaves
 * nothing half-written.
 */
// Ordered first: console advice also matches @RestController (it is meta-annotated with @Controller).
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private static final java.net.URI BLANK = java.net.URI.create("about:blank");

    private final Outages outages;

    ApiProblems(Outages outages) {
        this.outages = outages;
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidInput e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_INPUT, "Invalid request", e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(Conflict e) {
        return problem(HttpStatus.CONFLICT, ProblemType.CONFLICT, "Not possible now", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail forbidden(Forbidden e) {
        return problem(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, ProblemType.CHANGED_MEANWHILE, "Changed meanwhile",
            "Someone changed this record while your request was in progress. Reload it and try again.");
    }

    @ExceptionHandler
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info("Refused a request that conflicts with stored data: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, ProblemType.CONFLICT, "Conflicts with existing data",
            "The request conflicts with data already stored (for example a value that must be unique).");
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_INPUT, "Invalid request",
            e.getName() + ": '" + e.getValue() + "' is not a valid value");
        problem.setProperty("errors", List.of(new InvalidInput.FieldError(e.getName(), "is not a valid value")));
        return problem;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.TooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                    ProblemType.TOO_LARGE, "Request too large", "The request body is larger than the " + tooLarge.maxBytes()
                        + " bytes accepted (at most " + tooLarge.maxBytes() + ")."));
            }
            if (cause instanceof NulCheckedRequest.NulCharacter) {
                return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST,
                    "Invalid request", MalformedRequests.NUL_DETAIL));
            }
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST, "Unreadable request body",
            unreadable(e));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidInput.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
            .map(error -> new InvalidInput.FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
            .toList();
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
            .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_INPUT, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        Outages.Outage outage = outages.of(e);
        if (outage != null) {
            log.warn("API request refused: {} ({})", outage.title(), OutageAnswers.rootMessage(e));
            ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.UNAVAILABLE, outage.title(), outage.detail());
            problem.setProperty("outcome", outage.outcome());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, outages.retryAfterSeconds()).body(problem);
        }
        log.error("Unexpected failure of an API request", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
            ProblemType.INTERNAL_ERROR, "Internal error",
            "Something went wrong on our side; nothing was changed. Please try again, and tell the administrator if it persists."));
    }

    private static String unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException read && read.getLocation() != null) {
                return "The request body is not valid JSON (line " + read.getLocation().getLineNr()
                    + ", column " + read.getLocation().getColumnNr() + ").";
            }
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                String field = json.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
                return "The field '" + field + "' has a value of the wrong type or format.";
            }
        }
        return "The request body is missing or is not valid JSON.";
    }

    /*
     * What Spring MVC refuses itself (a missing parameter, 405, 406, 415 ...) arrives here as a
     * problem of type about:blank: it gets the stable type of its status instead.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || BLANK.equals(problem.getType()))) {
            problem.setType((statusCode.value() == 400 ? ProblemType.INVALID_INPUT : ProblemType.forStatus(statusCode.value())).uri());
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ProblemDetail problem(HttpStatus status, ProblemType type, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
        problem.setType(type.uri());
        problem.setTitle(title);
        return problem;
    }

}
