package vn.childsafe.routing.service;

import vn.childsafe.commons.problem.ProblemException;

/** Checks a list request's {@code page} and {@code size} query parameters. */
final class Paging {

    private Paging() {}

    /**
     * Refuses, with a 400 problem, a negative page, a size outside 1..{@code maxSize}, or a page so far that its
     * first row is beyond what a query can skip (page × size past {@link Integer#MAX_VALUE}).
     */
    static void check(int page, int size, int maxSize) {
        if (page < 0) {
            throw ProblemException.badRequest("page must be 0 or more.", null);
        }
        if (size < 1 || size > maxSize) {
            throw ProblemException.badRequest("size must be between 1 and " + maxSize + ".", null);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw ProblemException.badRequest("page × size must be at most " + Integer.MAX_VALUE + ".", null);
        }
    }
}
