package vn.childsafe.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.notify.domain.ContactPointRules;
import vn.childsafe.notify.domain.PlatformDomains;
import vn.childsafe.notify.platform.Platform;
import vn.childsafe.notify.platform.PlatformRepository;

/** Registers the platforms that receive takedown requests (quản lý nền tảng). */
@ApplicationScoped
public class PlatformService {

    @Inject
    PlatformRepository platforms;

    @Inject
    SigningSecrets signingSecrets;

    @Inject
    Clock clock;

    /** What an admin asks a platform to be, as the request's Bean Validation constraints accepted it. */
    public record Definition(String name, List<String> domains, String takedownUrl, List<String> secrets) {}

    /** A stored platform and whether this call created it. */
    public record Saved(boolean created, Platform platform) {}

    @Transactional
    public List<Platform> list() {
        return platforms.listByCode();
    }

    @Transactional
    public Platform get(String code) {
        return platforms
                .findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("No platform " + code + "."));
    }

    /**
     * Creates a platform; 409 if the code exists.
     */
    @Transactional
    public Platform create(String code, Definition definition) {
        PlatformRepository.Locked locked = platforms.lockOrCreate(code, clock.instant());
        if (!locked.created()) {
            throw ProblemException.conflict(
                    "Platform " + code + " exists; change it with PUT /api/v1/platforms/" + code + ".");
        }
        apply(locked.platform(), definition);
        return locked.platform();
    }

    /** Creates or replaces a platform (idempotent). */
    @Transactional
    public Saved put(String code, Definition definition) {
        if (!ContactPointRules.AGENCY_CODE.matcher(code).matches()) {
            throw ProblemException.badRequest(
                    "The platform code in the path must be 1 to 100 letters, digits, " + "'_', '.' or '-'.", null);
        }
        PlatformRepository.Locked locked = platforms.lockOrCreate(code, clock.instant());
        apply(locked.platform(), definition);
        return new Saved(locked.created(), locked.platform());
    }

    private void apply(Platform platform, Definition definition) {
        Instant now = clock.instant();
        platform.name = definition.name().trim();
        platform.domains = new ArrayList<>(new LinkedHashSet<>(
                definition.domains().stream().map(PlatformDomains::canonical).toList()));
        platform.takedownUrl = definition.takedownUrl();
        signingSecrets.set(platform, definition.secrets());
        platform.updatedAt = now;
    }
}
