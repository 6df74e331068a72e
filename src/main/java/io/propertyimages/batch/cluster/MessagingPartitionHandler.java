package io.propertyimages.batch.cluster;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.batch.runtime.BatchStatus;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TemporaryQueue;

import org.jberet.runtime.JobExecutionImpl;
import org.jberet.runtime.JobStopNotificationListener;
import org.jberet.runtime.PartitionExecutionImpl;
import org.jberet.runtime.StepExecutionImpl;
import org.jberet.runtime.context.StepContextImpl;
import org.jberet.spi.PartitionHandler;
import org.jberet.spi.PartitionInfo;

import io.propertyimages.cluster.LeaseKey;
import io.propertyimages.executions.PartitionRun;

/**
 * The coordinator's side of a partitioned step whose partitions go to whichever server has room, over Jakarta
 * Messaging. JBeret hands it the partitions one by one, never more at once than the step's threads (which caps the
 * step across all servers), and waits on its collector queue for each partition's data and end.
 * <p>
 * Each partition goes to the partition queue, and is recorded as queued in the job repository ({@code PI_PARTITION_RUN});
 * a server takes it up under the partition's lease. Results come back to a temporary queue of this handler's. Every
 * check interval it looks at the partitions not yet ended, in the repository rather than at the messages:
 * <ul>
 *   <li>one running on a server whose lease is free (the server died) is queued again, as its next attempt, and
 *       resumes from its last checkpoint on another server;</li>
 *   <li>one queued whose message is no longer in the queue (a server took it and died before taking it up) likewise;</li>
 *   <li>one done whose end never came (the message was lost) ends from what the repository holds;</li>
 *   <li>while messaging is down, queued and orphaned partitions run on this server's threads instead.</li>
 * </ul>
 * So no partition waits for a dead server, and none waits forever for a message.
 */
final class MessagingPartitionHandler implements PartitionHandler, JobStopNotificationListener, PartitionResults {
    private static final Logger LOG = Logger.getLogger(MessagingPartitionHandler.class.getName());
    private static final long RECEIVE_MILLIS = 500;
    /** Looks in a row that a partition must be seen missing or done before the handler acts on it. */
    private static final int LOOKS_TO_ACT = 2;
    private static final int MOST_ATTEMPTS = 5;

    private final PartitionServices services;
    private final JobExecutionImpl jobExecution;
    private final StepExecutionImpl stepExecution;
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final JMSContext dispatchContext;
    private final JMSContext watchContext;
    private final TemporaryQueue resultQueue;
    private final JMSConsumer results;
    private final Thread watcher;
    private volatile boolean closed;
    private volatile boolean messagingDown;
    private BlockingQueue<Boolean> completedPartitionThreads;
    private BlockingQueue<Serializable> collectorDataQueue;

    MessagingPartitionHandler(StepContextImpl stepContext, PartitionServices services) {
        this.services = services;
        this.jobExecution = stepContext.getJobContext().getJobExecution();
        this.stepExecution = (StepExecutionImpl) stepContext.getStepExecution();
        this.dispatchContext = services.connectionFactory().createContext();
        this.watchContext = services.connectionFactory().createContext();
        this.resultQueue = watchContext.createTemporaryQueue();
        this.results = watchContext.createConsumer(resultQueue);
        this.watcher = services.threadFactory().newThread(this::watch);
        watcher.start();
    }

    @Override
    public void setResourceTracker(BlockingQueue<Boolean> completedPartitionThreads) {
        this.completedPartitionThreads = completedPartitionThreads;
    }

    @Override
    public void setCollectorDataQueue(BlockingQueue<Serializable> collectorDataQueue) {
        this.collectorDataQueue = collectorDataQueue;
    }

    @Override
    public void submitPartitionTask(StepContextImpl partitionContext, int currentIndex, int numOfPartitions) {
        Pending partition = new Pending(partitionContext);
        pending.put(partition.number(), partition);
        services.partitionRuns().add(jobExecution.getExecutionId(), stepExecution.getStepExecutionId(), partition.number(), null);
        synchronized (partition) {
            if (!messagingDown) {
                try {
                    send(dispatchContext, partition);
                    return;
                } catch (JMSRuntimeException e) {
                    down(e);
                }
            }
            runHere(partition, PartitionRun.State.QUEUED);
        }
    }

