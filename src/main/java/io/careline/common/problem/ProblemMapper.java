package io.careline.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every exception that reaches the REST layer into one problem+json shape. */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return respond(e.code(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(ErrorCode.VALIDATION_FAILED, "One or more fields are invalid.", uri, errors);
    }

    // MismatchedInputException is listed so this mapper wins over the built-in one for that type.
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return respond(ErrorCode.VALIDATION_FAILED, "A field has the wrong type or an unknown value.", uri,
                    List.of(new Problem.FieldError(field, "has the wrong type or an unknown value")));
        }
        return respond(ErrorCode.MALFORMED_JSON, "The request body could not be parsed as JSON.", uri, null);
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(ErrorCode.UNAUTHENTICATED,
                "A valid bearer token with a tenant claim is required.", uri, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ErrorCode.FORBIDDEN, "Your role does not allow this operation.", uri, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // Quarkus REST wraps body-parsing failures; answer them like direct Jackson errors.
            return unreadable(unreadable, uri);
        }
        ErrorCode code = switch (e.getResponse().getStatus()) {
            case 400 -> ErrorCode.VALIDATION_FAILED;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        if (code == null) {
            return unexpected(e, uri);
        }
        return respond(code, code.title() + ".", uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                // Two requests raced to create the same thing; the loser retries and gets the winner's.
                return respond(ErrorCode.CONFLICT, "A concurrent request changed the same resource; retry.", uri, null);
            }
        }
        String traceId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error on %s (trace %s)", uri.getPath(), traceId);
        return respond(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred. Trace id: " + traceId, uri, null);
    }

    private static Response respond(ErrorCode code, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem problem = Problem.of(code, detail, uri.getRequestUri().getPath(), errors);
        return Response.status(code.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The request field a violation names: a query parameter's name, or the path inside the body. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = "";
        StringBuilder property = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> {
                    parameter = node.getName();
                    property.setLength(0);
                }
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null) {
                        property.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        property.append(property.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
                default -> {
                }
            }
        }
        return property.isEmpty() ? parameter : property.toString();
    }
}
