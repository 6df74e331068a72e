package io.propertyimages.batch.engine;

import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.propertyimages.executions.PurgeCriteria;
import io.propertyimages.executions.PurgeResult;
import io.propertyimages.executions.RepositoryPurge;

/** Purges old executions from the job repository, and from the engine's memory of it, so neither shows them again. */
@ApplicationScoped
public class ExecutionPurger {
    private static final Logger LOG = Logger.getLogger(ExecutionPurger.class.getName());

    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    @Inject
    BatchRuntimeBootstrap batch;

    public PurgeResult purge(PurgeCriteria criteria) throws SQLException {
        RepositoryPurge.Purged purged = new RepositoryPurge(dataSource).purge(criteria);
        RepositoryCaches.forget(batch.jobRepository(), purged.executionIds(), purged.instanceIds());
        LOG.info(() -> "Purged " + purged.result() + ": executions " + criteria.statuses() + " that ended before "
                + criteria.endedBefore());
        return purged.result();
    }
}
