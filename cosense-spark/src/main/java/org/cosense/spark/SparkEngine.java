package org.cosense.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.cosense.lab.MonteCarlo;
import org.cosense.lab.Progress;
import org.cosense.lab.TrialBatch;
import org.cosense.lab.TrialEngine;
import org.cosense.lab.TrialRebuildException;
import org.cosense.lab.TrialReplay;
import org.cosense.math.RandomStream;

/**
 * Runs a figure's Monte Carlo calls on Apache Spark. Each call becomes one Spark job: the
 * {@link TrialBatch} is broadcast, the flat (point, trial) indices are cut into shards
 * ({@link TrialShards}), each task rebuilds the figure's trial function from the catalog
 * ({@link TrialReplay}, once per executor JVM and call) and returns (index, metrics) pairs, and the
 * driver places them by index. Every trial gets the stream {@code RandomStream.forTrial(seed, point,
 * trial)} as on the embedded engine, so the figure's files are byte-identical to the embedded
 * engine's.
 *
 * <p>The Spark context is started on the first call and stopped by {@link #close()}. With a null
 * master the engine takes Spark's configuration as {@code spark-submit} set it.
 */
public final class SparkEngine implements TrialEngine {
    /**
     * The first task of a call holds a (TASKS_PER_CORE × cores)-th of its trials and later ones less
     * ({@link TrialShards#cut}): few enough tasks to keep Spark's per-task overhead small, and a
     * call ends on single trials.
     */
    static final int TASKS_PER_CORE = 4;
    /** How long a finished call waits for the listener bus to deliver its last task events. */
    static final long LISTENER_WAIT_MS = 2000;

    private final String master;
    private JavaSparkContext sc;
    private ProgressListener listener;
    private long jobs;

    /** @param master a Spark master URL ({@code local[2]}, {@code spark://host:7077}), or null for spark-submit's */
    public SparkEngine(String master) {
        this.master = master;
    }

    @Override
    public String name() {
        String m = master != null ? master : System.getProperty("spark.master", "spark-submit");
        return "spark " + m;
    }

    @Override
    public synchronized double[][][] execute(TrialBatch batch, MonteCarlo.Trial ignored, Progress progress) {
        int points = batch.points();
        int trials = batch.trials();
        double[][][] out = new double[points][trials][];
        long total = batch.size();
        if (total == 0) {
            return out;
        }
        if (batch.run() == null) {
            throw new TrialRebuildException(
                    "Monte Carlo calls outside a catalog figure cannot run on Spark; use the embedded engine");
        }
        JavaSparkContext ctx = context();
        List<TrialShards.Shard> shards = TrialShards.cut(total, ctx.defaultParallelism(), TASKS_PER_CORE);
        String group = "cosense-" + (++jobs);
        Broadcast<TrialBatch> shipped = ctx.broadcast(batch);
        listener.follow(group, batch.label(), shards, total, progress);
        List<TrialShards.Indexed> results;
        try {
            ctx.setJobGroup(group, batch.run().experiment() + " " + batch.label(), false);
            results = ctx.parallelize(shards, shards.size()).mapPartitions(new ShardRunner(shipped)).collect();
            listener.awaitCounted(LISTENER_WAIT_MS);
        } catch (Exception ex) {
            listener.unfollow();
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw workerFailure(batch, ex);
        } finally {
            ctx.clearJobGroup();
            shipped.destroy();
        }
        boolean counted = listener.counted();
        listener.unfollow();
        long placed = 0;
        for (TrialShards.Indexed r : results) {
            out[(int) (r.index() / trials)][(int) (r.index() % trials)] = r.metrics();
            placed++;
        }
        if (placed != total) {
            throw new IllegalStateException("Spark returned " + placed + " of " + total + " trials of " + batch.label());
        }
        if (!counted) {
            progress.update(batch.label(), total, total);
        }
        return out;
    }

    private JavaSparkContext context() {
        if (sc == null) {
            SparkConf conf = new SparkConf().setAppName("cosense")
                    .setIfMissing("spark.ui.enabled", "false")
                    .setIfMissing("spark.ui.showConsoleProgress", "false");
            if (master != null) {
                conf.setMaster(master);
            }
            String url = conf.get("spark.master", "");
            if (!url.startsWith("local") && !conf.contains("spark.jars")) {
                // Started outside spark-submit against a cluster: ship the jar that holds this engine and the catalog.
                conf.setJars(JavaSparkContext.jarOfClass(SparkEngine.class));
            }
            sc = new JavaSparkContext(conf);
            listener = new ProgressListener();
            sc.sc().addSparkListener(listener);
        }
        return sc;
    }

