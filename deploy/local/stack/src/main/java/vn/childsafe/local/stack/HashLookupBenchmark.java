package vn.childsafe.local.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How fast routing finds near PDQ hashes as they accumulate (docs/routing-rules.md, section 7.2):
 * {@code bench.sh --hash-lookup [--hashes N] [--lookups M]} imports N random PDQ hashes (default 1,000,000) into
 * known-content hash lists through the admin API, 100,000 per list, then sends M (default 2,000) reports to
 * {@code POST /api/v1/routing/simulate}, one at a time, half of them within 8 bits of a stored hash and half random.
 * Each simulation looks the report's PDQ up in the open cases and in every list. Prints the import rate, the
 * simulations' round-trip percentiles (an upper bound of the lookup's) and the lookup's own percentiles as routing
 * times them ({@code childsafe.routing.content.lookup}); the lists are deleted at the end.
 */
final class HashLookupBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_LIST = 100_000;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String routing;
    private final String management;
    private final String admin;
    private final Random random = new Random(20261202);

    private HashLookupBenchmark(String routing, String management, String admin) {
        this.routing = routing;
        this.management = management;
        this.admin = admin;
    }

    static void main(String[] args) throws Exception {
        int hashes = 1_000_000;
        int lookups = 2_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--hash-lookup" -> {}
                case "--hashes" -> hashes = Integer.parseInt(args[++i]);
                case "--lookups" -> lookups = Integer.parseInt(args[++i]);
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[i] + "; usage: --hash-lookup [--hashes N] [--lookups M]");
            }
        }
        StackSettings settings = StackSettings.fromEnvironment();
        JsonNode tokens = JSON.readTree(Files.readString(settings.dataDir().resolve("demo-tokens.json")));
        new HashLookupBenchmark(
                        "http://127.0.0.1:" + settings.routingPort(),
                        "http://127.0.0.1:" + (settings.routingPort() + LocalStack.MANAGEMENT_PORT_OFFSET),
                        tokens.get("admin").asText())
                .run(hashes, lookups);
    }

    private void run(int hashes, int lookups) throws Exception {
        System.out.printf(
                "Machine: %d cores, JVM %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> lists = new ArrayList<>();
        List<byte[]> samples = new ArrayList<>();
        long importStart = System.nanoTime();
        try {
            for (int stored = 0; stored < hashes; stored += PER_LIST) {
                String name = "bench-" + run + "-" + lists.size();
                int count = Math.min(PER_LIST, hashes - stored);
                send(
                        "POST",
                        "/api/v1/hash-lists",
                        "application/json",
                        JSON.writeValueAsString(Map.of("name", name, "source", "benchmark", "category", "OTHER")),
                        201);
                lists.add(name);
                StringBuilder body = new StringBuilder(count * 69);
                for (int i = 0; i < count; i++) {
                    byte[] pdq = new byte[32];
                    random.nextBytes(pdq);
                    if (i % (PER_LIST / 100) == 0) {
                        samples.add(pdq);
                    }
                    body.append("pdq,").append(hex(pdq)).append('\n');
                }
                long t = System.nanoTime();
                send("PUT", "/api/v1/hash-lists/" + name + "/entries", "text/csv", body.toString(), 200);
                System.out.printf(
                        "  list %s: %,d PDQ hashes imported in %.1f s%n", name, count, (System.nanoTime() - t) / 1e9);
            }
            double importSeconds = (System.nanoTime() - importStart) / 1e9;
            System.out.printf(
                    "Imported %,d PDQ hashes in %.0f s (%,.0f hashes/s)%n",
                    hashes, importSeconds, hashes / importSeconds);

            for (int i = 0; i < 200; i++) {
                simulate(random.nextBoolean() ? near(samples.get(random.nextInt(samples.size()))) : randomHash());
            }
            Histogram nearMicros = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
            Histogram randomMicros = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
            int matched = 0;
            for (int i = 0; i < lookups; i++) {
                boolean isNear = i % 2 == 0;
                String pdq = isNear ? near(samples.get(random.nextInt(samples.size()))) : randomHash();
                long t = System.nanoTime();
                JsonNode result = simulate(pdq);
                long micros = (System.nanoTime() - t) / 1000;
                (isNear ? nearMicros : randomMicros).recordValue(micros);
                if (isNear && result.get("knownContent").size() > 0) {
                    matched++;
                }
            }
            System.out.println();
            System.out.printf(
                    "%,d stored PDQ hashes; %,d lookups through POST /api/v1/routing/simulate, one at a " + "time%n",
                    hashes, lookups);
            System.out.println("| lookups | found | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|");
            row("within 8 bits of a stored hash", nearMicros, matched + " of " + nearMicros.getTotalCount());
            row("random (no match)", randomMicros, "-");
            System.out.println();
            System.out.println("Inside routing (childsafe.routing.content.lookup: hash lists and open cases, the last "
                    + "two minutes):");
            for (String line : metrics().split("\n")) {
                if (line.startsWith("childsafe_routing_content_lookup_seconds{")) {
                    System.out.println("  " + line);
                }
            }
        } finally {
            for (String name : lists) {
                send("DELETE", "/api/v1/hash-lists/" + name, null, null, 204);
            }
        }
    }

    private static void row(String label, Histogram micros, String found) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %.1f | %.1f | %.1f | %.1f |%n",
                label,
                found,
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(90) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0);
    }

    /** Routing's metrics, from its management interface. */
    private String metrics() throws IOException, InterruptedException {
        return client.send(
                        HttpRequest.newBuilder(URI.create(management + "/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private JsonNode simulate(String pdq) throws Exception {
        String body = "{\"category\": \"OTHER\", \"urgency\": \"NORMAL\", \"location\": {\"provinceCode\": \"01\"}, "
                + "\"content\": [{\"pdq\": \"" + pdq + "\", \"pdqQuality\": 100}]}";
        return JSON.readTree(send("POST", "/api/v1/routing/simulate", "application/json", body, 200));
    }

    private String send(String method, String path, String contentType, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(routing + path))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + admin);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The hash with 8 random bits flipped: a re-encoded copy of the same picture. */
    private String near(byte[] pdq) {
        byte[] copy = pdq.clone();
        for (int i = 0; i < 8; i++) {
            int bit = random.nextInt(256);
            copy[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        }
        return hex(copy);
    }

    private String randomHash() {
        byte[] pdq = new byte[32];
        random.nextBytes(pdq);
        return hex(pdq);
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }
}
