package dev.horn.ops.nn;

/**
 * A window table ({@link Window#sources}) compressed into runs: for each output position, the
 * stretches of consecutive kernel positions that read consecutive input positions (a kernel
 * row inside the image, channels last) or padding. With one group, a run is one contiguous
 * copy of {@code length x channels} elements, so im2col copies a 3x3 window in 3 moves, not 9.
 *
 * @param start output position o's runs are [start[o], start[o + 1])
 * @param kernelPos first kernel position of each run
 * @param source first input position of each run, -1 for padding
 * @param length kernel positions in each run
 */
record WindowRuns(int[] start, int[] kernelPos, int[] source, int[] length) {
    static WindowRuns of(int[] sources, int kernelVolume) {
        int outSpatial = sources.length / kernelVolume;
        int[] start = new int[outSpatial + 1];
        int count = 0;
        for (int o = 0; o < outSpatial; o++) {
            for (int p = 0; p < kernelVolume; p++) {
                if (p == 0 || !continues(sources, o * kernelVolume + p)) {
                    count++;
                }
            }
        }
        int[] kernelPos = new int[count];
        int[] source = new int[count];
        int[] length = new int[count];
        int r = -1;
        for (int o = 0; o < outSpatial; o++) {
            start[o] = r + 1;
            for (int p = 0; p < kernelVolume; p++) {
                int i = o * kernelVolume + p;
                if (p == 0 || !continues(sources, i)) {
                    r++;
                    kernelPos[r] = p;
                    source[r] = sources[i];
                }
                length[r]++;
            }
        }
        start[outSpatial] = count;
        return new WindowRuns(start, kernelPos, source, length);
    }

    /** True when entry i reads the input position after entry i - 1's, or both read padding. */
    private static boolean continues(int[] sources, int i) {
        int prev = sources[i - 1];
        int here = sources[i];
        return prev < 0 ? here < 0 : here == prev + 1;
    }
}
