package io.propertyimages.download;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which hosts downloads may reach. A URL whose host resolves to a loopback, private, link-local (cloud metadata),
 * shared or otherwise internal address is refused, so an input file cannot turn the server against its own
 * network, unless the host name, the address or a range holding it is on the allow-list.
 * <p>
 * {@link ImageDownloader} checks each hop's URL before it asks for it, for a clear reason up front, and the
 * connection checks again the addresses it is about to connect to ({@link CheckedResolver}): a name whose answer
 * changes between the two (DNS rebinding) is refused there.
 */
public final class HostPolicy {
    private final List<String> allowedNames;
    private final List<AddressRange> allowedRanges;

    private HostPolicy(List<String> allowedNames, List<AddressRange> allowedRanges) {
        this.allowedNames = allowedNames;
        this.allowedRanges = allowedRanges;
    }

    /**
     * @param allowList comma-separated host names, addresses or CIDR ranges (e.g. {@code 127.0.0.1,10.1.0.0/16}); blank
     *                  for none
     * @throws IllegalArgumentException naming an entry that is neither
     */
    public static HostPolicy allowing(String allowList) {
        List<String> names = new ArrayList<>();
        List<AddressRange> ranges = new ArrayList<>();
        for (String raw : allowList == null ? new String[0] : allowList.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (AddressRange.looksLikeAddress(entry)) {
                ranges.add(AddressRange.parse(entry));
            } else {
                names.add(entry);
            }
        }
        return new HostPolicy(List.copyOf(names), List.copyOf(ranges));
    }

    /** The reason the URL may not be fetched, its host resolved by {@code names}, or empty when it may. */
    Optional<String> refusal(URI url, NameResolver names) throws UnknownHostException {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("no host in " + url);
        }
        String name = bare(host);
        return allowedNames.contains(name) ? Optional.empty() : refusal(host, names.resolve(name));
    }

    /** The reason {@code host} may not be reached at {@code addresses}, or empty when it may. */
    Optional<String> refusal(String host, InetAddress[] addresses) {
        if (allowedNames.contains(bare(host))) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (isInternal(address) && allowedRanges.stream().noneMatch(range -> range.contains(address))) {
                return Optional.of("refused: " + host + " is " + describe(address)
                        + " (allow it with the server variable download.allowed.hosts)");
            }
        }
        return Optional.empty();
    }

    /** The host in lower case, an IPv6 address without its brackets. */
    private static String bare(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }

    static boolean isInternal(InetAddress address) {
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || AddressRange.INTERNAL.stream()
                .anyMatch(range -> range.contains(address));
    }

    private static String describe(InetAddress address) {
        String kind = address.isLoopbackAddress() ? "a loopback address"
                : address.isLinkLocalAddress() ? "a link-local address"
                : address.isSiteLocalAddress() ? "a private address"
                : "an internal address";
        return kind + " (" + address.getHostAddress() + ")";
    }
}
