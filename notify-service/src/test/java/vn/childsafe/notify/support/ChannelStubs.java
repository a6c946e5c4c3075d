package vn.childsafe.notify.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The e-mail and SMS infrastructure of the delivery tests, started once per test JVM before the service:
 * <ul>
 * <li>a real SMTP server (GreenMail) that the service's mailer sends to, with IMAP so that tests read the mailbox
 * of each recipient (GreenMail creates it on first delivery, login and password = the address);</li>
 * <li>an SMS gateway stub: a real HTTP server taking {@code POST /sms} with the API key header and recording the
 * JSON it got; {@code GET /sms/sent} returns what it recorded (tests live in another class loader and read it over
 * HTTP). Numbers starting with {@link #FAILING_PREFIX} are answered 503, every time.</li>
 * </ul>
 */
public class ChannelStubs implements QuarkusTestResourceLifecycleManager {

    public static final String SMS_API_KEY = "test-sms-key-7f3a";
    public static final String FAILING_PREFIX = "+8400000";
    public static final String IMAP_PORT = "childsafe.test.imap-port";
    public static final String SMS_STUB = "childsafe.test.sms-stub";

    private GreenMail greenMail;
    private HttpServer sms;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                })
                .withConfiguration(GreenMailConfiguration.aConfig());
        greenMail.start();
        List<String> received = new CopyOnWriteArrayList<>();
        try {
            sms = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        sms.createContext("/sms", exchange -> handleSms(exchange, received));
        sms.setExecutor(Executors.newFixedThreadPool(4));
        sms.start();
        String smsBase = "http://127.0.0.1:" + sms.getAddress().getPort() + "/sms";
        return Map.of(
                "quarkus.mailer.host",
                "127.0.0.1",
                "quarkus.mailer.port",
                Integer.toString(greenMail.getSmtp().getPort()),
                "quarkus.mailer.mock",
                "false",
                IMAP_PORT,
                Integer.toString(greenMail.getImap().getPort()),
                "childsafe.notify.sms.gateway-url",
                smsBase,
                "childsafe.notify.sms.api-key",
                SMS_API_KEY,
                SMS_STUB,
                smsBase);
    }

    private static void handleSms(HttpExchange exchange, List<String> received) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if ("GET".equals(exchange.getRequestMethod())
                    && exchange.getRequestURI().getPath().endsWith("/sent")) {
                byte[] all = ("[" + String.join(",", received) + "]").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("content-type", "application/json");
                exchange.sendResponseHeaders(200, all.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(all);
                }
                return;
            }
            if (!SMS_API_KEY.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (body.contains("\"to\":\"" + FAILING_PREFIX)) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            received.add(body);
            exchange.sendResponseHeaders(202, -1);
        }
    }

    @Override
    public void stop() {
        if (sms != null) {
            sms.stop(0);
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
