package org.cosense.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.cosense.InvalidInputException;

/**
 * All systems and benchmarks on the class path, discovered with {@link ServiceLoader} once per
 * JVM. Systems are sorted by id, benchmarks by name; lookups of unknown ids throw
 * {@link InvalidInputException} listing the allowed ones.
 */
public final class Catalog {
    private Catalog() {
    }

    private static final class Loaded {
        static final List<ExperimentProvider> SYSTEMS = loadSystems();
        static final List<Benchmark> BENCHMARKS = loadBenchmarks();
    }

    private static List<ExperimentProvider> loadSystems() {
        List<ExperimentProvider> list = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (ExperimentProvider p : ServiceLoader.load(ExperimentProvider.class, Catalog.class.getClassLoader())) {
            if (!ids.add(p.system())) {
                throw new IllegalStateException("two experiment providers for system " + p.system());
            }
            for (Experiment e : p.experiments()) {
                if (!e.system().equals(p.system())) {
                    throw new IllegalStateException("provider " + p.system() + " lists " + e.qualifiedId());
                }
            }
            list.add(p);
        }
        list.sort(Comparator.comparing(ExperimentProvider::system));
        return List.copyOf(list);
    }

    private static List<Benchmark> loadBenchmarks() {
        List<Benchmark> list = new ArrayList<>();
        for (Benchmark b : ServiceLoader.load(Benchmark.class, Catalog.class.getClassLoader())) {
            list.add(b);
        }
        list.sort(Comparator.comparing(Benchmark::name));
        return List.copyOf(list);
    }

    /** All systems, sorted by id. */
    public static List<ExperimentProvider> systems() {
        return Loaded.SYSTEMS;
    }

    /** The system {@code id}, or an {@link InvalidInputException} naming the known ones. */
    public static ExperimentProvider system(String id) {
        for (ExperimentProvider p : systems()) {
            if (p.system().equals(id)) {
                return p;
            }
        }
        throw new InvalidInputException("system", id, "must be one of " + systemIds() + " or all");
    }

    /** Every figure of every system, in catalog order. */
    public static List<Experiment> all() {
        return systems().stream().flatMap(p -> p.experiments().stream()).toList();
    }

    /** A figure by qualified id ({@code hua3d.fig6}). */
    public static Experiment figure(String qualifiedId) {
        int dot = qualifiedId.indexOf('.');
        if (dot < 0) {
            throw new InvalidInputException("figure", qualifiedId, "give a qualified id <system>.<figure> such as " + example());
        }
        return figure(qualifiedId.substring(0, dot), qualifiedId.substring(dot + 1));
    }

    /** The figure {@code figureId} of {@code system}. */
    public static Experiment figure(String system, String figureId) {
        ExperimentProvider p = system(system);
        for (Experiment e : p.experiments()) {
            if (e.id().equals(figureId)) {
                return e;
            }
        }
        throw new InvalidInputException("figure", figureId, "must be one of " + system + "'s figures "
                + p.experiments().stream().map(Experiment::id).collect(Collectors.joining(", ")));
    }

    /**
     * The figures to reproduce: {@code system} is a system id or {@code all}; {@code figures}
     * (possibly empty) are ids within that system, or qualified ids ({@code hua3d.fig6}), which
     * are required with {@code all}. Order: as given, without duplicates; all figures if none given.
     */
    public static List<Experiment> select(String system, List<String> figures) {
        boolean all = "all".equals(system);
        if (!all) {
            system(system); // fails early, naming the allowed systems
        }
        if (figures == null || figures.isEmpty()) {
            return all ? all() : system(system).experiments();
        }
        Map<String, Experiment> chosen = new LinkedHashMap<>();
        for (String f : figures) {
            String id = f.trim();
            Experiment e;
            int dot = id.indexOf('.');
            if (dot >= 0) {
                String sys = id.substring(0, dot);
                if (!all && !sys.equals(system)) {
                    throw new InvalidInputException("figure", id, "it belongs to system " + sys + ", not " + system
                            + " (use 'reproduce all --figure " + id + "')").involving("system");
                }
                e = figure(id);
            } else if (all) {
                throw new InvalidInputException("figure", id, "with 'all', give qualified ids such as " + example()
                        + ", or name one system").involving("system");
            } else {
                e = figure(system, id);
            }
            chosen.putIfAbsent(e.qualifiedId(), e);
        }
        return List.copyOf(chosen.values());
    }

    /** All benchmarks, sorted by name. */
    public static List<Benchmark> benchmarks() {
        return Loaded.BENCHMARKS;
    }

    public static Benchmark benchmark(String name) {
        for (Benchmark b : benchmarks()) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        throw new InvalidInputException("benchmark", name, "must be one of "
                + (benchmarks().isEmpty() ? "(none installed)" : benchmarks().stream().map(Benchmark::name).collect(Collectors.joining(", "))));
    }

    private static String systemIds() {
        return systems().isEmpty() ? "(none installed)" : systems().stream().map(ExperimentProvider::system).collect(Collectors.joining(", "));
    }

    private static String example() {
        List<Experiment> a = all();
        return a.isEmpty() ? "hua3d.fig6" : a.get(0).qualifiedId();
    }
}
