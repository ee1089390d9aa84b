package dev.horn.ops.nn;

import dev.horn.ops.Op;
import java.util.Arrays;

/** What the pooling ops and their gradients share: a window sliding with its ksize. */
abstract class PoolingOp extends Op {
    final Window window;
    final int[] ksize;

    PoolingOp(String kind, Window window, int[] ksize) {
        super(kind.replace("%d", window.rank() + "d"));
        this.window = window;
        this.ksize = ksize.clone();
    }

    @Override
    public String attributes() {
        return "ksize=" + Arrays.toString(ksize) + ", " + window;
    }
}
