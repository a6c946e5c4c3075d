package vn.childsafe.intake.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childsafe.commons.problem.Problem;

/**
 * quarkus-rest-csrf refuses a form POST without a valid token (a forged request, or a page left open past the token
 * cookie's age) with an empty 400. On the page a person gets a page saying what to do instead; anywhere else (a
 * form POST to the JSON API) the client gets a problem, as every API error is.
 */
public class CsrfFailurePage {

    @Inject
    ObjectMapper objectMapper;

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response)
            throws JsonProcessingException {
        if (response.getStatus() != 400 || response.hasEntity() || !"POST".equals(request.getMethod())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/phan-anh")) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setEntity(PublicPageResource.Templates.expired().render());
        } else {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            response.setEntity(objectMapper.writeValueAsString(new Problem(
                    null,
                    "Bad Request",
                    400,
                    "A form body needs the page's CSRF token; the API takes application/json.",
                    path,
                    null)));
        }
    }
}
