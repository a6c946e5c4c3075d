package vn.childsafe.notify.service;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import vn.childsafe.notify.config.ChannelConfig;
import vn.childsafe.notify.domain.AlertMessages;
import vn.childsafe.notify.domain.AlertPayload;

/**
 * Sends an alert as a plain-text Vietnamese e-mail over SMTP (Quarkus mailer, non-blocking). The text is built
 * from the alert payload alone: ids, category, urgency, deadline and a link to the case, no personal data. The
 * delivery's {@code webhook-id} travels as the {@code X-ChildSafe-Message-Id} header so that a unit can
 * de-duplicate a re-sent e-mail as it does webhooks.
 */
@ApplicationScoped
public class EmailSender {

    static final String MESSAGE_ID_HEADER = "X-ChildSafe-Message-Id";

    @Inject
    ReactiveMailer mailer;

    @Inject
    ChannelConfig config;

    @Inject
    ObjectMapper objectMapper;

    /** Sends the attempt; the future always completes normally, with the outcome. */
    public CompletableFuture<AttemptOutcome> send(Attempt attempt) {
        try {
            AlertPayload alert = objectMapper.readValue(attempt.payload(), AlertPayload.class);
            Mail mail = Mail.withText(
                            attempt.address(),
                            AlertMessages.subject(alert),
                            AlertMessages.emailBody(config.caseLinkBase(), alert))
                    .addHeader(MESSAGE_ID_HEADER, attempt.webhookId());
            return mailer.send(mail)
                    .ifNoItem()
                    .after(config.emailTimeout())
                    .fail()
                    .subscribeAsCompletionStage()
                    .handle((ok, error) -> error == null
                            ? AttemptOutcome.sent(attempt)
                            : AttemptOutcome.unreachable(attempt, "SMTP: " + WebhookSender.describe(error)))
                    .toCompletableFuture();
        } catch (Exception e) {
            return CompletableFuture.completedFuture(
                    AttemptOutcome.unreachable(attempt, "E-mail not sent: " + WebhookSender.describe(e)));
        }
    }
}
