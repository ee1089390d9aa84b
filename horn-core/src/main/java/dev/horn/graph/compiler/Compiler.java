package dev.horn.graph.compiler;

import dev.horn.graph.Node;
import dev.horn.graph.Output;
import java.util.List;

/**
 * Turns the part of a graph that computes some fetches (and runs some target nodes for their
 * effects) into a {@link Program}: prune what is not needed, fold constants, merge common
 * subexpressions, prune again, fuse element-wise chains and weight gradients with their optimizer
 * updates, then plan buffers and schedule.
 */
public final class Compiler {
    private Compiler() {}

    public static Program compile(List<Node> nodes, List<Output> feeds, List<Output> fetches, List<Node> targets,
                                  CompilerOptions options) {
        Ir ir = Ir.lower(nodes, feeds, fetches, targets);
        int lowered = ir.steps.size();
        int folded = options.constantFolding() ? ConstantFolding.run(ir) : 0;
        int merged = options.commonSubexpressions() ? CommonSubexpressions.run(ir) : 0;
        ir.prune();
        int fused = options.fusion() ? ElementwiseFusion.run(ir) + UpdateFusion.run(ir) : 0;
        return new Program(ir, options.bufferPlanning(), options.parallelSchedule(),
                new Program.Report(lowered, folded, merged, fused, ir.steps.size()));
    }
}
