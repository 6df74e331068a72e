package io.propertyimages.download;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import jakarta.ws.rs.client.Client;

/**
 * Jakarta REST clients lent to one download at a time. A client keeps its connections alive between downloads; one
 * whose download must be abandoned mid-body is closed instead of returned, because closing a response would read the
 * rest of the body to keep the connection, and closing the client drops the connection at once.
 */
final class ClientPool implements AutoCloseable {
    private final Supplier<Client> factory;
    private final Queue<Client> idle = new ConcurrentLinkedQueue<>();
    private final Set<Client> open = ConcurrentHashMap.newKeySet();

    ClientPool(Supplier<Client> factory) {
        this.factory = factory;
    }

    Client borrow() {
        Client client = idle.poll();
        if (client == null) {
            client = factory.get();
            open.add(client);
        }
        return client;
    }

    /** Takes a client back, unless it was discarded meanwhile. */
    void release(Client client) {
        if (open.contains(client)) {
            idle.offer(client);
        }
    }

    /** Closes the client and its connections now, for a body not worth reading to the end. */
    void discard(Client client) {
        open.remove(client);
        client.close();
    }

    @Override
    public void close() {
        open.forEach(Client::close);
        open.clear();
        idle.clear();
    }
}
