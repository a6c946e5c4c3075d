package vn.childsafe.local.stack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.HdrHistogram.Histogram;

import com.sun.management.OperatingSystemMXBean;

/**
 * Backlog benchmarks against a running local stack: how fast the pipeline drains a batch of reports, and how long
 * urgent reports wait behind such a batch. Both first measure this machine's {@link DatabaseFloor} so that every
 * figure can be read against what PostgreSQL could do at best, and write an SVG chart of the run.
 *
 * <ul>
 * <li>{@code --burst N}: posts N reports as fast as intake accepts them with at most {@code --concurrency}
 * requests in flight, then waits until every accepted report has a case and every alert of those cases is
 * settled. Prints when each stage finished and its throughput: accepted (202), published to Kafka (intake's
 * outbox), routed (routing's case_report), alerts created and delivered (notify's delivery), first alert at the
 * demo inbox.</li>
 * <li>{@code --urgent-behind N [--urgent M]}: the same bulk of N NORMAL reports, then at once M IMMEDIATE_DANGER
 * reports one every {@code --urgent-every-ms}; prints the urgent ones' latency from the moment each was due to
 * its case being routed and to its first signed alert, and how long the bulk took to drain.</li>
 * </ul>
 * Options: {@code --concurrency C} (64), {@code --timeout SECONDS} to stop waiting for the drain (240),
 * {@code --urgent M} (20), {@code --urgent-every-ms MS} (250), {@code --chart PATH} (under
 * {@code deploy/local/.data/bench/}), {@code --floor-seconds S} (10, 0 skips the floor), {@code --floor-clients C}
 * (8).
 *
 * <p>Reports are identified by the {@code reportId} of their 202 answers; their stages are read from the services'
 * databases by {@link StageProbe}. Service timestamps and this JVM's clock are the same machine's clock.
 */
public final class DrainBenchmark {

    private static final String[] STAGES = {
        "accepted (202)",
        "published to Kafka",
        "routed (case)",
        "alerts created",
        "alerts delivered (notify)",
        "first alert at inbox"
    };

    private final StackSettings settings;
    private final Benchmark client;
    private final Options options;

