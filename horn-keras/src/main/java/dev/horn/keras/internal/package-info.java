/** Implementation details of horn-keras (number formatting as Python and R print); not API. */
package dev.horn.keras.internal;
