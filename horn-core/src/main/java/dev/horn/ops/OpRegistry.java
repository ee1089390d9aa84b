package dev.horn.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * Every primitive op kind Horn has, gathered from each op package's catalog. Tests enumerate
 * it (every differentiable op must have a gradient check), and graph tools and exporters look
 * ops up in it.
 */
public final class OpRegistry {
    private static final List<Class<? extends Op>> ALL = gather();

    private OpRegistry() {}

    private static List<Class<? extends Op>> gather() {
        List<Class<? extends Op>> all = new ArrayList<>();
        all.addAll(dev.horn.ops.math.MathCatalog.OPS);
        all.addAll(dev.horn.ops.reduce.ReduceCatalog.OPS);
        all.addAll(dev.horn.ops.array.ArrayCatalog.OPS);
        all.addAll(dev.horn.ops.linalg.LinalgCatalog.OPS);
        all.addAll(dev.horn.ops.nn.NnCatalog.OPS);
        all.addAll(dev.horn.ops.rnn.RnnCatalog.OPS);
        all.addAll(dev.horn.ops.sort.SortCatalog.OPS);
        all.addAll(dev.horn.ops.random.RandomCatalog.OPS);
        all.addAll(dev.horn.ops.state.StateCatalog.OPS);
        return List.copyOf(all);
    }

    public static List<Class<? extends Op>> all() {
        return ALL;
    }

    public static List<Class<? extends Op>> differentiable() {
        return ALL.stream().filter(Op::isDifferentiable).toList();
    }
}
