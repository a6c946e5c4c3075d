package vn.childsafe.local.stack;

import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/run.sh}: starts the local stack, prints where everything is, and stops every process it
 * started on Ctrl-C or SIGTERM.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        StackSettings settings = StackSettings.fromEnvironment();
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalStack.log("Stopping ...");
            stack.close();
            LocalStack.log("Stopped.");
            stopped.countDown();
        }, "childsafe-stop"));
        LocalStack.log(String.format("Up in %.1f s.", (System.nanoTime() - started) / 1e9));
        LocalStack.log("Demo tokens:  " + settings.dataDir().resolve("demo-tokens.json"));
        LocalStack.log("Unit inbox:   " + stack.inboxUrl() + "/received");
        LocalStack.log("Service logs: " + settings.dataDir().resolve("logs"));
        LocalStack.log("Press Ctrl-C to stop.");
        stopped.await();
    }
}
