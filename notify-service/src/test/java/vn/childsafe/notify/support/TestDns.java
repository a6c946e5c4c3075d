package vn.childsafe.notify.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import vn.childsafe.notify.domain.OutboundUrlPolicy;

/**
 * DNS for tests: names under {@code .example.test} answer what a test set, and count their look-ups; every other
 * name goes to the system resolver. A name that changes its answer stands for a DNS-rebinding attacker.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestDns implements OutboundUrlPolicy.Resolver {

    private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> LOOKUPS = new ConcurrentHashMap<>();

    /** From now on, {@code name} resolves to {@code address}. */
    public static void answer(String name, String address) {
        ANSWERS.put(name, address);
    }

    /** How many times {@code name} was looked up. */
    public static int lookups(String name) {
        AtomicInteger count = LOOKUPS.get(name);
        return count == null ? 0 : count.get();
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (!host.endsWith(".example.test")) {
            return InetAddress.getAllByName(host);
        }
        LOOKUPS.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        String address = ANSWERS.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {
            InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress())
        };
    }
}
