package dev.forewarn.quality.model;

import java.time.Instant;

/**
 * The recent probe samples of one node, oldest recorded first, kept in primitive columns: recording a sample
 * allocates nothing once the columns have grown, and folding a window ({@link NodeWindow}) reads them in place.
 *
 * <p>Holds at most {@code capacity} samples; recording one more forgets the oldest. Not thread-safe: its owner
 * synchronizes on it.
 */
public final class NodeSeries {
    private static final int FIRST_SIZE = 8;
    private static final byte REACHABLE = 1;
    private static final byte HAS_RTT = 2;
    private static final byte HAS_JITTER = 4;
    private static final byte HAS_LOSS = 8;

    private final int capacity;
    private long[] seconds;
    private int[] nanos;
    private byte[] flags;
    private double[] rtt;
    private double[] jitter;
    private double[] loss;
    private int head;
    private int size;

    public NodeSeries(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1 but was " + capacity);
        }
        this.capacity = capacity;
        allocate(Math.min(FIRST_SIZE, capacity));
    }

    /** Records a sample after every one recorded before it (whatever its time), forgetting the oldest when full. */
    public void add(NodeSample s) {
        int length = seconds.length;
        if (size == length) {
            if (length < capacity) {
                grow(Math.min(capacity, length * 2));
                length = seconds.length;
            } else {
                head = next(head, length);
                size--;
            }
        }
        int slot = head + size;
        if (slot >= length) {
            slot -= length;
        }
        Instant at = s.at();
        seconds[slot] = at.getEpochSecond();
        nanos[slot] = at.getNano();
        byte f = s.reachable() ? REACHABLE : 0;
        f |= put(rtt, slot, s.rttMs(), HAS_RTT);
        f |= put(jitter, slot, s.jitterMs(), HAS_JITTER);
        f |= put(loss, slot, s.lossRatio(), HAS_LOSS);
        flags[slot] = f;
        size++;
    }

    /** Forgets the oldest samples for as long as they were taken at or before {@code bound}. */
    public void dropUpTo(Instant bound) {
        long sec = bound.getEpochSecond();
        int nano = bound.getNano();
        while (size > 0 && !after(head, sec, nano)) {
            head = next(head, seconds.length);
            size--;
        }
    }

    /** Number of samples held. */
    public int size() {
        return size;
    }

    /** When the newest sample taken in {@code (after, upTo]} was taken; null when there is none. */
    public Instant newestIn(Instant after, Instant upTo) {
        int newest = -1;
        for (int i = 0; i < size; i++) {
            if (takenAfter(i, after.getEpochSecond(), after.getNano())
                    && !takenAfter(i, upTo.getEpochSecond(), upTo.getNano())
                    && (newest < 0 || takenAfterSample(i, newest))) {
                newest = i;
            }
        }
        return newest < 0 ? null : Instant.ofEpochSecond(epochSecond(newest), nano(newest));
    }

    /** Whether the {@code i}-th oldest sample was taken after the instant {@code sec}/{@code nano}. */
    boolean takenAfter(int i, long sec, int nano) {
        return after(slot(i), sec, nano);
    }

    /** Whether the {@code i}-th oldest sample was taken after the {@code j}-th oldest. */
    boolean takenAfterSample(int i, int j) {
        int k = slot(j);
        return after(slot(i), seconds[k], nanos[k]);
    }

    long epochSecond(int i) {
        return seconds[slot(i)];
    }

    int nano(int i) {
        return nanos[slot(i)];
    }

    boolean reachable(int i) {
        return (flags[slot(i)] & REACHABLE) != 0;
    }

    boolean hasRtt(int i) {
        return (flags[slot(i)] & HAS_RTT) != 0;
    }

    double rttMs(int i) {
        return rtt[slot(i)];
    }

    boolean hasJitter(int i) {
        return (flags[slot(i)] & HAS_JITTER) != 0;
    }

    double jitterMs(int i) {
        return jitter[slot(i)];
    }

    boolean hasLoss(int i) {
        return (flags[slot(i)] & HAS_LOSS) != 0;
    }

    double lossRatio(int i) {
        return loss[slot(i)];
    }

    private boolean after(int slot, long sec, int nano) {
        return seconds[slot] > sec || (seconds[slot] == sec && nanos[slot] > nano);
    }

    private int slot(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        int k = head + i;
        return k >= seconds.length ? k - seconds.length : k;
    }

    private static int next(int slot, int length) {
        return slot + 1 == length ? 0 : slot + 1;
    }

    private static byte put(double[] column, int slot, Double value, byte flag) {
        if (value == null) {
            column[slot] = 0;
            return 0;
        }
        column[slot] = value;
        return flag;
    }

    private void allocate(int length) {
        seconds = new long[length];
        nanos = new int[length];
        flags = new byte[length];
        rtt = new double[length];
        jitter = new double[length];
        loss = new double[length];
    }

    /** Grows the columns, laying the samples out oldest first from slot 0. */
    private void grow(int length) {
        long[] oldSeconds = seconds;
        int[] oldNanos = nanos;
        byte[] oldFlags = flags;
        double[] oldRtt = rtt;
        double[] oldJitter = jitter;
        double[] oldLoss = loss;
        int oldLength = oldSeconds.length;
        allocate(length);
        for (int i = 0; i < size; i++) {
            int k = head + i >= oldLength ? head + i - oldLength : head + i;
            seconds[i] = oldSeconds[k];
            nanos[i] = oldNanos[k];
            flags[i] = oldFlags[k];
            rtt[i] = oldRtt[k];
            jitter[i] = oldJitter[k];
            loss[i] = oldLoss[k];
        }
        head = 0;
    }
}
