/**
 * CPU kernels and their plumbing (not public API): heap-array storage, broadcasting loops,
 * the thread pool, GEMM. Kernels read tensors through storage, offset and strides and never
 * write to an input's storage.
 */
package dev.horn.internal.cpu;
