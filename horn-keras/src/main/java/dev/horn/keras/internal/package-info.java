/** Helpers shared by horn-keras' packages; not API, may change without notice. */
package dev.horn.keras.internal;