    /** A stop asked of this execution here reaches the partitions on every server through the job repository. */
    @Override
    public void stopRequested(long jobExecutionId) {
        services.repository().stopJobExecution(jobExecution);
    }

    @Override
    public void collected(int partition, int attempt, Serializable data) {
        put(data);
    }

    @Override
    public void ended(int number, int attempt, PartitionExecutionImpl execution) {
        Pending partition = pending.get(number);
        if (partition == null) {
            return;
        }
        synchronized (partition) {
            if (partition.ended || partition.attempt != attempt) {
                return;
            }
            partition.ended = true;
        }
        // A partition stopped by a stop asked of another server: JBeret ends the job STOPPED only when its own copy
        // of the execution, this one, was asked to stop.
        if (execution.getBatchStatus() == BatchStatus.STOPPED && !jobExecution.isStopRequested()) {
            jobExecution.stop();
        }
        if (completedPartitionThreads != null) {
            completedPartitionThreads.offer(Boolean.TRUE);
        }
        put(execution);
    }

    @Override
    public void close(StepContextImpl stepContext) {
        closed = true;
        try {
            watcher.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(dispatchContext);
        closeQuietly(watchContext);
    }

    private void watch() {
        long nextLook = System.nanoTime() + services.checkInterval().toNanos();
        while (!closed) {
            try {
                if (messagingDown) {
                    Thread.sleep(RECEIVE_MILLIS);
                } else {
                    accept(results.receive(RECEIVE_MILLIS));
                }
                if (System.nanoTime() >= nextLook) {
                    lookAtPartitions();
                    nextLook = System.nanoTime() + services.checkInterval().toNanos();
                }
            } catch (JMSRuntimeException | JMSException e) {
                down(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Execution " + jobExecution.getExecutionId() + ": cannot look at its partitions now", e);
            }
        }
    }

    private void accept(Message message) throws JMSException {
        if (message == null) {
            return;
        }
        Serializable body = message.getBody(Serializable.class);
        int number = PartitionMessages.partitionOf(message);
        int attempt = PartitionMessages.attemptOf(message);
        if (body instanceof PartitionExecutionImpl execution) {
            ended(number, attempt, execution);
        } else {
            collected(number, attempt, body);
        }
    }

    private void lookAtPartitions() throws JMSException {
        if (!jobExecution.isStopRequested()
                && JobStatuses.of(services.dataSource(), jobExecution.getExecutionId()).orElse(null) == BatchStatus.STOPPING) {
            jobExecution.stop();
        }
        for (Pending partition : pending.values()) {
            synchronized (partition) {
                if (!partition.ended) {
                    lookAt(partition);
                }
            }
        }
    }

    private void lookAt(Pending partition) throws JMSException {
        Optional<PartitionRun> found = services.partitionRuns().find(stepExecution.getStepExecutionId(), partition.number());
        if (found.isEmpty() || found.get().attempt() != partition.attempt) {
            return;
        }
        PartitionRun run = found.get();
        switch (run.state()) {
            case DONE -> {
                if (++partition.looksDone >= LOOKS_TO_ACT) {
                    ended(partition.number(), partition.attempt, saved(partition));
                }
            }
            case RUNNING -> {
                if (!partition.local && services.leases().isFree(partition.lease())) {
                    serverDied(partition, run);
                }
            }
            case QUEUED -> {
                if (messagingDown) {
                    runHere(partition, PartitionRun.State.QUEUED);
                } else if (isQueued(partition)) {
                    partition.looksMissing = 0;
                } else if (++partition.looksMissing >= LOOKS_TO_ACT) {
                    sendAgain(partition, PartitionRun.State.QUEUED);
                }
            }
        }
    }

    /**
     * The partition's server died while it ran: it runs again from its checkpoint, unless the step is stopping or the
     * partition has had {@value #MOST_ATTEMPTS} attempts already (every server that took it died, or it cannot start).
     */
    private void serverDied(Pending partition, PartitionRun run) {
        String reason = "server " + run.serverId() + ", which ran partition " + partition.number() + ", stopped";
        boolean givingUp = partition.attempt >= MOST_ATTEMPTS;
        if (jobExecution.isStopRequested() || givingUp) {
            String exitStatus = "FAILED: " + reason + (givingUp ? ", at attempt " + partition.attempt + " of " + MOST_ATTEMPTS : "");
            if (givingUp) {
                services.log().warning(jobExecution.getExecutionId(), "Partition " + partition.number() + " " + exitStatus);
            }
            PartitionExecutionImpl execution = saved(partition);
            execution.setBatchStatus(BatchStatus.FAILED);
            execution.setExitStatus(exitStatus);
            services.repository().savePersistentData(jobExecution, execution);
            services.partitionRuns().done(stepExecution.getStepExecutionId(), partition.number(), partition.attempt);
            ended(partition.number(), partition.attempt, execution);
            return;
        }
        services.log().warning(jobExecution.getExecutionId(), "Partition " + partition.number() + " runs again from its last"
                + " checkpoint: " + reason);
        sendAgain(partition, PartitionRun.State.RUNNING);
    }

    private void sendAgain(Pending partition, PartitionRun.State from) {
        if (!services.partitionRuns().requeue(stepExecution.getStepExecutionId(), partition.number(), partition.attempt, from)) {
            return;
        }
        partition.attempt++;
        partition.looksMissing = 0;
        try {
            send(watchContext, partition);
        } catch (JMSRuntimeException e) {
            down(e);
            runHere(partition, PartitionRun.State.QUEUED);
        }
    }

    /** Takes the partition over in the repository, as its next attempt, and runs it on this server's threads. */
    private void runHere(Pending partition, PartitionRun.State from) {
        if (!services.partitionRuns().takeOver(stepExecution.getStepExecutionId(), partition.number(), partition.attempt,
                from, services.serverId())) {
            return;
        }
        int attempt = ++partition.attempt;
        partition.local = true;
        services.executor().execute(() -> services.attempts().runTakenOver(partition.context, attempt, this));
    }

    private void send(JMSContext context, Pending partition) {
        PartitionInfo info = new PartitionInfo((PartitionExecutionImpl) partition.context.getStepExecution(),
                partition.context.getStep(), jobExecution);
        PartitionMessages.sendPartition(context, services.partitionQueue(), info, partition.attempt, resultQueue);
    }

    private boolean isQueued(Pending partition) throws JMSException {
        String selector = PartitionMessages.selectorOf(stepExecution.getStepExecutionId(), partition.number(), partition.attempt);
        try (QueueBrowser browser = watchContext.createBrowser(services.partitionQueue(), selector)) {
            return browser.getEnumeration().hasMoreElements();
        }
    }

    /** The partition as the job repository has it: its end, when its server saved it and the message was lost. */
    private PartitionExecutionImpl saved(Pending partition) {
        return services.repository().getPartitionExecutions(stepExecution.getStepExecutionId(),
                        new StepExecutionImpl(stepExecution.getStepName()), false, services.environment().getClassLoader())
                .stream()
                .filter(p -> p.getPartitionId() == partition.number())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("partition " + partition.number() + " of step execution "
                        + stepExecution.getStepExecutionId() + " is not in the job repository"));
    }

    private void down(Exception e) {
        if (!messagingDown) {
            messagingDown = true;
            LOG.log(Level.WARNING, "Execution " + jobExecution.getExecutionId() + ": messaging is unreachable, so its"
                    + " remaining partitions run on this server: " + e.getMessage(), e);
            services.log().warning(jobExecution.getExecutionId(), "Messaging is unreachable (" + e.getMessage()
                    + "): the remaining partitions run on server " + services.serverId());
        }
    }

    private void put(Serializable data) {
        try {
            collectorDataQueue.put(data);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(JMSContext context) {
        try {
            context.close();
        } catch (JMSRuntimeException e) {
            LOG.log(Level.FINE, "closing a messaging context", e);
        }
    }

    /** A partition this handler sent and has not seen end; guarded by its own monitor. */
    private final class Pending {
        final StepContextImpl context;
        int attempt = 1;
        boolean ended;
        /** Whether the current attempt runs on this server's threads. */
        boolean local;
        int looksMissing;
        int looksDone;

        Pending(StepContextImpl context) {
            this.context = context;
        }

        int number() {
            return ((PartitionExecutionImpl) context.getStepExecution()).getPartitionId();
        }

        LeaseKey lease() {
            return PartitionAttempts.leaseOf(jobExecution, context.getStep().getId(), number());
        }
    }
}
