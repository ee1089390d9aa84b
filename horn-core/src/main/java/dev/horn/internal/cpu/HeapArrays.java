package dev.horn.internal.cpu;

import dev.horn.DType;

/** Allocation of the Java array that holds a dtype's elements on the CPU. */
public final class HeapArrays {
    private HeapArrays() {}

    public static Object newArray(DType dtype, int size) {
        return switch (dtype) {
            case FLOAT32 -> new float[size];
            case FLOAT64 -> new double[size];
            case INT32 -> new int[size];
            case INT64 -> new long[size];
            case BOOL -> new boolean[size];
            case STRING -> new String[size];
        };
    }
}
