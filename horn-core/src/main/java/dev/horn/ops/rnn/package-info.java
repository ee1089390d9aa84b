/**
 * Fused recurrent ops: a whole LSTM or GRU time loop in one op (one recurrent GEMM per step,
 * gate math on vectors), each with its backpropagation-through-time op. The input projection
 * {@code x · kernel + bias} for all steps is an ordinary matmul outside the op, so the op holds
 * only the part that must run step by step.
 */
package dev.horn.ops.rnn;
