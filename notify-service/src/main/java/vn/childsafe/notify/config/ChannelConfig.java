package vn.childsafe.notify.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * E-mail and SMS alerts ({@code childsafe.notify.*}). The SMTP server itself is Quarkus' mailer
 * ({@code quarkus.mailer.host}, {@code port}, {@code username}, {@code password}, {@code from},
 * {@code start-tls}). Everything has a safe default: without an SMS gateway, SMS deliveries fail visibly (retried,
 * then FAILED and a DELIVERY_FAILED event) while webhooks and e-mail go on.
 */
@ConfigMapping(prefix = "childsafe.notify")
public interface ChannelConfig {

    /** Base URL of the case pages units open from an e-mail or SMS: the link is {@code <base>/cases/<caseId>}. */
    @WithDefault("https://childsafe.gov.vn")
    String caseLinkBase();

    /** Longest wait for the SMTP server to accept one e-mail. */
    @WithDefault("10s")
    Duration emailTimeout();

    /** The SMS gateway. */
    Sms sms();

    interface Sms {
        /** Where SMS are POSTed as JSON {@code {"to","text","reference"}}; none configured → SMS deliveries fail. */
        Optional<String> gatewayUrl();

        /** The gateway's API key, sent in {@link #apiKeyHeader()}. */
        Optional<String> apiKey();

        /** Header that carries the API key. */
        @WithDefault("X-API-Key")
        String apiKeyHeader();
    }
}
