package dev.horn.ops;

/**
 * What a stateful op touches, so that a scheduler running independent steps side by side keeps
 * the order that matters: two steps touching the same {@code state} run in program order
 * unless both only read it. {@link #ANY} (the default of every stateful op) stands for all
 * state: such a step keeps its place among every stateful step.
 *
 * @param state the state object, compared by identity (a {@link dev.horn.Variable}, the random
 *              seed table); null only in {@link #ANY}
 * @param readOnly true when the op reads the state and never changes it
 */
public record StateAccess(Object state, boolean readOnly) {
    public static final StateAccess ANY = new StateAccess(null, false);

    public static StateAccess reads(Object state) {
        return new StateAccess(java.util.Objects.requireNonNull(state), true);
    }

    public static StateAccess writes(Object state) {
        return new StateAccess(java.util.Objects.requireNonNull(state), false);
    }

    /** True when this access and {@code other} must keep their program order. */
    public boolean conflictsWith(StateAccess other) {
        if (state == null || other.state == null) {
            return true;
        }
        return state == other.state && !(readOnly && other.readOnly);
    }
}
