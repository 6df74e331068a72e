package io.propertyimages.monitoring;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * The {@code jobs.running} gauge: executions of any job that the job repository shows starting, started or stopping,
 * read when the metrics are, so it is right however a job ended.
 */
@ApplicationScoped
public class RunningJobsGauge {
    private static final Logger LOG = Logger.getLogger(RunningJobsGauge.class.getName());

    @Inject
    MetricRegistry registry;

    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    void register(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        registry.gauge(Metadata.builder().withName("jobs.running")
                .withDescription("Job executions starting, started or stopping in the job repository")
                .withUnit(MetricUnits.NONE).build(), this::count);
    }

    /** The count, or -1 when the repository cannot be read (readiness then says why). */
    long count() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT COUNT(*) FROM JOB_EXECUTION WHERE BATCHSTATUS IN ('STARTING', 'STARTED', 'STOPPING')")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "jobs.running unreadable", e);
            return -1;
        }
    }
}
