package vn.childsafe.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

class OutboundUrlPolicyTest {

    /** A DNS under the test's control. */
    private final Map<String, String[]> dns = new ConcurrentHashMap<>();

    private InetAddress[] resolve(String host) throws UnknownHostException {
        String[] ips = dns.get(host);
        if (ips == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] result = new InetAddress[ips.length];
        for (int i = 0; i < ips.length; i++) {
            result[i] = InetAddress.getByName(ips[i]);
        }
        return result;
    }

    private OutboundUrlPolicy production() {
        return new OutboundUrlPolicy(false, List.of(), this::resolve);
    }

    @Test
    void productionRequiresHttpsAndAPublicAddress() {
        dns.put("hook.congan.gov.vn", new String[] {"203.162.4.190"});
        dns.put("localhost", new String[] {"127.0.0.1"});
        OutboundUrlPolicy policy = production();
        assertThat(policy.registrationProblem("https://hook.congan.gov.vn/childsafe"))
                .isNull();
        assertThat(policy.vet("https://hook.congan.gov.vn/childsafe").problem()).isNull();
        assertThat(policy.registrationProblem("http://hook.congan.gov.vn/childsafe"))
                .contains("https");
        assertThat(policy.registrationProblem("http://127.0.0.1:8080/hook")).contains("loopback");
        assertThat(policy.registrationProblem("https://localhost/hook")).isNotNull();
    }

    @Test
    void privateLinkLocalUnspecifiedAndUniqueLocalAddressesAreRefused() {
        OutboundUrlPolicy policy = production();
        for (String url : List.of(
                "https://10.1.2.3/hook",
                "https://172.16.0.1/hook",
                "https://172.31.255.254/",
                "https://192.168.1.10/hook",
                "https://169.254.169.254/latest/meta-data/",
                "https://0.0.0.0/",
                "https://[::]/",
                "https://[fe80::1]/",
                "https://[fd12:3456::1]/",
                "https://[::ffff:10.0.0.1]/",
                "https://100.64.0.1/",
                "https://224.0.0.1/")) {
            assertThat(policy.registrationProblem(url)).as(url).isNotNull();
            assertThat(policy.vet(url).problem()).as(url).isNotNull();
        }
        assertThat(policy.registrationProblem("https://172.32.0.1/"))
                .as("just outside 172.16/12")
                .isNull();
    }

    @Test
    void reservedRangesAndTunnelsToPrivateAddressesAreRefused() {
        OutboundUrlPolicy policy = production();
        for (String url : List.of(
                "https://198.18.0.1/",
                "https://198.19.255.254/",
                "https://192.0.2.10/",
                "https://[64:ff9b::a00:1]/",
                "https://[64:ff9b::a9fe:a9fe]/",
                "https://[64:ff9b:1::1]/",
                "https://[2002:a00:1::1]/",
                "https://[2002:c0a8:101::1]/",
                "https://[2001:0:4136:e378::1]/",
                "https://[2001:db8::1]/")) {
            assertThat(policy.vet(url).problem()).as(url).isNotNull();
        }
        // The same tunnels to a public IPv4 address, and 198.20/16 just outside the benchmarking range, pass.
        for (String url :
                List.of("https://[64:ff9b::cba2:4be]/", "https://[2002:cba2:4be::1]/", "https://198.20.0.1/")) {
            assertThat(policy.vet(url).problem()).as(url).isNull();
        }
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() {
        dns.put("mixed.example.vn", new String[] {"203.162.4.190", "10.0.0.5"});
        assertThat(production().registrationProblem("https://mixed.example.vn/hook"))
                .contains("10.0.0.5");
    }

    @Test
    void dnsRebindingIsCaughtAtSendTime() {
        dns.put("rebind.example.vn", new String[] {"203.162.4.190"});
        OutboundUrlPolicy policy = production();
        assertThat(policy.registrationProblem("https://rebind.example.vn/hook")).isNull();

        dns.put("rebind.example.vn", new String[] {"169.254.169.254"});

        assertThat(policy.vet("https://rebind.example.vn/hook").problem()).contains("169.254.169.254");
    }

    @Test
    void anUnresolvableHostMayBeRegisteredOverHttpsButNothingIsSentToIt() {
        OutboundUrlPolicy policy = production();
        assertThat(policy.registrationProblem("https://not-yet.example.vn/hook"))
                .isNull();
        assertThat(policy.vet("https://not-yet.example.vn/hook").problem()).contains("does not resolve");
    }

    @Test
    void httpToLoopbackOnlyWhenAllowedAndNeverToOtherAddresses() {
        dns.put("localhost", new String[] {"127.0.0.1", "::1"});
        dns.put("public.example.vn", new String[] {"203.162.4.190"});
        OutboundUrlPolicy dev = new OutboundUrlPolicy(true, List.of(), this::resolve);
        assertThat(dev.registrationProblem("http://127.0.0.1:8080/hooks/CA-01")).isNull();
        assertThat(dev.registrationProblem("http://localhost:8080/hooks/CA-01")).isNull();
        assertThat(dev.registrationProblem("http://[::1]:8080/hooks/CA-01")).isNull();
        assertThat(dev.registrationProblem("http://public.example.vn/hook")).contains("https");
        assertThat(dev.registrationProblem("http://10.0.0.1/hook")).isNotNull();
        assertThat(dev.vet("http://169.254.169.254/latest/meta-data/").problem())
                .isNotNull();
    }

    @Test
    void anAllowListedHostMayUseAPrivateAddressButStillNeedsHttps() {
        dns.put("cong-noi-bo.bocongan.vn", new String[] {"10.20.30.40"});
        OutboundUrlPolicy policy = new OutboundUrlPolicy(false, List.of("Cong-Noi-Bo.BoCongAn.vn"), this::resolve);
        assertThat(policy.vet("https://cong-noi-bo.bocongan.vn/hook").problem()).isNull();
        assertThat(policy.vet("http://cong-noi-bo.bocongan.vn/hook").problem()).contains("https");
        assertThat(policy.vet("https://10.20.30.41/hook").problem()).isNotNull();
    }
}
