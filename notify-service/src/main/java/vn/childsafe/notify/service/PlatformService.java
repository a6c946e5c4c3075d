package vn.childsafe.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.notify.domain.ContactPointRules;
import vn.childsafe.notify.domain.PlatformDomains;
import vn.childsafe.notify.platform.Platform;
import vn.childsafe.notify.platform.PlatformRepository;

/** Registers the platforms that receive takedown requests (quản lý nền tảng). */
@ApplicationScoped
public class PlatformService {

    public static final int MAX_DOMAINS = 50;

    @Inject
    PlatformRepository platforms;

    @Inject
    OutboundUrls outboundUrls;

    @Inject
    SigningSecrets signingSecrets;

    @Inject
    Clock clock;

    /** What an admin asks a platform to be. */
    public record Definition(String name, List<String> domains, String takedownUrl, List<String> secrets) {
    }

    /** A stored platform and whether this call created it. */
    public record Saved(boolean created, Platform platform) {
    }

    @Transactional
    public List<Platform> list() {
        return platforms.listByCode();
    }

    @Transactional
    public Platform get(String code) {
        return platforms.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("No platform " + code + "."));
    }

    /**
     * Creates a platform; 409 if the code exists.
     */
    @Transactional
    public Platform create(String code, Definition definition) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (code == null || !ContactPointRules.AGENCY_CODE.matcher(code).matches()) {
            errors.add(new Problem.FieldError("/code", "must be 1 to 100 letters, digits, '_', '.' or '-'"));
        }
        errors.addAll(validate(definition));
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " field(s) of the request are invalid.", errors);
        }
        PlatformRepository.Locked locked = platforms.lockOrCreate(code, clock.instant());
        if (!locked.created()) {
            throw ProblemException.conflict("Platform " + code + " exists; change it with PUT /api/v1/platforms/"
                    + code + ".");
        }
        apply(locked.platform(), definition);
        return locked.platform();
    }

    /** Creates or replaces a platform (idempotent). */
    @Transactional
    public Saved put(String code, Definition definition) {
        if (!ContactPointRules.AGENCY_CODE.matcher(code).matches()) {
            throw ProblemException.badRequest("The platform code in the path must be 1 to 100 letters, digits, "
                    + "'_', '.' or '-'.", null);
        }
        List<Problem.FieldError> errors = validate(definition);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " field(s) of the request are invalid.", errors);
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

    private List<Problem.FieldError> validate(Definition d) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (d == null) {
            errors.add(new Problem.FieldError("", "a JSON body is required"));
            return errors;
        }
        if (d.name() == null || d.name().isBlank() || d.name().length() > 200) {
            errors.add(new Problem.FieldError("/name", "is required, at most 200 characters"));
        }
        if (d.domains() == null || d.domains().isEmpty() || d.domains().size() > MAX_DOMAINS) {
            errors.add(new Problem.FieldError("/domains", "1 to " + MAX_DOMAINS + " domains are required"));
        } else {
            for (int i = 0; i < d.domains().size(); i++) {
                String domain = d.domains().get(i);
                String canonical;
                try {
                    canonical = domain == null ? "" : PlatformDomains.canonical(domain);
                } catch (IllegalArgumentException e) {
                    canonical = "";
                }
                if (!PlatformDomains.DOMAIN.matcher(canonical).matches()) {
                    errors.add(new Problem.FieldError("/domains/" + i, "must be a domain name such as tiktok.com"));
                }
            }
        }
        if (d.takedownUrl() == null || d.takedownUrl().isBlank() || d.takedownUrl().length() > 2000) {
            errors.add(new Problem.FieldError("/takedownUrl", "is required, an https URL of at most 2000 characters"));
        } else {
            String problem = outboundUrls.registrationProblem(d.takedownUrl());
            if (problem != null) {
                errors.add(new Problem.FieldError("/takedownUrl", problem));
            }
        }
        List<String> secrets = d.secrets() == null ? List.of() : d.secrets();
        if (secrets.isEmpty() || secrets.size() > ContactPointRules.MAX_SECRETS) {
            errors.add(new Problem.FieldError("/secrets", "1 to " + ContactPointRules.MAX_SECRETS
                    + " signing secrets are required"));
        }
        for (int i = 0; i < secrets.size(); i++) {
            if (!ContactPointRules.isValidSecret(secrets.get(i))) {
                errors.add(new Problem.FieldError("/secrets/" + i,
                        "must be whsec_ followed by the base64 of 24 to 64 random bytes"));
            }
        }
        return errors;
    }
}
