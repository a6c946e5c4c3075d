package vn.childsafe.commons.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.commons.problem.ProblemExceptionMappers;

/**
 * Reads a JSON request body recording invalid values ({@link InvalidValues}) instead of stopping at the first one;
 * if there were any, validates the body as well and answers one 400 naming every violation, enums included.
 * Bodies without invalid values go on to the usual validation.
 */
@Provider
public class AllViolationsReader implements ReaderInterceptor {

    @Inject
    Validator validator;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return context.proceed();
        }
        InvalidValues.start();
        Object body;
        List<Problem.FieldError> invalid;
        try {
            body = context.proceed();
        } finally {
            invalid = InvalidValues.finish();
        }
        if (invalid.isEmpty()) {
            return body;
        }
        List<Problem.FieldError> errors = new ArrayList<>(invalid);
        Set<String> named = invalid.stream().map(Problem.FieldError::pointer).collect(Collectors.toSet());
        if (body != null) {
            validator.validate(body).stream()
                    .map(v -> new Problem.FieldError(ProblemExceptionMappers.pointer(v), v.getMessage()))
                    .filter(error -> !named.contains(error.pointer()))
                    .forEach(errors::add);
        }
        errors.sort(Comparator.comparing(Problem.FieldError::pointer).thenComparing(Problem.FieldError::message));
        throw ProblemException.badRequest(errors.size() + " field(s) of the request are invalid.", errors);
    }
}
