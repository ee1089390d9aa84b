/**
 * What the public run API is built from and users do not call: atomic file writes, the flags
 * file, the source archive, artifacts, unique run directory names, the error read from a failed
 * script's output, and the Keras recorder (found by {@link java.util.ServiceLoader}).
 */
package dev.horn.runs.internal;
