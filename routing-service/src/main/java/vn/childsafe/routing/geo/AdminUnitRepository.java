package vn.childsafe.routing.geo;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;

import vn.childsafe.routing.domain.WardMapping;

/** The imported geography: batch upserts, and the reads that routing and the API need. */
@ApplicationScoped
public class AdminUnitRepository implements WardMapping {

    private static final int BATCH = 1000;

    @Inject
    EntityManager em;

    /** A unit as stored, and as the API shows it. */
    @Schema(name = "AdminUnit")
    public record Unit(
            String level,
            String code,
            String parentCode,
            String name,
            String fullName,
            String nameEn,
            String unitType,
            LocalDate validFrom,
            LocalDate validTo) {}

    /** Inserts or replaces today's units valid from {@code validFrom}, in batches, in the caller's transaction. */
    public void upsertUnits(List<AdminUnitCsv.UnitRow> rows, LocalDate validFrom, LocalDate validTo, Instant now) {
        upsertInBatches(
                "INSERT INTO admin_unit (level, code, parent_code, "
                        + "name, full_name, name_en, unit_type, valid_from, valid_to, imported_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (level, code, valid_from) DO UPDATE SET "
                        + "parent_code = EXCLUDED.parent_code, name = EXCLUDED.name, full_name = EXCLUDED.full_name, "
                        + "name_en = EXCLUDED.name_en, unit_type = EXCLUDED.unit_type, valid_to = EXCLUDED.valid_to, "
                        + "imported_at = EXCLUDED.imported_at",
                rows,
                (connection, s, row) -> {
                    s.setString(1, row.level());
                    s.setString(2, row.code());
                    s.setString(3, row.parentCode());
                    s.setString(4, row.name());
                    s.setString(5, row.fullName());
                    s.setString(6, row.nameEn());
                    s.setString(7, row.unitType());
                    s.setDate(8, Date.valueOf(validFrom));
                    s.setDate(9, validTo == null ? null : Date.valueOf(validTo));
                    s.setTimestamp(10, Timestamp.from(now));
                });
    }

    /** Inserts or replaces legacy ward mappings, in batches, in the caller's transaction. */
    public void upsertMappings(List<AdminUnitCsv.MappingRow> rows, LocalDate validFrom, Instant now) {
        upsertInBatches(
                "INSERT INTO legacy_ward (old_ward_code, "
                        + "old_province_code, old_province_name, old_district_code, old_ward_name, new_province_code, "
                        + "new_commune_codes, valid_from, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (old_ward_code) DO UPDATE SET old_province_code = EXCLUDED.old_province_code, "
                        + "old_province_name = EXCLUDED.old_province_name, old_district_code = EXCLUDED.old_district_code, "
                        + "old_ward_name = EXCLUDED.old_ward_name, new_province_code = EXCLUDED.new_province_code, "
                        + "new_commune_codes = EXCLUDED.new_commune_codes, valid_from = EXCLUDED.valid_from, "
                        + "imported_at = EXCLUDED.imported_at",
                rows,
                (connection, s, row) -> {
                    Array communes = connection.createArrayOf(
                            "text", row.newCommuneCodes().toArray());
                    s.setString(1, row.oldWardCode());
                    s.setString(2, row.oldProvinceCode());
                    s.setString(3, row.oldProvinceName());
                    s.setString(4, row.oldDistrictCode());
                    s.setString(5, row.oldWardName());
                    s.setString(6, row.newProvinceCode());
                    s.setArray(7, communes);
                    s.setDate(8, Date.valueOf(validFrom));
                    s.setTimestamp(9, Timestamp.from(now));
                });
    }

    /** Sets one row's values on the upsert statement. */
    @FunctionalInterface
    private interface RowBinder<R> {
        void bind(Connection connection, PreparedStatement statement, R row) throws SQLException;
    }

    /** Runs {@code sql} once per row over JDBC, sent {@value #BATCH} rows at a time. */
    private <R> void upsertInBatches(String sql, List<R> rows, RowBinder<R> binder) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                int n = 0;
                for (R row : rows) {
                    binder.bind(connection, s, row);
                    s.addBatch();
                    if (++n % BATCH == 0) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
        });
    }

    /** Units valid on {@code day}, optionally of a level and under a parent, in code order. */
    @SuppressWarnings("unchecked")
    public List<Unit> list(String level, String parentCode, LocalDate day) {
        StringBuilder sql = new StringBuilder(
                "SELECT level, code, parent_code, name, full_name, name_en, unit_type, "
                        + "valid_from, valid_to FROM admin_unit WHERE valid_from <= :day AND (valid_to IS NULL OR valid_to > :day)");
        if (level != null) {
            sql.append(" AND level = :level");
        }
        if (parentCode != null) {
            sql.append(" AND parent_code = :parent");
        }
        sql.append(" ORDER BY level DESC, code");
        var query = em.createNativeQuery(sql.toString()).setParameter("day", day);
        if (level != null) {
            query.setParameter("level", level);
        }
        if (parentCode != null) {
            query.setParameter("parent", parentCode);
        }
        return ((List<Object[]>) query.getResultList())
                .stream().map(AdminUnitRepository::unit).toList();
    }

    /** The unit of a level and code valid on {@code day}. */
    @SuppressWarnings("unchecked")
    public Optional<Unit> find(String level, String code, LocalDate day) {
        List<Object[]> rows = em.createNativeQuery("SELECT level, code, parent_code, name, full_name, name_en, "
                        + "unit_type, valid_from, valid_to FROM admin_unit WHERE level = :level AND code = :code "
                        + "AND valid_from <= :day AND (valid_to IS NULL OR valid_to > :day)")
                .setParameter("level", level)
                .setParameter("code", code)
                .setParameter("day", day)
                .getResultList();
        return rows.stream().findFirst().map(AdminUnitRepository::unit);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<MappedWard> find(String legacyWardCode) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT old_ward_code, old_ward_name, old_province_code, "
                                + "new_province_code, array_to_string(new_commune_codes, ';') FROM legacy_ward WHERE old_ward_code = :code")
                .setParameter("code", legacyWardCode)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new MappedWard(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        List.of(((String) r[4]).split(";"))));
    }

    private static Unit unit(Object[] r) {
        return new Unit(
                (String) r[0],
                (String) r[1],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                (String) r[6],
                toDate(r[7]),
                toDate(r[8]));
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((Date) value).toLocalDate();
    }
}
