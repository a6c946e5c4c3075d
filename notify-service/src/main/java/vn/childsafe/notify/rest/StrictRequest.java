package vn.childsafe.notify.rest;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;

/**
 * A request body whose unknown fields are collected and rejected, so that a misspelt field never silently leaves
 * an agency unreachable or a platform without its endpoint.
 */
public abstract class StrictRequest {

    @JsonIgnore
    private final List<String> unknownFields = new ArrayList<>();

    @JsonAnySetter
    void unknownField(String name, Object ignored) {
        unknownFields.add(name);
    }

    /** Names of the fields in the body that this API does not know. */
    @JsonIgnore
    @Schema(hidden = true)
    public List<String> unknownFields() {
        return List.copyOf(unknownFields);
    }

    /**
     * @param what what the body describes, e.g. "a platform"
     * @throws ProblemException 400 with a pointer per unknown field, if there is any
     */
    public void rejectUnknownFields(String what) {
        if (!unknownFields.isEmpty()) {
            throw ProblemException.badRequest(
                    "The request body has fields this API does not know.",
                    unknownFields.stream()
                            .map(name -> new Problem.FieldError(
                                    "/" + name.replace("~", "~0").replace("/", "~1"), "is not a field of " + what))
                            .toList());
        }
    }
}
