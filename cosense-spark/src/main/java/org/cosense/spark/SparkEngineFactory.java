package org.cosense.spark;

import org.cosense.InvalidInputException;
import org.cosense.lab.TrialEngine;
import org.cosense.lab.TrialEngineFactory;

/** {@code --engine spark}: the {@link SparkEngine}, listed in META-INF/services. */
public final class SparkEngineFactory implements TrialEngineFactory {
    public static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @param master  {@code local[N]}, {@code spark://host:port}, ...; null only under spark-submit, which sets
     *                {@code spark.master}
     * @param threads ignored: Spark's executors set the parallelism
     */
    @Override
    public TrialEngine create(String master, int threads) {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkEngineFactory.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new InvalidInputException("engine", NAME, "an engine whose jars are on the class path: Apache Spark's are not"
                    + " (run through the cosense script, which adds SPARK_HOME/jars or the local Maven repository's, or spark-submit)");
        }
        if (master == null) {
            InvalidInputException.require(System.getProperty("spark.master") != null, "master", "(none)",
                    "a Spark master URL with --engine spark: local[N] to run in this JVM, spark://host:7077 for a standalone cluster");
        } else {
            InvalidInputException.require(master.startsWith("local") || master.contains("://") || master.equals("yarn"),
                    "master", master, "a Spark master URL: local[N], local[*], spark://host:7077, yarn, k8s://https://host:port");
        }
        return new SparkEngine(master);
    }
}
