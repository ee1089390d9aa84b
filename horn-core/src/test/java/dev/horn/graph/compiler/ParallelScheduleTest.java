package dev.horn.graph.compiler;

import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.Variable;
import dev.horn.graph.Function;
import dev.horn.internal.cpu.Parallel;
import dev.horn.ops.Op;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A parallel schedule computes what the sequential one computes, and really overlaps steps. */
class ParallelScheduleTest {
    private static final CompilerOptions SEQUENTIAL = CompilerOptions.ALL.withParallelSchedule(false);

    /**
     * Eight independent matmul + relu branches, each worth a core of its own, summed. Only
     * exactly rounded ops: vector tanh or exp may round differently once the JIT compiles them,
     * which would show as a difference between calls whatever the schedule.
     */
    private static Tensor branches(Tensor[] in) {
        Tensor sum = null;
        for (int i = 0; i < 8; i++) {
            Tensor w = tf.mul(in[1], Tensor.scalar(1f + i / 8f));
            Tensor h = tf.relu(tf.sub(tf.matmul(in[0], w), Tensor.scalar(0.1f * i)));
            Tensor branch = tf.sub(tf.matmul(h, in[1]), tf.mul(h, Tensor.scalar(0.5f)));
            sum = sum == null ? branch : tf.add(sum, branch);
        }
        return sum;
    }

