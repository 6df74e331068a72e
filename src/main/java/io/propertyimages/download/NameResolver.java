package io.propertyimages.download;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into its addresses: the system's resolver, or one a test controls. */
@FunctionalInterface
interface NameResolver {
    NameResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
