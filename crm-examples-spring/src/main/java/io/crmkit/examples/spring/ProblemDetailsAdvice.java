package io.crmkit.examples.spring;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.RetryableStorageException;
import io.crmkit.shared.StorageException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details ({@code application/problem+json}). Spring MVC's own errors are handled by
 * {@link ResponseEntityExceptionHandler}; this class adds crmkit's exceptions and, for every 400, the list of
 * violated fields as the extension member {@code violations}:
 *
 * <pre>{@code
 * {"type":"about:blank","title":"Invalid input","status":400,"instance":"/customers",
 *  "detail":"2 fields are invalid",
 *  "violations":[{"field":"emails[0].address","message":"..."},{"field":"kind","message":"must not be null"}]}
 * }</pre>
 *
 * <table>
 *   <caption>Status codes</caption>
 *   <tr><td>400</td><td>malformed JSON, a value of the wrong type, a Bean Validation constraint of a request
 *       record, crmkit's {@link InvalidInputException} (every violation at once, with its path)</td></tr>
 *   <tr><td>404</td><td>{@link NotFoundException}: an unknown customer, pipeline ...</td></tr>
 *   <tr><td>409</td><td>{@link ConcurrentModificationException}: the change was based on a stale version; and
 *       {@link IllegalTransitionException}</td></tr>
 *   <tr><td>422</td><td>the shop's database refused the data (a foreign key: an unknown product)</td></tr>
 *   <tr><td>500</td><td>{@link StorageException}: logged; the answer names no database details</td></tr>
 *   <tr><td>501</td><td>the storage does not support the call ({@link UnsupportedOperationException})</td></tr>
 *   <tr><td>503</td><td>{@link RetryableStorageException}: a deadlock or serialization failure; try again</td></tr>
 * </table>
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** One violated field: its path in the request ({@code lines[0].quantity}) and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e, HttpServletRequest request) {
        List<Violation> violations = e.violations().stream()
                .map(v -> new Violation(v.path(), v.message()))
                .toList();
        return respond(badRequest(violations, request.getRequestURI()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), request);
        problem.setProperty("recordType", e.recordType());
        problem.setProperty("recordId", e.recordId());
        return respond(problem);
    }

    @ExceptionHandler(ConcurrentModificationException.class)
    ResponseEntity<Object> staleVersion(ConcurrentModificationException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Changed concurrently", e.getMessage(), request);
        problem.setProperty("expectedVersion", e.expectedVersion());
        return respond(problem);
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<Object> illegalTransition(IllegalTransitionException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.CONFLICT, "Not allowed in this state", e.getMessage(), request));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> refusedByDatabase(DataIntegrityViolationException e, HttpServletRequest request) {
        LOG.info("the shop's database refused a request to {}: {}", request.getRequestURI(),
                e.getMostSpecificCause().getMessage());
        return respond(problem(HttpStatus.UNPROCESSABLE_CONTENT, "Refused by the shop's database",
                "the request names something the shop does not know (such as a product); nothing was stored",
                request));
    }

    @ExceptionHandler(RetryableStorageException.class)
    ResponseEntity<Object> retryable(RetryableStorageException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Try again", e.getMessage(), request));
    }

    /** Any other storage failure: logged with its cause, answered without the database's details. */
    @ExceptionHandler(StorageException.class)
    ResponseEntity<Object> storageFailure(StorageException e, HttpServletRequest request) {
        LOG.error("crmkit's storage failed on {}", request.getRequestURI(), e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Storage failure",
                "the request could not be stored; nothing of it was kept", request));
    }

    @ExceptionHandler(UnsupportedOperationException.class)
    ResponseEntity<Object> unsupported(UnsupportedOperationException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.NOT_IMPLEMENTED, "Not supported by this storage", e.getMessage(), request));
    }

    /** A body that is not JSON, or a value of the wrong type or form (a bad id, an invalid e-mail in crmkit's JSON). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Violation violation;
        if (e.getCause() instanceof JsonParseException parse) {
            violation = new Violation("", "malformed JSON: " + parse.getOriginalMessage());
        } else if (e.getCause() instanceof JsonMappingException mapping) {
            violation = new Violation(path(mapping.getPath()), mapping.getOriginalMessage());
        } else {
            violation = new Violation("", "the request body is missing or not readable");
        }
        return respond(badRequest(List.of(violation), uri(request)));
    }

    /** Bean Validation of a request record ({@code @Valid}): every violated constraint. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            violations.add(new Violation(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> violations.add(new Violation("", error.getDefaultMessage())));
        return respond(badRequest(violations, uri(request)));
    }

    /** A path variable or query parameter that does not convert: a malformed id, an unknown channel. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String message = e.getMostSpecificCause() instanceof InvalidInputException invalid
                ? invalid.violations().get(0).message()
                : "must be a " + (e.getRequiredType() == null ? "valid value" : e.getRequiredType().getSimpleName());
        Violation violation = new Violation(e.getPropertyName() == null ? "" : e.getPropertyName(), message);
        return respond(badRequest(List.of(violation), uri(request)));
    }

    /**
     * Spring MVC's own errors (405, 415, ...) as problem details too, always as {@code application/problem+json}:
     * content negotiation alone would answer a client that accepts {@code application/json} with that type.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getInstance() == null) {
                problem.setInstance(URI.create(uri(request)));
            }
            return respond(problem);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ProblemDetail badRequest(List<Violation> violations, String instance) {
        List<Violation> sorted = violations.stream()
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, sorted.size() == 1
                ? "1 field is invalid" : sorted.size() + " fields are invalid");
        problem.setTitle("Invalid input");
        problem.setInstance(URI.create(instance));
        problem.setProperty("violations", sorted);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    /** Jackson's path of a field: {@code lines[0].quantity}. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static String uri(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "";
    }
}
