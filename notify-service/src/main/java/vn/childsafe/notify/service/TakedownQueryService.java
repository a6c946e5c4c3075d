package vn.childsafe.notify.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.childsafe.notify.takedown.Compliance;
import vn.childsafe.notify.takedown.ManualTask;
import vn.childsafe.notify.takedown.ManualTaskRepository;
import vn.childsafe.notify.takedown.TakedownRequest;
import vn.childsafe.notify.takedown.TakedownRequestRepository;

/** What ops, units and admins read about takedowns: the requests of a case, manual tasks, platform compliance. */
@ApplicationScoped
public class TakedownQueryService {

    @Inject
    TakedownRequestRepository requests;

    @Inject
    ManualTaskRepository manualTasks;

    /** Takedown requests of a case, oldest first. */
    @Transactional
    public List<TakedownRequest> ofCase(UUID caseId) {
        return requests.ofCase(caseId);
    }

    /** Manual tasks, newest first, optionally of one case and/or one agency. */
    @Transactional
    public List<ManualTask> manualTasks(UUID caseId, String agencyCode, int limit) {
        return manualTasks.list(caseId, agencyCode, limit);
    }

    /** Compliance per platform for requests sent in [from, to). */
    @Transactional
    public List<Compliance> compliance(Instant from, Instant to) {
        return requests.compliance(from, to);
    }
}
