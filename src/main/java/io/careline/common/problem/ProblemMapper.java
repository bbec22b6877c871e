package io.careline.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every exception that reaches the REST layer into one problem+json shape (see {@link Failure}). */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return respond(Failure.of(e, uri.getPath()), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        return respond(Failure.of(e, uri.getPath()), uri);
    }

    // MismatchedInputException is listed so this mapper wins over the built-in one for that type.
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return respond(Failure.unreadable(e), uri);
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(Unauthenticated.failureOf(e), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Failure(ErrorCode.FORBIDDEN, "Your role does not allow this operation."), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // Quarkus REST wraps body-parsing failures; answer them like direct Jackson errors.
            return unreadable(unreadable, uri);
        }
        ErrorCode code = ErrorCode.ofStatus(e.getResponse().getStatus());
        if (code == null) {
            return unexpected(e, uri);
        }
        return respond(new Failure(code, code.title() + "."), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return respond(Failure.of(e, uri.getPath()), uri);
    }

    private static Response respond(Failure failure, UriInfo uri) {
        Problem problem = Problem.of(failure, uri.getRequestUri().getRawPath());
        return Response.status(failure.code().status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
