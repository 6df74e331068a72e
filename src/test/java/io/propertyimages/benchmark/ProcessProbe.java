package io.propertyimages.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Watches a process during a run: CPU seconds from {@code /proc/<pid>/stat} (user + system), resident memory from
 * {@code /proc/<pid>/status} and, for a Liberty server, heap in use over its local JMX connector, both sampled every
 * {@value #SAMPLE_MILLIS} ms for their peaks. A process that ends during the run (a peer) is sampled until it ends.
 */
final class ProcessProbe implements AutoCloseable {
    static final int SAMPLE_MILLIS = 20;
    private static final int HEAP_EVERY = 5;
    private final long pid;
    private final double ticksPerSecond;
    private final JMXConnector jmx;
    private final MemoryMXBean memory;
    private final AtomicLong peakRssKb = new AtomicLong();
    private final AtomicLong peakHeapBytes = new AtomicLong();
    private volatile boolean sampling;
    private volatile RuntimeException failure;
    private Thread sampler;
    private long cpuTicksAtStart;

    record Figures(double cpuSeconds, double peakRssMb, double peakHeapMb) {
    }

    /** @param jmxAddress the server's local JMX address ({@link LibertyServer#localJmxAddress()}), or null for no heap */
    ProcessProbe(long pid, String jmxAddress) throws IOException, InterruptedException {
        this.pid = pid;
        this.ticksPerSecond = clockTicksPerSecond();
        jmx = jmxAddress == null ? null : JMXConnectorFactory.connect(new JMXServiceURL(jmxAddress));
        memory = jmx == null ? null : ManagementFactory.newPlatformMXBeanProxy(jmx.getMBeanServerConnection(),
                ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    }

    void begin() throws IOException {
        peakRssKb.set(0);
        peakHeapBytes.set(memory == null ? -1 : 0);
        cpuTicksAtStart = cpuTicks();
        sampling = true;
        sampler = new Thread(this::sample, "server-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The figures since {@link #begin}; the CPU seconds are NaN when the process has ended. */
    Figures end() throws IOException, InterruptedException {
        sampling = false;
        sampler.join();
        if (failure != null) {
            throw failure;
        }
        double cpu = isAlive() ? (cpuTicks() - cpuTicksAtStart) / ticksPerSecond : Double.NaN;
        return new Figures(cpu, peakRssKb.get() / 1024.0, memory == null ? Double.NaN : peakHeapBytes.get() / (1024.0 * 1024));
    }

    private boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private void sample() {
        for (int tick = 0; sampling; tick++) {
            try {
                long rss = rssKb();
                if (rss < 0) {
                    return;
                }
                peakRssKb.accumulateAndGet(rss, Math::max);
                if (memory != null && tick % HEAP_EVERY == 0) {
                    peakHeapBytes.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                }
                Thread.sleep(SAMPLE_MILLIS);
            } catch (IOException | RuntimeException e) {
                if (isAlive()) {
                    failure = new IllegalStateException("cannot watch process " + pid, e);
                }
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // Fields after the command, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The resident set in KB, or -1 for a process that has ended (a zombie has no VmRSS). */
    private long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static double clockTicksPerSecond() throws IOException, InterruptedException {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
        String ticks = new String(getconf.getInputStream().readAllBytes()).strip();
        getconf.waitFor();
        return Double.parseDouble(ticks);
    }

    @Override
    public void close() throws IOException {
        if (jmx != null) {
            jmx.close();
        }
    }
}
