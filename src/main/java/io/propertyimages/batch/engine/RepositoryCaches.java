package io.propertyimages.batch.engine;

import java.util.Collection;
import java.util.Set;

import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;

import org.jberet.repository.JobExecutionSelector;
import org.jberet.repository.JobRepository;

/**
 * Makes JBeret's repository forget executions and job instances whose rows were deleted behind its back: its
 * JdbcRepository keeps those it has read or created in caches (AbstractPersistentRepository) and answers
 * {@code getJobExecution} and {@code getJobInstance} from there first, so a purged execution would still be found.
 */
final class RepositoryCaches {
    private RepositoryCaches() {
    }

    static void forget(JobRepository repository, Collection<Long> executionIds, Collection<Long> instanceIds) {
        repository.removeJobExecutions(new ExecutionIds(Set.copyOf(executionIds)));
        instanceIds.forEach(repository::removeJobInstance);
    }

    /** Selects the executions of these ids; the job and step contexts, which JBeret's PurgeBatchlet sets, are not used. */
    private static final class ExecutionIds implements JobExecutionSelector {
        private final Set<Long> ids;

        ExecutionIds(Set<Long> ids) {
            this.ids = ids;
        }

        @Override
        public boolean select(JobExecution jobExecution, Collection<Long> allJobExecutionIds) {
            return ids.contains(jobExecution.getExecutionId());
        }

        @Override
        public JobContext getJobContext() {
            return null;
        }

        @Override
        public void setJobContext(JobContext jobContext) {
            throw new UnsupportedOperationException("not a batch artifact");
        }

        @Override
        public StepContext getStepContext() {
            return null;
        }

        @Override
        public void setStepContext(StepContext stepContext) {
            throw new UnsupportedOperationException("not a batch artifact");
        }
    }
}
