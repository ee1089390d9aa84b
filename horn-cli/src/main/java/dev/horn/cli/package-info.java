/**
 * The {@code horn} command line (picocli): {@code run}, {@code runs ls|view|compare|clean|purge|copy}
 * and {@code tune}, each a thin layer over {@code dev.horn.runs}. Exit status: 0 done, 1 failed
 * (with a one-line {@code horn: ...} message), 2 bad usage.
 */
package dev.horn.cli;
