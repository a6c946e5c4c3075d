package vn.childsafe.notify.rest;

import java.util.List;
import java.util.UUID;

import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;

/** The {@code caseId} query parameter of the takedown and manual-task lists. */
final class CaseIdParam {

    private CaseIdParam() {}

    /**
     * @return the case id, {@code null} if the parameter is absent
     * @throws ProblemException 400 if it is not a UUID
     */
    static UUID parse(String caseId) {
        if (caseId == null) {
            return null;
        }
        try {
            return UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(
                    "caseId is not a UUID.", List.of(new Problem.FieldError("/caseId", "must be a UUID")));
        }
    }
}
