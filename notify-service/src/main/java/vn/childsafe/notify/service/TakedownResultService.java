package vn.childsafe.notify.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import vn.childsafe.commons.events.NotifyEvent;
import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.notify.domain.TakedownResult;
import vn.childsafe.notify.takedown.TakedownRequest;
import vn.childsafe.notify.takedown.TakedownRequestRepository;

/**
 * Records what a platform did about a takedown request (kết quả gỡ bỏ): the result stops the re-notices and is a
 * TAKEDOWN_RESULT event on the case timeline, written in the same transaction.
 */
@ApplicationScoped
public class TakedownResultService {

    /** How far a platform's clock may be ahead of ours, or its action before our request. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    TakedownRequestRepository requests;

    @Inject
    NotifyEvents notifyEvents;

    @Inject
    Clock clock;

    /**
     * Records a platform's result, whose fields the request's Bean Validation constraints checked; when the platform
     * acted is checked here, against the request. Only the platform the request went to may post it (another gets
     * 404, as if the request did not exist). Posting the same result again is harmless; a different one is a 409.
     */
    @Transactional
    public TakedownRequest recordResult(
            String platformCode, UUID id, TakedownResult result, Instant actedAt, String note) {
        TakedownRequest request = requests.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || platformCode == null || !platformCode.equals(request.platformCode)) {
            throw ProblemException.notFound("No takedown request " + id + " for this platform.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant now = clock.instant();
        if (actedAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new Problem.FieldError("/actedAt", "must not be in the future"));
        } else if (actedAt.isBefore(request.requestedAt.minus(CLOCK_SKEW))) {
            errors.add(new Problem.FieldError(
                    "/actedAt", "must not be before the request was sent (" + request.requestedAt + ")"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " field(s) of the result are invalid.", errors);
        }
        if (request.result != null) {
            if (request.result == result && request.actedAt.equals(actedAt)) {
                return request;
            }
            throw ProblemException.conflict("A result (" + request.result + ") was already recorded for this "
                    + "request at " + request.resultReceivedAt + ".");
        }
        request.result = result;
        request.actedAt = actedAt;
        request.resultNote = note;
        request.resultReceivedAt = now;
        request.nextNoticeAt = null;
        notifyEvents.publish(NotifyEvent.takedownResult(
                request.caseId,
                now,
                "Nền tảng " + platformCode + " báo kết quả " + result + " lúc " + actedAt
                        + (actedAt.isAfter(request.deadline) ? " (quá hạn)" : " (đúng hạn)"),
                platformCode,
                request.id,
                request.url,
                result.name(),
                request.deadline));
        return request;
    }
}
