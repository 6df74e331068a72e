package io.propertyimages.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.propertyimages.store.FolderLocks;
import io.propertyimages.store.PropertyFolderLocks;

/**
 * The servers that share this server's job repository, as far as this server is concerned: who it is, whether others
 * can be there at all (a PostgreSQL repository; an H2 file is this server's alone), the leases that say which server
 * owns an execution or runs a partition, and the folder locks they all respect.
 */
@ApplicationScoped
public class Cluster {
    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());

    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    @ConfigProperty(name = "server.id")
    Optional<String> configuredServerId;

    @Inject
    @ConfigProperty(name = "images.root")
    String imagesRoot;

    @Inject
    @ConfigProperty(name = "cluster.check.seconds")
    int checkSeconds;

    private String serverId;
    private boolean shared;
    private Leases leases;
    private FolderLocks folderLocks;

    @PostConstruct
    void start() {
        serverId = configuredServerId.map(String::strip).filter(id -> !id.isEmpty()).orElseGet(this::defaultServerId);
        shared = repositoryIsPostgreSql();
        if (shared) {
            leases = new AdvisoryLockLeases(dataSource::getConnection, threadFactory, checkInterval());
            folderLocks = new DatabaseFolderLocks(dataSource, Path.of(imagesRoot), new PropertyFolderLocks());
            LOG.info("Server " + serverId + " shares its PostgreSQL job repository: leases and folder locks are the database's");
        } else {
            leases = new JvmLeases();
            folderLocks = new PropertyFolderLocks();
        }
    }

    @PreDestroy
    void stop() {
        if (leases instanceof AdvisoryLockLeases advisory) {
            advisory.close();
        }
    }

    /** This server's name among those that share the repository: {@code server.id}, else host and Liberty server names. */
    public String serverId() {
        return serverId;
    }

    /** Whether other servers may use this job repository at the same time. */
    public boolean isShared() {
        return shared;
    }

    public Leases leases() {
        return leases;
    }

    public FolderLocks folderLocks() {
        return folderLocks;
    }

    /** How often servers look for work that a dead server left, and check their own database session. */
    public Duration checkInterval() {
        return Duration.ofSeconds(Math.max(1, checkSeconds));
    }

    /** {@code host/server}, with the name Liberty runs the server under ({@code wlp.server.name}). */
    private String defaultServerId() {
        String server = System.getProperty("wlp.server.name", "defaultServer");
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + server;
        } catch (UnknownHostException e) {
            return "localhost/" + server;
        }
    }

    private boolean repositoryIsPostgreSql() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the job repository: " + e.getMessage(), e);
        }
    }
}
