package vn.childsafe.routing.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.routing.domain.Pdq;
import vn.childsafe.routing.hashlists.HashList;
import vn.childsafe.routing.hashlists.HashListRepository;

/**
 * Known-content hash lists (danh sách mã băm nội dung đã biết; docs/routing-rules.md, section 7): admins register a
 * list and import its hashes; routing looks every report's hashes up in them. The lists never leave this service.
 */
@ApplicationScoped
public class HashListService {

    /** Bad lines named in one rejection; the count covers them all. */
    static final int MAX_LISTED_ERRORS = 100;

    private static final int BATCH = 1000;
    private static final int MAX_LINE = 300;
    private static final Logger LOG = Logger.getLogger(HashListService.class);

    @Inject
    HashListRepository lists;

    @Inject
    Clock clock;

    /** What an admin registers. */
    @Schema(name = "HashListDefinition")
    public record Definition(
            @Schema(description = "Unique name, 1-50 letters, digits, '.', '_' or '-'", examples = "iwf-2026-11")
            String name,

            @Schema(description = "Who publishes the list", examples = "IWF")
            String source,

            @Schema(description = "The category the list's content is given")
            Category category,

            @Schema(description = "What the list is, where it comes from")
            String description) {}

    /** A registered list. */
    @Schema(name = "HashList")
    public record View(
            String name,
            String source,
            Category category,
            String description,
            int entryCount,
            Instant createdAt,
            String createdBy,
            Instant importedAt,
            String importedBy) {}

    /** What an import did. */
    @Schema(name = "HashListImportResult")
    public record ImportResult(String name, int sha256, int md5, int pdq, int total) {}

    @Transactional
    public View create(Definition definition, String actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (definition == null) {
            throw ProblemException.badRequest("A hash list definition is required.", null);
        }
        if (definition.name() == null || !definition.name().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,49}")) {
            errors.add(new Problem.FieldError("/name", "1..50 letters, digits, '.', '_' or '-'"));
        }
        if (definition.source() == null
                || definition.source().isBlank()
                || definition.source().length() > 200) {
            errors.add(new Problem.FieldError("/source", "required, at most 200 characters"));
        }
        if (definition.category() == null) {
            errors.add(new Problem.FieldError("/category", "required"));
        }
        if (definition.description() != null && definition.description().length() > 2000) {
            errors.add(new Problem.FieldError("/description", "at most 2,000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " field(s) of the list are invalid.", errors);
        }
        if (lists.findById(definition.name()) != null) {
            throw ProblemException.conflict("Hash list " + definition.name() + " exists.");
        }
        HashList list = new HashList();
        list.name = definition.name();
        list.source = definition.source().strip();
        list.category = definition.category();
        list.description = definition.description();
        list.createdAt = now();
        list.createdBy = actor;
        lists.persist(list);
        return view(list);
    }

    @Transactional
    public List<View> list() {
        return lists.listAll(Sort.by("name")).stream()
                .map(HashListService::view)
                .toList();
    }

    @Transactional
    public View get(String name) {
        return view(existing(name));
    }

    /** Removes a list and its hashes; cases that matched it keep the record of the match. */
    @Transactional
    public void delete(String name) {
        lists.delete(existing(name));
        LOG.infof("Hash list %s deleted", name);
    }

    /**
     * Replaces the list's hashes with those of {@code body}, read as it streams in: one hash per line as
     * {@code sha256,<64 hex>}, {@code md5,<32 hex>} or {@code pdq,<64 hex>}; blank lines and lines starting with
     * {@code #} are skipped. A body with any bad line changes nothing and every bad line is named
     * ({@code /lines/<n>}, the first line is 1; at most {@value #MAX_LISTED_ERRORS}).
     */
    @Transactional
    public ImportResult importEntries(String name, InputStream body, String actor) {
        HashList list = lists.findById(name, LockModeType.PESSIMISTIC_WRITE);
        if (list == null) {
            throw ProblemException.notFound("No hash list " + name + ".");
        }
        Import run = new Import(name);
        lists.replaceEntries(name, insert -> run.read(body, insert));
        if (run.bad > 0) {
            throw ProblemException.badRequest(
                    "The list was rejected whole: " + run.bad + " bad line(s). Nothing "
                            + "was imported; the list keeps its previous hashes.",
                    run.errors);
        }
        list.entryCount = run.total();
        list.importedAt = now();
        list.importedBy = actor;
        LOG.infof(
                "Hash list %s imported: %d sha256, %d md5, %d PDQ", name, run.counts[0], run.counts[1], run.counts[2]);
        return new ImportResult(name, run.counts[0], run.counts[1], run.counts[2], run.total());
    }

    /** One import: reads the body line by line, inserting in JDBC batches until the first bad line. */
    private static final class Import {
        final String listName;
        final int[] counts = new int[3];
        final List<Problem.FieldError> errors = new ArrayList<>();
        int bad;
        int lineNumber;

        Import(String listName) {
            this.listName = listName;
        }

        int total() {
            return counts[0] + counts[1] + counts[2];
        }

        void read(InputStream body, PreparedStatement insert) throws SQLException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(
                    body,
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)));
            int pending = 0;
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lineNumber++;
                    String text = line.strip();
                    if (text.isEmpty() || text.startsWith("#")) {
                        continue;
                    }
                    String problem = problem(text);
                    if (problem != null) {
                        reject(problem);
                    } else if (bad == 0) {
                        add(insert, text);
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                }
            } catch (CharacterCodingException e) {
                lineNumber++;
                reject("not UTF-8 text; nothing after it was read");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (pending > 0 && bad == 0) {
                insert.executeBatch();
            }
        }

        private void reject(String problem) {
            bad++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(new Problem.FieldError("/lines/" + lineNumber, problem));
            }
        }

        private void add(PreparedStatement insert, String text) throws SQLException {
            int comma = text.indexOf(',');
            String kind = text.substring(0, comma).strip().toUpperCase(Locale.ROOT);
            String value = text.substring(comma + 1).strip().toLowerCase(Locale.ROOT);
            insert.setString(1, listName);
            insert.setString(2, kind);
            insert.setString(3, value);
            insert.addBatch();
            counts["SHA256".equals(kind) ? 0 : "MD5".equals(kind) ? 1 : 2]++;
        }
    }

    private static String problem(String line) {
        if (line.length() > MAX_LINE) {
            return "longer than " + MAX_LINE + " characters";
        }
        int comma = line.indexOf(',');
        if (comma < 0) {
            return "expected <kind>,<hash> with kind sha256, md5 or pdq";
        }
        String kind = line.substring(0, comma).strip().toLowerCase(Locale.ROOT);
        String value = line.substring(comma + 1).strip();
        return switch (kind) {
            case "sha256" -> value.matches("[0-9a-fA-F]{64}") ? null : "a sha256 is 64 hex digits";
            case "md5" -> value.matches("[0-9a-fA-F]{32}") ? null : "an md5 is 32 hex digits";
            case "pdq" -> Pdq.isHex(value) ? null : "a PDQ hash is 64 hex digits";
            default ->
                "unknown kind '" + (kind.length() > 20 ? kind.substring(0, 20) + "…" : kind) + "': sha256, md5 or pdq";
        };
    }

    private HashList existing(String name) {
        HashList list = lists.findById(name);
        if (list == null) {
            throw ProblemException.notFound("No hash list " + name + ".");
        }
        return list;
    }

    private static View view(HashList l) {
        return new View(
                l.name,
                l.source,
                l.category,
                l.description,
                l.entryCount,
                l.createdAt,
                l.createdBy,
                l.importedAt,
                l.importedBy);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
