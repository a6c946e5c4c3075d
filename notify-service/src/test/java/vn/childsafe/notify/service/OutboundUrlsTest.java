package vn.childsafe.notify.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class OutboundUrlsTest {

    @Test
    void aCheckThatHangsOnDnsRefusesTheUrlAtTheTimeout() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            long started = System.nanoTime();
            String problem = OutboundUrls.check(
                            () -> {
                                try {
                                    Thread.sleep(5_000);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return (String) null;
                            },
                            executor,
                            Duration.ofMillis(200),
                            refusal -> refusal)
                    .get(2, TimeUnit.SECONDS);
            assertThat(problem).isEqualTo("its host did not resolve within 200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(OutboundUrls.check(() -> (String) null, Runnable::run, Duration.ofSeconds(1), refusal -> refusal)
                            .get(2, TimeUnit.SECONDS))
                    .isNull();
        } finally {
            executor.shutdownNow();
        }
    }
}