    /** The command line. */
    record Options(
            int burst,
            int urgentBehind,
            int urgent,
            int urgentEveryMs,
            int concurrency,
            int timeoutSeconds,
            Path chart,
            int floorSeconds,
            int floorClients) {

        static Options parse(String[] args, Path dataDir) {
            int burst = 0;
            int behind = 0;
            int urgent = 20;
            int every = 250;
            int concurrency = 64;
            int timeout = 240;
            Path chart = null;
            int floorSeconds = 10;
            int floorClients = 8;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--burst" -> burst = Integer.parseInt(args[++i]);
                    case "--urgent-behind" -> behind = Integer.parseInt(args[++i]);
                    case "--urgent" -> urgent = Integer.parseInt(args[++i]);
                    case "--urgent-every-ms" -> every = Integer.parseInt(args[++i]);
                    case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                    case "--timeout" -> timeout = Integer.parseInt(args[++i]);
                    case "--chart" -> chart = Path.of(args[++i]);
                    case "--floor-seconds" -> floorSeconds = Integer.parseInt(args[++i]);
                    case "--floor-clients" -> floorClients = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
                }
            }
            if ((burst > 0) == (behind > 0)) {
                throw new IllegalArgumentException("Give exactly one of --burst N and --urgent-behind N");
            }
            if (chart == null) {
                String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
                chart = dataDir.resolve("bench").resolve((burst > 0 ? "burst-" : "urgent-behind-") + stamp + ".svg");
            }
            return new Options(burst, behind, urgent, every, concurrency, timeout, chart, floorSeconds, floorClients);
        }
    }

    /** One accepted report: when it was due (or sent), when intake answered 202. */
    record Sent(UUID reportId, Instant due, Instant accepted) {

        long intakeMicros() {
            return micros(due, accepted);
        }
    }

    /** One row of the stage table: how many reports reached the stage and when the last one did. */
    record StageResult(String name, int reached, int of, double finishedSeconds) {

        double perSecond() {
            return finishedSeconds > 0 ? reached / finishedSeconds : 0;
        }
    }

    private DrainBenchmark(StackSettings settings, Benchmark client, Options options) {
        this.settings = settings;
        this.client = client;
        this.options = options;
    }

    /** Entry point for {@code bench.sh --burst ...} and {@code bench.sh --urgent-behind ...}. */
    public static void main(String[] args) throws Exception {
        StackSettings settings = StackSettings.fromEnvironment();
        Options options = Options.parse(args, settings.dataDir());
        new DrainBenchmark(settings, Benchmark.forStack(settings), options).run();
    }

    private void run() throws Exception {
        String machine = machine();
        System.out.println("Machine: " + machine);
        DatabaseFloor.Result floor = null;
        if (options.floorSeconds() > 0) {
            System.out.printf(
                    "Floor: %d clients committing two-row transactions for %d s ...%n",
                    options.floorClients(), options.floorSeconds());
            floor = DatabaseFloor.measure(settings, options.floorClients(), Duration.ofSeconds(options.floorSeconds()));
            System.out.printf(
                    "Floor: %.0f tx/s (commit p50 %.1f ms, p99 %.1f ms); PostgreSQL %s, fsync=%s, "
                            + "synchronous_commit=%s, wal_sync_method=%s%n",
                    floor.perSecond(),
                    ms(floor.commitMicros(), 50),
                    ms(floor.commitMicros(), 99),
                    floor.serverVersion(),
                    floor.fsync(),
                    floor.synchronousCommit(),
                    floor.walSyncMethod());
        }
        try (StageProbe probe = new StageProbe(settings)) {
            if (options.burst() > 0) {
                burst(probe, machine, floor);
            } else {
                urgentBehind(probe, machine, floor);
            }
        }
    }

    private void burst(StageProbe probe, String machine, DatabaseFloor.Result floor) throws Exception {
        int n = options.burst();
        System.out.printf("Burst: posting %d reports, at most %d in flight ...%n", n, options.concurrency());
        Instant t0 = Instant.now();
        List<Sent> sent = postBulk(n, "NORMAL", 0);
        System.out.printf(
                "Burst: %d accepted in %.1f s; waiting for the drain (at most %d s) ...%n",
                sent.size(), seconds(t0, Instant.now()), options.timeoutSeconds());
        List<UUID> ids = sent.stream().map(Sent::reportId).toList();
        awaitDrain(probe, ids, t0);
        Map<String, Long> inbox = client.firstAlerts(t0);

        Map<String, List<Instant>> stages = stageTimes(probe, sent, inbox);
        List<StageResult> table = stageTable(stages, sent.size(), t0);
        Histogram intake = histogram(sent, Sent::intakeMicros);
        Function<Sent, Long> toAllAlerts = toAllAlerts(probe);
        Histogram toAlerts = histogram(sent, toAllAlerts);

        StringBuilder md =
                header("Burst of " + n + " reports, " + options.concurrency() + " requests in flight", machine, floor);
        md.append("| stage | reports | finished at (s) | reports/s | × floor |\n|---|---|---|---|---|\n");
        for (StageResult r : table) {
            md.append(stageRow(r, floor));
        }
        md.append("\n| latency | n | p50 | p99 | max | p50 × floor commit |\n|---|---|---|---|---|---|\n");
        md.append(latencyRow("intake (send → 202)", intake, floor));
        md.append(latencyRow("report → all alerts of its case delivered", toAlerts, floor));
        finish(
                md,
                List.of(
                        new SvgChart.Panel(
                                "Throughput per stage (reports/s, 1 s bins)", "reports/s", rateSeries(stages, t0)),
                        new SvgChart.Panel(
                                "Intake latency by send time (send → 202)",
                                "ms",
                                latencySeries(sent, t0, Sent::intakeMicros, 1_000.0)),
                        new SvgChart.Panel(
                                "Report → all alerts of its case delivered, by send time",
                                "s",
                                latencySeries(sent, t0, toAllAlerts, 1_000_000.0))),
                "Burst of " + n + " reports");
    }

    private void urgentBehind(StageProbe probe, String machine, DatabaseFloor.Result floor) throws Exception {
        int n = options.urgentBehind();
        int m = options.urgent();
        System.out.printf(
                "Urgent behind backlog: posting %d NORMAL reports, at most %d in flight ...%n",
                n, options.concurrency());
        Instant t0 = Instant.now();
        List<Sent> bulk = postBulk(n, "NORMAL", 0);
        System.out.printf(
                "Bulk: %d accepted in %.1f s; now %d IMMEDIATE_DANGER reports, one every %d ms ...%n",
                bulk.size(), seconds(t0, Instant.now()), m, options.urgentEveryMs());
        List<Sent> urgent = postSpread(m, "IMMEDIATE_DANGER", n, Duration.ofMillis(options.urgentEveryMs()));
        List<UUID> ids = new ArrayList<>(bulk.stream().map(Sent::reportId).toList());
        ids.addAll(urgent.stream().map(Sent::reportId).toList());
        System.out.printf(
                "Urgent: %d accepted; waiting for the drain (at most %d s) ...%n",
                urgent.size(), options.timeoutSeconds());
        awaitDrain(probe, ids, t0);
        Map<String, Long> inbox = client.firstAlerts(t0);

        Map<String, List<Instant>> bulkStages = stageTimes(probe, bulk, inbox);
        List<StageResult> bulkTable = stageTable(bulkStages, bulk.size(), t0);
        Histogram intake = histogram(urgent, Sent::intakeMicros);
        Function<Sent, Long> toRouted = s -> {
            StageProbe.Routed r = probe.routed(s.reportId());
            return r == null ? -1 : micros(s.due(), r.at());
        };
        Function<Sent, Long> toFirstAlert = s -> {
            Long at = inbox.get(s.reportId().toString());
            return at == null ? -1 : at - Benchmark.micros(s.due());
        };
        Function<Sent, Long> toAllAlerts = toAllAlerts(probe);

        StringBuilder md = header(
                m + " IMMEDIATE_DANGER reports behind " + n + " NORMAL ones (one every " + options.urgentEveryMs()
                        + " ms, right after the bulk was accepted)",
                machine,
                floor);
        md.append("| urgent latency (from due time) | n | p50 | p99 | max | p50 × floor commit |\n"
                + "|---|---|---|---|---|---|\n");
        md.append(latencyRow("intake (→ 202)", intake, floor));
        md.append(latencyRow("→ case routed (routing case_report.linked_at)", histogram(urgent, toRouted), floor));
        md.append(latencyRow("→ first signed alert at the demo inbox", histogram(urgent, toFirstAlert), floor));
        md.append(latencyRow("→ all alerts of the case delivered (notify)", histogram(urgent, toAllAlerts), floor));
        md.append("\nBulk of ")
                .append(n)
                .append(" NORMAL reports:\n\n"
                        + "| stage | reports | finished at (s) | reports/s | × floor |\n|---|---|---|---|---|\n");
        for (StageResult r : bulkTable) {
            md.append(stageRow(r, floor));
        }
        StageResult drained = bulkTable.get(4);
        md.append(String.format(
                Locale.ROOT,
                "%nThe bulk %s after %.1f s (%d of %d reports' alerts delivered).%n",
                drained.reached() == drained.of() ? "drained" : "had NOT drained",
                drained.finishedSeconds(),
                drained.reached(),
                drained.of()));
        finish(
                md,
                List.of(
                        new SvgChart.Panel(
                                "Bulk throughput per stage (reports/s, 1 s bins)",
                                "reports/s",
                                rateSeries(bulkStages, t0)),
                        new SvgChart.Panel(
                                "Urgent reports: latency from due time, by due time",
                                "s",
                                List.of(
                                        dots("→ case routed", urgent, t0, toRouted),
                                        dots("→ first alert at inbox", urgent, t0, toFirstAlert),
                                        dots("→ all alerts delivered", urgent, t0, toAllAlerts))),
                        new SvgChart.Panel(
                                "Bulk intake latency by send time (send → 202)",
                                "ms",
                                latencySeries(bulk, t0, Sent::intakeMicros, 1_000.0))),
                m + " urgent reports behind " + n + " normal ones");
    }

    /** Microseconds from a report's due time until every alert of its case was delivered; -1 if not (yet). */
    private static Function<Sent, Long> toAllAlerts(StageProbe probe) {
        return s -> {
            StageProbe.CaseAlerts a = probe.alerts(s.reportId());
            return a != null && a.settled() && a.lastDelivered() != null ? micros(s.due(), a.lastDelivered()) : -1;
        };
    }

    /**
     * Posts {@code count} reports as fast as intake answers, never more than {@code --concurrency} at once.
     * Latency is counted from each request's send: in a closed loop there is no earlier due time.
     */
    private List<Sent> postBulk(int count, String urgency, int firstIndex) throws InterruptedException {
        Semaphore slots = new Semaphore(options.concurrency());
        ConcurrentLinkedQueue<Sent> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            Instant sentAt = Instant.now();
            client.send(firstIndex + i, urgency).whenComplete((response, failure) -> {
                try {
                    if (failure == null && response.statusCode() == 202) {
                        accepted.add(
                                new Sent(UUID.fromString(Benchmark.reportId(response.body())), sentAt, Instant.now()));
                    } else {
                        errors.incrementAndGet();
                        firstError.compareAndSet(
                                null,
                                failure != null ? failure.toString() : response.statusCode() + " " + response.body());
                    }
                } finally {
                    slots.release();
                }
            });
        }
        slots.acquire(options.concurrency());
        if (errors.get() > 0) {
            System.out.printf(
                    "  %d of %d requests were not accepted; first: %s%n", errors.get(), count, firstError.get());
        }
        return new ArrayList<>(accepted);
    }

    /** Posts {@code count} reports at a fixed interval (open model: latency counts from each due time). */
    private List<Sent> postSpread(int count, String urgency, int firstIndex, Duration every) throws Exception {
        ConcurrentLinkedQueue<Sent> accepted = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        Instant startWall = Instant.now();
        for (int i = 0; i < count; i++) {
            long dueNanos = start + i * every.toNanos();
            long wait = dueNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Instant due = startWall.plusNanos(dueNanos - start);
            int index = firstIndex + i;
            inFlight.add(client.send(index, urgency).whenComplete((response, failure) -> {
                if (failure == null && response.statusCode() == 202) {
                    accepted.add(new Sent(UUID.fromString(Benchmark.reportId(response.body())), due, Instant.now()));
                } else {
                    System.out.printf(
                            "  report %d (%s) not accepted: %s%n",
                            index, urgency, failure != null ? failure : response.statusCode() + " " + response.body());
                }
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                .handle((v, e) -> null)
                .get(2, TimeUnit.MINUTES);
        return new ArrayList<>(accepted);
    }

    /** Polls the databases until every report's alerts are settled or the timeout passes; prints progress. */
    private void awaitDrain(StageProbe probe, List<UUID> ids, Instant t0) throws Exception {
        Instant deadline = Instant.now().plusSeconds(options.timeoutSeconds());
        Instant nextPrint = Instant.now();
        while (true) {
            probe.poll(ids);
            int open = probe.notDrained(ids).size();
            if (open == 0 || Instant.now().isAfter(deadline) || !Instant.now().isBefore(nextPrint)) {
                long published =
                        ids.stream().filter(id -> probe.published(id) != null).count();
                long routed =
                        ids.stream().filter(id -> probe.routed(id) != null).count();
                System.out.printf(
                        "  t=%5.0f s: published %d, routed %d, alerts settled %d of %d%n",
                        seconds(t0, Instant.now()), published, routed, ids.size() - open, ids.size());
                nextPrint = Instant.now().plusSeconds(15);
            }
            if (open == 0) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                System.out.printf(
                        "  Stopped waiting after %d s: %d reports not drained%n", options.timeoutSeconds(), open);
                return;
            }
            Thread.sleep(2_000);
        }
    }

    /** Per stage, the time each report reached it ({@code null}: not reached), in {@link #STAGES} order. */
    private static Map<String, List<Instant>> stageTimes(StageProbe probe, List<Sent> sent, Map<String, Long> inbox) {
        Map<String, List<Instant>> stages = new LinkedHashMap<>();
        for (String stage : STAGES) {
            stages.put(stage, new ArrayList<>());
        }
        for (Sent s : sent) {
            StageProbe.Routed routed = probe.routed(s.reportId());
            StageProbe.CaseAlerts alerts = probe.alerts(s.reportId());
            Long firstAlert = inbox.get(s.reportId().toString());
            stages.get(STAGES[0]).add(s.accepted());
            stages.get(STAGES[1]).add(probe.published(s.reportId()));
            stages.get(STAGES[2]).add(routed == null ? null : routed.at());
            stages.get(STAGES[3]).add(alerts == null ? null : alerts.lastCreated());
            stages.get(STAGES[4]).add(alerts != null && alerts.settled() ? alerts.lastDelivered() : null);
            stages.get(STAGES[5]).add(firstAlert == null ? null : Instant.EPOCH.plus(firstAlert, ChronoUnit.MICROS));
        }
        return stages;
    }

    private static List<StageResult> stageTable(Map<String, List<Instant>> stages, int of, Instant t0) {
        List<StageResult> rows = new ArrayList<>();
        stages.forEach((name, times) -> {
            List<Instant> reached = times.stream().filter(t -> t != null).toList();
            double finished =
                    reached.stream().mapToDouble(t -> seconds(t0, t)).max().orElse(0);
            rows.add(new StageResult(name, reached.size(), of, finished));
        });
        return rows;
    }

    private static List<SvgChart.Series> rateSeries(Map<String, List<Instant>> stages, Instant t0) {
        List<SvgChart.Series> series = new ArrayList<>();
        stages.forEach((name, times) -> {
            TreeMap<Integer, Integer> bins = new TreeMap<>();
            for (Instant t : times) {
                if (t != null) {
                    bins.merge((int) Math.floor(seconds(t0, t)), 1, Integer::sum);
                }
            }
            if (bins.isEmpty()) {
                return;
            }
            // Every second from 0 to the last, so that idle seconds show as 0 rather than being bridged.
            int last = bins.lastKey();
            double[] xs = new double[last + 1];
            double[] ys = new double[last + 1];
            for (int s = 0; s <= last; s++) {
                xs[s] = s + 0.5;
                ys[s] = bins.getOrDefault(s, 0);
            }
            series.add(new SvgChart.Series(name, xs, ys, false));
        });
        return series;
    }

    /** p50 and max per second of send time of {@code latency} (microseconds, negative: none), scaled. */
    private static List<SvgChart.Series> latencySeries(
            List<Sent> sent, Instant t0, Function<Sent, Long> latency, double unit) {
        TreeMap<Integer, List<Long>> bins = new TreeMap<>();
        for (Sent s : sent) {
            long value = latency.apply(s);
            if (value >= 0) {
                bins.computeIfAbsent((int) Math.floor(seconds(t0, s.due())), k -> new ArrayList<>())
                        .add(value);
            }
        }
        double[] xs = new double[bins.size()];
        double[] p50 = new double[bins.size()];
        double[] max = new double[bins.size()];
        int i = 0;
        for (Map.Entry<Integer, List<Long>> bin : bins.entrySet()) {
            List<Long> values = bin.getValue();
            Collections.sort(values);
            xs[i] = bin.getKey() + 0.5;
            p50[i] = values.get(values.size() / 2) / unit;
            max[i] = values.get(values.size() - 1) / unit;
            i++;
        }
        return List.of(new SvgChart.Series("p50", xs, p50, false), new SvgChart.Series("max", xs, max, false));
    }

    private static SvgChart.Series dots(String name, List<Sent> sent, Instant t0, Function<Sent, Long> latency) {
        List<double[]> points = new ArrayList<>();
        for (Sent s : sent) {
            long value = latency.apply(s);
            if (value >= 0) {
                points.add(new double[] {seconds(t0, s.due()), value / 1e6});
            }
        }
        return new SvgChart.Series(
                name,
                points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray(),
                true);
    }

    private static Histogram histogram(List<Sent> sent, Function<Sent, Long> micros) {
        Histogram h = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        for (Sent s : sent) {
            long value = micros.apply(s);
            if (value >= 0) {
                h.recordValue(value);
            }
        }
        return h;
    }

    private StringBuilder header(String title, String machine, DatabaseFloor.Result floor) {
        StringBuilder md = new StringBuilder();
        md.append("\n### ").append(title).append("\n\n");
        md.append("Machine: ").append(machine).append("  \n");
        if (floor != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "Floor: %.0f durable two-row transactions/s (%d JDBC clients, "
                            + "%.0f s, commit p50 %.1f ms, p99 %.1f ms); PostgreSQL %s, fsync=%s, synchronous_commit=%s, "
                            + "wal_sync_method=%s. \"× floor\": a throughput divided by the floor's transactions/s, a latency "
                            + "divided by the floor's commit p50.%n%n",
                    floor.perSecond(),
                    floor.clients(),
                    floor.seconds(),
                    ms(floor.commitMicros(), 50),
                    ms(floor.commitMicros(), 99),
                    floor.serverVersion(),
                    floor.fsync(),
                    floor.synchronousCommit(),
                    floor.walSyncMethod()));
            if (!"on".equals(floor.fsync())) {
                // The local stack starts PostgreSQL with -F: commits never wait for the disk, here or in the services.
                md.append("fsync is off on this server, so no commit waits for the disk: the floor (and every stage) "
                        + "is higher than on a production-like server.\n\n");
            }
        } else {
            md.append("Floor: not measured (--floor-seconds 0).\n\n");
        }
        return md;
    }

    private static String stageRow(StageResult r, DatabaseFloor.Result floor) {
        String reached = r.reached() == r.of()
                ? Integer.toString(r.reached())
                : r.reached() + " of " + r.of() + " (not finished)";
        return String.format(
                Locale.ROOT,
                "| %s | %s | %.1f | %.1f | %s |%n",
                r.name(),
                reached,
                r.finishedSeconds(),
                r.perSecond(),
                floor == null ? "–" : String.format(Locale.ROOT, "%.3f", r.perSecond() / floor.perSecond()));
    }

    private static String latencyRow(String name, Histogram h, DatabaseFloor.Result floor) {
        if (h.getTotalCount() == 0) {
            return "| " + name + " | 0 | – | – | – | – |\n";
        }
        double floorMs = floor == null ? 0 : ms(floor.commitMicros(), 50);
        return String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s | %s | %s |%n",
                name,
                h.getTotalCount(),
                duration(ms(h, 50)),
                duration(ms(h, 99)),
                duration(h.getMaxValue() / 1000.0),
                floorMs > 0 ? String.format(Locale.ROOT, "%.0f", ms(h, 50) / floorMs) : "–");
    }

    private void finish(StringBuilder md, List<SvgChart.Panel> panels, String title) throws IOException {
        Files.createDirectories(options.chart().toAbsolutePath().getParent());
        Files.writeString(
                options.chart(),
                SvgChart.render("ChildSafe local stack: " + title, "seconds since the first report was sent", panels));
        md.append("\nChart: `").append(options.chart()).append("`\n");
        System.out.println(md);
    }

    /** Cores, memory, CPU model, JDK and OS: what a figure needs next to it to mean anything. */
    private static String machine() {
        long ram = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> ", " + l.substring(l.indexOf(':') + 1).strip())
                    .orElse("");
        } catch (IOException e) {
            // Not Linux: the model name is a nicety.
        }
        return String.format(
                Locale.ROOT,
                "%d cores%s, %.1f GiB RAM, JDK %s (%s), %s %s",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                ram / (1024.0 * 1024 * 1024),
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("os.name"),
                System.getProperty("os.version"));
    }

    private static String duration(double millis) {
        if (millis >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000);
        }
        return String.format(Locale.ROOT, millis >= 100 ? "%.0f ms" : "%.1f ms", millis);
    }

    private static long micros(Instant from, Instant to) {
        return Math.max(0, Benchmark.micros(to) - Benchmark.micros(from));
    }

    private static double seconds(Instant from, Instant to) {
        return (Benchmark.micros(to) - Benchmark.micros(from)) / 1e6;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
