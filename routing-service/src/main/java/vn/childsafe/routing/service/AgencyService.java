package vn.childsafe.routing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.childsafe.commons.geo.ProvinceTable;
import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.routing.agency.Agency;
import vn.childsafe.routing.agency.AgencyPage;
import vn.childsafe.routing.agency.AgencyRepository;
import vn.childsafe.routing.agency.AgencyRequest;
import vn.childsafe.routing.agency.AgencyView;
import vn.childsafe.routing.domain.AgencyType;

/** The agency register's use cases: list, read, register, replace. */
@ApplicationScoped
public class AgencyService {

    /** Largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    @Inject
    AgencyRepository agencies;

    @Inject
    ProvinceTable provinces;

    @Inject
    Clock clock;

    /** What {@code PUT} did. */
    public record Saved(AgencyView agency, boolean created) {}

    /** A page of the agencies the caller may see. A unit sees its own agency only. */
    @Transactional
    public AgencyPage list(CallerScope caller, AgencyType type, String provinceCode, int page, int size) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        if (!caller.seesAll()) {
            List<AgencyView> own = Optional.ofNullable(caller.agencyCode())
                    .flatMap(agencies::findByIdOptional)
                    .filter(a -> (type == null || a.type == type)
                            && (provinceCode == null || provinceCode.equals(a.provinceCode)))
                    .map(AgencyView::of)
                    .stream()
                    .toList();
            return new AgencyPage(page == 0 ? own : List.of(), page, size, own.size());
        }
        List<AgencyView> items = agencies.list(type, provinceCode, page, size).stream()
                .map(AgencyView::of)
                .toList();
        return new AgencyPage(items, page, size, agencies.count(type, provinceCode));
    }

    /** One agency, or 404 if it does not exist or the caller may not see it. */
    @Transactional
    public AgencyView get(CallerScope caller, String code) {
        return agencies.findByIdOptional(code)
                .filter(a -> caller.maySee(a.code))
                .map(AgencyView::of)
                .orElseThrow(() -> notFound(code));
    }

    /** Registers a new agency; 409 if the code is taken. */
    @Transactional
    public AgencyView create(AgencyRequest request) {
        if (request.code() == null || request.code().isBlank()) {
            throw invalid(List.of(new Problem.FieldError("/code", "must not be blank")));
        }
        check(request.code(), request);
        if (agencies.findByIdOptional(request.code()).isPresent()) {
            throw ProblemException.conflict("Agency " + request.code() + " already exists; use PUT /api/v1/agencies/"
                    + request.code() + " to replace it.");
        }
        Agency agency = new Agency();
        agency.code = request.code();
        Instant now = now();
        agency.createdAt = now;
        apply(agency, request, now);
        agencies.persist(agency);
        return AgencyView.of(agency);
    }

    /**
     * Creates or replaces the agency {@code code} with the request's content. Idempotent: the same request twice
     * leaves the same agency (and does not even touch {@code updatedAt} the second time).
     */
    @Transactional
    public Saved put(String code, AgencyRequest request) {
        if (!code.matches(AgencyRequest.CODE_PATTERN) || code.length() > 50) {
            throw ProblemException.badRequest("The agency code in the path is not a valid code.", null);
        }
        if (request.code() != null && !request.code().equals(code)) {
            throw invalid(List.of(new Problem.FieldError("/code", "must equal the code in the path (" + code + ")")));
        }
        check(code, request);
        Instant now = now();
        Optional<Agency> existing = agencies.findByIdOptional(code);
        if (existing.isPresent()) {
            Agency agency = existing.get();
            if (!sameContent(agency, request)) {
                apply(agency, request, now);
            }
            return new Saved(AgencyView.of(agency), false);
        }
        Agency agency = new Agency();
        agency.code = code;
        agency.createdAt = now;
        apply(agency, request, now);
        agencies.persist(agency);
        return new Saved(AgencyView.of(agency), true);
    }

    /** The rules between fields that annotations cannot say, as 400 problems with JSON Pointers. */
    private void check(String code, AgencyRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        AgencyType type = request.type();
        if (type.level() == AgencyType.Level.NATIONAL) {
            if (request.provinceCode() != null) {
                errors.add(new Problem.FieldError("/provinceCode", "must be absent for national type " + type));
            }
            if (request.communeCode() != null) {
                errors.add(new Problem.FieldError("/communeCode", "must be absent for national type " + type));
            }
        } else {
            if (request.provinceCode() == null) {
                errors.add(new Problem.FieldError("/provinceCode", "is required for type " + type));
            } else if (provinces.current(request.provinceCode()).isEmpty()) {
                errors.add(new Problem.FieldError(
                        "/provinceCode",
                        "is not one of today's 34 province codes (legacy codes are not accepted for agencies)"));
            }
            if (type.level() == AgencyType.Level.COMMUNE && request.communeCode() == null) {
                errors.add(new Problem.FieldError("/communeCode", "is required for commune-level type " + type));
            }
            if (type.level() == AgencyType.Level.PROVINCE && request.communeCode() != null) {
                errors.add(new Problem.FieldError("/communeCode", "must be absent for province-level type " + type));
            }
        }
        if (request.validFrom() != null
                && request.validTo() != null
                && !request.validTo().isAfter(request.validFrom())) {
            errors.add(new Problem.FieldError("/validTo", "must be after validFrom"));
        }
        if (code.equals(request.escalationParentCode())) {
            errors.add(new Problem.FieldError("/escalationParentCode", "must not be the agency itself"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    private static boolean sameContent(Agency agency, AgencyRequest request) {
        return Objects.equals(agency.name, request.name().trim())
                && agency.type == request.type()
                && Objects.equals(agency.provinceCode, request.provinceCode())
                && Objects.equals(agency.communeCode, request.communeCode())
                && Objects.equals(agency.escalationParentCode, request.escalationParentCode())
                && agency.active == isActive(request)
                && Objects.equals(agency.validFrom, request.validFrom())
                && Objects.equals(agency.validTo, request.validTo());
    }

    private static void apply(Agency agency, AgencyRequest request, Instant now) {
        agency.name = request.name().trim();
        agency.type = request.type();
        agency.provinceCode = request.provinceCode();
        agency.communeCode = request.communeCode();
        agency.escalationParentCode = request.escalationParentCode();
        agency.active = isActive(request);
        agency.validFrom = request.validFrom();
        agency.validTo = request.validTo();
        agency.updatedAt = now;
    }

    private static boolean isActive(AgencyRequest request) {
        return request.active() == null || request.active();
    }

    /** Microseconds, as PostgreSQL stores them: a PUT answer and a later GET show the same instant. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return ProblemException.badRequest(errors.size() + " field(s) of the request are invalid.", errors);
    }

    private static ProblemException notFound(String code) {
        return ProblemException.notFound("No agency " + code + ".");
    }
}
