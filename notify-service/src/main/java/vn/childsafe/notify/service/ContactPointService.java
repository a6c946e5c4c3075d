package vn.childsafe.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.notify.contact.ContactPoint;
import vn.childsafe.notify.contact.ContactPointRepository;
import vn.childsafe.notify.domain.ContactPointRules;

/** Registers and reads how each agency is reached (quản lý đầu mối liên lạc). */
@ApplicationScoped
public class ContactPointService {

    private static final Logger LOG = Logger.getLogger(ContactPointService.class);

    @Inject
    ContactPointRepository contactPoints;

    @Inject
    Clock clock;

    @Inject
    OutboundUrls outboundUrls;

    @Inject
    SigningSecrets signingSecrets;

    /**
     * What an admin asks a contact point to be, as the request's Bean Validation constraints accepted it;
     * {@code null} lists mean "none".
     */
    public record Definition(String webhookUrl, List<String> secrets, List<String> emails, List<String> smsNumbers) {}

    /** A stored contact point and whether this call created it. */
    public record Saved(boolean created, ContactPoint contactPoint) {}

    /**
     * @throws ProblemException 404 if the agency has no contact point
     */
    @Transactional
    public ContactPoint get(String agencyCode) {
        if (!ContactPointRules.AGENCY_CODE.matcher(agencyCode).matches()) {
            throw ProblemException.notFound("No contact point for this agency code.");
        }
        return contactPoints
                .findByIdOptional(agencyCode)
                .orElseThrow(() -> ProblemException.notFound("No contact point for agency " + agencyCode + "."));
    }

    /**
     * Creates the agency's contact point or replaces it entirely (idempotent: the same definition twice leaves
     * the same state). Deliveries still pending pick up the new URL and secrets at their next attempt.
     *
     * @throws ProblemException 400 for an invalid agency code or a webhook URL notify may not send to
     */
    @Transactional
    public Saved put(String agencyCode, Definition definition) {
        if (!ContactPointRules.AGENCY_CODE.matcher(agencyCode).matches()) {
            throw ProblemException.badRequest(
                    "The agency code in the path must be 1 to 100 letters, digits, "
                            + "'_', '.' or '-', starting with a letter or digit.",
                    null);
        }
        if (definition.webhookUrl() != null) {
            String problem = outboundUrls.registrationProblem(definition.webhookUrl());
            if (problem != null) {
                throw ProblemException.badRequest(
                        "1 field(s) of the request are invalid.",
                        List.of(new Problem.FieldError("/webhookUrl", problem)));
            }
        }
        Instant now = clock.instant();
        ContactPointRepository.Locked locked = contactPoints.lockOrCreate(agencyCode, now);
        ContactPoint contactPoint = locked.contactPoint();
        contactPoint.webhookUrl = definition.webhookUrl();
        signingSecrets.set(contactPoint, copy(definition.secrets()));
        contactPoint.emails = copy(definition.emails());
        contactPoint.smsNumbers = copy(definition.smsNumbers());
        contactPoint.updatedAt = now;
        // Never the URL or secrets: a URL may carry a token, and secrets are never logged.
        LOG.infof(
                "Contact point of agency %s %s (webhook: %s, %d secret(s))",
                agencyCode,
                locked.created() ? "created" : "replaced",
                contactPoint.webhookUrl != null,
                contactPoint.secretFingerprints.size());
        return new Saved(locked.created(), contactPoint);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }
}
