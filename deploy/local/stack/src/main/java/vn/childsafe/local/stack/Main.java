package vn.childsafe.local.stack;

import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/run.sh}: starts the local stack, prints where everything is, and stops every process it
 * started on Ctrl-C or SIGTERM.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        StackSettings settings = StackSettings.fromEnvironment();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--replicas") && i + 1 < args.length && args[i + 1].matches("[1-9]")) {
                settings = settings.withReplicas(Integer.parseInt(args[++i]));
            } else if (args[i].equals("--infra-only")) {
                settings = settings.withReplicas(0);
            } else {
                System.err.println("""
                        Usage: deploy/local/run.sh [--replicas N | --infra-only]
                          --replicas N  run N instances of each service (1-9; the second on ports 8181-8183,
                                        management 9181-9183), against the same PostgreSQL and Kafka
                          --infra-only  PostgreSQL, Kafka, the demo inbox and demo tokens, no service: run one
                                        with ./mvnw quarkus:dev -pl <service> (README.md, "One service in dev mode")
                        Ports, data directory and heap: CHILDSAFE_* variables, see docs/runbook.md.""");
                System.exit(args[i].equals("--help") || args[i].equals("-h") ? 0 : 2);
            }
        }
        long started = System.nanoTime();
        LocalStack stack;
        try {
            stack = LocalStack.start(settings);
        } catch (StackLock.AlreadyRunning e) {
            System.err.println("[childsafe] " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LocalStack.log("Stopping ...");
                            stack.close();
                            LocalStack.log("Stopped.");
                            stopped.countDown();
                        },
                        "childsafe-stop"));
        LocalStack.log(String.format("Up in %.1f s.", (System.nanoTime() - started) / 1e9));
        LocalStack.log("Demo tokens:  " + settings.dataDir().resolve("demo-tokens.json"));
        LocalStack.log("Unit inbox:   " + stack.inboxUrl() + "/received");
        LocalStack.log("Service logs: " + settings.dataDir().resolve("logs"));
        LocalStack.log("Press Ctrl-C to stop.");
        stopped.await();
    }
}
