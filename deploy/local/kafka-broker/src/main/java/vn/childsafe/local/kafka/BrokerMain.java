package vn.childsafe.local.kafka;

/**
 * Entry point of the local Kafka broker JVM: runs Apache Kafka's own {@code kafka.Kafka} main, and exits when
 * the process that started it is gone, so that a killed stack or test run never leaves a broker behind.
 *
 * <p>Arguments: the parent's process id, then the broker's {@code server.properties}.
 */
public final class BrokerMain {

    private BrokerMain() {}

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid)
                .ifPresentOrElse(
                        parent -> parent.onExit()
                                .thenRun(() -> Runtime.getRuntime().halt(0)),
                        () -> Runtime.getRuntime().halt(0));
        kafka.Kafka.main(new String[] {args[1]});
    }
}
