package io.propertyimages.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HostPolicyTest {
    @ParameterizedTest(name = "{0} with allow-list \"{1}\": allowed {2}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1/a.jpg||false",
            "http://127.0.0.1/a.jpg|127.0.0.1|true",
            "http://127.0.0.2/a.jpg|127.0.0.0/8|true",
            "http://10.1.2.3/a.jpg||false",
            "http://10.1.2.3/a.jpg|10.1.0.0/16|true",
            "http://10.2.2.3/a.jpg|10.1.0.0/16|false",
            "http://172.16.5.4/a.jpg||false",
            "http://192.168.1.1/a.jpg||false",
            "http://169.254.169.254/latest/meta-data/||false",
            "http://100.64.1.1/a.jpg||false",
            "http://0.0.0.0/a.jpg||false",
            "http://[::1]/a.jpg||false",
            "http://[::1]/a.jpg|::1|true",
            "http://[fd00::1]/a.jpg||false",
            "http://[fe80::1]/a.jpg||false",
            "http://8.8.8.8/a.jpg||true",
            "http://[2001:4860:4860::8888]/a.jpg||true",
            "http://localhost/a.jpg||false",
            "http://localhost/a.jpg|localhost|true",
    })
    void refusesInternalAddressesUnlessAllowed(String url, String allowList, boolean allowed) throws Exception {
        Optional<String> refusal = HostPolicy.allowing(allowList).refusal(URI.create(url), NameResolver.SYSTEM);

        assertEquals(allowed, refusal.isEmpty(), refusal.orElse("allowed"));
    }

    @Test
    void namesAnAllowListEntryItCannotRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostPolicy.allowing("10.0.0.0/40"));

        assertEquals("prefix out of range in 10.0.0.0/40", e.getMessage());
    }
}
