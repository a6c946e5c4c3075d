package vn.childsafe.intake.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.intake.idempotency.IdempotencyKeys;
import vn.childsafe.intake.idempotency.IdempotencyRecord;
import vn.childsafe.intake.report.ReportSubmission;

/**
 * The submit use case with {@code Idempotency-Key} semantics: same key and body → the first answer again; same
 * key, other body → 422; same key while the first request is still being processed → 409. Keys are per client.
 */
@ApplicationScoped
public class ReportSubmissions {

    @Inject
    ReportIntake intake;

    @Inject
    IdempotencyKeys keys;

    @Inject
    ObjectMapper objectMapper;

    /** The answer and whether it is a replay of an earlier one. */
    public record Outcome(ReportIntake.Accepted accepted, boolean replayed) {}

    public Outcome submit(ReportSubmission submission, String clientId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new Outcome(intake.accept(submission, clientId, null), false);
        }
        String hash = hash(submission);
        return switch (keys.claim(clientId, idempotencyKey, hash)) {
            case CLAIMED -> {
                try {
                    yield new Outcome(intake.accept(submission, clientId, idempotencyKey), false);
                } catch (RuntimeException e) {
                    keys.release(clientId, idempotencyKey);
                    throw e;
                }
            }
            case COMPLETED -> {
                IdempotencyRecord first = keys.find(clientId, idempotencyKey);
                yield new Outcome(read(first.responseBody), true);
            }
            case IN_PROGRESS ->
                throw new ProblemException(
                        409,
                        "Conflict",
                        "A request with this Idempotency-Key is still being processed; retry in a moment.",
                        "idempotency-in-progress",
                        null);
            case DIFFERENT_BODY ->
                throw new ProblemException(
                        422,
                        "Unprocessable Content",
                        "This Idempotency-Key was already used with a different request body.",
                        "idempotency-key-reused",
                        null);
        };
    }

    private String hash(ReportSubmission submission) {
        try {
            byte[] canonical = objectMapper.writeValueAsString(submission).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Request could not be hashed", e);
        }
    }

    private ReportIntake.Accepted read(String json) {
        try {
            return objectMapper.readValue(json, ReportIntake.Accepted.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answer unreadable", e);
        }
    }
}
