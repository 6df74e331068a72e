package io.propertyimages.download;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS that rebinds one name: it answers 93.184.216.34 (public) for it the first time in every two, and 127.0.0.1
 * the second; every other name is 127.0.0.1, where the tests' servers listen. Nothing may ever connect to the public
 * address: only the check of a URL looks at it.
 */
public final class RebindingResolver implements NameResolver {
    private final String rebinding;
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    public RebindingResolver(String rebinding) {
        this.rebinding = rebinding;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        int lookup = lookups.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        boolean publicAnswer = host.equals(rebinding) && lookup % 2 == 1;
        byte[] address = publicAnswer ? new byte[] {93, (byte) 184, (byte) 216, 34} : new byte[] {127, 0, 0, 1};
        return new InetAddress[] {InetAddress.getByAddress(host, address)};
    }

    int lookups(String host) {
        return lookups.getOrDefault(host, new AtomicInteger()).get();
    }
}
