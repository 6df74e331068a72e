package io.propertyimages.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;

import io.propertyimages.batch.engine.BatchRuntimeBootstrap;
import io.propertyimages.batch.engine.JobExecutions;
import io.propertyimages.cluster.Cluster;

/**
 * Runs the stored schedules: each one waits on the managed scheduled executor {@code concurrent/scheduleExecutor}
 * for its next run; when that comes, the server that {@linkplain ScheduleStore#claim claims} it starts the job
 * through the JobOperator, records the execution, and every server waits for the schedule's new next run. A run that
 * comes while the execution this server last started for the schedule is still running is skipped.
 */
@ApplicationScoped
public class Scheduler {
    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());
    /** How long a schedule waits to try again when the database could not be reached at its run. */
    private static final Duration RETRY_AFTER_STORE_FAILURE = Duration.ofSeconds(30);

    @Resource(lookup = "jdbc/jobRepository")
    DataSource dataSource;

    @Resource(lookup = "concurrent/scheduleExecutor")
    ManagedScheduledExecutorService executor;

    @Resource(lookup = "concurrent/batchExecutor")
    ManagedExecutorService batchExecutor;

    @Inject
    BatchRuntimeBootstrap batch;

    @Inject
    JobExecutions executions;

    @Inject
    Cluster cluster;

    private final Clock clock = Clock.systemUTC();
    private final ZoneId serverZone = ZoneId.systemDefault();
    private final Map<Long, ScheduledFuture<?>> waiting = new ConcurrentHashMap<>();
    /** Held while a run is claimed and started, and while a schedule is deleted, so no run starts after a delete. */
    private final Object runLock = new Object();
    private volatile boolean stopped;
    private ScheduledFuture<?> lookingForNew;
    private ScheduleStore store;

    @PostConstruct
    void open() {
        store = new ScheduleStore(dataSource);
        store.createTableIfMissing();
    }

    /** Runs stop as soon as the application starts stopping, while what they need is still there. */
    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        stopped = true;
        if (lookingForNew != null) {
            lookingForNew.cancel(false);
        }
        waiting.values().forEach(future -> future.cancel(false));
        waiting.clear();
    }

    /** The time zone of cron expressions that name none. */
    public ZoneId serverZone() {
        return serverZone;
    }

    /** The store, for the start-up that declares the server configuration's schedules. */
    ScheduleStore store() {
        return store;
    }

    /**
     * Starts waiting for the next run of every stored schedule. On a repository that other servers share, it looks for
     * the schedules they create every check interval, and waits for those too.
     */
    void startAll() {
        List<Schedule> schedules = store.findAll();
        schedules.forEach(this::awaitNextRun);
        LOG.info("Schedules waiting for their next run: " + schedules.size());
        if (cluster.isShared()) {
            long every = cluster.checkInterval().toMillis();
            lookingForNew = executor.scheduleWithFixedDelay(this::awaitNewSchedules, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void awaitNewSchedules() {
        try {
            store.findAll().stream().filter(schedule -> !waiting.containsKey(schedule.id())).forEach(this::awaitNextRun);
        } catch (ScheduleStoreException e) {
            LOG.log(Level.FINE, "cannot look for new schedules now", e);
        }
    }

    /** Stores a schedule whose definition has been checked, and waits for its first run. */
    public Schedule create(ScheduleDefinition definition) {
        Instant firstRun = ScheduleTiming.of(definition, serverZone).firstRun(clock.instant());
        Schedule schedule = store.insert(definition, firstRun, null);
        awaitNextRun(schedule);
        LOG.info("Schedule " + schedule.id() + " of " + definition.jobName() + " created; first run " + firstRun);
        return schedule;
    }

    public List<Schedule> list() {
        return store.findAll();
    }

    public Optional<Schedule> find(long id) {
        return store.find(id);
    }

    /** @return whether there was such a schedule; once answered, this server starts no more runs of it */
    public boolean delete(long id) {
        synchronized (runLock) {
            boolean deleted = store.delete(id);
            stopWaiting(id);
            return deleted;
        }
    }

    private void awaitNextRun(Schedule schedule) {
        long delay = Math.max(0, Duration.between(clock.instant(), schedule.nextRun()).toMillis());
        waitFor(schedule.id(), schedule.nextRun(), delay);
    }

    private void waitFor(long id, Instant slot, long delayMillis) {
        if (stopped) {
            return;
        }
        ScheduledFuture<?> future = executor.schedule(() -> run(id, slot), delayMillis, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = waiting.put(id, future);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private void stopWaiting(long id) {
        ScheduledFuture<?> future = waiting.remove(id);
        if (future != null) {
            future.cancel(false);
        }
    }

    /** The run due at {@code slot}: started here if this server claims it; then the wait for the next one. */
    private void run(long id, Instant slot) {
        try {
            Optional<Schedule> next;
            synchronized (runLock) {
                if (stopped || serverStopping()) {
                    stopped = true;
                    return;
                }
                Optional<Schedule> current = store.find(id);
                if (current.isPresent() && current.get().nextRun().equals(slot)) {
                    Schedule schedule = current.get();
                    Instant now = clock.instant();
                    Instant nextRun = ScheduleTiming.of(schedule.definition(), serverZone).nextRun(slot, now);
                    if (store.claim(id, slot, nextRun)) {
                        startJob(schedule, now);
                    }
                }
                next = store.find(id);
            }
            next.ifPresentOrElse(this::awaitNextRun, () -> waiting.remove(id));
        } catch (ScheduleStoreException e) {
            LOG.log(Level.WARNING, "Schedule " + id + " could not run; trying again in " + RETRY_AFTER_STORE_FAILURE, e);
            waitFor(id, slot, RETRY_AFTER_STORE_FAILURE.toMillis());
        }
    }

    /**
     * Whether the server has begun to stop: Liberty then shuts its executors down before the application hears of it,
     * and a job started now would be left in the repository as STARTING, never to run. The run stays due instead.
     */
    private boolean serverStopping() {
        try {
            batchExecutor.execute(() -> { });
            return false;
        } catch (RejectedExecutionException e) {
            LOG.info("The server is stopping: the schedules' runs due now are left to the next start");
            return true;
        }
    }

    private void startJob(Schedule schedule, Instant now) {
        ScheduleDefinition definition = schedule.definition();
        Optional<Long> running = runningLastExecution(schedule);
        if (running.isPresent()) {
            store.recordFailure(schedule.id(), now, "run skipped: execution " + running.get() + " is still running");
            LOG.info("Schedule " + schedule.id() + " skips a run: execution " + running.get() + " is still running");
            return;
        }
        Properties parameters = new Properties();
        parameters.putAll(definition.jobParameters());
        long executionId;
        try {
            executionId = batch.jobOperator().start(definition.jobName(), parameters);
        } catch (RuntimeException e) {
            store.recordFailure(schedule.id(), now, "cannot start " + definition.jobName() + ": " + e.getMessage());
            LOG.log(Level.WARNING, "Schedule " + schedule.id() + " could not start " + definition.jobName(), e);
            return;
        }
        store.recordExecution(schedule.id(), now, executionId);
        LOG.info("Schedule " + schedule.id() + " started " + definition.jobName() + " execution " + executionId);
    }

    /**
     * The schedule's last execution while it runs, on this server or another, so that a slow job is not started again
     * beside itself. One that a stopped or killed server left STARTED in the repository does not hold the schedule up.
     */
    private Optional<Long> runningLastExecution(Schedule schedule) {
        Long last = schedule.lastExecutionId();
        if (last == null) {
            return Optional.empty();
        }
        try {
            return executions.isRunning(last) ? Optional.of(last) : Optional.empty();
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }
}