    private static Tensor random(Random r, int... dims) {
        float[] v = new float[dims[0] * dims[1]];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextFloat() - 0.5f;
        }
        return tf.reshape(Tensor.of(v), dims);
    }

    @Test
    void independentBranchesGiveBitIdenticalResultsParallelAndSequential() {
        Random r = new Random(3);
        Tensor x = random(r, 64, 64);
        Tensor w = random(r, 64, 64);
        Function parallel = Function.of(ParallelScheduleTest::branches);
        Function sequential = Function.of(ParallelScheduleTest::branches).withOptions(SEQUENTIAL);
        Function unplanned = Function.of(ParallelScheduleTest::branches)
                .withOptions(CompilerOptions.ALL.withBufferPlanning(false));
        float[] expected = sequential.call(x, w).toFloatArray();
        assertThat(branches(new Tensor[] {x, w}).toFloatArray()).containsExactly(expected);
        for (int i = 0; i < 50; i++) {
            assertThat(parallel.call(x, w).toFloatArray()).as("call %d", i).containsExactly(expected);
            assertThat(unplanned.call(x, w).toFloatArray()).as("call %d, no planning", i).containsExactly(expected);
        }
        Program p = parallel.concrete(List.of(x.spec(), w.spec())).program();
        Program s = sequential.concrete(List.of(x.spec(), w.spec())).program();
        assertThat(s.isParallel()).isFalse();
        assertThat(s.lastScheduleStats().mostAtOnce()).isEqualTo(1);
        assertThat(p.lastMemoryStats().reuses()).isGreaterThan(0);
        assertThat(p.isParallel()).isEqualTo(Parallel.THREADS > 1);
    }

    @Test
    void aGraphWithNoIndependentStepsRunsSequentially() {
        Function chain = Function.of(in -> tf.tanh(tf.matmul(tf.relu(tf.matmul(in[0], in[0])), in[0])));
        Tensor x = tf.ones(8, 8);
        chain.call(x);
        assertThat(chain.concrete(List.of(x.spec())).program().isParallel()).isFalse();
    }

    /** Blocks until every rendezvous of its latch has started: returns only if they overlap. */
    static final class Rendezvous extends Op {
        private final int id;
        private final CountDownLatch all;

        Rendezvous(int id, CountDownLatch all) {
            super("rendezvous");
            this.id = id;
            this.all = all;
        }

        @Override
        public String attributes() {
            return "id=" + id;
        }

        @Override
        public TensorSpec[] infer(TensorSpec... inputs) {
            return new TensorSpec[] {inputs[0]};
        }

        @Override
        public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
            return ParallelRun.DISPATCH_COST; // worth a core, but no more
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
            all.countDown();
            try {
                if (!all.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("rendezvous " + id + " ran alone");
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return new Tensor[] {tf.add(inputs[0], Tensor.scalar((float) id))};
        }
    }

    @Test
    void independentStepsReallyRunAtTheSameTime() {
        assumeTrue(Parallel.THREADS > 1, "needs two threads");
        CountDownLatch latch = new CountDownLatch(2);
        Function f = Function.of(in -> tf.add(new Rendezvous(1, latch).apply(in[0]), new Rendezvous(2, latch).apply(in[0])));
        Tensor x = Tensor.of(new float[] {1, 2});
        assertThat(f.call(x).toFloatArray()).containsExactly(5, 7);
        Program.ScheduleStats stats = f.concrete(List.of(x.spec())).program().lastScheduleStats();
        assertThat(stats.parallel()).isTrue();
        assertThat(stats.mostAtOnce()).isEqualTo(2);
        assertThat(stats.onHelpers()).isGreaterThanOrEqualTo(1);
    }

    /** Counts how many probes run at once; a big probe records what it saw. */
    static final class Probe extends Op {
        private final int id;
        private final long cost;
        private final AtomicInteger active;
        private final AtomicInteger seenWhileBig;

        Probe(int id, long cost, AtomicInteger active, AtomicInteger seenWhileBig) {
            super("probe");
            this.id = id;
            this.cost = cost;
            this.active = active;
            this.seenWhileBig = seenWhileBig;
        }

        @Override
        public TensorSpec[] infer(TensorSpec... inputs) {
            return new TensorSpec[] {inputs[0]};
        }

        @Override
        public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
            return cost;
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
            int now = active.incrementAndGet();
            try {
                Thread.sleep(2); // widens the window in which an overlap would show
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (cost >= ParallelRun.SPLIT_COST) {
                seenWhileBig.accumulateAndGet(Math.max(now, active.get()), Math::max);
            }
            active.decrementAndGet();
            return new Tensor[] {tf.add(inputs[0], Tensor.scalar((float) id))};
        }
    }

    @Test
    void stepsThatSplitAcrossTheCoresRunAlone() {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger seen = new AtomicInteger();
        Function f = Function.of(in -> {
            Tensor sum = in[0];
            for (int i = 0; i < 6; i++) {
                long cost = i % 3 == 0 ? ParallelRun.SPLIT_COST : ParallelRun.DISPATCH_COST;
                sum = tf.add(sum, new Probe(i, cost, active, seen).apply(in[0]));
            }
            return sum;
        });
        Tensor x = Tensor.of(new float[] {0});
        for (int i = 0; i < 5; i++) {
            assertThat(f.call(x).toFloatArray()).containsExactly(15);
        }
        assertThat(seen.get()).isEqualTo(1);
    }

    @Test
    void readAssignReadOfOneVariableKeepsProgramOrder() {
        Variable v = new Variable(tf.zeros(128, 128));
        Function f = Function.ofMany(in -> {
            Tensor first = v.read();
            v.assign(tf.add(first, in[0]));
            Tensor second = v.read();
            v.assignAdd(second);
            Tensor third = v.read();
            return new Tensor[] {first, second, third};
        });
        Tensor one = tf.ones(128, 128);
        float expected = 0;
        for (int call = 0; call < 20; call++) {
            Tensor[] r = f.callMany(one);
            assertThat(r[0].toFloatArray()[0]).isEqualTo(expected);
            assertThat(r[1].toFloatArray()[0]).isEqualTo(expected + 1);
            expected = 2 * (expected + 1);
            assertThat(r[2].toFloatArray()[128 * 128 - 1]).isEqualTo(expected);
            if (expected > 1e6) {
                v.assign(tf.zeros(128, 128));
                expected = 0;
            }
        }
    }

    @Test
    void randomOpsKeepTheirPerCallStreams() {
        java.util.function.Function<Tensor[], Tensor[]> body = in -> new Tensor[] {
            tf.add(tf.randomUniform(128, 128), in[0]), tf.mul(tf.randomNormal(128, 128), in[0])};
        Function parallel = Function.ofMany(body);
        Function sequential = Function.ofMany(body).withOptions(SEQUENTIAL);
        Tensor x = tf.ones(128, 128);
        Horn.setSeed(42);
        Tensor[] p1 = parallel.callMany(x);
        Tensor[] p2 = parallel.callMany(x);
        Horn.setSeed(42);
        Tensor[] s1 = sequential.callMany(x);
        Tensor[] s2 = sequential.callMany(x);
        for (int i = 0; i < 2; i++) {
            assertThat(p1[i].toFloatArray()).containsExactly(s1[i].toFloatArray());
            assertThat(p2[i].toFloatArray()).containsExactly(s2[i].toFloatArray());
            assertThat(p2[i].toFloatArray()).isNotEqualTo(p1[i].toFloatArray());
        }
    }

    @Test
    void aFailingStepFailsTheCallAndTheProgramStaysUsable() {
        boolean[] fail = {true};
        Op boom = new Op("boom") {
            @Override
            public TensorSpec[] infer(TensorSpec... inputs) {
                return new TensorSpec[] {inputs[0]};
            }

            @Override
            public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
                return ParallelRun.DISPATCH_COST;
            }

            @Override
            public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
                if (fail[0]) {
                    throw new IllegalStateException("boom");
                }
                return new Tensor[] {tf.neg(inputs[0])};
            }
        };
        Function f = Function.of(in -> tf.add(boom.apply(in[0]), tf.exp(tf.mul(in[0], in[0]))));
        Tensor x = tf.zeros(64, 64);
        assertThatThrownBy(() -> f.call(x)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        fail[0] = false;
        assertThat(f.call(x).toFloatArray()[0]).isEqualTo(1f);
    }

    @Test
    void anInputReadAtAnOffsetIsNotOverwrittenInPlace() {
        float[] v = new float[40];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.1f;
        }
        Tensor x = Tensor.of(v);
        java.util.function.Function<Tensor[], Tensor> body = in -> {
            Tensor e = tf.mul(in[0], Tensor.scalar(3f));
            return tf.add(tf.slice(e, new int[] {2}, new int[] {1}), e); // e[2] + e, where e dies
        };
        float[] eager = body.apply(new Tensor[] {x}).toFloatArray();
        assertThat(Function.of(body).call(x).toFloatArray()).containsExactly(eager);
        assertThat(Function.of(body).withOptions(SEQUENTIAL).call(x).toFloatArray()).containsExactly(eager);
    }
}
