package vn.childsafe.local.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Open-model load against a running local stack ({@code deploy/local/bench.sh}): reports are sent at a fixed
 * arrival rate whatever the answers' speed, and each latency is measured from the moment the request was due,
 * not sent, so a stalled server cannot hide its stall (no coordinated omission). Report→webhook latency is
 * measured at the demo unit inbox: the first alert that names the report.
 *
 * <p>Arguments: {@code [rate ...] [--duration SECONDS] [--warmup SECONDS]}; defaults 100 and 300 reports/s for
 * 60 s each after a 15 s warm-up at 50/s.
 *
 * <p>Two further modes measure how a backlog drains instead of a steady rate; see {@link DrainBenchmark}:
 * {@code --burst N} and {@code --urgent-behind N [--urgent M]}, with {@code [--concurrency C] [--timeout SECONDS]
 * [--urgent-every-ms MS] [--chart PATH] [--floor-seconds S] [--floor-clients C]}.
 *
 * <p>{@code --hash-lookup [--hashes N] [--lookups M]} measures PDQ lookups among N stored hashes; see
 * {@link HashLookupBenchmark}.
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String intake;
    private final String inbox;
    private final String token;
    /** Makes every run's content URLs new, so routing opens a case per report instead of linking duplicates. */
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    private final AtomicLong sequence = new AtomicLong();

    private Benchmark(String intake, String inbox, String token) {
        this.intake = intake;
        this.inbox = inbox;
        this.token = token;
    }

    /** A benchmark client of the stack {@code settings} describe, sending as the demo bulk system (its own quota). */
    static Benchmark forStack(StackSettings settings) throws IOException {
        JsonNode tokens = JSON.readTree(Files.readString(settings.dataDir().resolve("demo-tokens.json")));
        return new Benchmark(
                "http://127.0.0.1:" + settings.intakePort(),
                "http://127.0.0.1:" + settings.inboxPort(),
                tokens.get("bulk").asText());
    }

    /** The outcome of one rate. */
    record Result(
            int rate,
            int seconds,
            int sent,
            int accepted,
            int errors,
            Histogram intakeMicros,
            Histogram webhookMicros,
            int notDelivered) {}

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--burst") || List.of(args).contains("--urgent-behind")) {
            DrainBenchmark.main(args);
            return;
        }
        if (List.of(args).contains("--hash-lookup")) {
            HashLookupBenchmark.main(args);
            return;
        }
        List<Integer> rates = new ArrayList<>();
        int duration = 60;
        int warmup = 15;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--duration" -> duration = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> rates.add(Integer.parseInt(args[i]));
            }
        }
        if (rates.isEmpty()) {
            rates = List.of(100, 300);
        }
        Benchmark benchmark = forStack(StackSettings.fromEnvironment());

        System.out.printf(
                "Machine: %d cores, JVM %s, %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("os.name"));
        if (warmup > 0) {
            System.out.printf("Warm-up: 50 reports/s for %d s (not reported)%n", warmup);
            benchmark.run(50, warmup);
        }
        List<Result> results = new ArrayList<>();
        for (int rate : rates) {
            System.out.printf("Running %d reports/s for %d s ...%n", rate, duration);
            results.add(benchmark.run(rate, duration));
        }
        System.out.println();
        System.out.println("| rate/s | sent | 202 | errors | intake p50 ms | intake p99 ms | intake max ms "
                + "| webhook p50 ms | webhook p99 ms | webhook max ms | no webhook |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(
                    "| %d | %d | %d | %d | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f | %d |%n",
                    r.rate(),
                    r.sent(),
                    r.accepted(),
                    r.errors(),
                    ms(r.intakeMicros(), 50),
                    ms(r.intakeMicros(), 99),
                    r.intakeMicros().getMaxValue() / 1000.0,
                    ms(r.webhookMicros(), 50),
                    ms(r.webhookMicros(), 99),
                    r.webhookMicros().getMaxValue() / 1000.0,
                    r.notDelivered());
        }
    }

    private Result run(int rate, int seconds) throws Exception {
        Histogram intakeMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        Map<String, Long> sentAtMicros = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        Instant firstSend = Instant.now();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long dueWallMicros = micros(Instant.now()) - (System.nanoTime() - due) / 1000;
            inFlight.add(client.sendAsync(request(i, "NORMAL"), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        intakeMicros.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                        if (failure != null || response.statusCode() != 202) {
                            errors.incrementAndGet();
                            return;
                        }
                        accepted.incrementAndGet();
                        sentAtMicros.put(reportId(response.body()), dueWallMicros);
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                .handle((v, e) -> null)
                .get(2, TimeUnit.MINUTES);

        Histogram webhookMicros = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        Map<String, Long> firstAlert = awaitAlerts(sentAtMicros.keySet(), firstSend, Duration.ofSeconds(60));
        int notDelivered = 0;
        for (Map.Entry<String, Long> sent : sentAtMicros.entrySet()) {
            Long alerted = firstAlert.get(sent.getKey());
            if (alerted == null) {
                notDelivered++;
            } else {
                webhookMicros.recordValue(Math.max(0, alerted - sent.getValue()));
            }
        }
        return new Result(
                rate, seconds, total, accepted.get(), errors.get(), intakeMicros, webhookMicros, notDelivered);
    }

    /** First alert per report id, waiting until every report has one or the timeout passes. */
    private Map<String, Long> awaitAlerts(Set<String> reportIds, Instant since, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Long> first = firstAlerts(since);
            if (first.keySet().containsAll(reportIds) || System.nanoTime() > deadline) {
                return first;
            }
            Thread.sleep(1_000);
        }
    }

    /**
     * When the demo inbox received the first validly signed alert naming each report, in epoch microseconds; only
     * alerts received at or after {@code since} count.
     */
    Map<String, Long> firstAlerts(Instant since) throws IOException, InterruptedException {
        Map<String, Long> first = new HashMap<>();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(inbox + "/received"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode alert : JSON.readTree(response.body())) {
            Instant at = Instant.parse(alert.get("receivedAt").asText());
            if (at.isBefore(since) || !alert.path("signatureValid").asBoolean()) {
                continue;
            }
            for (JsonNode id : alert.path("reportIds")) {
                first.merge(id.asText(), micros(at), Math::min);
            }
        }
        return first;
    }

    /** Sends one report asynchronously; the future completes with intake's answer. */
    CompletableFuture<HttpResponse<String>> send(int i, String urgency) {
        return client.sendAsync(request(i, urgency), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The {@code i}-th report of this run: a realistic body whose content URL is new to this run, so routing opens
     * a case for it rather than linking it to an earlier one.
     */
    private HttpRequest request(int i, String urgency) {
        String body = LoadReports.body(
                i, "bench-" + i, urgency, " (bản ghi thử tải số " + i + ")", runId + "-" + sequence.incrementAndGet());
        return LoadReports.submit(intake, token, Duration.ofSeconds(30), body);
    }

    static String reportId(String body) {
        try {
            return JSON.readTree(body).get("reportId").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable 202 body", e);
        }
    }

    static long micros(Instant instant) {
        return TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1_000;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
