package io.propertyimages.monitoring;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the job repository answers a query on JBeret's tables: no job can start or report otherwise. */
@Readiness
@ApplicationScoped
public class JobRepositoryHealthCheck implements HealthCheck {
    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM JOB_INSTANCE")) {
            row.next();
            return HealthCheckResponse.named("job-repository").up()
                    .withData("database", connection.getMetaData().getDatabaseProductName())
                    .withData("jobInstances", row.getLong(1)).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("job-repository").down()
                    .withData("reason", "jdbc/jobRepository cannot be queried: " + e.getMessage()).build();
        }
    }
}