    /**
     * The failure of a job as the figure's one error: a worker that could not rebuild the trials
     * reports its own message; a trial that threw rethrows its exception, as on the embedded engine.
     */
    static RuntimeException workerFailure(TrialBatch batch, Throwable ex) {
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof TrialRebuildException r) {
                return new TrialRebuildException(r.getMessage());
            }
        }
        for (Throwable c = ex.getCause(); c != null; c = c.getCause()) {
            if (c instanceof RuntimeException re && !re.getClass().getName().startsWith("org.apache.spark")) {
                return re;
            }
        }
        String m = String.valueOf(ex.getMessage());
        int nl = m.indexOf('\n');
        return new IllegalStateException("Spark could not run " + batch.label() + ": " + (nl < 0 ? m : m.substring(0, nl)), ex);
    }

    @Override
    public synchronized void close() {
        if (sc != null) {
            sc.stop();
            sc = null;
        }
    }

    /** The task a Spark executor runs: one shard of a call's trials. */
    static final class ShardRunner implements FlatMapFunction<Iterator<TrialShards.Shard>, TrialShards.Indexed> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<TrialBatch> batch;

        ShardRunner(Broadcast<TrialBatch> batch) {
            this.batch = batch;
        }

        @Override
        public Iterator<TrialShards.Indexed> call(Iterator<TrialShards.Shard> shards) {
            TrialBatch b = batch.value();
            MonteCarlo.Trial trial = TrialReplay.trialFor(b);
            int trials = b.trials();
            List<TrialShards.Indexed> out = new ArrayList<>();
            while (shards.hasNext()) {
                TrialShards.Shard s = shards.next();
                for (long i = s.start(); i < s.end(); i++) {
                    int p = (int) (i / trials);
                    int t = (int) (i % trials);
                    out.add(new TrialShards.Indexed(i, trial.run(p, t, RandomStream.forTrial(b.seed(), p, t))));
                }
            }
            return out.iterator();
        }
    }

    /**
     * Progress from Spark's listener bus: each successful task of the followed job group adds its
     * shard's trial count. Events arrive after the fact and in order per stage; late events of a
     * finished call are ignored.
     */
    static final class ProgressListener extends SparkListener {
        private record Followed(String group, String label, List<TrialShards.Shard> shards, long total, Progress progress,
                AtomicLong done, Map<Integer, Boolean> stages, Map<Integer, Boolean> finished, CountDownLatch all) {
        }

        private final AtomicReference<Followed> current = new AtomicReference<>();

        void follow(String group, String label, List<TrialShards.Shard> shards, long total, Progress progress) {
            current.set(new Followed(group, label, shards, total, progress, new AtomicLong(), new ConcurrentHashMap<>(),
                    new ConcurrentHashMap<>(), new CountDownLatch(shards.size())));
        }

        /** Waits (at most {@code ms}) until every shard of the followed call has been counted. */
        void awaitCounted(long ms) throws InterruptedException {
            Followed f = current.get();
            if (f != null) {
                f.all().await(ms, TimeUnit.MILLISECONDS);
            }
        }

        /** Whether the followed call's progress reached its size through the listener. */
        boolean counted() {
            Followed f = current.get();
            return f != null && f.all().getCount() == 0;
        }

        void unfollow() {
            current.set(null);
        }

        @Override
        public void onStageSubmitted(SparkListenerStageSubmitted e) {
            Followed f = current.get();
            if (f != null && e.properties() != null && f.group().equals(e.properties().getProperty("spark.jobGroup.id"))) {
                f.stages().put(e.stageInfo().stageId(), Boolean.TRUE);
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd e) {
            Followed f = current.get();
            if (f == null || !f.stages().containsKey(e.stageId()) || !e.taskInfo().successful()) {
                return;
            }
            int index = e.taskInfo().index();
            if (index >= 0 && index < f.shards().size() && f.finished().putIfAbsent(index, Boolean.TRUE) == null) {
                f.all().countDown();
                long done = Math.min(f.total(), f.done().addAndGet(f.shards().get(index).size()));
                f.progress().update(f.label(), done, f.total());
            }
        }
    }
}
