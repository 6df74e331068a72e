package io.propertyimages.download;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.apache.http.conn.DnsResolver;

/**
 * The resolver of the downloads' connections ({@link CheckedHttpEngine}): the addresses it checks against the
 * {@link HostPolicy} are the very ones the connection is then made to, on every hop, so a name whose answer changes
 * after an earlier check (DNS rebinding) cannot lead a download to an internal address.
 */
final class CheckedResolver implements DnsResolver {
    private final HostPolicy hosts;
    private final NameResolver names;

    CheckedResolver(HostPolicy hosts, NameResolver names) {
        this.hosts = hosts;
        this.names = names;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = names.resolve(host);
        Optional<String> refusal = hosts.refusal(host, addresses);
        if (refusal.isPresent()) {
            throw new HostRefusedException(refusal.get());
        }
        return addresses;
    }
}
