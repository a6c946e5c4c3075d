package vn.childsafe.routing.service;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import vn.childsafe.commons.geo.ProvinceTable;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.routing.config.RoutingConfig;
import vn.childsafe.routing.domain.LocationResolver;
import vn.childsafe.routing.domain.Resolution;
import vn.childsafe.routing.geo.AdminUnitCsv;
import vn.childsafe.routing.geo.AdminUnitRepository;

/** Imports, lists and resolves administrative units. */
@ApplicationScoped
public class AdminUnitService {

    /** Day the 2025 reform took effect: the default validity start of imported units. */
    public static final LocalDate REFORM_2025 = LocalDate.of(2025, 7, 1);

    private static final Logger LOG = Logger.getLogger(AdminUnitService.class);

    @Inject
    AdminUnitRepository units;

    @Inject
    ProvinceTable provinces;

    @Inject
    LocationResolver resolver;

    @Inject
    RoutingConfig config;

    @Inject
    Clock clock;

    /** What an import did. */
    @Schema(name = "AdminUnitImportResult")
    public record ImportResult(AdminUnitCsv.Layout layout, int rows, LocalDate validFrom, LocalDate validTo) {}

    /** A resolution of location codes as the API shows it. */
    @Schema(name = "LocationResolution")
    public record ResolutionView(
            String provinceCode,
            String provinceName,
            String communeCode,
            String communeName,
            Resolution.Level level,
            List<String> notes) {}

    /**
     * Imports one CSV file whole or not at all: a file with any bad line is rejected with every bad line listed.
     * Re-importing the same file changes nothing (upsert on the natural keys).
     */
    @Transactional
    public ImportResult importCsv(Reader body, LocalDate validFrom, LocalDate validTo) {
        LocalDate from = validFrom == null ? REFORM_2025 : validFrom;
        if (validTo != null && !validTo.isAfter(from)) {
            throw ProblemException.badRequest("validTo must be after validFrom.", null);
        }
        AdminUnitCsv.Parsed parsed = new AdminUnitCsv(provinces).parse(body);
        if (!parsed.valid()) {
            throw ProblemException.badRequest(
                    "The file was rejected whole: " + parsed.errorCount()
                            + " bad line(s)"
                            + (parsed.errorCount() > parsed.errors().size()
                                    ? ", the first " + parsed.errors().size() + " listed"
                                    : "")
                            + ". Nothing was imported.",
                    parsed.errors());
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        int rows;
        if (parsed.layout() == AdminUnitCsv.Layout.UNITS) {
            units.upsertUnits(parsed.units(), from, validTo, now);
            rows = parsed.units().size();
        } else {
            units.upsertMappings(parsed.mappings(), from, now);
            rows = parsed.mappings().size();
        }
        LOG.infof("Imported %d row(s) of %s valid from %s", rows, parsed.layout(), from);
        return new ImportResult(parsed.layout(), rows, from, validTo);
    }

    @Transactional
    public List<AdminUnitRepository.Unit> list(String level, String parentCode) {
        String lvl = null;
        if (level != null && !level.isBlank()) {
            lvl = level.trim().toUpperCase(Locale.ROOT);
            if (!lvl.equals("PROVINCE") && !lvl.equals("COMMUNE")) {
                throw ProblemException.badRequest("level must be PROVINCE or COMMUNE.", null);
            }
        }
        String parent = parentCode == null || parentCode.isBlank() ? null : parentCode.trim();
        return units.list(lvl, parent, today());
    }

    @Transactional
    public ResolutionView resolve(String provinceCode, String districtCode, String wardCode, String communeCode) {
        Resolution r = resolver.resolve(provinceCode, communeCode, districtCode, wardCode);
        Optional<AdminUnitRepository.Unit> commune =
                r.communeCode() == null ? Optional.empty() : units.find("COMMUNE", r.communeCode(), today());
        return new ResolutionView(
                r.provinceCode(),
                r.provinceName(),
                r.communeCode(),
                commune.map(AdminUnitRepository.Unit::name).orElse(null),
                r.level(),
                r.notes());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), config.timeZone());
    }
}
